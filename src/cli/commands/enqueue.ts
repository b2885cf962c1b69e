import { DEFAULT_MAX_ATTEMPTS, enqueue } from '../../scale/queue.js';
import { UsageError, type Command } from '../command.js';
import { postgresUrl, withDatabase } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph enqueue SOURCE... [--db postgres://...] [--max-attempts N] [--json]

Queues documents for "claimgraph worker" processes: the same sources as "claimgraph ingest"
(.txt and .html files, JSONL, RSS/Atom/RDF feeds, URLs, folders), one job per document. A document
already queued or in the corpus (the same text, by content hash) is counted as a duplicate, so
enqueueing the same sources again adds nothing. docs/scale.md

Options:
  --db URL            the PostgreSQL database (default $CLAIMGRAPH_DATABASE_URL)
  --max-attempts N    attempts each document gets, retried after exp(attempt) seconds, before it is
                      parked with its error (default ${DEFAULT_MAX_ATTEMPTS}, about 1.5 minutes in all)
  --json              print {enqueued, duplicates, failed: [{path, error}]}

Exit codes: 0 done, 1 nothing could be read or the database cannot be used, 2 usage error.`;

export const enqueueCommand: Command = {
  name: 'enqueue',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, 'max-attempts': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('expected at least one SOURCE (file, folder, feed or URL)');
    const maxAttempts = Number(values['max-attempts'] ?? DEFAULT_MAX_ATTEMPTS);
    // graphile-worker counts attempts in a smallint.
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 32767) {
      throw new UsageError(`--max-attempts must be a whole number from 1 to 32767, not "${values['max-attempts']}"`);
    }
    const url = postgresUrl(values.db);
    return withDatabase('enqueue', async () => {
      const summary = await enqueue(url, positionals, { maxAttempts });
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
