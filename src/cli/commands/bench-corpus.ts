import { CORPUS_BENCH_TARGETS, formatCorpusBenchReport, runCorpusBenchmark, writeSyntheticTexts } from '../../scale/corpus-bench.js';
import { UsageError, type Command } from '../command.js';
import { benchTexts } from './bench.js';
import { withDatabase } from './corpus-store.js';
import { parseOptions, withInputErrors } from './eval.js';

const DEFAULT_ARTICLES = 10_000;

async function benchCorpus(argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, { corpus: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' }, articles: { type: 'string' }, db: { type: 'string' }, texts: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const articles = Number(values.articles ?? DEFAULT_ARTICLES);
  if (!Number.isInteger(articles) || articles < 10) throw new UsageError(`--articles must be a whole number of at least 10, not "${values.articles}"`);
  const input = await benchTexts('bench-corpus', values.corpus, limit);
  if (!input) return 0;
  const onProgress = (line: string) => process.stderr.write(`${line}\n`);
  if (values.texts !== undefined) {
    if (values.db !== undefined) throw new UsageError('--texts writes the synthetic articles and places none: it takes no --db');
    await writeSyntheticTexts(input.texts, articles, values.texts, onProgress);
    return 0;
  }
  const report = await runCorpusBenchmark(input.texts, { articles, db: values.db, onProgress });
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${input.corpus}, ${articles} synthetic articles, ${report.store}\n\n${formatCorpusBenchReport(report)}\n`);
  return 0;
}

export const benchCorpusCommand: Command = {
  name: 'bench-corpus',
  usage: `Usage: claimgraph bench-corpus [--articles N] [--corpus FILE.jsonl] [--limit N] [--db FILE|postgres://...] [--json]
       claimgraph bench-corpus --texts OUT.jsonl [--articles N] [--corpus FILE.jsonl] [--limit N]

Analyses the texts of a JSONL corpus once (default: polnear/train.jsonl in $CLAIMGRAPH_DATA, else
../shared/data), then places N synthetic articles made from them (default ${DEFAULT_ARTICLES}: variants with
paragraphs, terms and entities dropped, a date each, people renamed on every pass over the
texts) into a new corpus, timing placement only: a SQLite file, or with --db postgres://... a
schema of its own (claimgraph_bench_*) in that database, created for the run and dropped after it;
an unreachable server is refused before any analysis. Reports, per tenth of the run, the
placement rate, peak RSS, the heap in use and reserved and the memory outside it at its end (run
node with --expose-gc for the heap retained after a full collection), and database growth per
1,000 articles; then the time to resume from the corpus and the latency of the list queries. Targets: last tenth's rate ≥ ${CORPUS_BENCH_TARGETS.rateRatio * 100} % of the
first's, peak RSS ≤ ${CORPUS_BENCH_TARGETS.rssRatio}× the first tenth's and ≤ ${CORPUS_BENCH_TARGETS.peakRssMB} MB. docs/scale.md

Options:
  --articles N   synthetic articles to place (default ${DEFAULT_ARTICLES})
  --corpus FILE  JSONL corpus of base texts
  --limit N      use only the first N base texts
  --db FILE      keep the corpus in FILE (must not exist; default a temporary file, deleted)
  --db URL       place into a new schema of the PostgreSQL database at URL (dropped after; peak RSS is
                 this process's, the server's memory aside)
  --texts FILE   write the N synthetic articles as texts to FILE (JSONL, one {id, source, published,
                 text} a line; FILE must not exist) for ingest or enqueue, and place nothing
  --json         print the measurements as JSON`,
  run: (argv) => withInputErrors('bench-corpus', () => withDatabase('bench-corpus', () => benchCorpus(argv))),
};
