import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { articleText } from '../cli/commands/analyze.js';
import { CorpusEngine, type IncomingArticle } from '../core/corpus/corpus.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import { defaultLexicon } from '../core/lexicon/index.js';
import { sharedDataPath } from '../eval/data-path.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { analyseBases, syntheticArticles } from '../scale/corpus-bench.js';
import { readerView } from '../store/conformance.js';
import type { Store } from '../store/types.js';
import { contentId } from './ids.js';
import { DEFAULT_BATCH_SIZE } from './ingest.js';
import { StoredCorpus } from './placement.js';

/**
 * A resumed ingest builds the corpus an uninterrupted one builds, and the store-backed engine the
 * corpus the one holding everything in memory builds. Ingest resumes by opening the store and
 * starting a corpus engine from its snapshot; this test does exactly that at several
 * points of a run over real news (PolNeAR train, where names such as "Kennedy" and "Trump" belong
 * to several entities), writing batches to SQLite files, and compares everything a reader sees.
 * The queue's writer resumes the same way; src/scale/queue.test.ts checks it with a killed worker.
 */

const POLNEAR_TRAIN = sharedDataPath('polnear/train.jsonl');
/** Enough articles for names to be shared by several entities (the split at 286 differed before). */
const ARTICLES = 500;
const SPLITS: number[][] = [[286], [120, 250, 420]];
/** Synthetic variants of the first texts: 12 of each, over four days. */
const VARIANT_BASES = 30;
const VARIANTS = 360;

const present = existsSync(POLNEAR_TRAIN);
if (!present) console.warn(`no ${POLNEAR_TRAIN}: resumed ingest compared on real news skipped (set CLAIMGRAPH_DATA)`);
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)('a resumed ingest (PolNeAR train)', () => {
  let incoming: IncomingArticle[];
  let variants: IncomingArticle[];

  /**
   * Places every article into a new SQLite file, resuming from the file at each split; `window`
   * is how many LSH buckets, story postings and claim postings the store-backed engine keeps loaded.
   */
  const place = async (name: string, splits: readonly number[], window?: number, articles = incoming): Promise<Store> => {
    const path = join(dir, `${name}.db`);
    let store = openSqliteStore(path);
    let corpus = await StoredCorpus.open(store, { lexicon: defaultLexicon(), window });
    for (const [i, article] of articles.entries()) {
      if (splits.includes(i)) {
        await store.write(corpus.takeBatch());
        await store.close();
        store = openSqliteStore(path);
        corpus = await StoredCorpus.open(store, { lexicon: defaultLexicon(), window });
      }
      await corpus.add(article);
      if ((i + 1) % DEFAULT_BATCH_SIZE === 0) await store.write(corpus.takeBatch());
    }
    await store.write(corpus.takeBatch());
    return store;
  };

  /** Places every article with an engine that holds everything in memory, writing its batches to a new SQLite file. */
  const placeInMemory = async (name: string, articles: readonly IncomingArticle[]): Promise<Store> => {
    const store = openSqliteStore(join(dir, `${name}.db`));
    const engine = new CorpusEngine({ lexicon: defaultLexicon() });
    for (const [i, article] of articles.entries()) {
      engine.add(article);
      if ((i + 1) % DEFAULT_BATCH_SIZE === 0) await store.write(engine.takeBatch());
    }
    await store.write(engine.takeBatch());
    return store;
  };

  beforeAll(async () => {
    const analyzer = await createAnalyzer();
    const texts = readFileSync(POLNEAR_TRAIN, 'utf8').split('\n').filter(Boolean).slice(0, ARTICLES)
      .map((line) => articleText({ text: JSON.parse(line).text, title: null }));
    const seen = new Set<string>();
    incoming = texts.flatMap((text, i) => {
      const id = contentId(text);
      if (seen.has(id)) return [];
      seen.add(id);
      const published = `2016-0${1 + (i % 9)}-1${i % 10}`;
      return [{ id, prepared: prepareArticle(analyzer.run(text)), title: null, source: null, url: null, path: `polnear:${i + 1}`, published, ingestedAt: '2016-12-31T00:00:00.000Z' }];
    });
    variants = [...syntheticArticles(analyseBases(analyzer, texts.slice(0, VARIANT_BASES)), VARIANTS)];
  }, 120_000);

  it('equals the uninterrupted one, split at any of several points', { timeout: 120_000 }, async () => {
    const whole = await place('whole', []);
    const expected = await readerView(whole);
    expect(expected.contradictions.length).toBeGreaterThan(0);
    for (const splits of SPLITS) {
      const resumed = await place(`split-${splits.join('-')}`, splits);
      expect(await readerView(resumed), `split at ${splits.join(', ')}`).toEqual(expected);
      await resumed.close();
    }
    await whole.close();
  });

  it('is the corpus an engine holding everything in memory builds, however small the windows of the store-backed one', { timeout: 240_000 }, async () => {
    // Real news, and synthetic variants of it (as bench-corpus makes) where stories grow, merge and copies recur.
    for (const [name, articles] of [['news', incoming], ['variants', variants]] as const) {
      const memory = await placeInMemory(`memory-${name}`, articles);
      const expected = await readerView(memory);
      for (const window of [undefined, 1]) {
        const stored = await place(`window-${window ?? 'default'}-${name}`, [], window, articles);
        expect(await readerView(stored), `${name}, window ${window ?? 'default'}`).toEqual(expected);
        await stored.close();
      }
      await memory.close();
    }
    expect(new Set(variants.map((a) => a.id)).size).toBe(variants.length);
  });
});
