import { hostname } from 'node:os';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, runMigrations, type JobHelpers, type Runner, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import { createAnalyzer } from '../analyze.js';
import { CorpusEngine } from '../core/corpus/corpus.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import { createLexicon, type Lexicon } from '../core/lexicon/index.js';
import { readDocuments } from '../corpus/documents.js';
import { listSources, type SourceOptions } from '../ingest/sources.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import { openPostgresStore } from '../store/postgres/index.js';
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
 * process would build from the same sources in the same order (docs/scale.md).
 */

export const ANALYSE_TASK = 'claimgraph_analyse';
/** Attempts before a job is parked with its error: retries back off exp(n) seconds, about 1.5 min in all. */
export const MAX_ATTEMPTS = 5;
/** Any fixed number, the same in every worker: "CGPW". */
const PLACE_LOCK = 0x43475057;
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
  text TEXT NOT NULL,
  prepared TEXT,
  error TEXT
)`;

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

export interface EnqueueSummary {
  enqueued: number;
  /** Documents already queued or in the corpus (the same text, by content hash). */
  duplicates: number;
  failed: Array<{ path: string; error: string }>;
}

export async function enqueue(url: string, paths: readonly string[], options: SourceOptions = {}): Promise<EnqueueSummary> {
  const { pool, store } = await openQueue(url);
  const summary: EnqueueSummary = { enqueued: 0, duplicates: 0, failed: [] };
  try {
    const listed = await listSources(paths);
    summary.failed.push(...listed.failed);
    for await (const { path, input, text, id } of readDocuments(listed.sources, options, summary.failed)) {
      // The document and its job in one statement: both or neither, and never twice.
      const added = await pool.query(
        `WITH doc AS (
           INSERT INTO queue_documents (id, path, title, source, url, published, text)
           SELECT $1, $2, $3, $4, $5, $6, $7 WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $1)
           ON CONFLICT (id) DO NOTHING RETURNING id)
         SELECT graphile_worker.add_job($8, json_build_object('id', id), job_key := id, max_attempts := $9) FROM doc`,
        [id, path, input.title, input.source, input.url, input.published, text, ANALYSE_TASK, MAX_ATTEMPTS],
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
  /** Documents a worker is analysing now. */
  running: number;
  /** Documents in the corpus. */
  done: number;
  /** Documents parked after MAX_ATTEMPTS failures, with their error. */
  failed: number;
}

export async function queueStatus(url: string): Promise<QueueStatus & { errors: Array<{ path: string; error: string }> }> {
  const { pool, store } = await openQueue(url);
  try {
    const [counts] = (
      await pool.query(
        `SELECT (SELECT count(*) FROM queue_documents)::int AS total,
           (SELECT count(*) FROM graphile_worker.jobs WHERE task_identifier = $1 AND locked_at IS NOT NULL)::int AS running,
           (SELECT count(*) FROM queue_documents d WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id))::int AS done,
           (SELECT count(*) FROM queue_documents WHERE error IS NOT NULL)::int AS failed`,
        [ANALYSE_TASK],
      )
    ).rows as Array<{ total: number; running: number; done: number; failed: number }>;
    const errors = (await pool.query(`SELECT path, error FROM queue_documents WHERE error IS NOT NULL ORDER BY seq`)).rows as Array<{ path: string; error: string }>;
    const { total, running, done, failed } = counts;
    return { pending: Math.max(0, total - running - done - failed), running, done, failed, errors };
  } finally {
    await Promise.all([pool.end(), store.close()]);
  }
}

/** Places analysed documents in the corpus, one worker at a time, in enqueue order. */
class Placer {
  private engine: CorpusEngine | null = null;
  /** Articles in the store when `engine` last matched it. */
  private known = -1;

  constructor(
    private readonly pool: pg.Pool,
    private readonly store: Store,
    private readonly lexicon: Lexicon,
  ) {}

  /**
   * Places what is ready if no other worker is placing. A worker that finds the lock taken leaves
   * its document to the holder, and the holder looks again after releasing the lock, so a document
   * analysed while the holder was busy is never left behind.
   */
  async place(): Promise<void> {
    for (;;) {
      const client = await this.pool.connect();
      try {
        const { rows } = await client.query(`SELECT pg_try_advisory_lock($1) AS locked`, [PLACE_LOCK]);
        if (!rows[0].locked) return;
        try {
          while ((await this.placeBatch(client)) === PLACE_BATCH);
        } finally {
          await client.query(`SELECT pg_advisory_unlock($1)`, [PLACE_LOCK]);
        }
      } finally {
        client.release();
      }
      const next = await this.pool.query(`SELECT d.prepared IS NOT NULL AS ready ${UNPLACED} LIMIT 1`);
      if (!next.rows[0]?.ready) return;
    }
  }

  /** Places the analysed documents up to the first that is not analysed yet; gives how many. */
  private async placeBatch(client: pg.PoolClient): Promise<number> {
    const stored = (await client.query(`SELECT count(*)::int AS n FROM articles`)).rows[0].n as number;
    // Another worker placed articles since this one last did: resume from the store.
    if (!this.engine || stored !== this.known) {
      this.engine = new CorpusEngine({ lexicon: this.lexicon }, await this.store.snapshot());
      this.known = stored;
    }
    const { rows } = await client.query(`SELECT d.* ${UNPLACED} LIMIT ${PLACE_BATCH}`);
    let added = 0;
    for (const row of rows) {
      if (row.prepared === null) break;
      this.engine.add({
        id: row.id,
        prepared: unpackPrepared(row.prepared),
        title: row.title,
        source: row.source,
        url: row.url,
        path: row.path,
        published: row.published,
        ingestedAt: new Date().toISOString(),
      });
      added += 1;
    }
    if (added === 0) return 0;
    try {
      await this.store.write(this.engine.takeBatch());
    } catch (error) {
      this.engine = null;
      throw error;
    }
    this.known += added;
    return added;
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
  const presence = new pg.Client({ connectionString: url, application_name: token });
  presence.on('error', () => {});
  await presence.connect();
  const placer = new Placer(pool, store, createLexicon(extension));

  const analyse = async (payload: unknown, helpers: JobHelpers): Promise<void> => {
    const { id } = payload as { id: string };
    const { rows } = await pool.query(`SELECT text, prepared IS NOT NULL AS prepared FROM queue_documents WHERE id = $1`, [id]);
    if (rows.length === 0) return;
    // Analysed already: a retry after placement failed, or after the worker died.
    if (!rows[0].prepared) {
      let packed: string;
      try {
        packed = packPrepared(prepareArticle(analyzer.run(rows[0].text)));
      } catch (error) {
        if (helpers.job.attempts >= helpers.job.max_attempts) {
          await pool.query(`UPDATE queue_documents SET error = $2 WHERE id = $1`, [id, `analysis failed: ${(error as Error).message}`]);
          await placer.place();
        }
        throw error;
      }
      await pool.query(`UPDATE queue_documents SET prepared = $2 WHERE id = $1`, [id, packed]);
    }
    await placer.place();
  };

  const utils = await makeWorkerUtils({ pgPool: pool, logger: quiet });
  /**
   * Releases the jobs of workers whose process has gone, so that others run them again: a pool
   * registered by a connection that no longer exists, or (killed before it could register) a pool
   * nobody registered whose lock is older than a minute.
   */
  const rescue = async (): Promise<void> => {
    const { rows } = await pool.query(
      `SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j LEFT JOIN queue_workers w ON w.pool = j.locked_by
       WHERE j.locked_by IS NOT NULL AND CASE WHEN w.pool IS NULL THEN j.locked_at < now() - interval '1 minute'
         ELSE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = w.connection) END`,
    );
    if (rows.length > 0) await utils.forceUnlockWorkers(rows.map((r) => r.locked_by as string));
  };
  await rescue();
  const rescuing = setInterval(() => void rescue().catch(() => {}), (options.rescueSeconds ?? 10) * 1000);

  const events: WorkerEvents = new EventEmitter();
  const registered: Array<Promise<unknown>> = [];
  events.on('pool:create', ({ workerPool }) => {
    registered.push(pool.query(`INSERT INTO queue_workers (pool, connection) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [workerPool.id, token]));
  });
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency ?? 1,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: quiet,
    events,
    taskList: { [ANALYSE_TASK]: analyse },
  });
  await Promise.all(registered);
  return {
    async stop() {
      clearInterval(rescuing);
      await runner.stop();
      await utils.release();
      await Promise.all([presence.end(), pool.end(), store.close()]);
    },
  };
}
