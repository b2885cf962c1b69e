import { DEFAULT_BATCH_SIZE, defaultWorkers, ingest, type IngestProgress, type IngestSummary } from '../../corpus/ingest.js';
import { LexiconExtensionError } from '../../core/lexicon/index.js';
import { DEFAULT_TIMEOUT_MS } from '../../ingest/fetch.js';
import { UsageError, type Command } from '../command.js';
import { STORE_OPTIONS, STORE_USAGE, withStore } from './corpus-store.js';
import { parseOptions } from './eval.js';
import { URL_OPTIONS, URL_USAGE, urlPolicyOf } from './url-options.js';

const USAGE = `Usage: claimgraph ingest PATH... [--db PATH] [--json] [options]

Reads articles into the corpus database: .txt and .html files, JSONL files of
{id?, url?, title?, source?, published?, text|html} records, RSS/Atom/RDF feeds (a file or a URL;
each item's page is fetched), web pages by URL, and folders of these (recursively). Each article is
analysed, matched against the corpus (copies, stories, entities, contradictions) and stored; a
document that fails is listed with its reason and the others go on. The same article twice is
stored once and counted as a duplicate, so a run that was stopped can simply be run again.

Options:
${STORE_USAGE}
  --batch N          articles per transaction (default ${DEFAULT_BATCH_SIZE})
  --lexicon FILE     extra organisations and aliases (docs/lexicon.md); also CLAIMGRAPH_LEXICON
  --max-bytes N      refuse larger documents (default 10485760)
  --timeout SECONDS  per web request (default ${DEFAULT_TIMEOUT_MS / 1000})
  --workers N        threads that analyse while the main thread stores (default ${defaultWorkers()}:
                     one per core but one); 0 analyses on the main thread
${URL_USAGE}

Prints {ingested, duplicates, failed: [{path, error}]} (--json prints exactly that).
Exit codes: 0 done, 1 nothing could be read or the database cannot be used, 2 usage error.`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    ...STORE_OPTIONS,
    batch: { type: 'string' },
    lexicon: { type: 'string' },
    'max-bytes': { type: 'string' },
    timeout: { type: 'string' },
    workers: { type: 'string' },
    ...URL_OPTIONS,
  });
  if (positionals.length === 0) throw new UsageError('expected at least one PATH (file, folder or URL)');
  const batchSize = positiveNumber('--batch', values.batch, true);
  const maxBytes = positiveNumber('--max-bytes', values['max-bytes'], true);
  const timeout = positiveNumber('--timeout', values.timeout, false);
  const workers = workersOption(values.workers);
  const urlPolicy = urlPolicyOf(values);
  const bar = process.stderr.isTTY ? progressBar() : undefined;
  return withStore('ingest', values.db, true, async (store) => {
    let summary: IngestSummary;
    try {
      summary = await ingest(store, positionals, {
        batchSize,
        maxBytes,
        timeoutMs: timeout === undefined ? undefined : timeout * 1000,
        urlPolicy,
        lexiconPath: values.lexicon,
        workers,
        onProgress: bar,
      });
    } catch (error) {
      if (!(error instanceof LexiconExtensionError)) throw error;
      process.stderr.write(`claimgraph ingest: ${error.message}\n`);
      return 1;
    } finally {
      if (bar) process.stderr.write('\r\x1b[K');
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const { ingested, duplicates, failed } = summary;
      process.stdout.write(`ingested ${ingested}, duplicates ${duplicates}, failed ${failed.length}\n`);
      for (const f of failed) process.stdout.write(`  failed: ${f.path}: ${f.error}\n`);
    }
    return summary.failed.length > 0 && summary.ingested + summary.duplicates === 0 ? 1 : 0;
  });
}

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} must be a positive ${integer ? 'whole ' : ''}number, not "${value}"`);
  return n;
}

/** `--workers N`: a whole number, 0 included. */
export function workersOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const workers = Number(value);
  if (!(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`--workers must be a whole number, not "${value}"`);
  return workers;
}

const BAR_WIDTH = 24;
/** Redraws at most this often, except when a source is done. */
const BAR_INTERVAL_MS = 100;

/** A one-line progress bar on standard error, redrawn in place. */
function progressBar(): (p: IngestProgress) => void {
  let drawn = { at: 0, sources: -1 };
  return (p) => {
    const now = Date.now();
    if (p.sources === drawn.sources && now - drawn.at < BAR_INTERVAL_MS) return;
    drawn = { at: now, sources: p.sources };
    const filled = p.total === 0 ? BAR_WIDTH : Math.round((p.sources / p.total) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
    process.stderr.write(`\r\x1b[K${bar} ${p.sources}/${p.total} sources · ${p.ingested} ingested · ${p.duplicates} duplicates · ${p.failed} failed`);
  };
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  run,
};
