/** A database that cannot be used: missing, not claimgraph's, or from a newer version. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/**
 * Another process is writing to the corpus: one writer at a time, since each places articles
 * against everything placed before. `statusCode` and `retryAfter` (seconds) are what an HTTP
 * answer gives (409 with Retry-After).
 */
export class CorpusBusyError extends StoreError {
  override name = 'CorpusBusyError';
  readonly code = 'CG_E010';
  readonly statusCode = 409;
  readonly retryAfter = 10;

  constructor(message: string) {
    super(`CG_E010: ${message}`);
  }
}

/**
 * A corpus stored by a claimgraph before the store kept the indexes placement reads (migration 5):
 * a writer rebuilds them from the stored articles (src/corpus/placement.ts).
 */
export class CorpusIndexMissingError extends StoreError {
  override name = 'CorpusIndexMissingError';

  constructor() {
    super('this corpus was stored by an older claimgraph, without the indexes placement reads: the next "claimgraph ingest" into it rebuilds them');
  }
}
