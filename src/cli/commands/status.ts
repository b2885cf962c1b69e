import { queueStatus } from '../../scale/queue.js';
import { UsageError, type Command } from '../command.js';
import { postgresUrl, withDatabase } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph status [--db postgres://...] [--json]

How far the distributed ingest has got, in documents: pending (queued, retrying, or analysed and
waiting to be placed), running, done (in the corpus) and failed (parked after repeated failures,
listed with their error). docs/scale.md

Options:
  --db URL      the PostgreSQL database (default $CLAIMGRAPH_DATABASE_URL)
  --json        print {pending, running, done, failed}`;

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
        process.stdout.write(`pending ${counts.pending}, running ${counts.running}, done ${counts.done}, failed ${counts.failed}\n`);
        for (const e of errors) process.stdout.write(`  failed: ${e.path}: ${e.error}\n`);
      }
      return 0;
    });
  },
};
