import { CorpusEngine, type CorpusOptions, type IncomingArticle } from '../core/corpus/corpus.js';
import type { ArticleRecord, CorpusBatch } from '../core/corpus/types.js';
import type { Store } from '../store/types.js';

/**
 * The corpus engine backed by a store: it resumes from the store's snapshot (entities, stories,
 * claim index; no per-article state), and before each step of placing an article loads from the
 * store's indexes what that step reads (LSH buckets, then story postings) into the engine's
 * windows, so the engine stays synchronous and its memory does not grow with the corpus. It
 * decides exactly as an engine holding everything in memory. Write each batch taken before adding
 * the next article.
 */
export class StoredCorpus {
  private constructor(
    private readonly store: Store,
    private readonly engine: CorpusEngine,
  ) {}

  static async open(store: Store, options: CorpusOptions): Promise<StoredCorpus> {
    return new StoredCorpus(store, new CorpusEngine(options, await store.snapshot()));
  }

  /** True when an article with this id is stored or waiting in the batch. */
  async has(id: string): Promise<boolean> {
    return this.engine.has(id) || (await this.store.has(id));
  }

  /** Adds one analysed article; its rows join the pending batch. */
  async add(input: IncomingArticle): Promise<ArticleRecord> {
    const bands = this.engine.bandsToLoad(input.prepared.signature);
    if (bands.length > 0) for (const [key, members] of await this.store.bands(bands)) this.engine.loadBand(key, members);
    const placement = this.engine.begin(input);
    const postings = this.engine.postingsToLoad(placement);
    if (postings.length > 0) for (const [key, stories] of await this.store.postings(postings)) this.engine.loadPosting(key, stories);
    return this.engine.finish(placement);
  }

  /** The rows added since the last call, for one store transaction. */
  takeBatch(): CorpusBatch {
    return this.engine.takeBatch();
  }
}
