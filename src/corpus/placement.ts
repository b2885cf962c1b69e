import { claimPostings } from '../core/corpus/claims.js';
import { CorpusEngine, type CorpusOptions, type IncomingArticle, type Resolution } from '../core/corpus/corpus.js';
import type { EntityReads } from '../core/corpus/entities.js';
import { bandKeys } from '../core/corpus/minhash.js';
import { StoryClusterer } from '../core/corpus/stories.js';
import type { ArticleRecord, BandMember, ClaimRef, CorpusBatch } from '../core/corpus/types.js';
import { CorpusIndexMissingError } from '../store/errors.js';
import type { Store } from '../store/types.js';
import { HeapCap } from './heap-cap.js';

/** Rounds of loading an article's entities may take: a few per entity, so this is far beyond any article. */
const MAX_LOAD_ROUNDS = 10_000;

/**
 * The corpus engine backed by a store: it resumes from the store's snapshot (the article count),
 * and before each step of placing an article loads from the store's indexes what that step reads
 * (LSH buckets; the entity keys and entities its entities are resolved by; document frequencies;
 * story postings, the stories they name and the sums of those scored; its story's entities, when
 * it made a new one; the claim postings its claims are matched against; the entities the reasons
 * of its pairs name) into the engine's windows, so the engine stays synchronous and its memory
 * does not grow with the corpus. It decides exactly as an engine holding everything in memory.
 * Write each batch taken before adding the next article.
 */
export class StoredCorpus {
  private readonly heap = HeapCap.fromEnvironment();

  private constructor(
    private readonly store: Store,
    private readonly engine: CorpusEngine,
  ) {}

  /**
   * Resumes from the store. A writer (`rebuild`) first rebuilds the indexes of a corpus stored
   * without them, by an older claimgraph; anyone else gets CorpusIndexMissingError.
   */
  static async open(store: Store, options: CorpusOptions & { rebuild?: boolean }): Promise<StoredCorpus> {
    try {
      return new StoredCorpus(store, new CorpusEngine(options, await store.snapshot()));
    } catch (error) {
      if (!(error instanceof CorpusIndexMissingError) || !options.rebuild) throw error;
      await rebuildIndexes(store);
      return new StoredCorpus(store, new CorpusEngine(options, await store.snapshot()));
    }
  }

  /** True when an article with this id is stored or waiting in the batch. */
  async has(id: string): Promise<boolean> {
    return this.engine.has(id) || (await this.store.has(id));
  }

  /** Adds one analysed article; its rows join the pending batch. */
  async add(input: IncomingArticle): Promise<ArticleRecord> {
    const bands = this.engine.bandsToLoad(input.prepared.signature);
    if (bands.length > 0) for (const [key, members] of await this.store.bands(bands)) this.engine.loadBand(key, members);
    const begun = this.engine.begin(input);
    let resolution: Resolution | null = null;
    let rounds = 0;
    while (resolution === null) {
      for (let reads = this.engine.entitiesToLoad(begun); reads.keys.length + reads.ids.length > 0; reads = this.engine.entitiesToLoad(begun)) {
        // Each round resolves at least one entity or loads what it lacks; one that never ends is a bug, not a wait.
        if (++rounds > MAX_LOAD_ROUNDS) throw new Error(`placing ${input.id}: the entity registry keeps asking for ${[...reads.keys, ...reads.ids].slice(0, 5).join(', ')}`);
        await this.loadEntities(reads);
      }
      resolution = this.engine.resolve(begun);
    }
    const df = this.engine.dfToLoad(resolution);
    if (df.length > 0) for (const [key, n] of await this.store.df(df)) this.engine.loadDf(key, n);
    const placement = this.engine.weigh(resolution);
    const postings = this.engine.postingsToLoad(placement);
    if (postings.length > 0) for (const [key, stories] of await this.store.postings(postings)) this.engine.loadPosting(key, stories);
    const stories = this.engine.storiesToLoad(placement);
    if (stories.length > 0) for (const story of await this.store.storyStates(stories)) this.engine.loadStory(story);
    const sums = this.engine.sumsToLoad(placement);
    if (sums.length > 0) for (const [story, centroid] of await this.store.storySums(sums)) this.engine.loadSums(story, centroid);
    const placed = this.engine.place(placement);
    await this.loadEntities(this.engine.settleToLoad(placed));
    const settled = this.engine.settle(placed);
    const claimPostingKeys = this.engine.claimPostingsToLoad(settled);
    if (claimPostingKeys.length > 0) for (const [key, claims] of await this.store.claimPostings(claimPostingKeys)) this.engine.loadClaimPosting(key, claims);
    const matched = this.engine.match(settled);
    await this.loadEntities({ keys: [], ids: this.engine.namesToLoad(matched) });
    return this.engine.finish(matched);
  }

  private async loadEntities({ keys, ids }: EntityReads): Promise<void> {
    if (keys.length > 0) for (const [key, owners] of await this.store.entityKeys(keys)) this.engine.loadEntityKey(key, owners);
    if (ids.length === 0) return;
    const found = new Map((await this.store.entitiesById(ids)).map((entity) => [entity.id, entity]));
    for (const id of ids) this.engine.loadEntity(id, found.get(id) ?? null);
  }

  /** The rows added since the last call, for one store transaction; the heap is then kept under the writer's cap. */
  takeBatch(): CorpusBatch {
    const batch = this.engine.takeBatch();
    this.heap?.check();
    return batch;
  }
}

/**
 * Writes the indexes of a corpus stored without them, in one transaction: every article's LSH
 * bands, the story clustering replayed over the stored articles (each in the story it is in),
 * which gives the stories' sums, the postings and the document frequencies, and the claim
 * postings of every stored claim. Reads every article and claim once, and holds the clustering in
 * memory while it does.
 */
async function rebuildIndexes(store: Store): Promise<void> {
  const labels = new Map((await store.stories()).map((story) => [story.id, story.label]));
  const clusterer = new StoryClusterer();
  const bands: Array<[number, number]> = [];
  const members: BandMember[] = [];
  for await (const { id, seq, signature, story, vector, time } of store.articles()) {
    for (const key of bandKeys(signature)) bands.push([key, seq]);
    members.push({ id, seq, story, signature });
    clusterer.replay(story, labels.get(story) ?? '', vector, time, seq);
  }
  const { stories, sums, postings, df } = clusterer.take();
  const claims: Array<[string, ClaimRef]> = [];
  for await (const claim of store.claims()) for (const posting of claimPostings(claim)) claims.push([posting, { article: claim.article, claim: claim.id }]);
  await store.write({ articles: [], entities: [], claims: [], stories, merged: [], edges: [], index: { bands, members, postings, df, claims, sums, entityKeys: [] } });
}
