import fp from 'fastify-plugin';
import { createAnalysis, type Analysis, type AnalysisOptions } from '../analysis.js';

declare module 'fastify' {
  interface FastifyInstance {
    analysis: Analysis;
  }
}

/** Loads the analyser (in its worker threads) once; the threads stop when the app closes. */
export const analysisPlugin = fp<AnalysisOptions>(
  async (app, options) => {
    const analysis = await createAnalysis(options);
    app.decorate('analysis', analysis);
    app.addHook('onClose', () => analysis.close());
  },
  { name: 'claimgraph-analysis', fastify: '5.x' },
);
