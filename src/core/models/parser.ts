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
import { Configuration, LEFT, NONE, RIGHT, ROOT_LABEL, actionOf, labelOf, moveOf } from './arc-hybrid.js';

/**
 * A greedy transition-based dependency parser: arc-hybrid transitions scored by an averaged
 * perceptron over hashed features of the configuration, in the style of Zhang & Nivre (2011):
 * words and tags of the stack and buffer fronts, their pairs and triples, distance, valency,
 * the leftmost/rightmost dependents with their labels, and the label sets of the dependents.
 * Trained with a dynamic oracle (src/train/deps.ts); labels are part of the action.
 */

export interface ParserModel {
  readonly classifier: PerceptronModel;
  /** Universal Dependencies relations; label `k` is `labels[k]`. */
  readonly labels: readonly string[];
}

/** One sentence to parse: lower-cased words and Penn Treebank tags. */
export interface ParserInput {
  words: readonly string[];
  tags: readonly string[];
}

export const MAX_PARSER_FEATURES = 96;
const ABSENT = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const ROOT_TAG = hashString('<ROOT>', 1);

function distanceBucket(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
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
    const w = (i: number): number => (i === NONE ? ABSENT : W[i]);
    const t = (i: number): number => (i === NONE ? ABSENT : T[i]);
    const l = (i: number): number => (i === NONE ? -1 : c.labels[i]);
    const child = (column: Int32Array, i: number): number => (i === NONE ? NONE : column[i]);

    const s0 = c.s(0);
    const s1 = c.s(1);
    const s2 = c.s(2);
    const b0 = c.buffer(0);
    const b1 = c.buffer(1);
    const b2 = c.buffer(2);
    const s0w = w(s0), s0t = t(s0), s1w = w(s1), s1t = t(s1), b0w = w(b0), b0t = t(b0);
    const b1t = t(b1), s2t = t(s2);
    const s0wt = hashFeature(1, s0w, s0t);
    const s1wt = hashFeature(1, s1w, s1t);
    const b0wt = hashFeature(1, b0w, b0t);
    const s0L1 = child(c.left1, s0), s0L2 = child(c.left2, s0), s0R1 = child(c.right1, s0), s0R2 = child(c.right2, s0);
    const s1L1 = child(c.left1, s1), s1R1 = child(c.right1, s1), s1R2 = child(c.right2, s1);
    const b0L1 = child(c.left1, b0), b0L2 = child(c.left2, b0);
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
    f[k++] = hashFeature(11, w(b1));
    f[k++] = hashFeature(12, b1t);
    f[k++] = hashFeature(13, w(b1), b1t);
    f[k++] = hashFeature(14, w(b2));
    f[k++] = hashFeature(15, t(b2));
    f[k++] = hashFeature(16, s2t);
    f[k++] = hashFeature(17, w(s2), s2t);
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
    f[k++] = triple(35, b0t, b1t, t(b2));
    f[k++] = triple(36, s0t, b0t, b1t);
    f[k++] = triple(37, s1t, s0t, b0t);
    f[k++] = triple(38, s2t, s1t, s0t);
    f[k++] = triple(39, s0t, t(s0L1), b0t);
    f[k++] = triple(40, s0t, t(s0R1), b0t);
    f[k++] = triple(41, s1t, t(s1R1), s0t);
    f[k++] = triple(42, s0t, b0t, t(b0L1));
    f[k++] = triple(43, s1t, s0t, t(s0L1));
    f[k++] = triple(44, s1t, s0t, t(s0R1));
    f[k++] = triple(45, s1t, t(s1L1), s0t);
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
    f[k++] = hashFeature(65, w(s0L1));
    f[k++] = hashFeature(66, t(s0L1));
    f[k++] = hashFeature(67, l(s0L1));
    f[k++] = hashFeature(68, w(s0R1));
    f[k++] = hashFeature(69, t(s0R1));
    f[k++] = hashFeature(70, l(s0R1));
    f[k++] = hashFeature(71, w(s1R1));
    f[k++] = hashFeature(72, t(s1R1));
    f[k++] = hashFeature(73, l(s1R1));
    f[k++] = hashFeature(74, w(b0L1));
    f[k++] = hashFeature(75, t(b0L1));
    f[k++] = hashFeature(76, l(b0L1));
    f[k++] = hashFeature(77, t(s1L1), l(s1L1));
    f[k++] = hashFeature(78, w(s0L2));
    f[k++] = hashFeature(79, t(s0L2), l(s0L2));
    f[k++] = hashFeature(80, w(s0R2));
    f[k++] = hashFeature(81, t(s0R2), l(s0R2));
    f[k++] = hashFeature(82, t(b0L2), l(b0L2));
    f[k++] = hashFeature(83, t(s1R2), l(s1R2));
    f[k++] = triple(84, s0t, t(s0L1), t(s0L2));
    f[k++] = triple(85, s0t, t(s0R1), t(s0R2));
    f[k++] = triple(86, b0t, t(b0L1), t(b0L2));
    f[k++] = triple(87, s0t, l(s0L1), l(s0R1));
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
}

/** The best-scoring legal action of configuration `c` under `scores`. */
export function bestLegal(c: Configuration, scores: Float32Array, nActions: number): number {
  let best = -1;
  let bestScore = -Infinity;
  // Action 0 is SHIFT, 1 and 2 are LEFT/RIGHT to the root, then LEFT/RIGHT with the other labels.
  // With b0 the root, the last stack item attaches to it; the others first take RIGHT arcs.
  const atRoot = c.b === c.n;
  if (atRoot && c.depth === 1) return 1;
  if (c.canShift()) {
    best = 0;
    bestScore = scores[0];
  }
  const left = !atRoot && c.canLeft();
  const right = c.canRight();
  for (let a = 3; a < nActions; a++) {
    if ((a & 1) === 1 ? !left : !right) continue;
    if (scores[a] > bestScore) {
      best = a;
      bestScore = scores[a];
    }
  }
  return best;
}

/** Parses sentences with a classifier (the shipped model, or a trainer while it learns). */
export class DependencyParser {
  readonly config = new Configuration();
  readonly features = new ParserFeatures();
  private readonly scores: Float32Array;

  constructor(
    readonly classifier: Classifier,
    readonly labels: readonly string[],
  ) {
    this.scores = new Float32Array(classifier.classes.length);
  }

  /**
   * Parses one sentence into `heads` (0-based, −1 for the root) and `relations`. A sentence
   * takes 2n transitions, each scoring a fixed number of features: linear in its length.
   */
  parse(input: ParserInput, heads: number[], relations: string[]): void {
    const { config, features, scores, classifier } = this;
    const n = input.words.length;
    features.load(input);
    config.reset(n);
    const nActions = classifier.classes.length;
    while (!config.terminal) {
      classifier.scores(features.buffer, features.extract(config), scores);
      config.apply(bestLegal(config, scores, nActions));
    }
    for (let i = 0; i < n; i++) {
      heads[i] = config.heads[i] === n ? -1 : config.heads[i];
      relations[i] = this.labels[config.labels[i]];
    }
  }
}

/** Action class names for a label list: `SHIFT`, then `L:label` and `R:label` per label. */
export function actionNames(labels: readonly string[]): string[] {
  const names = ['SHIFT'];
  labels.forEach((label, k) => {
    names[actionOf(LEFT, k)] = `L:${label}`;
    names[actionOf(RIGHT, k)] = `R:${label}`;
  });
  return names;
}

/** The label list of a classifier trained with {@link actionNames}. */
export function labelsOfActions(classes: readonly string[]): string[] {
  const labels: string[] = [];
  classes.forEach((name, a) => {
    if (a > 0 && moveOf(a) === LEFT) labels[labelOf(a)] = name.slice(2);
  });
  return labels;
}

// ---- Binary format: "CGDP" u8 version, then the perceptron (whose classes name the actions). --

const MAGIC = 'CGDP';
const VERSION = 1;

export function encodeParserModel(model: ParserModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    writePerceptron(model.classifier, out);
  });
}

export function decodeParserModel(bytes: Uint8Array): ParserModel {
  return decodeBinary(bytes, 'dependency parser model', (input) => {
    const version = input.header(MAGIC);
    if (version !== VERSION) input.fail(`unsupported parser version ${version}`);
    const classifier = readPerceptron(input);
    const labels = labelsOfActions(classifier.classes);
    if (classifier.classes.length !== 1 + 2 * labels.length || classifier.classes[0] !== 'SHIFT' || labels[ROOT_LABEL] !== 'root') {
      input.fail('bad action classes');
    }
    return { classifier, labels };
  });
}
