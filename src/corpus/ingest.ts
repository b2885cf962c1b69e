import { createAnalyzer } from '../analyze.js';
import { articleText } from '../cli/commands/analyze.js';
import { CorpusEngine } from '../core/corpus/corpus.js';
import { createLexicon } from '../core/lexicon/index.js';
import { listSources, readSource, type SourceOptions } from '../ingest/sources.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import type { Store } from '../store/types.js';
import { contentId } from './ids.js';

/**
 * Ingest: documents from the sources are analysed, placed in the corpus (copies, stories, entities,
 * contradictions) and written to the store a batch at a time, each batch one transaction. A run
 * that is killed loses only its uncommitted batch; the next run finds the committed articles
 * already stored, counts them as duplicates without analysing them again, and carries on.
 */

export interface IngestSummary {
  ingested: number;
  /** Articles already in the corpus (the same text, by content hash). */
  duplicates: number;
  failed: Array<{ path: string; error: string }>;
}

export interface IngestProgress {
  /** Sources (files, feeds, URLs) finished, of `total`. */
  sources: number;
  total: number;
  ingested: number;
  duplicates: number;
  failed: number;
}

export interface IngestOptions extends SourceOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** A batch is also committed when this long has passed since the last (slow feeds). */
  batchSeconds?: number;
  /** Extra organisations and aliases (docs/lexicon.md): used by the analyser and by entity merging. */
  lexiconPath?: string;
  onProgress?: (progress: IngestProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 32;
const DEFAULT_BATCH_SECONDS = 2;

export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const lexiconPath = options.lexiconPath ?? process.env.CLAIMGRAPH_LEXICON;
  const [analyzer, extension, snapshot, listed] = await Promise.all([
    createAnalyzer({ lexiconPath }),
    lexiconPath ? loadLexiconExtension(lexiconPath) : Promise.resolve(undefined),
    store.snapshot(),
    listSources(paths),
  ]);
  const engine = new CorpusEngine({ lexicon: createLexicon(extension) }, snapshot);
  const summary: IngestSummary = { ingested: 0, duplicates: 0, failed: [...listed.failed] };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchMs = (options.batchSeconds ?? DEFAULT_BATCH_SECONDS) * 1000;
  let pending = 0;
  let lastCommit = Date.now();
  const commit = async (): Promise<void> => {
    if (pending > 0) await store.write(engine.takeBatch());
    pending = 0;
    lastCommit = Date.now();
  };
  const progress = (sources: number): void =>
    options.onProgress?.({
      sources,
      total: listed.sources.length,
      ingested: summary.ingested,
      duplicates: summary.duplicates,
      failed: summary.failed.length,
    });

  for (const [index, source] of listed.sources.entries()) {
    for await (const item of readSource(source, options)) {
      if (!item.ok) {
        summary.failed.push({ path: item.path, error: item.error });
        continue;
      }
      const { path, input } = item.document;
      const text = articleText(input);
      const id = contentId(text);
      if (engine.has(id)) {
        summary.duplicates += 1;
        continue;
      }
      let doc;
      try {
        doc = analyzer.run(text);
      } catch (error) {
        summary.failed.push({ path, error: `analysis failed: ${(error as Error).message}` });
        continue;
      }
      engine.add({
        id,
        doc,
        title: input.title,
        source: input.source,
        url: input.url,
        path,
        published: input.published,
        ingestedAt: new Date().toISOString(),
      });
      summary.ingested += 1;
      pending += 1;
      if (pending >= batchSize || Date.now() - lastCommit >= batchMs) await commit();
      progress(index);
    }
    progress(index + 1);
  }
  await commit();
  return summary;
}
