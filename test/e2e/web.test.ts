import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { toArticleJSON, type ArticleJSON } from '../../src/core/article.js';
import type { EntityJSON } from '../../src/core/corpus/types.js';
import { contentId } from '../../src/corpus/ids.js';
import { ingest } from '../../src/corpus/ingest.js';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/corpus/demo.js';
import { openSqliteStore } from '../../src/store/sqlite/index.js';
import type { Store } from '../../src/store/types.js';

/**
 * The web app in Debian's chromium, driven by playwright-core, against the server over the demo
 * corpus: what an analyst does on the first day. Screenshots go to artifacts/e2e/.
 */

const run = promisify(execFile);
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const SEED = readFileSync(join(ROOT, 'demo', 'taliban-denies-sharing-is-intelligence-with-russia.txt'), 'utf8');
const XSS = [
  'Rebels deny attack on <script>window.__xss = "script"</script> convoy',
  '',
  'The rebels denied on Monday that they had attacked the convoy near the border.',
  '',
  '"We did not fire at anyone <img src=x onerror="window.__xss = \'img\'">," spokesman Ali Hassan told reporters.',
].join('\n');

const available = existsSync(CHROMIUM);
if (!available) console.warn(`e2e: skipped: ${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)`);

describe.skipIf(!available)('web app in chromium', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let seed: ArticleJSON;
  let webRoot: string;
  let analyzer: Awaited<ReturnType<typeof createAnalyzer>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    webRoot = join(dir, 'web');
    // As `npm run build:web` builds it (vitest sets NODE_ENV=test, which would give React's development build).
    await run('npx', ['vite', 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--outDir', webRoot, '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    analyzer = await createAnalyzer();
    seed = toArticleJSON(analyzer.run(SEED), { tokens: true });
    store = openSqliteStore(join(dir, 'corpus.db'));
    await seedDemo(store, { analyzer, workers: 0 });
    const records = join(dir, 'xss.jsonl');
    writeFileSync(records, JSON.stringify({ title: 'Rebels deny attack', source: 'Test Wire', text: XSS }));
    await ingest(store, [records], { analyzer, workers: 0 });
    app = buildApp({ store, webRoot, analysis: { workers: 0, analyzer }, allowedHosts: ['127.0.0.1'] });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page that fails the test on any script error or dialog, and records console errors. */
  async function open(width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    return { page, errors };
  }

  async function analyse(page: Page, text: string): Promise<void> {
    await page.goto(base);
    await page.getByLabel('Article text, headline first').fill(text);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('.article-text mark.quote').first().waitFor();
    // The pointer left on the button would hover whatever text comes to lie under it.
    await page.mouse.move(0, 0);
  }

  const background = (page: Page, selector: string) => page.locator(selector).evaluateAll((marks) => marks.map((m) => getComputedStyle(m).backgroundColor));

  it("analyses the seed: Kabulov's quotes in one colour, cues marked, a card with who said it", async () => {
    const { page, errors } = await open();
    await analyse(page, SEED);
    const kabulov = seed.entities.find((e) => e.name === 'Zamir Kabulov');
    const taliban = seed.entities.find((e) => e.name === 'Taliban');
    expect(kabulov && taliban).toBeTruthy();
    const his = seed.quotes.filter((q) => q.speaker === kabulov?.id);
    expect(his.length).toBeGreaterThanOrEqual(3);

    const colours = await background(page, `mark.quote[data-speaker="${kabulov?.id}"]`);
    expect(colours.length).toBeGreaterThanOrEqual(his.length);
    expect(new Set(colours).size).toBe(1);
    const others = await background(page, `mark.quote[data-speaker="${taliban?.id}"]`);
    expect(others.length).toBeGreaterThan(0);
    expect(others).not.toContain(colours[0]);
    expect(await page.locator('.article-text .cue').count()).toBe(seed.quotes.filter((q) => q.cue).length);
    // The text on the page is the article's text, character for character.
    expect(await page.locator('.article-text').evaluate((el) => el.textContent)).toBe(seed.text);
    await page.screenshot({ path: join(ARTIFACTS, 'analyse.png') });

    await page.locator(`mark.quote[data-quote="${his[1].id}"]`).first().hover();
    const card = page.locator('#quote-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.getByTestId('card-speaker').textContent()).toBe('Zamir Kabulov');
    const facts = await card.textContent();
    expect(facts).toContain('special representative for Afghanistan');
    expect(facts).toContain('Russian foreign ministry');
    expect(facts).toContain('asserts');
    expect(facts).toContain('Russian media');
    await page.screenshot({ path: join(ARTIFACTS, 'quote-card.png') });

    // The stored seed, as the README shows it: Kabulov's card open under his first quote.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`${base}/#/articles/${contentId(SEED)}`);
    await page.locator(`mark.quote[data-quote="${his[0].id}"]`).first().hover();
    await expect.poll(() => card.isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'readme.png') });
    expect(errors).toEqual([]);
  });

  it('is keyboard-navigable: Tab reaches the quotes, Enter keeps the card open, Escape closes it', async () => {
    const { page, errors } = await open();
    await analyse(page, SEED);
    const first = page.locator('mark.quote').first();
    expect(await first.getAttribute('tabindex')).toBe('0');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.locator('#quote-card button[aria-label="Close"]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#quote-card').count()).toBe(0);
    // From the top of the page, Tab reaches the skip link, the sections and then the form.
    await page.goto(base);
    await page.getByRole('heading', { name: 'Analyse an article' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('claimgraph');
    expect(errors).toEqual([]);
  });

  it('opens the contradiction and follows it to the other article', async () => {
    const { page, errors } = await open();
    await analyse(page, SEED);
    const [a, b] = seed.contradictions[0].claims;
    const quoteOf = (claim: string) => seed.claims.find((c) => c.id === claim)?.quote;
    const inArticle = page.locator('.side-panel .contradiction').first();
    await inArticle.getByRole('button').nth(1).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-quote'))).toBe(quoteOf(b));
    await inArticle.getByRole('button').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-quote'))).toBe(quoteOf(a));
    await page.screenshot({ path: join(ARTIFACTS, 'contradiction.png') });

    const link = page.locator('.in-corpus a.other-article', { hasText: 'Russia confirms information channel with Taliban against Daesh' }).first();
    const target = new URL((await link.getAttribute('href')) as string, base).hash;
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Russia confirms information channel with Taliban against Daesh' }).waitFor();
    const claim = new URLSearchParams(target.split('?')[1]).get('claim');
    expect(page.url()).toContain(target);
    const other = await (await fetch(`${base}/api/articles/${target.split('/')[2].split('?')[0]}`)).json() as { analysis: ArticleJSON };
    const quote = other.analysis.claims.find((c) => c.id === claim)?.quote;
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-quote'))).toBe(quote);
    await page.screenshot({ path: join(ARTIFACTS, 'other-article.png') });
    expect(errors).toEqual([]);
  });

  it('renders markup in an article as text: nothing in it runs', async () => {
    const { page, errors } = await open();
    await analyse(page, XSS);
    const check = async () => {
      expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();
      expect(await page.locator('.article-text script, .article-text img').count()).toBe(0);
      expect(await page.locator('.article-text').textContent()).toContain('<img src=x onerror=');
    };
    await check();
    await page.screenshot({ path: join(ARTIFACTS, 'xss-analysed.png') });
    await page.goto(`${base}/#/articles/${contentId(XSS)}`);
    await page.locator('.article-text mark.quote').first().waitFor();
    await check();
    expect(errors).toEqual([]);
  });

  it('shows the corpus: story with its copy marked, contradictions board, entity page, network graph, search', async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/#/stories`);
    await page.getByRole('link', { name: 'Taliban denies sharing IS intelligence with Russia' }).click();
    await page.locator('.side-by-side .column').nth(3).locator('mark.quote').first().waitFor();
    expect(await page.locator('.column.is-copy').count()).toBe(1);
    expect(await page.locator('.column.is-copy').textContent()).toContain('syndicated copy');
    expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(ARTIFACTS, 'story.png'), fullPage: true });

    await page.goto(`${base}/#/contradictions`);
    await page.locator('.board').first().waitFor();
    // The strongest group leads (the Taliban's denials of contact against Moscow's assertions); the
    // Taliban spokesman's denials and the Russian envoy's assertion are on the boards.
    expect(await page.locator('.board').first().textContent()).toMatch(/contact: .*Taliban deny/);
    const boards = (await page.locator('.board').allTextContents()).join('\n');
    expect(boards).toContain('Zamir Kabulov');
    expect(boards).toContain('Qari Yusuf Ahmadi');
    await page.screenshot({ path: join(ARTIFACTS, 'contradictions.png') });

    await page.goto(`${base}/#/entities`);
    await page.getByRole('link', { name: 'Zamir Kabulov' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zamir Kabulov' }).waitFor();
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'entity.png'), fullPage: true });

    await page.goto(`${base}/#/network`);
    await page.locator('.graph canvas').first().waitFor();
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'network.png') });

    await page.getByRole('searchbox', { name: 'Search the corpus' }).fill('channels');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Quotes \(\d+\)$/ }).waitFor();
    expect(await page.locator('.statements li').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('names each page in the window title, and survives an address that is not valid percent-encoding', async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/#/contradictions`);
    await page.locator('.board').first().waitFor();
    expect(await page.title()).toBe('Contradictions · claimgraph');
    await page.goto(`${base}/#/articles/${contentId(SEED)}`);
    await page.getByRole('heading', { level: 1, name: 'Taliban denies sharing IS intelligence with Russia' }).waitFor();
    expect(await page.title()).toBe('Taliban denies sharing IS intelligence with Russia · claimgraph');
    await page.goto(`${base}/#/entities/%E0%A4%A`);
    await page.locator('main [role="alert"], main .error').first().waitFor();
    expect(await page.locator('main').textContent()).not.toBe('');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it("shows each entity's actor code in the list and on its page, as the API gives it", async () => {
    const { page, errors } = await open();
    const entities = (await (await fetch(`${base}/api/entities`)).json()) as EntityJSON[];
    const taliban = entities.find((e) => e.name === 'Taliban' && e.type === 'ORG');
    expect(taliban?.code).toBeTruthy();
    await page.goto(`${base}/#/entities`);
    await page.locator('table tbody tr').first().waitFor();
    const headers = await page.locator('table thead th').allTextContents();
    const column = headers.indexOf('Actor code');
    expect(column).toBeGreaterThan(0);
    const row = page.locator('table tbody tr', { has: page.getByRole('link', { name: 'Taliban', exact: true }) }).first();
    expect(await row.locator('td').nth(column).textContent()).toBe(taliban?.code);
    const shown = await page.locator('table tbody tr').evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td')[i].textContent), column);
    expect(shown).toEqual(entities.slice(0, shown.length).map((e) => e.code ?? '—'));
    await row.getByRole('link', { name: 'Taliban', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Taliban' }).waitFor();
    expect(await page.locator('main p.muted .actor-code').first().textContent()).toBe(taliban?.code);
    expect(errors).toEqual([]);
  });

  it("lists an article's events, source → code → target, and colours the network's edges by PLOVER type", async () => {
    const { page, errors } = await open();
    await page.goto(`${base}/#/articles/${contentId(SEED)}`);
    await page.locator('.article-text mark.quote').first().waitFor();
    const events = page.locator('.side-panel li.event');
    expect(await page.locator('#events-heading').textContent()).toBe(`Events (${seed.events.length})`);
    expect(await events.count()).toBe(seed.events.length);
    const nameOf = (id: string | null) => seed.entities.find((e) => e.id === id)?.name;
    for (const [i, e] of seed.events.entries()) {
      const [source, code, target] = (await events.nth(i).textContent())?.split(' → ') ?? [];
      if (e.source?.entity) expect(source.startsWith(nameOf(e.source.entity) as string)).toBe(true);
      expect(code.startsWith(`${e.code} `)).toBe(true);
      if (e.target?.entity) expect(target.startsWith(nameOf(e.target.entity) as string)).toBe(true);
      expect(await events.nth(i).getAttribute('data-plover')).toBe(e.plover?.type ?? 'none');
    }

    await page.goto(`${base}/#/network`);
    await page.locator('.graph canvas').first().waitFor();
    const colours = await page.locator('.graph').evaluate(async (box) => {
      const cy = (box as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
      return cy.edges().map((e) => [e.data('plover') ?? 'none', e.style('line-color')] as [string, string]);
    });
    const byType = new Map<string, Set<string>>();
    for (const [type, colour] of colours) byType.set(type, (byType.get(type) ?? new Set()).add(colour));
    expect(byType.size).toBeGreaterThan(2);
    // One colour per PLOVER type, a different one for each type.
    for (const set of byType.values()) expect(set.size).toBe(1);
    expect(new Set([...byType.values()].map((set) => [...set][0])).size).toBe(byType.size);
    expect(errors).toEqual([]);
  });

  it('reads a long list a page at a time: the first 100 articles, then the rest on request, by keyboard', async () => {
    const many = openSqliteStore(join(dir, 'many.db'));
    const records = join(dir, 'many.jsonl');
    const lines = Array.from({ length: 105 }, (_, k) => JSON.stringify({ title: `Council notice ${k}`, source: 'Town Wire', published: `2026-01-${String(1 + (k % 28)).padStart(2, '0')}`, text: `Council notice ${k}\n\nThe council said on Monday that road ${k} would close for repairs.` }));
    writeFileSync(records, lines.join('\n'));
    await ingest(many, [records], { analyzer, workers: 0 });
    const other = buildApp({ store: many, webRoot, analysis: { workers: 0, analyzer }, allowedHosts: ['127.0.0.1'] });
    try {
      const otherBase = await other.listen({ host: '127.0.0.1', port: 0 });
      const { page, errors } = await open();
      await page.goto(`${otherBase}/#/articles`);
      const rows = page.locator('table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(100);
      const more = page.getByRole('button', { name: 'Show 100 more articles' });
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => rows.count()).toBe(105);
      expect(await more.count()).toBe(0);
      expect(new Set(await page.locator('td.headline a').allTextContents()).size).toBe(105);
      expect(errors).toEqual([]);
    } finally {
      await other.close();
      await many.close();
    }
  });

  it('works on a phone: articles as cards, a scroll hint on the story matrix, readable labels apart, distinct type colours, whole badges', async () => {
    const { page, errors } = await open(390, 844);
    await page.goto(`${base}/#/articles`);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    // Each article is a card as wide as the list, its story shown whole, nothing to scroll sideways.
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const list = await wrap.boundingBox();
    for (const row of await rows.all()) {
      const card = await row.boundingBox();
      expect(card && list && card.width).toBeGreaterThan((list?.width ?? 0) - 4);
      const story = await row.locator('td[data-label="Story"] a').boundingBox();
      expect(story && story.x + story.width).toBeLessThanOrEqual(390);
      expect((await row.locator('td.headline').boundingBox())?.width).toBeGreaterThan(300);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTIFACTS, 'articles-phone.png') });

    await page.goto(`${base}/#/stories/s${contentId(SEED)}`);
    const matrix = page.locator('.table-wrap:has(table.matrix)');
    await matrix.waitFor();
    expect(await matrix.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect.poll(() => page.locator('.scroll-hint').isVisible()).toBe(true);
    expect(await matrix.getAttribute('tabindex')).toBe('0');
    await page.screenshot({ path: join(ARTIFACTS, 'story-phone.png') });

    await page.goto(`${base}/#/contradictions`);
    const badge = page.locator('.board h2 .badge').first();
    await badge.waitFor();
    // The badge's word sits inside its pill with as much room on either side.
    const room = await badge.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const pill = el.getBoundingClientRect();
      return { left: text.left - pill.left, right: pill.right - text.right };
    });
    expect(room.left).toBeGreaterThan(0);
    expect(room.right).toBeGreaterThan(0);
    expect(Math.abs(room.left - room.right)).toBeLessThan(1.5);

    await page.goto(`${base}/#/network`);
    await page.locator('.graph canvas').first().waitFor();
    const labels = () =>
      page.locator('.graph').evaluate((box) => {
        const cy = (box as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
        const shown = cy.nodes().filter((n) => n.data('shown') !== '');
        const boxes = shown.map((n) => n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }));
        const view = cy.extent();
        const meet = (a: { x1: number; x2: number; y1: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
        let overlaps = 0;
        boxes.forEach((a, i) => boxes.forEach((b, j) => void (i < j && meet(a, b) && overlaps++)));
        // No label covers another node (its own it keeps a gap from).
        shown.forEach((n, i) => {
          cy.nodes().forEach((other) => void (other !== n && meet(boxes[i], other.boundingBox({ includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false })) && overlaps++));
        });
        const outside = boxes.filter((b) => b.x1 < view.x1 || b.x2 > view.x2 || b.y1 < view.y1 || b.y2 > view.y2).length;
        const fonts = shown.map((n) => parseFloat(n.renderedStyle('font-size')));
        return { nodes: cy.nodes().length, shown: shown.length, overlaps, outside, smallest: Math.min(...fonts) };
      });
    // Once the layout has settled (labels are placed again after the view moves).
    const settled = async () => {
      const { overlaps, outside } = await labels();
      return { overlaps, outside };
    };
    await expect.poll(settled).toEqual({ overlaps: 0, outside: 0 });
    const placed = await labels();
    expect(placed.smallest).toBeGreaterThan(11.99);
    expect(placed.shown).toBeGreaterThanOrEqual(Math.min(8, placed.nodes));
    // Zooming in makes room: more labels, still apart.
    await page.locator('.graph').evaluate((box) => {
      const cy = (box as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
      cy.zoom({ level: cy.zoom() * 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await expect.poll(async () => (await labels()).smallest).toBeGreaterThan(11.99);
    await expect.poll(settled).toEqual({ overlaps: 0, outside: 0 });
    await page.screenshot({ path: join(ARTIFACTS, 'network-phone.png') });

    // Node colours: every type its own, GPE and LOC far apart.
    const dots = await page.locator('ul[aria-label="Node colours"] li').evaluateAll((items) =>
      items.map((li) => [li.textContent, getComputedStyle(li.querySelector('.dot') as Element).backgroundColor] as [string, string]),
    );
    const rgb = new Map(dots.map(([type, colour]) => [type, (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number)]));
    const distance = (a: string, b: string) => Math.hypot(...(rgb.get(a) ?? []).map((v, i) => v - (rgb.get(b) ?? [])[i]));
    const types = [...rgb.keys()];
    expect(types).toEqual(expect.arrayContaining(['GPE', 'LOC', 'PERSON', 'ORG']));
    for (const a of types) for (const b of types) if (a < b) expect(distance(a, b), `${a} vs ${b}`).toBeGreaterThan(60);
    expect(distance('GPE', 'LOC')).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it('says how to ingest on the Articles and Network pages of an empty corpus', async () => {
    const emptyStore = openSqliteStore(join(dir, 'empty.db'));
    const emptyApp = buildApp({ store: emptyStore, webRoot, analysis: { workers: 0, analyzer }, allowedHosts: ['127.0.0.1'] });
    try {
      const emptyBase = await emptyApp.listen({ host: '127.0.0.1', port: 0 });
      const { page, errors } = await open(390, 844);
      for (const section of ['articles', 'network']) {
        await page.goto(`${emptyBase}/#/${section}`);
        const hint = page.locator('.empty-corpus');
        await hint.waitFor();
        expect(await hint.textContent()).toContain('claimgraph ingest');
        expect(await page.locator('main table, main .graph').count()).toBe(0);
        await page.screenshot({ path: join(ARTIFACTS, `empty-${section}.png`) });
      }
      expect(errors).toEqual([]);
    } finally {
      await emptyApp.close();
      await emptyStore.close();
    }
  });

  /** The words and relations of the seed's sentence `k`, as the server's analysis parses it. */
  const parseOf = (k: number) => {
    const sentence = (seed.sentences ?? [])[k];
    const tokens = (seed.tokens ?? []).slice(sentence.tokenStart, sentence.tokenEnd);
    return { text: seed.text.slice(sentence.start, sentence.end), words: tokens.map((t) => t.text), relations: tokens.filter((t) => t.head >= 0).map((t) => t.deprel) };
  };
  const treeWords = (page: Page) => page.locator('.dep-tree .dep-word').allTextContents();
  const treeLabels = (page: Page) => page.locator('.dep-tree .dep-label:not(.root-label)').allTextContents();
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-sentence') ?? document.activeElement?.className);

  it("opens a stored article's sentence tree by keyboard: words, relations, root, a list for screen readers; Escape closes it", async () => {
    const { page, errors } = await open(1280, 800);
    await page.goto(`${base}/#/articles/${contentId(SEED)}`);
    await page.locator('.article-text mark.quote').first().waitFor();
    const toggle = page.getByRole('button', { name: 'Sentence trees' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The browser cuts the same sentences as the server's pipeline, and they cost one Tab stop.
    expect(await page.locator('.sentence').count()).toBe(seed.sentences?.length);
    expect(await page.locator('.parse-sentences').textContent()).toBe(seed.text);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('2');
    await page.keyboard.press('Enter');
    const expected = parseOf(2);
    expect(await page.locator('.sentence[data-sentence="2"]').textContent()).toBe(expected.text);
    await expect.poll(() => treeWords(page)).toEqual(expected.words);
    expect((await treeLabels(page)).sort()).toEqual([...expected.relations].sort());
    expect(await page.locator('.dep-tree .dep-word.is-root').count()).toBe(1);
    expect(await page.locator('.dep-tree .root-label').textContent()).toBe('root');
    const list = await page.locator('.dep-tree ol li').allTextContents();
    expect(list).toHaveLength(expected.words.length);
    expect(list.filter((item) => item.includes(' → '))).toHaveLength(expected.relations.length);
    expect(list.some((item) => item.endsWith('root of the sentence'))).toBe(true);
    expect(await page.locator('.sentence[data-sentence="2"]').getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toBe('dep-tree');
    await page.screenshot({ path: join(ARTIFACTS, 'sentence-tree.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.dep-tree').count()).toBe(0);
    expect(await focused(page)).toBe('2');
    // A click opens another sentence; the close button closes it.
    await page.locator('.sentence[data-sentence="5"]').click();
    await expect.poll(() => treeWords(page)).toEqual(parseOf(5).words);
    await page.locator('.dep-tree').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'sentence-tree-click.png') });
    await page.getByRole('button', { name: 'Close the parse' }).click();
    await expect.poll(() => page.locator('.dep-tree').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a long sentence tree on a phone, scrolling inside its own box and not the page', async () => {
    const { page, errors } = await open(390, 844);
    await analyse(page, SEED);
    await page.getByRole('button', { name: 'Sentence trees' }).click();
    await page.locator('.sentence[data-sentence="1"]').click();
    await expect.poll(() => treeWords(page)).toEqual(parseOf(1).words);
    const scroller = page.locator('.dep-tree-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('.dep-tree').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'sentence-tree-phone.png') });
    // Keyboard users scroll the diagram from its box.
    await scroller.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('fits a phone: no sideways scrolling, the side panel under the text', async () => {
    const { page, errors } = await open(390, 844);
    await analyse(page, SEED);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const text = await page.locator('.article-body').boundingBox();
    const panel = await page.locator('.side-panel').boundingBox();
    expect(panel && text && panel.y >= text.y + text.height).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'phone.png') });
    expect(errors).toEqual([]);
  });
});
