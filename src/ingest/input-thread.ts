import { errorFromReply, type ErrorReply } from '../core/errors.js';
import { siblingModule, startModuleWorker } from '../worker-thread.js';
import type { ArticleInput, ReadInputOptions } from './input.js';

/** Bytes → an article, as readInput does, on this thread or another. */
export type InputReader = (bytes: Uint8Array, options: ReadInputOptions) => Promise<ArticleInput>;

export interface InputRequest {
  task: number;
  bytes: Uint8Array;
  options: ReadInputOptions;
}

export type InputReply = { task: number; input: ArticleInput } | { task: number; error: ErrorReply };

export interface InputThread {
  read: InputReader;
  close(): Promise<void>;
}

const WORKER = siblingModule('./input-worker', import.meta.url);

/**
 * readInput in a worker thread of its own, for the server: decoding a page and extracting its
 * article are bounded per document, yet a 10 MB page is still seconds the event loop must not spend.
 * Documents are read one after another, in the order asked.
 */
export function startInputThread(): InputThread {
  const thread = startModuleWorker(WORKER);
  const pending = new Map<number, { resolve: (input: ArticleInput) => void; reject: (error: Error) => void }>();
  let stopped: Error | null = null;
  let tasks = 0;
  const fail = (error: Error): void => {
    stopped ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  thread.on('message', (reply: InputReply) => {
    const waiting = pending.get(reply.task);
    pending.delete(reply.task);
    if ('error' in reply) waiting?.reject(errorFromReply(reply.error));
    else waiting?.resolve(reply.input);
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`the input reader stopped (exit code ${code})`)));
  return {
    read(bytes, options) {
      return new Promise((resolve, reject) => {
        if (stopped) return reject(stopped);
        const task = ++tasks;
        pending.set(task, { resolve, reject });
        thread.postMessage({ task, bytes, options } satisfies InputRequest);
      });
    },
    async close() {
      await thread.terminate();
    },
  };
}
