import type { Doc, Segment } from './doc.js';
import type { NerLexicon } from './ner-features.js';

/**
 * Headlines, subheads and bylines in title case ("Apple Unveils Cheaper iPhone") or capitals
 * ("JAPAN GET LUCKY WIN"): capitalisation, the tagger's strongest clue, says nothing there. So the
 * tagger reads such a line truecased: each word in the case the article's body writes it, else
 * lower case for a word that is mostly written in lower case (a table derived from unlabeled
 * text), else as written. Names found by a gazetteer or starting with a first name keep their
 * capitals. A verb is never part of a name: "Angela Merkel Warns Britain" cannot become one name.
 */

/** Words a title-case line may leave in lower case ("Taliban Denies Sharing Intelligence with Russia"). */
const MINOR = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as',
  'into', 'over', 'vs', 'vs.', 'via', 'per', 'up', 'off', 'out', 'about', 'after', 'amid', 'than', 'is', 'are',
]);
/** Lower-case particles inside names of many languages: "Osama bin Laden", "Arribes del Duero", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'delle', 'degli', 'di', 'du', 'des', 'van', 'von', 'der', 'den', 'la', 'le', 'al',
  'bin', 'ibn', 'ter', 'ten', 'zu', 'y',
]);
/** Words that join the parts of a name ("Bank of England", "Osama bin Laden"): lower case inside a name. */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'the', 'and', '&', 'abu', ...NAME_PARTICLES]);

const HAS_LETTER = /\p{L}/u;
const POSSESSIVE = /^['’]s$/;
const AMOUNT = /^[\p{Sc}\d]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const HAS_UPPER = /\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
/** Headlines have at least this many words besides minor ones. */
const MIN_HEADLINE_WORDS = 3;

export type LineCase = 'title' | 'caps' | null;

/** Whether the tokens `[from, to)` are a title-case or an all-capitals line. */
export function lineCase(doc: Doc, from: number, to: number): LineCase {
  let words = 0;
  let capitalised = 0;
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const word = doc.word(i);
    // "Ferrari's Leclerc …": a possessive is no word of its own, nor is an amount ("£1m"); "Ludwig
    // van Beethoven" keeps its particle.
    if (!HAS_LETTER.test(word) || POSSESSIVE.test(word) || AMOUNT.test(word)) continue;
    const minor = MINOR.has(doc.tokens.lower[i]) || NAME_JOINERS.has(doc.tokens.lower[i]);
    if (!HAS_LOWER.test(word) && word.length > 1) capitals++;
    else if (minor && i > from) continue;
    words++;
    // "iPhone" and "eBay" count as capitalised.
    if (STARTS_UPPER.test(word) || HAS_UPPER.test(word)) capitalised++;
    // Neither count catches up with `words` again: the line is neither kind.
    if (capitals < words && capitalised < words) return null;
  }
  if (words < MIN_HEADLINE_WORDS) return null;
  if (capitals >= words) return 'caps';
  return capitalised === words ? 'title' : null;
}

/**
 * Whether a title-case line reads as a headline: it has a verb ("Apple Unveils …"). Lines of
 * names only (results tables, bylines, "Manchester United 3 Port Vale 1") keep their capitals.
 */
function hasVerb(doc: Doc, from: number, to: number, lowercase: ReadonlySet<string>): boolean {
  for (let i = from + 1; i < to; i++) if (readsAsVerb(doc.tokens.lower[i], lowercase) || isAdverb(doc.tokens.lower[i], lowercase)) return true;
  return false;
}

/** "Casually", "Quietly": an adverb in -ly, which a line of names never has and a verb follows. */
function isAdverb(lower: string, lowercase: ReadonlySet<string>): boolean {
  return lower.length > 4 && lower.endsWith('ly') && lowercase.has(lower);
}

/** Per lower-cased word: how often the body writes it in lower case and capitalised, mid-sentence. */
interface BodyCase {
  lower: number;
  capitalised: number;
  /** The capitalised form as the body writes it ("iPhone", "IS", "Taliban"). */
  form: string;
}

/**
 * Feature forms of the words of a document's title-case and capitals lines, by token index, or
 * null when the document has none. `lowercase` holds the words to read in lower case: those text
 * writes mostly so, and lower-case dictionary words; `written` only the first, the stronger
 * evidence, which a word after a first name needs ("Tim Cook" → "Tim cook" is rare, but "Elon
 * Musk" and "Emmanuel Macron" keep their capitals though "musk" and "macron" are words).
 */
export function truecaseHeadlines(doc: Doc, lowercase: ReadonlySet<string>, lexicon: NerLexicon, written: ReadonlySet<string> = lowercase): Map<number, string> | null {
  // Each title-case or capitals line with its kind, read once for the two uses below.
  const kinds = new Map<Segment, LineCase>();
  for (const s of doc.sentences) {
    const kind = lineCase(doc, s.tokenStart, s.tokenEnd);
    if (kind !== null) kinds.set(s, kind);
  }
  const lines = [...kinds.keys()];
  if (lines.length === 0) return null;
  const { lower } = doc.tokens;
  const inLine = new Uint8Array(doc.tokenCount);
  for (const s of lines) inLine.fill(1, s.tokenStart, s.tokenEnd);
  const body = new Map<string, BodyCase>();
  for (const s of doc.sentences) {
    if (inLine[s.tokenStart] === 1) continue;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const word = doc.word(i);
      if (!HAS_LETTER.test(word)) continue;
      // A sentence's first word is capitalised anyway, unless a capitalised word follows it in
      // one name: "Harbour City came from behind".
      if (i === s.tokenStart && !(i + 1 < s.tokenEnd && STARTS_UPPER.test(doc.word(i + 1)) && !MINOR.has(lower[i]))) continue;
      let seen = body.get(lower[i]);
      if (seen === undefined) body.set(lower[i], (seen = { lower: 0, capitalised: 0, form: word }));
      if (HAS_UPPER.test(word)) {
        seen.capitalised++;
        seen.form = word;
      } else seen.lower++;
    }
  }
  // A title-case line is a headline when it has a verb, or when the body writes two of its words
  // in lower case ("The Last Lighthouse Keeper of Skerry Point"); a line of names has neither.
  const writtenLower = (s: Segment): number => {
    let count = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const seen = MINOR.has(lower[i]) ? undefined : body.get(lower[i]);
      if (seen !== undefined && seen.lower > seen.capitalised) count++;
    }
    return count;
  };
  const headlines = lines.filter((s) => kinds.get(s) === 'caps' || hasVerb(doc, s.tokenStart, s.tokenEnd, lowercase) || writtenLower(s) >= 2);
  if (headlines.length === 0) return null;
  const forms = new Map<number, string>();
  const surface = (j: number): string => doc.word(j);
  // "Five-Set", "Flood-Hit": a hyphen compound of common words is common ("Rolls-Royce" is not).
  const common = (word: string): boolean => lowercase.has(word) || readsAsVerb(word, lowercase) ||
    (word.includes('-') && word.split('-').every((part) => part !== '' && (lowercase.has(part) || readsAsVerb(part, lowercase))));
  const writtenCommon = (word: string): boolean => written.has(word) || readsAsVerb(word, written);
  for (const s of headlines) {
    const caps = kinds.get(s) === 'caps';
    // "Joe Root Hits Century", "Hope Solo Slams …": a first name, a word and a verb make a subject
    // however common the name's words are; not after a preposition ("… Warns of Summer Fare Rises").
    const opensSubject = (j: number): boolean => j + 2 < s.tokenEnd && lexicon.firstNameGender(lower[j]) !== null && (j === s.tokenStart || !MINOR.has(lower[j - 1])) &&
      STARTS_UPPER.test(doc.word(j + 1)) && !MINOR.has(lower[j + 1]) && !readsAsVerb(lower[j + 1], lowercase) && readsAsVerb(lower[j + 2], lowercase);
    // Tokens a gazetteer names keep their capitals ("White House", "Boko Haram").
    const named = new Uint8Array(s.tokenEnd - s.tokenStart);
    for (let i = s.tokenStart; i < s.tokenEnd; ) {
      const match = lexicon.matchAt(lower, i, surface);
      const length = match === null ? 1 : Math.min(match.length, s.tokenEnd - i);
      if (match !== null) named.fill(1, i - s.tokenStart, i - s.tokenStart + length);
      i += length;
    }
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const word = doc.word(i);
      if (!HAS_LETTER.test(word)) continue;
      const seen = body.get(lower[i]);
      const asName = caps ? (word.length <= 3 ? word : word.charAt(0) + word.slice(1).toLowerCase()) : word;
      let form: string;
      if (seen !== undefined && seen.lower !== seen.capitalised) form = seen.lower > seen.capitalised ? lower[i] : seen.form;
      // "Abu" opens a name ("Abu Bakr al-Baghdadi"); the other joiners stand inside one.
      else if (MINOR.has(lower[i]) || (NAME_JOINERS.has(lower[i]) && lower[i] !== 'abu' && named[i - s.tokenStart] === 0)) form = lower[i];
      else if (named[i - s.tokenStart] === 1) form = asName;
      // A first name that is also a common word ("Will", "Bill") needs a name after it, not a verb
      // ("Title Race Tightens"); a headline that opens with "Will" and asks nothing opens with a
      // name ("Will Smith to Star in …").
      else if ((lexicon.firstNameGender(lower[i]) !== null && (!written.has(lower[i]) || (i + 1 < s.tokenEnd && !writtenCommon(lower[i + 1]) && STARTS_UPPER.test(doc.word(i + 1))))) ||
        (i === s.tokenStart && lower[i] === 'will' && i + 1 < s.tokenEnd && STARTS_UPPER.test(doc.word(i + 1)) && !asksQuestion(doc, s)) || opensSubject(i)) form = asName;
      else if (i > s.tokenStart && ((lexicon.firstNameGender(lower[i - 1]) !== null && !written.has(lower[i - 1]) && !writtenCommon(lower[i])) || opensSubject(i - 1))) form = asName;
      // "President Macron Names …": a role's title names its holder next.
      else if (i > s.tokenStart && lexicon.isRoleWord(lower[i - 1]) && forms.get(i - 1) === undefined && !readsAsVerb(lower[i], lowercase)) form = asName;
      // "Trump Casually Conflates Ted Cruz": the word after an adverb is its verb, known or not.
      else if (i > s.tokenStart && isAdverb(lower[i - 1], lowercase)) form = lower[i];
      else form = common(lower[i]) ? lower[i] : asName;
      if (form !== word) forms.set(i, form);
    }
  }
  return forms;
}

/** Whether a line ends with a question mark. */
function asksQuestion(doc: Doc, s: Segment): boolean {
  for (let i = s.tokenEnd - 1; i >= s.tokenStart; i--) {
    if (HAS_LETTER.test(doc.word(i))) return false;
    if (doc.word(i).includes('?')) return true;
  }
  return false;
}

/** Verbs and auxiliaries that headlines use between names. */
const HEADLINE_VERBS = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'has', 'have', 'had', 'to', 'says', 'said']);

/**
 * Whether a truecased headline word reads as a verb, which is never part of a name: an auxiliary,
 * or a word in -s, -ed or -ing whose stem is a common word ("warns" → "warn", "recalls" →
 * "recall", "killed" → "kill", "sharing" → "share"). Nouns in -s pass too ("claims"); names
 * without such a word ("Islamic State", "Boko Haram") do not break.
 */
export function readsAsVerb(form: string, lowercase: ReadonlySet<string>): boolean {
  if (HAS_UPPER.test(form)) return false;
  if (HEADLINE_VERBS.has(form)) return true;
  // A doubled consonant is undone only where there is one: "stopped", "running", not "Rowling" (→ "row").
  const doubled = (suffix: number): string[] => (form.at(-suffix - 1) === form.at(-suffix - 2) ? [form.slice(0, -suffix - 1)] : []);
  // "-es" follows a hiss or an o ("fetches", "goes"): "Mendes" is no form of "mend".
  const stems = /ies$/.test(form) ? [form.slice(0, -3) + 'y'] : /s$/.test(form) ? [form.slice(0, -1), ...(/(?:[sxzo]|[cs]h)es$/.test(form) ? [form.slice(0, -2)] : [])]
    : /ed$/.test(form) ? [form.slice(0, -2), form.slice(0, -1), ...doubled(2)]
    : /ing$/.test(form) ? [form.slice(0, -3), form.slice(0, -3) + 'e', ...doubled(3)] : [];
  // British "-ise" where the word list may spell "-ize": "Apologises".
  return stems.some((stem) => stem.length > 1 && (lowercase.has(stem) || (stem.endsWith('ise') && lowercase.has(`${stem.slice(0, -3)}ize`))));
}

/** Words with at least this many lower-case occurrences can enter the table. */
const MIN_LOWER_COUNT = 2;

/**
 * The words that `sentences` write mostly in lower case mid-sentence: at least twice as often as
 * capitalised, and at least {@link MIN_LOWER_COUNT} times. Sorted, for a reproducible model file.
 */
export function lowercaseWords(sentences: Iterable<readonly string[]>): string[] {
  const counts = new Map<string, [number, number]>();
  for (const words of sentences) {
    for (let k = 1; k < words.length; k++) {
      const word = words[k];
      if (!HAS_LETTER.test(word)) continue;
      const key = word.toLowerCase();
      let count = counts.get(key);
      if (count === undefined) counts.set(key, (count = [0, 0]));
      count[HAS_UPPER.test(word) ? 1 : 0]++;
    }
  }
  return [...counts].filter(([, [lower, upper]]) => lower >= MIN_LOWER_COUNT && lower >= 2 * upper).map(([word]) => word).sort();
}

/**
 * The lower-case entries of a word list (one word a line, as /usr/share/dict/words), without those
 * it also lists capitalised ("bill" / "Bill", "china" / "China") and those in `known`. Sorted.
 */
export function dictionaryWords(list: string, known: ReadonlySet<string>): string[] {
  const words = new Set(list.split(/\r?\n/));
  const lower: string[] = [];
  for (const word of words) {
    if (/^[a-z]+$/.test(word) && !known.has(word) && !words.has(word.charAt(0).toUpperCase() + word.slice(1))) lower.push(word);
  }
  return lower.sort();
}
