import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { siblingModule, startModuleWorker } from '../../worker-thread.js';

/**
 * Checkpoints (copying the WAL into the database file, then fsync) in a thread of their own, so
 * the writer never waits for them. SQLite runs them in the committing thread once the WAL passes
 * 1,000 pages; a batch of placed articles dirties thousands of pages spread over the indexes, so
 * nearly every commit paid one, and its fsync grew with the corpus: 0.7 → 2.2 ms an article from
 * 1,200 to 12,000 articles of bench-corpus, a fifth of placing (docs/scale.md). A PASSIVE
 * checkpoint on another connection runs while the writer goes on; once it has copied every frame,
 * the writer's next transaction starts the WAL over.
 *
 * A store that writes little (tests, small ingests) never starts the thread: it starts once the
 * WAL has passed {@link START_BYTES}, and until then SQLite checkpoints as it always did.
 */
const START_BYTES = 4 * 2 ** 20;
/** Frames after which the writer checkpoints itself too, if the thread falls that far behind. */
const MAX_FRAMES = 65_536;
/** What a reset WAL file is cut back to (it otherwise stays at its largest). */
const WAL_LIMIT_BYTES = 64 * 2 ** 20;

export type CheckpointReply = { frames: number } | { error: string };

export class BackgroundCheckpointer {
  private thread: Worker | null = null;
  private failed = false;
  private running = false;
  private again = false;
  private frames = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {}

  /** After each commit of the writer's connection. */
  committed(): void {
    if (this.failed || this.path === ':memory:') return;
    if (!this.thread) {
      if (walBytes(this.path) < START_BYTES) return;
      this.start();
    }
    if (this.frames > MAX_FRAMES) {
      const [row] = this.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      this.frames = row.log - row.checkpointed;
    }
    if (this.running) this.again = true;
    else this.request();
  }

  /** Stops the thread (after the checkpoint it is running, if any). */
  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.terminate();
  }

  private start(): void {
    const thread = startModuleWorker(siblingModule('checkpoint-worker', import.meta.url), { workerData: { path: this.path } });
    thread.on('message', (reply: CheckpointReply) => {
      this.running = false;
      if ('error' in reply) return this.fallBack();
      this.frames = reply.frames;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
    thread.on('error', () => this.fallBack());
    thread.on('exit', () => {
      if (this.thread === thread) this.fallBack();
    });
    // A thread waiting for the next commit does not keep the process alive.
    thread.unref();
    this.thread = thread;
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
  }

  private request(): void {
    this.running = true;
    this.thread?.postMessage('checkpoint');
  }

  /** Without the thread, SQLite checkpoints in the writer's commits again. */
  private fallBack(): void {
    this.failed = true;
    this.running = false;
    const thread = this.thread;
    this.thread = null;
    void thread?.terminate();
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
