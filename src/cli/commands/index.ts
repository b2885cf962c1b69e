import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { benchCommand } from './bench.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { trainCommand } from './train.js';
import { ingestCommand } from './ingest.js';
import { entitiesCommand } from './entities.js';
import { quotesCommand } from './quotes.js';
import { storiesCommand } from './stories.js';
import { contradictionsCommand } from './contradictions.js';
import { exportCommand } from './export.js';
import { benchIngestCommand } from './bench-ingest.js';
import { serveCommand } from './serve.js';
import { enqueueCommand } from './enqueue.js';
import { workerCommand } from './worker.js';
import { statusCommand } from './status.js';
import { benchScaleCommand } from './bench-scale.js';
import { benchCorpusCommand } from './bench-corpus.js';

/** Every CLI command, in the order `claimgraph --help` lists them. */
export const commands: Command[] = [
  analyzeCommand,
  demoCommand,
  evalCommand,
  benchCommand,
  trainCommand,
  ingestCommand,
  entitiesCommand,
  quotesCommand,
  storiesCommand,
  contradictionsCommand,
  exportCommand,
  benchIngestCommand,
  serveCommand,
  enqueueCommand,
  workerCommand,
  statusCommand,
  benchScaleCommand,
  benchCorpusCommand,
];
