import type { EntityType } from '../doc.js';
import { ORGANIZATIONS, PEOPLES, REGIONS, type NamedEntry } from './curated.js';
import type { LexiconEntry, LexiconExtension } from './extension.js';
import { ACTOR_GROUPS, ACTOR_PEOPLE } from './generated/actors.js';
import { CITIES } from './generated/cities.js';
import { COUNTRIES } from './generated/countries.js';
import { DEMONYMS } from './generated/demonyms.js';
import { PhraseTrie } from './phrase-trie.js';
import { firstNameGender, foldToAscii, isOrgCue, isRoleWord, type NameGender } from './words.js';

export { LEXICON_ENTRY_TYPES, LexiconExtensionError, parseLexiconExtension } from './extension.js';
export type { LexiconEntry, LexiconEntryType, LexiconExtension } from './extension.js';
export type { NameGender } from './words.js';

export type LexiconKind = 'country' | 'demonym' | 'city' | 'organization' | 'region';

export interface LexiconMatch {
  /** Tokens covered, from the start token. */
  length: number;
  kind: LexiconKind;
  type: EntityType;
  /** "Islamic State" for "ISIL", "Russian" for "Russians", "Russia" for "Russian Federation". */
  canonical: string;
  /** The country a country, city or nationality belongs to ("Kabul" → "Afghanistan"), else null. */
  country: string | null;
}

/** Gazetteer of countries, nationalities, cities, regions and organisations, plus word lists. */
export interface Lexicon {
  /**
   * Longest entry starting at token `i` of `lower` (`doc.tokens.lower`), or null. Matching ignores
   * case, so callers check capitalisation, except for 2–3 letter acronyms ("US", "IS", "AP", "FBI"),
   * which match only when `surface` (e.g. `(j) => doc.word(j)`) shows them in capitals.
   */
  matchAt(lower: readonly string[], i: number, surface?: (token: number) => string): LexiconMatch | null;
  firstNameGender(lower: string): NameGender | null;
  /** Head nouns of organisation names ("ministry", "party"); plurals count. */
  isOrgCue(lower: string): boolean;
  /** Person roles and titles ("spokesperson", "minister", "gen."); plurals count. */
  isRoleWord(lower: string): boolean;
  /** "russian" / "russians" → "Russia"; null for unknown words and stateless peoples ("kurds"). */
  demonymCountry(lower: string): string | null;
  /**
   * Longest PETRARCH2 actor name (two words or more) starting at token `i`: an individual
   * ("person") or an organisation or armed group ("group"). A feature of the NER tagger only.
   */
  actorAt(lower: readonly string[], i: number): { length: number; kind: ActorKind } | null;
}

export type ActorKind = 'person' | 'group';

let actors: PhraseTrie<ActorKind> | null = null;

/** Built on first use, from names stored as tokens (so no tokenizing here); the first kind listed wins. */
function actorNames(): PhraseTrie<ActorKind> {
  if (actors) return actors;
  const names = new PhraseTrie<ActorKind>();
  for (const name of ACTOR_PEOPLE.split('\n')) names.addWords(name.split(' '), 'person', null);
  for (const name of ACTOR_GROUPS.split('\n')) names.addWords(name.split(' '), 'group', null);
  actors = names;
  return names;
}

/** The longest actor name at token `i` of `lower`; the names are two tokens or more. */
function actorAt(lower: readonly string[], i: number): { length: number; kind: ActorKind } | null {
  const found = actorNames().longestAt(lower, i);
  return found && found.length >= 2 ? { length: found.length, kind: found.value } : null;
}

type Entry = Omit<LexiconMatch, 'length'>;

const KIND_OF_TYPE: Record<LexiconEntry['type'], LexiconKind> = {
  ORG: 'organization', MISC: 'organization', GPE: 'region', LOC: 'region', NORP: 'demonym',
};

/** Cities (by importance) found by their name written without accents ("Bogota", "Zurich", "Geneve"); "Bush" (Būsh) and "Garcia" (García) are further down. */
const ACCENTLESS_CITY_RANK = 2500;
/** The qualifier that follows a city's name: "am Main", "upon Tyne", "(Oder)". */
const CITY_QUALIFIER = /^(.+?) (?:am|an der|im|upon|\()/;

/**
 * Builds the lexicon; `extra` entries take priority over the shipped ones, so a user file can
 * both add names and re-point an alias. Otherwise organisations win over places, and countries
 * over regions, nationalities and cities ("Georgia" is the country).
 */
export function createLexicon(extra?: LexiconExtension): Lexicon {
  const trie = new PhraseTrie<Entry>();
  const countryByCode = new Map(COUNTRIES.map(([code, canonical]) => [code, canonical]));
  const demonyms = new Map<string, string>();
  const add = (phrases: readonly string[], value: Entry): void => {
    for (const phrase of phrases) {
      trie.add(phrase, value);
      if (value.kind === 'demonym' && value.country && !demonyms.has(phrase.toLowerCase())) {
        demonyms.set(phrase.toLowerCase(), value.country);
      }
    }
  };
  const addNamed = (entry: NamedEntry | LexiconEntry, kind: LexiconKind): void =>
    add([entry.name, ...(entry.aliases ?? [])], { kind, type: entry.type, canonical: entry.name, country: null });

  for (const entry of extra?.entries ?? []) addNamed(entry, KIND_OF_TYPE[entry.type]);
  for (const entry of ORGANIZATIONS) addNamed(entry, 'organization');
  for (const [, canonical, ...aliases] of COUNTRIES) {
    add([canonical, ...aliases], { kind: 'country', type: 'GPE', canonical, country: canonical });
  }
  for (const entry of REGIONS) addNamed(entry, 'region');
  for (const { name, aliases = [], country = null } of PEOPLES) {
    add([name, ...aliases], { kind: 'demonym', type: 'NORP', canonical: name, country });
  }
  for (const [code, demonym, ...plurals] of DEMONYMS) {
    add([demonym, ...plurals], { kind: 'demonym', type: 'NORP', canonical: demonym, country: countryByCode.get(code) ?? null });
  }
  CITIES.split('\n').forEach((line, rank) => {
    const [name, code, ...aliases] = line.split('\t');
    // "Bush" is Būsh, Egypt, written without its accent: a small town's unaccented name is more
    // often an English word or surname, so only the larger cities are found by theirs.
    const folded = rank < ACCENTLESS_CITY_RANK ? '' : foldToAscii(name);
    // "Frankfurt am Main", "Newcastle upon Tyne", "Halle (Saale)": a larger city goes by its first words too.
    const short = rank < ACCENTLESS_CITY_RANK ? CITY_QUALIFIER.exec(name)?.[1] : undefined;
    add([name, ...aliases.filter((alias) => alias !== folded), ...(short ? [short] : [])], { kind: 'city', type: 'GPE', canonical: name, country: countryByCode.get(code) ?? null });
  });

  return {
    matchAt(lower, i, surface) {
      const found = trie.longestAt(lower, i, surface);
      return found && { length: found.length, ...found.value };
    },
    firstNameGender,
    isOrgCue,
    isRoleWord,
    demonymCountry: (lower) => demonyms.get(lower) ?? null,
    actorAt,
  };
}

let shipped: Lexicon | null = null;

/** The lexicon without user additions, built once on first use (about 30k phrases). */
export function defaultLexicon(): Lexicon {
  shipped ??= createLexicon();
  return shipped;
}
