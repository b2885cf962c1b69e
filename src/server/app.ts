import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { STATUS_CODES } from 'node:http';
import { Ajv } from 'ajv';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { CoreError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { DEFAULT_TIMEOUT_MS } from '../ingest/fetch.js';
import { DEFAULT_MAX_BYTES } from '../ingest/input.js';
import { MalformedUrlError, type UrlPolicy } from '../ingest/url-policy.js';
import type { Store } from '../store/types.js';
import { BusyError, DEFAULT_DEADLINE_MS, DEFAULT_MAX_QUEUED, DEFAULT_PER_CLIENT } from './analysis-jobs.js';
import { analysisPlugin } from './plugins/analysis.js';
import { authPlugin } from './plugins/auth.js';
import { corpusPlugin } from './plugins/corpus.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { analyzeRoutes } from './routes/analyze.js';
import { corpusRoutes } from './routes/corpus.js';
import { ingestRoutes } from './routes/ingest.js';
import { metaRoutes } from './routes/meta.js';
import { parseRoutes } from './routes/parse.js';
import { SHARED_SCHEMAS } from './schemas.js';
import type { ErrorJSON } from './types.js';

/**
 * The HTTP API and the web app, as a fastify instance that never listens by itself: `claimgraph
 * serve` listens, tests call `app.inject()`. Safe defaults: writes refused without a token, 20 MB
 * bodies, analysis rate-limited per IP, no CORS, responses only for loopback host names when
 * `allowedHosts` says so.
 */

export interface AppOptions {
  store: Store;
  /** Bearer token of POST /api/ingest; without one, writes are refused (403). */
  token?: string | null;
  analysis?: {
    /** Analysis worker threads (default 2); 0 analyses on the server thread, with no deadline. */
    workers?: number;
    /** A job running longer is stopped with CG_E011 and its worker replaced (default 30 s). */
    deadlineMs?: number;
    /** Analyses one client address may have waiting or running (default 4); more get 429. */
    perClient?: number;
    /** A loaded analyser, for `workers: 0`. */
    analyzer?: Pipeline;
    lexiconPath?: string;
    /** For URLs given to analyse (default 15 s). */
    timeoutMs?: number;
    /** Largest input or fetched page (default 10 MB). */
    maxBytes?: number;
    /** Which URLs may be fetched (for analysis and ingest); by default public addresses on ports 80 and 443. */
    urlPolicy?: UrlPolicy;
  };
  /** Workers of POST /api/ingest (default: one per core but one, at least one). */
  ingestWorkers?: number;
  /** Per IP address, for /api/analyze and /api/analyze/corpus together (default 60 a minute). */
  analyzeRateLimit?: { max: number; timeWindowMs: number };
  /** Per IP address, for /api/parse (default 300 a minute: a reader opens one sentence after another). */
  parseRateLimit?: { max: number; timeWindowMs: number };
  /** Largest request body (default 20 MB); larger ones get 413. */
  bodyLimit?: number;
  /** Origins allowed to call the API from their pages; none by default (no CORS headers). */
  corsOrigins?: readonly string[];
  /** Host names requests may be addressed to (DNS-rebinding guard); null or absent allows any. */
  allowedHosts?: readonly string[] | null;
  /** The built web app (web/dist); null serves the API alone. */
  webRoot?: string | null;
  /** How long the corpus views are trusted before the store is checked for changes (default 1 s). */
  refreshMs?: number;
  logger?: FastifyServerOptions['logger'];
  version?: string;
}

export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024;
/** Two, so that one client (which may run half of them) never holds them all. */
export const DEFAULT_ANALYSIS_WORKERS = 2;
export const DEFAULT_ANALYZE_RATE_LIMIT = { max: 60, timeWindowMs: 60_000 };
export const DEFAULT_PARSE_RATE_LIMIT = { max: 300, timeWindowMs: 60_000 };

export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // The serialiser's Ajv picks anyOf branches; the article schema leaves `type` implied in places.
    serializerOpts: { ajv: { strictTypes: false } },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  // Bodies are JSON only: a plain-text post (what a cross-site form can send) gets 415.
  app.removeContentTypeParser(['text/plain', 'application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Query strings and path parameters arrive as text, so their validator turns "20" into 20; a JSON
  // body is taken as sent ({"text": 1} is refused, not read as "1"). Unknown properties are refused.
  const validators = { body: new Ajv({ coerceTypes: false }), url: new Ajv({ coerceTypes: true }) };
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? validators.body : validators.url).compile(schema));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
    const body = errorBody(error);
    if (body.statusCode === 500) request.log.error(error);
    return reply.code(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  app.register(securityPlugin, { allowedHosts: options.allowedHosts ?? null });
  if (options.corsOrigins && options.corsOrigins.length > 0) app.register(fastifyCors, { origin: [...options.corsOrigins] });
  app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'claimgraph API', version: options.version ?? '0.0.0', description: 'Who said what, about whom, who denies it, and where sources contradict each other. See docs/api.md.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  app.register(fastifyRateLimit, { global: false });
  app.register(corpusPlugin, { store: options.store, refreshMs: options.refreshMs });
  app.register(authPlugin, { token: options.token ?? null });
  app.register(analysisPlugin, {
    workers: options.analysis?.workers ?? DEFAULT_ANALYSIS_WORKERS,
    deadlineMs: options.analysis?.deadlineMs ?? DEFAULT_DEADLINE_MS,
    perClient: options.analysis?.perClient ?? DEFAULT_PER_CLIENT,
    maxQueued: DEFAULT_MAX_QUEUED,
    analyzer: options.analysis?.analyzer,
    lexiconPath: options.analysis?.lexiconPath,
    fetch: { timeoutMs: options.analysis?.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: options.analysis?.maxBytes ?? DEFAULT_MAX_BYTES, urlPolicy: options.analysis?.urlPolicy },
  });

  app.register(metaRoutes, { version: options.version ?? '0.0.0' });
  app.register(corpusRoutes);
  app.register(analyzeRoutes, { rateLimit: options.analyzeRateLimit ?? DEFAULT_ANALYZE_RATE_LIMIT });
  app.register(parseRoutes, { rateLimit: options.parseRateLimit ?? DEFAULT_PARSE_RATE_LIMIT });
  app.register(ingestRoutes, {
    ingest: {
      lexiconPath: options.analysis?.lexiconPath,
      maxBytes: options.analysis?.maxBytes,
      timeoutMs: options.analysis?.timeoutMs,
      urlPolicy: options.analysis?.urlPolicy,
      workers: options.ingestWorkers,
      analyzer: options.analysis?.analyzer,
      // Reading pages and analysing them would stall every other request.
      offMainThread: true,
    },
  });
  if (options.webRoot) app.register(webPlugin, { root: options.webRoot });
  return app;
}

/**
 * A JSON body, refusing `__proto__` and `constructor.prototype` keys (prototype pollution) with a
 * message that says so, not that the JSON is invalid.
 */
export function parseJsonBody(body: string): unknown {
  const badRequest = (message: string): FastifyError =>
    Object.assign(new Error(message), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', name: 'FastifyError' }) as FastifyError;
  let forbidden: string | null = null;
  let value: unknown;
  try {
    value = JSON.parse(body, (key, member: unknown) => {
      if (key === '__proto__' || (key === 'constructor' && typeof member === 'object' && member !== null && 'prototype' in member)) forbidden ??= key === '__proto__' ? '__proto__' : 'constructor.prototype';
      return member;
    });
  } catch (error) {
    throw badRequest(`the body is not valid JSON: ${(error as Error).message}`);
  }
  if (forbidden) throw badRequest(`the body holds a "${forbidden}" key, which is refused (it could change the prototypes of objects)`);
  return value;
}

/**
 * Input errors keep their catalogue code (docs/errors.md): too large is 413, any other reason the
 * article cannot be read is 422. Request errors keep fastify's status and code. Anything else is a
 * bug, answered without its details (the caller logs it).
 */
export function errorBody(error: Partial<FastifyError> & { message: string }): ErrorJSON {
  let statusCode: number;
  let message = error.message;
  if (error instanceof MalformedUrlError) {
    statusCode = 400;
  } else if (error instanceof CoreError) {
    statusCode = error.code === 'CG_E004' ? 413 : 422;
  } else if (error instanceof BusyError) {
    statusCode = error.statusCode;
  } else if (error.validation) {
    statusCode = 400;
    message = `invalid request: ${error.message}`;
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    statusCode = error.statusCode;
  } else {
    statusCode = 500;
    message = 'internal error (logged on the server)';
  }
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', ...(error.code ? { code: error.code } : {}), message };
}
