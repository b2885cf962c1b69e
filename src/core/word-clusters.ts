import { decodeBinary, encodeBinary, type ByteReader, type ByteWriter } from './perceptron.js';

/**
 * Hierarchical word clusters (as Brown clusters are used in NER): each word has a path of bits
 * from the root of a binary tree, and the prefixes of that path are features at several grains.
 * `claimgraph train clusters` induces them from unlabeled text (src/train/clusters.ts).
 */

export interface WordClusters {
  /** Word (see {@link clusterKey}) → its path, e.g. "0110100". */
  readonly paths: ReadonlyMap<string, string>;
}

/** The form clusters are keyed by: the token with every digit written as 0, so numbers share paths. */
export function clusterKey(word: string): string {
  return word.replace(/\d/g, '0');
}

/**
 * The path of `word`, falling back from the form as written to its title-case and lower-case
 * forms, so that "JAPAN" in an all-capitals headline finds the path of "Japan".
 */
export function clusterPath(clusters: WordClusters, word: string): string | undefined {
  const key = clusterKey(word);
  const { paths } = clusters;
  const found = paths.get(key);
  if (found !== undefined) return found;
  const lower = key.toLowerCase();
  return paths.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? paths.get(lower);
}

// ---- Binary format ------------------------------------------------------------------------------
//   "CGWC" u8 version, varint count, per word: string word, u8 depth, varint path bits
//   (the path read as a binary number; paths are at most 31 bits deep).

const MAGIC = 'CGWC';
const VERSION = 1;
const MAX_DEPTH = 31;

export function writeWordClusters(clusters: WordClusters, out: ByteWriter): void {
  out.header(MAGIC, VERSION);
  out.varint(clusters.paths.size);
  for (const [word, path] of clusters.paths) {
    if (!/^[01]{0,31}$/.test(path)) throw new RangeError(`a cluster path is up to ${MAX_DEPTH} bits: "${path}"`);
    out.string(word);
    out.u8(path.length);
    out.varint(path.length === 0 ? 0 : parseInt(path, 2));
  }
}

export function readWordClusters(input: ByteReader): WordClusters {
  const version = input.header(MAGIC);
  if (version !== VERSION) input.fail(`unsupported word-cluster version ${version}`);
  const count = input.varint();
  const paths = new Map<string, string>();
  for (let k = 0; k < count; k++) {
    const word = input.string();
    const depth = input.u8();
    const bits = input.varint();
    if (depth > MAX_DEPTH || bits >= 2 ** depth) input.fail('bad cluster path');
    paths.set(word, depth === 0 ? '' : bits.toString(2).padStart(depth, '0'));
  }
  return { paths };
}

export function encodeWordClusters(clusters: WordClusters): Uint8Array {
  return encodeBinary((out) => writeWordClusters(clusters, out));
}

/** Reads a file written by {@link encodeWordClusters}; a bad file is CoreError CG_E006. */
export function decodeWordClusters(bytes: Uint8Array): WordClusters {
  return decodeBinary(bytes, 'word clusters', readWordClusters);
}
