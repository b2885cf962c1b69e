import type { PerceptronModel } from '../perceptron.js';
import { LEFT, RIGHT } from './arc-hybrid.js';
import { DEPENDENT_GROUPS, directedFeature, PARSER_FEATURES } from './parser-features.js';
import type { ParserModel } from './parser.js';


/**
 * Lane rows of the labeller: one float64 per three labels, each label a 17-bit lane holding its
 * weight + 128. Adding rows adds three labels per double, exactly, since every value stays an
 * integer below 2^53; a lane stays below 2^17 while at most 514 rows are added (a decision adds
 * at most one per feature, {@link PARSER_FEATURES}).
 * Adding a row of 18 doubles beats adding its labels one by one from three labels up (on PolNeAR
 * text, 60 % of the label rows a parse reads hold more than two labels, 11.8 on average).
 */
const LANE_BIAS = 128;
const LANE_BITS = 17;

/** Doubles added per pass over the rows, kept in locals; a row's width is a multiple of it. */
const LANE_UNROLL = 6;
const TWO_32 = 2 ** 32;

/**
 * The shipped parser model unpacked once into one 32-bit cell per bucket, so scoring a feature
 * reads one cell where the perceptron's sparse rows read a row start and then the entries.
 * Scores are the integer sums of the quantised weights: the class ranking of a model is the
 * ranking of these sums (its float scores are the sums times one positive scale), so decisions
 * come out exactly as from {@link PerceptronModel.scores}.
 *
 * - A move cell holds the three moves' int8 weights in its low three bytes (0 for an empty bucket).
 * - A label cell holds a row of up to two labels inline: bit 0 set, the labels in bits 1–6 and
 *   7–12, their int8 weights in the top byte and the byte below it. A longer row (or one with a
 *   label past 63) is a lane row in {@link labelLanes}; its cell is its start there shifted left
 *   by one, a positive even number (start 0 is never a row). An empty bucket's cell is 0.
 */
export class PackedParserScorer {
  private readonly moveCells: Int32Array;
  private readonly moveMask: number;
  private readonly labelCells: Int32Array;
  private readonly labelLanes: Float64Array;
  /** Doubles per lane row. */
  private readonly laneWidth: number;
  private readonly labelMask: number;
  private readonly nLabels: number;
  private readonly laneSums: Float64Array;
  /** Label scores of the features of missing dependents (see {@link missingDependentScores}). */
  private readonly missingLabelScores: Int32Array;
  // Per-decision scratch of labelScores, one entry per feature.
  private readonly buckets = new Int32Array(PARSER_FEATURES);
  private readonly laneStarts = new Int32Array(PARSER_FEATURES);
  private readonly inlineCells = new Int32Array(PARSER_FEATURES);
  /** Real score = integer score × scale. */
  readonly moveScale: number;
  readonly labelScale: number;

  constructor({ moves, labeller }: ParserModel) {
    this.moveCells = moveCells(moves);
    this.moveMask = (1 << moves.bits) - 1;
    this.moveScale = moves.scale;
    this.nLabels = labeller.classes.length;
    this.laneWidth = Math.ceil(Math.ceil(this.nLabels / 3) / LANE_UNROLL) * LANE_UNROLL;
    [this.labelCells, this.labelLanes] = labelCells(labeller, this.laneWidth);
    this.laneSums = new Float64Array(this.laneWidth);
    this.labelMask = (1 << labeller.bits) - 1;
    this.labelScale = labeller.scale;
    this.missingLabelScores = this.missingDependentScores();
  }

  /** The integer scores of SHIFT, LEFT and RIGHT for the first `n` features into `out`. */
  moveScores(features: Int32Array, n: number, out: Int32Array): void {
    const { moveCells, moveMask } = this;
    let shift = 0;
    let left = 0;
    let right = 0;
    for (let k = 0; k < n; k++) {
      const cell = moveCells[features[k] & moveMask];
      shift += (cell << 24) >> 24;
      left += (cell << 16) >> 24;
      right += (cell << 8) >> 24;
    }
    out[0] = shift;
    out[1] = left;
    out[2] = right;
  }

  /**
   * The integer score of every label of an arc built by `move` into `out`, for a decision's
   * {@link PARSER_FEATURES} (undirected) features. The features of the dependents in `missing`
   * (bits as ParserFeatures.missing; 0 scores every feature) are not read: their constant
   * weights come precomputed. Three passes, the first two without branches: the cells' buckets,
   * then the cells sorted into lane rows and inline rows, then the inline labels added. Loading
   * every cell before adding any lets the loads overlap (20–30 % faster than one pass).
   */
  labelScores(features: Int32Array, missing: number, move: number, out: Int32Array): void {
    const { buckets, labelMask, nLabels } = this;
    const { others, offsets, positions, count } = DEPENDENT_GROUPS;
    let n = 0;
    for (let k = 0; k < others.length; k++) buckets[n++] = directedFeature(move, features[others[k]]) & labelMask;
    for (let g = 0; g < count; g++) {
      if (((missing >>> g) & 1) === 1) continue;
      for (let k = offsets[g]; k < offsets[g + 1]; k++) buckets[n++] = directedFeature(move, features[positions[k]]) & labelMask;
    }
    const constants = this.missingLabelScores;
    for (let c = 0, at = ((move << count) + missing) * nLabels; c < nLabels; c++, at++) out[c] = constants[at];
    this.addLabelRows(n, out);
  }

  /** Adds the label weights of the first `n` {@link buckets} to `out`. */
  private addLabelRows(n: number, out: Int32Array): void {
    const { labelCells, buckets, laneStarts, inlineCells } = this;
    let rows = 0;
    let inlines = 0;
    for (let k = 0; k < n; k++) {
      const cell = labelCells[buckets[k]];
      laneStarts[rows] = cell >>> 1;
      // 1 for a positive even cell (a lane row), 0 for an empty or inline one.
      rows += (-cell >>> 31) & ~cell & 1;
      inlineCells[inlines] = cell;
      inlines += cell & 1;
    }
    for (let k = 0; k < inlines; k++) {
      const cell = inlineCells[k];
      out[(cell >>> 1) & 63] += cell >> 24;
      out[(cell >>> 7) & 63] += (cell << 8) >> 24;
    }
    this.addLaneRows(rows);
    this.unpackLanes(rows, out);
  }

  /**
   * The label scores of every set of missing dependents, for LEFT and RIGHT arcs: at
   * `((move << groups) + missing) * labels`, the sum of the constant features' weights.
   */
  private missingDependentScores(): Int32Array {
    const { nLabels, buckets, labelMask } = this;
    const { offsets, missing, positions, count } = DEPENDENT_GROUPS;
    const sets = 1 << count;
    const table = new Int32Array((RIGHT + 1) * sets * nLabels);
    const group = new Int32Array(nLabels);
    for (const move of [LEFT, RIGHT]) {
      const base = (move << count) * nLabels;
      for (let set = 1; set < sets; set++) {
        // The set without its lowest group, plus that group.
        const lowest = 31 - Math.clz32(set & -set);
        let n = 0;
        for (let k = offsets[lowest]; k < offsets[lowest + 1]; k++) buckets[n++] = directedFeature(move, missing[positions[k]]) & labelMask;
        group.fill(0);
        this.addLabelRows(n, group);
        const rest = base + (set & (set - 1)) * nLabels;
        for (let c = 0; c < nLabels; c++) table[base + set * nLabels + c] = table[rest + c] + group[c];
      }
    }
    return table;
  }

  /** Sums the first `rows` lane rows of {@link laneStarts} into {@link laneSums}, six doubles at a time in locals. */
  private addLaneRows(rows: number): void {
    const { labelLanes, laneStarts, laneSums } = this;
    for (let w = 0; w < this.laneWidth; w += LANE_UNROLL) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      for (let r = 0; r < rows; r++) {
        const at = laneStarts[r] + w;
        s0 += labelLanes[at];
        s1 += labelLanes[at + 1];
        s2 += labelLanes[at + 2];
        s3 += labelLanes[at + 3];
        s4 += labelLanes[at + 4];
        s5 += labelLanes[at + 5];
      }
      laneSums[w] = s0;
      laneSums[w + 1] = s1;
      laneSums[w + 2] = s2;
      laneSums[w + 3] = s3;
      laneSums[w + 4] = s4;
      laneSums[w + 5] = s5;
    }
  }

  /** Adds the label sums of {@link laneSums} (holding `rows` rows) to `out`. */
  private unpackLanes(rows: number, out: Int32Array): void {
    const { laneSums, nLabels } = this;
    const bias = LANE_BIAS * rows;
    const mask = (1 << LANE_BITS) - 1;
    for (let d = 0, c = 0; c < nLabels; d++, c += 3) {
      // Lanes at bits 0, 17 and 34 of an integer below 2^51: split into 32-bit halves first.
      const sum = laneSums[d];
      const high = Math.floor(sum / TWO_32);
      const low = sum - high * TWO_32;
      out[c] += (low & mask) - bias;
      if (c + 1 < nLabels) out[c + 1] += (((low >>> LANE_BITS) | (high << (32 - LANE_BITS))) & mask) - bias;
      if (c + 2 < nLabels) out[c + 2] += (high >>> (2 * LANE_BITS - 32)) - bias;
    }
  }
}

function int8Weights(model: PerceptronModel): Int8Array {
  if (!(model.entryWeight instanceof Int8Array)) throw new RangeError('the packed parser scorer needs int8 weights');
  return model.entryWeight;
}

function moveCells(moves: PerceptronModel): Int32Array {
  const { rowStart, entryClass } = moves;
  const weights = int8Weights(moves);
  if (moves.classes.length !== 3) throw new RangeError('a move model has three classes');
  const cells = new Int32Array(rowStart.length - 1);
  for (let bucket = 0; bucket < cells.length; bucket++) {
    for (let e = rowStart[bucket]; e < rowStart[bucket + 1]; e++) cells[bucket] |= (weights[e] & 0xff) << (8 * entryClass[e]);
  }
  return cells;
}

/** The label cells, and the lane rows of `width` doubles that the long rows point to. */
function labelCells(labeller: PerceptronModel, width: number): [Int32Array, Float64Array] {
  const { rowStart, entryClass } = labeller;
  const weights = int8Weights(labeller);
  const cells = new Int32Array(rowStart.length - 1);
  let laneRows = 1;
  for (let bucket = 0; bucket < cells.length; bucket++) {
    const start = rowStart[bucket];
    const count = rowStart[bucket + 1] - start;
    if (count === 0) continue;
    if (count <= 2 && entryClass[start] < 64 && (count === 1 || entryClass[start + 1] < 64)) {
      cells[bucket] = 1 | (entryClass[start] << 1) | (weights[start] << 24);
      if (count === 2) cells[bucket] |= (entryClass[start + 1] << 7) | ((weights[start + 1] & 0xff) << 16);
    } else {
      cells[bucket] = (laneRows++ * width) << 1;
    }
  }
  // Every lane starts at the bias; label c adds its weight at double c / 3, lane c % 3.
  const lanes = new Float64Array(laneRows * width).fill(LANE_BIAS * (1 + 2 ** LANE_BITS + 2 ** (2 * LANE_BITS)));
  const nLabels = labeller.classes.length;
  const doubleOf = Int32Array.from({ length: nLabels }, (_, c) => Math.floor(c / 3));
  const laneUnit = Float64Array.from({ length: nLabels }, (_, c) => 2 ** (LANE_BITS * (c % 3)));
  for (let bucket = 0; bucket < cells.length; bucket++) {
    const cell = cells[bucket];
    if (cell === 0 || (cell & 1) === 1) continue;
    const row = cell >>> 1;
    for (let e = rowStart[bucket]; e < rowStart[bucket + 1]; e++) lanes[row + doubleOf[entryClass[e]]] += weights[e] * laneUnit[entryClass[e]];
  }
  return [cells, lanes];
}
