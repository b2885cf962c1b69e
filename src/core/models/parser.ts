import { decodeBinary, encodeBinary, readPerceptron, writePerceptron, type PerceptronModel } from '../perceptron.js';
import { Configuration, LEFT, RIGHT, ROOT_LABEL, SHIFT, actionOf } from './arc-hybrid.js';
import { ParserFeatures, type ParserInput } from './parser-features.js';
import { PackedParserScorer } from './parser-scoring.js';

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


export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;
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
    scorer.labelScores(features.buffer, features.missing, move, this.labelScores);
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
