import {
  decodeBinary,
  encodeBinary,
  hashFeature,
  hashString,
  readPerceptron,
  writePerceptron,
  type Classifier,
  type PerceptronModel,
} from '../perceptron.js';
import { Configuration, LEFT, NONE, RIGHT, ROOT_LABEL, SHIFT, actionOf } from './arc-hybrid.js';

/**
 * A greedy transition-based dependency parser: arc-hybrid moves scored by an averaged perceptron
 * over hashed features of the configuration, in the style of Zhang & Nivre (2011): words and
 * tags of the stack and buffer fronts, their pairs and triples, distance, valency, the
 * leftmost/rightmost dependents with their labels, and the label sets of the dependents. A
 * second perceptron labels each arc from the same features joined with the arc's direction.
 * Splitting move and label keeps the move model at three classes: a decision reads three lanes
 * per feature instead of a hundred (one per labelled action), which made parsing several times
 * faster (docs/architecture.md). Trained with a dynamic oracle (src/train/deps.ts).
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

export const MAX_PARSER_FEATURES = 96;
export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;
const ABSENT = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const ROOT_TAG = hashString('<ROOT>', 1);

function distanceBucket(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/** `column[i]`, or `absent` for a missing token (NONE). */
function at(column: Int32Array, i: number, absent = ABSENT): number {
  return i === NONE ? absent : column[i];
}

function labelAt(labels: Int32Array, i: number): number {
  return i === NONE ? -1 : labels[i];
}

/** Hashes of three values under one template. */
function triple(template: number, a: number, b: number, c: number): number {
  return hashFeature(template, a, hashFeature(255, b, c));
}

/** Per-sentence word and tag hashes, plus the feature extractor over a configuration. */
export class ParserFeatures {
  private wordHash = new Int32Array(64);
  private tagHash = new Int32Array(64);
  private readonly wordCache = new Map<string, number>();
  readonly buffer = new Int32Array(MAX_PARSER_FEATURES);
  /** The features of {@link buffer} joined with an arc's direction, for the labeller. */
  readonly directed = new Int32Array(MAX_PARSER_FEATURES);

  /** Hashes the words and tags of a sentence; index `n` is the root. */
  load(input: ParserInput): void {
    const n = input.words.length;
    if (n + 1 > this.wordHash.length) {
      this.wordHash = new Int32Array(Math.max(n + 1, this.wordHash.length * 2));
      this.tagHash = new Int32Array(this.wordHash.length);
    }
    for (let i = 0; i < n; i++) {
      this.wordHash[i] = this.hashWord(input.words[i]);
      this.tagHash[i] = this.hashWord(`\u0001${input.tags[i]}`);
    }
    this.wordHash[n] = ROOT_WORD;
    this.tagHash[n] = ROOT_TAG;
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

  /** Fills {@link buffer} with the features of `c` and returns how many there are. */
  extract(c: Configuration): number {
    const W = this.wordHash;
    const T = this.tagHash;
    const f = this.buffer;
    const L = c.labels;

    const s0 = c.s(0);
    const s1 = c.s(1);
    const s2 = c.s(2);
    const b0 = c.buffer(0);
    const b1 = c.buffer(1);
    const b2 = c.buffer(2);
    const s0w = at(W, s0), s0t = at(T, s0), s1w = at(W, s1), s1t = at(T, s1), b0w = at(W, b0), b0t = at(T, b0);
    const b1t = at(T, b1), s2t = at(T, s2);
    const s0wt = hashFeature(1, s0w, s0t);
    const s1wt = hashFeature(1, s1w, s1t);
    const b0wt = hashFeature(1, b0w, b0t);
    const s0L1 = at(c.left1, s0, NONE), s0L2 = at(c.left2, s0, NONE), s0R1 = at(c.right1, s0, NONE), s0R2 = at(c.right2, s0, NONE);
    const s1L1 = at(c.left1, s1, NONE), s1R1 = at(c.right1, s1, NONE), s1R2 = at(c.right2, s1, NONE);
    const b0L1 = at(c.left1, b0, NONE), b0L2 = at(c.left2, b0, NONE);
    const d0 = s0 === NONE ? 0 : distanceBucket(s0, b0);
    const d1 = s1 === NONE ? 0 : distanceBucket(s1, s0);
    const s0vl = s0 === NONE ? 0 : c.leftCount[s0];
    const s0vr = s0 === NONE ? 0 : c.rightCount[s0];
    const s1vl = s1 === NONE ? 0 : c.leftCount[s1];
    const s1vr = s1 === NONE ? 0 : c.rightCount[s1];
    const b0vl = c.leftCount[b0];
    const s0ll = s0 === NONE ? 0 : c.leftLabels[s0];
    const s0rl = s0 === NONE ? 0 : c.rightLabels[s0];
    const s1rl = s1 === NONE ? 0 : c.rightLabels[s1];
    const b0ll = c.leftLabels[b0];

    let k = 0;
    f[k++] = hashFeature(0, 0);
    // Single positions.
    f[k++] = hashFeature(2, s0w);
    f[k++] = hashFeature(3, s0t);
    f[k++] = hashFeature(4, s0wt);
    f[k++] = hashFeature(5, s1w);
    f[k++] = hashFeature(6, s1t);
    f[k++] = hashFeature(7, s1wt);
    f[k++] = hashFeature(8, b0w);
    f[k++] = hashFeature(9, b0t);
    f[k++] = hashFeature(10, b0wt);
    f[k++] = hashFeature(11, at(W, b1));
    f[k++] = hashFeature(12, b1t);
    f[k++] = hashFeature(13, at(W, b1), b1t);
    f[k++] = hashFeature(14, at(W, b2));
    f[k++] = hashFeature(15, at(T, b2));
    f[k++] = hashFeature(16, s2t);
    f[k++] = hashFeature(17, at(W, s2), s2t);
    // Pairs: s0 with b0 (a LEFT arc) and s1 with s0 (a RIGHT arc).
    f[k++] = hashFeature(18, s0wt, b0wt);
    f[k++] = hashFeature(19, s0wt, b0w);
    f[k++] = hashFeature(20, s0w, b0wt);
    f[k++] = hashFeature(21, s0wt, b0t);
    f[k++] = hashFeature(22, s0t, b0wt);
    f[k++] = hashFeature(23, s0w, b0w);
    f[k++] = hashFeature(24, s0t, b0t);
    f[k++] = hashFeature(25, b0t, b1t);
    f[k++] = hashFeature(26, s1wt, s0wt);
    f[k++] = hashFeature(27, s1wt, s0w);
    f[k++] = hashFeature(28, s1w, s0wt);
    f[k++] = hashFeature(29, s1wt, s0t);
    f[k++] = hashFeature(30, s1t, s0wt);
    f[k++] = hashFeature(31, s1w, s0w);
    f[k++] = hashFeature(32, s1t, s0t);
    f[k++] = hashFeature(33, s1t, b0t);
    f[k++] = hashFeature(34, s1wt, b0wt);
    // Triples of tags.
    f[k++] = triple(35, b0t, b1t, at(T, b2));
    f[k++] = triple(36, s0t, b0t, b1t);
    f[k++] = triple(37, s1t, s0t, b0t);
    f[k++] = triple(38, s2t, s1t, s0t);
    f[k++] = triple(39, s0t, at(T, s0L1), b0t);
    f[k++] = triple(40, s0t, at(T, s0R1), b0t);
    f[k++] = triple(41, s1t, at(T, s1R1), s0t);
    f[k++] = triple(42, s0t, b0t, at(T, b0L1));
    f[k++] = triple(43, s1t, s0t, at(T, s0L1));
    f[k++] = triple(44, s1t, s0t, at(T, s0R1));
    f[k++] = triple(45, s1t, at(T, s1L1), s0t);
    // Distance.
    f[k++] = hashFeature(46, s0w, d0);
    f[k++] = hashFeature(47, s0t, d0);
    f[k++] = hashFeature(48, b0w, d0);
    f[k++] = hashFeature(49, b0t, d0);
    f[k++] = triple(50, s0t, b0t, d0);
    f[k++] = triple(51, s0w, b0w, d0);
    f[k++] = hashFeature(52, s1w, d1);
    f[k++] = triple(53, s1t, s0t, d1);
    f[k++] = triple(54, s1w, s0w, d1);
    f[k++] = hashFeature(55, s0w, d1);
    // Valency.
    f[k++] = hashFeature(56, s0w, s0vl);
    f[k++] = hashFeature(57, s0t, s0vl);
    f[k++] = hashFeature(58, s0w, s0vr);
    f[k++] = hashFeature(59, s0t, s0vr);
    f[k++] = hashFeature(60, s1w, s1vr);
    f[k++] = hashFeature(61, s1t, s1vr);
    f[k++] = hashFeature(62, s1t, s1vl);
    f[k++] = hashFeature(63, b0w, b0vl);
    f[k++] = hashFeature(64, b0t, b0vl);
    // Dependents: words, tags and labels.
    f[k++] = hashFeature(65, at(W, s0L1));
    f[k++] = hashFeature(66, at(T, s0L1));
    f[k++] = hashFeature(67, labelAt(L, s0L1));
    f[k++] = hashFeature(68, at(W, s0R1));
    f[k++] = hashFeature(69, at(T, s0R1));
    f[k++] = hashFeature(70, labelAt(L, s0R1));
    f[k++] = hashFeature(71, at(W, s1R1));
    f[k++] = hashFeature(72, at(T, s1R1));
    f[k++] = hashFeature(73, labelAt(L, s1R1));
    f[k++] = hashFeature(74, at(W, b0L1));
    f[k++] = hashFeature(75, at(T, b0L1));
    f[k++] = hashFeature(76, labelAt(L, b0L1));
    f[k++] = hashFeature(77, at(T, s1L1), labelAt(L, s1L1));
    f[k++] = hashFeature(78, at(W, s0L2));
    f[k++] = hashFeature(79, at(T, s0L2), labelAt(L, s0L2));
    f[k++] = hashFeature(80, at(W, s0R2));
    f[k++] = hashFeature(81, at(T, s0R2), labelAt(L, s0R2));
    f[k++] = hashFeature(82, at(T, b0L2), labelAt(L, b0L2));
    f[k++] = hashFeature(83, at(T, s1R2), labelAt(L, s1R2));
    f[k++] = triple(84, s0t, at(T, s0L1), at(T, s0L2));
    f[k++] = triple(85, s0t, at(T, s0R1), at(T, s0R2));
    f[k++] = triple(86, b0t, at(T, b0L1), at(T, b0L2));
    f[k++] = triple(87, s0t, labelAt(L, s0L1), labelAt(L, s0R1));
    // Label sets of the dependents so far.
    f[k++] = hashFeature(88, s0w, s0ll);
    f[k++] = hashFeature(89, s0t, s0ll);
    f[k++] = hashFeature(90, s0w, s0rl);
    f[k++] = hashFeature(91, s0t, s0rl);
    f[k++] = hashFeature(92, s1t, s1rl);
    f[k++] = hashFeature(93, s1w, s1rl);
    f[k++] = hashFeature(94, b0w, b0ll);
    f[k++] = hashFeature(95, b0t, b0ll);
    return k;
  }

  /** Fills {@link directed} with the first `n` features joined with `move` (LEFT or RIGHT). */
  direct(move: number, n: number): void {
    for (let k = 0; k < n; k++) this.directed[k] = hashFeature(move, this.buffer[k]);
  }
}

/** The best-scoring legal move of configuration `c`; with b0 the root, the stack empties by RIGHT then LEFT arcs. */
export function bestMove(c: Configuration, scores: Float32Array): number {
  if (c.b === c.n) return c.depth === 1 ? LEFT : RIGHT;
  let best = -1;
  if (c.canShift()) best = SHIFT;
  if (c.canLeft() && (best < 0 || scores[LEFT] > scores[best])) best = LEFT;
  if (c.canRight() && (best < 0 || scores[RIGHT] > scores[best])) best = RIGHT;
  return best;
}

/** The best label other than `root` (class 0), which only the arc to the root takes. */
export function bestLabel(scores: Float32Array, nLabels: number): number {
  let best = 1;
  for (let k = 2; k < nLabels; k++) if (scores[k] > scores[best]) best = k;
  return best;
}

/** Parses sentences with two classifiers (the shipped models, or trainers while they learn). */
export class DependencyParser {
  readonly config = new Configuration();
  readonly features = new ParserFeatures();
  readonly labels: readonly string[];
  private readonly moveScores = new Float32Array(3);
  private readonly labelScores: Float32Array;

  constructor(
    readonly moves: Classifier,
    readonly labeller: Classifier,
  ) {
    this.labels = labeller.classes;
    this.labelScores = new Float32Array(this.labels.length);
  }

  /** The action the parser takes in its current configuration, given `n` extracted features. */
  decide(n: number): number {
    const { config, features, moveScores, labelScores } = this;
    this.moves.scores(features.buffer, n, moveScores);
    const move = bestMove(config, moveScores);
    if (move === SHIFT) return actionOf(SHIFT, 0);
    if (config.b === config.n && move === LEFT) return actionOf(LEFT, ROOT_LABEL);
    features.direct(move, n);
    this.labeller.scores(features.directed, n, labelScores);
    return actionOf(move, bestLabel(labelScores, this.labels.length));
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
    while (!config.terminal) config.apply(this.decide(features.extract(config)));
    for (let i = 0; i < n; i++) {
      heads[i] = config.heads[i] === n ? -1 : config.heads[i];
      relations[i] = this.labels[config.labels[i]];
    }
  }
}

// ---- Binary format: "CGDP" u8 version, the move perceptron, then the labeller perceptron. ----

/**
 * The labeller's rows hold one or two of its 51 labels each: reading those entries beats adding
 * 27 packed lane words per feature, and its packed rows would take about a hundred megabytes.
 */
export const LABELLER_PACKED = false;
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
    const moves = readPerceptron(input);
    const labeller = readPerceptron(input, LABELLER_PACKED);
    if (moves.classes.join() !== MOVE_NAMES.join() || labeller.classes[ROOT_LABEL] !== 'root') input.fail('bad classes');
    return { moves, labeller };
  });
}
