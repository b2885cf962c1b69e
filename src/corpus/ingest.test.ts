import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import type { ContradictionJSON, StoryJSON } from '../core/corpus/types.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { contentId } from './ids.js';
import { ingest } from './ingest.js';

/**
 * The multi-source fixture about the seed story (test/fixtures/corpus, written for this project):
 * the seed wire story, a syndicated copy with "ISIL" and a new headline, a Russian foreign-ministry
 * briefing ("Daesh") confirming the channel, a Taliban statement denying any contact, and an
 * unrelated article about a drought in Kenya.
 */
const FIXTURE = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));
const SEED = join(FIXTURE, 'taliban-denies-sharing-is-intelligence-with-russia.txt');
const COPY = join(FIXTURE, 'wire-copy-isil.html');
const STATEMENT = join(FIXTURE, 'taliban-website-statement.txt');
const UNRELATED = join(FIXTURE, 'kenya-drought-maize.txt');

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-corpus-'));
let store: Store;
let stories: StoryJSON[];
let contradictions: ContradictionJSON[];

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'fixture.db'));
  const summary = await ingest(store, [FIXTURE], { workers: 2 });
  expect(summary).toEqual({ ingested: 5, duplicates: 0, failed: [] });
  stories = await store.stories();
  contradictions = await store.contradictions();
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pathOf = (article: { path: string | null }): string => (article.path ?? '').replace(/[#:].*$/, '').replace(/^.*\//, '');

describe('the seed story across sources', () => {
  it('is one story, with the syndicated copy marked as a copy of the seed', () => {
    const story = stories.find((s) => s.articles.some((a) => a.path === SEED));
    expect(story?.articles.map(pathOf).sort()).toEqual(['mfa-briefing.jsonl', 'taliban-denies-sharing-is-intelligence-with-russia.txt', 'taliban-website-statement.txt', 'wire-copy-isil.html']);
    const seed = story?.articles.find((a) => a.path === SEED);
    const copy = story?.articles.find((a) => a.path === COPY);
    expect(copy?.duplicateOf).toBe(seed?.id);
    expect(copy?.similarity).toBeGreaterThanOrEqual(0.7);
    expect(story?.articles.filter((a) => a.duplicateOf !== null)).toHaveLength(1);
    expect(copy).toMatchObject({ title: 'Taliban reject talk of ISIL intelligence link with Moscow', source: 'Hindukush Wire', url: 'https://hindukush-wire.example/2015/12/taliban-reject-isil-intelligence-link' });
  });

  it('keeps the unrelated article in a story of its own', () => {
    const apart = stories.find((s) => s.articles.some((a) => a.path === UNRELATED));
    expect(apart?.articles.map((a) => a.path)).toEqual([UNRELATED]);
    expect(stories).toHaveLength(2);
  });

  it('sets the Taliban’s denial against the Russian side’s assertions in other articles, with evidence', async () => {
    const briefing = stories.flatMap((s) => s.articles).find((a) => pathOf(a) === 'mfa-briefing.jsonl')?.id;
    const statement = stories.flatMap((s) => s.articles).find((a) => a.path === STATEMENT)?.id;
    const cross = contradictions.flatMap((x) => x.pairs.filter((p) => p.crossArticle).map((p) => p.claims.map((i) => x.claims[i])));
    const statementVsBriefing = cross.find((pair) => new Set(pair.map((c) => c.article)).size === 2 && pair.some((c) => c.article === statement) && pair.some((c) => c.article === briefing));
    expect(statementVsBriefing).toBeDefined();
    const [denial, assertion] = [...(statementVsBriefing ?? [])].sort((a) => (a.stance === 'deny' ? -1 : 1));
    expect(denial.stance).toBe('deny');
    expect(assertion.stance).toBe('assert');
    expect(denial.speaker?.name).toMatch(/Taliban|Ahmadi/);
    for (const claim of statementVsBriefing ?? []) {
      const article = await store.article(claim.article);
      expect(article?.text.slice(claim.start, claim.end)).toBe(claim.text);
    }
  });

  it('does not match the copy’s claims again', () => {
    const copyId = stories.flatMap((s) => s.articles).find((a) => a.path === COPY)?.id;
    expect(contradictions.some((x) => x.claims.some((c) => c.article === copyId))).toBe(false);
  });

  it('merges IS, ISIL and Daesh into one entity', async () => {
    const found = await store.entities({ q: 'daesh' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'Islamic State', type: 'ORG', articles: 4 });
    expect(found[0].aliases).toEqual(expect.arrayContaining(['IS', 'ISIL', 'Daesh']));
    expect(await store.entities({ q: 'isil' })).toEqual(found);
  });

  it('knows one Kabulov: "Zamir Kabulov" in the seed and "Kabulov, the Kremlin’s special envoy" in the briefing', async () => {
    const kabulov = await store.entities({ q: 'kabulov' });
    expect(kabulov.map((e) => [e.name, e.type, e.articles])).toEqual([['Zamir Kabulov', 'PERSON', 3]]);
    const quotes = await store.quotes({ speaker: 'kabulov' });
    expect(new Set(quotes.map((q) => q.speaker?.id))).toEqual(new Set([kabulov[0].id]));
    expect(new Set(quotes.map((q) => q.article)).size).toBe(3);
  });
});

describe('ingest', () => {
  it('stores the same article once, counting it as a duplicate on every later run', async () => {
    const counts = await store.count();
    expect(await ingest(store, [FIXTURE], { workers: 0 })).toEqual({ ingested: 0, duplicates: 5, failed: [] });
    expect(await store.count()).toEqual(counts);
  });

  it('builds the same corpus whether analysis runs in worker threads or inline', async () => {
    const inline = openSqliteStore(join(dir, 'inline.db'));
    await ingest(inline, [FIXTURE], { workers: 0 });
    expect(await inline.stories()).toEqual(stories);
    expect(await inline.contradictions()).toEqual(contradictions);
    expect(await inline.entities()).toEqual(await store.entities());
    await inline.close();
  });

  it('keeps the calling thread free when asked, as the server does: pages are read and analysed in worker threads', async () => {
    const other = openSqliteStore(join(dir, 'off-thread.db'));
    const real = await createAnalyzer();
    const onCaller = { stages: real.stages, run: (): never => {
      throw new Error('analysed on the calling thread');
    } };
    // More articles than one worker holds at once, so a waiting caller would take some of them.
    const statement = readFileSync(STATEMENT, 'utf8');
    const records = Array.from({ length: 20 }, (_, n) => ({ id: `r${n}`, html: `<html><body><p>${statement.split('\n').join('</p><p>')}</p><p>Filed by desk ${n}.</p></body></html>` }));
    const jsonl = join(dir, 'off-thread.jsonl');
    writeFileSync(jsonl, [...records, { id: 'empty', text: '' }].map((r) => JSON.stringify(r)).join('\n'));
    const summary = await ingest(other, [jsonl], { workers: 1, analyzer: onCaller, offMainThread: true });
    expect(summary).toEqual({ ingested: 20, duplicates: 0, failed: [{ path: `${jsonl}:21`, error: 'CG_E002: empty input (0 bytes): nothing to analyse' }] });
    await other.close();
  });

  it('knows an article by its text, whatever file or format it came in', async () => {
    const other = openSqliteStore(join(dir, 'formats.db'));
    const jsonl = join(dir, 'seed.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'seed', text: readFileSync(SEED, 'utf8') })}\n`);
    expect(await ingest(other, [SEED, jsonl, SEED], { workers: 0 })).toEqual({ ingested: 1, duplicates: 2, failed: [] });
    expect((await other.stories())[0].articles[0].id).toBe(contentId(readFileSync(SEED, 'utf8')));
    await other.close();
  });

  it('lists a document whose analysis fails unexpectedly with CG_E012 and goes on', async () => {
    const other = openSqliteStore(join(dir, 'crash.db'));
    const real = await createAnalyzer();
    const crashing = { stages: real.stages, run: (text: string) => {
      if (text.includes('maize')) throw new RangeError('Maximum call stack size exceeded');
      return real.run(text);
    } };
    const summary = await ingest(other, [UNRELATED, STATEMENT], { workers: 0, analyzer: crashing });
    expect(summary.ingested).toBe(1);
    expect(summary.failed).toEqual([{ path: UNRELATED, error: 'CG_E012: analysis failed: Maximum call stack size exceeded' }]);
    await other.close();
  });

  it('lists unreadable documents as failed and goes on', async () => {
    const other = openSqliteStore(join(dir, 'failures.db'));
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    copyFileSync(UNRELATED, join(folder, 'b.txt'));
    writeFileSync(join(folder, 'a.txt'), '');
    writeFileSync(join(folder, 'c.xml'), '<rss><channel><item><title>x</titl');
    const summary = await ingest(other, [folder, join(dir, 'missing.txt')], { workers: 0 });
    expect(summary.ingested).toBe(1);
    expect(summary.failed).toEqual([
      { path: join(dir, 'missing.txt'), error: 'CG_E009: no such file or folder' },
      { path: join(folder, 'a.txt'), error: 'CG_E002: empty input (0 bytes): nothing to analyse' },
      { path: join(folder, 'c.xml'), error: expect.stringMatching(/^CG_E007: not a readable RSS, Atom or RDF feed/) },
    ]);
    await other.close();
  });

  it('ingests a feed over HTTP, listing its bad pages as failed with a reason', async () => {
    const server = createServer((req, res) => {
      const pages: Record<string, () => void> = {
        '/feed.rss': () =>
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
            `<rss version="2.0"><channel><title>Wire</title>${['/copy.html', '/gone', '/huge', '/wrong-charset']
              .map((p) => `<item><title>${p}</title><link>${base}${p}</link></item>`)
              .join('')}</channel></rss>`,
          ),
        '/copy.html': () => res.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(COPY)),
        '/huge': () => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end(),
        '/wrong-charset': () => res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), readFileSync(UNRELATED)])),
      };
      (pages[req.url ?? ''] ?? (() => res.writeHead(404).end()))();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const other = openSqliteStore(join(dir, 'feed.db'));
    const summary = await ingest(other, [`${base}/feed.rss`], { workers: 0, urlPolicy: { allowPrivate: true } });
    server.close();
    expect(summary.ingested).toBe(1);
    expect(summary.failed.map((f) => [f.path, f.error.slice(0, 7)])).toEqual([
      [`${base}/gone`, 'CG_E009'],
      [`${base}/huge`, 'CG_E004'],
      [`${base}/wrong-charset`, 'CG_E008'],
    ]);
    expect((await other.stories())[0].articles[0]).toMatchObject({ title: '/copy.html', url: 'https://hindukush-wire.example/2015/12/taliban-reject-isil-intelligence-link' });
    await other.close();
  });

  it('merges names the user adds to the lexicon', async () => {
    const other = openSqliteStore(join(dir, 'lexicon.db'));
    const lexiconPath = join(dir, 'lexicon.json');
    writeFileSync(lexiconPath, JSON.stringify({ entries: [{ name: 'Taliban', type: 'ORG', aliases: ['Islamic Emirate'] }] }));
    await ingest(other, [SEED, STATEMENT], { lexiconPath, workers: 0 });
    expect((await other.entities({ q: 'emirate' })).map((e) => e.name)).toEqual(['Taliban']);
    await other.close();
  });

  it('commits in batches and reports progress per source', async () => {
    const other = openSqliteStore(join(dir, 'batches.db'));
    const writes: number[] = [];
    const counting: Store = Object.assign(Object.create(other) as Store, {
      write: (batch: Parameters<Store['write']>[0]) => (writes.push(batch.articles.length), other.write(batch)),
    });
    const seen: number[] = [];
    await ingest(counting, [SEED, STATEMENT, UNRELATED], { batchSize: 2, workers: 0, onProgress: (p) => seen.push(p.sources) });
    expect(writes).toEqual([2, 1]);
    expect(seen[seen.length - 1]).toBe(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await other.count()).articles).toBe(3);
    // The unrelated article, arriving after the story exists, still starts its own.
    expect((await other.stories()).map((st) => st.articles.map((a) => a.path))).toEqual([[SEED, STATEMENT], [UNRELATED]]);
    await other.close();
  });
});
