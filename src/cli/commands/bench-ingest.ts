import { CLUSTERING_SIZES, formatIngestBenchReport, runIngestBenchmark } from '../../bench/ingest.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions, withInputErrors } from './eval.js';
import { workersOption } from './ingest.js';
import { benchTexts } from './bench.js';

async function benchIngest(argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, { corpus: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, workers: { type: 'string' } });
  const workers = workersOption(values.workers);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const input = await benchTexts('bench-ingest', values.corpus, limit);
  if (!input) return 0;
  const { corpus, texts } = input;
  const onPhase = process.stderr.isTTY ? (phase: string) => process.stderr.write(`timing ${phase}…\n`) : undefined;
  const report = await runIngestBenchmark(texts, { workers, onPhase });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${corpus}\n\n${formatIngestBenchReport(report)}\n`);
  return 0;
}

export const benchIngestCommand: Command = {
  name: 'bench-ingest',
  usage: `Usage: claimgraph bench-ingest [--corpus FILE.jsonl] [--json] [--limit N] [--workers N]

Times analysis alone over the texts of a JSONL corpus (default: polnear/train.jsonl in
$CLAIMGRAPH_DATA, else ../shared/data), then a full ingest of the same texts into a new SQLite
database, and reports both rates (target: ingest ≥ 80 % of analysis), the database size per 1,000
articles, and the time to place ${CLUSTERING_SIZES.join(' and ')} synthetic articles (variations of the
texts; near-copy check and story clustering), whose time per article should not grow. Each
measurement is taken twice, interleaved, and the faster counts.

Options:
  --corpus FILE  JSONL corpus to time
  --json         print the measurements as JSON (docs/corpus.md)
  --limit N      use only the first N texts
  --workers N    analysis threads for the ingest (default as for claimgraph ingest)`,
  run: (argv) => withInputErrors('bench-ingest', () => benchIngest(argv)),
};
