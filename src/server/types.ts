import type { ArticleJSON, ParseJSON } from '../core/article.js';
import type {
  ArticleSummaryJSON,
  ClaimEvidenceJSON,
  ContradictionJSON,
  EntityJSON,
  QuoteJSON,
  SpeakerJSON,
  StoryJSON,
} from '../core/corpus/types.js';
import type { NetworkEdge, NetworkStance } from '../core/corpus/network.js';
import type { Stance } from '../core/doc.js';

/**
 * The JSON the HTTP API answers with (docs/api.md), beyond the article JSON and the corpus query
 * shapes of docs/corpus.md that it returns unchanged. Types only, so that web/ imports them too.
 */

export type { ArticleJSON, ArticleSummaryJSON, ParseJSON, ContradictionJSON, EntityJSON, QuoteJSON, SpeakerJSON, StoryJSON };

export interface HealthJSON {
  status: 'ok';
  version: string;
  articles: number;
  entities: number;
  claims: number;
  stories: number;
  contradictions: number;
}


/** One claim with where it was made, as entity pages and contradictions show it. */
export interface StatementJSON extends ClaimEvidenceJSON {
  quote: string;
  title: string | null;
  source: string | null;
  /** The claim comes from a near-copy of another article. */
  duplicate: boolean;
}

/** A contradiction or reversal between a claim of this article and one elsewhere. */
export interface LinkedContradictionJSON {
  id: string;
  kind: 'contradiction' | 'reversal';
  reason: string;
  score: number;
  /** The claim of this article ("c2"). */
  claim: string;
  other: StatementJSON;
}

export interface ArticleDetailJSON extends ArticleSummaryJSON {
  ingestedAt: string;
  analysis: ArticleJSON;
  /** Canonical entity id of each article entity id ("e9" → "n1d4…"), for links to entity pages. */
  entities: Record<string, string>;
  /** With claims in other articles. */
  contradictions: LinkedContradictionJSON[];
}

export interface TimelineDayJSON {
  /** YYYY-MM-DD, or null for undated articles (listed last). */
  date: string | null;
  said: number;
  about: number;
}

export interface EntityDetailJSON {
  entity: EntityJSON;
  /** The latest claims the entity made (at most the request's `limit`), oldest first. */
  said: StatementJSON[];
  /** How many claims the entity made in all. */
  saidTotal: number;
  /** The latest claims by others whose proposition names the entity (at most `limit`), oldest first. */
  about: StatementJSON[];
  /** How many such claims there are in all. */
  aboutTotal: number;
  /** Statements per day, copies not counted. */
  timeline: TimelineDayJSON[];
}

export interface MatrixPropositionJSON {
  /** CAMEO event code, or null for claims that evoke none. */
  code: string | null;
  label: string;
}

export interface MatrixCellJSON {
  speaker: string;
  /** Index into `propositions`. */
  proposition: number;
  stance: Stance;
  claims: Array<{ article: string; claim: string; text: string }>;
}

/** Who takes which stance on which matter across a story's articles (copies left out). */
export interface ClaimsMatrixJSON {
  speakers: SpeakerJSON[];
  propositions: MatrixPropositionJSON[];
  cells: MatrixCellJSON[];
}

export interface StoryDetailJSON {
  /** With its first articles (`size` counts all). */
  story: StoryJSON;
  matrix: ClaimsMatrixJSON;
  /** Null when the matrix holds all the story's claims; else it holds only the latest this many. */
  claimsLimit: number | null;
}

export type { NetworkEdge, NetworkStance };

export interface NetworkJSON {
  nodes: Array<{ id: string; name: string; type: string; mentions: number }>;
  /**
   * Speaker → entity the claims are about, one edge per stance and PLOVER type (null: no coded
   * event), weighted by claims: the strongest, most claims first.
   */
  edges: NetworkEdge[];
  /** Edges in the whole network. */
  total: number;
}

export interface SearchJSON {
  entities: EntityJSON[];
  quotes: QuoteJSON[];
  stories: StoryJSON[];
}

/** Where an analysed (not necessarily stored) article stands in the corpus. */
export interface CorpusContextJSON {
  /** Content id the article has, or would have, in the corpus. */
  id: string;
  stored: boolean;
  /** The stored article it copies. */
  duplicateOf: string | null;
  /** The story it belongs to, or would join; null for a new story. */
  story: { id: string; label: string } | null;
  contradictions: LinkedContradictionJSON[];
}

export interface AnalysisInCorpusJSON {
  article: ArticleJSON;
  corpus: CorpusContextJSON;
}

export interface IngestResultJSON {
  ingested: number;
  duplicates: number;
  failed: Array<{ path: string; error: string }>;
}

export interface ErrorJSON {
  statusCode: number;
  error: string;
  /** CG_E… for input errors (docs/errors.md), FST_… for request errors. */
  code?: string;
  message: string;
}
