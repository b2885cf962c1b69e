import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { ingest } from '../corpus/ingest.js';
import { sharedDataPath } from '../eval/data-path.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase, NO_SERVER_MESSAGE } from '../store/postgres/test-database.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { enqueue, queueStatus } from './queue.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/corpus');
const POLNEAR_DEV = sharedDataPath('polnear/dev.jsonl');
/** PolNeAR dev articles added to the fixture: enough for both workers to be busy when one is killed. */
const POLNEAR_SLICE = 20;

const database = await createTestDatabase();
if (!database) console.warn(NO_SERVER_MESSAGE);
if (!existsSync(POLNEAR_DEV)) console.warn(`no ${POLNEAR_DEV}: distributed ingest tested on the fixture alone`);
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-queue-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.drop();
});

/** The sources: the multi-source fixture, and a slice of PolNeAR dev when the data is there. */
function sources(): string[] {
  if (!existsSync(POLNEAR_DEV)) return [FIXTURE];
  const slice = join(dir, 'polnear-dev-slice.jsonl');
  const lines = readFileSync(POLNEAR_DEV, 'utf8').split('\n').filter(Boolean).slice(0, POLNEAR_SLICE);
  writeFileSync(slice, lines.map((line) => JSON.stringify({ id: JSON.parse(line).id, text: JSON.parse(line).text })).join('\n'));
  return [FIXTURE, slice];
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'bin/claimgraph.js'), 'worker', '--db', url, '--rescue', '1'], { cwd: ROOT, stdio: 'ignore' });
}

async function until(condition: () => Promise<boolean>, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not done after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Everything a reader sees of a corpus. */
async function results(store: Store) {
  return {
    count: await store.count(),
    quotes: await store.quotes(),
    stories: await store.stories(),
    contradictions: await store.contradictions(),
    entities: await store.entities(),
    links: await store.links(),
  };
}

describe.skipIf(!database)('distributed ingest (PostgreSQL, graphile-worker)', () => {
  // Read only when the suite runs, which is when there is a database.
  const url = database?.url ?? '';

  it('two workers, one killed mid-job, build the same corpus as one SQLite process, each article once', { timeout: 240_000 }, async () => {
    const paths = sources();
    const reference = openSqliteStore(join(dir, 'reference.db'));
    const single = await ingest(reference, paths, { analyzer: await createAnalyzer() });
    expect(single.failed).toEqual([]);

    const queued = await enqueue(url, paths);
    expect(queued).toEqual({ enqueued: single.ingested, duplicates: single.duplicates, failed: [] });
    expect((await enqueue(url, paths)).enqueued).toBe(0);
    expect(await queueStatus(url)).toMatchObject({ pending: single.ingested, running: 0, done: 0, failed: 0 });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // The first job as a worker that died holding it leaves it: locked by a pool whose process is gone.
    await client.query(`INSERT INTO queue_workers (pool, connection) VALUES ('pool-gone', 'claimgraph-worker-gone')`);
    await client.query(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'pool-gone'
      WHERE id = (SELECT min(id) FROM graphile_worker._private_jobs)`);
    expect(await queueStatus(url)).toMatchObject({ running: 1 });

    // A worker is killed in the middle of a job: the test holds a lock on the third document, so
    // that whichever worker takes its job waits there, and is then killed.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query('BEGIN');
    const [{ id: blocked }] = (await blocker.query(`SELECT id FROM queue_documents WHERE seq = (SELECT seq FROM queue_documents ORDER BY seq OFFSET 2 LIMIT 1) FOR UPDATE`)).rows;
    const workers = [startWorker(url), startWorker(url)];
    const finished = async () => {
      const status = await queueStatus(url);
      return status.done === single.ingested && status.pending === 0 && status.running === 0;
    };
    try {
      let doomed: ChildProcess | undefined;
      await until(async () => {
        const { rows } = await client.query(`SELECT w.connection FROM graphile_worker.jobs j JOIN queue_workers w ON w.pool = j.locked_by WHERE j.key = $1`, [blocked]);
        doomed = workers.find((w) => rows[0]?.connection.includes(`-${w.pid}-`));
        return doomed !== undefined;
      }, 120);
      doomed?.kill('SIGKILL');
      await blocker.query('ROLLBACK');
      await until(finished, 60);
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all([client.end(), blocker.end()]);
    }
    expect(await queueStatus(url)).toMatchObject({ pending: 0, running: 0, done: single.ingested, failed: 0 });

    const store = await openPostgresStore(url, { mustExist: true });
    const ids: string[] = [];
    for await (const article of store.articles()) ids.push(article.id);
    expect(new Set(ids).size).toBe(single.ingested);
    expect(await results(store)).toEqual(await results(reference));
    await Promise.all([store.close(), reference.close()]);
  });
});
