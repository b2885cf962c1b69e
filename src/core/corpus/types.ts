import type { ArticleJSON } from '../article.js';
import type { CueClass, EntityType, QuoteKind, Stance } from '../doc.js';

/**
 * What the corpus keeps: the rows a store persists (records) and the JSON shapes queries return
 * (…JSON types, documented in docs/corpus.md). Times are days since 1970-01-01 UTC.
 */

/**
 * An article's tf-idf weights, fixed when it arrived: body lemmas, headline lemmas, entity ids.
 * Each part lists [key, weight] pairs, strongest first.
 */
export interface StoryVector {
  body: Array<[string, number]>;
  title: Array<[string, number]>;
  entities: Array<[string, number]>;
}

export interface ArticleRecord {
  /** Content hash of the text (see src/corpus/ids.ts). */
  id: string;
  /** Ingest order, from 1. */
  seq: number;
  title: string | null;
  source: string | null;
  url: string | null;
  /** File path (with `:line` inside JSONL) or the URL it was read from. */
  path: string | null;
  /** As the page or record gives it, else as the text states it. */
  published: string | null;
  /** The day of `published`, or null for an undated article. */
  time: number | null;
  ingestedAt: string;
  text: string;
  analysis: ArticleJSON;
  /** Canonical entity id of each article entity id. */
  entities: Record<string, string>;
  signature: Uint32Array;
  vector: StoryVector;
  story: string;
  /** The earlier article this one is a near-copy of, and their estimated Jaccard similarity. */
  duplicateOf: string | null;
  similarity: number | null;
}


/** A canonical entity: every article entity that names the same thing. */
export interface CorpusEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Other names it goes by in the articles. */
  aliases: string[];
  /** Lookup keys it owns (normalised names, surname, affiliation of an unnamed entity). */
  keys: string[];
  /** Articles that mention it, and mentions in all. */
  articles: number;
  mentions: number;
  unnamed: boolean;
  /** CAMEO actor code ("AFGREB"): the one its article entities carry most often, ties to the smaller code; null when none has one. */
  code: string | null;
  /** How many article entities carried each actor code, by code. */
  codes: Record<string, number>;
}

/**
 * A claim with the entity ids of one id space: the article's own (e1, e2 …) when prepared, the
 * corpus's canonical ids once stored. Each claim is one quote (the pipeline makes one claim per
 * quote), so it also carries the quote's kind and cue, and the quote queries read claims.
 */
export interface ClaimFields {
  /** The claim's id in the article ("c7"). */
  id: string;
  /** The quote's id; '' for a claim in the outlet's own voice (an unattributed headline or lead). */
  quote: string;
  /** The quote's kind; 'outlet' for the outlet's own voice. */
  kind: QuoteKind | 'outlet';
  cue: string | null;
  cueClass: CueClass | null;
  speaker: string | null;
  stance: Stance;
  /** The quote's content: the evidence. */
  start: number;
  end: number;
  text: string;
  entities: string[];
  terms: string[];
  cameo: string[];
  /** Who the speaker speaks for: the speaker, its affiliation and related groups. */
  side: string[];
  /** Who the proposition is about: the sides of the entities it mentions. */
  about: string[];
  /** Predicate classes, most prominent first (src/core/proposition.ts), and the predicate as written. */
  predicates: string[];
  predicate: string;
  /** The content speaks of its own speaker, whose side then takes part in the proposition. */
  self: boolean;
  /** The agent of the proposition and whom it speaks for; empty when unknown. */
  agent: string[];
  /** Why the stance: `cue "denied"`, `"not"`, `"hoax"`. */
  basis: string;
  /**
   * The article itself takes the other side on this proposition earlier (its headline or lead
   * denies what this claim asserts, or the reverse): stored, but not matched across articles.
   */
  outweighed: boolean;
}

/** A claim normalised for the corpus: speaker, stance and proposition in canonical entity ids. */
export interface ClaimRecord extends ClaimFields {
  article: string;
  time: number | null;
  seq: number;
  /** From a near-copy of another article: stored, but not matched again. */
  duplicate: boolean;
}

export interface ClaimRef {
  article: string;
  claim: string;
}

/** Two claims at odds: opposing stances from different sides, or from one speaker over time. */
export interface ContradictionEdge {
  id: string;
  kind: 'contradiction' | 'reversal';
  /** For a reversal, the earlier claim first. */
  claims: [ClaimRef, ClaimRef];
  reason: string;
  /** False for a contradiction the single-article pipeline found. */
  crossArticle: boolean;
  /** How surely the claims contradict each other, in [0, 1] (docs/corpus.md). */
  score: number;
  /** The predicate class (or lemma) the two propositions share: contradictions are grouped on it. */
  proposition: string;
}

export interface StoryRecord {
  id: string;
  /** Headline of the first article. */
  label: string;
  /** Seq of the first article. */
  seq: number;
  first: number | null;
  last: number | null;
  size: number;
}

/**
 * What the story clustering keeps of a story besides its record and the sums of its members'
 * weights (its centroid, which the store keeps as rows: {@link CorpusIndexRows.sums}).
 */
export interface StoryState {
  /** The number (seq) of its latest article. */
  touched: number;
  /** Squared norms of the sums. */
  norms: Record<keyof StoryVector, number>;
}

/** Sums of a story's members' weights times 10^4, per part, as [key, sum] pairs. */
export type StoryCentroid = Record<keyof StoryVector, Array<[string, number]>>;

export interface StoredStory extends StoryRecord {
  state: StoryState;
}

/**
 * The rows of the indexes the engine looks things up in, which a store-backed engine reads
 * through windows (src/core/corpus/window.ts): each new article's LSH band keys and signature, new (posting,
 * story) pairs of the story clustering, changed document frequencies, and the postings of the
 * claim index each new matchable claim is filed under.
 */
export interface CorpusIndexRows {
  /** [band key, article seq]. */
  bands: Array<[number, number]>;
  /** The articles the bands name, as bucket readers see them. */
  members: BandMember[];
  postings: Array<[string, string]>;
  /** [`t:` + lemma or `e:` + entity id, document frequency]. */
  df: Array<[string, number]>;
  /** [claim posting (polarity and proposition key), claim], in the order the claims were added. */
  claims: Array<[string, ClaimRef]>;
  /**
   * What each story's sums gained: [story, part, key, amount added]. A story merged away has none:
   * the story it went into gains all of its sums, and its own go with it.
   */
  sums: Array<[string, keyof StoryVector, string, number]>;
  /** [entity lookup key, entity]: the keys entities gained. */
  entityKeys: Array<[string, string]>;
}

/** Everything one ingest batch adds; a store writes it in one transaction. */
export interface CorpusBatch {
  articles: ArticleRecord[];
  /** New or changed entities, in full. */
  entities: CorpusEntity[];
  claims: ClaimRecord[];
  /** New or changed stories, with their state (their sums change by {@link CorpusIndexRows.sums}). */
  stories: StoredStory[];
  /**
   * Stories merged into others, in order: each `from` story's articles now belong to `into`, and
   * `from` is no more. Applied after the articles and stories above.
   */
  merged: StoryMerge[];
  edges: ContradictionEdge[];
  index: CorpusIndexRows;
}

export interface StoryMerge {
  from: string;
  into: string;
}

/**
 * What a corpus engine resumes from: the article count. Everything else (entities, stories, the
 * indexes) it reads through the store's lookups as articles need them.
 */
export interface CorpusSnapshot {
  /** Articles stored, numbered 1 to `articles`. */
  articles: number;
}

/** The latest documents of an LSH bucket, oldest first, and the article each is. */
export interface BandMember {
  id: string;
  seq: number;
  story: string;
  signature: Uint32Array;
}

export interface EntityJSON {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  articles: number;
  mentions: number;
  unnamed: boolean;
  /** CAMEO actor code ("AFGREB", "RUSGOV"), null when the dictionaries know none of its names. */
  code: string | null;
}

export interface SpeakerJSON {
  id: string;
  name: string;
}

export interface QuoteJSON {
  article: string;
  quote: string;
  kind: QuoteKind;
  speaker: SpeakerJSON | null;
  cue: string | null;
  cueClass: CueClass | null;
  text: string;
  start: number;
  end: number;
}

export interface StoryArticleJSON {
  id: string;
  title: string | null;
  source: string | null;
  path: string | null;
  url: string | null;
  published: string | null;
  duplicateOf: string | null;
  similarity: number | null;
}

/** A stored article without its text, with the story it is in: what lists show. */
export interface ArticleSummaryJSON extends StoryArticleJSON {
  story: string;
  storyLabel: string;
}

export interface StoryJSON {
  id: string;
  label: string;
  first: string | null;
  last: string | null;
  /** How many articles the story has. */
  size: number;
  /** Its articles in ingest order: all of them, or the first N a listing asked for. */
  articles: StoryArticleJSON[];
}

export interface ClaimEvidenceJSON {
  article: string;
  claim: string;
  speaker: SpeakerJSON | null;
  stance: Stance;
  text: string;
  start: number;
  end: number;
  date: string | null;
}

export interface ContradictionJSON {
  id: string;
  kind: 'contradiction' | 'reversal';
  /** The predicate class the group's propositions share ("share-information"). */
  proposition: string;
  /** The strongest pair's score. */
  score: number;
  claims: ClaimEvidenceJSON[];
  /** The pairs found, strongest first, as indexes into `claims`, each with its reason and score. */
  pairs: Array<{ claims: [number, number]; reason: string; crossArticle: boolean; score: number }>;
}
