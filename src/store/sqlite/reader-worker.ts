import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from './index.js';
import type { ReadReply, ReadRequest } from './readers.js';

/**
 * A reader thread (readers.ts): its own connection to the database file, answering one query at
 * a time. WAL lets it read while the server's connection writes.
 */

const store = openSqliteStore((workerData as { path: string }).path, { mustExist: true });
const port = parentPort;
if (!port) throw new Error('reader-worker runs in a worker thread');

port.on('message', async ({ id, method, args }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const read = store[method] as (...a: unknown[]) => Promise<unknown>;
    reply = { id, result: await read.apply(store, args) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
