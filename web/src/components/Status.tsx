import type { ReactNode } from 'react';
import type { Loaded } from '../api.js';

/** Loading and error states of a request; the content once it is ready. */
export function Status<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted" role="status">Loading…</p>;
  if (loaded.state === 'error') {
    return (
      <p className="error" role="alert">
        {loaded.error.message}
        {loaded.error.code ? ` (${loaded.error.code})` : ''}
      </p>
    );
  }
  return <>{children(loaded.data)}</>;
}
