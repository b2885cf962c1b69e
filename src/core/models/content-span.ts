import type { Doc } from '../doc.js';
import { decodeBinary, encodeBinary, hashString, readPerceptron, writePerceptron, type PerceptronModel } from '../perceptron.js';
import type { TokenRange } from '../phrases.js';
import { baseRelation, children } from '../syntax.js';

/**
 * The learned edges of a reported content: where "X said that A, B" starts and stops. The rules
 * give one span (quotes.ts); annotators often stop earlier, before a non-restrictive relative
 * clause ("…, who is 70"), a narrator's "but …" or a participle ("…, forcing them to …"), and start
 * after an addressee or a preposition the rules keep ("urged supporters at a rally | to vote",
 * "accused her of | being asleep"). A ranking perceptron scores each candidate edge, the rules'
 * among them, and the best one wins: first the end, then the start. Trained by
 * `claimgraph train spans` on PolNeAR train.
 */

export type ContentEdge = 'start' | 'end';

/** One edge of a content after its cue, to be chosen among candidates. */
export interface ContentEdgeChoice {
  edge: ContentEdge;
  cue: TokenRange;
  /** First token of the content. */
  start: number;
  /** End of the content (exclusive token index). */
  end: number;
  /** The rules' choice of this edge (a token index: the first token, or the exclusive end). */
  rule: number;
  /** Candidate edges, the rule's among them, in text order. */
  candidates: number[];
  /** End of the sentence (exclusive token index). */
  sentenceEnd: number;
}

export const SPAN_CLASSES = ['no', 'edge'] as const;
export const MAX_SPAN_FEATURES = 32;

/** Tokens a content may end before: clause breaks. */
const BREAKS = new Set([',', ';', '—', '–', '--', '(', ':']);
/** Trailing punctuation a sentence-final end stops before. */
const FINAL = new Set(['.', '!', '?', '"', '”', "''", '’', ')']);
/** How far past the rules' start a content may start. */
const START_REACH = 12;

/**
 * The ends a content starting at `start` may take: each clause break after its first two tokens
 * that is not inside quote marks, the end of the sentence before its final punctuation, and the
 * rules' end.
 */
export function contentEndCandidates(doc: Doc, start: number, rule: number, sentEnd: number, quoted: (token: number) => boolean): number[] {
  const ends = new Set<number>([rule]);
  for (let k = start + 2; k < sentEnd; k++) if (BREAKS.has(doc.word(k)) && !quoted(k)) ends.add(k);
  let last = sentEnd;
  while (last > start + 1 && FINAL.has(doc.word(last - 1)) && !quoted(last - 1)) last--;
  ends.add(last);
  return [...ends].filter((e) => e > start).sort((a, b) => a - b);
}

/**
 * The starts a content ending at `end` may take: the rules' start and the tokens after it, up to
 * {@link START_REACH} of them and its first verb, that are not inside quote marks (a quotation opens
 * at its mark). None passes a noun with a clause of its own: "refuted claims that …" reports the
 * claims.
 */
export function contentStartCandidates(doc: Doc, rule: number, end: number, quoted: (token: number) => boolean): number[] {
  const starts = [rule];
  for (let k = rule + 1; k < end && k <= rule + START_REACH; k++) {
    if (isReportedNoun(doc, k - 1) || isVerb(doc, k - 1)) break;
    if (!quoted(k) || !quoted(k - 1)) starts.push(k);
  }
  return starts;
}

function isVerb(doc: Doc, k: number): boolean {
  const pos = doc.upos(k);
  return pos === 'VERB' || pos === 'AUX';
}

function isReportedNoun(doc: Doc, k: number): boolean {
  return doc.upos(k) === 'NOUN' && children(doc, k).some((child) => child > k && doc.tokens.deprel[child] === 'acl' && doc.upos(child) !== 'PART');
}

/** Writes the hashed features of putting the content's `choice.edge` at `at` into `out`; returns how many. */
export function contentEdgeFeatures(doc: Doc, choice: ContentEdgeChoice, at: number, out: Uint32Array): number {
  const strings = choice.edge === 'end' ? endFeatures(doc, choice, at) : startFeatures(doc, choice, at);
  for (let k = 0; k < strings.length; k++) out[k] = hashString(strings[k]);
  return strings.length;
}

function wordAt(doc: Doc, i: number, choice: ContentEdgeChoice): string {
  return i >= 0 && i < choice.sentenceEnd ? doc.tokens.lower[i] : '</s>';
}

function posAt(doc: Doc, i: number, choice: ContentEdgeChoice): string {
  return i >= 0 && i < choice.sentenceEnd ? doc.upos(i) : '</s>';
}

function cueLemma(doc: Doc, choice: ContentEdgeChoice): string {
  return doc.tokens.lemma[choice.cue.start] || doc.tokens.lower[choice.cue.start];
}

function endFeatures(doc: Doc, choice: ContentEdgeChoice, end: number): string[] {
  const word = (i: number) => wordAt(doc, i, choice);
  const pos = (i: number) => posAt(doc, i, choice);
  const cue = cueLemma(doc, choice);
  const isRule = end === choice.rule;
  const atSentenceEnd = end >= choice.sentenceEnd || FINAL.has(word(end));
  const breakWord = atSentenceEnd ? '</s>' : word(end);
  const next = end + 1;
  const attached = atSentenceEnd ? 'none' : attachmentAfter(doc, choice, end);
  const length = Math.min(6, Math.round(Math.log2(1 + end - choice.start)));
  const rank = Math.min(choice.candidates.indexOf(end), 4);
  const laterVerb = atSentenceEnd ? false : hasVerbIn(doc, next, choice.sentenceEnd);
  return [
    'e:bias',
    `e:rule=${isRule}`,
    `e:final=${atSentenceEnd}`,
    `e:break=${breakWord}`,
    `e:next=${word(next)}`,
    `e:nextPos=${pos(next)}`,
    `e:next2=${word(next)}|${word(next + 1)}`,
    `e:prev=${word(end - 1)}`,
    `e:prevPos=${pos(end - 1)}`,
    `e:attached=${attached}`,
    `e:break|attached=${breakWord}|${attached}`,
    `e:next|attached=${word(next)}|${attached}`,
    `e:len=${length}`,
    `e:rank=${rank}`,
    `e:rule|final=${isRule}|${atSentenceEnd}`,
    `e:rule|next=${isRule}|${word(next)}`,
    `e:cue|next=${cue}|${word(next)}`,
    `e:cue|attached=${cue}|${attached}`,
    `e:laterVerb=${laterVerb}`,
    `e:laterVerb|attached=${laterVerb}|${attached}`,
    `e:nextPos|attached=${pos(next)}|${attached}`,
    `e:len|final=${length}|${atSentenceEnd}`,
  ];
}

function startFeatures(doc: Doc, choice: ContentEdgeChoice, start: number): string[] {
  const word = (i: number) => wordAt(doc, i, choice);
  const pos = (i: number) => posAt(doc, i, choice);
  const cue = cueLemma(doc, choice);
  const shift = Math.min(start - choice.rule, 6);
  const relation = baseRelation(doc.tokens.deprel[start]);
  const tops = topsOf(doc, start, choice.end);
  const topRelation = tops.length > 0 ? doc.tokens.deprel[tops[0]] : 'none';
  const topHead = tops.length > 0 ? headPlace(choice, doc.tokens.head[tops[0]]) : 'none';
  const dropped = start > choice.rule ? droppedShape(doc, choice.rule, start) : 'none';
  return [
    's:bias',
    `s:shift=${shift}`,
    `s:word=${word(start)}`,
    `s:pos=${pos(start)}`,
    `s:rel=${relation}`,
    `s:prev=${word(start - 1)}`,
    `s:prevPos=${pos(start - 1)}`,
    `s:prev|word=${word(start - 1)}|${word(start)}`,
    `s:prevPos|pos=${pos(start - 1)}|${pos(start)}`,
    `s:tops=${Math.min(tops.length, 3)}`,
    `s:topRel=${topRelation}`,
    `s:topRel|head=${topRelation}|${topHead}`,
    `s:cue|topRel=${cue}|${topRelation}`,
    `s:cue|prev=${cue}|${word(start - 1)}`,
    `s:cue|shift=${cue}|${shift}`,
    `s:dropped=${dropped}`,
    `s:cue|dropped=${cue}|${dropped}`,
    `s:dropped|word=${dropped}|${word(start)}`,
    `s:shift|tops=${shift}|${Math.min(tops.length, 3)}`,
  ];
}

/** Tokens of `[from, to)` whose head lies outside it: one for a whole subtree. */
function topsOf(doc: Doc, from: number, to: number): number[] {
  const tops: number[] = [];
  for (let k = from; k < to; k++) {
    const h = doc.tokens.head[k];
    if (h < from || h >= to) tops.push(k);
  }
  return tops;
}

function headPlace(choice: ContentEdgeChoice, h: number): string {
  if (h < 0) return 'root';
  if (h >= choice.cue.start && h < choice.cue.end) return 'cue';
  if (h >= choice.start && h < choice.end) return 'content';
  return h < choice.start ? 'before' : 'after';
}

/** What the rules' start kept that this start drops, by part of speech: "PRON", "ADP NOUN", … */
function droppedShape(doc: Doc, from: number, to: number): string {
  const parts: string[] = [];
  for (let k = from; k < to && parts.length < 3; k++) {
    const pos = doc.upos(k);
    if (parts[parts.length - 1] !== pos) parts.push(pos);
  }
  return `${parts.join(' ')}${to - from > 3 ? '+' : ''}`;
}

/**
 * How what follows the break at `end` hangs in the parse: its top token's relation and where its
 * head is (in the content, the cue, before the content, after the break).
 */
function attachmentAfter(doc: Doc, choice: ContentEdgeChoice, end: number): string {
  let top = end + 1;
  if (top >= choice.sentenceEnd) return 'none';
  const { head } = doc.tokens;
  for (let guard = 0; guard < 64 && head[top] > end && head[top] < choice.sentenceEnd; guard++) top = head[top];
  const scope = { ...choice, end };
  return `${doc.tokens.deprel[top]}:${headPlace(scope, head[top])}`;
}

function hasVerbIn(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.upos(k) === 'VERB') return true;
  return false;
}

/** A trained edge chooser: the candidate with the highest score is the content's edge. */
export class ContentSpanModel {
  private readonly features = new Uint32Array(MAX_SPAN_FEATURES);
  private readonly scores = new Float32Array(SPAN_CLASSES.length);
  /** `threshold`: how much a candidate must outscore the rules' choice to replace it (tuned on dev). */
  constructor(readonly classifier: PerceptronModel, readonly threshold = 0) {}

  withThreshold(threshold: number): ContentSpanModel {
    return new ContentSpanModel(this.classifier, threshold);
  }

  /** The score of one candidate's features (as {@link contentEdgeFeatures} writes them). */
  scoreFeatures(features: Uint32Array, n = features.length): number {
    this.classifier.scores(features, n, this.scores);
    return this.scores[1];
  }

  /** The best candidate of `choice`; the rules' choice wins ties. */
  choose(doc: Doc, choice: ContentEdgeChoice): number {
    if (choice.candidates.length === 1) return choice.rule;
    let best = choice.rule;
    let bestScore = this.scoreFeatures(this.features, contentEdgeFeatures(doc, choice, choice.rule, this.features)) + this.threshold;
    for (const at of choice.candidates) {
      if (at === choice.rule) continue;
      const score = this.scoreFeatures(this.features, contentEdgeFeatures(doc, choice, at, this.features));
      if (score > bestScore) {
        best = at;
        bestScore = score;
      }
    }
    return best;
  }
}

// File: "CGSM" u8 version, f32 threshold, then the perceptron.
const MAGIC = 'CGSM';
const VERSION = 1;

export function encodeContentSpanModel(model: ContentSpanModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    out.f32(model.threshold);
    writePerceptron(model.classifier, out);
  });
}

export function decodeContentSpanModel(bytes: Uint8Array): ContentSpanModel {
  return decodeBinary(bytes, 'content span model', (input) => {
    if (input.header(MAGIC) !== VERSION) input.fail('unsupported content span model version');
    const threshold = input.f32();
    return new ContentSpanModel(readPerceptron(input), threshold);
  });
}
