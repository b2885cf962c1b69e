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

/** True when two normalised full names can name one person: same first word, or one is its initial. */
export function compatibleGivenNames(a: string, b: string): boolean {
  const first = (n: string): string => n.split(' ')[0];
  const [x, y] = [first(a), first(b)];
  return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y));
}
