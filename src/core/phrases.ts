import type { Doc } from './doc.js';

/**
 * Shallow phrase finding over POS tags: enough syntax to find a speaker's noun phrase next to a
 * cue verb, without a parser. Ranges are token ranges `[start, end)`.
 */

export interface TokenRange {
  start: number;
  end: number;
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const MODIFIER = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
/** Prepositions that can sit inside a speaker phrase: "spokesperson for the group". */
const INNER_ADP = new Set(['of', 'for', 'at', 'with', 'to', 'from', 'in', 'on']);
const AUXILIARY = new Set([
  'has', 'have', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'ve", "'d", "'ll", "'re",
  'not', "n't", 'never', 'also', 'again', 'later', 'then', 'reportedly', 'already', 'previously', 'repeatedly',
  'once', 'still', 'even', 'just', 'only', 'both', 'all', 'now', 'too', 'yet', 'first', 'publicly', 'privately',
]);
/** Words that start a clause, never a noun phrase's next word. */
const RELATIVIZERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'what']);
const ARTICLES = new Set(['the', 'a', 'an']);
export const QUOTE_MARKS = new Set(['"', '“', '”', "''", '``']);

/** A game's score: "3-1", "112–108". */
const SCORE = /^\d{1,3}[-–]\d{1,3}$/;

export function isScore(word: string): boolean {
  return SCORE.test(word);
}

/** A double quote mark, or a single one (‘ ’), which at a span's edge marks a quotation too. */
export function isQuoteMark(word: string): boolean {
  return QUOTE_MARKS.has(word) || word === '‘' || word === '’';
}

export function isNounish(doc: Doc, i: number): boolean {
  return NOUNISH.has(doc.upos(i));
}

/** Adverbs, auxiliaries and negation that may stand between a subject and its verb. */
export function isVerbModifier(doc: Doc, i: number): boolean {
  const pos = doc.upos(i);
  return pos === 'ADV' || pos === 'AUX' || pos === 'PART' || AUXILIARY.has(doc.tokens.lower[i]);
}

/**
 * The noun phrase that ends at token `last` (inclusive), scanning back no further than `limit`.
 * Accepts determiners, adjectives, nouns, names, possessives, numbers and inner prepositional
 * phrases ("official at the Russian foreign ministry"), and names joined by "and".
 */
export function nounPhraseEndingAt(doc: Doc, last: number, limit: number): TokenRange | null {
  if (last < limit || !isNounish(doc, last)) return null;
  let start = last;
  for (let i = last - 1; i >= limit; i--) {
    const pos = doc.upos(i);
    const lower = doc.tokens.lower[i];
    // An article opens its phrase: a noun before it ends another ("a charge | the group denies").
    if (ARTICLES.has(doc.tokens.lower[start]) && (pos === 'NOUN' || pos === 'PROPN')) break;
    // A lone ' is a plural possessive after a noun ("the players’ union"), else a closing quote mark.
    if (MODIFIER.has(pos) || lower === "'s" || (lower === "'" && i > limit && isNounish(doc, i - 1)) || isHyphenWord(doc, i)) {
      start = i;
      continue;
    }
    if ((INNER_ADP.has(lower) || lower === 'and' || lower === '&') && i > limit && MODIFIER.has(doc.upos(i - 1))) {
      start = i;
      continue;
    }
    break;
  }
  // A phrase cannot start with a preposition or conjunction left over from the scan.
  while (start < last && (INNER_ADP.has(doc.tokens.lower[start]) || doc.tokens.lower[start] === 'and')) start++;
  return { start, end: last + 1 };
}

/** The noun phrase that starts at `first`, ending before `limit`; includes "of"-phrases and possessives. */
export function nounPhraseStartingAt(doc: Doc, first: number, limit: number): TokenRange | null {
  let end = first;
  let sawNoun = false;
  for (let i = first; i < limit; i++) {
    const pos = doc.upos(i);
    const lower = doc.tokens.lower[i];
    if (RELATIVIZERS.has(lower)) break;
    if (MODIFIER.has(pos) || lower === "'s" || isHyphenWord(doc, i)) {
      end = i + 1;
      if (NOUNISH.has(pos)) sawNoun = true;
      if (pos === 'PRON' && i === first) break;
      continue;
    }
    if ((lower === 'of' || lower === '&') && sawNoun && i + 1 < limit && MODIFIER.has(doc.upos(i + 1))) continue;
    break;
  }
  if (!sawNoun) return null;
  while (end > first && !isNounish(doc, end - 1) && doc.tokens.lower[end - 1] !== "'s") end--;
  return end > first ? { start: first, end } : null;
}

function isHyphenWord(doc: Doc, i: number): boolean {
  return doc.tokens.lower[i].includes('-') && /\p{L}/u.test(doc.tokens.lower[i]);
}

/**
 * A speaker phrase ending at `last`: a noun phrase, optionally with an appositive set off by
 * commas ("Zamir Kabulov, official at the Russian foreign ministry,"). Returns the range
 * without the closing comma.
 */
export function speakerPhraseEndingAt(doc: Doc, last: number, limit: number): TokenRange | null {
  if (last < limit || doc.word(last) !== ',') return nounPhraseEndingAt(doc, last, limit);
  // "NAME, APPOSITIVE," — the appositive may hold a relative clause ("the agency that oversees …").
  for (let k = last - 2; k > limit && k >= last - MAX_APPOSITIVE; k--) {
    const w = doc.word(k);
    if (QUOTE_MARKS.has(w) || w === ';' || w === ':') return null;
    if (w !== ',') continue;
    // "Rep. Jim Jordan (R-Ohio), an oversight panel member," — skip the name's parenthesis.
    let end = k - 1;
    if (doc.word(end) === ')') {
      while (end > limit && doc.word(end) !== '(') end--;
      end--;
    }
    const before = end >= limit ? doc.upos(end) : 'X';
    if (before !== 'PROPN' && before !== 'NOUN') return null;
    if (!isAppositive(doc, k + 1, last)) return null;
    let head = nounPhraseEndingAt(doc, end, limit);
    // "Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA,": a name
    // before a further comma is the head of a stacked appositive.
    // A name only: not "home on Friday" in "sent home on Friday, the owner, Skog Group, said".
    while (head && head.start - 2 >= limit && doc.word(head.start - 1) === ',' && doc.upos(head.start - 2) === 'PROPN' && hasCommonNoun(doc, head)) {
      const stacked = nounPhraseEndingAt(doc, head.start - 2, limit);
      if (stacked && !isNameOnly(doc, stacked)) break;
      end = head.start - 2;
      head = stacked;
    }
    return head ? { start: head.start, end: last } : null;
  }
  return null;
}

/** "Scott Pruitt", not "home on Friday": names and their particles alone. */
function isNameOnly(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (doc.upos(k) !== 'PROPN' && doc.tokens.lower[k] !== "'s") return false;
  return true;
}

/** "the attorney general of Oklahoma" describes; "Acme Corp" names. */
function hasCommonNoun(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (doc.upos(k) === 'NOUN') return true;
  return false;
}

/**
 * Whether tokens `[from, to)` between two commas can describe a name: "and the meeting
 * deteriorated from there" is a clause, "a senior official who oversees it" an appositive.
 */
function isAppositive(doc: Doc, from: number, to: number): boolean {
  if (doc.upos(from) === 'CCONJ') return false;
  // "A military source, speaking on condition of anonymity because he was not authorized …,": a
  // participle's aside may hold a clause of its own.
  // So may a past participle's ("pressed on the figures", "retired headteacher Carol Ainsley"),
  // which the tagger may take for a past tense.
  if (doc.tokens.tag[from] === 'VBG' || (/^(?:VBN|VBD)$/.test(doc.tokens.tag[from]) && doc.tokens.lower[from].endsWith('ed'))) return true;
  for (let k = from; k < to; k++) {
    if (RELATIVIZERS.has(doc.tokens.lower[k])) return true;
    if (FINITE_TAGS.has(doc.tokens.tag[k])) return false;
  }
  return true;
}

const FINITE_TAGS = new Set(['VBD', 'VBZ', 'VBP', 'MD']);

/** Longest appositive, in tokens, between a name and its verb. */
const MAX_APPOSITIVE = 40;
