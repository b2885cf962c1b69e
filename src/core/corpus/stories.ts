import type { StoredStory, StoryCentroid, StoryRecord, StoryVector } from './types.js';
import { StateWindow } from './window.js';

/**
 * Online topical story clustering after Miranda et al. (2018, "Multilingual Clustering of Streaming
 * News"): each arriving article is compared with the stories of its own time and joins the best one
 * if the score clears a threshold, else it starts a story. The score is a weighted sum of tf-idf
 * cosines (body lemmas, headline lemmas, canonical entities) times a Gaussian of the time gap, the
 * time feature they found mattered most. Tf-idf weights are fixed when an article arrives, so a
 * story's centroid is the sum of its members' vectors and is kept incrementally.
 * The weights and threshold are set by hand (we have no labelled stream to learn them from).
 *
 * Stories do not close: the window is around the article's own date, so an article that arrives
 * late (an archive backfilled, a folder read newest first) still finds the stories of its days, and
 * when it joins one story and scores as well with another that matches it, the two are merged.
 * Candidates come from postings of each article's strongest terms and entities per week, so the
 * cost per article does not grow with the corpus. An undated article has no week: it is matched by
 * content alone, with no time factor, against the stories most recently added to that share its keys.
 *
 * The state after placing a set of articles in given stories does not depend on the order they
 * were placed in (centroids are sums of integers, postings are sets, recency is the latest article
 * number). A store keeps it as rows (`take()`): each story, what its sums gained, the document
 * frequencies, and the postings. A resumed clusterer reads all of it through windows, which the
 * node side fills: before an article is vectorized the frequencies it weighs
 * ({@link StoryClusterer.dfRead}); before it is assigned the postings it reads
 * ({@link StoryClusterer.postingsRead}: the stories each names, with their recency), then the
 * {@link POSTING_CAPACITY} most recent stories of each ({@link StoryClusterer.storiesRead}), then
 * the sums of those it is scored against ({@link StoryClusterer.sumsRead}). A posting may still
 * name a story merged away since it was read: it is read through `resolve`.
 */

export interface StoryOptions {
  /** An article is compared with stories that have an article within this many days of its own. */
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
/** Stories read per posting: the most recently added to. */
const POSTING_CAPACITY = 64;
/** Candidates scored per article: those sharing the most posting keys with it. */
const SCORED_CANDIDATES = 16;
/** Stored weights have four decimals; centroids sum them as integers, exactly, in any order. */
const SCALE = 1e4;
/** The posting of every placement, dated or not, that undated articles look in. */
const ANY_TIME = '*';
/** The posting of undated placements, that dated articles look in besides their weeks. */
const UNDATED = 'u';

interface Story {
  record: StoryRecord;
  /** Squared norms of the centroid parts (at {@link SCALE}). */
  norms: Record<Part, number>;
  /** The number (seq) of its latest article: larger is more recent. */
  touched: number;
}

/** Sums of a story's members' weights, times {@link SCALE}. */
type Centroid = Record<Part, Map<string, number>>;

/** What a clusterer resumes from (besides the stories, postings and document frequencies, which it reads as it goes). */
export interface StoryClustererState {
  /** Articles counted into the document frequencies. */
  documents: number;
}

/** Keys a resumed clusterer keeps loaded per window after a batch. */
export interface StoryWindows {
  postings: number;
  df: number;
  /** Stories (record, recency, norms). */
  stories: number;
  /** Stories' sums. */
  sums: number;
  /** Stories' recency (the postings' stories, to choose the most recent of each). */
  recency: number;
}

/** What changed since the last {@link StoryClusterer.take}, for the store. */
export interface StoryChanges {
  /** Stories placed in or merged into, with their state. */
  stories: StoredStory[];
  /** What the sums of stories still standing gained: [story, part, key, amount]. */
  sums: Array<[string, Part, string, number]>;
  merged: Array<{ from: string; into: string }>;
  /** New (posting, story) pairs. */
  postings: Array<[string, string]>;
  /** Changed document frequencies: of each body term (`t:` + lemma) and entity (`e:` + id). */
  df: Array<[string, number]>;
}

export class StoryClusterer {
  private readonly options: StoryOptions;
  /** Document frequency of each body term (`t:` + lemma) and entity (`e:` + id); 0 for a key none has. */
  private readonly df: StateWindow<string, number>;
  private documents = 0;
  private readonly stories: StateWindow<string, Story>;
  private readonly sums: StateWindow<string, Centroid>;
  /** Each story's {@link Story.touched}, for the stories of postings whose story rows are not read. */
  private readonly recency: StateWindow<string, number>;
  /** Posting (key and week, {@link UNDATED} or {@link ANY_TIME}) → ids of the stories in it. */
  private readonly postings: StateWindow<string, Set<string>>;
  /** Each story merged away → the story it went into, which may itself have gone on. */
  private readonly merged = new Map<string, string>();
  /** Changes since the last {@link take}. */
  private changedStories = new Set<string>();
  private merges: Array<{ from: string; into: string }> = [];
  private newPostings = new Map<string, Set<string>>();
  private changedDf = new Set<string>();
  private gained = new Map<string, Centroid>();

  /**
   * A new clusterer holds everything; one resumed from a store's `state` reads the postings and
   * document frequencies through windows, which the node side fills.
   */
  constructor(options: Partial<StoryOptions> = {}, resume?: { state: StoryClustererState; windows: StoryWindows }) {
    this.options = { ...STORY_DEFAULTS, ...options };
    this.postings = new StateWindow('story posting', resume ? resume.windows.postings : null);
    this.df = new StateWindow('document frequency', resume ? resume.windows.df : null);
    this.stories = new StateWindow('story', resume ? resume.windows.stories : null);
    this.sums = new StateWindow('story sums', resume ? resume.windows.sums : null);
    this.recency = new StateWindow('story recency', resume ? resume.windows.recency : null);
    this.documents = resume?.state.documents ?? 0;
  }

  /** The document frequencies {@link vectorize} reads for these features that are not loaded. */
  dfRead(features: StoryFeatures): string[] {
    return this.df.missing([...[...features.body.keys(), ...features.title].map((term) => `t:${term}`), ...[...features.entities.keys()].map((id) => `e:${id}`)]);
  }

  /** A document frequency as the store has it (0 for a key it has none of). */
  loadDf(key: string, df: number): void {
    this.df.load(key, df);
  }

  /** Counts the article into the document frequencies and returns its tf-idf vector. */
  vectorize(features: StoryFeatures): StoryVector {
    this.count(features.body.keys(), features.entities.keys());
    const weigh = (counts: Iterable<[string, number]>, prefix: string): Array<[string, number]> => {
      const out: Array<[string, number]> = [];
      // A title term no body has counted weighs as a term of one document.
      for (const [key, count] of counts) out.push([key, round((1 + Math.log(count)) * this.idf(Math.max(1, this.dfOf(prefix + key))))]);
      // A stable sort: ties keep the features' order, which the stored vector keeps too.
      return out.sort((a, b) => b[1] - a[1]);
    };
    return {
      body: weigh(features.body, 't:'),
      title: weigh([...features.title].map((t): [string, number] => [t, 1]), 't:'),
      entities: weigh(features.entities, 'e:'),
    };
  }

  /**
   * Rebuilds the state from a corpus stored without it: each stored article, in ingest order,
   * counted and placed in the story it is in now, unscored (`label` is that story's).
   */
  replay(story: string, label: string, vector: StoryVector, time: number | null, seq: number): void {
    this.count(
      vector.body.map(([term]) => term),
      vector.entities.map(([id]) => id),
    );
    this.place(this.stories.get(story) ?? this.create(story, label, seq), sparse(vector), time, seq);
  }

  /** The story a story id stands for now: itself, or the story it was merged into. */
  resolve(id: string): string {
    let current = id;
    for (let next = this.merged.get(current); next !== undefined; next = this.merged.get(current)) current = next;
    return current;
  }

  /**
   * The `limit` entity ids a story's sums weigh most (mentions times rarity; ties by id), leaving
   * out those `skip` says. A story's sums keep every entity it ever mentioned; picking by weight
   * there, before any entity is loaded, keeps what settling reads bounded however long the story runs.
   */
  leadingEntitiesOf(id: string, limit: number, skip: (entity: string) => boolean): string[] {
    const weights = [...(this.sums.get(this.resolve(id))?.entities ?? [])].filter(([entity]) => !skip(entity));
    if (weights.length <= limit) return weights.map(([entity]) => entity);
    const sorted = Float64Array.from(weights, ([, weight]) => weight).sort();
    const threshold = sorted[sorted.length - limit];
    const above = weights.filter(([, weight]) => weight > threshold).map(([entity]) => entity);
    const at = weights.filter(([, weight]) => weight === threshold).map(([entity]) => entity).sort();
    return [...above, ...at.slice(0, limit - above.length)];
  }

  /** Everything changed since the last call, for the store; a windowed clusterer then drops what is beyond its windows. */
  take(): StoryChanges {
    const stories = [...this.changedStories].flatMap((id) => {
      const story = this.stories.peek(id);
      return story ? [stored(story)] : [];
    });
    const sums = [...this.gained].flatMap(([id, centroid]) => PARTS.flatMap((part) => [...centroid[part]].map(([key, n]): [string, Part, string, number] => [id, part, key, n])));
    const postings = [...this.newPostings].flatMap(([posting, ids]) => [...ids].map((id): [string, string] => [posting, id]));
    const df = [...this.changedDf].map((key): [string, number] => [key, this.df.peek(key) as number]);
    const changes = { stories, sums, merged: this.merges, postings, df };
    this.changedStories = new Set();
    this.gained = new Map();
    this.merges = [];
    this.newPostings = new Map();
    this.changedDf = new Set();
    for (const window of [this.postings, this.df, this.stories, this.sums, this.recency]) window.settle();
    return changes;
  }

  /** The postings {@link assign} reads for an article of this vector and time that are not loaded, or whose stories' recency is not (those must be loaded first). */
  postingsRead(vector: StoryVector, time: number | null): string[] {
    const keys = this.readKeys(sparse(vector), time);
    if (this.postings.holdsAll) return [];
    return keys.filter((posting) => {
      const ids = this.postings.peek(posting);
      return ids === undefined || [...ids].some((id) => this.recency.peek(this.resolve(id)) === undefined);
    });
  }

  /** A posting as the store has it: its stories, each with its recency. */
  loadPosting(posting: string, stories: ReadonlyArray<[string, number]>): void {
    for (const [id, touched] of stories) this.recency.load(id, touched);
    // Stories posted in this batch are not in the store yet.
    this.postings.load(posting, new Set([...stories.map(([id]) => id), ...(this.newPostings.get(posting) ?? [])]));
  }

  /**
   * The stories {@link assign} reads for an article of this vector and time, or the copy of an
   * article in story `into`, that are not loaded: the most recent of each posting it reads (loaded first).
   */
  storiesRead(vector: StoryVector, time: number | null, into?: string): string[] {
    if (into !== undefined) return this.stories.missing([this.resolve(into)]);
    const ids = new Set<string>();
    for (const posting of this.readKeys(sparse(vector), time)) for (const id of this.recent(this.postings.get(posting))) ids.add(id);
    return this.stories.missing(ids);
  }

  /** A story as the store has it. */
  loadStory({ state, ...record }: StoredStory): void {
    this.stories.load(record.id, { record, norms: { ...state.norms }, touched: state.touched });
    this.recency.load(record.id, state.touched);
  }

  /** The stories whose sums {@link assign} reads that are not loaded: those it scores (their stories loaded first), or `into`. */
  sumsRead(vector: StoryVector, time: number | null, into?: string): string[] {
    const ids = into !== undefined ? [this.resolve(into)] : this.candidates(sparse(vector), time).map((story) => story.record.id);
    return this.sums.missing(ids);
  }

  /** A story's sums as the store has them. */
  loadSums(id: string, centroid: StoryCentroid): void {
    this.sums.load(id, { body: new Map(centroid.body), title: new Map(centroid.title), entities: new Map(centroid.entities) });
  }

  /**
   * Places an article: in story `into` when given (a copy joins its original's story), else in the
   * best-scoring story of its time above the threshold, else in a new story with id `newId`. When
   * it scores above the threshold with several stories, they are merged into the oldest of them:
   * had it come first, the articles of each would have joined it. Returns the story it is in.
   */
  assign(vector: StoryVector, time: number | null, seq: number, label: string, newId: string, into?: string): StoryRecord {
    const parts = sparse(vector);
    let target = into === undefined ? undefined : this.stories.get(this.resolve(into));
    if (!target) {
      const scored = this.scored(parts, time);
      const best = scored[0];
      if (best && best.score >= this.options.threshold) {
        const joined = scored.filter((s) => s.score >= this.options.threshold).map((s) => s.story);
        target = joined.reduce((oldest, story) => (story.record.seq < oldest.record.seq ? story : oldest));
        for (const story of joined) if (story !== target) this.merge(story, target);
      }
    }
    return { ...this.place(target ?? this.create(newId, label, seq), parts, time, seq).record };
  }

  private create(id: string, label: string, seq: number): Story {
    const story: Story = {
      record: { id, label, seq, first: null, last: null, size: 0 },
      norms: { body: 0, title: 0, entities: 0 },
      touched: seq,
    };
    this.stories.set(id, story);
    this.recency.set(id, seq);
    this.sums.set(id, emptyCentroid());
    return story;
  }

  private place(story: Story, parts: Sparse, time: number | null, seq: number): Story {
    const { record } = story;
    record.size += 1;
    if (time !== null) {
      record.first = record.first === null ? time : Math.min(record.first, time);
      record.last = record.last === null ? time : Math.max(record.last, time);
    }
    for (const { part, entries } of parts.parts) this.addTo(story, part, entries);
    story.touched = Math.max(story.touched, seq);
    this.recency.set(record.id, story.touched);
    this.changedStories.add(record.id);
    for (const key of parts.keys) {
      this.post(story, `${key}@${ANY_TIME}`);
      this.post(story, `${key}@${time === null ? UNDATED : this.week(time)}`);
    }
    return story;
  }

  /** Moves every member of `from` into `into`: sums and span (postings name `from` until the store moves them, and are read resolved). */
  private merge(from: Story, into: Story): void {
    const a = into.record;
    const b = from.record;
    a.size += b.size;
    if (b.first !== null) a.first = a.first === null ? b.first : Math.min(a.first, b.first);
    if (b.last !== null) a.last = a.last === null ? b.last : Math.max(a.last, b.last);
    const sums = this.centroidOf(from);
    for (const part of PARTS) this.addTo(into, part, sums[part]);
    into.touched = Math.max(into.touched, from.touched);
    this.recency.set(a.id, into.touched);
    this.stories.delete(b.id);
    this.sums.delete(b.id);
    this.recency.delete(b.id);
    this.gained.delete(b.id);
    this.changedStories.add(a.id);
    this.merged.set(b.id, a.id);
    this.merges.push({ from: b.id, into: a.id });
  }

  /** Adds to a story's sums, and to what they gained since the last {@link take}. */
  private addTo(story: Story, part: Part, entries: Iterable<[string, number]>): void {
    const { id } = story.record;
    const centroid = this.centroidOf(story)[part];
    const gained = this.gained.get(id) ?? emptyCentroid();
    this.gained.set(id, gained);
    let norm = story.norms[part];
    for (const [key, weight] of entries) {
      const old = centroid.get(key) ?? 0;
      centroid.set(key, old + weight);
      gained[part].set(key, (gained[part].get(key) ?? 0) + weight);
      norm += 2 * old * weight + weight * weight;
    }
    story.norms[part] = norm;
  }

  private centroidOf(story: Story): Centroid {
    return this.sums.get(story.record.id) as Centroid;
  }

  /** Adds the story to a posting: to the store's rows, and to the posting itself when held (a posting not loaded needs no update). */
  private post(story: Story, posting: string): void {
    const id = story.record.id;
    const added = this.newPostings.get(posting);
    if (added) added.add(id);
    else this.newPostings.set(posting, new Set([id]));
    const ids = this.postings.peek(posting);
    if (ids) this.postings.set(posting, ids.add(id));
    else if (this.postings.holdsAll) this.postings.set(posting, new Set([id]));
  }

  private week(time: number): number {
    return Math.floor(time / this.options.windowDays);
  }

  /**
   * The candidates among the stories sharing the most posting keys with the article, scored, best
   * first (ties: the older story). A dated article looks in the weeks around its date, and at the
   * undated articles, and keeps the stories with no date or an article within the window; an
   * undated one looks at any time, by content alone.
   */
  private scored(parts: Sparse, time: number | null): Array<{ story: Story; score: number }> {
    return this.candidates(parts, time)
      .map((story) => ({ story, score: this.score(story, parts.parts, time) }))
      .sort((a, b) => b.score - a.score || a.story.record.seq - b.story.record.seq);
  }

  /** The stories an article is scored against: those of its time sharing the most posting keys with it. */
  private candidates(parts: Sparse, time: number | null): Story[] {
    const shared = new Map<string, number>();
    for (const posting of this.readKeys(parts, time)) {
      for (const id of this.recent(this.postings.get(posting))) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    return [...shared]
      .map(([id, n]) => ({ story: this.stories.get(id) as Story, n }))
      .filter(({ story }) => time === null || story.record.last === null || this.gap(story.record, time) <= this.options.windowDays)
      .sort((a, b) => b.n - a.n || b.story.touched - a.story.touched)
      .slice(0, SCORED_CANDIDATES)
      .map(({ story }) => story);
  }

  /** The postings an article looks in: the weeks around its date and the undated, or any time. */
  private readKeys(parts: Sparse, time: number | null): string[] {
    const weeks = time === null ? [ANY_TIME] : [UNDATED, ...[-1, 0, 1].map((d) => String(this.week(time) + d))];
    return parts.keys.flatMap((key) => weeks.map((week) => `${key}@${week}`));
  }

  /** The stories of a posting (as they stand now) most recently added to, at most {@link POSTING_CAPACITY}. */
  private recent(ids: Set<string> | undefined): Iterable<string> {
    if (!ids) return [];
    const current = new Set<string>();
    for (const id of ids) current.add(this.resolve(id));
    if (current.size <= POSTING_CAPACITY) return current;
    // Stories touched last are unique in recency: each article touches one story, and a merge keeps the later of two.
    const touched = (id: string): number => this.recency.get(id) as number;
    return [...current].sort((a, b) => touched(b) - touched(a)).slice(0, POSTING_CAPACITY);
  }

  /** Scores an article against a story: the weighted cosines times the time Gaussian. */
  private score(story: Story, parts: readonly SparsePart[], time: number | null): number {
    const { weights } = this.options;
    const centroid = this.centroidOf(story);
    let sum = 0;
    for (const { part, entries, norm } of parts) sum += weights[part] * cosine(entries, norm, centroid[part], story.norms[part]);
    return time === null || story.record.last === null ? sum : sum * this.decay(this.gap(story.record, time));
  }

  /** Days from `time` to the story's span (0 inside it). */
  private gap(record: StoryRecord, time: number): number {
    const { first, last } = record as { first: number; last: number };
    return time < first ? first - time : time > last ? time - last : 0;
  }

  private decay(gap: number): number {
    return Math.exp(-0.5 * (gap / this.options.sigmaDays) ** 2);
  }

  private count(terms: Iterable<string>, entities: Iterable<string>): void {
    const keys = [...[...terms].map((term) => `t:${term}`), ...[...entities].map((id) => `e:${id}`)];
    // Read first: a key not loaded throws before anything has changed.
    const counts = keys.map((key) => this.dfOf(key));
    this.documents += 1;
    keys.forEach((key, i) => {
      this.df.set(key, counts[i] + 1);
      this.changedDf.add(key);
    });
  }

  private dfOf(key: string): number {
    return this.df.get(key) ?? 0;
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
    const weights = part === 'body' ? vector.body.slice(0, CENTROID_TERMS) : vector[part];
    const entries = weights.map(([key, w]): [string, number] => [key, Math.round(w * SCALE)]);
    return { part, entries, norm: entries.reduce((sum, [, w]) => sum + w * w, 0) };
  });
  const posted = (part: SparsePart, prefix: string): string[] => part.entries.slice(0, POSTED_KEYS).map(([key]) => prefix + key);
  return { parts, keys: [...posted(parts[0], 't:'), ...posted(parts[2], 'e:')] };
}

/** A story as the store keeps it (its sums apart). */
function stored({ record, norms, touched }: Story): StoredStory {
  return { ...record, state: { touched, norms: { ...norms } } };
}

function emptyCentroid(): Centroid {
  return { body: new Map(), title: new Map(), entities: new Map() };
}

/** Cosine of a sparse vector and a centroid, both with known squared norms. */
function cosine(entries: Iterable<[string, number]>, norm: number, centroid: Map<string, number>, centroidNorm: number): number {
  let dot = 0;
  for (const [key, weight] of entries) dot += weight * (centroid.get(key) ?? 0);
  return dot === 0 ? 0 : dot / Math.sqrt(norm * centroidNorm);
}

/** Weights are stored: four decimals keep them compact and exact across a restore. */
function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
