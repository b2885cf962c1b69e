import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { StoreError } from '../store/errors.js';
import { isPostgresUrl, openPostgresStore, redactUrl } from '../store/postgres/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';

/**
 * Where `bench-corpus` places its corpus: a new SQLite file, or a schema of its own in a PostgreSQL
 * database, made for the run and dropped after it, so the benchmark never reads or writes a user's
 * tables.
 */
export interface BenchDatabase {
  readonly kind: 'SQLite' | 'PostgreSQL';
  /** Opens the corpus, creating it on the first call; later calls resume it. */
  open(): Promise<Store>;
  /** Bytes the corpus takes (PostgreSQL: its tables with their indexes and TOAST; the WAL is not counted). */
  sizeBytes(): Promise<number>;
  /** Removes what the run made (a --db file given by the user is kept). */
  remove(): Promise<void>;
}

/** `location` is a postgres:// URL, a file that must not exist yet, or nothing (a temporary file). */
export async function createBenchDatabase(location: string | undefined): Promise<BenchDatabase> {
  return location && isPostgresUrl(location) ? postgresBenchDatabase(location) : sqliteBenchDatabase(location);
}

function sqliteBenchDatabase(file: string | undefined): BenchDatabase {
  const dir = file ? null : mkdtempSync(join(tmpdir(), 'claimgraph-bench-corpus-'));
  const path = file ?? join(dir as string, 'corpus.db');
  if (existsSync(path)) throw new StoreError(`${path} exists: bench-corpus fills a new database`);
  let opened = false;
  return {
    kind: 'SQLite',
    async open() {
      const store = openSqliteStore(path, { mustExist: opened });
      opened = true;
      return store;
    },
    async sizeBytes() {
      return [path, `${path}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
    },
    async remove() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresBenchDatabase(url: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new StoreError(`cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  // A dropped admin connection must not end the process; the next query on it reports it.
  admin.on('error', () => {});
  const schema = `claimgraph_bench_${process.pid}_${Date.now().toString(36)}`;
  try {
    // Without IF NOT EXISTS: a schema that is there already is not ours to fill or drop.
    await admin.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await admin.end();
    throw new StoreError(`cannot create schema ${schema} in ${redactUrl(url)}: ${(error as Error).message}`);
  }
  let opened = false;
  return {
    kind: 'PostgreSQL',
    async open() {
      const store = await openPostgresStore(url, { schema, mustExist: opened });
      opened = true;
      return store;
    },
    async sizeBytes() {
      const { rows } = await admin.query(
        `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        [schema],
      );
      return Number(rows[0].bytes);
    },
    async remove() {
      try {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
