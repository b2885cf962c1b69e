/** A database that cannot be used: missing, not claimgraph's, or from a newer version. */
export class StoreError extends Error {
  override name = 'StoreError';
}
