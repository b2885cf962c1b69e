import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import type { Pipeline } from '../core/pipeline.js';
import { buildApp } from '../server/app.js';
import { CorpusBusyError } from '../store/errors.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase, NO_SERVER_MESSAGE } from '../store/postgres/test-database.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingest } from './ingest.js';

/**
 * One writer per corpus: a second ingest into a corpus another is writing to stops at once with
 * CG_E010 naming the writer (the CLI exits 1, the API answers 409 with Retry-After), and writes
 * nothing; a lock left by a dead process is taken over.
 */

const CLI = fileURLToPath(new URL('../../bin/claimgraph.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../test/fixtures/corpus/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-writer-'));
let analyzer: Pipeline;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the writer lock (SQLite)', () => {
  it('refuses a second writer with the first one’s pid, and lets the next one in once released', async () => {
    const path = join(dir, 'two.db');
    const first = openSqliteStore(path);
    const second = openSqliteStore(path);
    const claim = await first.claimWriter();
    expect(JSON.parse(readFileSync(`${path}-writer`, 'utf8'))).toMatchObject({ pid: process.pid });
    const refused = ingest(second, [SEED], { analyzer });
    await expect(refused).rejects.toThrow(CorpusBusyError);
    await expect(refused).rejects.toThrow(`CG_E010: another ingest is writing to ${path} (pid ${process.pid}`);
    expect(await second.count()).toMatchObject({ articles: 0 });
    await claim.release();
    expect(existsSync(`${path}-writer`)).toBe(false);
    expect(await ingest(second, [SEED], { analyzer })).toMatchObject({ ingested: 1 });
    expect(existsSync(`${path}-writer`)).toBe(false);
    await Promise.all([first.close(), second.close()]);
  });

  it('takes over a lock left by a process that died', async () => {
    const path = join(dir, 'stale.db');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${path}-writer`, JSON.stringify({ pid: Number(dead.stdout), host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00.000Z', token: 'gone' }));
    const store = openSqliteStore(path);
    expect(await ingest(store, [SEED], { analyzer })).toMatchObject({ ingested: 1 });
    await store.close();
  });

  it('makes the CLI exit 1 with the reason (not 70), and the API answer 409 with Retry-After', { timeout: 60_000 }, async () => {
    const path = join(dir, 'busy.db');
    const store = openSqliteStore(path);
    const claim = await store.claimWriter();
    try {
      const cli = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [CLI, 'ingest', SEED, '--db', path, '--workers', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(new RegExp(`^claimgraph ingest: CG_E010: another ingest is writing to ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(pid ${process.pid}, since `));

      const app = buildApp({ store, token: 'writer-lock-test-token', analysis: { workers: 0, analyzer }, ingestWorkers: 0, refreshMs: 0 });
      const response = await app.inject({
        method: 'POST',
        url: '/api/ingest',
        headers: { authorization: 'Bearer writer-lock-test-token' },
        payload: { records: [{ text: 'Council votes on bridge plan\n\nThe council said on Monday it would repair the bridge.' }] },
      });
      expect(response.statusCode).toBe(409);
      expect(response.headers['retry-after']).toBe('10');
      expect(response.json()).toMatchObject({ code: 'CG_E010', message: expect.stringContaining('another ingest is writing to') });
      await app.close();
    } finally {
      await claim.release();
      await store.close();
    }
  });
});

const database = await createTestDatabase();
if (!database) console.warn(NO_SERVER_MESSAGE);

describe.skipIf(!database)('the writer lock (PostgreSQL)', () => {
  it('refuses a second writer while the first holds the corpus', async () => {
    const url = database?.url ?? '';
    const [first, second] = [await openPostgresStore(url), await openPostgresStore(url)];
    try {
      const claim = await first.claimWriter();
      await expect(ingest(second, [SEED], { analyzer })).rejects.toThrow(/^CG_E010: another writer is placing articles in this corpus \(server process \d+/);
      await claim.release();
      expect(await ingest(second, [SEED], { analyzer })).toMatchObject({ ingested: 1 });
    } finally {
      await Promise.all([first.close(), second.close(), database?.drop()]);
    }
  });
});
