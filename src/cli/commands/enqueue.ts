import { enqueue } from '../../scale/queue.js';
import { UsageError, type Command } from '../command.js';
import { postgresUrl, withDatabase } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph enqueue SOURCE... [--db postgres://...] [--json]

Queues documents for "claimgraph worker" processes: the same sources as "claimgraph ingest"
(.txt and .html files, JSONL, RSS/Atom/RDF feeds, URLs, folders), one job per document. A document
already queued or in the corpus (the same text, by content hash) is counted as a duplicate, so
enqueueing the same sources again adds nothing. docs/scale.md

Options:
  --db URL      the PostgreSQL database (default $CLAIMGRAPH_DATABASE_URL)
  --json        print {enqueued, duplicates, failed: [{path, error}]}

Exit codes: 0 done, 1 nothing could be read or the database cannot be used, 2 usage error.`;

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'queue documents for distributed workers (PostgreSQL)',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('expected at least one SOURCE (file, folder, feed or URL)');
    const url = postgresUrl(values.db);
    return withDatabase('enqueue', async () => {
      const summary = await enqueue(url, positionals);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      } else {
        process.stdout.write(`enqueued ${summary.enqueued}, duplicates ${summary.duplicates}, failed ${summary.failed.length}\n`);
        for (const f of summary.failed) process.stdout.write(`  failed: ${f.path}: ${f.error}\n`);
      }
      return summary.failed.length > 0 && summary.enqueued + summary.duplicates === 0 ? 1 : 0;
    });
  },
};
