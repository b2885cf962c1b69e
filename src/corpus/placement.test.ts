import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { defaultLexicon } from '../core/lexicon/index.js';
import { CorpusIndexMissingError } from '../store/errors.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { ingest } from './ingest.js';
import { StoredCorpus } from './placement.js';

/**
 * A corpus stored before the store kept the indexes placement reads (lsh_bands, lsh_articles,
 * story_postings, term_df, stories.state, claim_postings, story_sums) gets them rebuilt by its next writer, exactly as an
 * engine writing them all along made them; a reader is told instead.
 */

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));
const INDEXES = {
  lsh_bands: 'SELECT * FROM lsh_bands ORDER BY band_key, seq',
  lsh_articles: 'SELECT * FROM lsh_articles ORDER BY seq',
  story_postings: 'SELECT * FROM story_postings ORDER BY posting, story',
  term_df: 'SELECT * FROM term_df ORDER BY key',
  claim_postings: 'SELECT * FROM claim_postings ORDER BY posting, claim',
  story_sums: 'SELECT * FROM story_sums ORDER BY story, part, key',
  stories: 'SELECT * FROM stories ORDER BY id',
};

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-placement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the indexes of a corpus stored without them', () => {
  it('are rebuilt by the next writer as an engine would have written them', { timeout: 60_000 }, async () => {
    const path = join(dir, 'fixture.db');
    const store = openSqliteStore(path);
    expect((await ingest(store, [FIXTURE], { analyzer: await createAnalyzer() })).ingested).toBe(5);
    await store.close();

    const db = new Database(path);
    const read = () => Object.fromEntries(Object.entries(INDEXES).map(([table, sql]) => [table, db.prepare(sql).all()]));
    const written = read();
    expect(written.story_postings.length).toBeGreaterThan(0);
    expect(written.claim_postings.length).toBeGreaterThan(0);
    expect(written.story_sums.length).toBeGreaterThan(0);
    // As migration 6 leaves a corpus stored before it.
    db.exec(`DELETE FROM lsh_bands; DELETE FROM lsh_articles; DELETE FROM story_postings; DELETE FROM term_df; DELETE FROM claim_postings; DELETE FROM story_sums; UPDATE stories SET state = NULL`);

    const reopened = openSqliteStore(path);
    await expect(StoredCorpus.open(reopened, { lexicon: defaultLexicon() })).rejects.toThrow(CorpusIndexMissingError);
    await StoredCorpus.open(reopened, { lexicon: defaultLexicon(), rebuild: true });
    expect(read()).toEqual(written);
    db.close();
    await reopened.close();
  });
});
