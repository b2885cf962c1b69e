import type { ParseArgsConfig } from 'node:util';
import { CoreError } from '../../core/errors.js';
import { StoreError } from '../../store/errors.js';
import { isPostgresUrl, openPostgresStore } from '../../store/postgres/index.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Page, Store } from '../../store/types.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions } from './eval.js';

/** What the corpus commands share: `--db` (default ./claimgraph.db) and `--json`. */

export const DEFAULT_DB = './claimgraph.db';

export const STORE_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const STORE_USAGE = `  --db PATH     the corpus database: a file, or postgres://... (default $CLAIMGRAPH_DATABASE_URL, else ${DEFAULT_DB})
  --json        print JSON (docs/corpus.md) instead of text`;

/**
 * The store at `db`, else at $CLAIMGRAPH_DATABASE_URL, else the default file: PostgreSQL for a
 * postgres:// URL, SQLite for a path.
 */
export async function openStore(db: string | undefined, create: boolean): Promise<Store> {
  const location = db ?? process.env.CLAIMGRAPH_DATABASE_URL ?? DEFAULT_DB;
  return isPostgresUrl(location) ? openPostgresStore(location, { mustExist: !create }) : openSqliteStore(location, { mustExist: !create });
}

/** The PostgreSQL database the distributed commands (enqueue, worker, status) share: `--db` or $CLAIMGRAPH_DATABASE_URL. */
export function postgresUrl(db: string | undefined): string {
  const location = db ?? process.env.CLAIMGRAPH_DATABASE_URL;
  if (!location || !isPostgresUrl(location)) {
    throw new UsageError('needs a PostgreSQL database: pass --db postgres://... or set CLAIMGRAPH_DATABASE_URL');
  }
  return location;
}

/** Runs `use`; a database that cannot be used is exit 1 with a one-line reason. */
export async function withDatabase(command: string, use: () => Promise<number>): Promise<number> {
  try {
    return await use();
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`claimgraph ${command}: ${error.message}\n`);
    return 1;
  }
}

/**
 * Opens the database, runs `use`, closes it. A database that cannot be used (missing for a query,
 * not claimgraph's, newer schema, another process writing) and a bad input are exit 1 with a
 * one-line reason.
 */
export async function withStore(command: string, db: string | undefined, create: boolean, use: (store: Store) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore(db, create);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    process.stderr.write(`claimgraph ${command}: ${error.message}\n`);
    return 1;
  }
  try {
    return await use(store);
  } catch (error) {
    // A bad input, or a database busy with another writer (CorpusBusyError).
    if (!(error instanceof CoreError || error instanceof StoreError)) throw error;
    process.stderr.write(`claimgraph ${command}: ${error.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** The number an option gives, at least `least`, or undefined when it is not given. */
export function countOption(values: Record<string, string | boolean | undefined>, name: string, least: number): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < least) {
    throw new UsageError(`--${name} must be a whole number of at least ${least}, not "${String(value)}"`);
  }
  return Number(value);
}

/** The paging options every list command has, for its usage text after its own --limit line. */
export const OFFSET_USAGE = `  --offset N    skip the first N (with --limit, one page of a long list)`;

export interface QuerySpec<T> {
  name: string;
  usage: string;
  /** Options besides --db, --json, --limit and --offset. */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Checks the options (throwing UsageError) and reads one page of the records. */
  query(store: Store, values: Record<string, string | boolean | undefined>, page: Page): Promise<T[]>;
  /** The records as text, when --json is not given. */
  render(records: T[]): string;
}

/** A command that reads the corpus database and prints records: a JSON array with --json. */
export function queryCommand<T>(spec: QuerySpec<T>): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    async run(argv) {
      const parsed = parseOptions(argv, { ...STORE_OPTIONS, ...spec.options, limit: { type: 'string' }, offset: { type: 'string' } });
      if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
      const values = parsed.values as Record<string, string | boolean | undefined>;
      const { db, json } = values as { db?: string; json?: boolean };
      const page = { limit: parsed.limit, offset: countOption(values, 'offset', 0) };
      return withStore(spec.name, db, false, async (store) => {
        const records = await spec.query(store, values, page);
        process.stdout.write(json ? `${JSON.stringify(records, null, 2)}\n` : `${spec.render(records)}\n`);
        return 0;
      });
    },
  };
}
