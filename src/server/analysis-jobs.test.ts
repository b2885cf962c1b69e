import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { createAnalysisJobs } from './analysis-jobs.js';
import { buildApp, type AppOptions } from './app.js';

/** The server's analysis in real worker threads: nothing holds up the event loop, deadlines, fair shares. */

const SEED = readFileSync(new URL('../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');
const page = (depth: number): string => `<html><body>${'<span>'.repeat(depth)}<p>${SEED.split('\n\n').slice(1, 6).join('</p><p>')}</p></body></html>`;
/** Pages whose parsing keeps a thread busy: about half a second, and well over the 1 s deadline below. */
const SLOW_HTML = page(20_000);
const HEAVY_HTML = page(45_000);

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-jobs-'));
let store: Store;
const apps: FastifyInstance[] = [];

async function appWith(analysis: AppOptions['analysis']): Promise<FastifyInstance> {
  const app = buildApp({ store, analysis });
  apps.push(app);
  await app.ready();
  return app;
}

const analyse = (app: FastifyInstance, body: object, ip = '10.1.0.1') =>
  app.inject({ method: 'POST', url: '/api/analyze', payload: body, remoteAddress: ip });

beforeAll(() => {
  store = openSqliteStore(join(dir, 'corpus.db'));
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('analysis jobs in worker threads', () => {
  it('answers /api/health while a heavy HTML page is being read and analysed', async () => {
    const app = await appWith({ workers: 1 });
    const order: string[] = [];
    const heavy = analyse(app, { html: SLOW_HTML }).then((r) => {
      order.push('analyze');
      return r;
    });
    // Let the job reach its worker, then ask for the health while it runs.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await app.inject({ url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    expect((await heavy).statusCode, (await heavy).body).toBe(200);
    expect(order).toEqual(['health', 'analyze']);
  });

  it('stops a job past its deadline with 422 CG_E011, and the replaced worker analyses the next one', async () => {
    const app = await appWith({ workers: 1, deadlineMs: 1000 });
    const late = await analyse(app, { html: HEAVY_HTML });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CG_E011', message: expect.stringMatching(/^CG_E011: analysis did not finish within 1 s/) });
    const next = await analyse(app, { text: SEED.split('\n\n').slice(0, 4).join('\n\n') });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().quotes.length).toBeGreaterThan(0);
  });

  it('refuses a client more jobs than its share with 429 and Retry-After, while another client is served', async () => {
    const app = await appWith({ workers: 1, perClient: 1 });
    const first = analyse(app, { html: SLOW_HTML }, '10.1.0.2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await analyse(app, { text: SEED }, '10.1.0.2');
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('5');
    const other = await analyse(app, { text: SEED }, '10.1.0.3');
    expect(other.statusCode).toBe(200);
    expect((await first).statusCode).toBe(200);
  });

  it("serves clients in turn: one client's queue does not hold up another's job", async () => {
    const jobs = await createAnalysisJobs({ workers: 1, deadlineMs: 30_000, perClient: 10, maxQueued: 10 });
    try {
      const done: string[] = [];
      const source = (text: string) => ({ kind: 'record' as const, record: { text }, maxBytes: 1e7 });
      const runs = [
        ...[1, 2, 3].map((n) => jobs.run(source(SEED), { client: 'a' }).then(() => done.push(`a${n}`))),
        jobs.run(source(SEED), { client: 'b' }).then(() => done.push('b1')),
      ];
      await Promise.all(runs);
      expect(done).toEqual(['a1', 'b1', 'a2', 'a3']);
    } finally {
      await jobs.close();
    }
  });

  it('cancels a running job when asked (the client went away) and goes on with the next', async () => {
    const jobs = await createAnalysisJobs({ workers: 1, deadlineMs: 30_000, perClient: 10, maxQueued: 10 });
    try {
      const cancel = new AbortController();
      const heavy = jobs.run({ kind: 'record', record: { html: SLOW_HTML }, maxBytes: 1e7 }, { client: 'a', signal: cancel.signal });
      const queued = new AbortController();
      const waiting = jobs.run({ kind: 'record', record: { text: SEED }, maxBytes: 1e7 }, { client: 'a', signal: queued.signal });
      setTimeout(() => {
        cancel.abort();
        queued.abort();
      }, 100);
      await expect(heavy).rejects.toThrow('analysis cancelled');
      await expect(waiting).rejects.toThrow('analysis cancelled');
      const after = await jobs.run({ kind: 'record', record: { text: SEED }, maxBytes: 1e7 }, { client: 'a' });
      expect(after.kind === 'article' && after.prepared.analysis.quotes.length).toBeGreaterThan(0);
      // A parse is a job of the same workers: the stages through deps alone.
      const parsed = await jobs.run({ kind: 'parse', text: 'The Taliban denied it.' }, { client: 'a' });
      expect(parsed.kind === 'parse' && parsed.parse.tokens.map((t) => t.deprel)).toEqual(['det', 'nsubj', 'root', 'obj', 'punct']);
    } finally {
      await jobs.close();
    }
  });
});
