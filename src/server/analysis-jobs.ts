import type { Worker } from 'node:worker_threads';
import { articleText } from '../cli/commands/analyze.js';
import { prepareArticle, type PreparedArticle } from '../core/corpus/prepare.js';
import { CoreError, errorFromReply, type ErrorReply } from '../core/errors.js';
import { toParseJSON, type ParseJSON } from '../core/article.js';
import { pipelineThrough, type Pipeline } from '../core/pipeline.js';
import { readInput, type ArticleInput } from '../ingest/input.js';
import { readRecord, type ArticleRecordFields } from '../ingest/record.js';
import { siblingModule, startModuleWorker } from '../worker-thread.js';

/**
 * The server's analysis jobs: reading an input (decoding, HTML extraction, the language check)
 * and analysing it, each in a worker thread so that no request holds up the event loop. Every job
 * has a deadline; a worker past it is terminated and replaced, and its job fails with CG_E011.
 * Jobs wait in one queue per client and are dispatched round-robin, and each client may run at
 * most half the workers at once, so one address cannot hold every worker.
 */

/**
 * What a job reads: a request's record (`text` or `html`) or the bytes of a fetched page, to
 * analyse; or a short text to parse (the stages through `deps` alone).
 */
export type JobSource =
  | { kind: 'record'; record: Omit<ArticleRecordFields, 'id'>; maxBytes: number }
  | { kind: 'page'; bytes: Uint8Array; url: string; contentType: string | undefined; maxBytes: number }
  | { kind: 'parse'; text: string };

export type JobResult = { kind: 'article'; input: ArticleInput; prepared: PreparedArticle } | { kind: 'parse'; parse: ParseJSON };

export interface JobOptions {
  /** Who asked (the client's address): queues are per client. */
  client: string;
  /** Aborting cancels the job: a queued one leaves the queue, a running one's worker is replaced. */
  signal?: AbortSignal;
}

export interface AnalysisJobs {
  run(source: JobSource, options: JobOptions): Promise<JobResult>;
  close(): Promise<void>;
}

export interface AnalysisJobsOptions {
  /** Worker threads; 0 runs jobs on the calling thread, without deadline or cancellation. */
  workers: number;
  lexiconPath?: string;
  /** For `workers: 0`. */
  analyzer?: Pipeline;
  /** A running job past this is stopped (CG_E011). */
  deadlineMs: number;
  /** Jobs one client may have queued or running; more get 429. */
  perClient: number;
  /** Jobs queued in all; more get 503. */
  maxQueued: number;
  /** Heap limit of each worker thread: a job that needs more fails alone, the server lives on. */
  workerHeapMb?: number;
}

export const DEFAULT_DEADLINE_MS = 30_000;
export const DEFAULT_PER_CLIENT = 4;
export const DEFAULT_MAX_QUEUED = 64;
const DEFAULT_WORKER_HEAP_MB = 2048;

/** The server is too busy for the job (503), or the client has too many waiting (429). */
export class BusyError extends Error {
  constructor(
    readonly statusCode: 429 | 503,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'BusyError';
  }
}

export interface JobRequest {
  task: number;
  source: JobSource;
}
export type JobReply = { task: number; result: JobResult } | { task: number; error: ErrorReply };

/** What a worker (or the calling thread) does with one job. */
export function runJob(analyzer: Pipeline, source: JobSource): JobResult {
  if (source.kind === 'parse') return { kind: 'parse', parse: toParseJSON(pipelineThrough(analyzer, 'deps').run(source.text)) };
  const input =
    source.kind === 'record'
      ? readRecord(source.record, source.maxBytes).input
      : readInput(source.bytes, { name: source.url, contentType: source.contentType, maxBytes: source.maxBytes });
  return { kind: 'article', input, prepared: prepareArticle(analyzer.run(articleText(input))) };
}

const WORKER = siblingModule('./analysis-worker', import.meta.url);

interface Job {
  source: JobSource;
  client: string;
  signal: AbortSignal | undefined;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  thread: Worker;
  ready: Promise<void>;
  job: Job | null;
  task: number;
  timer: NodeJS.Timeout | null;
}

export async function createAnalysisJobs(options: AnalysisJobsOptions): Promise<AnalysisJobs> {
  if (options.workers <= 0) {
    const { createAnalyzer } = await import('../analyze.js');
    const analyzer = options.analyzer ?? (await createAnalyzer({ lexiconPath: options.lexiconPath }));
    return { run: async (source) => runJob(analyzer, source), close: async () => {} };
  }
  const perClientRunning = Math.max(1, Math.floor(options.workers / 2));
  const queues = new Map<string, Job[]>();
  const running = new Map<string, number>();
  /** When each client last had a job dispatched (a turn number), for round-robin. */
  const served = new Map<string, number>();
  let turns = 0;
  let queued = 0;
  let tasks = 0;
  let closed = false;

  const spawn = (): Slot => {
    const thread = startModuleWorker(WORKER, {
      workerData: { lexiconPath: options.lexiconPath },
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB },
    });
    const slot: Slot = { thread, job: null, task: 0, timer: null, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      thread.once('message', () => resolve());
      thread.once('error', reject);
    });
    thread.on('message', (reply: JobReply | { ready: true }) => {
      if (!('task' in reply) || reply.task !== slot.task || !slot.job) return;
      const job = finish(slot);
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(errorFromReply(reply.error));
      dispatch();
    });
    // A worker that dies (out of memory, a crash) fails its job and is replaced.
    thread.on('exit', () => {
      if (closed || !slots.includes(slot)) return;
      const job = slot.job ? finish(slot) : null;
      job?.reject(new CoreError('CG_E011', 'the analysis stopped: the article needs more memory than the server allows'));
      replace(slot);
    });
    thread.on('error', () => {});
    return slot;
  };
  const slots: Slot[] = Array.from({ length: options.workers }, spawn);
  // The server listens once its workers have loaded: models loading beside the first requests
  // would slow every route.
  await Promise.all(slots.map((s) => s.ready));

  /** Frees the slot and the client's share; returns the job it held. */
  const finish = (slot: Slot): Job => {
    const job = slot.job as Job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    running.set(job.client, (running.get(job.client) ?? 1) - 1);
    if (running.get(job.client) === 0) running.delete(job.client);
    if (!running.has(job.client) && !queues.has(job.client)) served.delete(job.client);
    return job;
  };
  const replace = (slot: Slot): void => {
    const fresh = spawn();
    slots[slots.indexOf(slot)] = fresh;
    void slot.thread.terminate();
    fresh.ready.then(dispatch, () => {});
  };
  const stop = (slot: Slot, error: Error): void => {
    finish(slot).reject(error);
    replace(slot);
    dispatch();
  };

  /** The next job of the client served longest ago among those with work and a free share. */
  const next = (): Job | undefined => {
    let chosen: string | null = null;
    for (const [client, queue] of queues) {
      if (queue.length === 0 || (running.get(client) ?? 0) >= perClientRunning) continue;
      if (chosen === null || (served.get(client) ?? 0) < (served.get(chosen) ?? 0)) chosen = client;
    }
    if (chosen === null) return undefined;
    const queue = queues.get(chosen) as Job[];
    const job = queue.shift() as Job;
    if (queue.length === 0) queues.delete(chosen);
    queued -= 1;
    return job;
  };
  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.job || closed) continue;
      const job = next();
      if (!job) return;
      slot.job = job;
      slot.task = ++tasks;
      running.set(job.client, (running.get(job.client) ?? 0) + 1);
      served.set(job.client, ++turns);
      const task = slot.task;
      job.signal?.addEventListener('abort', () => slot.job === job && slot.task === task && stop(slot, new Error('analysis cancelled')), { once: true });
      // The deadline runs from when the worker has the job, not from while a fresh one loads.
      slot.ready.then(
        () => {
          if (slot.job !== job || slot.task !== task) return;
          slot.timer = setTimeout(() => {
            const seconds = Math.round(options.deadlineMs / 100) / 10;
            stop(slot, new CoreError('CG_E011', `analysis did not finish within ${seconds} s: the article is too long or too complex for the server's limit`));
          }, options.deadlineMs);
          slot.thread.postMessage({ task, source: job.source } satisfies JobRequest);
        },
        (error: unknown) => {
          if (slot.job === job && slot.task === task) finish(slot).reject(new Error(`the analysis worker did not start: ${(error as Error).message}`));
        },
      );
    }
  };

  return {
    run(source, { client, signal }) {
      return new Promise<JobResult>((resolve, reject) => {
        if (closed) return reject(new BusyError(503, 'the server is shutting down', 5));
        const queue = queues.get(client) ?? [];
        const mine = queue.length + (running.get(client) ?? 0);
        if (mine >= options.perClient) {
          return reject(new BusyError(429, `${mine} analyses from your address are already waiting or running; wait for them to finish`, 5));
        }
        if (queued >= options.maxQueued) return reject(new BusyError(503, `the server is busy (${queued} analyses waiting); try again shortly`, 10));
        const job: Job = { source, client, signal, resolve, reject };
        signal?.addEventListener(
          'abort',
          () => {
            const waiting = queues.get(client) ?? [];
            const index = waiting.indexOf(job);
            if (index === -1) return;
            waiting.splice(index, 1);
            if (waiting.length === 0) queues.delete(client);
            queued -= 1;
            reject(new Error('analysis cancelled'));
          },
          { once: true },
        );
        queue.push(job);
        queues.set(client, queue);
        queued += 1;
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const queue of queues.values()) for (const job of queue) job.reject(new BusyError(503, 'the server is shutting down', 5));
      queues.clear();
      for (const slot of slots) if (slot.job) finish(slot).reject(new BusyError(503, 'the server is shutting down', 5));
      await Promise.all(slots.map((s) => s.thread.terminate()));
    },
  };
}
