import { existsSync, readFileSync } from 'node:fs';
import { formatBenchReport, readCorpusTexts, runBenchmark } from '../../bench/bench.js';
import { formatLongReport, measureOneArticle, runLongArticleBench, runStartupBench } from '../../bench/long.js';
import { sharedDataPath } from '../../eval/data-path.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions, withInputErrors } from './eval.js';

const DEFAULT_CORPUS = ['polnear', 'train.jsonl'];

/**
 * The corpus a bench command times: `--corpus`, else PolNeAR train from the shared data. Only the
 * default may be absent (null, after saying so); a --corpus that cannot be read is CG_E009.
 */
export async function benchTexts(command: string, corpusOption: string | undefined, limit: number | undefined): Promise<{ corpus: string; texts: string[] } | null> {
  const corpus = corpusOption ?? sharedDataPath(...DEFAULT_CORPUS);
  if (corpusOption === undefined && !existsSync(corpus)) {
    process.stderr.write(`claimgraph ${command}: skipped: ${corpus} not found (set CLAIMGRAPH_DATA or pass --corpus)\n`);
    return null;
  }
  return { corpus, texts: await readCorpusTexts(corpus, limit) };
}

async function bench(argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, {
    corpus: { type: 'string' },
    json: { type: 'boolean' },
    limit: { type: 'string' },
    article: { type: 'string' },
    'skip-long': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.article !== undefined) {
    process.stdout.write(`${JSON.stringify(await measureOneArticle(readFileSync(values.article, 'utf8')))}\n`);
    return 0;
  }
  const input = await benchTexts('bench', values.corpus, limit);
  if (!input) return 0;
  const { corpus, texts } = input;
  const onPhase = process.stderr.isTTY
    ? (phase: string) => process.stderr.write(`timing ${phase} on ${texts.length} articles…\n`)
    : undefined;
  const report = await runBenchmark(texts, onPhase);
  if (values['skip-long']) {
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${corpus}\n\n${formatBenchReport(report)}\n`);
    return 0;
  }
  onPhase?.('long articles and start-up');
  const long = runLongArticleBench(texts);
  const startup = runStartupBench();
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ ...report, long, startup })}\n`
      : `${corpus}\n\n${formatBenchReport(report)}\n\n${formatLongReport(long, startup)}\n`,
  );
  return 0;
}

export const benchCommand: Command = {
  name: 'bench',
  usage: `Usage: claimgraph bench [--corpus FILE.jsonl] [--json] [--limit N]

Times the full pipeline over the texts of a JSONL corpus (one {"text": …} object per line; default:
polnear/train.jsonl in $CLAIMGRAPH_DATA, else ../shared/data), reads the peak RSS, then times
compromise (people, places, organizations, quotations) on the same texts. Both rates count tokens
with our tokenizer. Targets: ≥ 100,000 tokens/s, ≤ 400 MB peak RSS, ≥ 4× compromise. Then
analyses articles of 100 KB, 1 MB and 5 MB made of those texts, each in a process of its own
(time per KB may grow ≤ 1.5×; peak RSS and JSON size shown), and times the CLI's start-up
(\`--help\` ≤ 0.3 s, analysing the seed ≤ 0.8 s; median of three).

Options:
  --corpus FILE  JSONL corpus to time
  --json         print the measurements as JSON (docs/eval.md)
  --limit N      use only the first N texts
  --skip-long    leave out the long articles and start-up rows
  --article FILE  analyse FILE once and print {seconds, peakRssMB, outputMB} (what each long row runs)`,
  run: (argv) => withInputErrors('bench', () => bench(argv)),
};
