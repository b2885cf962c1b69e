import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { errorReply } from '../core/errors.js';
import { runJob, type JobReply, type JobRequest } from './analysis-jobs.js';

/** A worker thread of the server's analysis jobs: reads and analyses one input at a time. */

const analyzer = await createAnalyzer({ lexiconPath: (workerData as { lexiconPath?: string }).lexiconPath });
const port = parentPort as NonNullable<typeof parentPort>;
port.on('message', ({ task, source }: JobRequest) => {
  let reply: JobReply;
  try {
    reply = { task, result: runJob(analyzer, source) };
  } catch (error) {
    reply = { task, error: errorReply(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
