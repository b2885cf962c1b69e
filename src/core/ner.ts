import type { Doc } from './doc.js';
import { defaultLexicon, type Lexicon } from './lexicon/index.js';
import {
  ByteReader,
  ByteWriter,
  hashFeature,
  hashString,
  readPerceptron,
  writePerceptron,
  type Classifier,
  type PerceptronModel,
  type PerceptronTrainer,
} from './perceptron.js';
import { clusterPath, readWordClusters, writeWordClusters, type WordClusters } from './word-clusters.js';

/**
 * Statistical named-entity recognition (CoNLL types PER, ORG, LOC, MISC) in the style of
 * Ratinov & Roth (2009): an averaged perceptron over hashed features with BILOU classes, decoded
 * by Viterbi under the BILOU transition constraints (a structured perceptron, Collins 2002).
 * Features: word, lower case, shape, affixes and word-cluster path prefixes in a ±2 window, POS
 * tags, gazetteer matches from the lexicon, and non-local ones: the types this document has
 * already given the same word, and whether the word also appears in other letter cases.
 */

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** An entity as a token range `[start, end)` of the Doc. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}

/** Class 0 is O; type `t` has B, I, L, U at 1 + 4t … 4 + 4t. */
export const NER_CLASSES: readonly string[] = ['O', ...NER_TYPES.flatMap((type) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${type}`))];
const O = 0;
const CLASSES = NER_CLASSES.length;
/** The "previous class" of the first token. */
const START = CLASSES;

const typeOf = (c: number): number => (c - 1) >> 2;
const placeOf = (c: number): number => (c - 1) & 3; // 0 B, 1 I, 2 L, 3 U
/** A class that leaves an entity open (B, I): only I or L of its type may follow. */
const isOpen = (c: number): boolean => c !== O && c !== START && placeOf(c) < 2;

/** Whether class `c` may follow class `previous` (START before the first token). */
export function allowedTransition(previous: number, c: number): boolean {
  if (isOpen(previous)) return c !== O && typeOf(c) === typeOf(previous) && (placeOf(c) === 1 || placeOf(c) === 2);
  return c === O || placeOf(c) === 0 || placeOf(c) === 3;
}

/** The BILOU class of every token of a sequence of `length` tokens holding `spans` (non-overlapping). */
export function bilouClasses(spans: readonly NerSpan[], length: number): Int32Array {
  const classes = new Int32Array(length);
  for (const { start, end, type } of spans) {
    const base = 1 + 4 * NER_TYPES.indexOf(type);
    if (end - start === 1) classes[start] = base + 3;
    else {
      classes[start] = base;
      for (let i = start + 1; i < end - 1; i++) classes[i] = base + 1;
      classes[end - 1] = base + 2;
    }
  }
  return classes;
}

/** Spans of a valid BILOU class sequence, offset by `offset` tokens. */
function spansOf(classes: ArrayLike<number>, length: number, offset: number, out: NerSpan[]): void {
  let open = -1;
  for (let k = 0; k < length; k++) {
    const c = classes[k];
    if (c === O) continue;
    const place = placeOf(c);
    if (place === 0) open = k;
    else if (place === 3) out.push({ start: offset + k, end: offset + k + 1, type: NER_TYPES[typeOf(c)] });
    else if (place === 2) out.push({ start: offset + open, end: offset + k + 1, type: NER_TYPES[typeOf(c)] });
  }
}

export interface NerModel {
  readonly classifier: PerceptronModel;
  /** The clusters the model was trained with: their paths are part of its features. */
  readonly clusters: WordClusters;
}

/** What the features read from the lexicon. */
export type NerLexicon = Pick<Lexicon, 'matchAt' | 'firstNameGender' | 'isOrgCue' | 'isRoleWord'>;

// ---- Word features ------------------------------------------------------------------------------

// Per-word hashes, in this order, in each cached entry; CASE holds a letter-case class, not a hash.
const WORD = 0;
const LOWER = 1;
const SHAPE = 2;
const SHORT_SHAPE = 3;
const PREFIX3 = 4;
const PREFIX4 = 5;
const SUFFIX2 = 6;
const SUFFIX3 = 7;
const SUFFIX4 = 8;
const CLUSTER4 = 9;
const CLUSTER6 = 10;
const CLUSTER10 = 11;
const CLUSTER_FULL = 12;
const LEXICAL = 13;
const CASE = 14;
const WORD_FIELDS = 15;

const CLUSTER_PREFIXES: readonly [number, number][] = [[CLUSTER4, 4], [CLUSTER6, 6], [CLUSTER10, 10], [CLUSTER_FULL, 32]];

// Letter-case classes.
const NO_LETTERS = 0;
const LOWER_CASE = 1;
const TITLE_CASE = 2;
const ALL_CAPS = 3;

function caseOf(word: string): number {
  const first = word.search(/\p{L}/u);
  if (first < 0) return NO_LETTERS;
  if (!/\p{Lu}/u.test(word[first])) return LOWER_CASE;
  return /\p{Ll}/u.test(word) || word.replace(/[^\p{L}]/gu, '').length < 2 ? TITLE_CASE : ALL_CAPS;
}

function shapeOf(word: string, maxRun: number): string {
  let shape = '';
  let previous = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === previous ? run + 1 : 1;
    previous = c;
    if (run <= maxRun) shape += c;
  }
  return shape;
}

const titleCase = (lower: string): string => lower.charAt(0).toUpperCase() + lower.slice(1);

function describeWord(surface: string, clusters: WordClusters, lexicon: NerLexicon): Uint32Array {
  const word = surface.replace(/[‘’]/g, "'").replace(/\d/g, '0');
  const lower = word.toLowerCase();
  const values: string[] = [];
  values[WORD] = word;
  values[LOWER] = lower;
  values[SHAPE] = shapeOf(surface, 3);
  values[SHORT_SHAPE] = shapeOf(surface, 1);
  values[PREFIX3] = lower.slice(0, 3);
  values[PREFIX4] = lower.slice(0, 4);
  values[SUFFIX2] = lower.slice(-2);
  values[SUFFIX3] = lower.slice(-3);
  values[SUFFIX4] = lower.slice(-4);
  const path = clusterPath(clusters, surface);
  for (const [field, length] of CLUSTER_PREFIXES) values[field] = path === undefined ? '?' : path.slice(0, length);
  values[LEXICAL] = `${lexicon.firstNameGender(lower) === null ? 0 : 1}${lexicon.isOrgCue(lower) ? 1 : 0}${lexicon.isRoleWord(lower) ? 1 : 0}`;
  const entry = new Uint32Array(WORD_FIELDS);
  for (let k = 0; k < CASE; k++) entry[k] = hashString(values[k], k);
  entry[CASE] = caseOf(surface);
  return entry;
}

function padEntry(name: string): Uint32Array {
  const entry = new Uint32Array(WORD_FIELDS);
  for (let k = 0; k < CASE; k++) entry[k] = hashString(name, k);
  entry[CASE] = NO_LETTERS;
  return entry;
}

const PADS = [padEntry('-START2-'), padEntry('-START-'), padEntry('-END-'), padEntry('-END2-')];
const PAD_TAG = hashString('-PAD-');
const NO_GAZETTEER = hashString('-NONE-');

/** Feature hashes per token: the size of the buffer one token's features are written to. */
export const MAX_FEATURES = 64;
const CACHE_LIMIT = 100_000;
const TRANSITION = 99;

/** Feature template ids; each hash mixes its template in, so templates never share a weight. */
const enum T {
  Bias = 1, Word, Lower, LowerPrev, LowerNext, LowerPrev2, LowerNext2, Shape, ShapePrev, ShapeNext, ShortShape,
  Prefix3, Prefix4, Suffix2, Suffix3, Suffix4, LowerPair, LowerPairNext, ShapePair, ShapePairNext, ShortTriple,
  Cluster, ClusterPrev, ClusterNext, ClusterPrev2, ClusterNext2, Tag, TagPrev, TagNext, TagPair, TagShape,
  Gazetteer, GazetteerCase, GazetteerPrev, GazetteerNext, Lexical, LexicalPrev, LexicalNext, LexicalNext2,
  History, HistoryCase, HistoryTypes, DocumentCase, SentenceStart, CaseWindow,
}

/** What a training pass needs: the gold class of every token of the Doc and the trainer to update. */
export interface NerTraining {
  gold: ArrayLike<number>;
  trainer: PerceptronTrainer;
}

/**
 * The tagger over any {@link Classifier}: the shipped model, or the trainer while training.
 * Holds per-word caches, so reuse one instance across documents.
 */
export class NerTagger {
  private readonly cache = new Map<string, Uint32Array>();
  private readonly tagHashes = new Map<string, number>();
  /** Transition scores `[previous * CLASSES + c]`, −∞ where BILOU forbids the pair. */
  private readonly transitions = new Float32Array((CLASSES + 1) * CLASSES);
  private transitionsFresh = false;
  private readonly scoreBuffer = new Float32Array(CLASSES);
  private readonly one = new Uint32Array(1);
  // Per-sentence buffers, grown as needed.
  private features = new Uint32Array(0);
  private featureCounts = new Int32Array(0);
  private emissions = new Float32Array(0);
  private best = new Float32Array(0);
  private back = new Uint8Array(0);
  private path = new Int32Array(0);
  private window: Uint32Array[] = [];
  private gazetteer = new Uint32Array(0);
  private tags = new Uint32Array(0);

  constructor(
    private readonly classifier: Classifier,
    private readonly clusters: WordClusters,
    private readonly lexicon: NerLexicon,
  ) {}

  /** Entities of `doc` (which needs tokens, sentences and POS tags), sentence by sentence. */
  tag(doc: Doc, training?: NerTraining): NerSpan[] {
    if (training || !this.transitionsFresh) this.loadTransitions();
    const spans: NerSpan[] = [];
    const history = new Map<string, Int32Array>();
    const forms = new Set<string>();
    for (let i = 0; i < doc.tokenCount; i++) forms.add(doc.word(i));
    for (const { tokenStart, tokenEnd } of doc.sentences) {
      const n = tokenEnd - tokenStart;
      if (n === 0) continue;
      this.prepare(doc, tokenStart, tokenEnd, history, forms);
      const path = this.decode(n);
      if (training) {
        this.update(path, training.gold, tokenStart, n, training.trainer);
        this.loadTransitions();
      }
      const first = spans.length;
      spansOf(path, n, tokenStart, spans);
      for (let s = first; s < spans.length; s++) this.remember(doc, spans[s], history);
    }
    if (!training) this.transitionsFresh = true;
    return spans;
  }

  private loadTransitions(): void {
    const { one, scoreBuffer, transitions } = this;
    for (let previous = 0; previous <= START; previous++) {
      one[0] = hashFeature(TRANSITION, previous);
      this.classifier.scores(one, 1, scoreBuffer);
      for (let c = 0; c < CLASSES; c++) {
        transitions[previous * CLASSES + c] = allowedTransition(previous, c) ? scoreBuffer[c] : -Infinity;
      }
    }
  }

  private entry(surface: string): Uint32Array {
    let entry = this.cache.get(surface);
    if (entry === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      entry = describeWord(surface, this.clusters, this.lexicon);
      this.cache.set(surface, entry);
    }
    return entry;
  }

  private tagHash(tag: string): number {
    let hash = this.tagHashes.get(tag);
    if (hash === undefined) this.tagHashes.set(tag, (hash = hashString(tag, 77)));
    return hash;
  }

  private grow(n: number): void {
    if (this.featureCounts.length >= n) return;
    const size = Math.max(n, this.featureCounts.length * 2, 64);
    this.features = new Uint32Array(size * MAX_FEATURES);
    this.featureCounts = new Int32Array(size);
    this.emissions = new Float32Array(size * CLASSES);
    this.best = new Float32Array(size * CLASSES);
    this.back = new Uint8Array(size * CLASSES);
    this.path = new Int32Array(size);
    this.gazetteer = new Uint32Array(size + 4);
    this.tags = new Uint32Array(size + 4);
  }

  /** Features and emission scores of every token of one sentence. */
  private prepare(doc: Doc, from: number, to: number, history: Map<string, Int32Array>, forms: Set<string>): void {
    const n = to - from;
    this.grow(n);
    const window = this.window;
    window.length = 0;
    window.push(PADS[0], PADS[1]);
    for (let i = from; i < to; i++) window.push(this.entry(doc.word(i)));
    window.push(PADS[2], PADS[3]);
    this.findGazetteerMatches(doc, from, to);
    const { tags, features, featureCounts, emissions, scoreBuffer } = this;
    tags[0] = tags[1] = tags[n + 2] = tags[n + 3] = PAD_TAG;
    for (let k = 0; k < n; k++) tags[k + 2] = this.tagHash(doc.tokens.tag[from + k]);
    for (let k = 0; k < n; k++) {
      const out = features.subarray(k * MAX_FEATURES, (k + 1) * MAX_FEATURES);
      const count = this.extract(k, doc.tokens.lower[from + k], history, forms, out);
      featureCounts[k] = count;
      this.classifier.scores(out, count, scoreBuffer);
      emissions.set(scoreBuffer, k * CLASSES);
    }
  }

  /**
   * Gazetteer codes per sentence token (kind, type and BILOU place of the longest lexicon match,
   * left to right), offset by two like the window.
   */
  private findGazetteerMatches(doc: Doc, from: number, to: number): void {
    const { gazetteer } = this;
    gazetteer.fill(NO_GAZETTEER, 0, to - from + 4);
    const lower = doc.tokens.lower;
    const surface = (j: number): string => doc.word(j);
    for (let i = from; i < to; ) {
      const match = this.lexicon.matchAt(lower, i, surface);
      if (match === null || i + match.length > to) {
        i++;
        continue;
      }
      const { length, kind, type } = match;
      for (let j = 0; j < length; j++) {
        const place = length === 1 ? 'U' : j === 0 ? 'B' : j === length - 1 ? 'L' : 'I';
        gazetteer[i - from + j + 2] = hashString(`${kind}|${type}|${place}`, 91);
      }
      i += length;
    }
  }

  /** Writes the feature hashes of sentence token `k` into `out`; returns their count. */
  private extract(k: number, lower: string, history: Map<string, Int32Array>, forms: Set<string>, out: Uint32Array): number {
    const w = this.window;
    const here = w[k + 2];
    const before = w[k + 1];
    const after = w[k + 3];
    const before2 = w[k];
    const after2 = w[k + 4];
    const { tags, gazetteer } = this;
    const letterCase = here[CASE];
    let n = 0;
    out[n++] = hashFeature(T.Bias, 0);
    out[n++] = hashFeature(T.Word, here[WORD]);
    out[n++] = hashFeature(T.Lower, here[LOWER]);
    out[n++] = hashFeature(T.LowerPrev, before[LOWER]);
    out[n++] = hashFeature(T.LowerNext, after[LOWER]);
    out[n++] = hashFeature(T.LowerPrev2, before2[LOWER]);
    out[n++] = hashFeature(T.LowerNext2, after2[LOWER]);
    out[n++] = hashFeature(T.Shape, here[SHAPE]);
    out[n++] = hashFeature(T.ShapePrev, before[SHAPE]);
    out[n++] = hashFeature(T.ShapeNext, after[SHAPE]);
    out[n++] = hashFeature(T.ShortShape, here[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Prefix3, here[PREFIX3]);
    out[n++] = hashFeature(T.Prefix4, here[PREFIX4]);
    out[n++] = hashFeature(T.Suffix2, here[SUFFIX2]);
    out[n++] = hashFeature(T.Suffix3, here[SUFFIX3]);
    out[n++] = hashFeature(T.Suffix4, here[SUFFIX4]);
    out[n++] = hashFeature(T.LowerPair, before[LOWER], here[LOWER]);
    out[n++] = hashFeature(T.LowerPairNext, here[LOWER], after[LOWER]);
    out[n++] = hashFeature(T.ShapePair, before[SHORT_SHAPE], here[SHAPE]);
    out[n++] = hashFeature(T.ShapePairNext, here[SHAPE], after[SHORT_SHAPE]);
    out[n++] = hashFeature(T.ShortTriple, hashFeature(before[SHORT_SHAPE], here[SHORT_SHAPE]), after[SHORT_SHAPE]);
    for (let field = CLUSTER4; field <= CLUSTER_FULL; field++) {
      out[n++] = hashFeature(T.Cluster, here[field]);
      out[n++] = hashFeature(T.ClusterPrev, before[field]);
      out[n++] = hashFeature(T.ClusterNext, after[field]);
    }
    out[n++] = hashFeature(T.ClusterPrev2, before2[CLUSTER6]);
    out[n++] = hashFeature(T.ClusterNext2, after2[CLUSTER6]);
    out[n++] = hashFeature(T.Tag, tags[k + 2]);
    out[n++] = hashFeature(T.TagPrev, tags[k + 1]);
    out[n++] = hashFeature(T.TagNext, tags[k + 3]);
    out[n++] = hashFeature(T.TagPair, tags[k + 1], tags[k + 2]);
    out[n++] = hashFeature(T.TagShape, tags[k + 2], here[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Gazetteer, gazetteer[k + 2]);
    out[n++] = hashFeature(T.GazetteerCase, gazetteer[k + 2], letterCase);
    out[n++] = hashFeature(T.GazetteerPrev, gazetteer[k + 1]);
    out[n++] = hashFeature(T.GazetteerNext, gazetteer[k + 3]);
    out[n++] = hashFeature(T.Lexical, here[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalPrev, before[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalNext, after[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalNext2, after2[LEXICAL]);
    out[n++] = hashFeature(T.CaseWindow, (before[CASE] << 4) | (letterCase << 2) | after[CASE]);
    if (k === 0) out[n++] = hashFeature(T.SentenceStart, letterCase);
    if (letterCase === TITLE_CASE || letterCase === ALL_CAPS) {
      const seen = history.get(lower);
      if (seen !== undefined) {
        let top = 0;
        let mask = 0;
        for (let t = 0; t < seen.length; t++) {
          if (seen[t] > seen[top]) top = t;
          if (seen[t] > 0) mask |= 1 << t;
        }
        out[n++] = hashFeature(T.History, top);
        out[n++] = hashFeature(T.HistoryCase, top, letterCase);
        out[n++] = hashFeature(T.HistoryTypes, mask);
      }
      const lowerSeen = forms.has(lower) ? 1 : 0;
      const titleSeen = letterCase === ALL_CAPS && forms.has(titleCase(lower)) ? 2 : 0;
      out[n++] = hashFeature(T.DocumentCase, letterCase, lowerSeen | titleSeen | (k === 0 ? 4 : 0));
    }
    return n;
  }

  /** Viterbi over the emission scores of `n` tokens; returns the best class path. */
  private decode(n: number): Int32Array {
    const { emissions, best, back, path, transitions } = this;
    for (let c = 0; c < CLASSES; c++) best[c] = transitions[START * CLASSES + c] + emissions[c];
    for (let k = 1; k < n; k++) {
      const row = k * CLASSES;
      const previousRow = row - CLASSES;
      for (let c = 0; c < CLASSES; c++) {
        let top = -Infinity;
        let arg = 0;
        for (let p = 0; p < CLASSES; p++) {
          const score = best[previousRow + p] + transitions[p * CLASSES + c];
          if (score > top) {
            top = score;
            arg = p;
          }
        }
        best[row + c] = top + emissions[row + c];
        back[row + c] = arg;
      }
    }
    // The last token must close any entity: O, L or U.
    const lastRow = (n - 1) * CLASSES;
    let last = O;
    for (let c = 1; c < CLASSES; c++) {
      if ((placeOf(c) === 2 || placeOf(c) === 3) && best[lastRow + c] > best[lastRow + last]) last = c;
    }
    path[n - 1] = last;
    for (let k = n - 1; k > 0; k--) path[k - 1] = back[k * CLASSES + path[k]];
    return path;
  }

  /** Structured perceptron update: towards the gold path, away from the predicted one. */
  private update(path: Int32Array, gold: ArrayLike<number>, from: number, n: number, trainer: PerceptronTrainer): void {
    const { features, featureCounts, one } = this;
    for (let k = 0; k < n; k++) {
      const truth = gold[from + k];
      const guess = path[k];
      const goldPrevious = k === 0 ? START : gold[from + k - 1];
      const guessPrevious = k === 0 ? START : path[k - 1];
      if (truth !== guess) {
        trainer.update(truth, guess, features.subarray(k * MAX_FEATURES), featureCounts[k]);
      }
      if (truth !== guess || goldPrevious !== guessPrevious) {
        one[0] = hashFeature(TRANSITION, goldPrevious);
        trainer.nudge(truth, 1, one, 1);
        one[0] = hashFeature(TRANSITION, guessPrevious);
        trainer.nudge(guess, -1, one, 1);
      }
    }
    trainer.tick();
  }

  /** Counts the type of a tagged entity for each capitalised word in it, for the history features. */
  private remember(doc: Doc, span: NerSpan, history: Map<string, Int32Array>): void {
    const type = NER_TYPES.indexOf(span.type);
    for (let i = span.start; i < span.end; i++) {
      const letterCase = this.entry(doc.word(i))[CASE];
      if (letterCase !== TITLE_CASE && letterCase !== ALL_CAPS) continue;
      const lower = doc.tokens.lower[i];
      let counts = history.get(lower);
      if (counts === undefined) history.set(lower, (counts = new Int32Array(NER_TYPES.length)));
      counts[type]++;
    }
  }
}

const taggers = new WeakMap<NerModel, WeakMap<NerLexicon, NerTagger>>();

/**
 * Named entities of `doc` (tokens, sentences and POS tags must be set) as token ranges.
 * Reuses one tagger per model and lexicon, so its word caches stay warm across documents.
 */
export function tagEntities(doc: Doc, model: NerModel, lexicon: NerLexicon = defaultLexicon()): NerSpan[] {
  let byLexicon = taggers.get(model);
  if (byLexicon === undefined) taggers.set(model, (byLexicon = new WeakMap()));
  let tagger = byLexicon.get(lexicon);
  if (tagger === undefined) byLexicon.set(lexicon, (tagger = new NerTagger(model.classifier, model.clusters, lexicon)));
  return tagger.tag(doc);
}

// ---- Model file ----------------------------------------------------------------------------------
//   "CGNE" u8 version, the word clusters (word-clusters.ts), then the perceptron (perceptron.ts).

const MAGIC = 'CGNE';
const VERSION = 1;

export function encodeNerModel(model: NerModel): Uint8Array {
  const out = new ByteWriter();
  for (let i = 0; i < MAGIC.length; i++) out.u8(MAGIC.charCodeAt(i));
  out.u8(VERSION);
  writeWordClusters(model.clusters, out);
  writePerceptron(model.classifier, out);
  return out.finish();
}

/** Reads a model written by {@link encodeNerModel}; a bad file is CoreError CG_E006. */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  const input = new ByteReader(bytes, 'NER model');
  const version = input.header(MAGIC);
  if (version !== VERSION) input.fail(`unsupported version ${version}`);
  const clusters = readWordClusters(input);
  const classifier = readPerceptron(input);
  if (input.offset !== bytes.length) input.fail('trailing bytes');
  if (classifier.classes.join(' ') !== NER_CLASSES.join(' ')) input.fail('the classes are not the BILOU classes of PER, ORG, LOC, MISC');
  return { classifier, clusters };
}
