import { hostname } from 'node:os';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, runMigrations, type JobHelpers, type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import { createLexicon, type Lexicon } from '../core/lexicon/index.js';
import type { Pipeline } from '../core/pipeline.js';
import { readDocuments } from '../corpus/documents.js';
import { StoredCorpus } from '../corpus/placement.js';
import { listSources, type SourceOptions } from '../ingest/sources.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import { openPostgresStore, WRITER_LOCK } from '../store/postgres/index.js';
import { withMigrationLock } from '../store/postgres/migrations.js';
import type { Store } from '../store/types.js';
import { packPrepared, unpackPrepared } from './prepared-codec.js';

/**
 * Distributed ingest on PostgreSQL with graphile-worker. `enqueue` records each document once (by
 * content hash) in `queue_documents`, in the order read, and adds one job for it in the same
 * statement. Workers on any machine analyse documents in parallel, the costly part, and store the
 * prepared analysis beside the document. Placing articles in the corpus (copies, stories, entities,
 * contradictions) is a single-writer stage: whichever worker holds the placement advisory lock
 * places every analysed document in enqueue order, so the corpus is exactly the one a single
 * process would build from the same sources in the same order (docs/scale.md). A document's job
 * answers for both steps: what fails in either is retried, and the last attempt parks the document.
 */

export const ANALYSE_TASK = 'claimgraph_analyse';
/** Attempts before a document is parked with its error, unless enqueued with another number: retries back off exp(n) seconds, 5 take about 1.5 min. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Articles placed per transaction. */
const PLACE_BATCH = 64;
/** Prefix of every worker's connection name. */
const WORKER_PREFIX = 'claimgraph-worker';

/** Which worker process (by connection name) runs each graphile-worker pool (by the id its job locks carry). */
const WORKERS_TABLE = `CREATE TABLE IF NOT EXISTS queue_workers (pool TEXT PRIMARY KEY, connection TEXT NOT NULL)`;

const QUEUE_TABLE = `CREATE TABLE IF NOT EXISTS queue_documents (
  seq SERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  title TEXT, source TEXT, url TEXT, published TEXT,
  text TEXT,
  prepared TEXT,
  max_attempts INTEGER NOT NULL,
  error TEXT
)`;

/**
 * Brings a queue table made before texts were purged and attempts set per document up to date.
 * Only when needed: ALTER TABLE waits for every lock on the table, so running it each time a
 * worker starts would stall that worker behind the others' transactions.
 */
async function upgradeQueueTable(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'queue_documents' AND column_name = 'text' AND is_nullable = 'NO'`,
  );
  if (rows.length === 0) return;
  await client.query(`ALTER TABLE queue_documents ALTER COLUMN text DROP NOT NULL,
    ADD COLUMN IF NOT EXISTS max_attempts INTEGER NOT NULL DEFAULT ${DEFAULT_MAX_ATTEMPTS}`);
  await client.query(`ALTER TABLE queue_documents ALTER COLUMN max_attempts DROP DEFAULT`);
}

/** Gives the document of a `queue_documents` row a job, unless it has one. */
const ADD_JOB = `graphile_worker.add_job('${ANALYSE_TASK}', json_build_object('id', id), job_key := id, max_attempts := max_attempts, job_key_mode := 'unsafe_dedupe')`;

/** Documents not yet in the corpus and not parked, oldest first. */
const UNPLACED = `FROM queue_documents d WHERE d.error IS NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id) ORDER BY d.seq`;

const quiet = new Logger(() => (level, message) => {
  if (level === 'error') process.stderr.write(`claimgraph worker: ${message}\n`);
});

/** The corpus tables, the queue table and graphile-worker's schema, created when missing. */
async function openQueue(url: string, connectionName?: string): Promise<{ pool: pg.Pool; store: Store }> {
  const store = await openPostgresStore(url);
  const pool = new pg.Pool({ connectionString: url, application_name: connectionName });
  // A dropped connection must not crash the worker: the query that used it fails and the job is retried.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    try {
      await withMigrationLock(client, async () => {
        await client.query(QUEUE_TABLE);
        await upgradeQueueTable(client);
        await client.query(WORKERS_TABLE);
      });
    } finally {
      client.release();
    }
    await runMigrations({ pgPool: pool, logger: quiet });
  } catch (error) {
    await Promise.all([pool.end(), store.close()]);
    throw error;
  }
  return { pool, store };
}

export interface EnqueueOptions extends SourceOptions {
  /** Attempts a document's job gets before the document is parked with its error (default {@link DEFAULT_MAX_ATTEMPTS}). */
  maxAttempts?: number;
}

export interface EnqueueSummary {
  enqueued: number;
  /** Documents already queued or in the corpus (the same text, by content hash). */
  duplicates: number;
  failed: Array<{ path: string; error: string }>;
}

export async function enqueue(url: string, paths: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const { pool, store } = await openQueue(url);
  const summary: EnqueueSummary = { enqueued: 0, duplicates: 0, failed: [] };
  try {
    const listed = await listSources(paths);
    summary.failed.push(...listed.failed);
    for await (const { path, input, text, id } of readDocuments(listed.sources, options, summary.failed)) {
      // The document and its job in one statement: both or neither, and never twice.
      const added = await pool.query(
        `WITH doc AS (
           INSERT INTO queue_documents (id, path, title, source, url, published, text, max_attempts)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $1)
           ON CONFLICT (id) DO NOTHING RETURNING id, max_attempts)
         SELECT ${ADD_JOB} FROM doc`,
        [id, path, input.title, input.source, input.url, input.published, text, maxAttempts],
      );
      if (added.rowCount === 1) summary.enqueued += 1;
      else summary.duplicates += 1;
    }
  } finally {
    await Promise.all([pool.end(), store.close()]);
  }
  return summary;
}

export interface QueueStatus {
  /** Documents waiting: queued, retrying, or analysed and waiting to be placed. */
  pending: number;
  /** Documents a live worker is analysing or placing now. */
  running: number;
  /** Documents held by a worker that is gone, until a live worker's rescue releases them. */
  stalled: number;
  /** Documents in the corpus. */
  done: number;
  /** Documents parked after failing on every attempt, with their error. */
  failed: number;
  /** Worker processes connected to the database now. */
  workers: number;
}

/** Job locks held by a pool whose worker process is gone: registered by a connection that no longer exists, or never registered and over a minute old. */
const DEAD_LOCK = `CASE WHEN w.pool IS NULL THEN j.locked_at < now() - interval '1 minute'
  ELSE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = w.connection) END`;

export async function queueStatus(url: string): Promise<QueueStatus & { errors: Array<{ path: string; error: string }> }> {
  const { pool, store } = await openQueue(url);
  try {
    const [counts] = (
      await pool.query(
        `SELECT (SELECT count(*) FROM queue_documents)::int AS total,
           (SELECT count(*) FILTER (WHERE NOT (${DEAD_LOCK})) FROM graphile_worker.jobs j LEFT JOIN queue_workers w ON w.pool = j.locked_by
              WHERE j.task_identifier = $1 AND j.locked_at IS NOT NULL)::int AS running,
           (SELECT count(*) FILTER (WHERE ${DEAD_LOCK}) FROM graphile_worker.jobs j LEFT JOIN queue_workers w ON w.pool = j.locked_by
              WHERE j.task_identifier = $1 AND j.locked_at IS NOT NULL)::int AS stalled,
           (SELECT count(*) FROM queue_documents d WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id))::int AS done,
           (SELECT count(*) FROM queue_documents WHERE error IS NOT NULL)::int AS failed,
           (SELECT count(DISTINCT application_name) FROM pg_stat_activity WHERE application_name LIKE $2)::int AS workers`,
        [ANALYSE_TASK, `${WORKER_PREFIX}-%`],
      )
    ).rows as Array<{ total: number; running: number; stalled: number; done: number; failed: number; workers: number }>;
    const errors = (await pool.query(`SELECT path, error FROM queue_documents WHERE error IS NOT NULL ORDER BY seq`)).rows as Array<{ path: string; error: string }>;
    const { total, running, stalled, done, failed, workers } = counts;
    return { pending: Math.max(0, total - running - stalled - done - failed), running, stalled, done, failed, workers, errors };
  } finally {
    await Promise.all([pool.end(), store.close()]);
  }
}

/**
 * Analyses a queued document and stores the analysis beside it for the writer, unless it has one
 * (a retry after the worker died, or after its placement failed) or is placed or parked already.
 */
async function analyseDocument(pool: pg.Pool, analyzer: Pipeline, id: string): Promise<void> {
  const { rows } = await pool.query(
    `SELECT text FROM queue_documents d WHERE id = $1 AND prepared IS NULL AND error IS NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)`,
    [id],
  );
  if (rows.length === 0) return;
  let packed: string;
  try {
    packed = packPrepared(prepareArticle(analyzer.run(rows[0].text)));
  } catch (error) {
    throw new Error(`analysis failed: ${(error as Error).message}`, { cause: error });
  }
  await pool.query(`UPDATE queue_documents SET prepared = $2 WHERE id = $1`, [id, packed]);
}

/** A document the writer could not place: the writer stops there, and the document's job retries it. */
interface PlacementFailure {
  id: string;
  error: Error;
}

/** Places analysed documents in the corpus, one worker at a time, in enqueue order. */
class Placer {
  private corpus: StoredCorpus | null = null;
  /** The last article's number in the store when `corpus` last matched it. */
  private last = -1;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: Store,
    private readonly lexicon: Lexicon,
  ) {}

  /**
   * Places what is ready if no other worker is placing. A worker that finds the lock taken leaves
   * its document to the holder, and the holder looks again after releasing the lock, so a document
   * analysed while the holder was busy is never left behind. `own` is the calling job's document:
   * if the writer cannot place it, this throws why. A document of another job that cannot be placed
   * holds up the ones after it until that job parks it, on its last attempt (if that job finished
   * before the writer got to its document, `rescue` in startWorkers gives it a new one).
   */
  async place(own?: string): Promise<void> {
    for (;;) {
      let failure: PlacementFailure | null;
      const client = await this.pool.connect();
      try {
        if (!(await this.lock(client, own))) return;
        try {
          failure = await this.placeReady(client);
        } finally {
          await client.query(`SELECT pg_advisory_unlock($1)`, [WRITER_LOCK]);
        }
      } finally {
        client.release();
      }
      if (failure) {
        if (failure.id === own) throw failure.error;
        return;
      }
      const next = await this.pool.query(`SELECT d.prepared IS NOT NULL AS ready ${UNPLACED} LIMIT 1`);
      if (!next.rows[0]?.ready) return;
    }
  }

  /**
   * Takes the placement lock if it is free. A job whose document is next in line waits for it
   * instead: the holder stops at a document it cannot place, and only the document's own job, which
   * counts the attempts, may try it again and park it.
   */
  private async lock(client: pg.PoolClient, own: string | undefined): Promise<boolean> {
    if ((await client.query(`SELECT pg_try_advisory_lock($1) AS locked`, [WRITER_LOCK])).rows[0].locked) return true;
    if (own === undefined) return false;
    const next = await client.query(`SELECT d.id ${UNPLACED} LIMIT 1`);
    if (next.rows[0]?.id !== own) return false;
    await client.query(`SELECT pg_advisory_lock($1)`, [WRITER_LOCK]);
    return true;
  }

  /** Places batches up to the first document not analysed yet, or the first that cannot be placed, which it gives. */
  private async placeReady(client: pg.PoolClient): Promise<PlacementFailure | null> {
    for (;;) {
      const { placed, failure } = await this.placeBatch(client);
      if (failure || placed < PLACE_BATCH) return failure;
    }
  }

  /** Places up to `limit` analysed documents, stopping at the first not analysed yet or that cannot be placed. */
  private async placeBatch(client: pg.PoolClient, limit = PLACE_BATCH): Promise<{ placed: number; failure: PlacementFailure | null }> {
    const { rows } = await client.query(`SELECT d.* ${UNPLACED} LIMIT $1`, [limit]);
    const analysed = rows.findIndex((row) => row.prepared === null);
    const ready = analysed === -1 ? rows : rows.slice(0, analysed);
    if (ready.length === 0) return { placed: 0, failure: null };
    const corpus = await this.currentCorpus(client);
    for (const [i, row] of ready.entries()) {
      try {
        await corpus.add({
          id: row.id,
          prepared: unpackPrepared(row.prepared),
          title: row.title,
          source: row.source,
          url: row.url,
          path: row.path,
          published: row.published,
          ingestedAt: new Date().toISOString(),
        });
      } catch (error) {
        // add() may have stopped half-way through: start again from the store, with only the documents before this one.
        this.corpus = null;
        const before = i > 0 ? await this.placeBatch(client, i) : { placed: 0, failure: null };
        return { placed: before.placed, failure: before.failure ?? { id: row.id, error: new Error(`placement failed: ${(error as Error).message}`, { cause: error }) } };
      }
    }
    try {
      await this.store.write(corpus.takeBatch());
    } catch (error) {
      this.corpus = null;
      throw error;
    }
    this.last += ready.length;
    // In the corpus now: the queue keeps only what `status` counts and enqueue deduplicates by.
    // (A writer killed between the two statements leaves this batch's texts behind, unused.)
    await client.query(`UPDATE queue_documents SET text = NULL, prepared = NULL WHERE id = ANY($1)`, [ready.map((row) => row.id)]);
    return { placed: ready.length, failure: null };
  }

  /** The corpus, resumed from the store when another worker placed articles since this one last did. */
  private async currentCorpus(client: pg.PoolClient): Promise<StoredCorpus> {
    // Articles are numbered 1, 2, 3… as placed, so the last number tells (from the index, unlike a count) whether the store moved on.
    const last = (await client.query(`SELECT coalesce(max(seq), 0) AS last FROM articles`)).rows[0].last as number;
    if (!this.corpus || last !== this.last) {
      this.corpus = await StoredCorpus.open(this.store, { lexicon: this.lexicon, rebuild: true });
      this.last = last;
    }
    return this.corpus;
  }
}

/** Analyses every queued document in this process and stores the analyses, placing none: bench-scale then times the writer alone. */
export async function analyseQueued(url: string): Promise<void> {
  const analyzer = await createAnalyzer();
  const { pool, store } = await openQueue(url);
  try {
    for (const { id } of (await pool.query(`SELECT d.id ${UNPLACED}`)).rows) await analyseDocument(pool, analyzer, id);
  } finally {
    await Promise.all([pool.end(), store.close()]);
  }
}

/** Places every analysed document as the writer among the workers does; gives the seconds placing took (opening the database aside). */
export async function placeAnalysed(url: string): Promise<number> {
  const { pool, store } = await openQueue(url);
  try {
    const start = performance.now();
    await new Placer(pool, store, createLexicon()).place();
    return (performance.now() - start) / 1000;
  } finally {
    await Promise.all([pool.end(), store.close()]);
  }
}

export interface WorkerOptions {
  /** Jobs this process runs at once (graphile-worker workers). */
  concurrency?: number;
  /** Extra organisations and aliases (docs/lexicon.md). */
  lexiconPath?: string;
  /** How often to look for jobs held by workers that died (seconds). */
  rescueSeconds?: number;
}

export interface Workers {
  /** Finishes the running jobs and stops. */
  stop(): Promise<void>;
}

export async function startWorkers(url: string, options: WorkerOptions = {}): Promise<Workers> {
  const lexiconPath = options.lexiconPath ?? process.env.CLAIMGRAPH_LEXICON;
  const extension = lexiconPath ? await loadLexiconExtension(lexiconPath) : undefined;
  const analyzer = await createAnalyzer({ lexiconPath });
  // Names this process in pg_stat_activity for as long as it lives: how other workers tell that it died.
  const token = `${WORKER_PREFIX}-${hostname().slice(0, 20)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const { pool, store } = await openQueue(url, token);
  let stopping = false;
  let presence: pg.Client | null = null;
  /** Keeps the presence connection up: when the server restarts or the network drops, it reconnects with backoff. */
  const bePresent = async (): Promise<void> => {
    for (let delay = RECONNECT_MS.min; !stopping; delay = Math.min(2 * delay, RECONNECT_MS.max)) {
      const client = new pg.Client({ connectionString: url, application_name: token });
      client.on('error', () => {});
      try {
        await client.connect();
      } catch {
        await sleep(delay);
        continue;
      }
      presence = client;
      client.once('end', () => {
        presence = null;
        if (!stopping) void bePresent();
      });
      return;
    }
  };
  await bePresent();
  const placer = new Placer(pool, store, createLexicon(extension));

  /** The graphile-worker pools of the current job runner. */
  let pools: string[] = [];
  /** Jobs this process is running now, by graphile-worker job id. */
  const running = new Set<string>();
  const analyse = async (payload: unknown, helpers: JobHelpers): Promise<void> => {
    const { id } = payload as { id: string };
    running.add(helpers.job.id);
    try {
      await analyseDocument(pool, analyzer, id);
      await placer.place(id);
    } catch (error) {
      // The last attempt parks the document (unless it was placed before what failed), so that the ones after it are placed.
      if (helpers.job.attempts >= helpers.job.max_attempts) {
        await pool.query(`UPDATE queue_documents d SET error = $2 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)`, [id, (error as Error).message]);
        await placer.place();
      }
      throw error;
    } finally {
      running.delete(helpers.job.id);
    }
  };

  const utils = await makeWorkerUtils({ pgPool: pool, logger: quiet });
  /**
   * Releases the jobs of workers whose process has gone, so that others run them again: a pool
   * registered by a connection that no longer exists, or (killed before it could register) a pool
   * nobody registered whose lock is older than a minute. And gives a job to the next document to
   * place if it is analysed but has none: one the writer could not place, whose job had finished
   * before the writer got to it (or, harmlessly, one the writer is about to place).
   */
  const rescue = async (): Promise<void> => {
    const { rows } = await pool.query(
      `SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j LEFT JOIN queue_workers w ON w.pool = j.locked_by
       WHERE j.locked_by IS NOT NULL AND ${DEAD_LOCK}`,
    );
    if (rows.length > 0) await utils.forceUnlockWorkers(rows.map((r) => r.locked_by as string));
    // Jobs this process's own pool holds but does not run: their outcome could not be recorded (the
    // connection was lost as the job ended), so graphile-worker would hold them for hours. Released
    // to be run again, which is safe: analysing and placing a document twice changes nothing.
    await pool.query(
      `UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL
       WHERE locked_by = ANY($1) AND NOT (id = ANY($2::bigint[])) AND locked_at < now() - interval '5 seconds'`,
      [pools, [...running]],
    );
    await pool.query(
      `SELECT ${ADD_JOB} FROM queue_documents WHERE id = (SELECT d.id ${UNPLACED} LIMIT 1) AND prepared IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = queue_documents.id)`,
    );
  };
  await rescue();
  const rescuing = setInterval(() => void rescue().catch(() => {}), (options.rescueSeconds ?? 10) * 1000);

  const events: WorkerEvents = new EventEmitter();
  const registered: Array<Promise<unknown>> = [];
  events.on('pool:create', ({ workerPool }) => {
    pools.push(workerPool.id);
    registered.push(pool.query(`INSERT INTO queue_workers (pool, connection) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [workerPool.id, token]));
  });
  const startRunner = async (): Promise<Runner> => {
    [pools, registered.length] = [[], 0];
    const started = await run({
      pgPool: pool,
      concurrency: options.concurrency ?? 1,
      noHandleSignals: true,
      pollInterval: 1000,
      logger: quiet,
      events,
      taskList: { [ANALYSE_TASK]: analyse },
    });
    await Promise.all(registered);
    return started;
  };
  // graphile-worker gives up its pool when it cannot record a job's outcome (the connection was
  // lost, e.g. PostgreSQL restarted) and rejects a promise nobody awaits: that must not end the
  // process. The pool's end is seen below, and a new one is started.
  const onRejection = (reason: unknown): void => {
    process.stderr.write(`claimgraph worker: ${reason instanceof Error ? reason.message : String(reason)}\n`);
  };
  process.on('unhandledRejection', onRejection);
  let runner: Runner | null = await startRunner();
  /** Pools of this process that stopped: their jobs are released (and retried) as soon as the database answers. */
  const stopped = new Set<string>();
  const releaseStopped = async (): Promise<void> => {
    if (stopped.size === 0) return;
    const ids = [...stopped];
    await utils.forceUnlockWorkers(ids);
    await pool.query(`DELETE FROM queue_workers WHERE pool = ANY($1)`, [ids]);
    for (const id of ids) stopped.delete(id);
  };
  /** Starts a new job runner whenever the current one stops on an error, with backoff while the database is away. */
  const supervising = (async () => {
    for (let delay = RECONNECT_MS.min; !stopping; ) {
      if (runner) {
        const current = runner;
        const ids = [...pools];
        try {
          await current.promise;
        } catch (error) {
          if (!stopping) process.stderr.write(`claimgraph worker: job runner stopped (${(error as Error).message}); starting again\n`);
        }
        if (stopping) return;
        runner = null;
        for (const id of ids) stopped.add(id);
      }
      await sleep(delay);
      if (stopping) return;
      try {
        await releaseStopped();
        runner = await startRunner();
        delay = RECONNECT_MS.min;
      } catch {
        delay = Math.min(2 * delay, RECONNECT_MS.max);
      }
    }
  })();
  return {
    async stop() {
      stopping = true;
      clearInterval(rescuing);
      await runner?.stop();
      await supervising;
      await releaseStopped().catch(() => {});
      await utils.release();
      await Promise.all([presence?.end(), pool.end(), store.close()]);
      process.off('unhandledRejection', onRejection);
    },
  };
}

/** Waits between reconnection attempts, doubling from min to max (ms). */
const RECONNECT_MS = { min: 500, max: 8000 };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
