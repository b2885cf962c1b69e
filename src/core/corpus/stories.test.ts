import { describe, expect, it } from 'vitest';
import { StoryClusterer, type StoryChanges, type StoryFeatures } from './stories.js';
import type { StoredStory, StoryCentroid, StoryVector } from './types.js';

function features(words: string, entities: string[] = [], title = ''): StoryFeatures {
  const body = new Map<string, number>();
  for (const w of words.split(' ')) body.set(w, (body.get(w) ?? 0) + 1);
  return { body, title: new Set(title.split(' ').filter(Boolean)), entities: new Map(entities.map((e) => [e, 2])) };
}

const TALIBAN = 'taliban deny contact russia information exchange channel group';
const RUSSIA = 'russia confirm channel taliban information exchange envoy';
const DROUGHT = 'farmer drought maize harvest rain price flour';

interface Added {
  story: string;
  seq: number;
  vector: StoryVector;
  time: number | null;
}

/** Feeds articles through a clusterer and returns each one's story and vector. */
function run(clusterer: StoryClusterer, articles: Array<[StoryFeatures, number | null]>, from = 1): Added[] {
  return articles.map(([f, time], i) => {
    const vector = clusterer.vectorize(f);
    const story = clusterer.assign(vector, time, from + i, `article ${from + i}`, `s${from + i}`);
    return { story: story.id, seq: from + i, vector, time };
  });
}

describe('StoryClusterer', () => {
  it('puts articles on one topic in one story and an unrelated one apart', () => {
    const stories = run(new StoryClusterer(), [
      [features(TALIBAN, ['taliban', 'russia'], 'taliban deny'), 100],
      [features(DROUGHT, ['kenya']), 100],
      [features(RUSSIA, ['russia', 'taliban'], 'russia confirm'), 101],
    ]);
    expect(stories.map((s) => s.story)).toEqual(['s1', 's2', 's1']);
  });

  it('starts a new story once the old one is outside the time window', () => {
    const clusterer = new StoryClusterer({ windowDays: 7 });
    const stories = run(clusterer, [
      [features(TALIBAN, ['taliban', 'russia']), 100],
      [features(RUSSIA, ['russia', 'taliban']), 106],
      [features(RUSSIA, ['russia', 'taliban']), 120],
    ]);
    expect(stories.map((s) => s.story)).toEqual(['s1', 's1', 's3']);
  });

  it('matches an undated article by content, at any time', () => {
    const clusterer = new StoryClusterer();
    const stories = run(clusterer, [
      [features(TALIBAN, ['taliban', 'russia']), 50],
      [features(DROUGHT, ['kenya']), 400],
      [features(RUSSIA, ['russia', 'taliban']), null],
      [features(DROUGHT, ['kenya']), null],
    ]);
    expect(stories.map((s) => s.story)).toEqual(['s1', 's2', 's1', 's2']);
  });

  it('names the entities a long story mentions most, a bounded number however many it gathered', () => {
    const clusterer = new StoryClusterer();
    const articles = Array.from({ length: 300 }, (_, i): [StoryFeatures, number] => [features(TALIBAN, ['taliban', 'russia', `envoy ${i}`]), 100]);
    expect(new Set(run(clusterer, articles).map((a) => a.story))).toEqual(new Set(['s1']));
    const leading = clusterer.leadingEntitiesOf('s1', 256, () => false);
    expect(leading).toHaveLength(256);
    expect(leading.slice(0, 2).sort()).toEqual(['russia', 'taliban']);
    const rest = clusterer.leadingEntitiesOf('s1', 256, (id) => id === 'taliban');
    expect(rest).toHaveLength(256);
    expect(rest).toContain('russia');
    expect(rest).not.toContain('taliban');
    expect(clusterer.leadingEntitiesOf('s1', 2, () => false).sort()).toEqual(['russia', 'taliban']);
  });

  it('puts a copy in its original’s story whenever it comes', () => {
    const clusterer = new StoryClusterer({ windowDays: 7 });
    run(clusterer, [[features(TALIBAN, ['taliban']), 100], [features(DROUGHT), 130]]);
    const vector = clusterer.vectorize(features(TALIBAN, ['taliban']));
    const story = clusterer.assign(vector, 131, 3, 'copy', 's3', 's1');
    expect(story).toEqual({ id: 's1', label: 'article 1', seq: 1, first: 100, last: 131, size: 2 });
  });

  it('lets a late article join the story of its own days', () => {
    const stories = run(new StoryClusterer({ windowDays: 7 }), [
      [features(RUSSIA, ['russia', 'taliban']), 130],
      [features(TALIBAN, ['taliban', 'russia']), 100],
      [features(`${TALIBAN} statement`, ['taliban', 'russia']), 101],
    ]);
    expect(stories.map((s) => s.story)).toEqual(['s1', 's2', 's2']);
  });

  it('merges two stories an article bridges, into the older, and says so', () => {
    const clusterer = new StoryClusterer();
    const stories = run(clusterer, [
      [features('taliban deny contact russia channel', ['taliban', 'russia']), 100],
      [features('moscow envoy confirm information exchange', ['russia', 'kabulov']), 101],
      [features('taliban deny contact russia channel moscow envoy confirm information exchange', ['taliban', 'russia', 'kabulov']), 101],
    ]);
    expect(stories.map((s) => s.story)).toEqual(['s1', 's2', 's1']);
    expect(clusterer.take().merged).toEqual([{ from: 's2', into: 's1' }]);
    expect(clusterer.resolve('s2')).toBe('s1');
    expect(clusterer.take().merged).toEqual([]);
  });

  it('finds the same stories whatever order the articles arrive in', () => {
    // Three stories of five articles, a week apart, each spread over five days.
    const topics = [
      { words: TALIBAN, entities: ['taliban', 'russia'], day: 100 },
      { words: DROUGHT, entities: ['kenya'], day: 104 },
      { words: 'election ballot vote count candidate poll turnout', entities: ['ohio', 'clinton'], day: 110 },
    ];
    const articles = topics.flatMap((t, k) =>
      [0, 1, 2, 3, 4].map((d): { topic: number; f: StoryFeatures; time: number } => ({ topic: k, f: features(`${t.words} extra${d} detail${k}${d}`, t.entities), time: t.day + d })));
    const partition = (order: number[]): string => {
      const clusterer = new StoryClusterer();
      const placed = run(clusterer, order.map((i) => [articles[i].f, articles[i].time]));
      const byStory = new Map<string, number[]>();
      placed.forEach((p, j) => byStory.set(clusterer.resolve(p.story), [...(byStory.get(clusterer.resolve(p.story)) ?? []), order[j]]));
      return JSON.stringify([...byStory.values()].map((members) => members.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]));
    };
    const oldest = articles.map((_, i) => i).sort((a, b) => articles[a].time - articles[b].time);
    const expected = JSON.stringify(topics.map((_, k) => [0, 1, 2, 3, 4].map((d) => k * 5 + d)));
    expect(partition(oldest)).toBe(expected);
    expect(partition([...oldest].reverse())).toBe(expected);
    expect(partition([7, 12, 0, 14, 3, 9, 5, 1, 11, 13, 2, 8, 6, 10, 4])).toBe(expected);
  });

  it('decides, resumed from the rows it gave a store and reading all of them through small windows, exactly as without them', () => {
    const stream: Array<[StoryFeatures, number | null]> = [
      [features(TALIBAN, ['taliban', 'russia']), 100],
      [features(DROUGHT, ['kenya']), 101],
      [features(RUSSIA, ['russia', 'taliban']), 102],
      [features(`${DROUGHT} government reserve`, ['kenya']), 103],
      [features('moscow envoy confirm information exchange', ['russia', 'kabulov']), 103],
      [features(`${TALIBAN} statement website`, ['taliban']), 112],
      [features(`${TALIBAN} moscow envoy confirm information exchange`, ['taliban', 'russia', 'kabulov']), 104],
      [features(`${RUSSIA} briefing`, ['russia']), 113],
      [features(`${DROUGHT} aid`, ['kenya']), null],
    ];
    const whole = run(new StoryClusterer(), stream);

    const rows = new StoreRows();
    const head = new StoryClusterer();
    const firstHalf = run(head, stream.slice(0, 3));
    rows.write(head.take());
    const resumed = new StoryClusterer({}, { state: { documents: 3 }, windows: SMALL_WINDOWS });
    expect(() => resumed.vectorize(stream[3][0])).toThrow(/document frequency .* was read before it was loaded/);
    const secondHalf = runLoading(resumed, rows, stream.slice(3), 4);
    expect([...firstHalf, ...secondHalf]).toEqual(whole);
    expect(whole.some((a, i) => whole.slice(i + 1).some((b) => b.story === a.story))).toBe(true);
  });

  it('reads the stories of a posting that names more than it reads: the most recent, as without windows', () => {
    // 71 stories share the entity "x" in one week, and nothing else.
    const apart = (i: number): StoryFeatures => features(`w${i}a w${i}b w${i}c w${i}d`, ['x', `e${i}a`, `e${i}b`, `e${i}c`]);
    const stream = Array.from({ length: 71 }, (_, i): [StoryFeatures, number] => [apart(i), 100]);
    const whole = run(new StoryClusterer(), stream);
    expect(new Set(whole.map((a) => a.story)).size).toBe(71);

    const rows = new StoreRows();
    const head = new StoryClusterer();
    const firstPart = run(head, stream.slice(0, 70));
    rows.write(head.take());
    const resumed = new StoryClusterer({}, { state: { documents: 70 }, windows: SMALL_WINDOWS });
    const read: string[][] = [];
    const last = runLoading(resumed, rows, stream.slice(70), 71, read);
    expect([...firstPart, ...last]).toEqual(whole);
    // The last article reads the 64 stories of "x" most recently added to, not the 70 it names.
    expect(read[0].sort()).toEqual(Array.from({ length: 64 }, (_, i) => `s${i + 7}`).sort());
  });
});

/** Windows of two keys each. */
const SMALL_WINDOWS = { postings: 2, df: 2, stories: 2, sums: 2, recency: 2 };

/**
 * Feeds articles through a resumed clusterer as a store-backed engine does: loading from `rows`
 * what each step reads, and writing each article as a batch of one. `read` collects the stories
 * each article reads.
 */
function runLoading(resumed: StoryClusterer, rows: StoreRows, articles: Array<[StoryFeatures, number | null]>, from: number, read: string[][] = []): Added[] {
  return articles.map(([f, time], i) => {
    const seq = from + i;
    for (const key of resumed.dfRead(f)) resumed.loadDf(key, rows.df.get(key) ?? 0);
    const vector = resumed.vectorize(f);
    for (const posting of resumed.postingsRead(vector, time)) resumed.loadPosting(posting, rows.posting(posting));
    read.push(resumed.storiesRead(vector, time));
    for (const id of read[i]) resumed.loadStory(rows.stories.get(id) as StoredStory);
    for (const id of resumed.sumsRead(vector, time)) resumed.loadSums(id, rows.centroid(id));
    const story = resumed.assign(vector, time, seq, `article ${seq}`, `s${seq}`);
    // A batch of one: written, then the windows drop what they hold beyond two keys.
    rows.write(resumed.take());
    return { story: story.id, seq, vector, time };
  });
}

/** What a store keeps of a clusterer's changes. */
class StoreRows {
  readonly stories = new Map<string, StoredStory>();
  readonly postings = new Map<string, Set<string>>();
  readonly df = new Map<string, number>();
  readonly sums = new Map<string, number>();

  write(changes: StoryChanges): void {
    for (const story of changes.stories) this.stories.set(story.id, story);
    for (const [id, part, key, n] of changes.sums) this.sums.set(`${id}\u0000${part}\u0000${key}`, (this.sums.get(`${id}\u0000${part}\u0000${key}`) ?? 0) + n);
    for (const [posting, id] of changes.postings) this.postings.set(posting, (this.postings.get(posting) ?? new Set()).add(id));
    for (const [key, n] of changes.df) this.df.set(key, n);
    for (const { from, into } of changes.merged) {
      this.stories.delete(from);
      for (const row of this.sums.keys()) if (row.startsWith(`${from}\u0000`)) this.sums.delete(row);
      for (const ids of this.postings.values()) if (ids.delete(from)) ids.add(into);
    }
  }

  /** A posting's stories, each with its recency. */
  posting(posting: string): Array<[string, number]> {
    return [...(this.postings.get(posting) ?? [])].map((id) => [id, (this.stories.get(id) as StoredStory).state.touched]);
  }

  centroid(id: string): StoryCentroid {
    const centroid: StoryCentroid = { body: [], title: [], entities: [] };
    for (const [row, n] of this.sums) {
      const [story, part, key] = row.split('\u0000');
      if (story === id) centroid[part as keyof StoryCentroid].push([key, n]);
    }
    return centroid;
  }
}
