import { outletName, type StoriedClaim } from '../core/corpus/claims.js';
import { dateOf } from '../core/corpus/corpus.js';
import type { NetworkEdge, NetworkStance } from '../core/corpus/network.js';
import { CAMEO_PLOVER } from '../core/lexicon/generated/plover.js';
import type { ArticleRecord, ArticleSummaryJSON, BandMember, ClaimEvidenceJSON, ClaimRecord, ClaimRef, ContradictionEdge, CorpusEntity, EntityJSON, QuoteJSON, StoredStory, StoryArticleJSON, StoryCentroid, StoryJSON, StoryRecord } from '../core/corpus/types.js';
import type { CueClass, EntityType, QuoteKind, Stance } from '../core/doc.js';
import { unpackAnalysis, unpackSignature } from './codec.js';
import { CorpusIndexMissingError } from './errors.js';

/**
 * Rows of the store's tables as records, shared by the SQLite and PostgreSQL stores: the tables
 * have the same columns in both; only booleans differ (SQLite gives 0/1, PostgreSQL true/false).
 */

export type Row = Record<string, unknown>;

function flag(value: unknown): boolean {
  return value === true || value === 1;
}

export function toArticle(row: Row): ArticleRecord {
  return {
    ...toStoryArticle(row),
    seq: row.seq as number,
    time: row.time as number | null,
    ingestedAt: row.ingested_at as string,
    text: row.text as string,
    analysis: unpackAnalysis(row.analysis as string, row.text as string),
    entities: JSON.parse(row.entities as string),
    signature: unpackSignature(row.signature as Uint8Array),
    vector: JSON.parse(row.vector as string),
    story: row.story as string,
  };
}

export function toEntity(row: Row): CorpusEntity {
  return {
    id: row.id as string,
    type: row.type as EntityType,
    name: row.name as string,
    aliases: JSON.parse(row.aliases as string),
    keys: JSON.parse(row.keys as string),
    articles: row.articles as number,
    mentions: row.mentions as number,
    unnamed: flag(row.unnamed),
    code: row.code as string | null,
    codes: JSON.parse(row.codes as string),
  };
}

/** An entity row as the entity lists give it: without the lookup keys and code counts. */
export function toEntityJSON(row: Row): EntityJSON {
  return entityJSON(toEntity(row));
}

/** An entity as lists and pages show it: without the lookup keys and code counts. */
export function entityJSON({ keys: _keys, codes: _codes, ...entity }: CorpusEntity): EntityJSON {
  return entity;
}

export function toStory(row: Row): StoryRecord {
  return {
    id: row.id as string,
    label: row.label as string,
    seq: row.seq as number,
    first: row.first as number | null,
    last: row.last as number | null,
    size: row.size as number,
  };
}

/**
 * A story row with the clustering's state. A corpus stored before the store kept it has none: an
 * engine would decide without its stories, so that is refused until the indexes are rebuilt.
 */
export function toStoredStory(row: Row): StoredStory {
  if (row.state === null) throw new CorpusIndexMissingError();
  return { ...toStory(row), state: JSON.parse(row.state as string) };
}

/** A story's sums from its rows of story_sums (part, key, sum). */
export function toCentroid(rows: readonly Row[]): StoryCentroid {
  const centroid: StoryCentroid = { body: [], title: [], entities: [] };
  // BIGINT comes back from PostgreSQL as a string.
  for (const row of rows) centroid[row.part as keyof StoryCentroid].push([row.key as string, Number(row.sum)]);
  return centroid;
}

/** A row of an LSH bucket joined with its article (seq, id, signature, story). */
export function toBandMember(row: Row): BandMember {
  return { id: row.id as string, seq: row.seq as number, story: row.story as string, signature: unpackSignature(row.signature as Uint8Array) };
}

/** A claim row joined with the story its article is in now (`article_story`). */
export function toStoriedClaim(row: Row): StoriedClaim {
  return { claim: toClaim(row), story: row.article_story as string };
}

export function toClaim(row: Row): ClaimRecord {
  return {
    article: row.article as string,
    id: row.id as string,
    quote: row.quote as string,
    kind: row.kind as QuoteKind,
    cue: row.cue as string | null,
    cueClass: row.cue_class as CueClass | null,
    speaker: row.speaker as string | null,
    stance: row.stance as Stance,
    start: row.content_start as number,
    end: row.content_end as number,
    text: row.text as string,
    // Rows stored before frames (predicates, self, basis, outweighed) read as having none.
    predicates: [],
    predicate: '',
    self: false,
    agent: [],
    basis: '',
    outweighed: false,
    ...(JSON.parse(row.proposition as string) as Pick<ClaimRecord, 'entities' | 'terms' | 'cameo' | 'side' | 'about'> & Partial<Pick<ClaimRecord, PropositionField>>),
    time: row.time as number | null,
    seq: row.article_seq as number,
    duplicate: flag(row.duplicate),
  };
}

/** The claim fields kept in the `proposition` JSON column. */
type PropositionField = 'entities' | 'terms' | 'cameo' | 'side' | 'about' | 'predicates' | 'predicate' | 'self' | 'agent' | 'basis' | 'outweighed';

/** The `proposition` column of a claim row. */
export function propositionColumn(c: ClaimRecord): string {
  const { entities, terms, cameo, side, about, predicates, predicate, self, agent, basis, outweighed } = c;
  const column: Pick<ClaimRecord, PropositionField> = { entities, terms, cameo, side, about, predicates, predicate, self, agent, basis, outweighed };
  return JSON.stringify(column);
}

export function toEdge(row: Row): ContradictionEdge {
  return {
    id: row.id as string,
    kind: row.kind as ContradictionEdge['kind'],
    claims: [
      { article: row.a_article as string, claim: row.a_claim as string },
      { article: row.b_article as string, claim: row.b_claim as string },
    ],
    reason: row.reason as string,
    crossArticle: flag(row.cross_article),
    score: Number(row.score),
    proposition: row.proposition as string,
  };
}

/** A claim row (joined with its speaker's `speaker_name`) as evidence of a contradiction. */
export function toEvidence(row: Row, ref: ClaimRef): ClaimEvidenceJSON & { seq: number } {
  return {
    article: ref.article,
    claim: ref.claim,
    speaker: row.speaker === null ? null : { id: row.speaker as string, name: (row.speaker_name as string | null) ?? outletName(row.speaker as string) ?? (row.speaker as string) },
    stance: row.stance as Stance,
    text: row.text as string,
    start: row.content_start as number,
    end: row.content_end as number,
    date: dateOf(row.time as number | null),
    seq: row.seq as number,
  };
}

/** A LIKE pattern for `text` anywhere, with backslash as the escape character. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A claim row joined with its speaker's name (`speaker_name`), as `quotes()` lists it. */
export function toQuote(row: Row): QuoteJSON {
  return {
    article: row.article as string,
    quote: row.quote as string,
    kind: row.kind as QuoteKind,
    speaker: row.speaker === null ? null : { id: row.speaker as string, name: row.speaker_name as string },
    cue: row.cue as string | null,
    cueClass: row.cue_class as CueClass | null,
    text: row.text as string,
    start: row.content_start as number,
    end: row.content_end as number,
  };
}

/**
 * Stories with their articles: `stories` are rows of the stories table in listing order,
 * `articles` rows of the articles table (their members) in ingest order.
 */
export function toStories(articles: readonly Row[], stories: readonly Row[]): StoryJSON[] {
  const members = new Map<string, StoryJSON['articles']>();
  for (const row of articles) {
    const list = members.get(row.story as string) ?? [];
    list.push(toStoryArticle(row));
    members.set(row.story as string, list);
  }
  return stories
    .map(toStory)
    .map((s) => ({ id: s.id, label: s.label, first: dateOf(s.first), last: dateOf(s.last), size: s.size, articles: members.get(s.id) ?? [] }));
}

/** The article columns {@link toStories} reads. */
export const STORY_MEMBER_COLUMNS = `id, title, source, path, url, published, duplicate_of, similarity, story`;
/** Story-listing order, which the stories_listing index serves. */
export const STORY_ORDER = `ORDER BY size DESC, seq`;

/**
 * A CTE `plover (code, type)` of the CAMEO2PLOVER rows, for the migration that counts the network
 * edges of claims stored before the store kept those counts: the same table as `ploverOf`.
 */
export function ploverTableSql(): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return `plover (code, type) AS (VALUES ${CAMEO_PLOVER.map(([code, type]) => `(${quote(code)}, ${quote(type)})`).join(', ')})`;
}

/**
 * The network edges of the claims already stored, as `networkEdges` counts them (PLOVER type of
 * the first CAMEO code, or of its three-digit parent), given each store's expression for a claim's
 * first CAMEO code and its false. It reads the claims' entities from entity_claims (filled before it).
 */
export function networkFillSql(firstCameo: string, no: string): string {
  const ploverOfFirst = (length: number) => `(SELECT type FROM plover WHERE code = substr(${firstCameo}, 1, ${length}))`;
  return `WITH ${ploverTableSql()},
    pairs AS (
      SELECT c.speaker AS source, ec.entity AS target, c.stance AS stance, c.article AS article,
        COALESCE(${ploverOfFirst(4)}, ${ploverOfFirst(3)}, '') AS plover
      FROM claims c JOIN entity_claims ec ON ec.claim = c.seq AND ec.said = ${no}
      WHERE c.speaker IS NOT NULL AND c.duplicate = ${no} AND c.stance IN ('assert', 'deny', 'condemn', 'accuse')
    )
    INSERT INTO network_edges (source, target, stance, plover, claims, articles)
    SELECT source, target, stance, plover, count(*), count(DISTINCT article) FROM pairs GROUP BY source, target, stance, plover`;
}

/** The entity_claims rows of a claim: under its speaker (said), and under each other entity it names. */
export function entityClaimKeys(c: ClaimRecord): Array<[entity: string, said: boolean]> {
  const keys: Array<[string, boolean]> = c.speaker === null ? [] : [[c.speaker, true]];
  for (const entity of new Set(c.entities)) if (entity !== c.speaker) keys.push([entity, false]);
  return keys;
}

/** A network edge row (plover '' for none). */
export function toNetworkEdge(row: Row): NetworkEdge {
  return {
    source: row.source as string,
    target: row.target as string,
    stance: row.stance as NetworkStance,
    plover: row.plover === '' ? null : (row.plover as string),
    // BIGINT sums come back from PostgreSQL as strings.
    claims: Number(row.claims),
    articles: Number(row.articles),
  };
}

/** The columns of `articles a JOIN stories s` that {@link toArticleSummary} reads. */
export const ARTICLE_SUMMARY_COLUMNS = `a.id, a.title, a.source, a.path, a.url, a.published, a.duplicate_of, a.similarity, a.story, s.label AS story_label`;

/** An article row joined with its story's label (`story_label`), as lists show it. */
export function toArticleSummary(row: Row): ArticleSummaryJSON {
  return { ...toStoryArticle(row), story: row.story as string, storyLabel: row.story_label as string };
}

/** An article row (its {@link STORY_MEMBER_COLUMNS} at least) as a story lists it. */
function toStoryArticle(row: Row): StoryArticleJSON {
  return {
    id: row.id as string,
    title: row.title as string | null,
    source: row.source as string | null,
    path: row.path as string | null,
    url: row.url as string | null,
    published: row.published as string | null,
    duplicateOf: row.duplicate_of as string | null,
    similarity: row.similarity as number | null,
  };
}
