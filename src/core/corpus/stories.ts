import type { StoryRecord, StoryVector } from './types.js';

/**
 * Online topical story clustering after Miranda et al. (2018, "Multilingual Clustering of Streaming
 * News"): each arriving article is compared with the stories still open in the time window and joins
 * the best one if the score clears a threshold, else it starts a story. The score is a weighted sum
 * of tf-idf cosines (body lemmas, headline lemmas, canonical entities) times a Gaussian of the time
 * gap, the time feature they found mattered most. Tf-idf weights are fixed when an article arrives,
 * so a story's centroid is the sum of its members' vectors and is kept incrementally.
 * The weights and threshold are set by hand (we have no labelled stream to learn them from).
 *
 * The cost per article stays flat as the corpus grows: candidates come from an index of each
 * article's strongest terms and entities, each posting keeps only the stories most recently
 * added to, and only the candidates sharing the most keys are scored. Undated corpora have no time
 * window, and the bounded postings then act as a window in arrival order.
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
  sigmaDays: 5,
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
/** An article counts in its story's centroid by its strongest body terms only. */
const CENTROID_TERMS = 60;
/** An article is posted under its strongest body terms and entities. */
const POSTED_KEYS = 10;
/** Stories kept per posting, the most recently added to. */
const POSTING_CAPACITY = 64;
/** Candidates scored per article: those sharing the most posting keys with it. */
const SCORED_CANDIDATES = 16;
/** Closed stories are swept out of the index every this many articles. */
const SWEEP_EVERY = 256;

interface OpenStory {
  record: StoryRecord;
  centroid: Record<Part, Map<string, number>>;
  /** Squared norms of the centroid parts. */
  norms: Record<Part, number>;
  posted: Set<string>;
  /** Articles placed before its latest member: larger is more recent. */
  touched: number;
}

/** A stored article as the clusterer saw it. */
export interface StoryMember {
  story: string;
  vector: StoryVector;
  time: number | null;
}

export class StoryClusterer {
  private readonly options: StoryOptions;
  private readonly termDf = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private documents = 0;
  /** Every story; the open ones also have a centroid in `open`. */
  private readonly records = new Map<string, StoryRecord>();
  private readonly open = new Map<string, OpenStory>();
  /** Posting key → story ids, least recently added to first. */
  private readonly postings = new Map<string, Map<string, true>>();
  private clock: number | null = null;
  private placed = 0;

  constructor(options: Partial<StoryOptions> = {}) {
    this.options = { ...STORY_DEFAULTS, ...options };
  }

  /** The latest time seen: an undated article is placed there. */
  get now(): number | null {
    return this.clock;
  }

  /** Counts the article into the document frequencies and returns its tf-idf vector. */
  vectorize(features: StoryFeatures): StoryVector {
    this.count(features.body.keys(), features.entities.keys());
    const weigh = (counts: Iterable<[string, number]>, df: Map<string, number>): Array<[string, number]> => {
      const out: Array<[string, number]> = [];
      for (const [key, count] of counts) out.push([key, round((1 + Math.log(count)) * this.idf(df.get(key) ?? 1))]);
      // A stable sort: ties keep the features' order, which the stored vector keeps too.
      return out.sort((a, b) => b[1] - a[1]);
    };
    return {
      body: weigh(features.body, this.termDf),
      title: weigh([...features.title].map((t): [string, number] => [t, 1]), this.termDf),
      entities: weigh(features.entities, this.entityDf),
    };
  }

  /**
   * Resumes by replaying the stored placements in order (no scoring): the state is then exactly
   * what it was, so a resumed run decides as one that never stopped. `stories` gives each story's
   * label and first article.
   */
  restore(stories: readonly StoryRecord[], members: readonly StoryMember[]): void {
    const stored = new Map(stories.map((s) => [s.id, s]));
    for (const { story, vector, time } of members) {
      this.count(
        vector.body.map(([term]) => term),
        vector.entities.map(([id]) => id),
      );
      this.advance(time);
      const { label, seq } = stored.get(story) ?? { label: '', seq: this.placed };
      this.place(this.records.get(story) ?? this.create(story, label, seq, time), sparse(vector), time);
    }
  }

  /**
   * Places an article: in story `into` when given (a copy joins its original's story; a closed
   * story only counts it), else in the best-scoring open story above the threshold, else in a new
   * story with id `newId`.
   */
  assign(vector: StoryVector, time: number | null, seq: number, label: string, newId: string, into?: string): StoryRecord {
    this.advance(time);
    const parts = sparse(vector);
    let target = into === undefined ? undefined : this.records.get(into);
    if (!target) {
      const best = this.best(parts, time);
      if (best && best.score >= this.options.threshold) target = best.story.record;
    }
    return { ...this.place(target ?? this.create(newId, label, seq, time), parts, time) };
  }

  /** Moves the clock on and, every so often, sweeps closed stories out of the index. */
  private advance(time: number | null): void {
    if (time !== null && (this.clock === null || time > this.clock)) this.clock = time;
    if (++this.placed % SWEEP_EVERY === 0) this.sweep();
  }

  private create(id: string, label: string, seq: number, time: number | null): StoryRecord {
    const record: StoryRecord = { id, label, seq, first: time, last: time, size: 0 };
    this.records.set(id, record);
    this.open.set(id, { record, centroid: { body: new Map(), title: new Map(), entities: new Map() }, norms: { body: 0, title: 0, entities: 0 }, posted: new Set(), touched: 0 });
    return record;
  }

  /** Adds the article to the story: a closed story (a copy's original) only counts it. */
  private place(record: StoryRecord, parts: Sparse, time: number | null): StoryRecord {
    record.size += 1;
    const story = this.open.get(record.id);
    if (!story || !this.isOpen(record)) return record;
    if (time !== null) {
      record.first = record.first === null ? time : Math.min(record.first, time);
      record.last = record.last === null ? time : Math.max(record.last, time);
    }
    for (const { part, entries } of parts.parts) {
      const centroid = story.centroid[part];
      let norm = story.norms[part];
      for (const [key, weight] of entries) {
        const old = centroid.get(key) ?? 0;
        centroid.set(key, old + weight);
        norm += 2 * old * weight + weight * weight;
      }
      story.norms[part] = norm;
    }
    story.touched = this.placed;
    for (const key of parts.keys) {
      story.posted.add(key);
      const ids = this.postings.get(key) ?? new Map<string, true>();
      ids.delete(record.id);
      ids.set(record.id, true);
      if (ids.size > POSTING_CAPACITY) ids.delete(ids.keys().next().value as string);
      this.postings.set(key, ids);
    }
    return record;
  }

  /** The best open story in the window among those sharing the most posting keys with the article. */
  private best(parts: Sparse, time: number | null): { story: OpenStory; score: number } | null {
    const shared = new Map<string, number>();
    for (const key of parts.keys) for (const id of this.postings.get(key)?.keys() ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    const candidates = [...shared]
      .map(([id, n]) => ({ story: this.open.get(id) as OpenStory, n }))
      // Closed but not yet swept stories are skipped, so a resumed run decides exactly as this one.
      .filter(({ story }) => this.isOpen(story.record) && this.inWindow(story.record, time))
      .sort((a, b) => b.n - a.n || b.story.touched - a.story.touched)
      .slice(0, SCORED_CANDIDATES);
    let best: { story: OpenStory; score: number } | null = null;
    for (const { story } of candidates) {
      const score = this.score(story, parts.parts, time);
      if (!best || score > best.score || (score === best.score && story.record.seq < best.story.record.seq)) best = { story, score };
    }
    return best;
  }

  /** Scores an article against a story: the weighted cosines times the time Gaussian. */
  private score(story: OpenStory, parts: readonly SparsePart[], time: number | null): number {
    const { weights, sigmaDays } = this.options;
    let sum = 0;
    for (const { part, entries, norm } of parts) sum += weights[part] * cosine(entries, norm, story.centroid[part], story.norms[part]);
    const { first, last } = story.record;
    if (time === null || first === null || last === null) return sum;
    const gap = time < first ? first - time : time > last ? time - last : 0;
    return sum * Math.exp(-0.5 * (gap / sigmaDays) ** 2);
  }

  private inWindow(record: StoryRecord, time: number | null): boolean {
    return time === null || record.last === null || Math.abs(time - record.last) <= this.options.windowDays;
  }

  private isOpen(record: StoryRecord): boolean {
    return this.clock === null || record.last === null || this.clock - record.last <= this.options.windowDays;
  }

  /** Drops stories that fell out of the window from the candidate index. */
  private sweep(): void {
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

  private count(terms: Iterable<string>, entities: Iterable<string>): void {
    this.documents += 1;
    for (const term of terms) this.termDf.set(term, (this.termDf.get(term) ?? 0) + 1);
    for (const id of entities) this.entityDf.set(id, (this.entityDf.get(id) ?? 0) + 1);
  }

  /** Smoothed inverse document frequency; always positive, so every term keeps some weight. */
  private idf(df: number): number {
    return Math.log((this.documents + 1) / (df + 1)) + 1;
  }
}

interface SparsePart {
  part: Part;
  entries: Array<[string, number]>;
  /** Squared norm. */
  norm: number;
}

/** An article's vector as the clusterer uses it, made once per article, not per candidate. */
interface Sparse {
  /** Each part strongest first; the body cut to its strongest terms. */
  parts: SparsePart[];
  /** The strongest body terms and entities, prefixed so they cannot collide. */
  keys: string[];
}

function sparse(vector: StoryVector): Sparse {
  const parts = PARTS.map((part): SparsePart => {
    const entries = part === 'body' ? vector.body.slice(0, CENTROID_TERMS) : vector[part];
    return { part, entries, norm: entries.reduce((sum, [, w]) => sum + w * w, 0) };
  });
  const posted = (part: SparsePart, prefix: string): string[] => part.entries.slice(0, POSTED_KEYS).map(([key]) => prefix + key);
  return { parts, keys: [...posted(parts[0], 't:'), ...posted(parts[2], 'e:')] };
}

/** Cosine of a sparse vector and a centroid, both with known squared norms. */
function cosine(entries: ReadonlyArray<[string, number]>, norm: number, centroid: Map<string, number>, centroidNorm: number): number {
  let dot = 0;
  for (const [key, weight] of entries) dot += weight * (centroid.get(key) ?? 0);
  return dot === 0 ? 0 : dot / Math.sqrt(norm * centroidNorm);
}

/** Weights are stored: four decimals keep them compact and exact across a restore. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
