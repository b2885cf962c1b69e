import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../store/errors.js';
import { createTestDatabase, NO_SERVER_MESSAGE } from '../store/postgres/test-database.js';
import { runCorpusBenchmark, writeSyntheticTexts } from './corpus-bench.js';

const TEXTS = [
  'Maria Lopez, the finance minister, said on Monday that the budget is balanced.\n\nCritics in Madrid disagree.\n\nThe opposition asked for a vote.',
  '"We will not resign," John Carter told reporters in Boston.\n\nHe spoke after the meeting.\n\nThe council meets again in May.',
  'Officials at the Department of Energy did not comment on the report.\n\nThe report was published on Friday.',
];

const database = await createTestDatabase();
if (!database) console.warn(NO_SERVER_MESSAGE);
afterAll(() => database?.drop());

/** The schemas of the test database, its own included. */
async function schemas(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT nspname FROM pg_namespace ORDER BY nspname`);
    return rows.map((row) => row.nspname as string);
  } finally {
    await client.end();
  }
}

describe.skipIf(!database)('bench-corpus on PostgreSQL', () => {
  it('places every article in a schema of its own, reports each tenth, and drops the schema', async () => {
    const url = (database as { url: string }).url;
    const before = await schemas(url);
    const report = await runCorpusBenchmark(TEXTS, { articles: 20, db: url });
    expect(report.store).toBe('PostgreSQL');
    expect(report.articles).toBe(20);
    expect(report.tenths.map((t) => t.articles)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    for (const tenth of report.tenths) expect(tenth.articlesPerSecond).toBeGreaterThan(0);
    // RSS is sampled as each batch is written, so here only in the last tenth.
    expect(report.tenths[9].peakRssMB).toBeGreaterThan(0);
    expect(report.dbMB).toBeGreaterThan(0);
    expect(Object.keys(report.queries)).toEqual(expect.arrayContaining(['stories (first 50, 20 articles each)', 'contradictions (first 50)', 'contradictions (all)']));
    // The server's pages, through the store's indexes, on PostgreSQL too.
    expect(Object.keys(report.queries)).toEqual(expect.arrayContaining(['article page (latest)', 'entity page (most mentioned)', 'story page (largest)', 'actor network']));
    expect(Object.keys(report.queries)).toHaveLength(12);
    expect(await schemas(url)).toEqual(before);
  }, 120_000);
});

describe('bench-corpus refusing a database it cannot use', () => {
  it('names an unreachable PostgreSQL server, before analysing anything', async () => {
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    await expect(runCorpusBenchmark(TEXTS, { articles: 10, db: 'postgres://claimgraph:secret@127.0.0.1:1/news' })).rejects.toThrow(
      new StoreError('cannot reach PostgreSQL at postgres://claimgraph:***@127.0.0.1:1/news: connect ECONNREFUSED 127.0.0.1:1'),
    );
  });

  it('gives the SQLite corpus when no --db is given', async () => {
    const report = await runCorpusBenchmark(TEXTS, { articles: 10 });
    expect(report.store).toBe('SQLite');
    expect(report.tenths).toHaveLength(10);
    // Where placing's time went, and what it wrote (Linux reports a process's bytes written).
    const total = report.tenths.reduce((sum, t) => sum + t.engineMsPerArticle + t.writeMsPerArticle, 0);
    expect(total).toBeGreaterThan(0);
    expect(report.tenths.reduce((sum, t) => sum + (t.writtenMBPer1k ?? 0), 0)).toBeGreaterThan(0);
  }, 60_000);
});

describe('bench-corpus --texts', () => {
  it('writes the synthetic articles as JSONL texts: a date each, the headline kept, people renamed in the words of the text from the second pass on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-texts-'));
    try {
      const out = join(dir, 'texts.jsonl');
      await writeSyntheticTexts(TEXTS, 30, out);
      const records = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
      expect(records).toHaveLength(30);
      expect(Object.keys(records[0]).sort()).toEqual(['id', 'published', 'source', 'text']);
      expect(records[0].published).toBe('2016-01-01');
      expect(new Set(records.map((r) => r.id)).size).toBe(30);
      // Base text 0's headline paragraph stays in every variant; John Carter (base text 1) loses his name on some pass.
      for (let k = 0; k < 30; k += 3) expect(records[k].text.startsWith('Maria Lopez') || records[k].text.includes('the finance minister')).toBe(true);
      const carters = records.filter((_, k) => k % 3 === 1).map((r) => r.text.includes('John Carter'));
      expect(carters[0]).toBe(true);
      expect(carters).toContain(false);
      // A renamed person keeps a name of the texts' own given names and surnames.
      const renamed = records.filter((r, k) => k % 3 === 1 && !r.text.includes('John Carter')).map((r) => /"We will not resign," (\S+ \S+) told/.exec(r.text)?.[1]);
      for (const name of renamed) expect(name).toMatch(/^(?:Maria|John) (?:Lopez|Carter)$/);
      await expect(writeSyntheticTexts(TEXTS, 3, out)).rejects.toThrow(/EEXIST/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
