import fp from 'fastify-plugin';
import type { Store } from '../../store/types.js';
import { CorpusView } from '../corpus-view.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The corpus: direct store queries and the views built over all claims. */
    corpus: CorpusView;
  }
}

export interface CorpusPluginOptions {
  store: Store;
  refreshMs?: number;
}

/** Attaches the corpus. The store belongs to whoever passed it in, who closes it. */
export const corpusPlugin = fp<CorpusPluginOptions>(
  async (app, options) => {
    app.decorate('corpus', new CorpusView(options.store, { refreshMs: options.refreshMs }));
  },
  { name: 'claimgraph-corpus', fastify: '5.x' },
);
