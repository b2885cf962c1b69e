import { Worker } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import type { Pipeline } from '../core/pipeline.js';

/**
 * Analysis for ingest, in worker threads: while the main thread places articles in the corpus
 * and writes them, the workers analyse the next ones. With no workers, analysis runs inline.
 */

export interface AnalysisPool {
  /** Analyses one text; texts may be submitted before earlier ones are done. */
  analyse(text: string): Promise<PreparedArticle>;
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Worker threads; 0 analyses on the calling thread. */
  workers: number;
  lexiconPath?: string;
  /** An analyser already loaded, for inline analysis. */
  analyzer?: Pipeline;
}

export interface AnalysisRequest {
  task: number;
  text: string;
}

export type AnalysisReply = { task: number; prepared: PreparedArticle } | { task: number; error: string };

const WORKER = new URL('./analysis-worker.ts', import.meta.url);
const TSX = import.meta.resolve('tsx/esm/api');

export async function createAnalysisPool(options: AnalysisPoolOptions): Promise<AnalysisPool> {
  if (options.workers <= 0) {
    const analyzer = options.analyzer ?? (await createAnalyzer({ lexiconPath: options.lexiconPath }));
    return { analyse: async (text) => prepareArticle(analyzer.run(text)), close: async () => {} };
  }
  const workers = await Promise.all(Array.from({ length: options.workers }, () => startWorker(options.lexiconPath)));
  return {
    analyse(text) {
      const leastBusy = workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
      return leastBusy.analyse(text);
    },
    async close() {
      await Promise.all(workers.map((w) => w.thread.terminate()));
    },
  };
}

interface PoolWorker {
  thread: Worker;
  pending: Map<number, { resolve: (p: PreparedArticle) => void; reject: (e: Error) => void }>;
  analyse(text: string): Promise<PreparedArticle>;
}

let tasks = 0;

/** A worker that runs the TypeScript sources through tsx, as bin/claimgraph.js does. */
async function startWorker(lexiconPath: string | undefined): Promise<PoolWorker> {
  const boot = `import(${JSON.stringify(TSX)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;
  const thread = new Worker(boot, { eval: true, workerData: { lexiconPath } });
  const pending: PoolWorker['pending'] = new Map();
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
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`analysis worker stopped (exit code ${code})`)));
  return {
    thread,
    pending,
    analyse(text) {
      // A worker that died answers nothing more: its texts fail at once rather than hang.
      if (stopped) return Promise.reject(stopped);
      const task = ++tasks;
      return new Promise((resolve, reject) => {
        pending.set(task, { resolve, reject });
        thread.postMessage({ task, text } satisfies AnalysisRequest);
      });
    },
  };
}
