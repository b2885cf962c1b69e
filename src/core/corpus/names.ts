import { Doc, type EntityType } from '../doc.js';
import type { Lexicon } from '../lexicon/index.js';
import { tokenize } from '../stages/tokens.js';

/**
 * Name keys for merging entities across articles: spelling variants fold together ("Al-Qaeda",
 * "al Qaeda"), and names the lexicon knows go to its canonical form ("ISIL", "Daesh" → Islamic
 * State; "Russian" → Russia).
 */

/** Case, accents, possessives, punctuation and a leading "the" do not distinguish names. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface CanonicalName {
  name: string;
  type: EntityType;
  /** True when the lexicon supplied the name (so the type is the lexicon's, not the tagger's). */
  listed: boolean;
}

/**
 * The lexicon's canonical name and type when the whole of `name` is a lexicon entry; a nationality
 * becomes its country ("Afghan" → Afghanistan, GPE). Otherwise the name and type as given.
 */
export function canonicalName(lexicon: Lexicon, name: string, type: EntityType): CanonicalName {
  const doc = new Doc(name);
  tokenize(doc);
  const match = doc.tokenCount > 0 ? lexicon.matchAt(doc.tokens.lower, 0, (j) => doc.word(j)) : null;
  if (!match || match.length !== doc.tokenCount) return { name, type, listed: false };
  if (match.kind === 'demonym' && match.country) return { name: match.country, type: 'GPE', listed: true };
  return { name: match.canonical, type: match.type, listed: true };
}

/** The last word of a person's name, the key for "Kabulov" ↔ "Zamir Kabulov"; suffixes are skipped. */
export function surname(normalized: string): string {
  const words = normalized.split(' ').filter((w) => !SUFFIXES.has(w));
  return words[words.length - 1] ?? normalized;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/**
 * True when two normalised full names can name one person: same first word, or one is its
 * initial, or one is an honorific and the other's given name is not known to be of the other
 * gender ("Mrs Mugabe" and "Grace Mugabe", never "Robert Mugabe"; `gender` tells a first name's).
 */
export function compatibleGivenNames(a: string, b: string, gender: (first: string) => string | null): boolean {
  const first = (n: string): string => n.split(' ')[0];
  const [x, y] = [first(a), first(b)];
  if (x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  const [title, given] = HONORIFIC_GENDERS.has(x) ? [x, y] : [y, x];
  const titled = HONORIFIC_GENDERS.get(title);
  const named = gender(given);
  return titled !== undefined && (named === titled || named === null || named === 'unisex');
}

/** Honorifics that tell a person's gender; "Mrs Mugabe" is a name of its own, not "Mugabe". */
export const HONORIFIC_GENDERS: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['mr', 'male'], ['sir', 'male'], ['mrs', 'female'], ['ms', 'female'], ['miss', 'female'], ['lady', 'female'], ['madam', 'female'],
]);

/**
 * Words of an organisation's description that only say what kind of body it is, folded to one
 * word: a country's "army", "military", "armed forces" and "defence forces" are one body.
 */
const MILITARY_WORDS = new Set(['army', 'military', 'armed', 'defence', 'defense', 'force', 'forces', 'national', 'self']);
/** Modifiers that a body's full name adds and its descriptions leave out ("Federal Space Agency"). */
const OFFICIAL_MODIFIERS = new Set(['national', 'federal', 'official']);

/** The kind of body an organisation is ("space agency", "military") and its country when known. */
export interface Body {
  kind: string;
  country: string | null;
}

/**
 * What a country's body is when described: "Zimbabwe's army", "the Zimbabwean military", "the
 * Zimbabwe Defence Forces" → military, Zimbabwe; "Russia's space agency", "the Russian Federal
 * Space Agency" → space agency, Russia. The name must open with a country or nationality and go on
 * to an organisation's head noun; null otherwise ("Bank of Russia", "Taliban faction").
 */
export function describedBody(lexicon: Lexicon, name: string): Body | null {
  const doc = new Doc(name.replace(/^(?:the|a|an)\s+/i, ''));
  tokenize(doc);
  const lower = [...doc.tokens.lower];
  const match = lower.length > 1 ? lexicon.matchAt(lower, 0, (j) => doc.word(j)) : null;
  if (!match?.country || (match.kind !== 'country' && match.kind !== 'demonym')) return null;
  const kind = kindOf(lexicon, lower.slice(match.length).filter((w) => w !== "'s" && w !== '’s'));
  return kind === null ? null : { kind, country: match.country };
}

/**
 * The kind of body a name or description says: a described one ({@link describedBody}), or a
 * name made only of common words ("the space agency", "the Federal Space Agency" → space agency).
 * Null for a name with a proper word of its own ("European Space Agency", "Roscosmos").
 */
export function bodyOf(lexicon: Lexicon, name: string): Body | null {
  const described = describedBody(lexicon, name);
  if (described) return described;
  const doc = new Doc(name.replace(/^(?:the|a|an)\s+/i, ''));
  tokenize(doc);
  const lower = [...doc.tokens.lower];
  if (lower.some((_, i) => lexicon.matchAt(lower, i) !== null)) return null;
  const kind = kindOf(lexicon, lower);
  return kind === null ? null : { kind, country: null };
}

/** The head words of a description, official modifiers left out and armed forces folded; null without an organisation's head noun. */
function kindOf(lexicon: Lexicon, words: readonly string[]): string | null {
  const head = words.filter((w) => !OFFICIAL_MODIFIERS.has(w));
  if (head.length === 0 || !head.every((w) => /^\p{L}+$/u.test(w)) || !lexicon.isOrgCue(head[head.length - 1])) return null;
  return head.every((w) => MILITARY_WORDS.has(w)) ? 'military' : head.join(' ');
}

/** A body as a lookup key, "military@Zimbabwe", and back. */
export function bodyKey(body: Body): string {
  return `${body.kind}@${body.country ?? ''}`;
}

export function parseBody(key: string): Body {
  const at = key.lastIndexOf('@');
  return { kind: key.slice(0, at), country: key.slice(at + 1) || null };
}

/**
 * Whether two normalised full names are spellings of one person's name: the same number of words
 * (two or more), all equal but one, and that one at least five letters long, with the same first
 * letter and at most one edit per four letters away ("constantino chiwenga" / "constantine
 * chiwenga", "emmerson mnangagwa" / "emmerson munangagwa"); given names of two genders are two
 * people ("eric garner" / "erica garner"). Only for people already in one story (entities.ts).
 */
export function spellingVariants(a: string, b: string, gender: (first: string) => string | null): boolean {
  // Whichever word differs, the names open with one letter: most pairs a story compares end here.
  if (a[0] !== b[0]) return false;
  const [x, y] = [a.split(' '), b.split(' ')];
  if (x.length !== y.length || x.length < 2 || a === b) return false;
  const differing = x.map((w, i) => [w, y[i]]).filter(([v, w]) => v !== w);
  if (differing.length !== 1) return false;
  const [[v, w]] = differing;
  const shorter = Math.min(v.length, w.length);
  if (shorter < 5 || v[0] !== w[0] || editDistance(v, w) > Math.floor(shorter / 4)) return false;
  const [g, h] = [gender(v), gender(w)];
  return !(g !== null && h !== null && g !== h);
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** Words an acronym skips: "Movement for Democratic Change" is MDC. */
const ACRONYM_SKIPS = new Set(['of', 'the', 'and', 'for', '&', 'de', 'la', 'du', 'des']);

/** The capitals of a name's words ("Zimbabwe Defence Forces" → "ZDF"), or '' when a word is not capitalised. */
export function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => !ACRONYM_SKIPS.has(w.toLowerCase()));
  return words.every((w) => /^\p{Lu}/u.test(w)) ? words.map((w) => w[0]).join('') : '';
}

