import type { FastifyPluginAsync } from 'fastify';
import { InputError } from '../../ingest/errors.js';
import { ERROR_RESPONSES, ref } from '../schemas.js';
import { job } from './analyze.js';

export interface ParseRoutesOptions {
  /** Requests per IP address per `timeWindowMs`. */
  rateLimit: { max: number; timeWindowMs: number };
}

/** A paragraph at most: the web app sends one sentence. Longer texts belong to /api/analyze. */
export const MAX_PARSE_CHARS = 5_000;

/**
 * The dependency parse of a sentence or a paragraph on demand, for the web app's sentence trees:
 * only the stages a parse needs (tokens, sentences, tags, deps), in an analysis worker thread.
 */
export const parseRoutes: FastifyPluginAsync<ParseRoutesOptions> = async (app, { rateLimit }) => {
  app.post<{ Body: { text: string } }>('/api/parse', {
    onRequest: app.rateLimit({ max: rateLimit.max, timeWindow: rateLimit.timeWindowMs }),
    schema: {
      summary: 'The dependency parse of a sentence or a paragraph',
      description: `Sentences and tokens (offsets into \`text\`, tags, lemmas, heads, Universal Dependencies relations), as in the article JSON with tokens. At most ${MAX_PARSE_CHARS.toLocaleString('en')} characters (413 beyond). Rate-limited per IP address.`,
      tags: ['analysis'],
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string', minLength: 1, description: `Plain text, at most ${MAX_PARSE_CHARS.toLocaleString('en')} characters.` } },
      },
      response: { 200: ref('Parse'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const { text } = request.body;
      if (text.length > MAX_PARSE_CHARS) {
        throw new InputError('CG_E004', `the text has ${text.length.toLocaleString('en')} characters; /api/parse takes at most ${MAX_PARSE_CHARS.toLocaleString('en')} (a paragraph), /api/analyze takes whole articles`);
      }
      return app.analysis.parse(text, job(request, reply));
    },
  });
};
