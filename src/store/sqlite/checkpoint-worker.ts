import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { Slot } from './checkpointer.js';

/**
 * The checkpointer's thread (checkpointer.ts): its own connection, a PASSIVE checkpoint whenever
 * the writer's commit count has moved, its progress in the shared counters.
 */

const { path, shared } = workerData as { path: string; shared: Int32Array };
const db = new Database(path, { fileMustExist: true });
let caughtUp = 0;
while (Atomics.load(shared, Slot.Stop) === 0) {
  Atomics.wait(shared, Slot.Committed, caughtUp);
  const committed = Atomics.load(shared, Slot.Committed);
  if (Atomics.load(shared, Slot.Stop) !== 0) break;
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    Atomics.store(shared, Slot.Frames, Math.max(0, row.log - row.checkpointed));
  } catch {
    Atomics.store(shared, Slot.Failed, 1);
    break;
  }
  caughtUp = committed;
  Atomics.store(shared, Slot.Checkpointed, committed);
}
db.close();
