import type { Paged } from '../api.js';

/** The button under a paged list that reads its next page; nothing once the list is whole. */
export function MoreButton<T>({ paged, size, what }: { paged: Paged<T>; size: number; what: string }) {
  if (!paged.more) return null;
  return (
    <p>
      <button type="button" onClick={paged.more} disabled={paged.loadingMore} aria-busy={paged.loadingMore}>
        {paged.loadingMore ? 'Loading…' : `Show ${size} more ${what}`}
      </button>
    </p>
  );
}
