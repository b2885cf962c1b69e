import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import type { Pipeline } from '../core/pipeline.js';
import { ingest } from '../corpus/ingest.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { CorpusView } from './corpus-view.js';
import { seedDemo } from '../corpus/demo.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-view-'));
const path = join(dir, 'corpus.db');
let analyzer: Pipeline;

beforeAll(async () => {
  analyzer = await createAnalyzer();
  const store = openSqliteStore(path);
  await seedDemo(store, { analyzer, workers: 0 });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CorpusView', () => {
  it('sees what another connection (another process) ingests at once, and keeps article texts only until its refresh time has passed', async () => {
    const served = openSqliteStore(path);
    const writer = openSqliteStore(path);
    const slow = new CorpusView(served, { refreshMs: 60_000 });
    expect(await slow.articles()).toHaveLength(5);
    const seed = (await slow.articles()).find((a) => a.title?.startsWith('Taliban denies'));
    if (!seed) throw new Error('the demo corpus has no seed article');
    const before = await slow.articleText(seed.id);

    const file = join(dir, 'more.jsonl');
    // Kabulov affirms what the seed's Taliban deny: a new contradiction changes the seed's page.
    writeFileSync(file, JSON.stringify({ title: 'Kabulov repeats channel claim', published: '2015-12-29', text: 'Kabulov repeats channel claim\n\nZamir Kabulov said on Tuesday that Russia and the Taliban have channels for exchanging information about Islamic State.' }));
    expect(await ingest(writer, [file], { analyzer, workers: 0 })).toMatchObject({ ingested: 1 });

    const latest = await slow.articles();
    expect(latest).toHaveLength(6);
    expect(latest[0].title).toBe('Kabulov repeats channel claim');
    expect(await slow.articleText(seed.id)).toBe(before);
    slow.invalidate();
    const after = await slow.articleText(seed.id);
    expect(JSON.parse(after ?? 'null')).toEqual(await slow.article(seed.id));
    expect(after).not.toBe(before);
    await writer.close();
    await served.close();
  });

  it('keeps an article as JSON text only while the corpus stays as it was', async () => {
    const served = openSqliteStore(path);
    const writer = openSqliteStore(path);
    const view = new CorpusView(served, { refreshMs: 0 });
    const seed = (await view.articles()).find((a) => a.title?.startsWith('Taliban denies'));
    if (!seed) throw new Error('the demo corpus has no seed article');
    const before = await view.articleText(seed.id);
    expect(JSON.parse(before ?? 'null')).toEqual(await view.article(seed.id));
    expect(await view.articleText('nope')).toBeNull();

    const file = join(dir, 'contradicting.jsonl');
    // The Russian side affirms what the seed's Taliban deny: a new contradiction changes the seed's view.
    writeFileSync(file, JSON.stringify({ title: 'Moscow confirms help to Taliban', published: '2015-12-30', text: 'Moscow confirms help to Taliban\n\nA Russian diplomat said Moscow shares intelligence with the Taliban about Islamic State.' }));
    expect(await ingest(writer, [file], { analyzer, workers: 0 })).toMatchObject({ ingested: 1 });

    const after = await view.articleText(seed.id);
    expect(JSON.parse(after ?? 'null')).toEqual(await view.article(seed.id));
    expect(after).not.toBe(before);
    await writer.close();
    await served.close();
  });

  it("reads a story's first articles and the matrix of its latest claims, and says when it left claims out", async () => {
    const served = openSqliteStore(path);
    const [largest] = await served.stories({ limit: 1 });
    const all = (await served.claimsWhere({ story: largest.id })).length;
    expect(largest.size).toBeGreaterThan(2);
    expect(all).toBeGreaterThan(3);
    const whole = await new CorpusView(served).story(largest.id);
    expect(whole?.claimsLimit).toBeNull();
    expect(whole?.story.articles).toHaveLength(largest.size);
    const cut = await new CorpusView(served, { storyArticles: 2, storyClaims: 3 }).story(largest.id);
    expect(cut?.story.articles.map((a) => a.id)).toEqual(largest.articles.slice(0, 2).map((a) => a.id));
    expect(cut?.story.size).toBe(largest.size);
    expect(cut?.claimsLimit).toBe(3);
    expect(cut?.matrix.cells.reduce((n, cell) => n + cell.claims.length, 0)).toBe(3);
    await served.close();
  });
});
