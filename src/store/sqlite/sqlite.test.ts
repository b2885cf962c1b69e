import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { networkEdges } from '../../core/corpus/network.js';
import type { ClaimRecord } from '../../core/corpus/types.js';
import type { Stance } from '../../core/doc.js';
import { runStoreSuite } from '../conformance.js';
import { StoreError } from '../errors.js';
import { propositionColumn } from '../rows.js';
import { openSqliteStore } from './index.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreSuite('sqlite', async () => {
  const path = join(dir, `store-${++n}.db`);
  return { store: openSqliteStore(path), reopen: async () => openSqliteStore(path, { mustExist: true }) };
});

/** A database as a claimgraph left it before the migration that holds `marker`. */
function databaseBefore(path: string, marker: string): Database.Database {
  const db = new Database(path);
  const before = MIGRATIONS.findIndex((m) => m.includes(marker));
  for (const migration of MIGRATIONS.slice(0, before)) db.exec(migration);
  db.pragma(`user_version = ${before}`);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  return db;
}

describe('checkpoints', () => {
  it('copies a busy writer\'s WAL into the database after each commit, off the writer\'s thread, and closes to one file', async () => {
    const path = join(dir, 'checkpoints.db');
    const store = openSqliteStore(path);
    const index = { bands: [], members: [], postings: [], claims: [], sums: [], entityKeys: [] };
    const batches = 30;
    for (let b = 0; b < batches; b++) {
      // Keys spread over the whole table, as a batch of articles dirties pages all over the indexes.
      const df = Array.from({ length: 1500 }, (_, k): [string, number] => [`${String((k * 7919 + b) % 100_000).padStart(6, '0')}:${'term '.repeat(20)}`, b + 1]);
      await store.write({ articles: [], entities: [], claims: [], stories: [], edges: [], merged: [], index: { ...index, df } });
    }
    // One more commit of a few new pages: SQLite alone leaves them in the WAL until 1,000 pages have gathered there.
    const last = Array.from({ length: 200 }, (_, k): [string, number] => [`last ${k} ${'term '.repeat(20)}`, 1]);
    await store.write({ articles: [], entities: [], claims: [], stories: [], edges: [], merged: [], index: { ...index, df: last } });
    const reader = new Database(path, { readonly: true });
    const pages = (): number => (reader.pragma('page_count', { simple: true }) as number) * (reader.pragma('page_size', { simple: true }) as number);
    for (let tries = 0; tries < 100 && statSync(path).size < pages(); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statSync(path).size).toBe(pages());
    reader.close();
    expect(await store.df([last[199][0]])).toEqual([last[199]]);
    const key = `${String((5 * 7919 + batches - 1) % 100_000).padStart(6, '0')}:${'term '.repeat(20)}`;
    expect(await store.df([key])).toEqual([[key, batches]]);
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('checkpoints for a writer that never yields to the event loop (placement is synchronous SQLite behind promises)', async () => {
    const path = join(dir, 'checkpoints-busy.db');
    const store = openSqliteStore(path);
    const reader = new Database(path, { readonly: true });
    const pages = (): number => (reader.pragma('page_count', { simple: true }) as number) * (reader.pragma('page_size', { simple: true }) as number);
    const index = { bands: [], members: [], postings: [], claims: [], sums: [], entityKeys: [] };
    const sleep = new Int32Array(new SharedArrayBuffer(4));
    // No await that reaches the event loop from here on: each write resolves at once. Two rounds of
    // writes, each waited on without yielding: the thread keeps checkpointing after its first.
    const batches: Promise<void>[] = [];
    for (const round of [0, 1]) {
      for (let b = 0; b < 20; b++) {
        const df = Array.from({ length: 1500 }, (_, k): [string, number] => [`${round}:${String((k * 7919 + b) % 100_000).padStart(6, '0')}:${'term '.repeat(20)}`, b + 1]);
        batches.push(store.write({ articles: [], entities: [], claims: [], stories: [], edges: [], merged: [], index: { ...index, df } }));
      }
      // Up to 30 s: under a loaded machine the checkpoint thread may be slow to get a core.
      for (let waited = 0; waited < 1500 && statSync(path).size < pages(); waited++) Atomics.wait(sleep, 0, 0, 20);
      expect(statSync(path).size).toBe(pages());
    }
    reader.close();
    await Promise.all(batches);
    await store.close();
  });
});

describe('openSqliteStore', () => {
  it('uses WAL and records the schema version', async () => {
    const path = join(dir, 'pragmas.db');
    await openSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('migrates a database from before entity key rows: its entities’ keys become rows, its stories’ recency a column (entities have no actor codes until an article codes them)', async () => {
    const path = join(dir, 'before-codes.db');
    const db = databaseBefore(path, 'CREATE TABLE entity_keys');
    db.prepare(`INSERT INTO entities (id, type, name, aliases, keys, articles, mentions, unnamed, search) VALUES ('n1', 'ORG', 'Taliban', '[]', '["name:taliban","typed:PERSON:taliban"]', 1, 2, 0, 'taliban')`).run();
    db.prepare(`INSERT INTO stories (id, label, seq, size, state) VALUES ('s1', 'Talks', 1, 1, '{"touched":7,"norms":{"body":1,"title":0,"entities":1}}')`).run();
    db.prepare(`INSERT INTO story_postings (posting, story) VALUES ('e:n1@2400', 's1')`).run();
    db.close();
    const store = openSqliteStore(path);
    expect(await store.postings(['e:n1@2400'])).toEqual([['e:n1@2400', [['s1', 7]]]]);
    expect((await store.entities()).map((e) => [e.name, e.code])).toEqual([['Taliban', null]]);
    expect((await store.entitiesById(['n1']))[0].codes).toEqual({});
    expect((await store.entityKeys(['typed:PERSON:taliban']))[0][1].map((e) => e.id)).toEqual(['n1']);
    await store.close();
  });

  it("migrates a database from before entity claim rows: its claims become rows under their speaker and entities and its network is counted as the engine counts it", async () => {
    const path = join(dir, 'before-network.db');
    const db = databaseBefore(path, 'CREATE TABLE entity_claims');
    const claim = (article: string, id: string, speaker: string | null, stance: Stance, entities: string[], cameo: string[], duplicate = false): ClaimRecord => ({
      article, id, quote: 'q1', kind: 'direct', cue: 'said', cueClass: 'assert', speaker, stance, start: 0, end: 5, text: 'claim',
      entities, terms: [], cameo, side: [], about: [], predicates: [], predicate: '', self: false, agent: [], basis: '', outweighed: false, time: null, seq: 1, duplicate,
    });
    const claims = [
      claim('a1', 'c1', 't', 'deny', ['r', 't'], ['0641']),
      claim('a1', 'c2', 't', 'deny', ['r'], ['064', '111']),
      claim('a2', 'c1', 't', 'deny', ['r'], ['111']),
      claim('a2', 'c2', 'k', 'assert', ['t'], []),
      claim('a3', 'c1', 'k', 'assert', ['t'], [], true),
      claim('a3', 'c2', 'k', 'threaten', ['r'], ['138']),
      claim('a3', 'c3', null, 'deny', ['r'], []),
    ];
    const insert = db.prepare(`INSERT INTO claims (article, id, quote, kind, cue, cue_class, speaker, stance, content_start, content_end, text, proposition, time, article_seq, duplicate)
      VALUES (@article, @id, @quote, @kind, @cue, @cueClass, @speaker, @stance, @start, @end, @text, @proposition, @time, @seq, @duplicate)`);
    for (const c of claims) insert.run({ ...c, proposition: propositionColumn(c), duplicate: c.duplicate ? 1 : 0 });
    db.close();
    const store = openSqliteStore(path);
    const network = await store.network(100);
    expect(network.total).toBe(networkEdges(claims).length);
    expect(new Set(network.edges.map((e) => JSON.stringify(e)))).toEqual(new Set(networkEdges(claims).map((e) => JSON.stringify(e))));
    expect((await store.claimsWhere({ about: 'r' })).map((c) => `${c.article}#${c.id}`)).toEqual(['a1#c1', 'a1#c2', 'a2#c1', 'a3#c2', 'a3#c3']);
    expect((await store.claimsWhere({ speaker: 't' })).map((c) => `${c.article}#${c.id}`)).toEqual(['a1#c1', 'a1#c2', 'a2#c1']);
    // "t" names itself in a1#c1: its own claim is said, not about it.
    expect(await store.entityClaimCounts('t')).toMatchObject({ said: 3, about: 2 });
    await store.close();
  });

  it('refuses a missing file for queries, a foreign database and a newer schema', () => {
    expect(() => openSqliteStore(join(dir, 'missing.db'), { mustExist: true })).toThrow(StoreError);
    const foreign = join(dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openSqliteStore(foreign)).toThrow(`${foreign} is not a claimgraph database`);
    const newer = join(dir, 'newer.db');
    openSqliteStore(newer).close();
    const db = new Database(newer);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(newer)).toThrow(/newer than this claimgraph understands/);
    const text = join(dir, 'text.db');
    writeFileSync(text, 'not a database at all, just some text that is long enough to have a header');
    expect(() => openSqliteStore(text)).toThrow(StoreError);
  });
});
