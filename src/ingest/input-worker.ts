import { parentPort } from 'node:worker_threads';
import { errorReply } from '../core/errors.js';
import { readInput } from './input.js';
import type { InputReply, InputRequest } from './input-thread.js';

/** The worker thread of startInputThread: reads documents as readInput does. */

const port = parentPort as NonNullable<typeof parentPort>;
port.on('message', ({ task, bytes, options }: InputRequest) => {
  let reply: InputReply;
  try {
    reply = { task, input: readInput(bytes, options) };
  } catch (error) {
    reply = { task, error: errorReply(error) };
  }
  port.postMessage(reply);
});
