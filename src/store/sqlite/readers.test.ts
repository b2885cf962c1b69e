import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreSuite } from '../conformance.js';
import { StoreError } from '../errors.js';
import { openSqliteStore } from './index.js';
import { withReaderThreads } from './readers.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Every behaviour of the store holds with the pages' reads answered by a reader thread's own connection.
runStoreSuite('sqlite with reader threads', async () => {
  const path = join(dir, `store-${++n}.db`);
  const threaded = () => withReaderThreads(openSqliteStore(path), path, 1);
  return { store: threaded(), reopen: async () => threaded() };
});

describe('withReaderThreads', () => {
  it('answers reads at once from several readers, and fails reads once the store is closed', async () => {
    const path = join(dir, 'closing.db');
    const store = withReaderThreads(openSqliteStore(path), path, 2);
    // Two reads at once go to the two readers.
    const [a, b] = await Promise.all([store.count(), store.entities()]);
    expect(a.articles).toBe(0);
    expect(b).toEqual([]);
    await store.close();
    await expect(store.count()).rejects.toThrow(StoreError);
  });
});
