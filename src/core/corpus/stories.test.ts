import { describe, expect, it } from 'vitest';
import { StoryClusterer, type StoryFeatures } from './stories.js';
import type { StoryRecord, StoryVector } from './types.js';

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
  vector: StoryVector;
  time: number | null;
}

/** Feeds articles through a clusterer and returns each one's story and vector. */
function run(clusterer: StoryClusterer, articles: Array<[StoryFeatures, number | null]>, from = 1): Added[] {
  return articles.map(([f, time], i) => {
    const vector = clusterer.vectorize(f);
    const story = clusterer.assign(vector, time, from + i, `article ${from + i}`, `s${from + i}`);
    return { story: story.id, vector, time };
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

  it('places an undated article at the latest time seen', () => {
    const clusterer = new StoryClusterer();
    run(clusterer, [[features(DROUGHT), 50]]);
    expect(clusterer.now).toBe(50);
    run(clusterer, [[features(TALIBAN), null]], 2);
    expect(clusterer.now).toBe(50);
  });

  it('counts a copy placed in a closed story without reopening it', () => {
    const clusterer = new StoryClusterer({ windowDays: 7 });
    run(clusterer, [[features(TALIBAN, ['taliban']), 100], [features(DROUGHT), 130]]);
    const vector = clusterer.vectorize(features(TALIBAN, ['taliban']));
    const story = clusterer.assign(vector, 131, 3, 'copy', 's3', 's1');
    expect(story).toEqual({ id: 's1', label: 'article 1', seq: 1, first: 100, last: 100, size: 2 });
  });

  it('decides after a restore exactly as without one', () => {
    const stream: Array<[StoryFeatures, number | null]> = [
      [features(TALIBAN, ['taliban', 'russia']), 100],
      [features(DROUGHT, ['kenya']), 101],
      [features(RUSSIA, ['russia', 'taliban']), 102],
      [features(`${DROUGHT} government reserve`, ['kenya']), 103],
      [features(`${TALIBAN} statement website`, ['taliban']), 112],
      [features(`${RUSSIA} briefing`, ['russia']), 113],
    ];
    const whole = run(new StoryClusterer(), stream);

    const head = new StoryClusterer();
    const firstHalf = run(head, stream.slice(0, 3));
    const records = new Map<string, StoryRecord>();
    firstHalf.forEach((a, i) => {
      const old = records.get(a.story);
      records.set(a.story, { id: a.story, label: `article ${i + 1}`, seq: old?.seq ?? i + 1, first: old?.first ?? a.time, last: a.time, size: (old?.size ?? 0) + 1 });
    });
    const resumed = new StoryClusterer();
    resumed.restore([...records.values()], firstHalf);
    const secondHalf = run(resumed, stream.slice(3), 4);
    expect([...firstHalf, ...secondHalf]).toEqual(whole);
  });
});
