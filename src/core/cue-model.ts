import type { Doc } from './doc.js';
import { decodeBinary, encodeBinary, hashString, readPerceptron, writePerceptron, type PerceptronModel } from './perceptron.js';
import type { TokenRange } from './phrases.js';
import { isQuoteMark } from './phrases.js';
import { reportRelation, subjectRelation } from './speech-structure.js';
import { baseRelation } from './syntax.js';

/**
 * The learned cue filter: a binary perceptron that decides whether a verb with a speaker and a
 * content around it is an attribution cue, the way news-attribution annotators mark them
 * ("wants" and "shows" may be, "think" of a subordinate clause often is not). Rules find the
 * structure (quotes.ts); this model only accepts or rejects it. Trained by `claimgraph train cues`.
 */

/** What the quotes stage found around a candidate cue. */
export interface CueCandidate {
  cue: TokenRange;
  lemma: string;
  /** The lexicon class, or null for a verb outside the cue lexicon. */
  lexiconClass: string | null;
  negated: boolean;
  source: TokenRange | null;
  /** Content token ranges, in text order. */
  content: TokenRange[];
}

export const CUE_CLASSES_BINARY = ['no', 'cue'] as const;
export const MAX_CUE_FEATURES = 48;

/** Mentions before a token that {@link mentionTypeAt} checks for one covering it. */
const MENTIONS_LOOKED_BACK = 8;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);

/** Writes the hashed features of a candidate into `out`; returns how many. */
export function cueFeatures(doc: Doc, c: CueCandidate, out: Uint32Array): number {
  const { lower, tag } = doc.tokens;
  const word = (i: number): string => (i >= 0 && i < doc.tokenCount ? lower[i] : '<s>');
  const first = c.content[0];
  const direction = first.start >= c.cue.end ? 'after' : 'before';
  const sourceKind = sourceKindOf(doc, c.source);
  const contentTokens = c.content.reduce((n, r) => n + r.end - r.start, 0);
  const quoted = c.content.some((r) => isQuoteMark(doc.word(r.start)) || isQuoteMark(doc.word(r.end - 1)));
  const firstWord = direction === 'after' ? word(first.start) : '-';
  const lexicon = c.lexiconClass ?? 'none';
  const pos = (i: number): string => (i >= 0 && i < doc.tokenCount ? doc.upos(i) : '<s>');
  const sourceType = c.source ? mentionTypeAt(doc, c.source.end - 1) : 'none';
  const clause = c.content.some((r) => hasVerb(doc, r));
  const firstPos = direction === 'after' ? pos(first.start) : '-';
  const beforeSource = c.source ? word(c.source.start - 1) : '-';
  const report = reportRelation(doc, c.cue.start, first);
  const subject = subjectRelation(doc, c.cue.start);
  const cueRelation = baseRelation(doc.tokens.deprel[c.cue.start]);
  const strings = [
    'bias',
    `lemma=${c.lemma}`,
    `lower=${word(c.cue.start)}`,
    `class=${lexicon}`,
    `tag=${tag[c.cue.start]}`,
    `prev=${word(c.cue.start - 1)}`,
    `next=${word(c.cue.end)}`,
    `next2=${word(c.cue.end)}|${word(c.cue.end + 1)}`,
    `src=${sourceKind}`,
    `srcHead=${c.source ? word(c.source.end - 1) : '-'}`,
    `dir=${direction}`,
    `first=${firstWord}`,
    `len=${Math.min(6, Math.round(Math.log2(1 + contentTokens)))}`,
    `quoted=${quoted}`,
    `parts=${c.content.length}`,
    `neg=${c.negated}`,
    `lemma|dir=${c.lemma}|${direction}`,
    `lemma|first=${c.lemma}|${firstWord}`,
    `lemma|src=${c.lemma}|${sourceKind}`,
    `lemma|quoted=${c.lemma}|${quoted}`,
    `class|dir|src=${lexicon}|${direction}|${sourceKind}`,
    `tag|first=${tag[c.cue.start]}|${firstWord}`,
    `lemma|prev=${c.lemma}|${word(c.cue.start - 1)}`,
    `srcType=${sourceType}`,
    `lemma|srcType=${c.lemma}|${sourceType}`,
    `clause=${clause}`,
    `lemma|clause=${c.lemma}|${clause}`,
    `firstPos=${firstPos}`,
    `lemma|firstPos=${c.lemma}|${firstPos}`,
    `prevPos=${pos(c.cue.start - 1)}`,
    `nextPos=${pos(c.cue.end)}`,
    `beforeSrc=${beforeSource}`,
    `srcLen=${c.source ? Math.min(5, c.source.end - c.source.start) : 0}`,
    `lemma|next=${c.lemma}|${word(c.cue.end)}`,
    `lemma|srcHead=${c.lemma}|${c.source ? word(c.source.end - 1) : '-'}`,
    `class|quoted|dir=${lexicon}|${quoted}|${direction}`,
    `srcType|dir|quoted=${sourceType}|${direction}|${quoted}`,
    `report=${report}`,
    `lemma|report=${c.lemma}|${report}`,
    `class|report|quoted=${lexicon}|${report}|${quoted}`,
    `subject=${subject}`,
    `lemma|subject=${c.lemma}|${subject}`,
    `cueRel=${cueRelation}`,
    `lemma|cueRel=${c.lemma}|${cueRelation}`,
  ];
  for (let k = 0; k < strings.length; k++) out[k] = hashString(strings[k]);
  return strings.length;
}

function sourceKindOf(doc: Doc, source: TokenRange | null): string {
  if (!source) return 'none';
  const head = source.end - 1;
  if (source.end - source.start === 1 && PRONOUNS.has(doc.tokens.lower[head])) return 'pronoun';
  if (doc.upos(head) === 'PROPN') return 'name';
  return source.end - source.start > 4 ? 'long' : 'noun';
}

/** The entity type of the mention covering token `i`, or the token's POS when none does. */
export function mentionTypeAt(doc: Doc, i: number): string {
  const offset = doc.tokens.start[i];
  // Mentions are in text order here (coref sorts them) and do not nest deeply: the covering one
  // is among the last few that start at or before the token.
  let low = 0;
  let high = doc.mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (doc.mentions[middle].start <= offset) low = middle + 1;
    else high = middle;
  }
  let covering = -1;
  for (let k = low - 1; k >= 0 && k >= low - MENTIONS_LOOKED_BACK; k--) if (doc.mentions[k].end > offset) covering = k;
  return covering >= 0 ? doc.entities[doc.mentions[covering].entity].type : doc.upos(i);
}

function hasVerb(doc: Doc, range: TokenRange): boolean {
  for (let i = range.start; i < range.end; i++) if (doc.upos(i) === 'VERB' || doc.upos(i) === 'AUX') return true;
  return false;
}

/**
 * A trained cue filter: accepts a candidate when the cue score exceeds the other by more than
 * `threshold` (tuned on dev for F1; negative favours recall).
 */
export class CueModel {
  private readonly features = new Uint32Array(MAX_CUE_FEATURES);
  private readonly scores = new Float32Array(2);
  constructor(readonly classifier: PerceptronModel, readonly threshold = 0) {}

  /** How much more the candidate looks like a cue than not. */
  margin(doc: Doc, candidate: CueCandidate): number {
    const n = cueFeatures(doc, candidate, this.features);
    this.classifier.scores(this.features, n, this.scores);
    return this.scores[1] - this.scores[0];
  }

  accepts(doc: Doc, candidate: CueCandidate): boolean {
    return this.margin(doc, candidate) > this.threshold;
  }

  withThreshold(threshold: number): CueModel {
    return new CueModel(this.classifier, threshold);
  }
}

// File: "CGCM" u8 version, f32 threshold, then the perceptron.
const MAGIC = 'CGCM';
const VERSION = 2;

export function encodeCueModel(model: CueModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    out.f32(model.threshold);
    writePerceptron(model.classifier, out);
  });
}

export function decodeCueModel(bytes: Uint8Array): CueModel {
  return decodeBinary(bytes, 'cue model', (input) => {
    if (input.header(MAGIC) !== VERSION) input.fail('unsupported cue model version');
    const threshold = input.f32();
    return new CueModel(readPerceptron(input), threshold);
  });
}
