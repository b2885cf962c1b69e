import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import { ingest } from '../corpus/ingest.js';
import { sharedDataPath } from '../eval/data-path.js';
import { listSources } from '../ingest/sources.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase, NO_SERVER_MESSAGE } from '../store/postgres/test-database.js';
import { readerView } from '../store/conformance.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { packPrepared } from './prepared-codec.js';
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

/** One statement on its own connection. */
async function query(url: string, sql: string, params: unknown[] = []): Promise<Array<Record<string, any>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
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
    // Its process is gone: stalled, not running, until a live worker's rescue releases it.
    expect(await queueStatus(url)).toMatchObject({ running: 0, stalled: 1, workers: 0 });

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
    expect(await readerView(store)).toEqual(await readerView(reference));
    await Promise.all([store.close(), reference.close()]);

    // Placed documents keep no text or analysis in the queue, only what status counts and enqueue
    // recognises them by: enqueueing them again adds no document and no job, and analyses nothing.
    expect(await query(url, `SELECT id FROM queue_documents WHERE text IS NOT NULL OR prepared IS NOT NULL`)).toEqual([]);
    // (A job can outlive its document's placement: the killed worker's, whose analysis its
    // connection stored after all. Run again, it would find the document placed and do nothing.)
    const jobs = await query(url, `SELECT id FROM graphile_worker.jobs`);
    expect(await enqueue(url, paths)).toEqual({ enqueued: 0, duplicates: single.ingested + single.duplicates, failed: [] });
    expect(await query(url, `SELECT id FROM graphile_worker.jobs`)).toEqual(jobs);
    expect(await queueStatus(url)).toMatchObject({ pending: 0, running: 0, done: single.ingested, failed: 0 });
  });

  it('workers survive a PostgreSQL restart and an outage, and build the same corpus as one SQLite process', { timeout: 240_000 }, async () => {
    const fresh = await createTestDatabase();
    if (!fresh) throw new Error(NO_SERVER_MESSAGE);
    const paths = sources();
    const reference = openSqliteStore(join(dir, 'reference-faults.db'));
    // The workers reach the database through a TCP proxy the test can cut: an outage for them
    // alone, not for the server other tests use. A restart is what a fast shutdown does to every
    // session: terminated ("terminating connection due to administrator command"), then refused.
    const target = new URL(fresh.url);
    const sockets = new Set<Socket>();
    const proxy = createServer((socket) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const [a, b] of [[socket, upstream], [upstream, socket]]) {
        sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    const listen = (port = 0) => new Promise<number>((resolve) => proxy.listen(port, '127.0.0.1', () => resolve((proxy.address() as AddressInfo).port)));
    const cut = async (seconds: number) => {
      const closed = new Promise((resolve) => proxy.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
      await new Promise((r) => setTimeout(r, seconds * 1000));
      await listen(port);
    };
    const port = await listen();
    const viaProxy = new URL(fresh.url);
    viaProxy.host = `127.0.0.1:${port}`;
    const workers: ChildProcess[] = [];
    try {
      const single = await ingest(reference, paths, { analyzer: await createAnalyzer() });
      await enqueue(fresh.url, paths);
      const done = async (n: number) => (await queueStatus(fresh.url)).done >= n;
      workers.push(startWorker(viaProxy.toString()), startWorker(viaProxy.toString()));
      await until(() => done(3), 120);
      // The restart.
      await query(fresh.url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      await cut(2);
      const { done: before } = await queueStatus(fresh.url);
      // Two more placed after the restart; with the fixture alone (no shared data) the workers may
      // have placed nearly all before it, and then the rest is what there is to wait for.
      await until(() => done(Math.min(before + 2, single.ingested)), 120);
      // The outage: every connection dropped, none accepted for 8 s.
      await cut(8);
      await until(async () => {
        const status = await queueStatus(fresh.url);
        // The workers' presence connections come back with backoff, after the jobs may be done.
        return status.done === single.ingested && status.pending === 0 && status.running === 0 && status.stalled === 0 && status.workers === 2;
      }, 120);
      expect(workers.map((w) => [w.exitCode, w.signalCode])).toEqual([[null, null], [null, null]]);
      expect(await queueStatus(fresh.url)).toMatchObject({ pending: 0, running: 0, stalled: 0, done: single.ingested, failed: 0, workers: 2 });
      const store = await openPostgresStore(fresh.url, { mustExist: true });
      expect(await readerView(store)).toEqual(await readerView(reference));
      await store.close();
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once('exit', r)) : null)));
      proxy.close();
      for (const socket of sockets) socket.destroy();
      await Promise.all([reference.close(), fresh.drop()]);
    }
  });

  it('a document whose job fails on every attempt is parked with its error after max attempts, and the others are placed', { timeout: 30_000 }, async () => {
    const fresh = await createTestDatabase();
    if (!fresh) throw new Error(NO_SERVER_MESSAGE);
    const reference = openSqliteStore(join(dir, 'reference-without-failing.db'));
    try {
      const analyzer = await createAnalyzer();
      const failing = join(FIXTURE, 'taliban-denies-sharing-is-intelligence-with-russia.txt');
      const others = (await listSources([FIXTURE])).sources.map((source) => source.path).filter((path) => path !== failing);
      const single = await ingest(reference, others, { analyzer });
      await enqueue(fresh.url, [FIXTURE], { maxAttempts: 2 });
      // Why its job fails every time: a worker of another claimgraph version (a mixed-version
      // deployment) analysed the document and stored the analysis in that version's shape, here
      // without its claims. This version's writer cannot place it: add() throws half-way through,
      // after the near-copy index, the entities and the stories have taken it in. The job finds the
      // analysis stored, so it does not analyse again, and every attempt to place it throws.
      const [{ id, seq, text }] = await query(fresh.url, `SELECT id, seq, text FROM queue_documents WHERE path = $1`, [failing]);
      const { claims: _claims, ...otherShape } = prepareArticle(analyzer.run(text));
      await query(fresh.url, `UPDATE queue_documents SET prepared = $2 WHERE id = $1`, [id, packPrepared(otherShape as PreparedArticle)]);
      // And its first job finishes before the writer gets to it: the document before it waits out
      // a back-off (2 s, as after a failed attempt), so the writer cannot reach the failing one
      // until then. The writer stops there, and a worker's rescue gives it a new job.
      await query(fresh.url, `UPDATE graphile_worker._private_jobs SET run_at = now() + interval '2 seconds'
        WHERE key = (SELECT id FROM queue_documents WHERE seq < $1 ORDER BY seq DESC LIMIT 1)`, [seq]);

      const worker = startWorker(fresh.url);
      try {
        // Attempt 1, a back-off of exp(1) s, attempt 2, then the document is parked.
        await until(async () => (await queueStatus(fresh.url)).failed === 1, 20);
        await until(async () => (await queueStatus(fresh.url)).done === single.ingested, 10);
        const status = await queueStatus(fresh.url);
        expect(status).toMatchObject({ pending: 0, running: 0, done: single.ingested, failed: 1 });
        expect(status.errors).toEqual([{ path: failing, error: expect.stringMatching(/^placement failed: /) }]);
        const cli = spawnSync(process.execPath, [join(ROOT, 'bin/claimgraph.js'), 'status', '--db', fresh.url], { cwd: ROOT, encoding: 'utf8' });
        expect(cli.stdout).toBe(`pending 0, running 0, stalled 0, done ${single.ingested}, failed 1; workers 1\n  failed: ${failing}: ${status.errors[0].error}\n`);

        // Not retried further: its job has used both attempts, and even when due now no worker takes it.
        const job = async () => (await query(fresh.url, `SELECT attempts, max_attempts, last_error, locked_at FROM graphile_worker.jobs WHERE key = $1`, [id]))[0];
        expect(await job()).toEqual({ attempts: 2, max_attempts: 2, last_error: expect.stringContaining(status.errors[0].error), locked_at: null });
        await query(fresh.url, `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = $1`, [id]);
        await new Promise((r) => setTimeout(r, 2500)); // the worker polls every second
        expect(await job()).toMatchObject({ attempts: 2, locked_at: null });
      } finally {
        await new Promise((resolve) => worker.once('exit', resolve).kill('SIGTERM'));
      }

      // Nothing else lost, and nothing of the failed half-placement left in the corpus: it is the
      // one a single process builds from the other documents. The parked document keeps its text.
      const store = await openPostgresStore(fresh.url, { mustExist: true });
      expect(await readerView(store)).toEqual(await readerView(reference));
      await store.close();
      expect(await query(fresh.url, `SELECT id FROM queue_documents WHERE text IS NOT NULL`)).toEqual([{ id }]);
    } finally {
      await Promise.all([reference.close(), fresh.drop()]);
    }
  });

  it('upgrades a queue table from before texts were purged and attempts set per document', { timeout: 30_000 }, async () => {
    const old = await createTestDatabase();
    if (!old) throw new Error(NO_SERVER_MESSAGE);
    try {
      // The queue table as the first PostgreSQL release made it, holding one queued document.
      await query(old.url, `CREATE TABLE queue_documents (seq SERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
        title TEXT, source TEXT, url TEXT, published TEXT, text TEXT NOT NULL, prepared TEXT, error TEXT)`);
      await query(old.url, `INSERT INTO queue_documents (id, path, text) VALUES ('queued-before', 'before.txt', 'Text queued before the upgrade.')`);
      const added = await enqueue(old.url, [join(FIXTURE, 'taliban-denies-sharing-is-intelligence-with-russia.txt')], { maxAttempts: 3 });
      expect(added).toMatchObject({ enqueued: 1, failed: [] });
      expect(await query(old.url, `SELECT id, max_attempts FROM queue_documents ORDER BY seq`)).toEqual([
        { id: 'queued-before', max_attempts: 5 },
        { id: expect.any(String), max_attempts: 3 },
      ]);
      // Placed documents drop their text, which the old table did not allow.
      await query(old.url, `UPDATE queue_documents SET text = NULL WHERE id = 'queued-before'`);
    } finally {
      await old.drop();
    }
  });
});
