import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { toArticleJSON, type ArticleJSON, type ParseJSON } from '../core/article.js';
import type { Pipeline } from '../core/pipeline.js';
import { contentId } from '../corpus/ids.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { buildApp, type AppOptions } from './app.js';
import { withFileNames } from './corpus-view.js';
import { seedDemo } from '../corpus/demo.js';
import { compressAssets } from './compress-assets.js';
import { MAX_PARSE_CHARS } from './routes/parse.js';
import type { AnalysisInCorpusJSON, ArticleDetailJSON, ArticleSummaryJSON, EntityDetailJSON, IngestResultJSON, NetworkJSON, StoryDetailJSON } from './types.js';

/** The HTTP API over the demo corpus in a real SQLite file, through `app.inject()` (no socket). */

const SEED = readFileSync(new URL('../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');
const SEED_ID = contentId(SEED);
const ARTICLE_SCHEMA = JSON.parse(readFileSync(new URL('../../docs/schema/article.schema.json', import.meta.url), 'utf8'));
const TOKEN = 'test-token-5f2c';
const XSS = 'Rebels deny attack on <script>alert(1)</script> convoy\n\nThe rebels denied on Monday that they attacked the convoy. "We did not fire at anyone <img src=x onerror=alert(2)>," spokesman Ali Hassan told reporters.';
const DENIAL = 'Taliban deny contact with Russia\n\nThe Taliban denied on Sunday having any contact with Russia, rejecting claims by Moscow that the two sides exchange information about the Islamic State group.\n\n"We have no contact with Russia," spokesman Qari Yusuf Ahmadi said.';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-server-'));
let analyzer: Pipeline;
let store: Store;
let app: FastifyInstance;
let page: Server;
let pageUrl: string;
let pageRequests = 0;
let ip = 0;
/** Each analysis request from its own address, so the per-IP rate limit counts only where a test means it to. */
const nextIp = (): string => `10.0.0.${++ip}`;

function appWith(options: Partial<AppOptions> = {}): FastifyInstance {
  // The test page is served on loopback, which only --allow-private-urls lets the server fetch.
  return buildApp({ store, token: TOKEN, analysis: { workers: 0, analyzer, urlPolicy: { allowPrivate: true } }, refreshMs: 0, ...options });
}

async function get<T>(url: string): Promise<T> {
  const response = await app.inject({ url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
}

beforeAll(async () => {
  analyzer = await createAnalyzer();
  store = openSqliteStore(join(dir, 'corpus.db'));
  await seedDemo(store, { analyzer, workers: 0 });
  app = appWith();
  await app.ready();
  page = createServer((request, response) => {
    pageRequests += 1;
    if (request.url === '/article.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html><head><title>Kabulov confirms channel</title></head><body><article><h1>Kabulov confirms channel</h1><p>${SEED.split('\n\n').slice(1, 8).join('</p><p>')}</p></article></body></html>`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(page.address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => page?.close(resolve));
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('read routes', () => {
  it('GET /api/health counts what the store holds', async () => {
    const counts = await store.count();
    expect(await get('/api/health')).toMatchObject({ status: 'ok', articles: counts.articles, claims: counts.claims, contradictions: counts.contradictions });
    expect(counts.articles).toBe(5);
  });

  it('GET /api/articles lists every stored article with its story, and /:id gives the analysis and the canonical entities', async () => {
    const list = await get<ArticleSummaryJSON[]>('/api/articles');
    const stories = await store.stories();
    expect(list.map((a) => a.id).sort()).toEqual(stories.flatMap((s) => s.articles.map((a) => a.id)).sort());
    const seed = list.find((a) => a.id === SEED_ID) as ArticleSummaryJSON;
    expect(seed.storyLabel).toBe('Taliban denies sharing IS intelligence with Russia');
    // The store keeps the absolute path; the API shows the file name only.
    const storedPath = stories.flatMap((s) => s.articles).find((a) => a.id === SEED_ID)?.path;
    expect(storedPath).toMatch(/^\/.*\/taliban-denies-sharing-is-intelligence-with-russia\.txt$/);
    expect(seed.path).toBe('taliban-denies-sharing-is-intelligence-with-russia.txt');
    for (const article of list) expect(article.path ?? '', article.id).not.toContain('/');

    const detail = await get<ArticleDetailJSON>(`/api/articles/${SEED_ID}`);
    expect(detail.analysis).toEqual((await store.article(SEED_ID))?.analysis);
    expect(detail.entities).toEqual((await store.article(SEED_ID))?.entities);
    expect(Object.keys(detail.entities).length).toBeGreaterThan(5);
  });

  it("an article's contradictions lead to the claims of other articles", async () => {
    const detail = await get<ArticleDetailJSON>(`/api/articles/${SEED_ID}`);
    expect(detail.contradictions.length).toBeGreaterThan(0);
    for (const c of detail.contradictions) {
      expect(c.other.article).not.toBe(SEED_ID);
      expect(detail.analysis.claims.some((claim) => claim.id === c.claim)).toBe(true);
      const other = await get<ArticleDetailJSON>(`/api/articles/${c.other.article}`);
      expect(other.analysis.text.slice(c.other.start, c.other.end)).toBe(c.other.text);
    }
    expect(detail.contradictions.map((c) => c.other.title)).toContain('Russia confirms information channel with Taliban against Daesh');
  });

  it('answers 404 for an id the corpus does not hold', async () => {
    for (const url of ['/api/articles/nope', '/api/entities/nope', '/api/stories/nope']) {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('GET /api/entities filters by name and type as the store does, and refuses an unknown type', async () => {
    const kabulov = await get<Array<{ id: string; name: string }>>('/api/entities?q=kabulov&type=PERSON');
    expect(kabulov).toEqual(await store.entities({ q: 'kabulov', type: 'PERSON' }));
    expect(kabulov.map((e) => e.name)).toEqual(['Zamir Kabulov']);
    expect(await get('/api/entities?limit=3')).toEqual(await store.entities({ limit: 3 }));
    // Actor codes go out with the entities, as the store chose them.
    const coded = (await store.entities()).filter((e) => e.code !== null);
    expect(coded.length).toBeGreaterThan(0);
    expect(await get('/api/entities')).toEqual(expect.arrayContaining(coded));
    expect((await app.inject({ url: '/api/entities?type=ALIEN' })).statusCode).toBe(400);
  });

  it('GET /api/entities/:id gives what the entity said, what was said about it, and a timeline', async () => {
    const [kabulov] = await store.entities({ q: 'kabulov' });
    const { entity, said, about, timeline } = await get<EntityDetailJSON>(`/api/entities/${kabulov.id}`);
    expect(entity).toEqual(kabulov);
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((s) => s.speaker?.id === kabulov.id)).toBe(true);
    expect(about.every((s) => s.speaker?.id !== kabulov.id)).toBe(true);
    const counted = (list: typeof said) => list.filter((s) => !s.duplicate).length;
    expect(timeline.reduce((n, d) => n + d.said, 0)).toBe(counted(said));
    expect(timeline.reduce((n, d) => n + d.about, 0)).toBe(counted(about));

    const [taliban] = await store.entities({ q: 'taliban', type: 'ORG', limit: 1 });
    const aboutTaliban = await get<EntityDetailJSON>(`/api/entities/${taliban.id}`);
    expect(aboutTaliban.entity.code).toBe(taliban.code);
    expect(taliban.code).not.toBeNull();
    expect(aboutTaliban.about.some((s) => s.speaker?.id === kabulov.id && s.stance === 'assert')).toBe(true);
    expect(aboutTaliban.said.some((s) => s.stance === 'deny')).toBe(true);

    // A much quoted entity's page holds its latest statements, with the totals; the timeline counts all.
    const whole = await get<EntityDetailJSON>(`/api/entities/${kabulov.id}`);
    expect(whole.saidTotal).toBe(whole.said.length);
    expect(whole.said.length).toBeGreaterThan(1);
    const latest = await get<EntityDetailJSON>(`/api/entities/${kabulov.id}?limit=1`);
    expect(latest.said).toEqual(whole.said.slice(-1));
    expect(latest.saidTotal).toBe(whole.saidTotal);
    expect(latest.timeline).toEqual(whole.timeline);
  });

  it('GET /api/quotes, /api/stories and /api/contradictions return what the store returns', async () => {
    expect(await get('/api/quotes?speaker=Kabulov&q=channels')).toEqual(await store.quotes({ speaker: 'Kabulov', q: 'channels' }));
    expect(await get('/api/quotes?limit=5')).toEqual(await store.quotes({ limit: 5 }));
    expect(await get('/api/stories')).toEqual(withFileNames(await store.stories()));
    expect(await get('/api/stories?q=maize')).toEqual(withFileNames(await store.stories({ q: 'maize' })));
    expect(await get('/api/contradictions')).toEqual(await store.contradictions());
  });

  it('pages every list with limit and offset, as the store does', async () => {
    const articles = await get<unknown[]>('/api/articles');
    expect(articles.length).toBeGreaterThan(2);
    expect(await get('/api/articles?limit=2&offset=1')).toEqual(articles.slice(1, 3));
    expect(await get('/api/entities?limit=2&offset=2')).toEqual(await store.entities({ limit: 2, offset: 2 }));
    expect(await get('/api/quotes?limit=2&offset=3')).toEqual(await store.quotes({ limit: 2, offset: 3 }));
    const stories = withFileNames(await store.stories());
    expect(stories.length).toBeGreaterThan(1);
    expect(await get('/api/stories?limit=1&offset=1')).toEqual(stories.slice(1, 2));
    expect(await get('/api/stories?articles=1')).toEqual(stories.map((s) => ({ ...s, articles: s.articles.slice(0, 1) })));
    expect(stories[0].size).toBeGreaterThan(1);
    const groups = await store.contradictions({ all: true });
    expect(groups.length).toBeGreaterThan(1);
    expect(await get('/api/contradictions?all=true&limit=1&offset=1')).toEqual(groups.slice(1, 2));
    const refused = await app.inject({ method: 'GET', url: '/api/stories?offset=-1' });
    expect(refused.statusCode).toBe(400);
  });

  it("GET /api/stories/:id sets the story's speakers against its matters", async () => {
    const [story] = withFileNames(await store.stories());
    const { story: body, matrix } = await get<StoryDetailJSON>(`/api/stories/${story.id}`);
    expect(body).toEqual(story);
    const speakers = new Map(matrix.speakers.map((s) => [s.id, s.name]));
    for (const cell of matrix.cells) {
      expect(speakers.has(cell.speaker)).toBe(true);
      expect(matrix.propositions[cell.proposition]).toBeDefined();
      expect(cell.claims.every((c) => story.articles.some((a) => a.id === c.article && !a.duplicateOf))).toBe(true);
    }
    const sharing = matrix.propositions.findIndex((p) => p.code === '064');
    const stances = (name: string) => matrix.cells.filter((c) => speakers.get(c.speaker) === name && c.proposition === sharing).map((c) => c.stance);
    expect(stances('Taliban')).toContain('deny');
    expect(stances('Zamir Kabulov')).toContain('assert');
  });

  it('GET /api/network has an edge per speaker, entity, stance and PLOVER type, for the four stances only', async () => {
    const { nodes, edges } = await get<NetworkJSON>('/api/network');
    const ids = new Set(nodes.map((n) => n.id));
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(['assert', 'deny', 'condemn', 'accuse']).toContain(e.stance);
      expect(ids.has(e.source) && ids.has(e.target) && e.source !== e.target).toBe(true);
    }
    const name = new Map(nodes.map((n) => [n.id, n.name]));
    expect(edges.some((e) => name.get(e.source) === 'Taliban' && e.stance === 'deny' && name.get(e.target) === 'Russia')).toBe(true);
    expect(new Set(edges.map((e) => `${e.source} ${e.target} ${e.stance} ${e.plover}`)).size).toBe(edges.length);
    // The strongest edges first, and as many as asked for, with the total.
    expect(edges.map((e) => e.claims)).toEqual([...edges.map((e) => e.claims)].sort((a, b) => b - a));
    const strongest = await get<NetworkJSON>('/api/network?limit=2');
    expect(strongest.edges).toEqual(edges.slice(0, 2));
    expect(strongest.total).toBe(edges.length);
    expect(new Set(strongest.nodes.map((n) => n.id))).toEqual(new Set(strongest.edges.flatMap((e) => [e.source, e.target])));
    expect((await app.inject({ url: '/api/network?limit=0' })).statusCode).toBe(400);
  });

  it('GET /api/search searches entities, quotes and stories, and needs q', async () => {
    const body = await get<{ entities: unknown[]; quotes: unknown[]; stories: unknown[] }>('/api/search?q=channel');
    expect(body.quotes).toEqual(await store.quotes({ q: 'channel', limit: 50 }));
    expect(body.stories).toEqual(withFileNames(await store.stories({ q: 'channel' })));
    expect((await app.inject({ url: '/api/search' })).statusCode).toBe(400);
  });
});

describe('POST /api/analyze', () => {
  const analyse = (payload: unknown, url = '/api/analyze') => app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: nextIp() });

  it('returns the article JSON of docs/schema, the same as the CLI gives, without storing it', async () => {
    const before = await store.count();
    const response = await analyse({ text: DENIAL });
    expect(response.statusCode).toBe(200);
    const article = response.json() as ArticleJSON;
    const validate = new Ajv2020({ strict: false }).compile(ARTICLE_SCHEMA);
    expect(validate(article), JSON.stringify(validate.errors)).toBe(true);
    expect(article).toEqual(toArticleJSON(analyzer.run(DENIAL)));
    expect(await store.count()).toEqual(before);
  });

  it('reads an HTML page given as html, and one fetched from a URL', async () => {
    const html = `<html><head><title>Kabulov confirms channel</title></head><body><article><h1>Kabulov confirms channel</h1><p>${SEED.split('\n\n')[5]}</p><p>${SEED.split('\n\n')[6]}</p></article></body></html>`;
    const fromHtml = (await analyse({ html })).json() as ArticleJSON;
    expect(fromHtml.text.startsWith('Kabulov confirms channel')).toBe(true);
    expect(fromHtml.text).not.toContain('<p>');

    const fetched = await analyse({ url: `${pageUrl}/article.html` });
    expect(fetched.statusCode).toBe(200);
    const article = fetched.json() as ArticleJSON;
    expect(article.meta.title).toBe('Kabulov confirms channel');
    expect(article.entities.some((e) => e.name === 'Zamir Kabulov')).toBe(true);
  });

  it('refuses what cannot be analysed with the catalogue code, and malformed requests with 400', async () => {
    const missing = await analyse({ url: `${pageUrl}/gone.html` });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'CG_E009' });
    expect((await analyse({ text: '   ' })).json()).toMatchObject({ statusCode: 422, code: 'CG_E002' });
    expect((await analyse({ text: 'Der Bundestag hat am Freitag beschlossen, dass die Regierung die Steuern nicht erhöhen wird, und die Opposition hat das kritisiert.' })).json()).toMatchObject({ code: 'CG_E008' });
    for (const payload of [{}, { title: 'no body' }, { url: 'file:///etc/passwd' }, { url: 'ftp://example.org/a' }, { text: 1 }, { text: 'a', extra: true }]) {
      expect((await analyse(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const json = { 'content-type': 'application/json' };
    const proto = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text": "a", "__proto__": {"x": 1}}', headers: json, remoteAddress: nextIp() });
    expect(proto.json()).toMatchObject({ statusCode: 400, message: 'the body holds a "__proto__" key, which is refused (it could change the prototypes of objects)' });
    const constructor = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text": "a", "x": {"constructor": {"prototype": {}}}}', headers: json, remoteAddress: nextIp() });
    expect(constructor.json().message).toContain('"constructor.prototype" key');
    const broken = await app.inject({ method: 'POST', url: '/api/analyze', payload: '{"text": ', headers: json, remoteAddress: nextIp() });
    expect(broken.json()).toMatchObject({ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: expect.stringMatching(/^the body is not valid JSON: /) });
    const plain = await app.inject({ method: 'POST', url: '/api/analyze', payload: SEED, headers: { 'content-type': 'text/plain' }, remoteAddress: nextIp() });
    expect(plain.statusCode).toBe(415);
  });

  it('refuses URLs of this machine or its network before fetching them (SSRF), and malformed URLs with 400', async () => {
    const strict = appWith({ analysis: { workers: 0, analyzer } });
    const before = pageRequests;
    for (const url of [`${pageUrl}/article.html`, `http://2130706433/`, `http://[::ffff:127.0.0.1]/`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/']) {
      const refused = await strict.inject({ method: 'POST', url: '/api/analyze', payload: { url }, remoteAddress: nextIp() });
      expect(refused.statusCode, url).toBe(422);
      expect(refused.json().message).toMatch(/^CG_E009: refused to fetch /);
    }
    expect(pageRequests).toBe(before);
    for (const url of ['http://[::1', 'http://', 'http://a b/']) {
      const malformed = await strict.inject({ method: 'POST', url: '/api/analyze', payload: { url }, remoteAddress: nextIp() });
      expect(malformed.statusCode, url).toBe(400);
      expect(malformed.json()).toMatchObject({ code: 'CG_E009', message: expect.stringMatching(/^CG_E009: not a valid http or https URL/) });
    }
    await strict.close();
  });

  it('with /corpus: says a stored article is stored, and sets a new one against the corpus', async () => {
    const stored = (await analyse({ text: SEED }, '/api/analyze/corpus')).json() as AnalysisInCorpusJSON;
    expect(stored.corpus).toMatchObject({ id: SEED_ID, stored: true, story: { label: 'Taliban denies sharing IS intelligence with Russia' } });
    expect(stored.corpus.contradictions).toEqual((await get<ArticleDetailJSON>(`/api/articles/${SEED_ID}`)).contradictions);

    const before = await store.count();
    const fresh = (await analyse({ text: DENIAL }, '/api/analyze/corpus')).json() as AnalysisInCorpusJSON;
    expect(fresh.corpus.stored).toBe(false);
    expect(fresh.corpus.story?.label).toBe('Taliban denies sharing IS intelligence with Russia');
    expect(fresh.corpus.contradictions.length).toBeGreaterThan(0);
    for (const c of fresh.corpus.contradictions) {
      expect(fresh.article.claims.find((claim) => claim.id === c.claim)?.stance).toBe('deny');
      expect(['assert', 'accuse']).toContain(c.other.stance);
      expect(c.other.article).not.toBe(fresh.corpus.id);
    }
    expect(await store.count()).toEqual(before);
  });

  it('returns markup in an article as data: the text holds it verbatim, as JSON', async () => {
    const response = await analyse({ text: XSS });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const article = response.json() as ArticleJSON;
    expect(article.text).toBe(XSS);
    expect(article.text).toContain('<script>alert(1)</script>');
    expect(article.quotes.some((q) => q.content.text.includes('<img src=x onerror=alert(2)>'))).toBe(true);
  });
});

describe('POST /api/parse', () => {
  const parse = (payload: unknown, on: FastifyInstance = app) => on.inject({ method: 'POST', url: '/api/parse', payload: payload as object, remoteAddress: nextIp() });

  it("gives each sentence of the seed the parse the article's own analysis has, in the article JSON's shape", async () => {
    const article = toArticleJSON(analyzer.run(SEED), { tokens: true });
    const sentences = article.sentences ?? [];
    expect(sentences.length).toBeGreaterThan(10);
    const validate = new Ajv2020({ strict: false }).compile({ ...ARTICLE_SCHEMA, required: ['sentences', 'tokens'] });
    for (const sentence of sentences) {
      const text = SEED.slice(sentence.start, sentence.end);
      const response = await parse({ text });
      expect(response.statusCode, response.body).toBe(200);
      const parsed = response.json() as ParseJSON;
      expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
      expect(parsed.sentences).toEqual([{ start: 0, end: text.length, tokenStart: 0, tokenEnd: sentence.tokenEnd - sentence.tokenStart }]);
      // The same tokens, tags and tree, with offsets and heads counted from the sentence. Only the
      // UPOS of names may differ: the entities stage, after the parse, marks them PROPN.
      const inArticle = (article.tokens ?? []).slice(sentence.tokenStart, sentence.tokenEnd);
      expect(parsed.tokens.map(({ upos: _upos, ...t }) => t), text).toEqual(inArticle.map(({ upos: _upos, ...t }) => ({
        ...t,
        start: t.start - sentence.start,
        end: t.end - sentence.start,
        head: t.head < 0 ? -1 : t.head - sentence.tokenStart,
      })));
      parsed.tokens.forEach((t, i) => t.upos !== inArticle[i].upos && expect(inArticle[i].upos, t.text).toBe('PROPN'));
      for (const t of parsed.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('parses a paragraph into its sentences, one root each', async () => {
    const paragraph = 'The Taliban denied any contact with Russia. "We have no contact," spokesman Qari Yusuf Ahmadi said on Sunday.';
    const parsed = (await parse({ text: paragraph })).json() as ParseJSON;
    expect(parsed.sentences.map((s) => paragraph.slice(s.start, s.end))).toEqual(['The Taliban denied any contact with Russia.', '"We have no contact," spokesman Qari Yusuf Ahmadi said on Sunday.']);
    for (const s of parsed.sentences) {
      const roots = parsed.tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.head === -1);
      expect(roots).toHaveLength(1);
      expect(roots[0].deprel).toBe('root');
      for (const t of parsed.tokens.slice(s.tokenStart, s.tokenEnd)) if (t.head >= 0) expect(t.head >= s.tokenStart && t.head < s.tokenEnd).toBe(true);
    }
    expect((await parse({ text: ' \n ' })).json()).toEqual({ sentences: [], tokens: [] });
  });

  it('refuses a text over a paragraph with 413 and CG_E004, and malformed requests with 400', async () => {
    const long = await parse({ text: 'word '.repeat(MAX_PARSE_CHARS / 5 + 1) });
    expect(long.statusCode).toBe(413);
    expect(long.json()).toMatchObject({ statusCode: 413, code: 'CG_E004' });
    expect(long.json().message).toMatch(/at most 5,000/);
    expect((await parse({ text: 'x'.repeat(MAX_PARSE_CHARS) })).statusCode).toBe(200);
    for (const payload of [{}, { text: '' }, { text: 1 }, { text: 'a', extra: true }, { html: '<p>a</p>' }]) {
      const response = await parse(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json()).toMatchObject({ code: 'FST_ERR_VALIDATION' });
    }
  });

  it('rate-limits parses per IP address, apart from analyses', async () => {
    const limited = appWith({ parseRateLimit: { max: 1, timeWindowMs: 60_000 } });
    const post = (url: string) => limited.inject({ method: 'POST', url, payload: { text: DENIAL }, remoteAddress: '10.2.0.1' });
    expect((await post('/api/parse')).statusCode).toBe(200);
    expect((await post('/api/parse')).statusCode).toBe(429);
    expect((await post('/api/analyze')).statusCode).toBe(200);
    await limited.close();
  });
});

describe('limits', () => {
  it('answers 413 to a body over 20 MB, and to an input over the analysis limit', async () => {
    const big = JSON.stringify({ text: 'a'.repeat(20 * 1024 * 1024) });
    const response = await app.inject({ method: 'POST', url: '/api/analyze', payload: big, headers: { 'content-type': 'application/json' }, remoteAddress: nextIp() });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });

    const small = appWith({ analysis: { workers: 0, analyzer, maxBytes: 1000 } });
    const tooLong = await small.inject({ method: 'POST', url: '/api/analyze', payload: { text: SEED } });
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json()).toMatchObject({ code: 'CG_E004' });
    await small.close();
  });

  it('rate-limits analysis per IP address', async () => {
    const limited = appWith({ analyzeRateLimit: { max: 2, timeWindowMs: 60_000 } });
    const post = (remoteAddress: string, url = '/api/analyze') => limited.inject({ method: 'POST', url, payload: { text: DENIAL }, remoteAddress });
    expect((await post('10.1.0.1')).statusCode).toBe(200);
    expect((await post('10.1.0.1', '/api/analyze/corpus')).statusCode).toBe(200);
    const refused = await post('10.1.0.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post('10.1.0.2')).statusCode).toBe(200);
    expect((await limited.inject({ url: '/api/health', remoteAddress: '10.1.0.1' })).statusCode).toBe(200);
    await limited.close();
  });
});

describe('POST /api/ingest', () => {
  const records = [{ id: 'xss', title: 'Rebels deny attack', source: 'Test Wire', published: '2016-01-04', text: XSS }, { text: '' }];

  it('is refused when no token is configured, and without the right bearer token', async () => {
    const open = appWith({ token: null });
    const refused = await open.inject({ method: 'POST', url: '/api/ingest', payload: { records }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(refused.statusCode).toBe(403);
    await open.close();
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, TOKEN]) {
      const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { records }, headers: authorization ? { authorization } : {} });
      expect(response.statusCode, String(authorization)).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect((await store.count()).articles).toBe(5);
  });

  it('checks the token before it reads or validates the body', async () => {
    const invalid = await app.inject({ method: 'POST', url: '/api/ingest', payload: { records: 'not a list', extra: 1 } });
    expect(invalid.statusCode).toBe(401);
    const malformed = await app.inject({ method: 'POST', url: '/api/ingest', payload: '{"records": [', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(401);
  });

  it('ingests records with the token; the new article is served at once, its markup as data', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/ingest', payload: { records }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as IngestResultJSON;
    expect(summary).toMatchObject({ ingested: 1, duplicates: 0 });
    expect(summary.failed).toEqual([{ path: 'records:2', error: expect.stringContaining('CG_E00') }]);

    const id = contentId(XSS);
    const listed = await get<ArticleSummaryJSON[]>('/api/articles');
    expect(listed.find((a) => a.id === id)).toMatchObject({ title: 'Rebels deny attack', source: 'Test Wire' });
    const detail = await get<ArticleDetailJSON>(`/api/articles/${id}`);
    expect(detail.analysis.text).toBe(XSS);

    const again = await app.inject({ method: 'POST', url: '/api/ingest', payload: { records: records.slice(0, 1) }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(again.json()).toMatchObject({ ingested: 0, duplicates: 1 });
  });
});

describe('the server around the routes', () => {
  it('serves the OpenAPI document with every API route and the shared schemas', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const routes = ['/api/health', '/api/analyze', '/api/analyze/corpus', '/api/parse', '/api/articles', '/api/articles/{id}', '/api/entities', '/api/entities/{id}', '/api/quotes', '/api/stories', '/api/stories/{id}', '/api/contradictions', '/api/network', '/api/search', '/api/ingest'];
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Article', 'Entity', 'Quote', 'Story', 'Contradiction', 'ArticleDetail', 'Parse']));
    expect(doc.paths['/api/ingest'].post).toMatchObject({ security: [{ bearer: [] }] });
  });

  it('sends a strict Content-Security-Policy and no CORS headers unless origins are configured', async () => {
    const response = await app.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();

    const shared = appWith({ corsOrigins: ['https://desk.example'] });
    const allowed = await shared.inject({ url: '/api/health', headers: { origin: 'https://desk.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://desk.example');
    const other = await shared.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await shared.close();
  });

  it('answers only for the allowed host names when told (DNS rebinding)', async () => {
    const local = appWith({ allowedHosts: ['127.0.0.1', 'localhost'] });
    expect((await local.inject({ url: '/api/health', headers: { host: '127.0.0.1:8080' } })).statusCode).toBe(200);
    expect((await local.inject({ url: '/api/health', headers: { host: 'localhost' } })).statusCode).toBe(200);
    expect((await local.inject({ url: '/api/health', headers: { host: 'attacker.example:8080' } })).statusCode).toBe(421);
    await local.close();
  });

  it('serves the built web app, or says how to build it', async () => {
    const unbuilt = appWith({ webRoot: join(dir, 'not-built') });
    const missing = await unbuilt.inject({ url: '/' });
    expect(missing.statusCode).toBe(503);
    expect(missing.body).toContain('npm run build:web');
    await unbuilt.close();

    const built = mkdtempSync(join(dir, 'dist-'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>claimgraph</title>');
    const served = appWith({ webRoot: built });
    const index = await served.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-security-policy']).toBeDefined();
    expect((await served.inject({ url: '/api/nothing' })).json()).toMatchObject({ statusCode: 404 });
    await served.close();
  });

  it('caches hashed assets for a year, revalidates index.html, and serves them compressed when asked', async () => {
    const built = mkdtempSync(join(dir, 'dist-'));
    mkdirSync(join(built, 'assets'));
    const script = `export const words = ${JSON.stringify('claimgraph '.repeat(2000))};\n`;
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>claimgraph</title>');
    writeFileSync(join(built, 'assets', 'index-3f2a9c1b.js'), script);
    await compressAssets(built);
    const served = appWith({ webRoot: built });
    const index = await served.inject({ url: '/' });
    expect(index.headers['cache-control']).toBe('no-cache');
    const plain = await served.inject({ url: '/assets/index-3f2a9c1b.js' });
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
      const packed = await served.inject({ url: '/assets/index-3f2a9c1b.js', headers: { 'accept-encoding': accept } });
      expect(packed.headers['content-encoding']).toBe(encoding);
      expect(packed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(packed.rawPayload.length).toBeLessThan(script.length / 10);
      expect((encoding === 'br' ? brotliDecompressSync : gunzipSync)(packed.rawPayload).toString()).toBe(script);
    }
    await served.close();
  });
});
