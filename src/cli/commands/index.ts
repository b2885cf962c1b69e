import type { CommandEntry } from '../command.js';

/**
 * Every CLI command, in the order `claimgraph --help` lists them. A command's module (and what it
 * imports: fastify, pg, the models …) is loaded only when that command runs, so `--help` starts at
 * once.
 */
export const commands: CommandEntry[] = [
  { name: 'analyze', summary: 'analyse one article: entities, quotes, speakers, stances, contradictions', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'demo', summary: 'analyse the bundled seed article and print the readable view in the terminal', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'eval', summary: 'score the pipeline against gold data (attribution JSONL, CoNLL NER, UD treebanks)', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'bench', summary: 'measure throughput and peak memory against compromise', load: async () => (await import('./bench.js')).benchCommand },
  { name: 'train', summary: 'train a shipped model (pos, deps, cues, spans, clusters, ner) from the corpora', load: async () => (await import('./train.js')).trainCommand },
  { name: 'ingest', summary: 'read articles, feeds and folders into the corpus database', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'entities', summary: 'list the corpus entities merged across articles', load: async () => (await import('./entities.js')).entitiesCommand },
  { name: 'quotes', summary: 'list quotes across the corpus, by speaker or words', load: async () => (await import('./quotes.js')).quotesCommand },
  { name: 'stories', summary: 'list stories: articles clustered by topic, copies marked', load: async () => (await import('./stories.js')).storiesCommand },
  { name: 'contradictions', summary: 'list contradictions and reversals across sources, with evidence', load: async () => (await import('./contradictions.js')).contradictionsCommand },
  { name: 'export', summary: 'export the corpus as JSONL, CSV, GraphML or GDELT-style TSV', load: async () => (await import('./export.js')).exportCommand },
  { name: 'bench-ingest', summary: 'measure corpus ingest into SQLite, database size and clustering growth', load: async () => (await import('./bench-ingest.js')).benchIngestCommand },
  { name: 'serve', summary: 'serve the web app and the HTTP API over a corpus database', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'enqueue', summary: 'queue documents for distributed workers (PostgreSQL)', load: async () => (await import('./enqueue.js')).enqueueCommand },
  { name: 'worker', summary: 'run distributed ingest jobs (PostgreSQL)', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'status', summary: 'progress of the distributed ingest (PostgreSQL)', load: async () => (await import('./status.js')).statusCommand },
  { name: 'bench-scale', summary: 'time SQLite against PostgreSQL, 1 against 2 queue workers, and the queue writer alone', load: async () => (await import('./bench-scale.js')).benchScaleCommand },
  { name: 'bench-corpus', summary: 'place N synthetic articles in one SQLite corpus: rate, memory, size and queries as it grows', load: async () => (await import('./bench-corpus.js')).benchCorpusCommand },
];
