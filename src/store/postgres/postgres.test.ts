import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStoreSuite } from '../conformance.js';
import { StoreError } from '../errors.js';
import { isPostgresUrl, openPostgresStore, redactUrl } from './index.js';
import { MIGRATIONS } from './migrations.js';
import { createTestDatabase, NO_SERVER_MESSAGE } from './test-database.js';

const database = await createTestDatabase();
if (!database) console.warn(NO_SERVER_MESSAGE);
afterAll(async () => database?.drop());

describe('postgres url helpers', () => {
  it('tells database urls from paths and hides passwords', () => {
    expect(isPostgresUrl('postgres://u:p@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://h/db')).toBe(true);
    expect(isPostgresUrl('./claimgraph.db')).toBe(false);
    expect(redactUrl('postgres://user:secret@host:5432/db')).toBe('postgres://user:***@host:5432/db');
  });
});

describe.skipIf(!database)('postgres store', () => {
  // Read only when the suite runs, which is when there is a database.
  const url = database?.url ?? '';
  let n = 0;
  // Each store in the suite gets its own schema in this run's database.
  runStoreSuite('postgres', async () => {
    const schema = `store_${++n}`;
    return { store: await openPostgresStore(url, { schema }), reopen: () => openPostgresStore(url, { schema, mustExist: true }) };
  });

  describe('openPostgresStore', () => {
    let client: pg.Client;
    beforeAll(async () => {
      client = new pg.Client({ connectionString: url });
      await client.connect();
      return () => client.end();
    });

    it('records the schema version and indexes text with GIN', async () => {
      await (await openPostgresStore(url, { schema: 'versioned' })).close();
      expect((await client.query(`SELECT version FROM versioned.claimgraph_schema`)).rows).toEqual([{ version: MIGRATIONS.length }]);
      const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'versioned' AND indexdef LIKE '%USING gin%' ORDER BY indexname`);
      expect(indexes.rows.map((r) => r.indexname)).toEqual(['articles_search', 'claims_search']);
    });

    it('refuses a missing corpus for queries, a foreign schema and a newer version', async () => {
      await expect(openPostgresStore(url, { schema: 'missing', mustExist: true })).rejects.toThrow(StoreError);
      await client.query(`CREATE SCHEMA foreign_tables; CREATE TABLE foreign_tables.articles (x int)`);
      await expect(openPostgresStore(url, { schema: 'foreign_tables' })).rejects.toThrow(/is not a claimgraph database/);
      await (await openPostgresStore(url, { schema: 'newer' })).close();
      await client.query(`UPDATE newer.claimgraph_schema SET version = ${MIGRATIONS.length + 1}`);
      await expect(openPostgresStore(url, { schema: 'newer' })).rejects.toThrow(/newer than this claimgraph understands/);
      await expect(openPostgresStore('postgres://nobody:pw@127.0.0.1:1/none')).rejects.toThrow(/cannot open postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    });

    it('migrates a database from before entity key rows: its entities’ keys become rows, its stories’ recency a column (entities have no actor codes until an article codes them)', async () => {
      await client.query(`CREATE SCHEMA before_codes; SET search_path = before_codes`);
      const before = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE entity_keys'));
      for (const migration of MIGRATIONS.slice(0, before)) await client.query(migration);
      await client.query(`CREATE TABLE claimgraph_schema (version INTEGER NOT NULL); INSERT INTO claimgraph_schema VALUES (${before})`);
      await client.query(`INSERT INTO entities (id, type, name, aliases, keys, articles, mentions, unnamed, search) VALUES ('n1', 'ORG', 'Taliban', '[]', '["name:taliban","typed:PERSON:taliban"]', 1, 2, false, 'taliban')`);
      await client.query(`INSERT INTO stories (id, label, seq, size, state) VALUES ('s1', 'Talks', 1, 1, '{"touched":7,"norms":{"body":1,"title":0,"entities":1}}')`);
      await client.query(`INSERT INTO story_postings (posting, story) VALUES ('e:n1@2400', 's1')`);
      await client.query(`RESET search_path`);
      const store = await openPostgresStore(url, { schema: 'before_codes' });
      expect(await store.postings(['e:n1@2400'])).toEqual([['e:n1@2400', [['s1', 7]]]]);
      expect((await store.entities()).map((e) => [e.name, e.code])).toEqual([['Taliban', null]]);
      expect((await store.entitiesById(['n1']))[0].codes).toEqual({});
      expect((await store.entityKeys(['typed:PERSON:taliban']))[0][1].map((e) => e.id)).toEqual(['n1']);
      await store.close();
    });

    it('lets two processes migrate the same database at once', async () => {
      const stores = await Promise.all([openPostgresStore(url, { schema: 'racing' }), openPostgresStore(url, { schema: 'racing' })]);
      expect(await stores[0].count()).toEqual(await stores[1].count());
      await Promise.all(stores.map((s) => s.close()));
    });
  });
});
