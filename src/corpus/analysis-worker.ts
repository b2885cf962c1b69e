import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import { analysersOf, runAnalysis, type AnalysisReply, type AnalysisRequest } from './analysis-pool.js';

/** A worker thread of the analysis pool: analyses texts and prepares them for the corpus, or parses them. */

const analysers = analysersOf(await createAnalyzer({ lexiconPath: (workerData as { lexiconPath?: string }).lexiconPath }));
const port = parentPort as NonNullable<typeof parentPort>;
port.on('message', ({ task, kind, text }: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { task, result: runAnalysis(analysers, kind, text) };
  } catch (error) {
    reply = { task, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
