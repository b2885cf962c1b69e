import { CoreError } from './errors.js';
import { fnv1a, mix32, mix32Signed } from './hash.js';

/**
 * A generic averaged perceptron over hashed features, for the POS tagger and later the NER tagger.
 * Callers hash their features to 32-bit integers (see {@link hashString}, {@link hashFeature});
 * each hash selects one of 2^bits buckets, and each bucket holds one weight per class.
 * Training keeps dense float weights; the shipped model keeps only the non-zero weights,
 * quantised to int8 or int16, so it stays small and loads in a few milliseconds.
 */

export interface Classifier {
  /** Class names, e.g. Penn Treebank tags; class `c` is `classes[c]`. */
  readonly classes: readonly string[];
  /** Writes the score of every class for the first `n` feature hashes into `out` (length ≥ classes). */
  scores(features: ArrayLike<number>, n: number, out: Float32Array): void;
  /** Index of the best-scoring class (the first on ties). */
  predict(features: ArrayLike<number>, n: number): number;
}

/** FNV-1a over UTF-16 code units, finalised so that every bit of the result is mixed. */
export function hashString(text: string, seed = 0): number {
  return mix32(fnv1a(text, seed));
}

/** Hash of a feature template id and up to two values (word hashes, tag ids): no string is built. */
export function hashFeature(template: number, a: number, b = 0): number {
  return hashSpread(template, spreadValue(a), spreadValue(b)) >>> 0;
}

/**
 * {@link hashFeature} as a signed int32, from values already passed through {@link spreadValue}:
 * a caller that uses a value in many features (the parser's word and tag hashes) spreads it once.
 */
export function hashSpread(template: number, a: number, b: number): number {
  return mix32Signed(mixIn(mixIn(template, a), b));
}

/** The value half of a MurmurHash3 round; 0 stays 0. */
export function spreadValue(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

// The rest of one MurmurHash3 round, over a spread value (the finaliser is mix32).
function mixIn(h: number, spread: number): number {
  h ^= spread;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Index of the highest of the first `n` scores (the first on ties). */
export function argmax(scores: Float32Array, n = scores.length): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (scores[c] > scores[best]) best = c;
  return best;
}

/**
 * Int8 weights packed for scoring: each non-empty bucket gets a row of 32-bit words, each holding
 * two classes' weights + 128 in 16-bit lanes. Adding rows adds the lanes of all classes at once
 * (SWAR), with no class look-up per weight: about three times faster than the sparse entries.
 * A lane sum stays below 2^16 while at most {@link MAX_LANE_FEATURES} rows are added.
 */
interface PackedRows {
  /** Bucket → index of its first word in `words`, or −1 for an empty bucket. */
  readonly rowOf: Int32Array;
  readonly words: Int32Array;
  /** Words per row: ⌈classes / 2⌉ rounded up to a multiple of 3, the unrolling of the sums. */
  readonly width: number;
}

const LANE_BIAS = 128;
/** 257 × 255 < 2^16: that many biased int8 weights sum without a carry into the next lane. */
const MAX_LANE_FEATURES = 257;

/**
 * Adds `count` rows of `width` lane words, starting at `source[bases[r]]`, to `sums[at …]`: the
 * inner loop of scoring (rows of a packed model, or lane sums a caller cached). `width` must be a
 * multiple of 3, as {@link PackedRows} widths are.
 */
export function addLaneRows(source: Int32Array, bases: Int32Array, count: number, width: number, sums: Int32Array, at: number): void {
  // Three words at a time in locals, so the sums stay in registers. `| 0` keeps them int32: a
  // high lane past 2^15 wraps the sign, and `>>> 16` in unpackLanes reads it back unsigned.
  for (let w = 0; w < width; w += 3) {
    let s0 = sums[at + w];
    let s1 = sums[at + w + 1];
    let s2 = sums[at + w + 2];
    for (let r = 0; r < count; r++) {
      const row = bases[r] + w;
      s0 = (s0 + source[row]) | 0;
      s1 = (s1 + source[row + 1]) | 0;
      s2 = (s2 + source[row + 2]) | 0;
    }
    sums[at + w] = s0;
    sums[at + w + 1] = s1;
    sums[at + w + 2] = s2;
  }
}

function packRows(rowStart: Uint32Array, entryClass: Uint8Array, entryWeight: Int8Array, nClasses: number): PackedRows {
  const buckets = rowStart.length - 1;
  const width = Math.ceil(Math.ceil(nClasses / 2) / 3) * 3;
  const rowOf = new Int32Array(buckets).fill(-1);
  let rows = 0;
  for (let b = 0; b < buckets; b++) if (rowStart[b + 1] > rowStart[b]) rowOf[b] = width * rows++;
  const lanes = new Uint16Array(rows * width * 2).fill(LANE_BIAS);
  for (let b = 0; b < buckets; b++) {
    for (let e = rowStart[b]; e < rowStart[b + 1]; e++) lanes[2 * rowOf[b] + entryClass[e]] += entryWeight[e];
  }
  // Lane 2w is the low half of word w on little-endian machines only, so the words are built explicitly.
  const words = new Int32Array(rows * width);
  for (let w = 0; w < words.length; w++) words[w] = lanes[2 * w] | (lanes[2 * w + 1] << 16);
  return { rowOf, words, width };
}

/**
 * The shipped, read-only classifier: per bucket, a run of (class, quantised weight) entries.
 * `rowStart[b]..rowStart[b+1]` indexes the entries of bucket `b`. Int8 models also keep the
 * entries packed for faster scoring (see {@link PackedRows}).
 */
export class PerceptronModel implements Classifier {
  readonly classes: readonly string[];
  readonly bits: number;
  /** Real weight = quantised weight × scale. */
  readonly scale: number;
  readonly weightBytes: 1 | 2;
  readonly rowStart: Uint32Array;
  readonly entryClass: Uint8Array;
  readonly entryWeight: Int8Array | Int16Array;
  private readonly mask: number;
  private readonly buffer: Float32Array;
  private readonly packed: PackedRows | null;
  /** Words of lane sums per packed row; 0 when the weights are not packed (int16). */
  readonly laneWidth: number;
  /** Word offsets of the packed rows being summed. */
  private rowBases = new Int32Array(64);
  private readonly laneSums: Int32Array;

  constructor(
    classes: readonly string[],
    bits: number,
    scale: number,
    rowStart: Uint32Array,
    entryClass: Uint8Array,
    entryWeight: Int8Array | Int16Array,
    /** Pack int8 weights into lanes; off for models whose rows are too sparse to gain from it. */
    pack = true,
  ) {
    this.classes = classes;
    this.bits = bits;
    this.scale = scale;
    this.weightBytes = entryWeight instanceof Int8Array ? 1 : 2;
    this.rowStart = rowStart;
    this.entryClass = entryClass;
    this.entryWeight = entryWeight;
    this.mask = (1 << bits) - 1;
    this.buffer = new Float32Array(classes.length);
    this.packed = pack && entryWeight instanceof Int8Array ? packRows(rowStart, entryClass, entryWeight, classes.length) : null;
    this.laneWidth = this.packed?.width ?? 0;
    this.laneSums = new Int32Array(this.laneWidth);
  }

  get entryCount(): number {
    return this.entryClass.length;
  }

  scores(features: ArrayLike<number>, n: number, out: Float32Array): void {
    if (this.laneWidth > 0 && n <= MAX_LANE_FEATURES) {
      const { laneSums } = this;
      laneSums.fill(0);
      this.unpackLanes(laneSums, 0, this.addLanes(features, 0, n, laneSums, 0), out);
      return;
    }
    const { rowStart, entryClass, entryWeight, mask } = this;
    const nClasses = this.classes.length;
    out.fill(0, 0, nClasses);
    for (let f = 0; f < n; f++) {
      const row = features[f] & mask;
      const end = rowStart[row + 1];
      for (let e = rowStart[row]; e < end; e++) out[entryClass[e]] += entryWeight[e];
    }
    for (let c = 0; c < nClasses; c++) out[c] *= this.scale;
  }

  /**
   * Adds the packed rows of `features[from … to)` to the lane sums `sums[at … at + laneWidth)` and
   * returns how many rows it added. Callers may keep lane sums (e.g. per word) and add them up;
   * {@link unpackLanes} then needs the total row count. Only for packed models (laneWidth > 0).
   */
  addLanes(features: ArrayLike<number>, from: number, to: number, sums: Int32Array, at: number): number {
    if (to - from > this.rowBases.length) this.rowBases = new Int32Array(to - from);
    const { rowBases, mask } = this;
    const { rowOf, words, width } = this.packed as PackedRows;
    let rows = 0;
    for (let f = from; f < to; f++) {
      const row = rowOf[features[f] & mask];
      if (row >= 0) rowBases[rows++] = row;
    }
    addLaneRows(words, rowBases, rows, width, sums, at);
    return rows;
  }

  /** The class scores of lane sums holding `rows` packed rows in all (at most {@link MAX_LANE_FEATURES}). */
  unpackLanes(sums: Int32Array, at: number, rows: number, out: Float32Array): void {
    if (rows > MAX_LANE_FEATURES) throw new RangeError(`lane sums of ${rows} rows may have overflowed`);
    const bias = LANE_BIAS * rows;
    const nClasses = this.classes.length;
    for (let c = 0; c < nClasses; c++) {
      const word = sums[at + (c >> 1)];
      out[c] = (((c & 1) === 0 ? word & 0xffff : word >>> 16) - bias) * this.scale;
    }
  }

  predict(features: ArrayLike<number>, n: number): number {
    this.scores(features, n, this.buffer);
    return argmax(this.buffer, this.buffer.length);
  }
}

/** The classifier as a model with packed weights (see {@link PerceptronModel.addLanes}), or null: trainers and int16 models. */
export function packedModel(classifier: Classifier): PerceptronModel | null {
  return classifier instanceof PerceptronModel && classifier.laneWidth > 0 ? classifier : null;
}

export interface QuantiseOptions {
  /** 1 = int8 (smaller), 2 = int16 (finer). */
  weightBytes: 1 | 2;
  /** Drop quantised weights smaller than this in magnitude (default 1: only zeros are dropped). */
  minWeight?: number;
  /** See {@link PerceptronModel}'s `pack` (default true). */
  pack?: boolean;
}

/** What structured training updates: a classifier whose weights move, averaged into the shipped model. */
export interface Trainer extends Classifier {
  update(truth: number, guess: number, features: ArrayLike<number>, n: number): void;
  nudge(c: number, delta: number, features: ArrayLike<number>, n: number): void;
  tick(): void;
  toModel(options: QuantiseOptions): PerceptronModel;
}

/**
 * Dense trainer with weight averaging (Daumé's trick: keep `w` and `u = Σ step·Δ`; the average
 * is `w − u/step`), so no per-weight timestamps are needed.
 */
export class PerceptronTrainer implements Trainer {
  readonly classes: readonly string[];
  readonly bits: number;
  private readonly weights: Float32Array;
  private readonly steps: Float64Array;
  private readonly mask: number;
  private readonly buffer: Float32Array;
  private step = 1;

  constructor(classes: readonly string[], bits: number) {
    if (classes.length < 2 || classes.length > 255) throw new RangeError('a perceptron needs 2 to 255 classes');
    if (bits < 4 || bits > 24) throw new RangeError('bucket bits must be between 4 and 24');
    this.classes = classes;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.weights = new Float32Array((1 << bits) * classes.length);
    this.steps = new Float64Array(this.weights.length);
    this.buffer = new Float32Array(classes.length);
  }

  scores(features: ArrayLike<number>, n: number, out: Float32Array): void {
    const { weights, mask } = this;
    const nClasses = this.classes.length;
    out.fill(0, 0, nClasses);
    for (let f = 0; f < n; f++) {
      const base = (features[f] & mask) * nClasses;
      for (let c = 0; c < nClasses; c++) out[c] += weights[base + c];
    }
  }

  predict(features: ArrayLike<number>, n: number): number {
    this.scores(features, n, this.buffer);
    return argmax(this.buffer, this.classes.length);
  }

  /** Moves weight from the guessed class to the true one; a no-op when they agree. */
  update(truth: number, guess: number, features: ArrayLike<number>, n: number): void {
    if (truth === guess) return;
    this.nudge(truth, 1, features, n);
    this.nudge(guess, -1, features, n);
  }

  /**
   * Adds `delta` to the weight of class `c` for each feature: one half of an update, for
   * structured training where the true and guessed outputs have different features.
   */
  nudge(c: number, delta: number, features: ArrayLike<number>, n: number): void {
    const { weights, steps, mask, step } = this;
    const nClasses = this.classes.length;
    for (let f = 0; f < n; f++) {
      const at = (features[f] & mask) * nClasses + c;
      weights[at] += delta;
      steps[at] += step * delta;
    }
  }

  /** Marks the end of one training example; averaging weighs each weight by how long it lived. */
  tick(): void {
    this.step += 1;
  }

  /** The averaged weights, quantised and without zero entries: the model that gets shipped. */
  toModel(options: QuantiseOptions): PerceptronModel {
    return quantiseWeights(this.classes, this.bits, this.averagedWeights(), options);
  }

  /** The averaged weights, `[bucket * classes + c]`. */
  averagedWeights(): Float32Array {
    const { weights, steps, step } = this;
    const averaged = new Float32Array(weights.length);
    for (let j = 0; j < weights.length; j++) averaged[j] = weights[j] - steps[j] / step;
    return averaged;
  }
}

/** A model from float weights `[bucket * classes + c]` over 2^bits buckets: quantised, zero entries dropped. */
export function quantiseWeights(
  classes: readonly string[], bits: number, weights: Float32Array, { weightBytes, minWeight = 1, pack = true }: QuantiseOptions,
): PerceptronModel {
  const nClasses = classes.length;
  let maxAbs = 0;
  for (let j = 0; j < weights.length; j++) maxAbs = Math.max(maxAbs, Math.abs(weights[j]));
  const limit = weightBytes === 1 ? 127 : 32767;
  // Rounded to float32 as the file stores it, so a loaded model scores exactly like this one.
  const scale = Math.fround(maxAbs > 0 ? maxAbs / limit : 1);
  const rows = 1 << bits;
  const rowStart = new Uint32Array(rows + 1);
  const entryClasses: number[] = [];
  const quantised: number[] = [];
  for (let row = 0; row < rows; row++) {
    rowStart[row] = entryClasses.length;
    for (let c = 0; c < nClasses; c++) {
      const q = Math.round(weights[row * nClasses + c] / scale);
      if (Math.abs(q) < minWeight || q === 0) continue;
      entryClasses.push(c);
      quantised.push(q);
    }
  }
  rowStart[rows] = entryClasses.length;
  const entryWeight = weightBytes === 1 ? Int8Array.from(quantised) : Int16Array.from(quantised);
  return new PerceptronModel(classes, bits, scale, rowStart, Uint8Array.from(entryClasses), entryWeight, pack);
}

// ---- Binary format ------------------------------------------------------------------------------
//   "CGPC" u8 version u8 bits u8 weightBytes u8 0  f32 scale
//   u8 nClasses, then per class: u8 length + ASCII
//   u32 nonEmptyRows u32 entries
//   per non-empty row: varint (bucket − previous bucket), varint count, count × (u8 class, int weight)

const MAGIC = 'CGPC';
const VERSION = 1;

/** Little-endian writer that grows as needed. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private view = new DataView(this.bytes.buffer);
  private length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(value: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, value);
    this.length += 1;
  }

  i8(value: number): void {
    this.reserve(1);
    this.view.setInt8(this.length, value);
    this.length += 1;
  }

  i16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.length, value, true);
    this.length += 2;
  }

  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  f32(value: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  varint(value: number): void {
    while (value >= 0x80) {
      this.u8((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    this.u8(value);
  }

  /** A string as a varint count of UTF-16 code units, each a varint (ASCII stays one byte). */
  string(value: string): void {
    this.varint(value.length);
    for (let i = 0; i < value.length; i++) this.varint(value.charCodeAt(i));
  }

  /** A 4-character ASCII magic and a version byte, as {@link ByteReader.header} checks them. */
  header(magic: string, version: number): void {
    for (let i = 0; i < magic.length; i++) this.u8(magic.charCodeAt(i));
    this.u8(version);
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reader for {@link ByteWriter}; any overrun or malformed value is a CG_E006 model error. */
export class ByteReader {
  private readonly view: DataView;
  offset = 0;

  constructor(
    readonly bytes: Uint8Array,
    private readonly what: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(reason: string): never {
    throw new CoreError('CG_E006', `${this.what}: ${reason}`);
  }

  private need(n: number): void {
    if (this.offset + n > this.bytes.length) this.fail('truncated');
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  i8(): number {
    this.need(1);
    return this.view.getInt8(this.offset++);
  }

  i16(): number {
    this.need(2);
    const value = this.view.getInt16(this.offset, true);
    this.offset += 2;
    return value;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  f32(): number {
    this.need(4);
    const value = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return value;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.u8();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return this.fail('malformed varint');
  }

  string(): string {
    const length = this.varint();
    if (length > this.bytes.length - this.offset) this.fail('truncated string');
    const units = new Array<number>(length);
    for (let i = 0; i < length; i++) units[i] = this.varint();
    return String.fromCharCode(...units);
  }

  /** Checks a 4-character ASCII magic and returns the version byte that follows it. */
  header(magic: string): number {
    for (let i = 0; i < magic.length; i++) {
      if (this.u8() !== magic.charCodeAt(i)) this.fail(`not a ${magic} file`);
    }
    return this.u8();
  }
}

export function writePerceptron(model: PerceptronModel, out: ByteWriter): void {
  out.header(MAGIC, VERSION);
  out.u8(model.bits);
  out.u8(model.weightBytes);
  out.u8(0);
  out.f32(model.scale);
  out.u8(model.classes.length);
  for (const name of model.classes) {
    if (!/^[\x20-\x7e]{1,255}$/.test(name)) throw new RangeError(`class name must be printable ASCII: ${name}`);
    out.u8(name.length);
    for (let i = 0; i < name.length; i++) out.u8(name.charCodeAt(i));
  }
  const { rowStart, entryClass, entryWeight } = model;
  const rows = rowStart.length - 1;
  let nonEmpty = 0;
  for (let row = 0; row < rows; row++) if (rowStart[row + 1] > rowStart[row]) nonEmpty++;
  out.u32(nonEmpty);
  out.u32(model.entryCount);
  let previous = 0;
  for (let row = 0; row < rows; row++) {
    const start = rowStart[row];
    const end = rowStart[row + 1];
    if (end === start) continue;
    out.varint(row - previous);
    out.varint(end - start);
    previous = row;
    for (let e = start; e < end; e++) {
      out.u8(entryClass[e]);
      if (model.weightBytes === 1) out.i8(entryWeight[e]);
      else out.i16(entryWeight[e]);
    }
  }
}

export function readPerceptron(input: ByteReader, pack = true): PerceptronModel {
  const version = input.header(MAGIC);
  if (version !== VERSION) input.fail(`unsupported perceptron version ${version}`);
  const bits = input.u8();
  const weightBytes = input.u8();
  input.u8();
  const scale = input.f32();
  if (bits < 4 || bits > 24 || (weightBytes !== 1 && weightBytes !== 2) || !(scale > 0)) input.fail('bad header');
  const nClasses = input.u8();
  const classes: string[] = [];
  for (let c = 0; c < nClasses; c++) {
    const length = input.u8();
    const codes: number[] = [];
    for (let i = 0; i < length; i++) codes.push(input.u8());
    classes.push(String.fromCharCode(...codes));
  }
  const nonEmpty = input.u32();
  const entries = input.u32();
  const rows = 1 << bits;
  if (nonEmpty > rows || entries > input.bytes.length) input.fail('bad counts');
  const rowStart = new Uint32Array(rows + 1);
  const entryClass = new Uint8Array(entries);
  const entryWeight = weightBytes === 1 ? new Int8Array(entries) : new Int16Array(entries);
  let row = 0;
  let e = 0;
  let filledTo = 0;
  // Entries are read from the bytes directly, one bounds check per row: models hold millions.
  const { bytes } = input;
  const entrySize = 1 + weightBytes;
  for (let r = 0; r < nonEmpty; r++) {
    row += input.varint();
    const count = input.varint();
    if (row >= rows || (r > 0 && row < filledTo) || e + count > entries) input.fail('bad row');
    if (input.offset + count * entrySize > bytes.length) input.fail('truncated');
    // Empty buckets between the previous row and this one start (and end) here.
    for (let bucket = filledTo; bucket <= row; bucket++) rowStart[bucket] = e;
    filledTo = row + 1;
    let at = input.offset;
    for (let k = 0; k < count; k++, e++, at += entrySize) {
      const c = bytes[at];
      if (c >= nClasses) input.fail('bad class index');
      entryClass[e] = c;
      entryWeight[e] = weightBytes === 1 ? (bytes[at + 1] << 24) >> 24 : ((bytes[at + 1] | (bytes[at + 2] << 8)) << 16) >> 16;
    }
    input.offset = at;
  }
  if (e !== entries) input.fail('entry count mismatch');
  rowStart.fill(e, filledTo);
  return new PerceptronModel(classes, bits, scale, rowStart, entryClass, entryWeight, pack);
}

/** The bytes `write` produces: the encoder half of every binary model format. */
export function encodeBinary(write: (out: ByteWriter) => void): Uint8Array {
  const out = new ByteWriter();
  write(out);
  return out.finish();
}

/** Runs `read` over the whole of `bytes`; leftover bytes, like any format error, are CG_E006. */
export function decodeBinary<T>(bytes: Uint8Array, what: string, read: (input: ByteReader) => T): T {
  const input = new ByteReader(bytes, what);
  const value = read(input);
  if (input.offset !== bytes.length) input.fail('trailing bytes');
  return value;
}

export function encodePerceptron(model: PerceptronModel): Uint8Array {
  return encodeBinary((out) => writePerceptron(model, out));
}

export function decodePerceptron(bytes: Uint8Array): PerceptronModel {
  return decodeBinary(bytes, 'perceptron model', readPerceptron);
}
