import type { Database } from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { networkFillSql } from '../rows.js';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run. Add a new
 * entry for every change and never edit a released one: databases in the field have run it.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, path TEXT, published TEXT, time REAL,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    entities TEXT NOT NULL,
    signature BLOB NOT NULL,
    vector TEXT NOT NULL,
    story TEXT NOT NULL,
    duplicate_of TEXT,
    similarity REAL
  );
  CREATE INDEX articles_story ON articles (story);
  CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
  );

  CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    keys TEXT NOT NULL,
    articles INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    unnamed INTEGER NOT NULL,
    search TEXT NOT NULL
  );
  -- One row per claim, which is one quote: the quote queries read it too.
  CREATE TABLE claims (
    seq INTEGER PRIMARY KEY,
    article TEXT NOT NULL, id TEXT NOT NULL, quote TEXT NOT NULL,
    kind TEXT NOT NULL, cue TEXT, cue_class TEXT,
    speaker TEXT, stance TEXT NOT NULL,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, text TEXT NOT NULL,
    proposition TEXT NOT NULL,
    time REAL, article_seq INTEGER NOT NULL, duplicate INTEGER NOT NULL,
    UNIQUE (article, id)
  );
  CREATE INDEX claims_speaker ON claims (speaker);
  CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, content = 'claims', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
  );

  CREATE TABLE stories (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, seq INTEGER NOT NULL, first REAL, last REAL, size INTEGER NOT NULL
  );

  CREATE TABLE edges (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL,
    a_article TEXT NOT NULL, a_claim TEXT NOT NULL, b_article TEXT NOT NULL, b_claim TEXT NOT NULL,
    reason TEXT NOT NULL, cross_article INTEGER NOT NULL
  );
  `,
  // Indexes for pages of the lists on big corpora: stories largest first, entities most mentioned first.
  `
  CREATE INDEX stories_listing ON stories (size DESC, seq);
  CREATE INDEX entities_listing ON entities (mentions DESC, articles DESC);
  `,
  // How surely two claims contradict each other, in [0, 1] (older edges count as sure), and the
  // predicate class they share, which groups them.
  `ALTER TABLE edges ADD COLUMN score REAL NOT NULL DEFAULT 1;
   ALTER TABLE edges ADD COLUMN proposition TEXT NOT NULL DEFAULT '';`,
  // Entities' CAMEO actor codes: the chosen one and the count of each (JSON), from which the choice
  // is made again as articles arrive. Entities stored before have none until an article codes them.
  `ALTER TABLE entities ADD COLUMN code TEXT;
   ALTER TABLE entities ADD COLUMN codes TEXT NOT NULL DEFAULT '{}';`,
  // The indexes the corpus engine looks up as it places an article, instead of holding them all in
  // memory (docs/scale.md): LSH buckets and their articles' signatures, story postings, document
  // frequencies, and each story's sums (JSON). A corpus stored before has none until the engine rebuilds them (state NULL).
  `
  CREATE TABLE lsh_bands (band_key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (band_key, seq)) WITHOUT ROWID;
  -- What a bucket's reader compares and needs of each article, apart from its wide row.
  CREATE TABLE lsh_articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, story TEXT NOT NULL, signature BLOB NOT NULL);
  CREATE INDEX lsh_articles_story ON lsh_articles (story);
  CREATE TABLE story_postings (posting TEXT NOT NULL, story TEXT NOT NULL, PRIMARY KEY (posting, story)) WITHOUT ROWID;
  CREATE INDEX story_postings_story ON story_postings (story);
  CREATE TABLE term_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
  ALTER TABLE stories ADD COLUMN state TEXT;
  `,
  // The claim index as postings (a polarity and proposition key → its claims), and the stories'
  // sums as rows (story, part, key → sum), which the engine reads as an article needs them instead
  // of loading every matchable claim and every story at start; a story's state keeps only its
  // recency and norms. A corpus stored before has neither: its indexes are cleared as an older
  // claimgraph left them (stories' state NULL), and its next writer rebuilds them all.
  `
  CREATE TABLE claim_postings (posting TEXT NOT NULL, claim INTEGER NOT NULL, PRIMARY KEY (posting, claim)) WITHOUT ROWID;
  CREATE TABLE story_sums (story TEXT NOT NULL, part TEXT NOT NULL, key TEXT NOT NULL, sum INTEGER NOT NULL, PRIMARY KEY (story, part, key)) WITHOUT ROWID;
  DELETE FROM lsh_bands; DELETE FROM lsh_articles; DELETE FROM story_postings; DELETE FROM term_df;
  UPDATE stories SET state = NULL;
  `,
  // Entity lookup keys (a name, a surname, a description of a body …) as rows, so that placing
  // an article reads the entities its names are looked up by instead of the engine holding them all.
  `
  CREATE TABLE entity_keys (key TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;
  INSERT OR IGNORE INTO entity_keys (key, entity) SELECT k.value, e.id FROM entities e, json_each(e.keys) k;
  `,
  // Each story's recency (the seq of its latest article, also in its state) as a column, read with
  // the stories of a posting so that placement reads the rows of only the most recent of them.
  `ALTER TABLE stories ADD COLUMN touched INTEGER;
   UPDATE stories SET touched = json_extract(state, '$.touched');`,
  // What the server's pages read instead of holding every claim in memory (docs/scale.md): each
  // claim under its speaker (said 1) and under each other entity it names (said 0), with what a
  // timeline counts, so an entity page reads one range of one index; the actor network's edges
  // counted as claims arrive; the contradiction pairs of an article; and the article list latest
  // publication first (SQLite sorts NULL first, so undated ones come last in DESC).
  `
  CREATE TABLE entity_claims (
    entity TEXT NOT NULL, said INTEGER NOT NULL, claim INTEGER NOT NULL, time REAL, duplicate INTEGER NOT NULL,
    PRIMARY KEY (entity, said, claim)
  ) WITHOUT ROWID;
  -- A timeline counts the originals per time: 13 ms over the 108,000 claims of the most mentioned
  -- entity of a 100,000-article corpus through the key, under 1 ms through this index.
  CREATE INDEX entity_claims_timeline ON entity_claims (entity, duplicate, time, said);
  INSERT OR IGNORE INTO entity_claims SELECT speaker, 1, seq, time, duplicate FROM claims WHERE speaker IS NOT NULL;
  INSERT OR IGNORE INTO entity_claims SELECT e.value, 0, c.seq, c.time, c.duplicate FROM claims c, json_each(c.proposition, '$.entities') e
    WHERE c.speaker IS NOT e.value;
  CREATE TABLE network_edges (
    source TEXT NOT NULL, target TEXT NOT NULL, stance TEXT NOT NULL, plover TEXT NOT NULL, claims INTEGER NOT NULL, articles INTEGER NOT NULL,
    PRIMARY KEY (source, target, stance, plover)
  ) WITHOUT ROWID;
  CREATE INDEX network_edges_strongest ON network_edges (claims DESC, source, target, stance, plover);
  ${networkFillSql(`json_extract(c.proposition, '$.cameo[0]')`, '0')};
  CREATE INDEX edges_a_article ON edges (a_article);
  CREATE INDEX edges_b_article ON edges (b_article);
  CREATE INDEX articles_published ON articles (published DESC, seq);
  `,
];

/** "CGDB": marks a database file as claimgraph's. */
export const APPLICATION_ID = 0x43474442;

/** Brings the schema up to date, one transaction per migration, so a failed step leaves the last good version. */
export function migrate(db: Database, path: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const empty = (db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number }).n === 0;
  if (applicationId !== APPLICATION_ID && !empty) throw new StoreError(`${path} is not a claimgraph database`);
  if (version > MIGRATIONS.length) {
    throw new StoreError(`${path} has schema version ${version}, newer than this claimgraph understands (${MIGRATIONS.length}): upgrade claimgraph`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}
