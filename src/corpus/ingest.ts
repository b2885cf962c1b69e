import { availableParallelism } from 'node:os';
import type { PreparedArticle } from '../core/corpus/prepare.js';
import { createLexicon } from '../core/lexicon/index.js';
import type { Pipeline } from '../core/pipeline.js';
import type { ArticleInput } from '../ingest/input.js';
import { listSources, type SourceOptions } from '../ingest/sources.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import type { Store } from '../store/types.js';
import { startInputThread, type InputThread } from '../ingest/input-thread.js';
import { createAnalysisPool } from './analysis-pool.js';
import { readDocuments } from './documents.js';
import { StoredCorpus } from './placement.js';

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
  /** Worker threads that analyse while the main thread stores; 0 analyses inline. */
  workers?: number;
  /** An analyser already loaded (with the same lexicon), for inline analysis. */
  analyzer?: Pipeline;
  /**
   * Keep the calling thread free (the server's event loop): documents are read in a worker thread
   * and analysed only in worker threads, at least one.
   */
  offMainThread?: boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export const DEFAULT_BATCH_SIZE = 32;
const DEFAULT_BATCH_SECONDS = 2;

/** One worker per core but the main thread's, which places and writes the articles. */
export function defaultWorkers(): number {
  return availableParallelism() - 1;
}

interface Job {
  id: string;
  path: string;
  input: ArticleInput;
  prepared: Promise<PreparedArticle>;
}

export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const lexiconPath = options.lexiconPath ?? process.env.CLAIMGRAPH_LEXICON;
  const chosen = options.workers ?? (options.analyzer ? 0 : defaultWorkers());
  const workers = options.offMainThread ? Math.max(1, chosen) : chosen;
  // A bad lexicon file is reported here, before any worker starts with it.
  const extension = lexiconPath ? await loadLexiconExtension(lexiconPath) : undefined;
  // One writer at a time: another ingest's articles would take the same numbers (CorpusBusyError).
  const claim = await store.claimWriter();
  let corpus: StoredCorpus;
  let listed: Awaited<ReturnType<typeof listSources>>;
  let pool: Awaited<ReturnType<typeof createAnalysisPool>>;
  let reading: InputThread | null = null;
  try {
    [corpus, listed] = await Promise.all([StoredCorpus.open(store, { lexicon: createLexicon(extension), rebuild: true }), listSources(paths)]);
    // Started last, so that nothing can fail between starting the workers and the `finally` that stops them.
    pool = await createAnalysisPool({ workers, lexiconPath, analyzer: options.analyzer, callerHelps: !options.offMainThread });
    if (options.offMainThread) reading = startInputThread();
  } catch (error) {
    await claim.release();
    throw error;
  }
  const summary: IngestSummary = { ingested: 0, duplicates: 0, failed: [...listed.failed] };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchMs = (options.batchSeconds ?? DEFAULT_BATCH_SECONDS) * 1000;
  // Enough work queued to keep every worker busy while the main thread stores.
  const queueLength = Math.max(1, workers * 32);
  const queue: Job[] = [];
  const queued = new Set<string>();
  let uncommitted = 0;
  let lastCommit = Date.now();
  let sourcesDone = 0;

  const commit = async (): Promise<void> => {
    if (uncommitted > 0) await store.write(corpus.takeBatch());
    uncommitted = 0;
    lastCommit = Date.now();
  };
  const progress = (): void =>
    options.onProgress?.({
      sources: sourcesDone,
      total: listed.sources.length,
      ingested: summary.ingested,
      duplicates: summary.duplicates,
      failed: summary.failed.length,
    });
  /** Places the oldest queued article in the corpus, in the order read, and commits a full batch. */
  const settle = async (): Promise<void> => {
    const { id, path, input, prepared } = queue.shift() as Job;
    queued.delete(id);
    let analysed: PreparedArticle;
    try {
      analysed = await pool.wait(prepared);
    } catch (error) {
      summary.failed.push({ path, error: `CG_E012: analysis failed: ${(error as Error).message}` });
      return;
    }
    await corpus.add({ id, prepared: analysed, title: input.title, source: input.source, url: input.url, path, published: input.published, ingestedAt: new Date().toISOString() });
    summary.ingested += 1;
    uncommitted += 1;
    if (uncommitted >= batchSize || Date.now() - lastCommit >= batchMs) await commit();
    progress();
  };

  try {
    const onSourceDone = (): void => {
      sourcesDone += 1;
      progress();
    };
    const sourceOptions = reading ? { ...options, reader: reading.read } : options;
    for await (const { path, input, text, id } of readDocuments(listed.sources, sourceOptions, summary.failed, onSourceDone)) {
      if (queued.has(id) || (await corpus.has(id))) {
        summary.duplicates += 1;
        continue;
      }
      const prepared = pool.analyse(text);
      // Handled when settled; until then a failure must not count as unhandled.
      prepared.catch(() => {});
      queue.push({ id, path, input, prepared });
      queued.add(id);
      if (queue.length >= queueLength) await settle();
    }
    while (queue.length > 0) await settle();
    await commit();
  } finally {
    await Promise.all([pool.close(), reading?.close()]);
    await claim.release();
  }
  return summary;
}
