import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { toParseJSON, type ParseJSON } from '../core/article.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import { pipelineThrough, type Pipeline } from '../core/pipeline.js';

/**
 * Analysis for ingest, in worker threads: while the main thread places articles in the corpus
 * and writes them, the workers analyse the next ones. Texts wait in one queue; each worker keeps
 * a short backlog, and a caller that would otherwise wait for a result analyses queued texts
 * itself (`wait`), so no core idles. With no workers, analysis runs inline.
 */

export interface AnalysisPool {
  /** Queues one text; texts may be submitted before earlier ones are done. */
  analyse(text: string): Promise<PreparedArticle>;
  /** Queues one text for its dependency parse alone (the stages through `deps`). */
  parse(text: string): Promise<ParseJSON>;
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
}

export type AnalysisKind = 'analyse' | 'parse';

export interface AnalysisRequest {
  task: number;
  kind: AnalysisKind;
  text: string;
}

type AnalysisResult = PreparedArticle | ParseJSON;

export type AnalysisReply = { task: number; result: AnalysisResult } | { task: number; error: string };

/** The two analysers of a pool's thread: the whole pipeline, and its prefix for parses. */
export interface Analysers {
  analyse: Pipeline;
  parse: Pipeline;
}

export function analysersOf(analyzer: Pipeline): Analysers {
  return { analyse: analyzer, parse: pipelineThrough(analyzer, 'deps') };
}

/** What a worker (or the calling thread) does with one text. */
export function runAnalysis(analysers: Analysers, kind: AnalysisKind, text: string): AnalysisResult {
  return kind === 'parse' ? toParseJSON(analysers.parse.run(text)) : prepareArticle(analysers.analyse.run(text));
}

/** Texts a worker holds at once: enough to outlast a batch write on the main thread. */
const WORKER_BACKLOG = 12;

const WORKER = new URL('./analysis-worker.ts', import.meta.url);
const TSX = import.meta.resolve('tsx/esm/api');

interface Job {
  kind: AnalysisKind;
  text: string;
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

export async function createAnalysisPool(options: AnalysisPoolOptions): Promise<AnalysisPool> {
  const inline = analysersOf(options.analyzer ?? (await createAnalyzer({ lexiconPath: options.lexiconPath })));
  const runInline = (job: Job): void => {
    try {
      job.resolve(runAnalysis(inline, job.kind, job.text));
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
    // With every worker stopped, the calling thread does the work.
    if (workers.every((w) => w.inFlight() === Infinity)) while (queue.length > 0) runInline(queue.shift() as Job);
  };
  const submit = <T extends AnalysisResult>(kind: AnalysisKind, text: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const job: Job = { kind, text, resolve: (result) => resolve(result as T), reject };
      if (workers.length === 0) return runInline(job);
      queue.push(job);
      pump();
    });
  return {
    analyse: (text) => submit<PreparedArticle>('analyse', text),
    parse: (text) => submit<ParseJSON>('parse', text),
    async wait(result) {
      let ready = false;
      void result.then(() => (ready = true), () => (ready = true));
      while (!ready && queue.length > 0) {
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

/** A worker that runs the TypeScript sources through tsx, as bin/claimgraph.js does. */
async function startWorker(lexiconPath: string | undefined, onIdle: () => void): Promise<PoolWorker> {
  const boot = `import(${JSON.stringify(TSX)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); })`;
  const thread = new Worker(boot, { eval: true, workerData: { lexiconPath } });
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
    else waiting?.resolve(reply.result);
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
      thread.postMessage({ task, kind: job.kind, text: job.text } satisfies AnalysisRequest);
    },
  };
}
