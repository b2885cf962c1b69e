import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { CONTRADICTION_THRESHOLD } from '../core/corpus/claims.js';
import { CorpusEngine, type IncomingArticle } from '../core/corpus/corpus.js';
import { KEY_OWNER_CAPACITY } from '../core/corpus/entities.js';
import { BUCKET_CAPACITY, bandKeys } from '../core/corpus/minhash.js';
import { networkEdges } from '../core/corpus/network.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import type { CorpusBatch, StoryCentroid } from '../core/corpus/types.js';
import type { Doc } from '../core/doc.js';
import { defaultLexicon } from '../core/lexicon/index.js';
import { contentId } from '../corpus/ids.js';
import { StoredCorpus } from '../corpus/placement.js';
import type { Store } from './types.js';

/**
 * The behaviour every {@link Store} must have, as a vitest suite: SQLite runs it
 * (sqlite/sqlite.test.ts) and so must any other implementation. `makeStore` gives a new, empty
 * store and a way to open it again.
 */
export interface StoreFixture {
  store: Store;
  /** Closes nothing; opens the same database again, as a new process would. */
  reopen(): Promise<Store>;
}

const TEXTS = [
  `Taliban deny contact with Russia

The Taliban on Sunday denied having any contact with Russia over the Islamic State group.

"We have no channel with Russia and we share no information with Moscow," Taliban spokesman Qari Yusuf Ahmadi said.`,
  `Russia says it shares information with Taliban

Russian envoy Zamir Kabulov said on Monday that Russia and the Taliban have channels for exchanging information about ISIL.

"Our interests coincide," Kabulov told reporters in Moscow.`,
  `Dutch bakers protest 100% flour price rise

Bakers in Utrecht said on Tuesday that flour prices had doubled since the summer.

"We cannot keep our shops open," said Anna de Vries, who runs a bakery near the station.`,
];
const PUBLISHED = ['2015-12-27', '2015-12-28', '2015-12-29'];

/** Everything a reader sees of a corpus, for tests that compare two corpora exactly. */
export async function readerView(store: Store) {
  return {
    count: await store.count(),
    quotes: await store.quotes(),
    stories: await store.stories(),
    contradictions: await store.contradictions(),
    entities: await store.entities(),
    articles: await store.articleSummaries(),
    network: await store.network(Number.MAX_SAFE_INTEGER),
  };
}

export function runStoreSuite(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store conformance: ${name}`, () => {
    let docs: Doc[];
    let first: CorpusBatch;
    let rest: CorpusBatch;
    const incoming = (i: number): IncomingArticle => ({
      id: contentId(TEXTS[i]),
      prepared: prepareArticle(docs[i]),
      title: null,
      source: `Source ${i + 1}`,
      url: `https://news.example/${i + 1}`,
      path: `fixture-${i + 1}.txt`,
      published: PUBLISHED[i],
      ingestedAt: '2015-12-30T00:00:00.000Z',
    });
    const filled = async (): Promise<StoreFixture> => {
      const fixture = await makeStore();
      await fixture.store.write(first);
      await fixture.store.write(rest);
      return fixture;
    };

    beforeAll(async () => {
      const analyzer = await createAnalyzer();
      docs = TEXTS.map((text) => analyzer.run(text));
      const engine = new CorpusEngine({ lexicon: defaultLexicon() });
      engine.add(incoming(0));
      first = engine.takeBatch();
      engine.add(incoming(1));
      engine.add(incoming(2));
      rest = engine.takeBatch();
    });

    it('starts empty', async () => {
      const { store } = await makeStore();
      expect(await store.snapshot()).toEqual({ articles: 0 });
      expect(await store.entityKeys(['name:taliban'])).toEqual([['name:taliban', []]]);
      expect(await store.entitiesById(['n1'])).toEqual([]);
      expect(await store.storyStates(['s1'])).toEqual([]);
      expect(await store.storySums(['s1'])).toEqual([['s1', { body: [], title: [], entities: [] }]]);
      expect(await store.df(['t:flour', 'e:e1'])).toEqual([['t:flour', 0], ['e:e1', 0]]);
      expect(await store.bands([7])).toEqual([[7, []]]);
      expect(await store.postings(['t:flour@*'])).toEqual([['t:flour@*', []]]);
      expect(await store.claimPostings(['deny:say\u0001e1'])).toEqual([['deny:say\u0001e1', []]]);
      expect(await store.has('missing')).toBe(false);
      expect(await store.count()).toEqual({ articles: 0, entities: 0, claims: 0, stories: 0, edges: 0, contradictions: 0 });
      expect(await store.stories()).toEqual([]);
      expect(await store.contradictions()).toEqual([]);
      await store.close();
    });

    it('gives back each article exactly as written', async () => {
      const { store } = await filled();
      for (const article of [...first.articles, ...rest.articles]) expect(await store.article(article.id)).toEqual(article);
      expect(await store.article('missing')).toBeNull();
      const ids: string[] = [];
      for await (const a of store.articles()) ids.push(a.id);
      expect(ids).toEqual([...first.articles, ...rest.articles].map((a) => a.id));
      const claims: string[] = [];
      for await (const c of store.claims()) claims.push(`${c.article}#${c.id}`);
      expect(claims).toEqual([...first.claims, ...rest.claims].map((c) => `${c.article}#${c.id}`));
      await store.close();
    });

    it("answers the pages' queries: article summaries, an entity's claims and their counts, a story's claims, an article's pairs, the network", async () => {
      const { store } = await filled();
      const claims = [...first.claims, ...rest.claims];
      const articles = [...first.articles, ...rest.articles];
      const stories = await store.stories();
      const label = new Map(stories.map((s) => [s.id, s.label]));
      // Latest publication first; a page and a selection of ids.
      const summaries = await store.articleSummaries();
      expect(summaries.map((a) => a.id)).toEqual([...articles].reverse().map((a) => a.id));
      for (const a of summaries) expect(a.storyLabel).toBe(label.get(a.story));
      expect(await store.articleSummaries({ limit: 1, offset: 1 })).toEqual(summaries.slice(1, 2));
      expect(await store.articleSummaries({ ids: [articles[0].id, 'missing'] })).toEqual(summaries.slice(2));

      const ref = (c: { article: string; id: string }) => `${c.article}#${c.id}`;
      const kabulov = claims.find((c) => c.text.includes('channels for exchanging'))?.speaker as string;
      const taliban = (await store.entities({ q: 'taliban' }))[0].id;
      const said = claims.filter((c) => c.speaker === kabulov);
      const about = claims.filter((c) => c.entities.includes(taliban) && c.speaker !== taliban);
      expect(said.length).toBeGreaterThan(0);
      expect(about.length).toBeGreaterThan(1);
      expect((await store.claimsWhere({ speaker: kabulov })).map(ref)).toEqual(said.map(ref));
      expect((await store.claimsWhere({ about: taliban })).map(ref)).toEqual(about.map(ref));
      expect((await store.claimsWhere({ about: taliban }, 1)).map(ref)).toEqual(about.slice(-1).map(ref));
      expect(await store.claimsWhere({ speaker: kabulov })).toEqual(said);
      const story = articles[1].story;
      const inStory = new Set((await store.articleSummaries()).filter((a) => a.story === story).map((a) => a.id));
      const storyClaims = claims.filter((c) => inStory.has(c.article) && !c.duplicate);
      expect(storyClaims.length).toBeGreaterThan(1);
      expect((await store.claimsWhere({ story })).map(ref)).toEqual(storyClaims.map(ref));
      expect((await store.claimsWhere({ story }, 1)).map(ref)).toEqual(storyClaims.slice(-1).map(ref));
      const refs = [claims[2], claims[0]].map((c) => ({ article: c.article, claim: c.id }));
      expect((await store.claimsWhere({ refs: [...refs, { article: 'missing', claim: 'q1' }] })).map(ref)).toEqual([claims[0], claims[2]].map(ref));

      const counts = await store.entityClaimCounts(taliban);
      expect([counts.said, counts.about]).toEqual([claims.filter((c) => c.speaker === taliban).length, about.length]);
      const perTime = (list: typeof claims) => list.filter((c) => !c.duplicate).length;
      expect(counts.times.reduce((n, t) => n + t.about, 0)).toBe(perTime(about));
      expect(counts.times.every((t) => t.time === null || articles.some((a) => a.time === t.time))).toBe(true);
      expect(await store.entityClaimCounts('missing')).toEqual({ said: 0, about: 0, times: [] });

      const edges = await store.edges();
      for (const a of articles) {
        expect(await store.edgesOf(a.id)).toEqual(edges.filter((e) => e.claims.some((c) => c.article === a.id)));
      }
      expect((await store.stories({ id: story })).map((s) => s.id)).toEqual([story]);
      expect(await store.stories({ id: 'missing' })).toEqual([]);

      // Counted batch by batch as written, the network is the one all the claims make.
      const network = networkEdges(claims).sort((a, b) => b.claims - a.claims || (a.source + a.target + a.stance + a.plover < b.source + b.target + b.stance + b.plover ? -1 : 1));
      expect(network.length).toBeGreaterThan(1);
      const stored = await store.network(100);
      expect(stored.total).toBe(network.length);
      expect(new Set(stored.edges.map((e) => JSON.stringify(e)))).toEqual(new Set(network.map((e) => JSON.stringify(e))));
      expect(stored.edges.map((e) => e.claims)).toEqual(network.map((e) => e.claims));
      expect((await store.network(1)).edges).toEqual(stored.edges.slice(0, 1));
      await store.close();
    });

    it('keeps the latest state of entities and stories that change from batch to batch', async () => {
      const { store } = await filled();
      const written = [...first.entities, ...rest.entities];
      const entities = await store.entitiesById([...written.map((e) => e.id), 'missing']);
      const latest = <T extends { id: string }>(rows: T[]): T[] => [...new Map(rows.map((r) => [r.id, r])).values()];
      const byId = <T extends { id: string }>(rows: T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(entities)).toEqual(byId(latest(written)));
      const stories = latest([...first.stories, ...rest.stories]);
      expect(byId(await store.storyStates([...stories.map((s) => s.id), 'missing']))).toEqual(byId(stories));
      await store.close();
    });

    it('snapshots and looks up enough for a resumed engine to decide exactly as one that never stopped', async () => {
      const { store } = await makeStore();
      await store.write(first);
      const resumed = await StoredCorpus.open(store, { lexicon: defaultLexicon() });
      expect(await resumed.has(first.articles[0].id)).toBe(true);
      await resumed.add(incoming(1));
      await resumed.add(incoming(2));
      expect(resumed.takeBatch()).toEqual(rest);
      await store.close();
    });

    it('keeps the indexes placement looks up: LSH buckets, story postings with their stories\' recency, document frequencies, story sums by what they gained, claim postings with their story', async () => {
      const { store } = await filled();
      const articles = [...first.articles, ...rest.articles];
      expect(await store.has(articles[1].id)).toBe(true);
      const [a] = articles;
      const [[key, members]] = await store.bands([bandKeys(a.signature)[3]]);
      expect(key).toBe(bandKeys(a.signature)[3]);
      expect(members).toEqual([{ id: a.id, seq: a.seq, story: a.story, signature: a.signature }]);
      const postings = new Map<string, Set<string>>();
      for (const [posting, story] of [...first.index.postings, ...rest.index.postings]) postings.set(posting, (postings.get(posting) ?? new Set()).add(story));
      const stored = await store.postings([...postings.keys()]);
      expect(new Map(stored.map(([posting, stories]) => [posting, new Set(stories.map(([id]) => id))]))).toEqual(postings);
      // Each with its recency as the story stands now.
      const touched = new Map([...first.stories, ...rest.stories].map((s) => [s.id, s.state.touched]));
      for (const [, stories] of stored) for (const [id, recency] of stories) expect(recency, id).toBe(touched.get(id));
      const snapshot = await store.snapshot();
      expect(snapshot.articles).toBe(3);
      const df = new Map([...first.index.df, ...rest.index.df]);
      expect(new Map(await store.df([...df.keys(), 't:never-counted']))).toEqual(new Map([...df, ['t:never-counted', 0]]));
      const sums = new Map<string, Map<string, number>>();
      for (const [story, part, key, gained] of [...first.index.sums, ...rest.index.sums]) {
        const parts = sums.get(story) ?? new Map<string, number>();
        sums.set(story, parts.set(`${part} ${key}`, (parts.get(`${part} ${key}`) ?? 0) + gained));
      }
      // The first article's story gains in both batches.
      expect(first.index.sums.some(([story]) => rest.index.sums.some(([other]) => other === story))).toBe(true);
      const storedSums = await store.storySums([...sums.keys()]);
      const flat = (centroid: StoryCentroid) => new Map(Object.entries(centroid).flatMap(([part, entries]) => entries.map(([key, n]): [string, number] => [`${part} ${key}`, n])));
      expect(new Map(storedSums.map(([story, centroid]) => [story, flat(centroid)]))).toEqual(sums);
      const claimPostings = new Map<string, string[]>();
      for (const [posting, { article, claim }] of [...first.index.claims, ...rest.index.claims]) claimPostings.set(posting, [...(claimPostings.get(posting) ?? []), `${article}#${claim}`]);
      expect(claimPostings.size).toBeGreaterThan(1);
      const claims = [...first.claims, ...rest.claims];
      for (const [posting, stored] of await store.claimPostings([...claimPostings.keys()])) {
        expect(stored.map(({ claim }) => `${claim.article}#${claim.id}`), posting).toEqual(claimPostings.get(posting));
        for (const { claim, story } of stored) {
          expect(claim).toEqual(claims.find((c) => c.article === claim.article && c.id === claim.id));
          expect(story).toBe(articles.find((x) => x.id === claim.article)?.story);
        }
      }
      await store.close();
    });

    it('keeps the entity lookup keys placement reads: every entity owning a key, as it stands now', async () => {
      const { store } = await filled();
      const latest = new Map([...first.entities, ...rest.entities].map((e) => [e.id, e]));
      const owners = new Map<string, string[]>();
      for (const e of latest.values()) for (const key of e.keys) owners.set(key, [...(owners.get(key) ?? []), e.id].sort());
      // Entities of the first batch written again by the second (Russia, the Taliban): the lookups give them as they stand now.
      expect(first.entities.some((e) => rest.entities.some((r) => r.id === e.id))).toBe(true);
      const stored = await store.entityKeys([...owners.keys(), 'name:never-named']);
      expect(stored.length).toBe(owners.size + 1);
      for (const [key, entities] of stored) {
        expect(entities.map((e) => e.id).sort(), key).toEqual(owners.get(key) ?? []);
        for (const e of entities) expect(e).toEqual(latest.get(e.id));
      }
      await store.close();
    });

    it('groups contradictions across articles with the evidence of each claim', async () => {
      const { store } = await filled();
      const found = await store.contradictions();
      const cross = found.find((x) => x.pairs.some((p) => p.crossArticle));
      expect(cross?.kind).toBe('contradiction');
      const articles = new Set(cross?.claims.map((c) => c.article));
      expect(articles).toEqual(new Set([first.articles[0].id, rest.articles[0].id]));
      for (const claim of cross?.claims ?? []) {
        const article = await store.article(claim.article);
        expect(article?.text.slice(claim.start, claim.end)).toBe(claim.text);
      }
      expect(cross?.claims.map((c) => c.stance)).toContain('deny');
      expect(cross?.claims.map((c) => c.speaker?.name)).toContain('Zamir Kabulov');
      await store.close();
    });

    it('counts as contradictions the pairs the contradiction groups list: those scoring at least the threshold', async () => {
      const { store } = await filled();
      const edges = await store.edges();
      const { contradictions, edges: all } = await store.count();
      expect(all).toBe(edges.length);
      expect(contradictions).toBe(edges.filter((e) => e.score >= CONTRADICTION_THRESHOLD).length);
      expect(contradictions).toBe((await store.contradictions()).reduce((n, group) => n + group.pairs.length, 0));
      expect(all).toBe((await store.contradictions({ all: true })).reduce((n, group) => n + group.pairs.length, 0));
      expect(contradictions).toBeGreaterThan(0);
      await store.close();
    });

    it('filters entities by type and by name or alias, any case, with LIKE characters taken literally', async () => {
      const { store } = await filled();
      const people = await store.entities({ type: 'PERSON' });
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((e) => e.type === 'PERSON')).toBe(true);
      expect((await store.entities({ q: 'isil' })).map((e) => e.name)).toEqual(['Islamic State']);
      expect(await store.entities({ q: '%' })).toEqual([]);
      expect(await store.entities({ limit: 2 })).toHaveLength(2);
      const all = await store.entities();
      expect(all.map((e) => e.mentions)).toEqual([...all.map((e) => e.mentions)].sort((a, b) => b - a));
      await store.close();
    });

    it("gives each entity the actor code its articles' entities carry most often, with the counts it was chosen from", async () => {
      const { store } = await filled();
      const counts = new Map<string, Record<string, number>>();
      for await (const article of store.articles()) {
        for (const [local, entity] of Object.entries(article.entities)) {
          const code = article.analysis.entities.find((e) => e.id === local)?.code;
          const tally = counts.get(entity) ?? {};
          if (code) tally[code] = (tally[code] ?? 0) + 1;
          counts.set(entity, tally);
        }
      }
      const chosen = (tally: Record<string, number>) => Object.entries(tally).sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]?.[0] ?? null;
      const entities = await store.entities();
      expect(entities.filter((e) => e.code !== null).length).toBeGreaterThan(2);
      for (const e of entities) expect(e.code).toBe(chosen(counts.get(e.id) ?? {}));
      for (const e of await store.entitiesById(entities.map((e) => e.id))) expect(e.codes).toEqual(counts.get(e.id));
      expect(entities.find((e) => e.name === 'Taliban')?.code).toBe('AFGREB');
      await store.close();
    });

    it('finds quotes by speaker and by words or phrases', async () => {
      const { store } = await filled();
      const kabulov = await store.quotes({ speaker: 'KABULOV' });
      expect(kabulov.length).toBeGreaterThan(0);
      expect(kabulov.every((q) => q.speaker?.name === 'Zamir Kabulov')).toBe(true);
      const phrase = await store.quotes({ q: '"share no information"' });
      expect(phrase.map((q) => q.text)).toEqual(['"We have no channel with Russia and we share no information with Moscow,"']);
      expect(await store.quotes({ q: 'information nowhere' })).toEqual([]);
      expect(await store.quotes({ q: '!!! "' })).toEqual([]);
      expect(await store.quotes({ speaker: 'kabulov', q: 'shops' })).toEqual([]);
      await store.close();
    });

    it('lists stories largest first and filters them by article words', async () => {
      const { store } = await filled();
      const stories = await store.stories();
      expect(stories.map((s) => s.articles.length)).toEqual([...stories.map((s) => s.articles.length)].sort((a, b) => b - a));
      expect(stories.flatMap((s) => s.articles.map((a) => a.id)).sort()).toEqual([...first.articles, ...rest.articles].map((a) => a.id).sort());
      const flour = await store.stories({ q: 'flour Utrecht' });
      expect(flour.map((s) => s.articles.map((a) => a.path))).toEqual([['fixture-3.txt']]);
      // Each story's size, and with a cap only its first articles.
      expect(stories.map((s) => s.size)).toEqual(stories.map((s) => s.articles.length));
      expect(stories[0].size).toBeGreaterThan(1);
      expect(await store.stories({ articles: 1 })).toEqual(stories.map((s) => ({ ...s, articles: s.articles.slice(0, 1) })));
      await store.close();
    });

    it('gives a key\'s most mentioned owners, no more than the registry reads, most mentioned first and then by id', async () => {
      const { store } = await filled();
      const template = first.entities[0];
      const smiths = Array.from({ length: KEY_OWNER_CAPACITY + 6 }, (_, k) => ({
        ...template,
        id: `smith-${String(k).padStart(3, '0')}`,
        name: `Person ${k} Smith`,
        keys: ['surname:smith'],
        mentions: k % 7,
      }));
      const index = { bands: [], members: [], postings: [], df: [], claims: [], sums: [], entityKeys: smiths.map((e): [string, string] => ['surname:smith', e.id]) };
      await store.write({ articles: [], entities: smiths, claims: [], stories: [], edges: [], merged: [], index });
      const expected = [...smiths].sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : 1)).slice(0, KEY_OWNER_CAPACITY).map((e) => e.id);
      const [[, owners]] = await store.entityKeys(['surname:smith']);
      expect(owners.map((e) => e.id)).toEqual(expected);
      await store.close();
    });

    it('gives an LSH bucket\'s latest members, no more than the index keeps, oldest first', async () => {
      const { store } = await filled();
      const [a] = first.articles;
      const copies = Array.from({ length: BUCKET_CAPACITY + 3 }, (_, k) => ({ id: `copy-${k}`, seq: 100 + k, story: a.story, signature: a.signature }));
      const index = { bands: copies.map((m): [number, number] => [77, m.seq]), members: copies, postings: [], df: [], claims: [], sums: [], entityKeys: [] };
      await store.write({ articles: [], entities: [], claims: [], stories: [], edges: [], merged: [], index });
      const [[, members]] = await store.bands([77]);
      expect(members).toEqual(copies.slice(-BUCKET_CAPACITY));
      await store.close();
    });

    it('applies story merges: the articles move to the story merged into, and the other is gone', async () => {
      const { store } = await filled();
      const [a, , c] = [...first.articles, ...rest.articles];
      expect(a.story).not.toBe(c.story);
      const posted = rest.index.postings.filter(([, story]) => story === c.story).map(([posting]) => posting);
      expect(posted.length).toBeGreaterThan(0);
      const index = { bands: [], members: [], postings: [], df: [], claims: [], sums: [], entityKeys: [] };
      await store.write({ articles: [], entities: [], claims: [], stories: [], edges: [], merged: [{ from: c.story, into: a.story }], index });
      const stories = await store.stories();
      expect(stories.find((s) => s.id === a.story)?.articles.map((x) => x.id)).toContain(c.id);
      expect(stories.some((s) => s.id === c.story)).toBe(false);
      expect((await store.storyStates([a.story, c.story])).map((s) => s.id)).toEqual([a.story]);
      expect(await store.storySums([c.story])).toEqual([[c.story, { body: [], title: [], entities: [] }]]);
      for (const [, stories] of await store.postings(posted)) expect(stories.map(([id]) => id)).toEqual([a.story]);
      expect((await store.bands(bandKeys(c.signature)))[0][1].map((m) => m.story)).toEqual([a.story]);
      expect((await store.article(c.id))?.story).toBe(a.story);
      const claimPosting = rest.index.claims.find(([, ref]) => ref.article === c.id)?.[0] as string;
      expect((await store.claimPostings([claimPosting]))[0][1].map(({ story }) => story)).toEqual([a.story]);
      await store.close();
    });

    it('gives pages of every list: the same items as the whole list, in the same order', async () => {
      const { store } = await filled();
      const stories = await store.stories();
      expect(await store.stories({ limit: 1, offset: 1 })).toEqual(stories.slice(1, 2));
      expect(await store.stories({ offset: 1 })).toEqual(stories.slice(1));
      expect(await store.stories({ q: 'flour', limit: 5, offset: 1 })).toEqual([]);
      const entities = await store.entities();
      expect(await store.entities({ limit: 2, offset: 1 })).toEqual(entities.slice(1, 3));
      const quotes = await store.quotes();
      expect(await store.quotes({ limit: 1, offset: 1 })).toEqual(quotes.slice(1, 2));
      const contradictions = await store.contradictions();
      expect(await store.contradictions({ limit: 1 })).toEqual(contradictions.slice(0, 1));
      await store.close();
    });

    it('writes a batch all or nothing', async () => {
      const { store } = await makeStore();
      await store.write(first);
      const before = await store.count();
      const renamed = { ...rest.entities[0], name: 'Renamed' };
      const clash = { ...rest, entities: [renamed, ...rest.entities.slice(1)], articles: [...rest.articles, { ...rest.articles[0], seq: 99 }] };
      await expect(store.write(clash)).rejects.toThrow();
      expect(await store.count()).toEqual(before);
      expect((await store.entities()).some((e) => e.name === 'Renamed')).toBe(false);
      await store.close();
    });

    it('keeps everything written when opened again', async () => {
      const fixture = await filled();
      const counts = await fixture.store.count();
      const snapshot = await fixture.store.snapshot();
      await fixture.store.close();
      const again = await fixture.reopen();
      expect(await again.count()).toEqual(counts);
      expect(await again.snapshot()).toEqual(snapshot);
      await again.close();
    });
  });
}
