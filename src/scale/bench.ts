import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoredCorpus } from '../corpus/placement.js';
import { createLexicon } from '../core/lexicon/index.js';
import { ingest } from '../corpus/ingest.js';
import { formatTable } from '../eval/table.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { createTestDatabase } from '../store/postgres/test-database.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { analyseQueued, enqueue, placeAnalysed, queueStatus } from './queue.js';

/**
 * The scale benchmark (`claimgraph bench-scale`): one-process ingest into SQLite and into
 * PostgreSQL, then the queue with 1 and 2 worker processes, on the same texts, each in a fresh
 * throw-away database. Worker times run from starting the processes (loading the models included)
 * to the last article placed. Last, the single writer alone: every document analysed beforehand,
 * then only their placement in the corpus timed, which bounds what any number of workers can place;
 * and what a worker pays to become the writer when another placed articles since it last did:
 * loading the corpus it keeps in memory.
 */

export interface ScaleBenchRow {
  setup: string;
  seconds: number;
  articlesPerSecond: number;
}

const BIN = fileURLToPath(new URL('../../bin/claimgraph.js', import.meta.url));

/** Null when no PostgreSQL server is reachable. */
export async function runScaleBenchmark(texts: readonly string[], onPhase?: (phase: string) => void): Promise<ScaleBenchRow[] | null> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-scale-'));
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, texts.map((text, i) => JSON.stringify({ id: `t${i}`, text })).join('\n'));
  const row = (setup: string, seconds: number): ScaleBenchRow => ({ setup, seconds, articlesPerSecond: texts.length / seconds });
  const timeIngest = async (store: Store): Promise<number> => {
    const start = performance.now();
    await ingest(store, [corpus]);
    await store.close();
    return (performance.now() - start) / 1000;
  };
  const rows: ScaleBenchRow[] = [];
  try {
    onPhase?.('ingest into SQLite, one process');
    rows.push(row('ingest, SQLite, 1 process', await timeIngest(openSqliteStore(join(dir, 'corpus.db')))));
    const single = await createTestDatabase();
    if (!single) return null;
    try {
      onPhase?.('ingest into PostgreSQL, one process');
      rows.push(row('ingest, PostgreSQL, 1 process', await timeIngest(await openPostgresStore(single.url))));
    } finally {
      await single.drop();
    }
    for (const workers of [1, 2]) {
      onPhase?.(`queue with ${workers} worker process${workers === 1 ? '' : 'es'}`);
      const database = await createTestDatabase();
      if (!database) return null;
      try {
        // Texts that repeat one before are duplicates, never placed.
        const { enqueued } = await enqueue(database.url, [corpus]);
        const start = performance.now();
        const children = Array.from({ length: workers }, () => spawn(process.execPath, [BIN, 'worker', '--db', database.url], { stdio: 'ignore' }));
        try {
          while ((await queueStatus(database.url)).done < enqueued) await new Promise((r) => setTimeout(r, 200));
        } finally {
          await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
        }
        rows.push(row(`queue, PostgreSQL, ${workers} worker${workers === 1 ? '' : 's'}`, (performance.now() - start) / 1000));
      } finally {
        await database.drop();
      }
    }
    onPhase?.('the writer alone, placing analysed documents');
    const database = await createTestDatabase();
    if (!database) return null;
    try {
      await enqueue(database.url, [corpus]);
      await analyseQueued(database.url);
      rows.push(row('queue, PostgreSQL, writer alone (placing only)', await placeAnalysed(database.url)));
      onPhase?.('a writer resuming from the corpus');
      const store = await openPostgresStore(database.url, { mustExist: true });
      try {
        const start = performance.now();
        await StoredCorpus.open(store, { lexicon: createLexicon() });
        rows.push(row('queue, PostgreSQL, writer resuming (loading the corpus)', (performance.now() - start) / 1000));
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export function formatScaleBenchReport(rows: readonly ScaleBenchRow[], articles: number): string {
  return `${articles} articles\n\n${formatTable([['setup', 'seconds', 'articles/s'], ...rows.map((r) => [r.setup, r.seconds.toFixed(1), r.articlesPerSecond.toFixed(1)])])}`;
}
