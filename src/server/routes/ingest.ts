import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { ingest, type IngestOptions, type IngestSummary } from '../../corpus/ingest.js';
import type { ArticleRecordFields } from '../../ingest/record.js';
import { CorpusBusyError } from '../../store/errors.js';
import { ERROR_RESPONSES, array, object, ref } from '../schemas.js';

export interface IngestRoutesOptions {
  ingest: Pick<IngestOptions, 'lexiconPath' | 'maxBytes' | 'timeoutMs' | 'urlPolicy' | 'workers' | 'analyzer' | 'offMainThread'>;
}

interface IngestBody {
  records?: ArticleRecordFields[];
  urls?: string[];
}

const MAX_RECORDS = 10_000;
const MAX_URLS = 1000;
const RECORDS_NAME = 'records.jsonl';

const record = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(['id', 'url', 'title', 'source', 'published', 'text', 'html'].map((field) => [field, { type: 'string' }])),
  anyOf: [{ required: ['text'] }, { required: ['html'] }],
};

/**
 * The one write: articles into the corpus, exactly as `claimgraph ingest` reads them (records as
 * its JSONL lines, URLs of pages or feeds). Ingests run one at a time, each resuming from what the
 * previous one stored.
 */
export const ingestRoutes: FastifyPluginAsync<IngestRoutesOptions> = async (app, options) => {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  app.post<{ Body: IngestBody }>('/api/ingest', {
    // Before the body is read: no one without the token makes the server parse 20 MB.
    onRequest: app.requireToken,
    schema: {
      summary: 'Ingest articles into the corpus (needs the bearer token)',
      description: 'Records are JSONL ingest records; URLs are pages or RSS/Atom feeds. A document that fails is listed with its reason and the others go on.',
      tags: ['corpus'],
      security: [{ bearer: [] }],
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          records: { type: 'array', maxItems: MAX_RECORDS, items: record },
          urls: { type: 'array', maxItems: MAX_URLS, items: { type: 'string', pattern: '^https?://', maxLength: 2048 } },
        },
        anyOf: [{ required: ['records'] }, { required: ['urls'] }],
      },
      response: {
        200: object({ ingested: { type: 'integer' }, duplicates: { type: 'integer' }, failed: array(object({ path: { type: 'string' }, error: { type: 'string' } })) }),
        401: ref('Error'),
        403: ref('Error'),
        409: ref('Error'),
        ...ERROR_RESPONSES,
      },
    },
    handler: (request, reply) =>
      serially(async () => {
        const { records = [], urls = [] } = request.body;
        const dir = await mkdtemp(join(tmpdir(), 'claimgraph-api-ingest-'));
        try {
          const file = join(dir, RECORDS_NAME);
          const paths = [...urls];
          if (records.length > 0) {
            await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n'));
            paths.unshift(file);
          }
          const summary = await ingest(app.corpus.store, paths, options.ingest);
          return renamed(summary, file);
        } catch (error) {
          // Another process (a CLI ingest) is writing: 409, and when to ask again.
          if (error instanceof CorpusBusyError) reply.header('Retry-After', String(error.retryAfter));
          throw error;
        } finally {
          app.corpus.invalidate();
          await rm(dir, { recursive: true, force: true });
        }
      }),
  });
};

/** Failures name the records as `records:LINE` (or `records#id`), not the temporary file. */
function renamed(summary: IngestSummary, file: string): IngestSummary {
  return { ...summary, failed: summary.failed.map((f) => ({ ...f, path: f.path.startsWith(file) ? `records${f.path.slice(file.length)}` : f.path })) };
}
