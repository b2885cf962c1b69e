import type { EntityType } from '../core/doc.js';
import type {
  ArticleRecord,
  ClaimRecord,
  ContradictionEdge,
  ContradictionJSON,
  CorpusBatch,
  CorpusSnapshot,
  EntityJSON,
  EntityLink,
  QuoteJSON,
  StoryJSON,
} from '../core/corpus/types.js';

/**
 * Where a corpus lives. Every method is async so that a client–server database (PostgreSQL) can
 * implement the same interface; `runStoreSuite` (conformance.ts) checks an implementation.
 */
export interface Store {
  /** Everything the corpus engine resumes from. */
  snapshot(): Promise<CorpusSnapshot>;
  /** Writes one batch in one transaction: all of it or, on error, none of it. */
  write(batch: CorpusBatch): Promise<void>;
  /** Rows of each kind; every claim is one quote. */
  count(): Promise<{ articles: number; entities: number; claims: number; stories: number; edges: number }>;

  /** One article in full, or null. */
  article(id: string): Promise<ArticleRecord | null>;
  /** Every article in ingest order, in full (for exports). */
  articles(): AsyncIterable<ArticleRecord>;
  /** Every claim in ingest order (for exports). */
  claims(): AsyncIterable<ClaimRecord>;
  /** Every contradiction and reversal pair. */
  edges(): Promise<ContradictionEdge[]>;
  /** Which canonical entity each article entity is, for every article. */
  links(): Promise<EntityLink[]>;

  /** Canonical entities, most mentioned first; `q` matches the name or an alias (substring, any case). */
  entities(query?: EntityQuery): Promise<EntityJSON[]>;
  /**
   * Quotes in ingest order; `speaker` matches the speaker's name or an alias (substring, any case),
   * `q` is full-text: every word and "quoted phrase" must occur.
   */
  quotes(query?: QuoteQuery): Promise<QuoteJSON[]>;
  /** Stories, largest first; `q` keeps those with an article matching the full-text query. */
  stories(query?: StoryQuery): Promise<StoryJSON[]>;
  /**
   * Contradictions and reversals, one group per proposition, strongest first, with the evidence of
   * each claim; pairs scoring under CONTRADICTION_THRESHOLD only with `all`.
   */
  contradictions(query?: ContradictionQuery): Promise<ContradictionJSON[]>;

  close(): Promise<void>;
}

export interface EntityQuery {
  type?: EntityType;
  q?: string;
  limit?: number;
}

export interface QuoteQuery {
  speaker?: string;
  q?: string;
  limit?: number;
}

export interface ContradictionQuery {
  /** Also the pairs scoring under the threshold. */
  all?: boolean;
}

export interface StoryQuery {
  q?: string;
}
