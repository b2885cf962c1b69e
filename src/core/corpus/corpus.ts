import type { Lexicon } from '../lexicon/index.js';
import { ClaimIndex, articleEdges, canonicalClaims, outletName } from './claims.js';
import { EntityRegistry } from './entities.js';
import { LshIndex } from './minhash.js';
import type { PreparedArticle } from './prepare.js';
import { StoryClusterer } from './stories.js';
import type { ArticleRecord, CorpusBatch, CorpusSnapshot, StoryRecord } from './types.js';

/**
 * The corpus engine: takes analysed articles one at a time and works out what each adds across
 * the corpus (near-copy, story, canonical entities, claims and the contradictions they make),
 * collecting the rows for the store until `takeBatch()`. It resumes from a store's snapshot, and a
 * resumed engine decides exactly as one that never stopped.
 */

export interface CorpusOptions {
  lexicon: Lexicon;
}

/**
 * Estimated Jaccard of word 3-shingles from which an article is a copy of an earlier one. A
 * syndicated copy that swaps one name throughout ("IS" → "ISIL", 12 times in 390 words) and
 * changes the headline measures 0.80; 0.7 keeps such copies clear of the estimate's noise (±0.04).
 */
export const DUPLICATE_THRESHOLD = 0.7;

export interface IncomingArticle {
  id: string;
  prepared: PreparedArticle;
  title: string | null;
  source: string | null;
  url: string | null;
  path: string | null;
  published: string | null;
  ingestedAt: string;
}

const DAY_MS = 86_400_000;

export class CorpusEngine {
  private seq = 0;
  private readonly known = new Set<string>();
  private readonly storyOf = new Map<string, string>();
  private readonly lsh = new LshIndex();
  private readonly entities: EntityRegistry;
  private readonly stories: StoryClusterer;
  private readonly claims: ClaimIndex;
  private batch: CorpusBatch = emptyBatch();
  private readonly changedStories = new Map<string, StoryRecord>();

  constructor(options: CorpusOptions, snapshot: CorpusSnapshot = { articles: [], entities: [], stories: [], claims: [] }) {
    const articles = [...snapshot.articles].sort((a, b) => a.seq - b.seq);
    for (const article of articles) {
      this.seq = Math.max(this.seq, article.seq);
      this.known.add(article.id);
      this.storyOf.set(article.id, article.story);
      this.lsh.add(article.id, article.signature);
    }
    this.entities = new EntityRegistry(options.lexicon, snapshot.entities);
    this.stories = new StoryClusterer();
    this.stories.restore(snapshot.stories, articles);
    this.claims = new ClaimIndex(snapshot.claims, (id) => this.entities.get(id)?.name ?? outletName(id) ?? id, (article) => this.storyOf.get(article));
  }

  /** True when an article with this id is stored or waiting in the batch. */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Adds one analysed article; its rows join the pending batch. */
  add(input: IncomingArticle): ArticleRecord {
    const { id, prepared } = input;
    const { analysis, signature, features } = prepared;
    if (this.known.has(id)) throw new Error(`article ${id} is already in the corpus`);
    const seq = ++this.seq;
    const published = input.published ?? analysis.meta.published;
    const time = dayOf(published);

    const original = this.lsh.nearest(signature, DUPLICATE_THRESHOLD);
    this.lsh.add(id, signature);

    const canonical = this.entities.resolveArticle(id, analysis.entities);

    const entities = new Map<string, number>();
    for (const [local, count] of features.entities) {
      const key = canonical.get(local) as string;
      entities.set(key, (entities.get(key) ?? 0) + count);
    }
    const vector = this.stories.vectorize({ ...features, entities });
    const title = input.title ?? analysis.meta.title;
    const label = title ?? analysis.text.trim().split('\n')[0].slice(0, 120);
    const into = original ? this.storyOf.get(original.id) : undefined;
    const story = this.stories.assign(vector, time, seq, label, `s${id}`, into);
    this.changedStories.set(story.id, story);
    this.storyOf.set(id, story.id);
    // The vector keeps the ids the article had before: an entity merged away is then a key no other article has.
    this.entities.settleInStory(analysis.entities, canonical, this.stories.entitiesOf(story.id));

    const duplicate = original !== null;
    const outlet = input.source ?? siteOf(input.url) ?? analysis.meta.source;
    const claims = canonicalClaims(prepared.claims, { article: id, seq, time, duplicate, canonical, outlet });
    const edges = claims.flatMap((claim) => this.claims.add(claim));
    // A copy's own contradictions are its original's, already recorded.
    if (!duplicate) edges.push(...articleEdges(id, analysis.contradictions));

    const record: ArticleRecord = {
      id,
      seq,
      title,
      source: input.source ?? analysis.meta.source,
      url: input.url,
      path: input.path,
      published,
      time,
      ingestedAt: input.ingestedAt,
      text: analysis.text,
      analysis,
      entities: Object.fromEntries(canonical),
      signature,
      vector,
      story: story.id,
      duplicateOf: original?.id ?? null,
      // An estimate from 120 hashes: three decimals say all it knows.
      similarity: original ? Math.round(original.similarity * 1000) / 1000 : null,
    };
    this.known.add(id);
    this.batch.articles.push(record);
    this.batch.claims.push(...claims);
    this.batch.edges.push(...edges);
    return record;
  }

  /** The rows added since the last call, for one store transaction. */
  takeBatch(): CorpusBatch {
    const merged = this.stories.takeMerged();
    const gone = new Set(merged.map((m) => m.from));
    const stories = [...this.changedStories.values()].filter((s) => !gone.has(s.id));
    const batch = { ...this.batch, entities: this.entities.takeChanged(), stories, merged };
    this.batch = emptyBatch();
    this.changedStories.clear();
    return batch;
  }
}

function emptyBatch(): CorpusBatch {
  return { articles: [], entities: [], claims: [], stories: [], merged: [], edges: [] };
}

/** The host of a URL without "www." ("meridian-wire.example"), or null. */
function siteOf(url: string | null): string | null {
  const host = url ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url)?.[1] : undefined;
  return host ? host.replace(/^www\./i, '') : null;
}

/** Days since 1970-01-01 UTC of an ISO date or time, or null. */
export function dayOf(date: string | null): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : Math.round((ms / DAY_MS) * 1000) / 1000;
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function dateOf(day: number | null): string | null {
  return day === null ? null : new Date(Math.round(day * DAY_MS)).toISOString().slice(0, 10);
}
