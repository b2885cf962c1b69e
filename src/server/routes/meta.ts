import type { FastifyPluginAsync } from 'fastify';
import { object } from '../schemas.js';

export interface MetaRoutesOptions {
  version: string;
}

/** Health, and the OpenAPI document generated from every route's schemas. */
export const metaRoutes: FastifyPluginAsync<MetaRoutesOptions> = async (app, { version }) => {
  const integer = { type: 'integer' };
  app.get('/api/health', {
    schema: {
      summary: 'Liveness, the version and the corpus size',
      tags: ['meta'],
      response: {
        200: object({ status: { const: 'ok' }, version: { type: 'string' }, articles: integer, entities: integer, claims: integer, stories: integer,
          contradictions: { ...integer, description: 'Contradiction and reversal pairs scoring at least 0.5, as the Contradictions page counts them (docs/corpus.md)' } }),
      },
    },
    handler: async () => {
      const counts = await app.corpus.store.count();
      return { status: 'ok', version, articles: counts.articles, entities: counts.entities, claims: counts.claims, stories: counts.stories, contradictions: counts.contradictions };
    },
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
