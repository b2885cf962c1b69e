import pg from 'pg';
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
import { CorpusBusyError, CorpusIndexMissingError, StoreError } from '../errors.js';
import { ARTICLE_SUMMARY_COLUMNS, entityClaimKeys, likePattern, propositionColumn, STORY_MEMBER_COLUMNS, STORY_ORDER, toArticle, toArticleSummary, toNetworkEdge, toClaim, toEdge, toEntity, toEntityJSON, toEvidence, toBandMember, toQuote, toStoriedClaim, toStories, toStoredStory, toCentroid, type Row } from '../rows.js';
import { paged, type ArticleQuery, type ClaimSelection, type ContradictionQuery, type EntityClaimCounts, type EntityQuery, type QuoteQuery, type Store, type StoreCounts, type StoryQuery, type WriterClaim } from '../types.js';
import { migrate, withMigrationLock } from './migrations.js';

/**
 * The PostgreSQL store (node-postgres): the same tables as the SQLite store, full-text search
 * through tsvector columns with GIN indexes. Any number of processes on any number of machines can
 * open one database; the corpus writer among them is decided by the caller (src/scale/).
 */

export interface PostgresStoreOptions {
  /** Refuse a database where no corpus was ever created (query commands). */
  mustExist?: boolean;
  /** The schema holding the tables (default: the server's search_path, normally "public"). */
  schema?: string;
  /** Connections in the pool. */
  connections?: number;
}

/** True when `location` names a PostgreSQL database rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** A pool on `url` whose connections use `schema`, if given. */
export function createPool(url: string, schema?: string, connections = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: connections, ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}) });
  // A connection the server drops (a restart, an outage) fails the query using it; with no
  // listener, a client checked out between queries would throw the 'error' event and end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const where = redactUrl(url);
  const pool = createPool(url, options.schema, options.connections);
  // An idle connection that the server drops must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await withMigrationLock(client, async () => {
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
        if (options.mustExist) {
          const found = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'claimgraph_schema'`);
          if (found.rowCount === 0) throw new StoreError(`no corpus in ${where}: run "claimgraph ingest" first`);
        }
        await migrate(client, where);
      });
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot open ${where}: ${(error as Error).message}`);
  }
  return new PostgresStore(pool);
}

const PAGE = 200;

/**
 * The advisory lock of the corpus writer: held by `claimWriter` for a whole ingest, and by the
 * queue's writer (src/scale/queue.ts) while it places a batch, so the two never write at once.
 */
export const WRITER_LOCK = 0x43475057; // "CGPW"

class PostgresStore implements Store {
  constructor(private readonly pool: pg.Pool) {}

  private async rows(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows as Row[];
  }

  async snapshot(): Promise<CorpusSnapshot> {
    const client = await this.pool.connect();
    try {
      // One consistent view of the tables.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const query = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await client.query(sql, params)).rows as Row[];
      const [{ articles }] = await query(`SELECT count(*)::int AS articles FROM articles`);
      if ((await query(`SELECT 1 FROM stories WHERE state IS NULL LIMIT 1`)).length > 0) throw new CorpusIndexMissingError();
      await client.query('COMMIT');
      return { articles: articles as number };
    } finally {
      client.release();
    }
  }

  async bands(keys: readonly number[]): Promise<Array<[number, BandMember[]]>> {
    const rows = await this.rows(`SELECT k.key, b.seq FROM unnest($1::bigint[]) AS k (key)
      CROSS JOIN LATERAL (SELECT seq FROM lsh_bands WHERE band_key = k.key ORDER BY seq DESC LIMIT ${BUCKET_CAPACITY}) b ORDER BY b.seq`, [keys]);
    // An article is in many of the buckets read together: its row is read once.
    const seqs = [...new Set(rows.map((row) => row.seq as number))];
    const members = new Map((await this.rows(`SELECT seq, id, signature, story FROM lsh_articles WHERE seq = ANY($1)`, [seqs])).map((row) => [row.seq as number, toBandMember(row)]));
    const buckets = new Map<number, BandMember[]>(keys.map((key) => [key, []]));
    // BIGINT comes back as a string.
    for (const row of rows) buckets.get(Number(row.key))?.push(members.get(row.seq as number) as BandMember);
    return [...buckets];
  }

  async entityKeys(keys: readonly string[]): Promise<Array<[string, CorpusEntity[]]>> {
    // Per key, its most mentioned owners (KEY_OWNER_CAPACITY), in the order the registry reads them.
    const rows = await this.rows(
      `SELECT q.key AS owned_key, e.* FROM unnest($1::text[]) AS q (key) CROSS JOIN LATERAL (
        SELECT e.* FROM entity_keys k JOIN entities e ON e.id = k.entity WHERE k.key = q.key
        ORDER BY e.mentions DESC, e.id COLLATE "C" LIMIT ${KEY_OWNER_CAPACITY}) e`,
      [keys],
    );
    const owners = new Map<string, CorpusEntity[]>(keys.map((key) => [key, []]));
    for (const row of rows) owners.get(row.owned_key as string)?.push(toEntity(row));
    return [...owners];
  }

  async entitiesById(ids: readonly string[]): Promise<CorpusEntity[]> {
    return (await this.rows(`SELECT * FROM entities WHERE id = ANY($1)`, [ids])).map(toEntity);
  }

  async storyStates(ids: readonly string[]): Promise<StoredStory[]> {
    return (await this.rows(`SELECT * FROM stories WHERE id = ANY($1)`, [ids])).map(toStoredStory);
  }

  async storySums(ids: readonly string[]): Promise<Array<[string, StoryCentroid]>> {
    const rows = await this.rows(`SELECT story, part, key, sum FROM story_sums WHERE story = ANY($1)`, [ids]);
    const byStory = new Map<string, Row[]>(ids.map((id) => [id, []]));
    for (const row of rows) byStory.get(row.story as string)?.push(row);
    return [...byStory].map(([id, sums]) => [id, toCentroid(sums)]);
  }

  async df(keys: readonly string[]): Promise<Array<[string, number]>> {
    const found = new Map((await this.rows(`SELECT key, df FROM term_df WHERE key = ANY($1)`, [keys])).map((row) => [row.key as string, row.df as number]));
    return keys.map((key) => [key, found.get(key) ?? 0]);
  }

  async postings(keys: readonly string[]): Promise<Array<[string, Array<[string, number]>]>> {
    const rows = await this.rows(`SELECT p.posting, p.story, s.touched FROM story_postings p JOIN stories s ON s.id = p.story WHERE p.posting = ANY($1)`, [keys]);
    const postings = new Map<string, Array<[string, number]>>(keys.map((key) => [key, []]));
    for (const row of rows) postings.get(row.posting as string)?.push([row.story as string, row.touched as number]);
    return [...postings];
  }

  async claimPostings(keys: readonly string[]): Promise<Array<[string, StoriedClaim[]]>> {
    const rows = await this.rows(`SELECT k.key AS posting, c.*, l.story AS article_story FROM unnest($1::text[]) AS k (key)
      CROSS JOIN LATERAL (SELECT claim FROM claim_postings WHERE posting = k.key ORDER BY claim DESC LIMIT ${CLAIM_POSTING_CAPACITY}) p
      JOIN claims c ON c.seq = p.claim JOIN lsh_articles l ON l.seq = c.article_seq ORDER BY c.seq`, [keys]);
    const postings = new Map<string, StoriedClaim[]>(keys.map((key) => [key, []]));
    for (const row of rows) postings.get(row.posting as string)?.push(toStoriedClaim(row));
    return [...postings];
  }

  async has(id: string): Promise<boolean> {
    return (await this.rows(`SELECT 1 FROM articles WHERE id = $1`, [id])).length > 0;
  }

  async claimWriter(): Promise<WriterClaim> {
    const client = await this.pool.connect();
    try {
      if ((await client.query(`SELECT pg_try_advisory_lock($1) AS locked`, [WRITER_LOCK])).rows[0].locked) {
        return {
          async release() {
            try {
              await client.query(`SELECT pg_advisory_unlock($1)`, [WRITER_LOCK]);
            } finally {
              client.release();
            }
          },
        };
      }
      const holder = await client.query(`SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`, [WRITER_LOCK]);
      const who = holder.rows[0] ? `server process ${holder.rows[0].pid}${holder.rows[0].application_name ? `, ${holder.rows[0].application_name}` : ''}` : 'another session';
      throw new CorpusBusyError(`another writer is placing articles in this corpus (${who}); try again when it has finished`);
    } catch (error) {
      client.release();
      throw error;
    }
  }

  async write(batch: CorpusBatch): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const a of batch.articles) {
        await client.query(
          `INSERT INTO articles (seq, id, title, source, url, path, published, time, ingested_at, text, analysis, entities, signature, vector, story, duplicate_of, similarity)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
          [a.seq, a.id, a.title, a.source, a.url, a.path, a.published, a.time, a.ingestedAt, a.text, packAnalysis(a.analysis), JSON.stringify(a.entities),
            Buffer.from(packSignature(a.signature)), JSON.stringify(a.vector), a.story, a.duplicateOf, a.similarity],
        );
      }
      for (const e of batch.entities) {
        await client.query(
          `INSERT INTO entities (id, type, name, aliases, keys, articles, mentions, unnamed, search, code, codes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, aliases = excluded.aliases, keys = excluded.keys,
             articles = excluded.articles, mentions = excluded.mentions, unnamed = excluded.unnamed, search = excluded.search,
             code = excluded.code, codes = excluded.codes`,
          [e.id, e.type, e.name, JSON.stringify(e.aliases), JSON.stringify(e.keys), e.articles, e.mentions, e.unnamed, [e.name, ...e.aliases].join('\n').toLowerCase(),
            e.code, JSON.stringify(e.codes)],
        );
      }
      for (const c of batch.claims) {
        await client.query(
          `INSERT INTO claims (article, id, quote, kind, cue, cue_class, speaker, stance, content_start, content_end, text, proposition, time, article_seq, duplicate)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
          [c.article, c.id, c.quote, c.kind, c.cue, c.cueClass, c.speaker, c.stance, c.start, c.end, c.text, propositionColumn(c), c.time, c.seq, c.duplicate],
        );
      }
      for (const s of batch.stories) {
        await client.query(
          `INSERT INTO stories (id, label, seq, first, last, size, state, touched) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO UPDATE SET label = excluded.label, first = excluded.first, last = excluded.last, size = excluded.size, state = excluded.state,
             touched = excluded.touched`,
          [s.id, s.label, s.seq, s.first, s.last, s.size, JSON.stringify(s.state), s.state.touched],
        );
      }
      const keys = batch.claims.flatMap((c) => entityClaimKeys(c).map(([entity, said]) => ({ article: c.article, id: c.id, entity, said })));
      await client.query(`INSERT INTO entity_claims (entity, said, claim, time, duplicate)
        SELECT k.entity, k.said, c.seq, c.time, c.duplicate FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS k (article, id, entity, said)
        JOIN claims c ON c.article = k.article AND c.id = k.id`, [keys.map((k) => k.article), keys.map((k) => k.id), keys.map((k) => k.entity), keys.map((k) => k.said)]);
      const network = networkEdges(batch.claims);
      await client.query(`INSERT INTO network_edges (source, target, stance, plover, claims, articles)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
        ON CONFLICT (source, target, stance, plover) DO UPDATE SET claims = network_edges.claims + excluded.claims, articles = network_edges.articles + excluded.articles`, [
        network.map((e) => e.source),
        network.map((e) => e.target),
        network.map((e) => e.stance),
        network.map((e) => e.plover ?? ''),
        network.map((e) => e.claims),
        network.map((e) => e.articles),
      ]);
      const { bands, members, postings, df, claims, sums, entityKeys } = batch.index;
      await client.query(`INSERT INTO entity_keys (key, entity) SELECT * FROM unnest($1::text[], $2::text[])`, [entityKeys.map(([key]) => key), entityKeys.map(([, id]) => id)]);
      // One statement per table: the rows of a batch run to thousands.
      await client.query(`INSERT INTO lsh_bands (band_key, seq) SELECT * FROM unnest($1::bigint[], $2::int[])`, [bands.map(([key]) => key), bands.map(([, seq]) => seq)]);
      await client.query(`INSERT INTO lsh_articles (seq, id, story, signature) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bytea[])`, [
        members.map((m) => m.seq),
        members.map((m) => m.id),
        members.map((m) => m.story),
        members.map((m) => Buffer.from(packSignature(m.signature))),
      ]);
      await client.query(`INSERT INTO story_postings (posting, story) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [
        postings.map(([posting]) => posting),
        postings.map(([, story]) => story),
      ]);
      await client.query(`INSERT INTO term_df (key, df) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (key) DO UPDATE SET df = excluded.df`, [
        df.map(([key]) => key),
        df.map(([, n]) => n),
      ]);
      await client.query(`INSERT INTO claim_postings (posting, claim) SELECT p.posting, c.seq FROM unnest($1::text[], $2::text[], $3::text[]) AS p (posting, article, id)
        JOIN claims c ON c.article = p.article AND c.id = p.id`, [claims.map(([posting]) => posting), claims.map(([, ref]) => ref.article), claims.map(([, ref]) => ref.claim)]);
      await client.query(`INSERT INTO story_sums (story, part, key, sum) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])
        ON CONFLICT (story, part, key) DO UPDATE SET sum = story_sums.sum + excluded.sum`, [sums.map(([story]) => story), sums.map(([, part]) => part), sums.map(([, , key]) => key), sums.map(([, , , n]) => n)]);
      for (const { from, into } of batch.merged) {
        await client.query(`UPDATE articles SET story = $2 WHERE story = $1`, [from, into]);
        await client.query(`UPDATE lsh_articles SET story = $2 WHERE story = $1`, [from, into]);
        await client.query(`INSERT INTO story_postings (posting, story) SELECT posting, $2 FROM story_postings WHERE story = $1 ON CONFLICT DO NOTHING`, [from, into]);
        await client.query(`DELETE FROM story_postings WHERE story = $1`, [from]);
        await client.query(`DELETE FROM story_sums WHERE story = $1`, [from]);
        await client.query(`DELETE FROM stories WHERE id = $1`, [from]);
      }
      for (const e of batch.edges) {
        await client.query(
          `INSERT INTO edges (id, kind, a_article, a_claim, b_article, b_claim, reason, cross_article, score, proposition) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [e.id, e.kind, e.claims[0].article, e.claims[0].claim, e.claims[1].article, e.claims[1].claim, e.reason, e.crossArticle, e.score, e.proposition],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async count(): Promise<StoreCounts> {
    const [row] = await this.rows(`SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM entities)::int AS entities,
      (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM stories)::int AS stories, (SELECT count(*) FROM edges)::int AS edges,
      (SELECT count(*) FROM edges WHERE score >= $1)::int AS contradictions`, [CONTRADICTION_THRESHOLD]);
    return row as unknown as StoreCounts;
  }

  async article(id: string): Promise<ArticleRecord | null> {
    const [row] = await this.rows(`SELECT * FROM articles WHERE id = $1`, [id]);
    return row ? toArticle(row) : null;
  }

  /** Pages through a table by its serial column, so an export never holds the whole corpus. */
  private async *pages(table: 'articles' | 'claims'): AsyncIterable<Row> {
    let after = -1;
    for (;;) {
      const rows = await this.rows(`SELECT * FROM ${table} WHERE seq > $1 ORDER BY seq LIMIT ${PAGE}`, [after]);
      yield* rows;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1].seq as number;
    }
  }

  async *articles(): AsyncIterable<ArticleRecord> {
    for await (const row of this.pages('articles')) yield toArticle(row);
  }

  async *claims(): AsyncIterable<ClaimRecord> {
    for await (const row of this.pages('claims')) yield toClaim(row);
  }

  async edges(): Promise<ContradictionEdge[]> {
    return (await this.rows(`SELECT * FROM edges ORDER BY rowid`)).map(toEdge);
  }


  async entities(query: EntityQuery = {}): Promise<EntityJSON[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type) params.push(query.type) && where.push(`type = $${params.length}`);
    if (query.q) params.push(likePattern(query.q)) && where.push(`search LIKE $${params.length}`);
    params.push(query.limit ?? null, query.offset ?? 0);
    const sql = `SELECT * FROM entities ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY mentions DESC, articles DESC, name COLLATE "C", type COLLATE "C", id COLLATE "C" LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return (await this.rows(sql, params)).map(toEntityJSON);
  }

  async quotes(query: QuoteQuery = {}): Promise<QuoteJSON[]> {
    // Claims in an outlet's own voice (quote '') are no quotes.
    const where: string[] = [`q.quote <> ''`];
    const params: unknown[] = [];
    if (query.speaker) {
      params.push(likePattern(query.speaker));
      where.push(`q.speaker IN (SELECT id FROM entities WHERE search LIKE $${params.length})`);
    }
    if (query.q !== undefined) where.push(textMatch('q.search', query.q, params));
    params.push(query.limit ?? null, query.offset ?? 0);
    const sql = `SELECT q.*, e.name AS speaker_name FROM claims q LEFT JOIN entities e ON e.id = q.speaker
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.seq LIMIT $${params.length - 1} OFFSET $${params.length}`;
    return (await this.rows(sql, params)).map(toQuote);
  }

  async stories(query: StoryQuery = {}): Promise<StoryJSON[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.id !== undefined) params.push(query.id) && where.push(`id = $${params.length}`);
    if (query.q !== undefined) where.push(`id IN (SELECT story FROM articles WHERE ${textMatch('search', query.q, params)})`);
    params.push(query.limit ?? null, query.offset ?? 0);
    const stories = await this.rows(
      `SELECT * FROM stories ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${STORY_ORDER} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    // Each story's first articles read from the story index, up to the cap.
    const members = await this.rows(
      `SELECT a.* FROM unnest($1::text[]) AS listed(story)
        CROSS JOIN LATERAL (SELECT ${STORY_MEMBER_COLUMNS}, seq FROM articles WHERE story = listed.story ORDER BY seq LIMIT $2) a ORDER BY a.seq`,
      [stories.map((s) => s.id), query.articles ?? null],
    );
    return toStories(members, stories);
  }

  async contradictions(query: ContradictionQuery = {}) {
    const edges = await this.edges();
    const rows = await this.rows(`SELECT c.*, e.name AS speaker_name
      FROM (SELECT a_article AS article, a_claim AS id FROM edges UNION SELECT b_article, b_claim FROM edges) r
      JOIN claims c ON c.article = r.article AND c.id = r.id LEFT JOIN entities e ON e.id = c.speaker`);
    const byKey = new Map(rows.map((row) => [`${row.article}#${row.id}`, row]));
    const evidence = (ref: ClaimRef) => {
      const row = byKey.get(`${ref.article}#${ref.claim}`);
      return row ? toEvidence(row, ref) : null;
    };
    return paged(groupContradictions(edges, evidence, query.all ? 0 : CONTRADICTION_THRESHOLD), query);
  }

  async articleSummaries(query: ArticleQuery = {}): Promise<ArticleSummaryJSON[]> {
    const params: unknown[] = query.ids === undefined ? [] : [query.ids];
    const only = query.ids === undefined ? '' : `WHERE a.id = ANY ($1::text[])`;
    params.push(query.limit ?? null, query.offset ?? 0);
    const rows = await this.rows(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a JOIN stories s ON s.id = a.story ${only}
        ORDER BY a.published COLLATE "C" DESC NULLS LAST, a.seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(toArticleSummary);
  }

  async claimsWhere(selection: ClaimSelection, latest?: number): Promise<ClaimRecord[]> {
    const entityClaims = `SELECT c.* FROM entity_claims ec JOIN claims c ON c.seq = ec.claim WHERE ec.entity = $1 AND`;
    const [sql, params] =
      'speaker' in selection
        ? [`${entityClaims} ec.said ORDER BY ec.claim DESC`, [selection.speaker]]
        : 'about' in selection
          ? [`${entityClaims} NOT ec.said ORDER BY ec.claim DESC`, [selection.about]]
          : 'story' in selection
            // The story's articles that are no copies, latest first, and their claims: a page of a big story reads only its latest.
            ? [`SELECT c.* FROM articles a JOIN claims c ON c.article = a.id WHERE a.story = $1 AND a.duplicate_of IS NULL ORDER BY a.seq DESC, c.seq DESC`, [selection.story]]
            : [`SELECT c.* FROM unnest($1::text[], $2::text[]) AS r (article, id) JOIN claims c ON c.article = r.article AND c.id = r.id ORDER BY c.seq DESC`, [selection.refs.map((r) => r.article), selection.refs.map((r) => r.claim)]];
    const rows = await this.rows(`${sql} LIMIT $${params.length + 1}`, [...params, latest ?? null]);
    return rows.reverse().map(toClaim);
  }

  async entityClaimCounts(entity: string): Promise<EntityClaimCounts> {
    const [totals, times] = await Promise.all([
      this.rows(`SELECT said, count(*)::int AS n FROM entity_claims WHERE entity = $1 GROUP BY said`, [entity]),
      this.rows(`SELECT time, count(*) FILTER (WHERE said)::int AS said, count(*) FILTER (WHERE NOT said)::int AS about
        FROM entity_claims WHERE entity = $1 AND NOT duplicate GROUP BY time`, [entity]),
    ]);
    const count = (said: boolean) => (totals.find((t) => t.said === said)?.n as number | undefined) ?? 0;
    return { said: count(true), about: count(false), times: times as EntityClaimCounts['times'] };
  }

  async edgesOf(article: string): Promise<ContradictionEdge[]> {
    return (await this.rows(`SELECT * FROM edges WHERE a_article = $1 UNION SELECT * FROM edges WHERE b_article = $1 ORDER BY rowid`, [article])).map(toEdge);
  }

  async network(limit: number): Promise<{ edges: NetworkEdge[]; total: number }> {
    const [edges, [{ total }]] = await Promise.all([
      this.rows(`SELECT * FROM network_edges ORDER BY claims DESC, source COLLATE "C", target COLLATE "C", stance COLLATE "C", plover COLLATE "C" LIMIT $1`, [limit]),
      this.rows(`SELECT count(*)::int AS total FROM network_edges`),
    ]);
    return { edges: edges.map(toNetworkEdge), total: total as number };
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}


/** Each word or phrase as a tsquery, all required; a query without words matches nothing. */
function textMatch(column: string, text: string, params: unknown[]): string {
  const terms = searchTerms(text);
  if (terms.length === 0) return 'FALSE';
  const queries = terms.map((term) => {
    params.push(term);
    return `phraseto_tsquery('simple', $${params.length})`;
  });
  return `${column} @@ (${queries.join(' && ')})`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
