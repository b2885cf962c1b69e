import { fnv1a, mix32 } from '../hash.js';
import type { BandMember } from './types.js';
import { StateWindow } from './window.js';

/**
 * Near-duplicate detection: MinHash signatures over word 3-shingles, and locality-sensitive hashing
 * in bands so that only likely copies are compared. 24 bands of 5 rows make a pair with Jaccard 0.7
 * a candidate 99 % of the time and one with 0.3 under 6 %; candidates are then checked on the whole
 * signature.
 */

export const SHINGLE_WORDS = 3;
export const BANDS = 24;
export const ROWS = 5;
export const SIGNATURE_SIZE = BANDS * ROWS;
/**
 * Documents kept per bucket, the latest: a story syndicated hundreds of times would otherwise make
 * every new copy compare with all the earlier ones. One bucket in 24 suffices to find a copy, and
 * any recent copy places a new one in its story. Reading 64 took 6.1 s per 3,000 articles at
 * 30,000 in the scale benchmark, 16 took 3.4 s (docs/scale.md).
 */
export const BUCKET_CAPACITY = 16;

/**
 * The hash family h_i(x) = (a_i·x + b_i) mod 2^32 with odd a_i: two operations per row. Shingle
 * hashes are already mixed, so this family is enough (as in common MinHash implementations).
 */
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x7f4a7c15) | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x85ebca6b + i * 0x632be5ab));

/** Hashes of the word 3-grams of `text`, case-folded; punctuation and spacing do not count. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  const hashes = words.map((word) => fnv1a(word));
  for (let i = 0; i + SHINGLE_WORDS <= hashes.length; i++) {
    out.add(mix32(Math.imul(mix32(hashes[i] ^ Math.imul(hashes[i + 1], 31)), 17) ^ hashes[i + 2]));
  }
  return out;
}

/** The MinHash signature: for each hash function, the least hash over the shingles. */
export function minhash(shingleSet: Iterable<number>): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const values = Array.from(shingleSet);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const a = MULTIPLIERS[i];
    const b = OFFSETS[i];
    let least = 0xffffffff;
    for (let j = 0; j < values.length; j++) {
      const h = (Math.imul(a, values[j]) + b) >>> 0;
      if (h < least) least = h;
    }
    signature[i] = least;
  }
  return signature;
}

/** Share of equal rows: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same += 1;
  return same / SIGNATURE_SIZE;
}

/**
 * Signatures bucketed by band: documents that agree on every row of some band are candidates. The
 * buckets are a {@link StateWindow}: all of them without a store, else those the node side loaded
 * (the latest {@link BUCKET_CAPACITY} documents of each, as {@link bandKeys} names them).
 */
export class LshIndex {
  private readonly buckets: StateWindow<number, BandMember[]>;
  /**
   * With a window: one copy of each document the held buckets name, though each bucket is loaded
   * on its own (an article is in 24 buckets, and a bucket of copies holds 16 articles).
   */
  private readonly members = new Map<string, BandMember>();

  constructor(capacity: number | null = null) {
    this.buckets = new StateWindow('LSH bucket', capacity);
  }

  /** Indexes a document (its seq is the order it was added in); its buckets must be loaded. */
  add(member: BandMember): void {
    if (!this.buckets.holdsAll) this.members.set(member.id, member);
    for (const key of bandKeys(member.signature)) {
      const bucket = this.buckets.get(key) ?? [];
      if (bucket.push(member) > BUCKET_CAPACITY) bucket.shift();
      this.buckets.set(key, bucket);
    }
  }

  /** The most similar indexed document with estimated Jaccard ≥ `threshold`, earliest added on ties. */
  nearest(signature: Uint32Array, threshold: number): { member: BandMember; similarity: number } | null {
    let best: { member: BandMember; similarity: number } | null = null;
    const seen = new Set<string>();
    for (const key of bandKeys(signature)) {
      for (const member of this.buckets.get(key) ?? []) {
        if (seen.has(member.id)) continue;
        seen.add(member.id);
        const similarity = estimateJaccard(signature, member.signature);
        if (similarity < threshold) continue;
        if (!best || similarity > best.similarity || (similarity === best.similarity && member.seq < best.member.seq)) best = { member, similarity };
      }
    }
    return best;
  }

  /** The buckets of a signature the node side must load before the document is looked up or added. */
  missing(signature: Uint32Array): number[] {
    return this.buckets.missing(bandKeys(signature));
  }

  /** A bucket as the store has it: its latest documents, oldest first. */
  load(key: number, members: readonly BandMember[]): void {
    this.buckets.load(
      key,
      members.map((member) => {
        const held = this.members.get(member.id);
        if (held) return held;
        this.members.set(member.id, member);
        return member;
      }),
    );
  }

  /** A batch was taken: buckets beyond the window go, and the documents only they named. */
  settle(): void {
    if (this.buckets.holdsAll) return;
    this.buckets.settle();
    const named = new Set<string>();
    for (const bucket of this.buckets.values()) for (const { id } of bucket) named.add(id);
    for (const id of this.members.keys()) if (!named.has(id)) this.members.delete(id);
  }
}

/** The key of each band of a signature: the band's number times 2^32 plus the hash of its rows. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let row = band * ROWS; row < (band + 1) * ROWS; row++) h = mix32(h ^ signature[row]) + row;
    keys.push(band * 2 ** 32 + (h >>> 0));
  }
  return keys;
}
