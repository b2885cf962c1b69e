import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import { CONTRADICTION_THRESHOLD } from '../src/core/corpus/claims.js';
import { seedDemo } from '../src/corpus/demo.js';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { Store } from '../src/store/types.js';

/**
 * One unit of contradictions everywhere: for the demo corpus, /api/health, the web app's
 * Contradictions page and `claimgraph demo` give the same number, the claim pairs scoring at least
 * the threshold (docs/corpus.md).
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`contradiction count: skipped: ${CHROMIUM} not found (apt-get install chromium)`);

describe.skipIf(!available)('the demo corpus has one contradiction count', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-count-'));
    const webRoot = join(dir, 'web');
    await run('npx', ['vite', 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--outDir', webRoot, '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    const analyzer = await createAnalyzer();
    store = openSqliteStore(join(dir, 'demo.db'));
    await seedDemo(store, { analyzer, workers: 0 });
    app = buildApp({ store, webRoot, analysis: { workers: 0, analyzer }, allowedHosts: ['127.0.0.1'] });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('/api/health, the Contradictions page and claimgraph demo agree: pairs scoring at least the threshold', async () => {
    const edges = await store.edges();
    const expected = edges.filter((e) => e.score >= CONTRADICTION_THRESHOLD).length;
    // The demo corpus has weaker pairs too, so a count of all pairs would differ.
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(edges.length);
    const propositions = (await store.contradictions()).length;
    expect(propositions).toBeLessThan(expected);

    const health = (await (await fetch(`${base}/api/health`)).json()) as { contradictions: number };

    const page = await browser.newPage();
    await page.goto(`${base}/#/contradictions`);
    const summary = page.locator('.contradiction-count');
    await summary.waitFor();
    const onPage = Number((await summary.locator('strong').textContent())?.match(/^(\d+) contradictions?$/)?.[1]);

    const { stdout } = await run('node', [join(ROOT, 'bin', 'claimgraph.js'), 'demo'], { cwd: ROOT });
    const corpus = stdout.slice(stdout.indexOf('Demo corpus'));
    const inDemo = Number(corpus.match(/(\d+) contradictions? \(claim pairs scoring ≥ 0\.5\) on (\d+) propositions?/)?.[1]);
    expect(corpus.match(/on (\d+) propositions?/)?.[1]).toBe(String(propositions));

    expect({ health: health.contradictions, page: onPage, demo: inDemo }).toEqual({ health: expected, page: expected, demo: expected });

    // With the weaker pairs shown, the page still counts contradictions apart from them.
    await page.getByLabel(/Also show weak pairs/).check();
    await expect.poll(() => summary.textContent()).toContain(`and ${edges.length - expected} weaker pair`);
    expect(await summary.locator('strong').textContent()).toBe(`${expected} contradictions`);
  });
});
