import { createWriteStream, readFileSync } from 'node:fs';
import { createAnalyzer } from '../analyze.js';
import type { Pipeline } from '../core/pipeline.js';
import { seeded } from '../bench/ingest.js';
import { articleText } from '../cli/commands/analyze.js';
import type { IncomingArticle } from '../core/corpus/corpus.js';
import { minhash, shingles } from '../core/corpus/minhash.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import { createLexicon } from '../core/lexicon/index.js';
import { contentId } from '../corpus/ids.js';
import { DEFAULT_BATCH_SIZE } from '../corpus/ingest.js';
import { HeapCap } from '../corpus/heap-cap.js';
import { StoredCorpus } from '../corpus/placement.js';
import { formatTable } from '../eval/table.js';
import { CorpusView } from '../server/corpus-view.js';
import type { Store } from '../store/types.js';
import { createBenchDatabase } from './bench-database.js';

/**
 * The corpus at scale (`claimgraph bench-corpus`): N synthetic articles placed into one new
 * corpus (SQLite, or a schema of its own in PostgreSQL: ./bench-database.ts), as one long ingest,
 * timing only the placement (corpus engine and store write; analysis is the part workers
 * parallelise, measured by bench-ingest). Article k varies base text k mod n
 * (the texts analysed once): about a fifth of its paragraphs, body terms and entities dropped, a
 * date of its own (ARTICLES_PER_DAY a day), and, from the second pass over the texts on, half of
 * the people renamed with names made of the texts' own given names and surnames, new for each pass,
 * so that the entity registry grows as in a real stream. Reported per tenth of the run: placement
 * rate, peak RSS, database size per 1,000 articles; at the end, the time to resume (what ingest
 * start-up and a queue writer's takeover load) and the latency of the list queries.
 */

const ARTICLES_PER_DAY = 100;
const TENTHS = 10;
const QUERY_REPEATS = 5;

export interface CorpusBenchTenth {
  /** Articles placed by the end of this tenth. */
  articles: number;
  articlesPerSecond: number;
  peakRssMB: number;
  /**
   * At the end of the tenth: the JavaScript heap in use (what is retained when node runs with
   * --expose-gc, which forces a full collection first), the heap V8 has reserved, and the
   * memory outside the heap (RSS less the heap: SQLite's page cache, buffers, code). This process
   * only: a PostgreSQL server's memory is not counted.
   */
  heapUsedMB: number;
  heapTotalMB: number;
  outsideHeapMB: number;
  /** Database growth in this tenth, per 1,000 articles. */
  dbMBPer1k: number;
  /** Milliseconds per article in this tenth: the corpus engine's placing with its store lookups, and the store's batch writes. */
  engineMsPerArticle: number;
  writeMsPerArticle: number;
  /**
   * Bytes this process handed to write() in this tenth (SQLite's WAL and checkpoints; a PostgreSQL
   * client's socket), MB per 1,000 articles, from /proc/self/io; null where that is not readable.
   */
  writtenMBPer1k: number | null;
}

export interface CorpusBenchReport {
  store: 'SQLite' | 'PostgreSQL';
  articles: number;
  baseTexts: number;
  tenths: CorpusBenchTenth[];
  /** Last tenth's rate over the first's (target ≥ 0.85), and peak RSS likewise (target ≤ 1.15). */
  rateRatio: number;
  rssRatio: number;
  dbMB: number;
  /** The writer's heap cap (src/corpus/heap-cap.ts), or null when turned off. */
  heapCapMB: number | null;
  /** Reading the snapshot and starting an engine from it, at the end. */
  resumeSeconds: number;
  /** Median milliseconds of each query at the end. */
  queries: Record<string, number>;
}

export const CORPUS_BENCH_TARGETS = { rateRatio: 0.85, rssRatio: 1.15, peakRssMB: 600 };

export interface CorpusBenchOptions {
  articles: number;
  /** A new database file (default: a temporary one, deleted after), or a postgres:// URL to fill a schema of its own in, dropped after. */
  db?: string;
  onProgress?: (line: string) => void;
}

export async function runCorpusBenchmark(texts: readonly string[], options: CorpusBenchOptions): Promise<CorpusBenchReport> {
  const { articles: total, onProgress } = options;
  // The database first: an unreachable server is refused before the minutes of analysis.
  const database = await createBenchDatabase(options.db);
  let store: Store | null = null;
  try {
    const analyzer = await createAnalyzer();
    onProgress?.(`analysing ${texts.length} base texts`);
    const bases = analyseBases(analyzer, texts);
    const names = namePool(bases.map((b) => b.prepared));
    store = await database.open();
    const corpus = await StoredCorpus.open(store, { lexicon: createLexicon() });
    const tenths: CorpusBenchTenth[] = [];
    const articles = syntheticArticles(bases, total);
    let placing = 0;
    let writing = 0;
    let written = bytesWritten();
    let peak = 0;
    let lastSize = await database.sizeBytes();
    let tenthStart = 0;
    for (let k = 0; k < total; k++) {
      const article = articles.next().value as IncomingArticle;
      const start = performance.now();
      await corpus.add(article);
      if ((k + 1) % DEFAULT_BATCH_SIZE === 0 || k + 1 === total) {
        const writeStart = performance.now();
        await store.write(corpus.takeBatch());
        writing += performance.now() - writeStart;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      placing += performance.now() - start;
      if (((k + 1) % Math.max(1, Math.floor(total / TENTHS)) === 0 && tenths.length < TENTHS - 1) || k + 1 === total) {
        const now = await database.sizeBytes();
        const placed = k + 1 - tenthStart;
        const writtenNow = bytesWritten();
        (globalThis as { gc?: () => void }).gc?.();
        const memory = process.memoryUsage();
        tenths.push({
          articles: k + 1,
          articlesPerSecond: round(placed / (placing / 1000), 1),
          peakRssMB: round(peak / 2 ** 20, 1),
          heapUsedMB: round(memory.heapUsed / 2 ** 20, 1),
          heapTotalMB: round(memory.heapTotal / 2 ** 20, 1),
          outsideHeapMB: round((memory.rss - memory.heapTotal) / 2 ** 20, 1),
          dbMBPer1k: round(((now - lastSize) / placed) * 1000 / 2 ** 20, 2),
          engineMsPerArticle: round((placing - writing) / placed, 2),
          writeMsPerArticle: round(writing / placed, 2),
          writtenMBPer1k: writtenNow === null || written === null ? null : round(((writtenNow - written) / placed) * 1000 / 2 ** 20, 1),
        });
        onProgress?.(`${k + 1} placed: ${tenths[tenths.length - 1].articlesPerSecond} articles/s, peak RSS ${tenths[tenths.length - 1].peakRssMB} MB`);
        [placing, writing, written, peak, lastSize, tenthStart] = [0, 0, writtenNow, 0, now, k + 1];
      }
    }
    await store.close();
    store = await database.open();
    const resumeStart = performance.now();
    await StoredCorpus.open(store, { lexicon: createLexicon() });
    const resumeSeconds = (performance.now() - resumeStart) / 1000;
    const queries = await timeQueries(store, names.surnames[0] ?? 'said');
    const [first, last] = [tenths[0], tenths[tenths.length - 1]];
    return {
      store: database.kind,
      articles: total,
      baseTexts: texts.length,
      tenths,
      rateRatio: round(last.articlesPerSecond / first.articlesPerSecond, 3),
      rssRatio: round(last.peakRssMB / first.peakRssMB, 3),
      dbMB: round((await database.sizeBytes()) / 2 ** 20, 1),
      heapCapMB: HeapCap.fromEnvironment()?.mb ?? null,
      resumeSeconds: round(resumeSeconds, 2),
      queries,
    };
  } finally {
    await store?.close();
    await database.remove();
  }
}

/**
 * Median milliseconds of the list queries the API and CLI serve, and of the server's pages (the
 * latest article, the most mentioned entity, the largest story), on the finished corpus.
 */
async function timeQueries(store: Store, name: string): Promise<Record<string, number>> {
  const view = new CorpusView(store);
  const [[article], [entity], [story]] = await Promise.all([store.articleSummaries({ limit: 1 }), store.entities({ limit: 1 }), store.stories({ limit: 1, articles: 0 })]);
  const queries: Record<string, () => Promise<unknown>> = {
    'articles (first 100)': () => view.articles({ limit: 100 }),
    'article page (latest)': () => view.article(article.id),
    'entity page (most mentioned)': () => view.entity(entity.id),
    'story page (largest)': () => view.story(story.id),
    'actor network': () => view.network(),
    'entities (top 50)': () => store.entities({ limit: 50 }),
    [`entities matching "${name}"`]: () => store.entities({ q: name, limit: 50 }),
    'quotes matching "said president" (50)': () => store.quotes({ q: 'said president', limit: 50 }),
    'stories (first 50, 20 articles each)': () => store.stories({ limit: 50, articles: 20 }),
    'stories (all)': () => store.stories(),
    'contradictions (first 50)': () => store.contradictions({ limit: 50 }),
    'contradictions (all)': () => store.contradictions(),
  };
  const out: Record<string, number> = {};
  for (const [label, query] of Object.entries(queries)) {
    const times: number[] = [];
    for (let i = 0; i < QUERY_REPEATS; i++) {
      const start = performance.now();
      await query();
      times.push(performance.now() - start);
    }
    out[label] = round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)], 1);
  }
  return out;
}

export interface Base {
  text: string;
  prepared: PreparedArticle;
}

/** The base texts, analysed once. */
export function analyseBases(analyzer: Pipeline, texts: readonly string[]): Base[] {
  return texts.map((raw) => {
    const text = articleText({ text: raw, title: null });
    return { text, prepared: prepareArticle(analyzer.run(text)) };
  });
}

/** Synthetic articles 0 to `total` − 1 made from the bases (see the module comment); the same every time. */
export function* syntheticArticles(bases: readonly Base[], total: number): Generator<IncomingArticle> {
  const names = namePool(bases.map((b) => b.prepared));
  const random = seeded(total);
  for (let k = 0; k < total; k++) yield synthetic(bases, names, k, random);
}

/** Given names and surnames of the people in the base texts. */
function namePool(prepared: readonly PreparedArticle[]): NamePool {
  const given = new Set<string>();
  const surnames = new Set<string>();
  for (const p of prepared) {
    for (const e of p.analysis.entities) {
      const words = e.name.split(/\s+/);
      if (e.type !== 'PERSON' || e.unnamed || words.length !== 2 || !words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w))) continue;
      given.add(words[0]);
      surnames.add(words[1]);
    }
  }
  return { given: [...given].sort(), surnames: [...surnames].sort() };
}

/** Writes `total` synthetic texts made from `texts` to `out` as JSONL (`bench-corpus --texts`). */
export async function writeSyntheticTexts(texts: readonly string[], total: number, out: string, onProgress?: (line: string) => void): Promise<void> {
  onProgress?.(`analysing ${texts.length} base texts`);
  const bases = analyseBases(await createAnalyzer(), texts);
  const file = createWriteStream(out, { flags: 'wx' });
  const done = new Promise<void>((resolve, reject) => file.on('finish', resolve).on('error', reject));
  for (const record of syntheticTexts(bases, total)) {
    if (!file.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
  }
  file.end();
  await done;
  onProgress?.(`${total} synthetic texts written to ${out}`);
}

/** Synthetic article k (see the module comment). */
function synthetic(bases: readonly Base[], names: NamePool, k: number, random: () => number): IncomingArticle {
  const { text, prepared } = bases[k % bases.length];
  const keep = <T>(items: Iterable<T>): T[] => [...items].filter(() => random() >= 0.2);
  const variant = droppingParagraphs(text, keep);
  const { renamed, rename } = renaming(prepared, names, Math.floor(k / bases.length));
  const entities = prepared.analysis.entities.map((e) => (renamed.has(e.id) ? { ...e, name: rename(e.name), aliases: e.aliases.map(rename) } : e));
  const { features } = prepared;
  return {
    id: contentId(`synthetic ${k}\n${variant}`),
    prepared: {
      ...prepared,
      analysis: { ...prepared.analysis, entities },
      signature: minhash(shingles(variant)),
      features: { body: new Map(keep(features.body)), title: features.title, entities: new Map(keep(features.entities)) },
    },
    title: null,
    source: `source ${k % 7}`,
    url: null,
    path: `synthetic:${k}`,
    published: syntheticDate(k),
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A synthetic article as a text, for `claimgraph ingest` and `enqueue`: one JSONL record. */
export interface SyntheticText {
  id: string;
  source: string;
  published: string;
  text: string;
}

/**
 * Synthetic articles 0 to `total` − 1 as texts (`bench-corpus --texts`): the same variants as
 * {@link syntheticArticles} (paragraphs dropped, a date each, half the people renamed from the
 * second pass on, in the words of the text: "Zamir Kabulov" and a lone "Kabulov" alike), so that
 * analysis runs on them as on any document, in separate ingests or on the queue's workers.
 */
export function* syntheticTexts(bases: readonly Base[], total: number): Generator<SyntheticText> {
  const names = namePool(bases.map((b) => b.prepared));
  const random = seeded(total);
  for (let k = 0; k < total; k++) {
    const { text, prepared } = bases[k % bases.length];
    let variant = droppingParagraphs(text, (items) => [...items].filter(() => random() >= 0.2));
    const { renamed, rename } = renaming(prepared, names, Math.floor(k / bases.length));
    for (const e of prepared.analysis.entities) {
      if (!renamed.has(e.id)) continue;
      const [words, renamedWords] = [e.name.split(/\s+/), rename(e.name).split(' ')];
      variant = variant.replace(new RegExp(`\\b${escapeRegExp(e.name)}\\b`, 'g'), renamedWords.join(' '));
      if (words.length > 1) variant = variant.replace(new RegExp(`\\b${escapeRegExp(words[words.length - 1])}\\b`, 'g'), renamedWords[renamedWords.length - 1]);
    }
    yield { id: `synthetic-${k}`, source: `source ${k % 7}`, published: syntheticDate(k), text: variant };
  }
}

interface NamePool {
  given: string[];
  surnames: string[];
}

/** The headline and about four in five of the other paragraphs. */
function droppingParagraphs(text: string, keep: (items: string[]) => string[]): string {
  const paragraphs = text.split('\n\n');
  return [paragraphs[0], ...keep(paragraphs.slice(1))].join('\n\n');
}

/** Which named people of a base text pass `pass` renames (half of them, from the second pass on), and their new names. */
function renaming(prepared: PreparedArticle, names: NamePool, pass: number): { renamed: Set<string>; rename: (name: string) => string } {
  const rename = (name: string): string => {
    if (pass === 0 || names.surnames.length === 0) return name;
    const words = name.split(/\s+/);
    const pick = (list: string[], word: string): string => list[hash(`${pass}\u0000${word}`) % list.length];
    return words.map((w, i) => (i === words.length - 1 ? pick(names.surnames, w) : pick(names.given, w))).join(' ');
  };
  const renamed = new Set(prepared.analysis.entities.filter((e) => e.type === 'PERSON' && !e.unnamed && hash(`${pass}\u0000${e.name}`) % 2 === 0).map((e) => e.id));
  return { renamed: pass === 0 ? new Set() : renamed, rename };
}

const syntheticDate = (k: number): string => new Date(Date.UTC(2016, 0, 1) + Math.floor(k / ARTICLES_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Bytes this process has passed to write() (Linux), or null. */
function bytesWritten(): number | null {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

export function formatCorpusBenchReport(r: CorpusBenchReport): string {
  const t = CORPUS_BENCH_TARGETS;
  const peak = Math.max(...r.tenths.map((x) => x.peakRssMB));
  return [
    formatTable([
      ['articles placed', 'articles/s (this tenth)', 'ms per article: engine + write', 'peak RSS (this tenth)', 'heap used / reserved, outside it (end of tenth)', 'DB MB per 1k (this tenth)', 'MB written per 1k'],
      ...r.tenths.map((x) => [
        String(x.articles),
        x.articlesPerSecond.toFixed(1),
        `${x.engineMsPerArticle.toFixed(2)} + ${x.writeMsPerArticle.toFixed(2)}`,
        `${x.peakRssMB.toFixed(0)} MB`,
        `${x.heapUsedMB.toFixed(0)} / ${x.heapTotalMB.toFixed(0)} MB, ${x.outsideHeapMB.toFixed(0)} MB`,
        x.dbMBPer1k.toFixed(2),
        x.writtenMBPer1k === null ? 'n/a' : x.writtenMBPer1k.toFixed(0),
      ]),
    ]),
    '',
    formatTable([
      ['metric', 'measured', 'target', 'status'],
      ['rate, last tenth / first', `${(r.rateRatio * 100).toFixed(1)} %`, `≥ ${t.rateRatio * 100} %`, verdict(r.rateRatio >= t.rateRatio)],
      ['peak RSS, last tenth / first', `${r.rssRatio.toFixed(2)}×`, `≤ ${t.rssRatio}×`, verdict(r.rssRatio <= t.rssRatio)],
      ['peak RSS', `${peak.toFixed(0)} MB`, `≤ ${t.peakRssMB} MB`, verdict(peak <= t.peakRssMB)],
      ['database', `${r.dbMB.toFixed(0)} MB`, '', ''],
      ['writer heap cap', r.heapCapMB === null ? 'none' : `${r.heapCapMB} MB`, '', ''],
      ['resume (snapshot + engine)', `${r.resumeSeconds.toFixed(2)} s`, '', ''],
      ...Object.entries(r.queries).map(([label, ms]) => [`query: ${label}`, `${ms.toFixed(1)} ms`, '', '']),
    ]),
  ].join('\n');
}
