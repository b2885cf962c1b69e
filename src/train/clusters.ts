import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCorpusTexts } from '../bench/bench.js';
import { Doc } from '../core/doc.js';
import { segment } from '../core/stages/segments.js';
import { tokenize } from '../core/stages/tokens.js';
import { clusterKey, type WordClusters } from '../core/word-clusters.js';
import { readConll2003, readGumSplit } from './corpora.js';

/**
 * Word clusters by divisive exchange clustering: the vocabulary is split in two, then every
 * cluster in two again, `depth` times, so each word gets a path of bits as in a Brown tree.
 * At each level a word may move only to its sibling cluster, and moves are kept when they raise
 * the likelihood of a class bigram model, Σ N(c,d)·log N(c,d) − Σ N(c)·log N(c) over left and
 * right class counts (Brown et al. 1992; Martin, Liermann & Ney 1998). A move costs time in the
 * number of distinct neighbours of the word, so a level takes one pass over the bigram types.
 */

export interface ClusterOptions {
  /** Levels of the tree: up to 2^depth clusters. */
  depth: number;
  /** Words seen fewer times share one unknown-word slot and get no path. */
  minCount: number;
  /** Exchange passes per level at most; a level stops early when almost no word moves. */
  maxPasses: number;
  log?(line: string): void;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { depth: 12, minCount: 3, maxPasses: 8 };

/** Sparse bigram counts in both directions, by word id. */
interface Bigrams {
  /** successors of word w: `next[nextStart[w] .. nextStart[w+1])` with counts `nextCount`. */
  nextStart: Int32Array;
  next: Int32Array;
  nextCount: Float64Array;
  prevStart: Int32Array;
  prev: Int32Array;
  prevCount: Float64Array;
  /** Times each word occurs as the left and as the right member of a bigram. */
  left: Float64Array;
  right: Float64Array;
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

function compressed(size: number, pairs: Map<number, number>, byFirst: boolean): { start: Int32Array; other: Int32Array; count: Float64Array } {
  const start = new Int32Array(size + 1);
  for (const key of pairs.keys()) start[(byFirst ? Math.floor(key / size) : key % size) + 1]++;
  for (let w = 0; w < size; w++) start[w + 1] += start[w];
  const fill = start.slice(0, size);
  const other = new Int32Array(pairs.size);
  const count = new Float64Array(pairs.size);
  for (const [key, n] of pairs) {
    const a = Math.floor(key / size);
    const b = key % size;
    const at = fill[byFirst ? a : b]++;
    other[at] = byFirst ? b : a;
    count[at] = n;
  }
  return { start, other, count };
}

function countBigrams(sentences: Iterable<Int32Array>, size: number): Bigrams {
  const pairs = new Map<number, number>();
  for (const ids of sentences) {
    for (let k = 1; k < ids.length; k++) {
      const key = ids[k - 1] * size + ids[k];
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const forward = compressed(size, pairs, true);
  const backward = compressed(size, pairs, false);
  const left = new Float64Array(size);
  const right = new Float64Array(size);
  for (const [key, n] of pairs) {
    left[Math.floor(key / size)] += n;
    right[key % size] += n;
  }
  return {
    nextStart: forward.start, next: forward.other, nextCount: forward.count,
    prevStart: backward.start, prev: backward.other, prevCount: backward.count,
    left, right,
  };
}

/** Class bigram counts at one level of the tree, and the exchange move. */
class ClassModel {
  private readonly pair: Float64Array;
  private readonly leftTotal: Float64Array;
  private readonly rightTotal: Float64Array;

  constructor(
    private readonly bigrams: Bigrams,
    private readonly cls: Int32Array,
    private readonly classes: number,
  ) {
    this.pair = new Float64Array(classes * classes);
    this.leftTotal = new Float64Array(classes);
    this.rightTotal = new Float64Array(classes);
    const { nextStart, next, nextCount, left, right } = bigrams;
    for (let w = 0; w < cls.length; w++) {
      const row = cls[w] * classes;
      for (let e = nextStart[w]; e < nextStart[w + 1]; e++) this.pair[row + cls[next[e]]] += nextCount[e];
      this.leftTotal[cls[w]] += left[w];
      this.rightTotal[cls[w]] += right[w];
    }
  }

  /** Moves word `w` to class `to` and returns the change in log-likelihood. */
  move(w: number, to: number): number {
    const { bigrams, cls, classes: K, pair } = this;
    const from = cls[w];
    let delta = 0;
    const change = (index: number, amount: number): void => {
      const old = pair[index];
      pair[index] = old + amount;
      delta += xlogx(old + amount) - xlogx(old);
    };
    let self = 0;
    for (let e = bigrams.nextStart[w]; e < bigrams.nextStart[w + 1]; e++) {
      const v = bigrams.next[e];
      if (v === w) {
        self = bigrams.nextCount[e];
        continue;
      }
      change(from * K + cls[v], -bigrams.nextCount[e]);
      change(to * K + cls[v], bigrams.nextCount[e]);
    }
    for (let e = bigrams.prevStart[w]; e < bigrams.prevStart[w + 1]; e++) {
      const u = bigrams.prev[e];
      if (u === w) continue;
      change(cls[u] * K + from, -bigrams.prevCount[e]);
      change(cls[u] * K + to, bigrams.prevCount[e]);
    }
    if (self > 0) {
      change(from * K + from, -self);
      change(to * K + to, self);
    }
    for (const [totals, n] of [[this.leftTotal, bigrams.left[w]], [this.rightTotal, bigrams.right[w]]] as const) {
      delta -= xlogx(totals[from] - n) + xlogx(totals[to] + n) - xlogx(totals[from]) - xlogx(totals[to]);
      totals[from] -= n;
      totals[to] += n;
    }
    cls[w] = to;
    return delta;
  }
}

/**
 * Clusters word-id sentences over a vocabulary of `size` ids (ordered by falling frequency);
 * returns each id's path as a number of `depth` bits.
 */
export function exchangeClusters(sentences: readonly Int32Array[], size: number, options: ClusterOptions): Int32Array {
  const bigrams = countBigrams(sentences, size);
  const cls = new Int32Array(size);
  for (let level = 1; level <= options.depth; level++) {
    const started = performance.now();
    // Frequent words alternate between the two halves, so each half starts with a share of them.
    const seen = new Int32Array(1 << (level - 1));
    for (let w = 0; w < size; w++) cls[w] = cls[w] * 2 + (seen[cls[w]]++ % 2);
    const model = new ClassModel(bigrams, cls, 1 << level);
    let passes = 0;
    let moved = size;
    while (passes < options.maxPasses && moved > size / 1000) {
      moved = 0;
      for (let w = 0; w < size; w++) {
        const from = cls[w];
        if (model.move(w, from ^ 1) > 1e-9) moved++;
        else model.move(w, from);
      }
      passes++;
    }
    options.log?.(`level ${level}: ${1 << level} clusters, ${passes} passes, ${moved} moves in the last (${((performance.now() - started) / 1000).toFixed(1)}s)`);
  }
  return cls;
}

/** Clusters the words of tokenized sentences; words below `minCount` and sentence boundaries get no path. */
export function clusterWords(sentences: readonly (readonly string[])[], options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): WordClusters {
  const counts = new Map<string, number>();
  for (const words of sentences) for (const word of words) {
    const key = clusterKey(word);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const vocabulary = [...counts].filter(([, n]) => n >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
  const ids = new Map(vocabulary.map((word, id) => [word, id]));
  // Two extra ids: the sentence boundary and the rare words.
  const boundary = vocabulary.length;
  const rare = vocabulary.length + 1;
  const encoded = sentences.map((words) => {
    const out = new Int32Array(words.length + 2);
    out[0] = boundary;
    words.forEach((word, k) => (out[k + 1] = ids.get(clusterKey(word)) ?? rare));
    out[words.length + 1] = boundary;
    return out;
  });
  options.log?.(`${sentences.length} sentences, ${vocabulary.length} words seen at least ${options.minCount} times`);
  const paths = exchangeClusters(encoded, vocabulary.length + 2, options);
  const result = new Map<string, string>();
  vocabulary.forEach((word, id) => result.set(word, paths[id].toString(2).padStart(options.depth, '0')));
  return { paths: result };
}

// ---- Unlabeled text --------------------------------------------------------------------------------

/** Sentences of a text as our tokenizer and segmenter split them. */
export function textSentences(text: string): string[][] {
  const doc = new Doc(text);
  tokenize(doc);
  segment(doc);
  return doc.sentences.map(({ tokenStart, tokenEnd }) => {
    const words: string[] = [];
    for (let i = tokenStart; i < tokenEnd; i++) words.push(doc.word(i));
    return words;
  });
}

/** A JSONL corpus ({"text": …} per line) or a plain text file, as sentences. */
export async function readTextSentences(path: string): Promise<string[][]> {
  const texts = path.endsWith('.jsonl') ? await readCorpusTexts(path) : [await readFile(path, 'utf8')];
  return texts.flatMap(textSentences);
}

/** The unlabeled training text: CoNLL-2003 train tokens, GUM train and PolNeAR train texts, plus `extra` files. */
export async function loadClusterText(dataDir: string, extra: readonly string[] = []): Promise<string[][]> {
  const [conll, gum, polnear, ...more] = await Promise.all([
    readConll2003(join(dataDir, 'conll2003', 'eng.train')),
    readGumSplit(join(dataDir, 'gum'), 'train'),
    readTextSentences(join(dataDir, 'polnear', 'train.jsonl')),
    ...extra.map(readTextSentences),
  ]);
  return [...conll.map((s) => s.words), ...gum.map((s) => s.words), ...polnear, ...more.flat()];
}
