import type pg from 'pg';
import { StoreError } from '../errors.js';
import { networkFillSql } from '../rows.js';

/**
 * Schema migrations, applied in order; the `claimgraph_schema` row records how many have run. Add
 * a new entry for every change and never edit a released one. Full-text search is PostgreSQL's own:
 * a generated tsvector column with a GIN index, in the 'simple' configuration (lower-cased words, no
 * stemming, no stop words), so the same queries match as in the SQLite store's FTS5.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, path TEXT, published TEXT, time DOUBLE PRECISION,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    entities TEXT NOT NULL,
    signature BYTEA NOT NULL,
    vector TEXT NOT NULL,
    story TEXT NOT NULL,
    duplicate_of TEXT,
    similarity DOUBLE PRECISION,
    search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED
  );
  CREATE INDEX articles_story ON articles (story);
  CREATE INDEX articles_search ON articles USING GIN (search);

  CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    keys TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    unnamed BOOLEAN NOT NULL,
    search TEXT NOT NULL
  );
  CREATE TABLE claims (
    seq SERIAL PRIMARY KEY,
    article TEXT NOT NULL, id TEXT NOT NULL, quote TEXT NOT NULL,
    kind TEXT NOT NULL, cue TEXT, cue_class TEXT,
    speaker TEXT, stance TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, text TEXT NOT NULL,
    proposition TEXT NOT NULL,
    time DOUBLE PRECISION, article_seq INTEGER NOT NULL, duplicate BOOLEAN NOT NULL,
    search TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
    UNIQUE (article, id)
  );
  CREATE INDEX claims_speaker ON claims (speaker);
  CREATE INDEX claims_search ON claims USING GIN (search);

  CREATE TABLE stories (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, seq INTEGER NOT NULL, first DOUBLE PRECISION, last DOUBLE PRECISION, size INTEGER NOT NULL
  );

  CREATE TABLE edges (
    rowid SERIAL,
    id TEXT PRIMARY KEY, kind TEXT NOT NULL,
    a_article TEXT NOT NULL, a_claim TEXT NOT NULL, b_article TEXT NOT NULL, b_claim TEXT NOT NULL,
    reason TEXT NOT NULL, cross_article BOOLEAN NOT NULL
  );
  `,
  // Indexes for pages of the lists on big corpora: stories largest first, entities most mentioned first.
  `
  CREATE INDEX stories_listing ON stories (size DESC, seq);
  CREATE INDEX entities_listing ON entities (mentions DESC, articles DESC);
  `,
  // How surely two claims contradict each other, in [0, 1] (older edges count as sure), and the
  // predicate class they share, which groups them.
  `ALTER TABLE edges ADD COLUMN score DOUBLE PRECISION NOT NULL DEFAULT 1;
   ALTER TABLE edges ADD COLUMN proposition TEXT NOT NULL DEFAULT '';`,
  // Entities' CAMEO actor codes: the chosen one and the count of each (JSON), from which the choice
  // is made again as articles arrive. Entities stored before have none until an article codes them.
  `ALTER TABLE entities ADD COLUMN code TEXT;
   ALTER TABLE entities ADD COLUMN codes TEXT NOT NULL DEFAULT '{}';`,
  // The indexes the corpus engine looks up as it places an article, instead of holding them all in
  // memory (docs/scale.md): LSH buckets and their articles' signatures, story postings, document
  // frequencies, and each story's sums (JSON). A corpus stored before has none until the engine rebuilds them (state NULL).
  `
  CREATE TABLE lsh_bands (band_key BIGINT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (band_key, seq));
  -- What a bucket's reader compares and needs of each article, apart from its wide row.
  CREATE TABLE lsh_articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, story TEXT NOT NULL, signature BYTEA NOT NULL);
  CREATE INDEX lsh_articles_story ON lsh_articles (story);
  CREATE TABLE story_postings (posting TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (posting, story));
  CREATE INDEX story_postings_story ON story_postings (story);
  CREATE TABLE term_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL);
  ALTER TABLE stories ADD COLUMN state TEXT;
  `,
  // The claim index as postings (a polarity and proposition key → its claims), and the stories'
  // sums as rows (story, part, key → sum), which the engine reads as an article needs them instead
  // of loading every matchable claim and every story at start; a story's state keeps only its
  // recency and norms. A corpus stored before has neither: its indexes are cleared as an older
  // claimgraph left them (stories' state NULL), and its next writer rebuilds them all.
  `
  CREATE TABLE claim_postings (posting TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY (posting, claim));
  CREATE TABLE story_sums (story TEXT NOT NULL, part TEXT NOT NULL, key TEXT NOT NULL, sum BIGINT NOT NULL, PRIMARY KEY (story, part, key));
  DELETE FROM lsh_bands; DELETE FROM lsh_articles; DELETE FROM story_postings; DELETE FROM term_df;
  UPDATE stories SET state = NULL;
  `,
  // Entity lookup keys (a name, a surname, a description of a body …) as rows, so that placing
  // an article reads the entities its names are looked up by instead of the engine holding them all.
  `
  CREATE TABLE entity_keys (key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (key, entity));
  INSERT INTO entity_keys (key, entity) SELECT DISTINCT k, e.id FROM entities e, json_array_elements_text(e.keys::json) AS k;
  `,
  // Each story's recency (the seq of its latest article, also in its state) as a column, read with
  // the stories of a posting so that placement reads the rows of only the most recent of them.
  `ALTER TABLE stories ADD COLUMN touched INTEGER;
   UPDATE stories SET touched = (state::json->>'touched')::int;`,
  // A story's articles in ingest order, so that a listing reads only the first of a big story's
  // (SQLite's index on story holds the rowid, seq, already).
  `CREATE INDEX articles_story_seq ON articles (story, seq);
   DROP INDEX articles_story;`,
  // What the server's pages read instead of holding every claim in memory (docs/scale.md): each
  // claim under its speaker (said) and under each other entity it names (not said), with what a
  // timeline counts, so an entity page reads one range of one index; the actor network's edges
  // counted as claims arrive; the contradiction pairs of an article; and the article list latest
  // publication first.
  `
  CREATE TABLE entity_claims (
    entity TEXT NOT NULL, said BOOLEAN NOT NULL, claim INTEGER NOT NULL, time DOUBLE PRECISION, duplicate BOOLEAN NOT NULL,
    PRIMARY KEY (entity, said, claim)
  );
  -- A timeline counts the originals per time, through this index rather than every row of the entity.
  CREATE INDEX entity_claims_timeline ON entity_claims (entity, duplicate, time, said);
  INSERT INTO entity_claims SELECT speaker, true, seq, time, duplicate FROM claims WHERE speaker IS NOT NULL;
  INSERT INTO entity_claims SELECT DISTINCT e, false, c.seq, c.time, c.duplicate FROM claims c, json_array_elements_text(c.proposition::json -> 'entities') AS e
    WHERE c.speaker IS DISTINCT FROM e;
  CREATE TABLE network_edges (
    source TEXT NOT NULL, target TEXT NOT NULL, stance TEXT NOT NULL, plover TEXT NOT NULL, claims BIGINT NOT NULL, articles BIGINT NOT NULL,
    PRIMARY KEY (source, target, stance, plover)
  );
  CREATE INDEX network_edges_strongest ON network_edges (claims DESC, source, target, stance, plover);
  ${networkFillSql(`(c.proposition::json -> 'cameo' ->> 0)`, 'false')};
  CREATE INDEX edges_a_article ON edges (a_article);
  CREATE INDEX edges_b_article ON edges (b_article);
  CREATE INDEX articles_published ON articles (published COLLATE "C" DESC NULLS LAST, seq);
  `,
];

/** Any fixed number: every process that migrates takes this lock first, so two never migrate at once. */
const MIGRATION_LOCK = 0x43474442;

/** Runs `use` while holding the migration lock, so that processes opening one database at once take turns. */
export async function withMigrationLock<T>(client: pg.PoolClient, use: () => Promise<T>): Promise<T> {
  await client.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK]);
  try {
    return await use();
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK]);
  }
}

/** Brings the schema up to date in one transaction per migration; call it inside {@link withMigrationLock}. */
export async function migrate(client: pg.PoolClient, where: string): Promise<void> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
  );
  const names = new Set(tables.rows.map((r) => r.name));
  if (!names.has('claimgraph_schema') && names.has('articles')) throw new StoreError(`${where} is not a claimgraph database`);
  if (!names.has('claimgraph_schema')) await client.query(`CREATE TABLE claimgraph_schema (version INTEGER NOT NULL); INSERT INTO claimgraph_schema VALUES (0)`);
  const version = (await client.query<{ version: number }>(`SELECT version FROM claimgraph_schema`)).rows[0].version;
  if (version > MIGRATIONS.length) {
    throw new StoreError(`${where} has schema version ${version}, newer than this claimgraph understands (${MIGRATIONS.length}): upgrade claimgraph`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    await client.query('BEGIN');
    try {
      await client.query(MIGRATIONS[v]);
      await client.query(`UPDATE claimgraph_schema SET version = $1`, [v + 1]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
}
