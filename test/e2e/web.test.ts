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

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimgraph-e2e-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const webRoot = join(dir, 'web');
    // As `npm run build:web` builds it (vitest sets NODE_ENV=test, which would give React's development build).
    await run('npx', ['vite', 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--outDir', webRoot, '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    const analyzer = await createAnalyzer();
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
    expect(await page.locator('.board').first().textContent()).toContain('Qari Yusuf Ahmadi');
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
