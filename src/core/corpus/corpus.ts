import type { Lexicon } from '../lexicon/index.js';
import { ClaimIndex, articleEdges, canonicalClaims, outletName, pairEntities, type OpposedPair, type StoriedClaim } from './claims.js';
import { EntityRegistry, type ArticleEntities, type EntityReads, type StoryMembers } from './entities.js';
import { LshIndex, bandKeys } from './minhash.js';
import type { PreparedArticle } from './prepare.js';
import { StoryClusterer, type StoryFeatures } from './stories.js';
import type { ArticleRecord, BandMember, ClaimRecord, CorpusBatch, CorpusEntity, CorpusSnapshot, StoredStory, StoryCentroid, StoryRecord, StoryVector } from './types.js';

/**
 * The corpus engine: takes analysed articles one at a time and works out what each adds across
 * the corpus (near-copy, story, canonical entities, claims and the contradictions they make),
 * collecting the rows for the store until `takeBatch()`. It resumes from a store's snapshot, and a
 * resumed engine decides exactly as one that never stopped; a store-backed engine decides exactly
 * as one holding everything in memory, given the same articles in the same order.
 */

export interface CorpusOptions {
  lexicon: Lexicon;
  /** Keys a store-backed engine keeps loaded per window after a batch (default: {@link WINDOWS}). */
  window?: number;
}

/**
 * Estimated Jaccard of word 3-shingles from which an article is a copy of an earlier one. A
 * syndicated copy that swaps one name throughout ("IS" → "ISIL", 12 times in 390 words) and
 * changes the headline measures 0.80; 0.7 keeps such copies clear of the estimate's noise (±0.04).
 */
export const DUPLICATE_THRESHOLD = 0.7;

export interface IncomingArticle {
  id: string;
  prepared: PreparedArticle;
  title: string | null;
  source: string | null;
  url: string | null;
  path: string | null;
  published: string | null;
  ingestedAt: string;
}

const DAY_MS = 86_400_000;
/**
 * What a store-backed engine keeps loaded after a batch. LSH buckets are read again by near
 * copies, which mostly come soon after their original; they hold up to 16 articles each, one
 * signature per article (about 0.1 MB for the buckets of 170 unique articles, some 40 MB at
 * most, were every bucket to hold 16 articles found in no other). A story posting (a key in a
 * week) is read by every article of its week, and is small. A claim posting (a predicate family
 * and a participant) holds up to 512 claims of about 1 KB: the most-read few hundred are kept.
 * A document frequency (a term or an entity) is a number: tens of thousands cost a few MB. A
 * story (record, recency, norms) is read by every article whose postings name it among their 64
 * most recent, and is small; the recency of every story a posting names is a number;
 * its sums only when an article is scored against it, and they grow with the story (a key for
 * each term and entity of its articles: a story of a thousand articles may have tens of thousands).
 * An entity (names, keys, counts: about 1 KB) is read by the articles naming it, and a story's 64
 * leading ones by an article of the story that makes a new one; an entity key (a name, a surname) names
 * its owners' ids.
 */
export const WINDOWS = { buckets: 4_096, postings: 20_000, claims: 256, df: 50_000, stories: 20_000, sums: 1_000, entities: 50_000, entityKeys: 100_000, recency: 100_000 };

/** An article begun by {@link CorpusEngine.begin}: copy found, its entities being resolved. */
export interface Begun {
  input: IncomingArticle;
  seq: number;
  published: string | null;
  time: number | null;
  original: { member: BandMember; similarity: number } | null;
  entities: ArticleEntities;
}

/** An article whose entities {@link CorpusEngine.resolve} resolved. */
export interface Resolution extends Begun {
  canonical: Map<string, string>;
  /** The article's story features, with canonical entity ids. */
  features: StoryFeatures;
}

/** An article weighed by {@link CorpusEngine.weigh}, for {@link CorpusEngine.place} to place. */
export interface Placement extends Resolution {
  vector: StoryVector;
}

/** An article placed in its story by {@link CorpusEngine.place}, for {@link CorpusEngine.settle} to settle its entities there. */
export interface Placed extends Placement {
  story: StoryRecord;
  member: BandMember;
  /** The story's members a new entity of the article is compared with, picked once for both settling steps. */
  members: StoryMembers;
}

/** An article settled by {@link CorpusEngine.settle}, for {@link CorpusEngine.match} to match its claims. */
export interface PlacedArticle extends Placed {
  /** The article's claims in canonical ids, as its entities stand once settled in its story. */
  claims: ClaimRecord[];
}

/** An article whose claims {@link CorpusEngine.match} matched, for {@link CorpusEngine.finish} to explain the pairs and record. */
export interface Matched extends PlacedArticle {
  /** The pairs each claim makes with the claims indexed before it. */
  pairs: OpposedPair[][];
}

export class CorpusEngine {
  private seq = 0;
  /** Ids added: all of them without a store; with one, those since the last batch (the store knows the rest). */
  private readonly known = new Set<string>();
  private readonly windowed: boolean;
  private readonly lsh: LshIndex;
  private readonly entities: EntityRegistry;
  private readonly stories: StoryClusterer;
  private readonly claims: ClaimIndex;
  private batch: CorpusBatch = emptyBatch();

  /**
   * A new engine holds all its state. One backed by a store resumes from the store's `snapshot`
   * (the article count) and reads everything else (LSH buckets, entities and their keys, document
   * frequencies, story postings, stories and their sums, claim postings) through windows: before
   * each step of placing an article the node side loads what it reads (src/corpus/placement.ts),
   * and each batch taken must be written before the next article is added.
   */
  constructor(options: CorpusOptions, snapshot?: CorpusSnapshot) {
    this.windowed = snapshot !== undefined;
    this.seq = snapshot?.articles ?? 0;
    this.lsh = new LshIndex(snapshot ? (options.window ?? WINDOWS.buckets) : null);
    this.entities = new EntityRegistry(
      options.lexicon,
      snapshot ? { entities: options.window ?? WINDOWS.entities, keys: options.window ?? WINDOWS.entityKeys } : null,
    );
    this.stories = new StoryClusterer(
      {},
      snapshot && {
        state: { documents: snapshot.articles },
        windows: {
          postings: options.window ?? WINDOWS.postings,
          df: options.window ?? WINDOWS.df,
          stories: options.window ?? WINDOWS.stories,
          sums: options.window ?? WINDOWS.sums,
          recency: options.window ?? WINDOWS.recency,
        },
      },
    );
    this.claims = new ClaimIndex(
      (id) => outletName(id) ?? this.entities.get(id)?.name ?? id,
      (story) => this.stories.resolve(story),
      snapshot ? (options.window ?? WINDOWS.claims) : null,
    );
  }

  /** True when an article with this id is in the batch, or (without a store) was ever added. */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Adds one analysed article; its rows join the pending batch. (An engine without a store: a store-backed one places in steps.) */
  add(input: IncomingArticle): ArticleRecord {
    const resolution = this.resolve(this.begin(input));
    if (!resolution) throw new Error(`entities of ${input.id} read before they were loaded`);
    return this.finish(this.match(this.settle(this.place(this.weigh(resolution)))));
  }

  /** The LSH buckets `begin()` reads for this signature that are not loaded. */
  bandsToLoad(signature: Uint32Array): number[] {
    return this.lsh.missing(signature);
  }

  loadBand(key: number, members: readonly BandMember[]): void {
    this.lsh.load(key, members);
  }

  /** Looks for the article's original and begins resolving its entities; `resolve()` goes on. */
  begin(input: IncomingArticle): Begun {
    const { id, prepared } = input;
    const { analysis, signature } = prepared;
    if (this.known.has(id)) throw new Error(`article ${id} is already in the corpus`);
    const seq = ++this.seq;
    const published = input.published ?? analysis.meta.published;
    const original = this.lsh.nearest(signature, DUPLICATE_THRESHOLD);
    return { input, seq, published, time: dayOf(published), original, entities: this.entities.start(id, analysis.entities) };
  }

  /** The entity keys and entities `resolve()` reads next that are not loaded: load them and ask again until there are none. */
  entitiesToLoad(begun: Begun): EntityReads {
    return this.entities.toLoad(begun.entities);
  }

  loadEntityKey(key: string, owners: readonly CorpusEntity[]): void {
    this.entities.loadKey(key, owners);
  }

  loadEntity(id: string, entity: CorpusEntity | null): void {
    this.entities.loadEntity(id, entity);
  }

  /**
   * Resolves the article's entities as far as what is loaded allows (an unnamed entity keyed on
   * another is read once that one is resolved): the resolution, or null when `entitiesToLoad()`
   * has more to load first; `weigh()` goes on.
   */
  resolve(begun: Begun): Resolution | null {
    if (!this.entities.resolve(begun.entities)) return null;
    const canonical = begun.entities.ids;
    const entities = new Map<string, number>();
    for (const [local, count] of begun.input.prepared.features.entities) {
      const key = canonical.get(local) as string;
      entities.set(key, (entities.get(key) ?? 0) + count);
    }
    return { ...begun, canonical, features: { ...begun.input.prepared.features, entities } };
  }

  /** The document frequencies `weigh()` reads for this article that are not loaded (its entities are known once resolved). */
  dfToLoad(resolution: Resolution): string[] {
    return this.stories.dfRead(resolution.features);
  }

  loadDf(key: string, df: number): void {
    this.stories.loadDf(key, df);
  }

  /** Counts the article into the document frequencies and weighs its features; `place()` places it. */
  weigh(resolution: Resolution): Placement {
    return { ...resolution, vector: this.stories.vectorize(resolution.features) };
  }

  /** The story postings `place()` reads for this placement that are not loaded. */
  postingsToLoad(placement: Placement): string[] {
    return this.stories.postingsRead(placement.vector, placement.time);
  }

  loadPosting(posting: string, stories: ReadonlyArray<[string, number]>): void {
    this.stories.loadPosting(posting, stories);
  }

  /** The stories `place()` reads for this placement that are not loaded: the most recent its story postings name (load those first), or its original's. */
  storiesToLoad(placement: Placement): string[] {
    return this.stories.storiesRead(placement.vector, placement.time, placement.original?.member.story);
  }

  loadStory(story: StoredStory): void {
    this.stories.loadStory(story);
  }

  /** The stories whose sums `place()` reads for this placement that are not loaded (load its stories first). */
  sumsToLoad(placement: Placement): string[] {
    return this.stories.sumsRead(placement.vector, placement.time, placement.original?.member.story);
  }

  loadSums(story: string, sums: StoryCentroid): void {
    this.stories.loadSums(story, sums);
  }

  /** The claim postings `match()` reads for this article that are not loaded. */
  claimPostingsToLoad(placed: PlacedArticle): string[] {
    return this.claims.postingsRead(placed.claims);
  }

  loadClaimPosting(posting: string, claims: readonly StoriedClaim[]): void {
    this.claims.loadPosting(posting, claims);
  }

  /** Places the article weighed in its story; `settle()` goes on. */
  place(placement: Placement): Placed {
    const { input, seq, time, original, vector } = placement;
    const { id, prepared } = input;
    const { analysis, signature } = prepared;
    const label = input.title ?? analysis.meta.title ?? analysis.text.trim().split('\n')[0].slice(0, 120);
    const story = this.stories.assign(vector, time, seq, label, `s${id}`, original?.member.story);
    const member = { id, seq, story: story.id, signature };
    this.lsh.add(member);
    return { ...placement, story, member, members: this.storyMembers(story.id) };
  }

  /** What `settle()` reads that is not loaded: when the article made an entity, the story's entities and the keys the new one would give one of them. */
  settleToLoad({ input, canonical, members }: Placed): EntityReads {
    return this.entities.settleReads(input.prepared.analysis.entities, canonical, members);
  }

  /** Settles the article's entities in its story and makes its claims canonical; `match()` goes on. */
  settle(placed: Placed): PlacedArticle {
    const { input, seq, time, original, canonical, members } = placed;
    const { id, prepared } = input;
    const { analysis } = prepared;
    // The vector keeps the ids the article had before: an entity merged away is then a key no other article has.
    this.entities.settleInStory(analysis.entities, canonical, members);
    const outlet = input.source ?? siteOf(input.url) ?? analysis.meta.source;
    const claims = canonicalClaims(prepared.claims, { article: id, seq, time, duplicate: original !== null, canonical, outlet });
    return { ...placed, claims };
  }

  /**
   * A story's members as settling reads them, picked by the story's weights before any is loaded,
   * and only when asked (an article that made no entity never asks). The registry asks twice per
   * article, for what to load and to settle, with the same capacity and the same entities to skip.
   */
  private storyMembers(story: string): StoryMembers {
    let picked: string[] | undefined;
    return (limit, skip) => (picked ??= this.stories.leadingEntitiesOf(story, limit, skip));
  }

  /** Matches the article's claims against the claims indexed before them, and indexes them; `finish()` goes on. */
  match(placed: PlacedArticle): Matched {
    return { ...placed, pairs: placed.claims.map((claim) => this.claims.match(claim, placed.story.id)) };
  }

  /** The entities `finish()` names in the reasons of the article's pairs that are not loaded. */
  namesToLoad(matched: Matched): string[] {
    return this.entities.idsToLoad(matched.pairs.flat().flatMap(pairEntities).filter((id) => outletName(id) === null));
  }

  /** Explains the pairs of the article's claims and adds its rows to the batch. */
  finish({ input, seq, published, time, original, canonical, vector, story, member, claims, pairs }: Matched): ArticleRecord {
    const { id, prepared } = input;
    const { analysis, signature } = prepared;
    const title = input.title ?? analysis.meta.title;
    const edges = pairs.flatMap((found) => this.claims.explain(found));
    // A copy's own contradictions are its original's, already recorded.
    if (original === null) edges.push(...articleEdges(id, analysis.contradictions));

    const record: ArticleRecord = {
      id,
      seq,
      title,
      source: input.source ?? analysis.meta.source,
      url: input.url,
      path: input.path,
      published,
      time,
      ingestedAt: input.ingestedAt,
      text: analysis.text,
      analysis,
      entities: Object.fromEntries(canonical),
      signature,
      vector,
      story: story.id,
      duplicateOf: original?.member.id ?? null,
      // An estimate from 120 hashes: three decimals say all it knows.
      similarity: original ? Math.round(original.similarity * 1000) / 1000 : null,
    };
    this.known.add(id);
    this.batch.articles.push(record);
    this.batch.claims.push(...claims);
    this.batch.edges.push(...edges);
    this.batch.index.bands.push(...bandKeys(signature).map((key): [number, number] => [key, seq]));
    this.batch.index.members.push(member);
    return record;
  }

  /** The rows added since the last call, for one store transaction. */
  takeBatch(): CorpusBatch {
    const { stories, sums, merged, postings, df } = this.stories.take();
    const { entities, keys } = this.entities.takeChanged();
    const batch = { ...this.batch, entities, stories, merged, index: { ...this.batch.index, postings, df, sums, claims: this.claims.take(), entityKeys: keys } };
    this.batch = emptyBatch();
    this.lsh.settle();
    if (this.windowed) this.known.clear();
    return batch;
  }
}

function emptyBatch(): CorpusBatch {
  return { articles: [], entities: [], claims: [], stories: [], merged: [], edges: [], index: { bands: [], members: [], postings: [], df: [], claims: [], sums: [], entityKeys: [] } };
}

/** The host of a URL without "www." ("meridian-wire.example"), or null. */
function siteOf(url: string | null): string | null {
  const host = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url)?.[1] : undefined;
  return host ? host.replace(/^www\./i, '') : null;
}

/** Days since 1970-01-01 UTC of an ISO date or time, or null. */
export function dayOf(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : Math.round((ms / DAY_MS) * 1000) / 1000;
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function dateOf(day: number | null): string | null {
  return day === null ? null : new Date(Math.round(day * DAY_MS)).toISOString().slice(0, 10);
}
