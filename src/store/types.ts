import type { StoriedClaim } from '../core/corpus/claims.js';
import type { EntityType } from '../core/doc.js';
import type { NetworkEdge } from '../core/corpus/network.js';
import type {
  ArticleRecord,
  ArticleSummaryJSON,
  BandMember,
  ClaimRecord,
  ClaimRef,
  ContradictionEdge,
  ContradictionJSON,
  CorpusBatch,
  CorpusEntity,
  CorpusSnapshot,
  EntityJSON,
  QuoteJSON,
  StoredStory,
  StoryCentroid,
  StoryJSON,
} from '../core/corpus/types.js';

/**
 * Where a corpus lives. Every method is async so that a client–server database (PostgreSQL) can
 * implement the same interface; `runStoreSuite` (conformance.ts) checks an implementation.
 */
export interface Store {
  /** What the corpus engine resumes from: the article count (it reads everything else with the lookups below). */
  snapshot(): Promise<CorpusSnapshot>;
  /** Each LSH bucket's latest BUCKET_CAPACITY articles, oldest first (a bucket never written is empty). */
  bands(keys: readonly number[]): Promise<Array<[number, BandMember[]]>>;
  /** The entities owning each entity lookup key (none for a key no entity owns). */
  entityKeys(keys: readonly string[]): Promise<Array<[string, CorpusEntity[]]>>;
  /** The entities of these ids that exist, in any order. */
  entitiesById(ids: readonly string[]): Promise<CorpusEntity[]>;
  /** The document frequency of each key (0 for a key none has). */
  df(keys: readonly string[]): Promise<Array<[string, number]>>;
  /** The stories of these ids with their state (their sums apart), in any order. */
  storyStates(ids: readonly string[]): Promise<StoredStory[]>;
  /** The sums of each of these stories. */
  storySums(ids: readonly string[]): Promise<Array<[string, StoryCentroid]>>;
  /** The stories in each story posting, each with its recency (`touched`: the seq of its latest article). */
  postings(keys: readonly string[]): Promise<Array<[string, Array<[string, number]>]>>;
  /** Each claim posting's latest CLAIM_POSTING_CAPACITY claims, oldest first, with the story their article is in now. */
  claimPostings(keys: readonly string[]): Promise<Array<[string, StoriedClaim[]]>>;
  /** True when an article with this id is stored. */
  has(id: string): Promise<boolean>;
  /**
   * Makes this process the corpus's one writer until `release()`, or throws CorpusBusyError
   * (naming the other writer) when another holds it. Take it before the snapshot an engine
   * resumes from, and write only while holding it.
   */
  claimWriter(): Promise<WriterClaim>;
  /** Writes one batch in one transaction: all of it or, on error, none of it. */
  write(batch: CorpusBatch): Promise<void>;
  /**
   * Rows of each kind (every claim is one quote; `edges` are all contradiction and reversal pairs),
   * and `contradictions`: the pairs scoring at least CONTRADICTION_THRESHOLD, the unit every count
   * of contradictions shows (docs/corpus.md).
   */
  count(): Promise<StoreCounts>;

  /** One article in full, or null. */
  article(id: string): Promise<ArticleRecord | null>;
  /** Every article in ingest order, in full (for exports). */
  articles(): AsyncIterable<ArticleRecord>;
  /** Every claim in ingest order (for exports). */
  claims(): AsyncIterable<ClaimRecord>;
  /** Every contradiction and reversal pair. */
  edges(): Promise<ContradictionEdge[]>;

  /** Canonical entities, most mentioned first; `q` matches the name or an alias (substring, any case). */
  entities(query?: EntityQuery): Promise<EntityJSON[]>;
  /**
   * Quotes in ingest order; `speaker` matches the speaker's name or an alias (substring, any case),
   * `q` is full-text: every word and "quoted phrase" must occur.
   */
  quotes(query?: QuoteQuery): Promise<QuoteJSON[]>;
  /**
   * Stories, largest first; `q` keeps those with an article matching the full-text query. A page
   * reads only its stories and their articles (indexed), so a page of a big corpus stays fast.
   */
  stories(query?: StoryQuery): Promise<StoryJSON[]>;
  /**
   * Contradictions and reversals, one group per proposition, strongest first, with the evidence of
   * each claim; pairs scoring under CONTRADICTION_THRESHOLD only with `all`. (A page still groups
   * every pair: the groups are made over the whole corpus.)
   */
  contradictions(query?: ContradictionQuery): Promise<ContradictionJSON[]>;

  /**
   * Article summaries with their story's label, latest publication first, undated last, then in
   * ingest order; with `ids`, only those articles.
   */
  articleSummaries(query?: ArticleQuery): Promise<ArticleSummaryJSON[]>;
  /**
   * Claims in ingest order: those a speaker made, those about an entity (naming it) that it did not
   * make, those of a story's articles that are no copies, or those of these references; with
   * `latest`, only the latest that many.
   */
  claimsWhere(selection: ClaimSelection, latest?: number): Promise<ClaimRecord[]>;
  /** How many claims an entity made and how many are about it, and, copies apart, per publication time. */
  entityClaimCounts(entity: string): Promise<EntityClaimCounts>;
  /** The contradiction and reversal pairs with a claim in this article. */
  edgesOf(article: string): Promise<ContradictionEdge[]>;
  /** The actor network's strongest edges, most claims first, and how many it has. */
  network(limit: number): Promise<{ edges: NetworkEdge[]; total: number }>;

  close(): Promise<void>;
}

export type ClaimSelection = { speaker: string } | { about: string } | { story: string } | { refs: readonly ClaimRef[] };

export interface EntityClaimCounts {
  said: number;
  about: number;
  /** Per publication time (null: undated), the claims it made and that are about it, copies apart. */
  times: Array<{ time: number | null; said: number; about: number }>;
}

export interface ArticleQuery extends Page {
  ids?: readonly string[];
}

export interface StoreCounts {
  articles: number;
  entities: number;
  claims: number;
  stories: number;
  edges: number;
  contradictions: number;
}

export interface WriterClaim {
  release(): Promise<void>;
}

/** A page of a list: at most `limit` items (default all) after skipping `offset` (default 0). */
export interface Page {
  limit?: number;
  offset?: number;
}

/** The page of a list already in memory. */
export function paged<T>(items: T[], { limit, offset = 0 }: Page): T[] {
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

export interface EntityQuery extends Page {
  type?: EntityType;
  q?: string;
}

export interface QuoteQuery extends Page {
  speaker?: string;
  q?: string;
}

export interface ContradictionQuery extends Page {
  /** Also the pairs scoring under the threshold. */
  all?: boolean;
}

export interface StoryQuery extends Page {
  /** Only this story. */
  id?: string;
  q?: string;
  /** At most this many articles of each story, its first (default all): a story can hold thousands. */
  articles?: number;
}
