import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointReply } from './checkpointer.js';

/** The checkpointer's thread (checkpointer.ts): its own connection, one PASSIVE checkpoint per request. */

const db = new Database((workerData as { path: string }).path, { fileMustExist: true });
const port = parentPort;
if (!port) throw new Error('checkpoint-worker runs in a worker thread');

port.on('message', () => {
  let reply: CheckpointReply;
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    reply = { frames: row.log - row.checkpointed };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  port.postMessage(reply);
});
