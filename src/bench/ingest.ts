import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../analyze.js';
import { articleText } from '../cli/commands/analyze.js';
import { DUPLICATE_THRESHOLD } from '../core/corpus/corpus.js';
import { storyFeatures } from '../core/corpus/prepare.js';
import { LshIndex, minhash, shingles } from '../core/corpus/minhash.js';
import { normalizeName } from '../core/corpus/names.js';
import { StoryClusterer, type StoryFeatures } from '../core/corpus/stories.js';
import type { Doc } from '../core/doc.js';
import { CoreError } from '../core/errors.js';
import { defaultWorkers, ingest } from '../corpus/ingest.js';
import { formatTable } from '../eval/table.js';
import { openSqliteStore } from '../store/sqlite/index.js';

/**
 * The corpus benchmark (`claimgraph bench-ingest`): ingest into SQLite against analysis alone on
 * the same texts, the database size, and the time to place synthetic articles (near-copy check
 * and story clustering) at 1k and 10k articles, which should grow linearly.
 */

export interface IngestBenchReport {
  articles: number;
  analyse: { seconds: number; articlesPerSecond: number };
  /**
   * `workers`: the analysis threads ingest used beside its main thread (0: analysis inline).
   * The rate is the steady one, from the first article stored to the last; `startupSeconds`, the
   * time before the first (loading models in the threads), is reported apart, as the analysis
   * rate is measured on a loaded, warmed analyser.
   */
  ingest: { seconds: number; articlesPerSecond: number; workers: number; startupSeconds: number };
  /** Ingest rate over analysis rate. */
  ratio: number;
  dbMBPer1kArticles: number;
  clustering: Array<{ articles: number; seconds: number; msPerArticle: number }>;
  /** Time per article at the largest size over time per article at the smallest: 1 is linear. */
  clusteringGrowth: number;
}

export const INGEST_TARGETS = { ratio: 0.8, clusteringGrowth: 1.5 };

/** Texts analysed untimed first, so JIT compilation and lazy loading are not timed. */
const WARMUP_ARTICLES = 20;
export const CLUSTERING_SIZES = [1_000, 10_000];
/** Synthetic articles arrive at this rate whatever their number, as a growing archive would. */
const SYNTHETIC_PER_DAY = 30;

export interface IngestBenchOptions {
  /** Analysis threads for ingest; default as `claimgraph ingest`. */
  workers?: number;
  /** Synthetic corpus sizes to time clustering at, smallest first. */
  sizes?: readonly number[];
  /** Each measurement is taken this often, interleaved, and the fastest counts (shared machines are noisy). */
  repeats?: number;
  onPhase?: (phase: string) => void;
}

export async function runIngestBenchmark(texts: readonly string[], options: IngestBenchOptions = {}): Promise<IngestBenchReport> {
  const { workers = defaultWorkers(), sizes = CLUSTERING_SIZES, repeats = 2, onPhase } = options;
  if (texts.length === 0) throw new CoreError('CG_E007', 'the corpus holds no texts');
  const analyzer = await createAnalyzer();
  const prepared = texts.map((text) => articleText({ text, title: null }));
  for (const text of prepared.slice(0, WARMUP_ARTICLES)) analyzer.run(text);
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-ingest-'));
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, texts.map((text, i) => JSON.stringify({ id: `t${i}`, text })).join('\n'));

  let docs: Doc[] = [];
  let analyseSeconds = Infinity;
  let ingestSeconds = Infinity;
  let ingestRate = 0;
  let startupSeconds = Infinity;
  let dbBytes = 0;
  try {
    for (let pass = 1; pass <= repeats; pass++) {
      onPhase?.(`analysis alone (${pass}/${repeats})`);
      let start = performance.now();
      docs = prepared.map((text) => analyzer.run(text));
      analyseSeconds = Math.min(analyseSeconds, (performance.now() - start) / 1000);

      onPhase?.(`ingest into SQLite (${pass}/${repeats})`);
      const path = join(dir, `corpus-${pass}.db`);
      const store = openSqliteStore(path);
      start = performance.now();
      let first: { at: number; ingested: number } | null = null;
      const summary = await ingest(store, [corpus], {
        workers,
        onProgress: ({ ingested }) => {
          if (first === null && ingested > 0) first = { at: performance.now(), ingested };
        },
      });
      const end = performance.now();
      ingestSeconds = Math.min(ingestSeconds, (end - start) / 1000);
      if (first !== null) {
        const { at, ingested } = first;
        startupSeconds = Math.min(startupSeconds, (at - start) / 1000);
        ingestRate = Math.max(ingestRate, (summary.ingested - ingested) / ((end - at) / 1000));
      }
      await store.close();
      dbBytes = statSync(path).size;
      if (summary.failed.length > 0) throw new CoreError('CG_E007', `${summary.failed.length} texts failed to ingest: ${summary.failed[0].error}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const bases = docs.map((doc, i) => {
    // Entities by normalised name stand in for canonical ids.
    const { entities, ...features } = storyFeatures(doc);
    const byName = new Map([...entities].map(([local, count]) => [normalizeName(doc.entityById(local)?.name ?? local), count]));
    return { text: prepared[i], features: { ...features, entities: byName } };
  });
  const best = new Map<number, number>();
  for (let pass = 1; pass <= repeats; pass++) {
    for (const size of sizes) {
      onPhase?.(`clustering ${size} synthetic articles (${pass}/${repeats})`);
      best.set(size, Math.min(best.get(size) ?? Infinity, timeClustering(bases, size)));
    }
  }
  const clustering = sizes.map((size) => {
    const seconds = best.get(size) as number;
    return { articles: size, seconds: significant(seconds), msPerArticle: significant((seconds * 1000) / size) };
  });
  const [smallest, largest] = [clustering[0], clustering[clustering.length - 1]];
  return {
    articles: texts.length,
    analyse: { seconds: significant(analyseSeconds), articlesPerSecond: round(texts.length / analyseSeconds, 1) },
    ingest: { seconds: significant(ingestSeconds), articlesPerSecond: round(ingestRate, 1), workers, startupSeconds: significant(startupSeconds) },
    ratio: significant(ingestRate / (texts.length / analyseSeconds)),
    dbMBPer1kArticles: round((dbBytes / texts.length) * 1000 / (1024 * 1024), 2),
    clustering,
    clusteringGrowth: significant(largest.msPerArticle / smallest.msPerArticle),
  };
}

/**
 * Places `size` synthetic articles: article k varies base text k mod n by dropping about a fifth of
 * its paragraphs (for the near-copy check) and of its terms and entities (for clustering), and
 * arrives on day k / 30. Returns the seconds the near-copy check and the clustering took together.
 */
function timeClustering(bases: ReadonlyArray<{ text: string; features: StoryFeatures }>, size: number): number {
  const random = seeded(size);
  const keep = <T>(items: Iterable<T>): T[] => [...items].filter(() => random() >= 0.2);
  const articles = Array.from({ length: size }, (_, k) => {
    const base = bases[k % bases.length];
    const paragraphs = base.text.split('\n\n');
    return {
      text: [paragraphs[0], ...keep(paragraphs.slice(1))].join('\n\n'),
      features: { body: new Map(keep(base.features.body)), title: base.features.title, entities: new Map(keep(base.features.entities)) },
      day: k / SYNTHETIC_PER_DAY,
    };
  });
  const lsh = new LshIndex();
  const clusterer = new StoryClusterer();
  const start = performance.now();
  articles.forEach(({ text, features, day }, k) => {
    const signature = minhash(shingles(text));
    lsh.nearest(signature, DUPLICATE_THRESHOLD);
    lsh.add({ id: `a${k}`, seq: k + 1, story: '', signature });
    clusterer.assign(clusterer.vectorize(features), day, k + 1, '', `s${k}`);
  });
  return (performance.now() - start) / 1000;
}

/** A small deterministic generator (mulberry32), so every run synthesises the same articles. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const significant = (value: number): number => Number(value.toPrecision(4));
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

export function formatIngestBenchReport(r: IngestBenchReport): string {
  return formatTable([
    ['metric', 'measured', 'target', 'status'],
    ['articles', String(r.articles), '', ''],
    ['articles/s, analysis alone', r.analyse.articlesPerSecond.toFixed(1), '', ''],
    [`articles/s, ingest into SQLite (${r.ingest.workers} workers)`, r.ingest.articlesPerSecond.toFixed(1), '', ''],
    ['ingest start-up (threads, models)', `${r.ingest.startupSeconds} s`, '', ''],
    ['ingest / analysis', `${(r.ratio * 100).toFixed(1)} %`, `≥ ${INGEST_TARGETS.ratio * 100} %`, verdict(r.ratio >= INGEST_TARGETS.ratio)],
    ['database size per 1k articles', `${r.dbMBPer1kArticles.toFixed(2)} MB`, '', ''],
    ...r.clustering.map((c) => [`clustering ${c.articles} articles`, `${c.seconds.toFixed(2)} s (${c.msPerArticle.toFixed(3)} ms each)`, '', '']),
    ['time per article, largest / smallest', `${r.clusteringGrowth.toFixed(2)}×`, `≤ ${INGEST_TARGETS.clusteringGrowth}× (linear: 1×)`, verdict(r.clusteringGrowth <= INGEST_TARGETS.clusteringGrowth)],
  ]);
}
