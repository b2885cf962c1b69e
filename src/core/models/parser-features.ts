import { hashFeature, hashSpread, hashString, spreadValue } from '../perceptron.js';
import { NONE, type Configuration } from './arc-hybrid.js';

/**
 * The parser's features: 95 hashed feature templates over a configuration, in the style of Zhang
 * & Nivre (2011). The move model reads them as they are; the labeller reads them joined with the
 * arc's direction ({@link directedFeature}).
 */

/** One sentence to parse: lower-cased words and Penn Treebank tags. */
export interface ParserInput {
  words: readonly string[];
  tags: readonly string[];
}

/** Feature `feature` joined with an arc's direction (LEFT or RIGHT): what the labeller reads. */
export function directedFeature(move: number, feature: number): number {
  return hashSpread(move, spreadValue(feature), 0);
}

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
/**
 * The dependents features read: the leftmost/rightmost (1) and second (2) dependents of s0, s1
 * and b0. Each has three slots, its word, tag and label, from slot 16 on in this order.
 */
const DEPENDENTS = 9;
const [S0L1W, S0L1T, S0L1L, S0R1W, S0R1T, S0R1L, S1R1W, S1R1T, S1R1L, B0L1W, B0L1T, B0L1L] = slots(16, 12);
const [, S1L1T, S1L1L, S0L2W, S0L2T, S0L2L, S0R2W, S0R2T, S0R2L, , B0L2T, B0L2L, , S1R2T, S1R2L] = slots(28, 15);
const FIRST_DEPENDENT_SLOT = 16;
// Distances, valencies (dependent counts) and the label sets of the dependents.
const [D0, D1, S0VL, S0VR, S1VL, S1VR, B0VL, S0LL, S0RL, S1RL, B0LL] = slots(43, 11);
const GATHERED = 54;

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

/** The dependent whose slots are all that template `k` reads, or −1 (it reads other values too). */
function dependentOf(k: number): number {
  const [, a, b] = TEMPLATES[k];
  const dependent = Math.floor((a - FIRST_DEPENDENT_SLOT) / 3);
  const own = (slot: number): boolean => slot === NO || Math.floor((slot - FIRST_DEPENDENT_SLOT) / 3) === dependent;
  return a >= FIRST_DEPENDENT_SLOT && dependent < DEPENDENTS && own(b) ? dependent : -1;
}

/**
 * The features that read only one dependent, by dependent. When that dependent is missing (most
 * of the time: s0 has no right dependent at 81 % of decisions), they take constant values; a
 * scorer can add their weights precomputed ({@link DependentGroups}).
 */
export interface DependentGroups {
  readonly count: number;
  /** Feature positions of group g: `positions[offsets[g] … offsets[g + 1])`. */
  readonly offsets: Int32Array;
  readonly positions: Int32Array;
  /** The features of each position while its dependent is missing, by position. */
  readonly missing: Int32Array;
  /** Positions of the features in no group. */
  readonly others: Int32Array;
}

const GROUP_OF = Int32Array.from(TEMPLATES, (_, k) => dependentOf(k));
const MISSING_VALUE = new Int32Array(GATHERED);
for (let d = 0; d < DEPENDENTS; d++) {
  MISSING_VALUE[FIRST_DEPENDENT_SLOT + 3 * d] = spreadValue(ABSENT);
  MISSING_VALUE[FIRST_DEPENDENT_SLOT + 3 * d + 1] = spreadValue(ABSENT);
  MISSING_VALUE[FIRST_DEPENDENT_SLOT + 3 * d + 2] = spreadValue(-1);
}

export const DEPENDENT_GROUPS: DependentGroups = (() => {
  const positions: number[] = [];
  const offsets = [0];
  for (let d = 0; d < DEPENDENTS; d++) {
    GROUP_OF.forEach((group, k) => group === d && positions.push(k));
    offsets.push(positions.length);
  }
  return {
    count: DEPENDENTS,
    offsets: Int32Array.from(offsets),
    positions: Int32Array.from(positions),
    missing: Int32Array.from(TEMPLATES, ([id, a, b], k) => (GROUP_OF[k] < 0 ? 0 : hashSpread(id, MISSING_VALUE[a], MISSING_VALUE[b]))),
    others: Int32Array.from(Array.from(GROUP_OF).flatMap((group, k) => (group < 0 ? [k] : []))),
  };
})();

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
  private readonly tagCache = new Map<string, number>();
  /** The dependents of the current decision (see DEPENDENTS), NONE when missing. */
  private readonly dependents = new Int32Array(DEPENDENTS);
  /** Bit g set when dependent g of the last {@link extract} is missing (see {@link DEPENDENT_GROUPS}). */
  missing = 0;
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
    for (let i = 0; i < n; i++) this.setToken(i + 1, hashString(input.words[i]), this.hashTag(input.tags[i]));
    this.setToken(n + 1, ROOT_WORD, ROOT_TAG);
  }

  private setToken(at: number, word: number, tag: number): void {
    this.words[at] = spreadValue(word);
    this.tags[at] = spreadValue(tag);
    this.wordTags[at] = spreadValue(hashFeature(1, word, tag));
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
    const dependents = this.dependents;
    dependents[0] = s0 === NONE ? NONE : left1[s0];
    dependents[1] = s0 === NONE ? NONE : right1[s0];
    dependents[2] = s1 === NONE ? NONE : right1[s1];
    dependents[3] = left1[b];
    dependents[4] = s1 === NONE ? NONE : left1[s1];
    dependents[5] = s0 === NONE ? NONE : left2[s0];
    dependents[6] = s0 === NONE ? NONE : right2[s0];
    dependents[7] = left2[b];
    dependents[8] = s1 === NONE ? NONE : right2[s1];

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
    let missing = 0;
    for (let d = 0, at = FIRST_DEPENDENT_SLOT; d < DEPENDENTS; d++, at += 3) {
      const dependent = dependents[d];
      v[at] = W[dependent + 1];
      v[at + 1] = T[dependent + 1];
      v[at + 2] = spreadValue(dependent === NONE ? -1 : labels[dependent]);
      missing |= (dependent >>> 31) << d;
    }
    this.missing = missing;
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
    const constant = DEPENDENT_GROUPS.missing;
    for (let k = 0; k < PARSER_FEATURES; k++) {
      // A feature of a missing dependent is a constant; GROUP_OF is −1 (bit 31, never set) for the rest.
      f[k] = ((missing >>> GROUP_OF[k]) & 1) === 1 ? constant[k] : hashSpread(TEMPLATE_ID[k], v[FIRST[k]], v[SECOND[k]]);
    }
    return PARSER_FEATURES;
  }

  /** Fills {@link directed} with the first `n` features joined with `move` (LEFT or RIGHT). */
  direct(move: number, n: number): void {
    for (let k = 0; k < n; k++) this.directed[k] = directedFeature(move, this.buffer[k]);
  }
}

