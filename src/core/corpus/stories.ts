import type { StoryRecord, StoryVector } from './types.js';

/**
 * Online topical story clustering after Miranda et al. (2018, "Multilingual Clustering of Streaming
 * News"): each arriving article is compared with the stories still open in the time window and joins
 * the best one if the score clears a threshold, else it starts a story. The score is a weighted sum
 * of tf-idf cosines (body lemmas, headline lemmas, canonical entities) times a Gaussian of the time
 * gap, the time feature they found mattered most. Tf-idf weights are fixed when an article arrives,
 * so a story's centroid is the sum of its members' vectors and is kept incrementally.
 * The weights and threshold are set by hand (we have no labelled stream to learn them from).
 */

export interface StoryOptions {
  /** Stories whose last article is older than this (days) are closed. */
  windowDays: number;
  /** Width of the time Gaussian (days): at this distance the score is multiplied by 0.61. */
  sigmaDays: number;
  threshold: number;
  weights: { body: number; title: number; entities: number };
}

export const STORY_DEFAULTS: StoryOptions = {
  windowDays: 7,
  sigmaDays: 3,
  threshold: 0.25,
  weights: { body: 0.5, title: 0.2, entities: 0.3 },
};

/** Raw counts of an article's features, before weighting. */
export interface StoryFeatures {
  body: Map<string, number>;
  title: Set<string>;
  entities: Map<string, number>;
}

type Part = keyof StoryVector;
const PARTS: readonly Part[] = ['body', 'title', 'entities'];
/** An article is posted under its strongest body terms and entities; candidates share one. */
const POSTED_TERMS = 10;
/** Closed stories are swept out of the index every this many articles. */
const SWEEP_EVERY = 256;

interface OpenStory {
  record: StoryRecord;
  centroid: Record<Part, Map<string, number>>;
  /** Squared norms of the centroid parts. */
  norms: Record<Part, number>;
  posted: Set<string>;
}

export interface Assignment {
  story: StoryRecord;
  /** The winning score, or null when the article started the story or was placed in it. */
  score: number | null;
}

export class StoryClusterer {
  private readonly options: StoryOptions;
  private readonly termDf = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private documents = 0;
  /** Every story; the open ones also have a centroid in `open`. */
  private readonly records = new Map<string, StoryRecord>();
  private readonly open = new Map<string, OpenStory>();
  private readonly postings = new Map<string, Set<string>>();
  private clock: number | null = null;
  private sinceSweep = 0;

  constructor(options: Partial<StoryOptions> = {}) {
    this.options = { ...STORY_DEFAULTS, ...options };
  }

  /** The latest time seen: an undated article is placed there. */
  get now(): number | null {
    return this.clock;
  }

  /** Counts the article into the document frequencies and returns its tf-idf vector. */
  vectorize(features: StoryFeatures): StoryVector {
    this.documents += 1;
    for (const term of features.body.keys()) this.termDf.set(term, (this.termDf.get(term) ?? 0) + 1);
    for (const id of features.entities.keys()) this.entityDf.set(id, (this.entityDf.get(id) ?? 0) + 1);
    const weigh = (counts: Iterable<[string, number]>, df: Map<string, number>): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const [key, count] of counts) out[key] = round((1 + Math.log(count)) * this.idf(df.get(key) ?? 1));
      return out;
    };
    return {
      body: weigh(features.body, this.termDf),
      title: weigh([...features.title].map((t): [string, number] => [t, 1]), this.termDf),
      entities: weigh(features.entities, this.entityDf),
    };
  }

  /**
   * Resumes from stored stories and their members' vectors: document frequencies from every vector,
   * centroids for the stories still open at the latest time.
   */
  restore(stories: readonly StoryRecord[], members: ReadonlyArray<{ story: string; vector: StoryVector; time: number | null }>): void {
    for (const { vector, time } of members) {
      this.documents += 1;
      for (const term of Object.keys(vector.body)) this.termDf.set(term, (this.termDf.get(term) ?? 0) + 1);
      for (const id of Object.keys(vector.entities)) this.entityDf.set(id, (this.entityDf.get(id) ?? 0) + 1);
      if (time !== null && (this.clock === null || time > this.clock)) this.clock = time;
    }
    for (const stored of stories) {
      const record = { ...stored };
      this.records.set(record.id, record);
      if (this.isOpen(record)) this.open.set(record.id, emptyStory(record));
    }
    for (const { story, vector } of members) {
      const open = this.open.get(story);
      if (open) this.addToCentroid(open, vector);
    }
  }

  /**
   * Places an article: in story `into` when given (a copy joins its original's story; a closed
   * story only counts it), else in the best-scoring open story above the threshold, else in a new
   * story with id `newId`.
   */
  assign(vector: StoryVector, time: number | null, seq: number, label: string, newId: string, into?: string): Assignment {
    if (time !== null && (this.clock === null || time > this.clock)) this.clock = time;
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep();
    const closed = into === undefined ? undefined : this.records.get(into);
    if (closed && !this.isOpen(closed)) {
      closed.size += 1;
      return { story: { ...closed }, score: null };
    }
    let target = into === undefined ? undefined : this.open.get(into);
    let score: number | null = null;
    if (!target) {
      const best = this.best(vector, time);
      if (best && best.score >= this.options.threshold) [target, score] = [best.story, best.score];
    }
    if (!target) {
      const record: StoryRecord = { id: newId, label, seq, first: time, last: time, size: 0 };
      this.records.set(newId, record);
      target = emptyStory(record);
      this.open.set(newId, target);
    }
    const record = target.record;
    record.size += 1;
    if (time !== null) {
      record.first = record.first === null ? time : Math.min(record.first, time);
      record.last = record.last === null ? time : Math.max(record.last, time);
    }
    this.addToCentroid(target, vector);
    return { story: { ...record }, score };
  }

  /** Scores an article against a story: the weighted cosines times the time Gaussian. */
  private score(story: OpenStory, vector: StoryVector, time: number | null): number {
    const { weights, sigmaDays } = this.options;
    let sum = 0;
    for (const part of PARTS) sum += weights[part] * cosine(vector[part], story.centroid[part], story.norms[part]);
    const { first, last } = story.record;
    if (time === null || first === null || last === null) return sum;
    const gap = time < first ? first - time : time > last ? time - last : 0;
    return sum * Math.exp(-0.5 * (gap / sigmaDays) ** 2);
  }

  private best(vector: StoryVector, time: number | null): { story: OpenStory; score: number } | null {
    const candidates = new Set<string>();
    for (const key of postingKeys(vector)) for (const id of this.postings.get(key) ?? []) candidates.add(id);
    let best: { story: OpenStory; score: number } | null = null;
    for (const id of candidates) {
      const story = this.open.get(id) as OpenStory;
      // Closed but not yet swept stories are skipped, so a resumed run decides exactly as this one.
      if (!this.isOpen(story.record) || !this.inWindow(story.record, time)) continue;
      const score = this.score(story, vector, time);
      if (!best || score > best.score || (score === best.score && story.record.seq < best.story.record.seq)) best = { story, score };
    }
    return best;
  }

  private addToCentroid(story: OpenStory, vector: StoryVector): void {
    for (const part of PARTS) {
      const centroid = story.centroid[part];
      let norm = story.norms[part];
      for (const [key, weight] of Object.entries(vector[part])) {
        const old = centroid.get(key) ?? 0;
        centroid.set(key, old + weight);
        norm += 2 * old * weight + weight * weight;
      }
      story.norms[part] = norm;
    }
    for (const key of postingKeys(vector)) {
      if (story.posted.has(key)) continue;
      story.posted.add(key);
      const ids = this.postings.get(key);
      if (ids) ids.add(story.record.id);
      else this.postings.set(key, new Set([story.record.id]));
    }
  }

  private inWindow(record: StoryRecord, time: number | null): boolean {
    return time === null || record.last === null || Math.abs(time - record.last) <= this.options.windowDays;
  }

  private isOpen(record: StoryRecord): boolean {
    return this.clock === null || record.last === null || this.clock - record.last <= this.options.windowDays;
  }

  /** Drops stories that fell out of the window from the candidate index. */
  private sweep(): void {
    this.sinceSweep = 0;
    for (const [id, story] of this.open) {
      if (this.isOpen(story.record)) continue;
      this.open.delete(id);
      for (const key of story.posted) {
        const ids = this.postings.get(key);
        ids?.delete(id);
        if (ids?.size === 0) this.postings.delete(key);
      }
    }
  }

  /** Smoothed inverse document frequency; always positive, so every term keeps some weight. */
  private idf(df: number): number {
    return Math.log((this.documents + 1) / (df + 1)) + 1;
  }
}

function emptyStory(record: StoryRecord): OpenStory {
  return {
    record,
    centroid: { body: new Map(), title: new Map(), entities: new Map() },
    norms: { body: 0, title: 0, entities: 0 },
    posted: new Set(),
  };
}

/** Cosine of a sparse vector and a centroid whose squared norm is known. */
function cosine(vector: Record<string, number>, centroid: Map<string, number>, centroidNorm: number): number {
  let dot = 0;
  let norm = 0;
  for (const [key, weight] of Object.entries(vector)) {
    dot += weight * (centroid.get(key) ?? 0);
    norm += weight * weight;
  }
  return dot === 0 ? 0 : dot / Math.sqrt(norm * centroidNorm);
}

/** An article's strongest body terms and all its entities, prefixed so they cannot collide. */
function postingKeys(vector: StoryVector): string[] {
  const terms = Object.entries(vector.body)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, POSTED_TERMS)
    .map(([term]) => `t:${term}`);
  return [...terms, ...Object.keys(vector.entities).map((id) => `e:${id}`)];
}

/** Weights are stored; six significant digits keep them compact and exact across a restore. */
function round(value: number): number {
  return Number(value.toPrecision(6));
}
