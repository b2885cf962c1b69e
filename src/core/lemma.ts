/**
 * Rule-based English lemmatizer keyed by Penn Treebank tag: irregular forms from tables, then
 * suffix rules that undo consonant doubling ("stopped" → "stop") and restore a silent e
 * ("noted" → "note", "accused" → "accuse"). Lemmas are lower-case; conventions follow
 * Universal Dependencies English (GUM/EWT): "him" → "he", "people" → "person", "better" → "good".
 */

/** Irregular verbs, one per comma: lemma then its irregular forms. */
const IRREGULAR_VERBS = `be am is are was were been being 's 're 'm ai, have has had having 've 'd,
do does did done doing, go goes went gone, say said, focus focuses, make made, get got gotten, know knew known,
take took taken, see saw seen, come came, think thought, give gave given, find found, tell told,
become became, leave left, feel felt, bring brought, begin began begun, keep kept, hold held,
write wrote written, stand stood, hear heard, mean meant, meet met, run ran, pay paid, sit sat,
speak spoke spoken, lie lay lain lying, lead led, grow grew grown, lose lost, fall fell fallen,
send sent, build built, understand understood, draw drew drawn, break broke broken, spend spent,
rise rose risen, drive drove driven, buy bought, wear wore worn, choose chose chosen, seek sought,
throw threw thrown, catch caught, deal dealt, win won, forget forgot forgotten, lay laid, sell sold,
fight fought, eat ate eaten, teach taught, sleep slept, shoot shot, hang hung, fly flew flown,
strike struck stricken, arise arose arisen, beat beaten, bear bore borne born, bend bent, bind bound,
bite bit bitten, bleed bled, blow blew blown, breed bred, burn burnt, cling clung, creep crept,
dig dug, dive dove, dream dreamt, drink drank drunk, dwell dwelt, feed fed, flee fled, fling flung,
forbid forbade forbidden, forgive forgave forgiven, freeze froze frozen, grind ground, hide hid hidden,
kneel knelt, lean leant, leap leapt, learn learnt, lend lent, light lit, mistake mistook mistaken,
overcome overcame, overtake overtook overtaken, overthrow overthrew overthrown, prove proven,
ride rode ridden, ring rang rung, shake shook shaken, shine shone, shrink shrank shrunk, sing sang sung,
sink sank sunk, slide slid, sling slung, speed sped, spin spun, spit spat, spring sprang sprung,
steal stole stolen, stick stuck, sting stung, stink stank stunk, string strung, strive strove striven,
swear swore sworn, sweep swept, swell swollen, swim swam swum, swing swung, tear tore torn,
tread trod trodden, undergo underwent undergone, undertake undertook undertaken, wake woke woken,
weave wove woven, weep wept, wind wound, withdraw withdrew withdrawn, sew sewn, show shown,
die dying, tie tying, vie vying`;

/** Modal clitics and the stems left when "can't", "won't" lose their "n't". */
const MODALS = "will 'll wo, would 'd, can ca, shall sha";

/** Irregular plurals: lemma then plural forms. Words ending in "men", "wives", … match by suffix. */
const IRREGULAR_PLURALS = `person people, child children, man men, woman women, foot feet, tooth teeth,
goose geese, mouse mice, louse lice, ox oxen, criterion criteria, phenomenon phenomena,
medium media, bacterium bacteria, alumnus alumni, stimulus stimuli, fungus fungi, nucleus nuclei,
radius radii, syllabus syllabi, cactus cacti, curriculum curricula, stratum strata, index indices,
appendix appendices, matrix matrices, vertex vertices, analysis analyses, crisis crises, thesis theses,
hypothesis hypotheses, diagnosis diagnoses, emphasis emphases, parenthesis parentheses,
synthesis syntheses, axis axes, oasis oases, life lives, wife wives, knife knives,
leaf leaves, thief thieves, loaf loaves, hoof hooves, scarf scarves, half halves, self selves,
shelf shelves, wolf wolves, calf calves, elf elves, quiz quizzes, gas gases, bias biases,
alias aliases, atlas atlases, canvas canvases, lens lenses, bus buses, series, species, news, means,
headquarters, data, police, cattle, clothes, pants, remains, thanks, surroundings, arrears, politics`;

/** Comparatives and superlatives that do not follow the -er/-est rules, per word class. */
const IRREGULAR_ADJECTIVES = 'good better best, bad worse worst, far farther farthest furthest, further further, old elder eldest';
const IRREGULAR_ADVERBS = 'well better best, badly worse worst, far further farther furthest farthest';

/** Object pronouns take the subject form as lemma. */
const PRONOUNS = "i me, he him, she her, we us 's, they them 'em em, who whom";
/** Determiners: UD English lemmatizes "an" to "a" and plural demonstratives to the singular. */
const DETERMINERS = 'a an, this these, that those';

/** Stems that end in a double consonant of their own ("added" is not "ad" + "ded"). */
const DOUBLE_FINAL = new Set(
  `add odd egg err purr inn ebb mitt install recall fulfill enroll instill distill forestall appall
  befall overfill`.split(/\s+/),
);
/** Stems that take no silent e although the rules would give one. */
const NO_SILENT_E = new Set(
  `focus develop envelop gallop gossip worship kidnap handicap wallop scallop pilot pivot ballot idiot
  visit limit edit exit credit inhibit prohibit exhibit inherit deposit merit profit solicit elicit posit
  audit vomit summit orbit spirit accustom debut`.split(/\s+/),
);
/** Stems that take a silent e although the rules would give none. */
const SILENT_E = new Set(
  `escape unite invite excite ignite recite incite expedite ignore restore explore adore implore deplore
  underscore postpone condone intervene convene interfere adhere revere persevere cohere sincere waste
  taste paste haste complete delete compete deplete secrete obsolete breathe bathe clothe loathe soothe
  seethe scale exhale inhale pale stale canoe create recreate procreate permeate nauseate delineate plunge lunge expunge infringe`.split(/\s+/),
);
/** Plural lemmas that end in -ie ("movies" → "movie", not "movy"). */
const IE_NOUNS = new Set(
  `movie cookie zombie calorie rookie hippie pie tie lie die genie prairie brownie goalie selfie smoothie
  sortie auntie hoodie newbie yuppie veggie freebie`.split(/\s+/),
);
/** Plural lemmas ending in -che or -e after a sibilant, which keep their e ("caches" → "cache"). */
const KEEP_E_PLURAL = /(?:^ache|headache|toothache|backache|heartache|^cache|mustache|niche|avalanche|psyche|quiche|creche|cliche|abuse|excuse|^use|^fuse|^muse|^ruse|recluse)$/;

function table(source: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of source.split(',')) {
    const [lemma, ...forms] = entry.trim().split(/\s+/);
    for (const form of forms) if (!map.has(form)) map.set(form, lemma);
  }
  return map;
}

const VERB_FORMS = table(IRREGULAR_VERBS);
const PLURAL_FORMS = table(IRREGULAR_PLURALS);
const ADJECTIVE_FORMS = table(IRREGULAR_ADJECTIVES);
const ADVERB_FORMS = table(IRREGULAR_ADVERBS);
const PRONOUN_FORMS = table(PRONOUNS);
const MODAL_FORMS = table(MODALS);
const DETERMINER_FORMS = table(DETERMINERS);
for (const entry of IRREGULAR_PLURALS.split(',')) {
  const [lemma, ...forms] = entry.trim().split(/\s+/);
  if (forms.length === 0) PLURAL_FORMS.set(lemma, lemma);
}

// Longest first: "underlying" is "under" + "lying", not "un" + "derlying".
const VERB_PREFIX = /^(?:under|over|with|fore|out|mis|re|un|up|be)(?=...)/;
const VOWEL = /[aeiouy]/;
const VOWEL_GROUPS = /[aeiouy]+/g;

/** `lower` is the lower-cased token (curly apostrophes folded); `ptbTag` its Penn Treebank tag. */
export function lemmatize(lower: string, ptbTag: string): string {
  const word = lower.replace(/[’‘]/g, "'");
  switch (ptbTag) {
    case 'VB': case 'VBP': case 'VBD': case 'VBN': case 'VBG': case 'VBZ':
      return verbLemma(word, ptbTag);
    case 'MD':
      return MODAL_FORMS.get(word) ?? word;
    case 'NNS': case 'NNPS':
      return nounLemma(word);
    case 'JJR': case 'JJS':
      return ADJECTIVE_FORMS.get(word) ?? comparativeLemma(word);
    case 'RBR': case 'RBS':
      return ADVERB_FORMS.get(word) ?? comparativeLemma(word);
    case 'PRP': case 'WP':
      return PRONOUN_FORMS.get(word) ?? word;
    case 'POS':
      return "'s";
    case 'DT':
      return DETERMINER_FORMS.get(word) ?? word;
    case 'RB':
      return word === "n't" || word === 'n`t' ? 'not' : word;
    default:
      return word;
  }
}

function verbLemma(word: string, tag: string): string {
  const irregular = VERB_FORMS.get(word);
  // A base form is its own lemma ("lay", "found"), except the present forms of be and have.
  if (tag === 'VB' || tag === 'VBP') return irregular === 'be' || irregular === 'have' ? irregular : word;
  if (irregular !== undefined) return irregular;
  const prefix = VERB_PREFIX.exec(word);
  if (prefix) {
    const rest = VERB_FORMS.get(word.slice(prefix[0].length));
    if (rest !== undefined) return prefix[0] + rest;
  }
  switch (tag) {
    case 'VBD': case 'VBN':
      if (word.endsWith('ied')) return word.length <= 4 ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
      return word.endsWith('ed') ? restoreStem(word.slice(0, -2), 'ed', word) : word;
    case 'VBG':
      return word.endsWith('ing') ? restoreStem(word.slice(0, -3), 'ing', word) : word;
    case 'VBZ':
      return stripPluralS(word, false);
    default:
      return word;
  }
}

function nounLemma(word: string): string {
  const irregular = PLURAL_FORMS.get(word) ?? irregularBySuffix(word);
  if (irregular !== undefined) return irregular;
  if (word.endsWith('ves')) {
    if (word.endsWith('lves') && word !== 'valves') return `${word.slice(0, -3)}f`;
    return word.slice(0, -1);
  }
  // "1960s" and "20s" are their own lemmas.
  if (/(?:ss|us|is)$/.test(word) || !word.endsWith('s') || /^\d/.test(word)) return word;
  return stripPluralS(word, true);
}

/** Compounds ending in an irregular plural: "businessmen", "grandchildren", "housewives". */
function irregularBySuffix(word: string): string | undefined {
  const m = /(men|children|wives|knives|selves|people)$/.exec(word);
  if (!m || m.index === 0) return undefined;
  return word.slice(0, m.index) + (PLURAL_FORMS.get(m[1]) as string);
}

/** -s / -es of plural nouns (`noun`) and third-person verbs. */
function stripPluralS(word: string, noun: boolean): string {
  if (word.length <= 2 || !word.endsWith('s') || word.endsWith('ss')) return word;
  if (word.endsWith('ies')) {
    if (word.length <= 4) return word.slice(0, -1);
    const ie = word.slice(0, -1);
    return noun && IE_NOUNS.has(ie) ? ie : `${word.slice(0, -3)}y`;
  }
  if (!word.endsWith('es')) return word.slice(0, -1);
  const stem = word.slice(0, -2);
  if (KEEP_E_PLURAL.test(stem + 'e')) return stem + 'e';
  if (/(?:ch|sh|x|ss|zz)$/.test(stem)) return stem;
  if (stem.endsWith('o')) return stem.length <= 3 || stem === 'cano' ? word.slice(0, -1) : stem;
  // "viruses" → "virus", but "accuses" → "accuse" and "houses" → "house".
  if (noun && /[^aeiou]us$/.test(stem)) return stem;
  return word.slice(0, -1);
}

function comparativeLemma(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('iest')) return `${word.slice(0, -4)}y`;
  if (word.endsWith('ier')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('est')) return restoreStem(word.slice(0, -3), 'est', word);
  if (word.endsWith('er')) return restoreStem(word.slice(0, -2), 'er', word);
  return word;
}

function isVowel(c: string | undefined): boolean {
  return c !== undefined && 'aeiou'.includes(c);
}

/**
 * Undoes spelling changes before a suffix: a doubled final consonant ("stopp" → "stop") or a
 * dropped silent e ("not" → "note"). `form` is returned unchanged when the stem has no vowel
 * (so "bring" and "red" are not read as "br" + "ing" and "r" + "ed").
 */
function restoreStem(stem: string, suffix: 'ed' | 'ing' | 'er' | 'est', form: string): string {
  if (stem.length < 2 || !VOWEL.test(stem)) return form;
  if (DOUBLE_FINAL.has(stem)) return stem;
  const last = stem[stem.length - 1];
  const before = stem[stem.length - 2];
  if (last === before && !isVowel(last)) return undouble(stem);
  if (NO_SILENT_E.has(stem)) return stem;
  if (SILENT_E.has(stem + 'e')) return stem + 'e';
  if (last === 'e') return suffix === 'ing' ? stem : stem + 'e';
  return needsSilentE(stem) ? stem + 'e' : stem;
}

function undouble(stem: string): string {
  const last = stem[stem.length - 1];
  if (last === 's' || last === 'f' || last === 'z') return stem;
  // "called", "filled" keep "ll"; "controlled", "travelled" (British) lose one l.
  if (last === 'l' && syllables(stem) < 2) return stem;
  return stem.slice(0, -1);
}

function syllables(stem: string): number {
  return stem.match(VOWEL_GROUPS)?.length ?? 0;
}

function needsSilentE(stem: string): boolean {
  const n = stem.length;
  const last = stem[n - 1];
  const before = stem[n - 2];
  if ('vcu'.includes(last)) return !(last === 'c' && before === 'c');
  if (last === 's' || last === 'z') return true;
  if (last === 'g') {
    if (before === 'd' || before === 'r' || before === 'l') return true;
    if (before === 'n') return /(?:eng|(?:ch|r)ang)$/.test(stem);
  }
  if (last === 'l' && 'bcdfgkptz'.includes(before)) return true;
  // "negotiat", "evaluat" (but "treat", "defeat").
  if (last === 't' && before === 'a' && isVowel(stem[n - 3])) return /[iu]at$/.test(stem);
  // From here on: consonant after a single vowel ("not", "hop"; not "claim", "seem"). The u of
  // "qu" and "gu" is a consonant here ("quot", "guid", "acquir").
  const third = /[qg]u$/.test(stem.slice(0, n - 2)) ? 'q' : stem[n - 3];
  if (!isVowel(before) || isVowel(third) || 'hwxyjq'.includes(last)) return false;
  const mono = syllables(stem) === 1;
  switch (last) {
    case 'l': return before !== 'e' && (before !== 'a' || mono);
    case 'n': return before === 'i' || before === 'u' || (before !== 'e' && mono);
    case 'r': return before === 'a' || before === 'i' || before === 'u' || (before === 'o' && mono);
    case 't':
      if (before === 'e') return /[lp]et$/.test(stem);
      if (before === 'i') return mono;
      return true;
    default: return true;
  }
}
