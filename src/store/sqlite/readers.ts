import type { Worker } from 'node:worker_threads';
import { siblingModule, startModuleWorker } from '../../worker-thread.js';
import { StoreError } from '../errors.js';
import type { Store } from '../types.js';

/**
 * better-sqlite3 is synchronous: a query run on the server's thread holds up every other request
 * until it ends (a full-text search over a big corpus takes seconds). The server's reads therefore
 * run in reader threads, each with its own connection to the file, and the server's thread only
 * writes. Placement's lookups stay on the writer's connection, where they are fastest.
 */

/** The Store methods the server's pages and lists call, which the reader threads answer. */
export const THREADED_READS = [
  'article', 'articleSummaries', 'claimsWhere', 'entityClaimCounts', 'edgesOf', 'network', 'entities', 'quotes', 'stories', 'contradictions', 'count',
] as const satisfies ReadonlyArray<keyof Store>;

export type ThreadedRead = (typeof THREADED_READS)[number];

export interface ReadRequest {
  id: number;
  method: ThreadedRead;
  args: unknown[];
}

export type ReadReply = { id: number; result: unknown } | { id: number; error: string };

interface Reader {
  thread: Worker;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}

/**
 * `store` (a SQLite store of the file at `path`) with its {@link THREADED_READS} answered by
 * `threads` reader threads, each query by the reader with the fewest in hand. A reader that dies
 * fails its queries with a StoreError and is replaced.
 */
export function withReaderThreads(store: Store, path: string, threads: number): Store {
  const readers: Reader[] = [];
  let next = 0;
  let closed = false;
  const start = (): Reader => {
    const thread = startModuleWorker(siblingModule('reader-worker', import.meta.url), { workerData: { path } });
    const reader: Reader = { thread, pending: new Map() };
    thread.on('message', (reply: ReadReply) => {
      const waiting = reader.pending.get(reply.id);
      if (!waiting) return;
      reader.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new StoreError(reply.error));
      else waiting.resolve(reply.result);
    });
    thread.on('error', () => {});
    thread.on('exit', () => {
      for (const waiting of reader.pending.values()) waiting.reject(new StoreError('a database reader thread stopped'));
      reader.pending.clear();
      const at = readers.indexOf(reader);
      if (!closed && at >= 0) readers[at] = start();
    });
    // A reader waiting for work does not keep the process alive.
    thread.unref();
    return reader;
  };
  for (let i = 0; i < threads; i++) readers.push(start());

  const read = (method: ThreadedRead, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new StoreError('the database is closed'));
    const reader = readers.reduce((best, r) => (r.pending.size < best.pending.size ? r : best));
    const id = next++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.thread.postMessage({ id, method, args } satisfies ReadRequest);
    });
  };

  const threaded = Object.fromEntries(THREADED_READS.map((method) => [method, (...args: unknown[]) => read(method, args)]));
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'close') {
        return async () => {
          closed = true;
          await Promise.all(readers.map((r) => r.thread.terminate()));
          await target.close();
        };
      }
      if (typeof property === 'string' && property in threaded) return threaded[property];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
