import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { EXPORT_FORMATS, exportCorpus, type ExportFormat } from '../../corpus/export.js';
import { UsageError, type Command } from '../command.js';
import { DEFAULT_DB, withStore } from './corpus-store.js';
import { parseOptions } from './eval.js';

const USAGE = `Usage: claimgraph export --format jsonl|csv|graphml|gdelt [--out FILE] [--db PATH]

Writes the corpus (docs/corpus.md):
  jsonl    one article a line: the ingest record (id, url, title, source, published, text), its
           story, copy mark, canonical entity ids and full analysis
  csv      one claim a row: article, date, source, speaker, stance, CAMEO codes, quote text, offsets
  graphml  the actor network: who asserts, denies, accuses or condemns what about whom
  gdelt    GDELT-style event rows (tab-separated): CAMEO actor and event codes, root, quad class, PLOVER type

Options:
  --format F    one of ${EXPORT_FORMATS.join(', ')}
  --out FILE    write to FILE instead of standard output
  --db PATH     the corpus database (default ${DEFAULT_DB})`;

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    return withStore('export', values.db, false, async (store) => {
      const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
      let failure: NodeJS.ErrnoException | null = null;
      out.on('error', (error) => (failure = error));
      try {
        await exportCorpus(store, format, async (chunk) => {
          if (failure) throw failure;
          if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
        });
        if (values.out) {
          out.end();
          await once(out, 'finish');
        }
      } catch (error) {
        if (error !== failure) throw error;
      }
      // A reader that stops early (| head) is not an error; a full disk is.
      if (failure === null || (failure as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      process.stderr.write(`claimgraph export: cannot write ${values.out ?? 'standard output'}: ${(failure as Error).message}\n`);
      return 1;
    });
  },
};
