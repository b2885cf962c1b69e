import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityJSON } from '../core/corpus/types.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { ingest } from './ingest.js';

/**
 * Entities across articles (issue 14) on test/fixtures/entities/stories.jsonl, written for this
 * project in the shape of real coverage: five articles on the 2017 army takeover in Zimbabwe, three
 * on a lost Russian cargo ship. One army goes by "Zimbabwe's army", "the military", "the Zimbabwe
 * Defence Forces (ZDF)"; one space agency by "Roscosmos", "Russia's space agency", "the Federal
 * Space Agency"; the general is spelled Constantino and Constantine; the president's wife is
 * "Mrs Mugabe"; the vice president is once 'Emmerson "the Crocodile" Mnangagwa'.
 */
const FIXTURE = fileURLToPath(new URL('../../test/fixtures/entities/stories.jsonl', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-entities-'));
let store: Store;
let entities: EntityJSON[];

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'entities.db'));
  expect(await ingest(store, [FIXTURE], { workers: 0 })).toEqual({ ingested: 8, duplicates: 0, failed: [] });
  entities = await store.entities({ limit: 500 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const named = (pattern: RegExp): EntityJSON[] => entities.filter((e) => pattern.test(e.name) || e.aliases.some((a) => pattern.test(a)));

describe('entities across articles', () => {
  it('knows one Zimbabwean army by its name, acronym and descriptions', () => {
    const army = named(/army|military|defence forces|^ZDF$/i).filter((e) => e.type === 'ORG');
    expect(army.map((e) => e.name)).toEqual(['Zimbabwe Defence Forces']);
    expect(army[0].aliases).toEqual(expect.arrayContaining(["Zimbabwe's army", 'ZDF']));
    expect(army[0].articles).toBeGreaterThanOrEqual(3);
  });

  it('gives the army’s words in the profile of Grace Mugabe to the army, not to Mr Mugabe', async () => {
    const [army] = named(/^Zimbabwe Defence Forces$/);
    const quotes = await store.quotes({ q: 'targeting' });
    expect(quotes.map((q) => q.speaker?.id)).toContain(army.id);
    expect(quotes.map((q) => q.speaker?.name)).not.toContain('Robert Mugabe');
  });

  it('knows Roscosmos as Russia’s space agency and the Federal Space Agency in its story', () => {
    const [roscosmos, ...rest] = named(/roscosmos|space agency|russian agency/i).filter((e) => e.type === 'ORG');
    expect(roscosmos).toMatchObject({ name: 'Roscosmos', unnamed: false });
    expect(roscosmos.aliases).toEqual(expect.arrayContaining(["Russia's space agency", 'Federal Space Agency']));
    expect(roscosmos.articles).toBe(3);
    // The first article's "Russian space agency" came before anything said it was Roscosmos (docs/corpus.md).
    expect(rest.map((e) => e.name)).toEqual(['Russian space agency']);
  });

  it('keeps the president’s wife apart from the president', () => {
    const robert = entities.find((e) => e.name === 'Robert Mugabe');
    const grace = entities.find((e) => e.name === 'Grace Mugabe');
    expect(robert?.aliases).not.toContain('Mrs Mugabe');
    expect(grace).toMatchObject({ type: 'PERSON', articles: 2 });
    expect(named(/mrs/i)).toEqual([]);
  });

  it('knows both spellings of the general as one person', () => {
    expect(named(/chiwenga/i).map((e) => [e.name, e.aliases, e.articles])).toEqual([['Constantino Chiwenga', ['Constantine Chiwenga'], 4]]);
  });

  it('names the vice president by his name, not his epithet', () => {
    expect(named(/mnangagwa|crocodile/i).map((e) => e.name)).toEqual(['Emmerson Mnangagwa']);
  });
});
