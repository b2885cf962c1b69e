import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import type { AnalysisReply, AnalysisRequest } from './analysis-pool.js';

/** A worker thread of the analysis pool: analyses texts and prepares them for the corpus. */

const analyzer = await createAnalyzer({ lexiconPath: (workerData as { lexiconPath?: string }).lexiconPath });
const port = parentPort as NonNullable<typeof parentPort>;
port.on('message', ({ task, text }: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { task, prepared: prepareArticle(analyzer.run(text)) };
  } catch (error) {
    reply = { task, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
