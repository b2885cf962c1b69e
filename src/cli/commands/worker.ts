import { startWorkers } from '../../scale/queue.js';
import { UsageError, type Command } from '../command.js';
import { postgresUrl, withDatabase } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph worker [--db postgres://...] [--concurrency N] [--lexicon FILE]

Runs queued jobs (claimgraph enqueue) until stopped with Ctrl-C or SIGTERM, which lets the running
jobs finish. Start one per core, on as many machines as reach the database: documents are analysed
in parallel and placed in the corpus in the order they were queued. docs/scale.md

Options:
  --db URL           the PostgreSQL database (default $CLAIMGRAPH_DATABASE_URL)
  --concurrency N    jobs this process runs at once (default 1; analysis uses one core per process)
  --lexicon FILE     extra organisations and aliases (docs/lexicon.md); also CLAIMGRAPH_LEXICON
  --rescue SECONDS   how often to release the jobs of workers that died, for others to run (default 10)`;

export const workerCommand: Command = {
  name: 'worker',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, concurrency: { type: 'string' }, lexicon: { type: 'string' }, rescue: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const concurrency = Number(values.concurrency ?? 1);
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive whole number, not "${values.concurrency}"`);
    const rescueSeconds = Number(values.rescue ?? 10);
    if (!(rescueSeconds > 0)) throw new UsageError(`--rescue must be a positive number of seconds, not "${values.rescue}"`);
    const url = postgresUrl(values.db);
    return withDatabase('worker', async () => {
      const workers = await startWorkers(url, { concurrency, lexiconPath: values.lexicon, rescueSeconds });
      process.stderr.write(`claimgraph worker: running ${concurrency} job${concurrency === 1 ? '' : 's'} at a time; Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await workers.stop();
      return 0;
    });
  },
};
