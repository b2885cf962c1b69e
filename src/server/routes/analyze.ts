import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AnalyseRequest } from '../analysis.js';
import type { JobOptions } from '../analysis-jobs.js';
import { ERROR_RESPONSES, analyseBody, object, ref } from '../schemas.js';

export interface AnalyzeRoutesOptions {
  /** Requests per IP address per `timeWindowMs` to the analysis routes (they share it). */
  rateLimit: { max: number; timeWindowMs: number };
}

/** Analysis without storing: the article JSON alone, or with where it stands in the corpus. */
export const analyzeRoutes: FastifyPluginAsync<AnalyzeRoutesOptions> = async (app, { rateLimit }) => {
  // One limiter for both routes, so they share each address's allowance; it runs before the body is read.
  const onRequest = app.rateLimit({ max: rateLimit.max, timeWindow: rateLimit.timeWindowMs });

  app.post<{ Body: AnalyseRequest }>('/api/analyze', {
    onRequest,
    schema: {
      summary: 'Analyse one article without storing it',
      description: 'Returns the article JSON of docs/schema/article.schema.json. Rate-limited per IP address.',
      tags: ['analysis'],
      body: analyseBody,
      response: { 200: ref('Article'), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => (await app.analysis.analyse(request.body, job(request, reply))).prepared.analysis,
  });

  app.post<{ Body: AnalyseRequest }>('/api/analyze/corpus', {
    onRequest,
    schema: {
      summary: 'Analyse one article and set it against the corpus, without storing it',
      description: 'The article JSON, and whether the corpus holds it, the story it belongs to or would join, and its contradictions with stored claims.',
      tags: ['analysis'],
      body: analyseBody,
      response: { 200: object({ article: ref('Article'), corpus: ref('CorpusContext') }), ...ERROR_RESPONSES },
    },
    handler: async (request, reply) => {
      const analysed = await app.analysis.analyse(request.body, job(request, reply));
      return { article: analysed.prepared.analysis, corpus: await app.analysis.context(app.corpus, analysed) };
    },
  });
};

/** The job of a request: queued under the client's address, cancelled when the client goes away. */
export function job(request: FastifyRequest, reply: FastifyReply): JobOptions {
  const cancel = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) cancel.abort();
  });
  return { client: request.ip, signal: cancel.signal };
}
