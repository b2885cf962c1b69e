import { queueStatus } from '../../scale/queue.js';
import { UsageError, type Command } from '../command.js';
import { postgresUrl, withDatabase } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph status [--db postgres://...] [--json]

How far the distributed ingest has got, in documents: pending (queued, retrying, or analysed and
waiting to be placed), running (held by a live worker), stalled (held by a worker that is gone,
until a live worker releases it), done (in the corpus) and failed (parked after repeated failures,
listed with their error); and the worker processes connected now. docs/scale.md

Options:
  --db URL      the PostgreSQL database (default $CLAIMGRAPH_DATABASE_URL)
  --json        print {pending, running, stalled, done, failed, workers}`;

export const statusCommand: Command = {
  name: 'status',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const url = postgresUrl(values.db);
    return withDatabase('status', async () => {
      const { errors, ...counts } = await queueStatus(url);
      if (values.json) {
        process.stdout.write(`${JSON.stringify(counts)}\n`);
      } else {
        const { pending, running, stalled, done, failed, workers } = counts;
        process.stdout.write(`pending ${pending}, running ${running}, stalled ${stalled}, done ${done}, failed ${failed}; workers ${workers}\n`);
        for (const e of errors) process.stdout.write(`  failed: ${e.path}: ${e.error}\n`);
      }
      return 0;
    });
  },
};
