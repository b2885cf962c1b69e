import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import type { Pipeline } from '../core/pipeline.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingest } from './ingest.js';

/**
 * Stories do not depend on the order articles are ingested in: the multi-source fixture
 * (test/fixtures/corpus: four articles on one story, two of them undated, and one unrelated) read
 * oldest first, newest first and shuffled gives the same stories. (src/core/corpus/stories.test.ts
 * checks stories spread over weeks.)
 */

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));
/** Oldest first, by the dates the articles give; the seed and the unrelated one give none. */
const OLDEST_FIRST = [
  'taliban-denies-sharing-is-intelligence-with-russia.txt',
  'mfa-briefing.jsonl',
  'kenya-drought-maize.txt',
  'taliban-website-statement.txt',
  'wire-copy-isil.html',
];

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-order-'));
let analyzer: Pipeline;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The stories as sets of file names, and the copy marks, after ingesting the files in `order`. */
async function storiesAfter(order: readonly string[]) {
  const store = openSqliteStore(join(dir, `${order.map((f) => f.slice(0, 3)).join('-')}.db`));
  const summary = await ingest(store, order.map((file) => join(FIXTURE, file)), { analyzer });
  expect(summary.failed).toEqual([]);
  const stories = (await store.stories()).map((s) => s.articles.map((a) => basename((a.path ?? '').replace(/[#:].*$/, ''))).sort()).sort();
  await store.close();
  return { stories };
}

describe('stories whatever the ingest order', () => {
  it('are the same oldest first, newest first and shuffled', { timeout: 60_000 }, async () => {
    const oldest = await storiesAfter(OLDEST_FIRST);
    expect(oldest.stories).toEqual([['kenya-drought-maize.txt'], ['mfa-briefing.jsonl', 'taliban-denies-sharing-is-intelligence-with-russia.txt', 'taliban-website-statement.txt', 'wire-copy-isil.html']]);
    expect((await storiesAfter([...OLDEST_FIRST].reverse())).stories).toEqual(oldest.stories);
    expect((await storiesAfter([OLDEST_FIRST[3], OLDEST_FIRST[0], OLDEST_FIRST[4], OLDEST_FIRST[2], OLDEST_FIRST[1]])).stories).toEqual(oldest.stories);
  });
});
