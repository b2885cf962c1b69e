import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { CLAIM_POSTING_CAPACITY, CONTRADICTION_THRESHOLD, groupContradictions, type StoriedClaim } from '../../core/corpus/claims.js';
import { BUCKET_CAPACITY } from '../../core/corpus/minhash.js';
import { KEY_OWNER_CAPACITY } from '../../core/corpus/entities.js';
import { networkEdges, type NetworkEdge } from '../../core/corpus/network.js';
import type {
  ArticleRecord,
  ArticleSummaryJSON,
  BandMember,
  ClaimRecord,
  ClaimRef,
  ContradictionEdge,
  CorpusBatch,
  CorpusEntity,
  CorpusSnapshot,
  EntityJSON,
  QuoteJSON,
  StoredStory,
  StoryCentroid,
  StoryJSON,
} from '../../core/corpus/types.js';
import { packAnalysis, packSignature, searchTerms } from '../codec.js';
import { CorpusIndexMissingError, StoreError } from '../errors.js';
import { ARTICLE_SUMMARY_COLUMNS, entityClaimKeys, likePattern, propositionColumn, STORY_MEMBER_COLUMNS, STORY_ORDER, toArticle, toArticleSummary, toNetworkEdge, toClaim, toEdge, toEntity, toEntityJSON, toEvidence, toBandMember, toQuote, toStoriedClaim, toStories, toStoredStory, toCentroid, type Row } from '../rows.js';
import { paged, type ArticleQuery, type ClaimSelection, type ContradictionQuery, type EntityClaimCounts, type EntityQuery, type QuoteQuery, type Store, type StoreCounts, type StoryQuery, type WriterClaim } from '../types.js';
import { BackgroundCheckpointer } from './checkpointer.js';
import { migrate } from './migrations.js';
import { claimSqliteWriter } from './writer-lock.js';

/**
 * The SQLite store (better-sqlite3): one file, WAL journal so readers never wait for the ingest,
 * FTS5 over article text and quote content. better-sqlite3 is synchronous; the async methods
 * only satisfy the shared {@link Store} interface.
 */

export interface SqliteStoreOptions {
  /** Refuse to create the file when it does not exist (query commands). */
  mustExist?: boolean;
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  if (options.mustExist && path !== ':memory:' && !existsSync(path)) {
    throw new StoreError(`no database at ${path}: run "claimgraph ingest" first, or pass --db`);
  }
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses no committed transaction when the process dies, only on power loss.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 10000');
    migrate(db, path);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open ${path}: ${(error as Error).message}`);
  }
  return new SqliteStore(db, path);
}

class SqliteStore implements Store {
  private readonly insert;
  private readonly lookup;
  private readonly checkpoints;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.checkpoints = new BackgroundCheckpointer(db, path);
    this.lookup = {
      band: db.prepare(`SELECT seq FROM lsh_bands WHERE band_key = ? ORDER BY seq DESC LIMIT ${BUCKET_CAPACITY}`).pluck(),
      bandMembers: db.prepare(`SELECT seq, id, signature, story FROM lsh_articles WHERE seq IN (SELECT value FROM json_each(?))`),
      posting: db.prepare(`SELECT p.story, s.touched FROM story_postings p JOIN stories s ON s.id = p.story WHERE p.posting = ?`).raw(),
      df: db.prepare(`SELECT df FROM term_df WHERE key = ?`).pluck(),
      entityKey: db.prepare(`SELECT e.* FROM entity_keys k JOIN entities e ON e.id = k.entity WHERE k.key = ? ORDER BY e.mentions DESC, e.id LIMIT ${KEY_OWNER_CAPACITY}`),
      entities: db.prepare(`SELECT * FROM entities WHERE id IN (SELECT value FROM json_each(?))`),
      stories: db.prepare(`SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?))`),
      sums: db.prepare(`SELECT part, key, sum FROM story_sums WHERE story = ?`),
      claimPosting: db.prepare(`SELECT c.*, l.story AS article_story FROM claim_postings p JOIN claims c ON c.seq = p.claim JOIN lsh_articles l ON l.seq = c.article_seq
        WHERE p.posting = ? ORDER BY p.claim DESC LIMIT ${CLAIM_POSTING_CAPACITY}`),
      article: db.prepare(`SELECT 1 FROM articles WHERE id = ?`).pluck(),
    };
    this.insert = {
      article: db.prepare(`INSERT INTO articles (seq, id, title, source, url, path, published, time, ingested_at, text, analysis, entities, signature, vector, story, duplicate_of, similarity)
        VALUES (@seq, @id, @title, @source, @url, @path, @published, @time, @ingestedAt, @text, @analysis, @entities, @signature, @vector, @story, @duplicateOf, @similarity)`),
      articleFts: db.prepare(`INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)`),
      entity: db.prepare(`INSERT INTO entities (id, type, name, aliases, keys, articles, mentions, unnamed, search, code, codes)
        VALUES (@id, @type, @name, @aliases, @keys, @articles, @mentions, @unnamed, @search, @code, @codes)
        ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, aliases = excluded.aliases, keys = excluded.keys,
          articles = excluded.articles, mentions = excluded.mentions, unnamed = excluded.unnamed, search = excluded.search,
          code = excluded.code, codes = excluded.codes`),
      entityKey: db.prepare(`INSERT INTO entity_keys (key, entity) VALUES (?, ?)`),
      claim: db.prepare(`INSERT INTO claims (article, id, quote, kind, cue, cue_class, speaker, stance, content_start, content_end, text, proposition, time, article_seq, duplicate)
        VALUES (@article, @id, @quote, @kind, @cue, @cueClass, @speaker, @stance, @start, @end, @text, @proposition, @time, @seq, @duplicate)`),
      claimFts: db.prepare(`INSERT INTO claims_fts (rowid, text) VALUES (?, ?)`),
      story: db.prepare(`INSERT INTO stories (id, label, seq, first, last, size, state, touched) VALUES (@id, @label, @seq, @first, @last, @size, @state, @touched)
        ON CONFLICT (id) DO UPDATE SET label = excluded.label, first = excluded.first, last = excluded.last, size = excluded.size, state = excluded.state,
          touched = excluded.touched`),
      mergeArticles: db.prepare(`UPDATE articles SET story = ? WHERE story = ?`),
      mergePostings: db.prepare(`INSERT OR IGNORE INTO story_postings (posting, story) SELECT posting, ? FROM story_postings WHERE story = ?`),
      dropPostings: db.prepare(`DELETE FROM story_postings WHERE story = ?`),
      dropStory: db.prepare(`DELETE FROM stories WHERE id = ?`),
      band: db.prepare(`INSERT INTO lsh_bands (band_key, seq) VALUES (?, ?)`),
      lshArticle: db.prepare(`INSERT INTO lsh_articles (seq, id, story, signature) VALUES (?, ?, ?, ?)`),
      mergeLsh: db.prepare(`UPDATE lsh_articles SET story = ? WHERE story = ?`),
      posting: db.prepare(`INSERT OR IGNORE INTO story_postings (posting, story) VALUES (?, ?)`),
      df: db.prepare(`INSERT INTO term_df (key, df) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET df = excluded.df`),
      claimPosting: db.prepare(`INSERT INTO claim_postings (posting, claim) SELECT ?, seq FROM claims WHERE article = ? AND id = ?`),
      sum: db.prepare(`INSERT INTO story_sums (story, part, key, sum) VALUES (?, ?, ?, ?) ON CONFLICT (story, part, key) DO UPDATE SET sum = sum + excluded.sum`),
      dropSums: db.prepare(`DELETE FROM story_sums WHERE story = ?`),
      entityClaim: db.prepare(`INSERT INTO entity_claims (entity, said, claim, time, duplicate) VALUES (?, ?, ?, ?, ?)`),
      networkEdge: db.prepare(`INSERT INTO network_edges (source, target, stance, plover, claims, articles) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (source, target, stance, plover) DO UPDATE SET claims = claims + excluded.claims, articles = articles + excluded.articles`),
      edge: db.prepare(`INSERT INTO edges (id, kind, a_article, a_claim, b_article, b_claim, reason, cross_article, score, proposition)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  async snapshot(): Promise<CorpusSnapshot> {
    return this.db.transaction(() => {
      const articles = this.db.prepare(`SELECT count(*) FROM articles`).pluck().get() as number;
      if (this.db.prepare(`SELECT 1 FROM stories WHERE state IS NULL LIMIT 1`).get() !== undefined) throw new CorpusIndexMissingError();
      return { articles };
    })();
  }

  async bands(keys: readonly number[]): Promise<Array<[number, BandMember[]]>> {
    const buckets = keys.map((key): [number, number[]] => [key, (this.lookup.band.all(key) as number[]).reverse()]);
    // An article is in many of the buckets read together: its row is read once.
    const seqs = [...new Set(buckets.flatMap(([, bucket]) => bucket))];
    const members = new Map((this.lookup.bandMembers.all(JSON.stringify(seqs)) as Row[]).map((row) => [row.seq as number, toBandMember(row)]));
    return buckets.map(([key, bucket]) => [key, bucket.map((seq) => members.get(seq) as BandMember)]);
  }

  async entityKeys(keys: readonly string[]): Promise<Array<[string, CorpusEntity[]]>> {
    return keys.map((key) => [key, (this.lookup.entityKey.all(key) as Row[]).map(toEntity)]);
  }

  async entitiesById(ids: readonly string[]): Promise<CorpusEntity[]> {
    return (this.lookup.entities.all(JSON.stringify(ids)) as Row[]).map(toEntity);
  }

  async storyStates(ids: readonly string[]): Promise<StoredStory[]> {
    return (this.lookup.stories.all(JSON.stringify(ids)) as Row[]).map(toStoredStory);
  }

  async storySums(ids: readonly string[]): Promise<Array<[string, StoryCentroid]>> {
    return ids.map((id) => [id, toCentroid(this.lookup.sums.all(id) as Row[])]);
  }

  async df(keys: readonly string[]): Promise<Array<[string, number]>> {
    return keys.map((key) => [key, (this.lookup.df.get(key) as number | undefined) ?? 0]);
  }

  async postings(keys: readonly string[]): Promise<Array<[string, Array<[string, number]>]>> {
    return keys.map((key) => [key, this.lookup.posting.all(key) as Array<[string, number]>]);
  }

  async claimPostings(keys: readonly string[]): Promise<Array<[string, StoriedClaim[]]>> {
    return keys.map((key) => [key, (this.lookup.claimPosting.all(key) as Row[]).reverse().map(toStoriedClaim)]);
  }

  async has(id: string): Promise<boolean> {
    return this.lookup.article.get(id) !== undefined;
  }

  async claimWriter(): Promise<WriterClaim> {
    // An in-memory database is this connection's alone.
    return this.path === ':memory:' || this.path === '' ? { release: async () => {} } : claimSqliteWriter(this.path);
  }

  async write(batch: CorpusBatch): Promise<void> {
    const { insert } = this;
    this.db.transaction(() => {
      for (const a of batch.articles) {
        insert.article.run({
          ...a,
          analysis: packAnalysis(a.analysis),
          entities: JSON.stringify(a.entities),
          signature: packSignature(a.signature),
          vector: JSON.stringify(a.vector),
        });
        insert.articleFts.run(a.seq, a.title ?? '', a.text);
      }
      for (const e of batch.entities) {
        insert.entity.run({
          ...e,
          aliases: JSON.stringify(e.aliases),
          keys: JSON.stringify(e.keys),
          codes: JSON.stringify(e.codes),
          unnamed: e.unnamed ? 1 : 0,
          search: [e.name, ...e.aliases].join('\n').toLowerCase(),
        });
      }
      for (const c of batch.claims) {
        const row = insert.claim.run({ ...c, proposition: propositionColumn(c), duplicate: c.duplicate ? 1 : 0 });
        insert.claimFts.run(row.lastInsertRowid, c.text);
        for (const [entity, said] of entityClaimKeys(c)) insert.entityClaim.run(entity, said ? 1 : 0, row.lastInsertRowid, c.time, c.duplicate ? 1 : 0);
      }
      for (const e of networkEdges(batch.claims)) insert.networkEdge.run(e.source, e.target, e.stance, e.plover ?? '', e.claims, e.articles);
      for (const s of batch.stories) insert.story.run({ ...s, state: JSON.stringify(s.state), touched: s.state.touched });
      for (const [key, seq] of batch.index.bands) insert.band.run(key, seq);
      for (const [key, entity] of batch.index.entityKeys) insert.entityKey.run(key, entity);
      for (const m of batch.index.members) insert.lshArticle.run(m.seq, m.id, m.story, packSignature(m.signature));
      for (const [posting, story] of batch.index.postings) insert.posting.run(posting, story);
      for (const [key, df] of batch.index.df) insert.df.run(key, df);
      for (const [posting, { article, claim }] of batch.index.claims) insert.claimPosting.run(posting, article, claim);
      for (const [story, part, key, gained] of batch.index.sums) insert.sum.run(story, part, key, gained);
      for (const { from, into } of batch.merged) {
        insert.mergeArticles.run(into, from);
        insert.mergeLsh.run(into, from);
        insert.mergePostings.run(into, from);
        insert.dropPostings.run(from);
        insert.dropSums.run(from);
        insert.dropStory.run(from);
      }
      for (const e of batch.edges) {
        insert.edge.run(e.id, e.kind, e.claims[0].article, e.claims[0].claim, e.claims[1].article, e.claims[1].claim, e.reason, e.crossArticle ? 1 : 0, e.score, e.proposition);
      }
    })();
    this.checkpoints.committed();
  }

  async count(): Promise<StoreCounts> {
    const n = (table: string): number => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    // Articles and claims are never deleted and a rolled-back write takes back its rowids, so the
    // largest seq is their count, read from the end of the table (counting 1.2M claims took 27 ms).
    const last = (table: string): number => (this.db.prepare(`SELECT max(seq) FROM ${table}`).pluck().get() as number | null) ?? 0;
    return {
      articles: last('articles'),
      entities: n('entities'),
      claims: last('claims'),
      stories: n('stories'),
      edges: n('edges'),
      contradictions: this.db.prepare(`SELECT count(*) FROM edges WHERE score >= ?`).pluck().get(CONTRADICTION_THRESHOLD) as number,
    };
  }

  async article(id: string): Promise<ArticleRecord | null> {
    const row = this.db.prepare(`SELECT * FROM articles WHERE id = ?`).get(id) as Row | undefined;
    return row ? toArticle(row) : null;
  }

  async *articles(): AsyncIterable<ArticleRecord> {
    for (const row of this.db.prepare(`SELECT * FROM articles ORDER BY seq`).iterate()) yield toArticle(row as Row);
  }

  async *claims(): AsyncIterable<ClaimRecord> {
    for (const row of this.db.prepare(`SELECT * FROM claims ORDER BY seq`).iterate()) yield toClaim(row as Row);
  }

  async edges(): Promise<ContradictionEdge[]> {
    return this.db.prepare(`SELECT * FROM edges ORDER BY rowid`).all().map((r) => toEdge(r as Row));
  }


  async entities(query: EntityQuery = {}): Promise<EntityJSON[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type) where.push('type = ?') && params.push(query.type);
    if (query.q) where.push(`search LIKE ? ESCAPE '\\'`) && params.push(likePattern(query.q));
    // A name filter reads the table once and sorts what matches ("+" keeps SQLite off the listing
    // index, through which it fetched every row in turn: 153 ms against 38 over 283,000 entities).
    const order = query.q ? '+mentions' : 'mentions';
    const sql = `SELECT * FROM entities ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} DESC, articles DESC, name, type, id LIMIT ? OFFSET ?`;
    return this.db
      .prepare(sql)
      .all(...params, query.limit ?? -1, query.offset ?? 0)
      .map((r) => toEntityJSON(r as Row));
  }

  async quotes(query: QuoteQuery = {}): Promise<QuoteJSON[]> {
    // Claims in an outlet's own voice (quote '') are no quotes.
    const where: string[] = [`q.quote <> ''`];
    const params: unknown[] = [];
    if (query.speaker) {
      where.push(`q.speaker IN (SELECT id FROM entities WHERE search LIKE ? ESCAPE '\\')`);
      params.push(likePattern(query.speaker));
    }
    if (query.q !== undefined) {
      where.push(`q.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`);
      params.push(ftsQuery(query.q));
    }
    const sql = `SELECT q.*, e.name AS speaker_name FROM claims q LEFT JOIN entities e ON e.id = q.speaker
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.seq LIMIT ? OFFSET ?`;
    return (this.db.prepare(sql).all(...params, query.limit ?? -1, query.offset ?? 0) as Row[]).map(toQuote);
  }

  async stories(query: StoryQuery = {}): Promise<StoryJSON[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.id !== undefined) where.push('id = ?') && params.push(query.id);
    if (query.q !== undefined) {
      // lsh_articles holds each article's story in a narrow row; the articles' rows hold their text before it.
      where.push(`id IN (SELECT story FROM lsh_articles WHERE seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))`);
      params.push(ftsQuery(query.q));
    }
    const stories = this.db
      .prepare(`SELECT * FROM stories ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${STORY_ORDER} LIMIT ? OFFSET ?`)
      .all(...params, query.limit ?? -1, query.offset ?? 0) as Row[];
    // Each story's first articles read from the story index, up to the cap.
    const members = this.db
      .prepare(`SELECT ${STORY_MEMBER_COLUMNS} FROM (SELECT value AS listed FROM json_each(?))
        JOIN articles ON seq IN (SELECT seq FROM articles WHERE story = listed ORDER BY seq LIMIT ?) ORDER BY seq`)
      .all(JSON.stringify(stories.map((s) => s.id)), query.articles ?? -1) as Row[];
    return toStories(members, stories);
  }

  async contradictions(query: ContradictionQuery = {}) {
    const edges = await this.edges();
    const rows = this.db
      // Joined on (article, id), which the claims' unique index finds: a key made of both read every claim.
      .prepare(`SELECT c.*, e.name AS speaker_name
        FROM (SELECT a_article AS article, a_claim AS id FROM edges UNION SELECT b_article, b_claim FROM edges) r
        JOIN claims c ON c.article = r.article AND c.id = r.id LEFT JOIN entities e ON e.id = c.speaker`)
      .all() as Row[];
    const byKey = new Map(rows.map((row) => [`${row.article}#${row.id}`, row]));
    const evidence = (ref: ClaimRef) => {
      const row = byKey.get(`${ref.article}#${ref.claim}`);
      return row ? toEvidence(row, ref) : null;
    };
    return paged(groupContradictions(edges, evidence, query.all ? 0 : CONTRADICTION_THRESHOLD), query);
  }

  async articleSummaries(query: ArticleQuery = {}): Promise<ArticleSummaryJSON[]> {
    const only = query.ids === undefined ? '' : `WHERE a.id IN (SELECT value FROM json_each(?))`;
    const params = query.ids === undefined ? [] : [JSON.stringify(query.ids)];
    return (
      this.db
        .prepare(`SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a JOIN stories s ON s.id = a.story ${only}
          ORDER BY a.published DESC, a.seq LIMIT ? OFFSET ?`)
        .all(...params, query.limit ?? -1, query.offset ?? 0) as Row[]
    ).map(toArticleSummary);
  }

  async claimsWhere(selection: ClaimSelection, latest?: number): Promise<ClaimRecord[]> {
    const [sql, key] =
      'speaker' in selection
        ? [`${ENTITY_CLAIMS} ec.said = 1 ORDER BY ec.claim DESC`, selection.speaker]
        : 'about' in selection
          ? [`${ENTITY_CLAIMS} ec.said = 0 ORDER BY ec.claim DESC`, selection.about]
          : 'story' in selection
            // The story's articles that are no copies, latest first, and their claims: a page of a big story reads only its latest.
            ? [`SELECT c.* FROM articles a JOIN claims c ON c.article = a.id WHERE a.story = @key AND a.duplicate_of IS NULL ORDER BY a.seq DESC, c.seq DESC`, selection.story]
            : [`SELECT c.* FROM json_each(@key) r JOIN claims c ON c.article = r.value ->> 0 AND c.id = r.value ->> 1 ORDER BY c.seq DESC`, JSON.stringify(selection.refs.map((r) => [r.article, r.claim]))];
    const rows = this.db.prepare(`${sql} LIMIT @latest`).all({ key, latest: latest ?? -1 }) as Row[];
    return rows.reverse().map(toClaim);
  }

  async entityClaimCounts(entity: string): Promise<EntityClaimCounts> {
    const totals = this.db.prepare(`SELECT said, count(*) AS n FROM entity_claims WHERE entity = ? GROUP BY said`).all(entity) as Array<{ said: number; n: number }>;
    const times = this.db
      .prepare(`SELECT time, sum(said) AS said, sum(1 - said) AS about FROM entity_claims WHERE entity = ? AND duplicate = 0 GROUP BY time`)
      .all(entity) as EntityClaimCounts['times'];
    const count = (said: number) => totals.find((t) => t.said === said)?.n ?? 0;
    return { said: count(1), about: count(0), times };
  }

  async edgesOf(article: string): Promise<ContradictionEdge[]> {
    const pairs = `SELECT rowid FROM edges WHERE a_article = @article UNION SELECT rowid FROM edges WHERE b_article = @article`;
    return (this.db.prepare(`SELECT * FROM edges WHERE rowid IN (${pairs}) ORDER BY rowid`).all({ article }) as Row[]).map(toEdge);
  }

  async network(limit: number): Promise<{ edges: NetworkEdge[]; total: number }> {
    const edges = this.db.prepare(`SELECT * FROM network_edges ORDER BY claims DESC, source, target, stance, plover LIMIT ?`).all(limit) as Row[];
    const total = this.db.prepare(`SELECT count(*) FROM network_edges`).pluck().get() as number;
    return { edges: edges.map(toNetworkEdge), total };
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.checkpoints.stop();
    // Folds the WAL back into the main file, so a closed database is one file again.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}


/** An entity's claims (`c`), read through its rows of entity_claims (`ec`); the condition on `said` follows. */
const ENTITY_CLAIMS = `SELECT c.* FROM entity_claims ec JOIN claims c ON c.seq = ec.claim WHERE ec.entity = @key AND`;

/** Each word or phrase as an FTS5 string, all required; a query without words matches nothing. */
function ftsQuery(text: string): string {
  const terms = searchTerms(text);
  return terms.length === 0 ? '""' : terms.map((t) => `"${t}"`).join(' ');
}
