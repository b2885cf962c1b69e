import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ENTITY_TYPES, type EntityType } from '../../core/doc.js';
import { ERROR_RESPONSES, array, object, ref } from '../schemas.js';
import { ENTITY_STATEMENTS, NETWORK_EDGES, withFileNames } from '../corpus-view.js';
import type { Page } from '../../store/types.js';

/**
 * The read routes over the corpus. Lists are JSON arrays, as the CLI's `--json` prints them; each
 * takes `limit` and `offset` for one page of a big corpus.
 */

const MAX_LIMIT = 1000;
const limit = { type: 'integer', minimum: 1, maximum: MAX_LIMIT };
/** A page of a list: `limit` items after `offset`. */
const page = { limit, offset: { type: 'integer', minimum: 0 } };
/** Articles per story a search lists, the first: a story can hold thousands. */
const SEARCH_STORY_ARTICLES = 20;
const idParams = object({ id: { type: 'string', minLength: 1, maxLength: 200 } });
const text = { type: 'string', maxLength: 500 };

function notFound(reply: FastifyReply, what: string, id: string) {
  return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no ${what} "${id}" in the corpus` });
}

export const corpusRoutes: FastifyPluginAsync = async (app) => {
  const { corpus } = app;
  const tags = ['corpus'];
  /** GET `path` answers `load(id)` with the shared schema `response`, or 404. */
  const byId = (path: string, what: string, summary: string, response: string, load: (id: string) => Promise<unknown>) =>
    app.get<{ Params: { id: string } }>(path, {
      schema: { summary, tags, params: idParams, response: { 200: ref(response), ...ERROR_RESPONSES } },
      handler: async (request, reply) => (await load(request.params.id)) ?? notFound(reply, what, request.params.id),
    });

  app.get<{ Querystring: Page }>('/api/articles', {
    schema: {
      summary: 'Stored articles, latest publication first',
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: page },
      response: { 200: array(ref('ArticleSummary')), ...ERROR_RESPONSES },
    },
    handler: (request) => corpus.articles(request.query),
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: {
      summary: 'One stored article: its analysis, canonical entity ids and contradictions with other articles',
      tags, params: idParams, response: { 200: ref('ArticleDetail'), ...ERROR_RESPONSES },
    },
    // The view keeps the detail as JSON text (it is sent as is, without the schema's serializer).
    handler: async (request, reply) => {
      const text = await corpus.articleText(request.params.id);
      return text === null ? notFound(reply, 'article', request.params.id) : reply.type('application/json; charset=utf-8').send(text);
    },
  });

  app.get<{ Querystring: { q?: string; type?: EntityType } & Page }>('/api/entities', {
    schema: {
      summary: 'Canonical entities, most mentioned first',
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: { q: text, type: { enum: ENTITY_TYPES }, ...page } },
      response: { 200: array(ref('Entity')), ...ERROR_RESPONSES },
    },
    handler: (request) => corpus.store.entities(request.query),
  });

  app.get<{ Params: { id: string }; Querystring: { limit?: number } }>('/api/entities/:id', {
    schema: {
      summary: `One entity: the latest statements it made and made about it (limit, default ${ENTITY_STATEMENTS}), with their totals, and a timeline of all`,
      tags, params: idParams,
      querystring: { type: 'object', additionalProperties: false, properties: { limit } },
      response: { 200: ref('EntityDetail'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => (await corpus.entity(request.params.id, request.query.limit)) ?? notFound(reply, 'entity', request.params.id),
  });

  app.get<{ Querystring: { speaker?: string; q?: string } & Page }>('/api/quotes', {
    schema: {
      summary: 'Quotes in ingest order; speaker matches a name or alias, q is full-text',
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: { speaker: text, q: text, ...page } },
      response: { 200: array(ref('Quote')), ...ERROR_RESPONSES },
    },
    handler: (request) => corpus.store.quotes(request.query),
  });

  app.get<{ Querystring: { q?: string; articles?: number } & Page }>('/api/stories', {
    schema: {
      summary: 'Stories, largest first, with their size and their first articles (all, or `articles` of them); copies name the article they copy',
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: { q: text, ...page, articles: limit } },
      response: { 200: array(ref('Story')), ...ERROR_RESPONSES },
    },
    handler: async (request) => withFileNames(await corpus.store.stories(request.query)),
  });

  byId('/api/stories/:id', 'story', 'One story and its claims matrix: speaker × proposition × stance', 'StoryDetail', (id) => corpus.story(id));

  app.get<{ Querystring: { all?: boolean } & Page }>('/api/contradictions', {
    schema: {
      summary: 'Contradictions and reversals, one group per proposition, strongest first, with evidence; all=true also lists pairs under the score threshold',
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: { all: { type: 'boolean' }, ...page } },
      response: { 200: array(ref('Contradiction')), ...ERROR_RESPONSES },
    },
    handler: (request) => corpus.store.contradictions({ ...request.query, all: request.query.all === true }),
  });

  app.get<{ Querystring: { limit?: number } }>('/api/network', {
    schema: {
      summary: `The actor network: who asserts, denies, condemns or accuses whom; its strongest edges (limit, default ${NETWORK_EDGES}) and their total`,
      tags,
      querystring: { type: 'object', additionalProperties: false, properties: { limit } },
      response: { 200: ref('Network'), ...ERROR_RESPONSES },
    },
    handler: (request) => corpus.network(request.query.limit),
  });

  app.get<{ Querystring: { q: string; limit?: number } }>('/api/search', {
    schema: {
      summary: `Full-text search: entities by name, quotes and stories by their text (each story with its first ${SEARCH_STORY_ARTICLES} articles)`,
      tags,
      querystring: { type: 'object', additionalProperties: false, required: ['q'], properties: { q: { ...text, minLength: 1 }, limit } },
      response: { 200: object({ entities: array(ref('Entity')), quotes: array(ref('Quote')), stories: array(ref('Story')) }), ...ERROR_RESPONSES },
    },
    handler: async (request) => {
      const { q, limit: most = 50 } = request.query;
      const [entities, quotes, stories] = await Promise.all([
        corpus.store.entities({ q, limit: most }),
        corpus.store.quotes({ q, limit: most }),
        corpus.store.stories({ q, limit: most, articles: SEARCH_STORY_ARTICLES }),
      ]);
      return { entities, quotes, stories: withFileNames(stories) };
    },
  });
};
