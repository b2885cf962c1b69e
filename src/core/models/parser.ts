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

/** Features per decision: a bias and 94 templates. */
export const PARSER_FEATURES = 95;
export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;
const ABSENT = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const ROOT_TAG = hashString('<ROOT>', 1);
const BIAS = hashSpread(0, 0, 0);

function distanceBucket(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/** The spread label of token `i`, −1 for a missing token. */
function labelValue(labels: Int32Array, i: number): number {
  return spreadValue(i === NONE ? -1 : labels[i]);
}

/** Three spread values under one template: the last two hashed first, under template 255. */
function triple(template: number, a: number, b: number, c: number): number {
  return hashSpread(template, a, spreadValue(hashSpread(255, b, c)));
}

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
    const W = this.words;
    const T = this.tags;
    const f = this.buffer;
    const { depth, stack, b, n, labels, left1, left2, right1, right2, leftCount, rightCount, leftLabels, rightLabels } = c;

    // Token indexes, NONE (−1) when missing; +1 indexes W and T.
    const s0 = depth > 0 ? stack[depth - 1] : NONE;
    const s1 = depth > 1 ? stack[depth - 2] : NONE;
    const s2 = depth > 2 ? stack[depth - 3] : NONE;
    const b0 = b;
    const b1 = b + 1 <= n ? b + 1 : NONE;
    const b2 = b + 2 <= n ? b + 2 : NONE;
    const s0L1 = s0 === NONE ? NONE : left1[s0];
    const s0L2 = s0 === NONE ? NONE : left2[s0];
    const s0R1 = s0 === NONE ? NONE : right1[s0];
    const s0R2 = s0 === NONE ? NONE : right2[s0];
    const s1L1 = s1 === NONE ? NONE : left1[s1];
    const s1R1 = s1 === NONE ? NONE : right1[s1];
    const s1R2 = s1 === NONE ? NONE : right2[s1];
    const b0L1 = left1[b0];
    const b0L2 = left2[b0];

    const s0w = W[s0 + 1], s0t = T[s0 + 1], s0wt = this.wordTags[s0 + 1];
    const s1w = W[s1 + 1], s1t = T[s1 + 1], s1wt = this.wordTags[s1 + 1];
    const b0w = W[b0 + 1], b0t = T[b0 + 1], b0wt = this.wordTags[b0 + 1];
    const b1w = W[b1 + 1], b1t = T[b1 + 1];
    const b2w = W[b2 + 1], b2t = T[b2 + 1];
    const s2w = W[s2 + 1], s2t = T[s2 + 1];
    const s0L1t = T[s0L1 + 1], s0L2t = T[s0L2 + 1], s0R1t = T[s0R1 + 1], s0R2t = T[s0R2 + 1];
    const s1L1t = T[s1L1 + 1], s1R1t = T[s1R1 + 1], s1R2t = T[s1R2 + 1];
    const b0L1t = T[b0L1 + 1], b0L2t = T[b0L2 + 1];
    const s0L1l = labelValue(labels, s0L1), s0R1l = labelValue(labels, s0R1);
    const d0 = spreadValue(s0 === NONE ? 0 : distanceBucket(s0, b0));
    const d1 = spreadValue(s1 === NONE ? 0 : distanceBucket(s1, s0));
    const s0vl = spreadValue(s0 === NONE ? 0 : leftCount[s0]);
    const s0vr = spreadValue(s0 === NONE ? 0 : rightCount[s0]);
    const s1vl = spreadValue(s1 === NONE ? 0 : leftCount[s1]);
    const s1vr = spreadValue(s1 === NONE ? 0 : rightCount[s1]);
    const b0vl = spreadValue(leftCount[b0]);
    const s0ll = spreadValue(s0 === NONE ? 0 : leftLabels[s0]);
    const s0rl = spreadValue(s0 === NONE ? 0 : rightLabels[s0]);
    const s1rl = spreadValue(s1 === NONE ? 0 : rightLabels[s1]);
    const b0ll = spreadValue(leftLabels[b0]);

    f[0] = BIAS;
    // Single positions.
    f[1] = hashSpread(2, s0w, 0);
    f[2] = hashSpread(3, s0t, 0);
    f[3] = hashSpread(4, s0wt, 0);
    f[4] = hashSpread(5, s1w, 0);
    f[5] = hashSpread(6, s1t, 0);
    f[6] = hashSpread(7, s1wt, 0);
    f[7] = hashSpread(8, b0w, 0);
    f[8] = hashSpread(9, b0t, 0);
    f[9] = hashSpread(10, b0wt, 0);
    f[10] = hashSpread(11, b1w, 0);
    f[11] = hashSpread(12, b1t, 0);
    f[12] = hashSpread(13, b1w, b1t);
    f[13] = hashSpread(14, b2w, 0);
    f[14] = hashSpread(15, b2t, 0);
    f[15] = hashSpread(16, s2t, 0);
    f[16] = hashSpread(17, s2w, s2t);
    // Pairs: s0 with b0 (a LEFT arc) and s1 with s0 (a RIGHT arc).
    f[17] = hashSpread(18, s0wt, b0wt);
    f[18] = hashSpread(19, s0wt, b0w);
    f[19] = hashSpread(20, s0w, b0wt);
    f[20] = hashSpread(21, s0wt, b0t);
    f[21] = hashSpread(22, s0t, b0wt);
    f[22] = hashSpread(23, s0w, b0w);
    f[23] = hashSpread(24, s0t, b0t);
    f[24] = hashSpread(25, b0t, b1t);
    f[25] = hashSpread(26, s1wt, s0wt);
    f[26] = hashSpread(27, s1wt, s0w);
    f[27] = hashSpread(28, s1w, s0wt);
    f[28] = hashSpread(29, s1wt, s0t);
    f[29] = hashSpread(30, s1t, s0wt);
    f[30] = hashSpread(31, s1w, s0w);
    f[31] = hashSpread(32, s1t, s0t);
    f[32] = hashSpread(33, s1t, b0t);
    f[33] = hashSpread(34, s1wt, b0wt);
    // Triples of tags.
    f[34] = triple(35, b0t, b1t, b2t);
    f[35] = triple(36, s0t, b0t, b1t);
    f[36] = triple(37, s1t, s0t, b0t);
    f[37] = triple(38, s2t, s1t, s0t);
    f[38] = triple(39, s0t, s0L1t, b0t);
    f[39] = triple(40, s0t, s0R1t, b0t);
    f[40] = triple(41, s1t, s1R1t, s0t);
    f[41] = triple(42, s0t, b0t, b0L1t);
    f[42] = triple(43, s1t, s0t, s0L1t);
    f[43] = triple(44, s1t, s0t, s0R1t);
    f[44] = triple(45, s1t, s1L1t, s0t);
    // Distance.
    f[45] = hashSpread(46, s0w, d0);
    f[46] = hashSpread(47, s0t, d0);
    f[47] = hashSpread(48, b0w, d0);
    f[48] = hashSpread(49, b0t, d0);
    f[49] = triple(50, s0t, b0t, d0);
    f[50] = triple(51, s0w, b0w, d0);
    f[51] = hashSpread(52, s1w, d1);
    f[52] = triple(53, s1t, s0t, d1);
    f[53] = triple(54, s1w, s0w, d1);
    f[54] = hashSpread(55, s0w, d1);
    // Valency.
    f[55] = hashSpread(56, s0w, s0vl);
    f[56] = hashSpread(57, s0t, s0vl);
    f[57] = hashSpread(58, s0w, s0vr);
    f[58] = hashSpread(59, s0t, s0vr);
    f[59] = hashSpread(60, s1w, s1vr);
    f[60] = hashSpread(61, s1t, s1vr);
    f[61] = hashSpread(62, s1t, s1vl);
    f[62] = hashSpread(63, b0w, b0vl);
    f[63] = hashSpread(64, b0t, b0vl);
    // Dependents: words, tags and labels.
    f[64] = hashSpread(65, W[s0L1 + 1], 0);
    f[65] = hashSpread(66, s0L1t, 0);
    f[66] = hashSpread(67, s0L1l, 0);
    f[67] = hashSpread(68, W[s0R1 + 1], 0);
    f[68] = hashSpread(69, s0R1t, 0);
    f[69] = hashSpread(70, s0R1l, 0);
    f[70] = hashSpread(71, W[s1R1 + 1], 0);
    f[71] = hashSpread(72, s1R1t, 0);
    f[72] = hashSpread(73, labelValue(labels, s1R1), 0);
    f[73] = hashSpread(74, W[b0L1 + 1], 0);
    f[74] = hashSpread(75, b0L1t, 0);
    f[75] = hashSpread(76, labelValue(labels, b0L1), 0);
    f[76] = hashSpread(77, s1L1t, labelValue(labels, s1L1));
    f[77] = hashSpread(78, W[s0L2 + 1], 0);
    f[78] = hashSpread(79, s0L2t, labelValue(labels, s0L2));
    f[79] = hashSpread(80, W[s0R2 + 1], 0);
    f[80] = hashSpread(81, s0R2t, labelValue(labels, s0R2));
    f[81] = hashSpread(82, b0L2t, labelValue(labels, b0L2));
    f[82] = hashSpread(83, s1R2t, labelValue(labels, s1R2));
    f[83] = triple(84, s0t, s0L1t, s0L2t);
    f[84] = triple(85, s0t, s0R1t, s0R2t);
    f[85] = triple(86, b0t, b0L1t, b0L2t);
    f[86] = triple(87, s0t, s0L1l, s0R1l);
    // Label sets of the dependents so far.
    f[87] = hashSpread(88, s0w, s0ll);
    f[88] = hashSpread(89, s0t, s0ll);
    f[89] = hashSpread(90, s0w, s0rl);
    f[90] = hashSpread(91, s0t, s0rl);
    f[91] = hashSpread(92, s1t, s1rl);
    f[92] = hashSpread(93, s1w, s1rl);
    f[93] = hashSpread(94, b0w, b0ll);
    f[94] = hashSpread(95, b0t, b0ll);
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
