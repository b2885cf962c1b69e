import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import type { Pipeline } from '../core/pipeline.js';
import { siblingModule, startModuleWorker } from '../worker-thread.js';

/**
 * Analysis for ingest, in worker threads: while the main thread places articles in the corpus
 * and writes them, the workers analyse the next ones. Texts wait in one queue; each worker keeps
 * a short backlog, and a caller that would otherwise wait for a result analyses queued texts
 * itself (`wait`), so no core idles. With no workers, analysis runs inline.
 */

export interface AnalysisPool {
  /** Queues one text; texts may be submitted before earlier ones are done. */
  analyse(text: string): Promise<PreparedArticle>;
  /** Resolves with `result`, analysing queued texts on the calling thread until it is ready. */
  wait<T>(result: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Worker threads; 0 analyses on the calling thread. */
  workers: number;
  lexiconPath?: string;
  /** An analyser already loaded, for inline analysis. */
  analyzer?: Pipeline;
  /**
   * Whether `wait` analyses queued texts on the calling thread (default true). The server says
   * false: its event loop must stay free, so only the workers (at least one) analyse.
   */
  callerHelps?: boolean;
}

export interface AnalysisRequest {
  task: number;
  text: string;
}

export type AnalysisReply = { task: number; prepared: PreparedArticle } | { task: number; error: string };

/** Texts a worker holds at once: enough to outlast a batch write on the main thread. */
const WORKER_BACKLOG = 12;

const WORKER = siblingModule('./analysis-worker', import.meta.url);

interface Job {
  text: string;
  resolve: (prepared: PreparedArticle) => void;
  reject: (error: Error) => void;
}

export async function createAnalysisPool(options: AnalysisPoolOptions): Promise<AnalysisPool> {
  const callerHelps = options.callerHelps ?? true;
  if (!callerHelps && options.workers < 1) throw new RangeError('an analysis pool that keeps the calling thread free needs a worker');
  const inline = callerHelps ? (options.analyzer ?? (await createAnalyzer({ lexiconPath: options.lexiconPath }))) : null;
  const runInline = (job: Job): void => {
    if (!inline) return job.reject(new Error('the analysis workers stopped'));
    try {
      job.resolve(prepareArticle(inline.run(job.text)));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const queue: Job[] = [];
  const workers = await Promise.all(Array.from({ length: Math.max(0, options.workers) }, () => startWorker(options.lexiconPath, () => pump())));
  const pump = (): void => {
    for (const worker of workers) {
      while (queue.length > 0 && worker.inFlight() < WORKER_BACKLOG) worker.run(queue.shift() as Job);
    }
    // With every worker stopped, the calling thread does the work (or, when it may not, the texts fail).
    if (workers.every((w) => w.inFlight() === Infinity)) while (queue.length > 0) runInline(queue.shift() as Job);
  };
  return {
    analyse(text) {
      return new Promise((resolve, reject) => {
        const job = { text, resolve, reject };
        if (workers.length === 0) return runInline(job);
        queue.push(job);
        pump();
      });
    },
    async wait(result) {
      let ready = false;
      void result.then(() => (ready = true), () => (ready = true));
      while (callerHelps && !ready && queue.length > 0) {
        runInline(queue.shift() as Job);
        // Let worker replies in before choosing again.
        await nextTurn();
      }
      return result;
    },
    async close() {
      await Promise.all(workers.map((w) => w.thread.terminate()));
    },
  };
}

interface PoolWorker {
  thread: Worker;
  inFlight(): number;
  run(job: Job): void;
}

let tasks = 0;

async function startWorker(lexiconPath: string | undefined, onIdle: () => void): Promise<PoolWorker> {
  const thread = startModuleWorker(WORKER, { workerData: { lexiconPath } });
  const pending = new Map<number, Job>();
  let stopped: Error | null = null;
  const fail = (error: Error): void => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    thread.once('error', reject);
    thread.once('message', () => {
      thread.off('error', reject);
      resolve();
    });
  });
  thread.on('message', (reply: AnalysisReply) => {
    const waiting = pending.get(reply.task);
    pending.delete(reply.task);
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.prepared);
    onIdle();
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`analysis worker stopped (exit code ${code})`)));
  return {
    thread,
    // A worker that died takes no more work: its texts fail at once rather than hang.
    inFlight: () => (stopped ? Infinity : pending.size),
    run(job) {
      if (stopped) return job.reject(stopped);
      const task = ++tasks;
      pending.set(task, job);
      thread.postMessage({ task, text: job.text } satisfies AnalysisRequest);
    },
  };
}
