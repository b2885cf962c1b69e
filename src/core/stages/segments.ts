import type { Doc, Segment } from '../doc.js';
import { bodyAfterDateline } from '../dateline.js';
import type { Stage } from '../pipeline.js';

/**
 * Paragraphs and sentences. Paragraphs are separated by blank lines when the text has any,
 * otherwise by line breaks. Sentences end at . ! ? or an ellipsis, take closing quotes and
 * brackets with them, never cross a paragraph, and do not end after a title abbreviation
 * ("Lt. Gen.", "Dept.") — the abbreviation period is part of its token (see tokens.ts). A dateline
 * opening one of the first paragraphs ends a sentence.
 */

const TERMINAL = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', "''", '”', '’', "'", ')', ']', '»']);
/** Abbreviations after which a capitalised word still does not start a sentence. */
const NON_FINAL = /^(?:mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|rep|sen|gov|rev|hon|st|dept|no|vol|fig|pp|vs|v|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])\.$/;

/**
 * Tokens a sentence holds at most: a text without sentence punctuation (a list, a table, a page
 * flattened to one line) is cut there, so that stages that look through a sentence per token stay
 * linear in the text. News sentences hold 20–60 tokens.
 */
export const MAX_SENTENCE_TOKENS = 400;

const INITIALISM = /^(?:[a-z]\.){2,}$/;
const OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'in', 'on', 'at', 'this', 'that',
  'there', 'his', 'her', 'their', 'its', 'our', 'my', 'if', 'when', 'while', 'as', 'for', 'after', 'before', 'so',
  'yet', 'still', 'however', 'meanwhile', 'since', 'some', 'many', 'most', 'no', 'not', 'one', 'those', 'these',
  '"', '“',
]);

export function segment(doc: Doc): void {
  const { text, tokens } = doc;
  const n = tokens.start.length;
  const breaks = paragraphBreaks(text);
  let t = 0;
  for (const pEnd of breaks) {
    const tokenStart = t;
    while (t < n && tokens.start[t] < pEnd) t++;
    if (t === tokenStart) continue;
    doc.paragraphs.push({ start: tokens.start[tokenStart], end: tokens.end[t - 1], tokenStart, tokenEnd: t });
    const body = doc.paragraphs.length <= DATELINE_PARAGRAPHS ? datelineEnd(doc, tokenStart, t) : tokenStart;
    if (body > tokenStart) splitSentences(doc, tokenStart, body, doc.sentences);
    splitSentences(doc, body, t, doc.sentences);
  }
}

/** Paragraphs at the top that may open with a dateline (below a headline, a byline, a date line). */
const DATELINE_PARAGRAPHS = 5;

/**
 * "HARARE (Reuters) - Zimbabwe's military said …": a dateline is a sentence of its own, so that the
 * place is not parsed as the subject of the body's first verb. Returns the paragraph's first token
 * after the dateline, or its first token when it has none.
 */
function datelineEnd(doc: Doc, from: number, to: number): number {
  const start = doc.tokens.start[from];
  const body = bodyAfterDateline(doc.text.slice(start, doc.tokens.end[to - 1]));
  if (body <= 0) return from;
  let k = from;
  while (k < to && doc.tokens.start[k] < start + body) k++;
  return k < to && doc.tokens.start[k] === start + body ? k : from;
}

/**
 * A line that is only a time: a live blog's entry stamp ("10:42 pm", "14:05 GMT"). It is a
 * paragraph of its own even where paragraphs are parted by blank lines, so the entry it stamps
 * does not start with it.
 */
const TIME_STAMP_LINE = /^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:[ap]\.?m\.?|GMT|BST|UTC|CET|EST|EDT|ET|PT))?[ \t]*(?=\n)/gim;

/** End offsets of the paragraphs. */
function paragraphBreaks(text: string): number[] {
  const separator = /\n[ \t\u00a0]*\n/.test(text) ? /\n(?:[ \t\u00a0]*\n)+/g : /\n+/g;
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = separator.exec(text)) !== null) out.push(m.index);
  let stamps = 0;
  while ((m = TIME_STAMP_LINE.exec(text)) !== null) {
    out.push(m.index + m[0].length);
    stamps++;
  }
  out.push(text.length);
  return stamps > 0 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

function splitSentences(doc: Doc, from: number, to: number, out: Segment[]): void {
  const { tokens } = doc;
  let start = from;
  for (let i = from; i < to; i++) {
    if (i - start === MAX_SENTENCE_TOKENS) {
      out.push({ start: tokens.start[start], end: tokens.end[i - 1], tokenStart: start, tokenEnd: i });
      start = i;
    }
    const word = tokens.lower[i];
    const abbreviation = !TERMINAL.has(word) && word.length > 1 && word.endsWith('.');
    if (!TERMINAL.has(word) && !(abbreviation && !NON_FINAL.test(word))) continue;
    let end = i + 1;
    // A closing mark hugs the text before it; a straight quote after a space opens the next sentence.
    while (end < to && CLOSERS.has(doc.word(end)) && !(isStraight(doc.word(end)) && tokens.start[end] > tokens.end[end - 1])) end++;
    // "“Why?” he asked" goes on; a capital, digit or quote starts anew. After an initialism
    // ("U.S. Senate") only a typical sentence opener starts a new sentence.
    if (!startsSentence(doc, end, to)) continue;
    if (abbreviation && INITIALISM.test(word) && end < to && !OPENERS.has(tokens.lower[end])) continue;
    out.push({ start: tokens.start[start], end: tokens.end[end - 1], tokenStart: start, tokenEnd: end });
    start = end;
    i = end - 1;
  }
  if (start < to) out.push({ start: tokens.start[start], end: tokens.end[to - 1], tokenStart: start, tokenEnd: to });
}

function isStraight(mark: string): boolean {
  return mark === '"' || mark === "'" || mark === "''";
}

function startsSentence(doc: Doc, i: number, to: number): boolean {
  if (i >= to) return true;
  return /^[\p{Lu}\d"“‘'(\[—–-]/u.test(doc.word(i));
}

export const segmentsStage: Stage = {
  name: 'segments',
  requires: ['tokens'],
  assigns: ['paragraphs', 'sentences'],
  apply: segment,
};
