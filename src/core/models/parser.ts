import {
  decodeBinary,
  encodeBinary,
  hashFeature,
  hashSpread,
  hashString,
  readPerceptron,
  spreadValue,
  writePerceptron,
  type PerceptronModel,
} from '../perceptron.js';
import { Configuration, LEFT, NONE, RIGHT, ROOT_LABEL, SHIFT, actionOf } from './arc-hybrid.js';
import { directedFeature, PackedParserScorer } from './parser-scoring.js';

/**
 * A greedy transition-based dependency parser: arc-hybrid moves scored by an averaged perceptron
 * over hashed features of the configuration, in the style of Zhang & Nivre (2011): words and
 * tags of the stack and buffer fronts, their pairs and triples, distance, valency, the
 * leftmost/rightmost dependents with their labels, and the label sets of the dependents. A
 * second perceptron labels each arc from the same features joined with the arc's direction.
 * Splitting move and label keeps the move model at three classes: a decision reads three weights
 * per feature instead of a hundred (one per labelled action), which made parsing several times
 * faster (docs/architecture.md). Trained with a dynamic oracle (src/train/deps.ts); parsing
 * scores through the packed cells of parser-scoring.ts, with the same decisions.
 */

export interface ParserModel {
  /** Classes SHIFT, LEFT, RIGHT (see arc-hybrid.ts). */
  readonly moves: PerceptronModel;
  /** Classes are Universal Dependencies relations; class 0 is `root`. */
  readonly labeller: PerceptronModel;
}

/** One sentence to parse: lower-cased words and Penn Treebank tags. */
export interface ParserInput {
  words: readonly string[];
  tags: readonly string[];
}

export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;
const ABSENT = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const ROOT_TAG = hashString('<ROOT>', 1);

function distanceBucket(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

// The values templates read, each spread (see spreadValue), gathered per decision into one array
// by ParserFeatures.extract. Slot 0 holds 0, the second value of one-value templates.
const NO = 0;
const [S0W, S0T, S0WT, S1W, S1T, S1WT, B0W, B0T, B0WT, B1W, B1T, B2W, B2T, S2W, S2T] = slots(1, 15);
// Dependents: leftmost/rightmost (1) and second (2) of s0, s1 and b0: word, tag, label.
const [S0L1W, S0L1T, S0L1L, S0R1W, S0R1T, S0R1L, S1R1W, S1R1T, S1R1L, B0L1W, B0L1T, B0L1L] = slots(16, 12);
const [S1L1T, S1L1L, S0L2W, S0L2T, S0L2L, S0R2W, S0R2T, S0R2L, B0L2T, B0L2L, S1R2T, S1R2L] = slots(28, 12);
// Distances, valencies (dependent counts) and the label sets of the dependents.
const [D0, D1, S0VL, S0VR, S1VL, S1VR, B0VL, S0LL, S0RL, S1RL, B0LL] = slots(40, 11);
const GATHERED = 51;

/** The spread label of token `i`, −1 for a missing token. */
function labelValue(labels: Int32Array, i: number): number {
  return spreadValue(i === NONE ? -1 : labels[i]);
}

function slots(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => first + k);
}

/** Inner pairs of the three-value templates: slot `GATHERED + j` holds the spread hash of pair j. */
const innerPairs: number[] = [];

/** The slot of the pair (b, c) hashed under template 255: a triple (t, a, b, c) is the pair (a, inner(b, c)). */
function inner(b: number, c: number): number {
  let j = 0;
  while (j < innerPairs.length && (innerPairs[j] !== b || innerPairs[j + 1] !== c)) j += 2;
  if (j === innerPairs.length) innerPairs.push(b, c);
  return GATHERED + j / 2;
}

/**
 * The feature templates, as [template id, first value, second value]: a bias, then words and
 * tags of the stack and buffer fronts, their pairs and triples, distance, valency, dependents
 * with their labels, and the label sets of the dependents. The order is the feature order.
 */
const TEMPLATES: readonly (readonly [number, number, number])[] = [
  [0, NO, NO],
  // Single positions.
  [2, S0W, NO],
  [3, S0T, NO],
  [4, S0WT, NO],
  [5, S1W, NO],
  [6, S1T, NO],
  [7, S1WT, NO],
  [8, B0W, NO],
  [9, B0T, NO],
  [10, B0WT, NO],
  [11, B1W, NO],
  [12, B1T, NO],
  [13, B1W, B1T],
  [14, B2W, NO],
  [15, B2T, NO],
  [16, S2T, NO],
  [17, S2W, S2T],
  // Pairs: s0 with b0 (a LEFT arc) and s1 with s0 (a RIGHT arc).
  [18, S0WT, B0WT],
  [19, S0WT, B0W],
  [20, S0W, B0WT],
  [21, S0WT, B0T],
  [22, S0T, B0WT],
  [23, S0W, B0W],
  [24, S0T, B0T],
  [25, B0T, B1T],
  [26, S1WT, S0WT],
  [27, S1WT, S0W],
  [28, S1W, S0WT],
  [29, S1WT, S0T],
  [30, S1T, S0WT],
  [31, S1W, S0W],
  [32, S1T, S0T],
  [33, S1T, B0T],
  [34, S1WT, B0WT],
  // Triples of tags.
  [35, B0T, inner(B1T, B2T)],
  [36, S0T, inner(B0T, B1T)],
  [37, S1T, inner(S0T, B0T)],
  [38, S2T, inner(S1T, S0T)],
  [39, S0T, inner(S0L1T, B0T)],
  [40, S0T, inner(S0R1T, B0T)],
  [41, S1T, inner(S1R1T, S0T)],
  [42, S0T, inner(B0T, B0L1T)],
  [43, S1T, inner(S0T, S0L1T)],
  [44, S1T, inner(S0T, S0R1T)],
  [45, S1T, inner(S1L1T, S0T)],
  // Distance.
  [46, S0W, D0],
  [47, S0T, D0],
  [48, B0W, D0],
  [49, B0T, D0],
  [50, S0T, inner(B0T, D0)],
  [51, S0W, inner(B0W, D0)],
  [52, S1W, D1],
  [53, S1T, inner(S0T, D1)],
  [54, S1W, inner(S0W, D1)],
  [55, S0W, D1],
  // Valency.
  [56, S0W, S0VL],
  [57, S0T, S0VL],
  [58, S0W, S0VR],
  [59, S0T, S0VR],
  [60, S1W, S1VR],
  [61, S1T, S1VR],
  [62, S1T, S1VL],
  [63, B0W, B0VL],
  [64, B0T, B0VL],
  // Dependents: words, tags and labels.
  [65, S0L1W, NO],
  [66, S0L1T, NO],
  [67, S0L1L, NO],
  [68, S0R1W, NO],
  [69, S0R1T, NO],
  [70, S0R1L, NO],
  [71, S1R1W, NO],
  [72, S1R1T, NO],
  [73, S1R1L, NO],
  [74, B0L1W, NO],
  [75, B0L1T, NO],
  [76, B0L1L, NO],
  [77, S1L1T, S1L1L],
  [78, S0L2W, NO],
  [79, S0L2T, S0L2L],
  [80, S0R2W, NO],
  [81, S0R2T, S0R2L],
  [82, B0L2T, B0L2L],
  [83, S1R2T, S1R2L],
  [84, S0T, inner(S0L1T, S0L2T)],
  [85, S0T, inner(S0R1T, S0R2T)],
  [86, B0T, inner(B0L1T, B0L2T)],
  [87, S0T, inner(S0L1L, S0R1L)],
  // Label sets of the dependents so far.
  [88, S0W, S0LL],
  [89, S0T, S0LL],
  [90, S0W, S0RL],
  [91, S0T, S0RL],
  [92, S1T, S1RL],
  [93, S1W, S1RL],
  [94, B0W, B0LL],
  [95, B0T, B0LL],
];

/** Features per decision. */
export const PARSER_FEATURES = TEMPLATES.length;
const TEMPLATE_ID = Int32Array.from(TEMPLATES, ([id]) => id);
const FIRST = Int32Array.from(TEMPLATES, ([, a]) => a);
const SECOND = Int32Array.from(TEMPLATES, ([, , b]) => b);
const INNER = Int32Array.from(innerPairs);

/**
 * Per-sentence word and tag hashes, plus the feature extractor over a configuration. Every value
 * a feature reads is kept already spread ({@link spreadValue}), and per token with the token at
 * index `i + 1` and index 0 standing for a missing token (NONE + 1), so the templates index
 * without branching on NONE.
 */
export class ParserFeatures {
  private words = new Int32Array(64);
  private tags = new Int32Array(64);
  private wordTags = new Int32Array(64);
  private readonly wordCache = new Map<string, number>();
  private readonly tagCache = new Map<string, number>();
  /** The spread values of the current decision, by slot. */
  private readonly values = new Int32Array(GATHERED + INNER.length / 2);
  readonly buffer = new Int32Array(PARSER_FEATURES);
  /** The features of {@link buffer} joined with an arc's direction, for the labeller. */
  readonly directed = new Int32Array(PARSER_FEATURES);

  /** Hashes the words and tags of a sentence; index `n` is the root. */
  load(input: ParserInput): void {
    const n = input.words.length;
    if (n + 2 > this.words.length) {
      const size = Math.max(n + 2, this.words.length * 2);
      this.words = new Int32Array(size);
      this.tags = new Int32Array(size);
      this.wordTags = new Int32Array(size);
    }
    this.setToken(0, ABSENT, ABSENT);
    for (let i = 0; i < n; i++) this.setToken(i + 1, this.hashWord(input.words[i]), this.hashTag(input.tags[i]));
    this.setToken(n + 1, ROOT_WORD, ROOT_TAG);
  }

  private setToken(at: number, word: number, tag: number): void {
    this.words[at] = spreadValue(word);
    this.tags[at] = spreadValue(tag);
    this.wordTags[at] = spreadValue(hashFeature(1, word, tag));
  }

  private hashWord(word: string): number {
    let hash = this.wordCache.get(word);
    if (hash === undefined) {
      hash = hashString(word);
      // A bounded cache: long runs over a corpus must not grow memory without limit.
      if (this.wordCache.size > 200_000) this.wordCache.clear();
      this.wordCache.set(word, hash);
    }
    return hash;
  }

  /** A tag hashes as the word `\u0001` + tag: no word starts so, and the tag set is small. */
  private hashTag(tag: string): number {
    let hash = this.tagCache.get(tag);
    if (hash === undefined) {
      hash = hashString(`\u0001${tag}`);
      this.tagCache.set(tag, hash);
    }
    return hash;
  }

  /** Fills {@link buffer} with the features of `c` and returns how many there are. */
  extract(c: Configuration): number {
    const { words: W, tags: T, wordTags: WT, values: v } = this;
    const { depth, stack, b, n, labels, left1, left2, right1, right2, leftCount, rightCount, leftLabels, rightLabels } = c;
    // Token indexes, NONE (−1) when missing; W, T and WT hold token i at i + 1.
    const s0 = depth > 0 ? stack[depth - 1] : NONE;
    const s1 = depth > 1 ? stack[depth - 2] : NONE;
    const s2 = depth > 2 ? stack[depth - 3] : NONE;
    const b1 = b + 1 <= n ? b + 1 : NONE;
    const b2 = b + 2 <= n ? b + 2 : NONE;
    const s0L1 = s0 === NONE ? NONE : left1[s0];
    const s0L2 = s0 === NONE ? NONE : left2[s0];
    const s0R1 = s0 === NONE ? NONE : right1[s0];
    const s0R2 = s0 === NONE ? NONE : right2[s0];
    const s1L1 = s1 === NONE ? NONE : left1[s1];
    const s1R1 = s1 === NONE ? NONE : right1[s1];
    const s1R2 = s1 === NONE ? NONE : right2[s1];
    const b0L1 = left1[b];
    const b0L2 = left2[b];

    v[S0W] = W[s0 + 1];
    v[S0T] = T[s0 + 1];
    v[S0WT] = WT[s0 + 1];
    v[S1W] = W[s1 + 1];
    v[S1T] = T[s1 + 1];
    v[S1WT] = WT[s1 + 1];
    v[B0W] = W[b + 1];
    v[B0T] = T[b + 1];
    v[B0WT] = WT[b + 1];
    v[B1W] = W[b1 + 1];
    v[B1T] = T[b1 + 1];
    v[B2W] = W[b2 + 1];
    v[B2T] = T[b2 + 1];
    v[S2W] = W[s2 + 1];
    v[S2T] = T[s2 + 1];
    v[S0L1W] = W[s0L1 + 1];
    v[S0L1T] = T[s0L1 + 1];
    v[S0L1L] = labelValue(labels, s0L1);
    v[S0R1W] = W[s0R1 + 1];
    v[S0R1T] = T[s0R1 + 1];
    v[S0R1L] = labelValue(labels, s0R1);
    v[S1R1W] = W[s1R1 + 1];
    v[S1R1T] = T[s1R1 + 1];
    v[S1R1L] = labelValue(labels, s1R1);
    v[B0L1W] = W[b0L1 + 1];
    v[B0L1T] = T[b0L1 + 1];
    v[B0L1L] = labelValue(labels, b0L1);
    v[S1L1T] = T[s1L1 + 1];
    v[S1L1L] = labelValue(labels, s1L1);
    v[S0L2W] = W[s0L2 + 1];
    v[S0L2T] = T[s0L2 + 1];
    v[S0L2L] = labelValue(labels, s0L2);
    v[S0R2W] = W[s0R2 + 1];
    v[S0R2T] = T[s0R2 + 1];
    v[S0R2L] = labelValue(labels, s0R2);
    v[B0L2T] = T[b0L2 + 1];
    v[B0L2L] = labelValue(labels, b0L2);
    v[S1R2T] = T[s1R2 + 1];
    v[S1R2L] = labelValue(labels, s1R2);
    v[D0] = spreadValue(s0 === NONE ? 0 : distanceBucket(s0, b));
    v[D1] = spreadValue(s1 === NONE ? 0 : distanceBucket(s1, s0));
    v[S0VL] = spreadValue(s0 === NONE ? 0 : leftCount[s0]);
    v[S0VR] = spreadValue(s0 === NONE ? 0 : rightCount[s0]);
    v[S1VL] = spreadValue(s1 === NONE ? 0 : leftCount[s1]);
    v[S1VR] = spreadValue(s1 === NONE ? 0 : rightCount[s1]);
    v[B0VL] = spreadValue(leftCount[b]);
    v[S0LL] = spreadValue(s0 === NONE ? 0 : leftLabels[s0]);
    v[S0RL] = spreadValue(s0 === NONE ? 0 : rightLabels[s0]);
    v[S1RL] = spreadValue(s1 === NONE ? 0 : rightLabels[s1]);
    v[B0LL] = spreadValue(leftLabels[b]);

    for (let j = 0, at = GATHERED; j < INNER.length; j += 2, at++) v[at] = spreadValue(hashSpread(255, v[INNER[j]], v[INNER[j + 1]]));
    const f = this.buffer;
    for (let k = 0; k < PARSER_FEATURES; k++) f[k] = hashSpread(TEMPLATE_ID[k], v[FIRST[k]], v[SECOND[k]]);
    return PARSER_FEATURES;
  }

  /** Fills {@link directed} with the first `n` features joined with `move` (LEFT or RIGHT). */
  direct(move: number, n: number): void {
    for (let k = 0; k < n; k++) this.directed[k] = directedFeature(move, this.buffer[k]);
  }
}

/** The best-scoring legal move of configuration `c`; with b0 the root, the stack empties by RIGHT then LEFT arcs. */
export function bestMove(c: Configuration, scores: ArrayLike<number>): number {
  if (c.b === c.n) return c.depth === 1 ? LEFT : RIGHT;
  let best = -1;
  if (c.canShift()) best = SHIFT;
  if (c.canLeft() && (best < 0 || scores[LEFT] > scores[best])) best = LEFT;
  if (c.canRight() && (best < 0 || scores[RIGHT] > scores[best])) best = RIGHT;
  return best;
}

/** The best label other than `root` (class 0), which only the arc to the root takes. */
export function bestLabel(scores: ArrayLike<number>, nLabels: number): number {
  let best = 1;
  for (let k = 2; k < nLabels; k++) if (scores[k] > scores[best]) best = k;
  return best;
}

/** Parses sentences with the shipped model, scored through {@link PackedParserScorer}. */
export class DependencyParser {
  private readonly config = new Configuration();
  private readonly features = new ParserFeatures();
  private readonly labels: readonly string[];
  private readonly scorer: PackedParserScorer;
  private readonly moveScores = new Int32Array(3);
  private readonly labelScores: Int32Array;

  constructor(model: ParserModel) {
    this.labels = model.labeller.classes;
    this.scorer = new PackedParserScorer(model);
    this.labelScores = new Int32Array(this.labels.length);
  }

  /**
   * The action the parser takes in its current configuration. A forced move (SHIFT from an empty
   * stack, the arc to the root) is taken without extracting features; the forced RIGHT arcs
   * once the buffer holds only the root still need them for their label.
   */
  private decide(): number {
    const { config, features, scorer } = this;
    if (config.b === config.n && config.depth === 1) return actionOf(LEFT, ROOT_LABEL);
    if (config.depth === 0) return actionOf(SHIFT, 0);
    const n = features.extract(config);
    let move = RIGHT;
    if (config.b < config.n) {
      scorer.moveScores(features.buffer, n, this.moveScores);
      move = bestMove(config, this.moveScores);
      if (move === SHIFT) return actionOf(SHIFT, 0);
    }
    scorer.labelScores(features.buffer, n, move, this.labelScores);
    return actionOf(move, bestLabel(this.labelScores, this.labels.length));
  }

  /**
   * Parses one sentence into `heads` (0-based, −1 for the root) and `relations`. A sentence
   * takes 2n transitions, each scoring a fixed number of features: linear in its length.
   */
  parse(input: ParserInput, heads: number[], relations: string[]): void {
    const { config, features } = this;
    const n = input.words.length;
    features.load(input);
    config.reset(n);
    while (!config.terminal) config.apply(this.decide());
    for (let i = 0; i < n; i++) {
      heads[i] = config.heads[i] === n ? -1 : config.heads[i];
      relations[i] = this.labels[config.labels[i]];
    }
  }
}

// ---- Binary format: "CGDP" u8 version, the move perceptron, then the labeller perceptron. ----

/** Quantised weights below this are dropped: a 2.7× smaller model, and dev LAS rose 0.1 (MODELS.md). */
export const PARSER_MIN_WEIGHT = 3;

const MAGIC = 'CGDP';
const VERSION = 2;

export function encodeParserModel(model: ParserModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    writePerceptron(model.moves, out);
    writePerceptron(model.labeller, out);
  });
}

export function decodeParserModel(bytes: Uint8Array): ParserModel {
  return decodeBinary(bytes, 'dependency parser model', (input) => {
    const version = input.header(MAGIC);
    if (version !== VERSION) input.fail(`unsupported parser version ${version}`);
    // The parser scores through its own cells (parser-scoring.ts), so no lane rows are built.
    const moves = readPerceptron(input, false);
    const labeller = readPerceptron(input, false);
    if (moves.classes.join() !== MOVE_NAMES.join() || labeller.classes[ROOT_LABEL] !== 'root') input.fail('bad classes');
    return { moves, labeller };
  });
}
