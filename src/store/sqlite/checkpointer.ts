import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { siblingModule, startModuleWorker } from '../../worker-thread.js';

/**
 * Checkpoints (copying the WAL into the database file, then fsync) in a thread of their own, so
 * the writer does not wait for them. SQLite runs them in the committing thread once the WAL passes
 * 1,000 pages; a batch of placed articles dirties thousands of pages spread over the indexes, so
 * nearly every commit paid one, and its fsync grew with the corpus: 0.7 → 2.2 ms an article from
 * 1,200 to 12,000 articles of bench-corpus (docs/scale.md). A PASSIVE checkpoint on another
 * connection runs while the writer goes on; once it has copied every frame, the writer's next
 * transaction starts the WAL over.
 *
 * The writer and the thread talk through shared memory, not messages: a writer that never yields
 * to the event loop (placement is synchronous SQLite behind promises) would never read a reply.
 * The writer counts its commits; the thread waits for the count to move, checkpoints, and records
 * the count it caught up with and the frames left. A thread that falls behind by
 * {@link MAX_LAG_COMMITS} commits or {@link MAX_FRAMES} frames, or fails, leaves the writer to
 * checkpoint itself after its commits, as SQLite does alone.
 *
 * A store that writes little (tests, small ingests) never starts the thread: it starts once the
 * WAL has passed {@link START_BYTES}, and until then SQLite checkpoints as it always did.
 */
const START_BYTES = 4 * 2 ** 20;
const MAX_FRAMES = 65_536;
const MAX_LAG_COMMITS = 64;
/** What a reset WAL file is cut back to (it otherwise stays at its largest). */
const WAL_LIMIT_BYTES = 64 * 2 ** 20;

/** Slots of the shared counters. */
export const Slot = {
  /** Commits the writer has made since the thread started. */
  Committed: 0,
  /** The commit count the thread's last checkpoint caught up with. */
  Checkpointed: 1,
  /** Frames left in the WAL after that checkpoint. */
  Frames: 2,
  /** Set by the thread when a checkpoint failed. */
  Failed: 3,
  /** Set by the writer to stop the thread. */
  Stop: 4,
} as const;
export const SLOTS = 5;

export class BackgroundCheckpointer {
  private thread: Worker | null = null;
  private shared: Int32Array | null = null;
  private failed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {}

  /** After each commit of the writer's connection. */
  committed(): void {
    if (this.failed || this.path === ':memory:') return;
    if (!this.shared) {
      if (walBytes(this.path) < START_BYTES) return;
      this.start();
    }
    const shared = this.shared as Int32Array;
    if (Atomics.load(shared, Slot.Failed) !== 0) return this.fallBack();
    const committed = Atomics.add(shared, Slot.Committed, 1) + 1;
    Atomics.notify(shared, Slot.Committed);
    const behind = committed - Atomics.load(shared, Slot.Checkpointed) > MAX_LAG_COMMITS || Atomics.load(shared, Slot.Frames) > MAX_FRAMES;
    if (behind) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  /** Stops the thread (after the checkpoint it is running, if any). */
  async stop(): Promise<void> {
    const [thread, shared] = [this.thread, this.shared];
    this.thread = null;
    this.shared = null;
    if (shared) {
      Atomics.store(shared, Slot.Stop, 1);
      Atomics.notify(shared, Slot.Committed);
    }
    if (thread) await thread.terminate();
  }

  private start(): void {
    const shared = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const thread = startModuleWorker(siblingModule('checkpoint-worker', import.meta.url), { workerData: { path: this.path, shared } });
    // Failures are read from the shared counters; a thread that dies stops catching up and the writer checkpoints.
    thread.on('error', () => Atomics.store(shared, Slot.Failed, 1));
    // A thread waiting for the next commit does not keep the process alive.
    thread.unref();
    this.thread = thread;
    this.shared = shared;
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  }

  /** Without the thread, SQLite checkpoints in the writer's commits again. */
  private fallBack(): void {
    this.failed = true;
    void this.stop();
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
