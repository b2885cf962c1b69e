import { fileURLToPath } from 'node:url';
import { ingest, type IngestOptions, type IngestSummary } from './ingest.js';
import type { Store } from '../store/types.js';

/** The article the project started with (IANS wire copy, unchanged). */
export const SEED_ARTICLE = new URL('../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url);

/**
 * The demo corpus `npm start` serves and `claimgraph demo` sums up: the seed article and the
 * project's own multi-source fixture about its story (a syndicated copy, a confirming briefing, a
 * denial, an unrelated article).
 */
export const DEMO_SOURCES = [fileURLToPath(SEED_ARTICLE), fileURLToPath(new URL('../../test/fixtures/corpus', import.meta.url))];

/** Ingests the demo corpus into an empty store; a store that holds articles is left alone (null). */
export async function seedDemo(store: Store, options: IngestOptions = {}): Promise<IngestSummary | null> {
  if ((await store.count()).articles > 0) return null;
  return ingest(store, DEMO_SOURCES, options);
}
