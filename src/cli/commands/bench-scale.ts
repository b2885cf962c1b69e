import { formatScaleBenchReport, runScaleBenchmark } from '../../scale/bench.js';
import { NO_SERVER_MESSAGE } from '../../store/postgres/test-database.js';
import { UsageError, type Command } from '../command.js';
import { benchTexts } from './bench.js';
import { parseOptions, withInputErrors } from './eval.js';

/** Enough articles for steady rates, few enough for `npm run bench`. */
const DEFAULT_LIMIT = 200;

async function benchScale(argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, { corpus: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const input = await benchTexts('bench-scale', values.corpus, limit ?? DEFAULT_LIMIT);
  if (!input) return 0;
  const onPhase = process.stderr.isTTY ? (phase: string) => process.stderr.write(`timing ${phase}…\n`) : undefined;
  const rows = await runScaleBenchmark(input.texts, onPhase);
  if (!rows) {
    process.stderr.write(`claimgraph bench-scale: skipped: ${NO_SERVER_MESSAGE}\n`);
    return 0;
  }
  process.stdout.write(values.json ? `${JSON.stringify({ articles: input.texts.length, rows })}\n` : `${input.corpus}\n\n${formatScaleBenchReport(rows, input.texts.length)}\n`);
  return 0;
}

export const benchScaleCommand: Command = {
  name: 'bench-scale',
  usage: `Usage: claimgraph bench-scale [--corpus FILE.jsonl] [--limit N] [--json]

Times the same texts (default: the first ${DEFAULT_LIMIT} of polnear/train.jsonl in $CLAIMGRAPH_DATA,
else ../shared/data) through a one-process ingest into SQLite and into PostgreSQL, then through
"claimgraph enqueue" and 1 and 2 "claimgraph worker" processes. Then the queue's single writer
alone: the documents are analysed first, untimed, and only placing them in the corpus (copies,
stories, entities, contradictions, the write) is timed; and a writer resuming, which loads the
corpus placed so far, as a worker does when it takes over placing from another. Each PostgreSQL
run uses a fresh database on the server of $CLAIMGRAPH_TEST_DATABASE_URL (default
postgres://127.0.0.1:5432/postgres), dropped afterwards; without a server it is skipped with a
message. docs/scale.md

Options:
  --corpus FILE  a JSONL corpus of {text} records
  --limit N      use only the first N texts (default ${DEFAULT_LIMIT})
  --json         print {articles, rows: [{setup, seconds, articlesPerSecond}]}`,
  run: (argv) => withInputErrors('bench-scale', () => benchScale(argv)),
};
