import { toArticleJSON } from '../article.js';
import type { Doc } from '../doc.js';
import type { Lexicon } from '../lexicon/index.js';
import { ClaimIndex, articleEdges, normalizeClaims } from './claims.js';
import { EntityRegistry } from './entities.js';
import { LshIndex, minhash, shingles } from './minhash.js';
import { StoryClusterer, type StoryFeatures, type StoryOptions } from './stories.js';
import type { ArticleRecord, CorpusBatch, CorpusSnapshot, QuoteRecord, StoryRecord } from './types.js';

/**
 * The corpus engine: takes analysed articles one at a time and works out what each adds across
 * the corpus (near-copy, story, canonical entities, claims and the contradictions they make),
 * collecting the rows for the store until `takeBatch()`. It resumes from a store's snapshot, and a
 * resumed engine decides exactly as one that never stopped.
 */

export interface CorpusOptions {
  lexicon: Lexicon;
  stories?: Partial<StoryOptions>;
  /** Estimated Jaccard of word 3-shingles from which an article is a copy of an earlier one. */
  duplicateThreshold?: number;
}

/**
 * A syndicated copy that swaps one name throughout ("IS" → "ISIL", 12 times in 390 words) and
 * changes the headline measures 0.80; 0.7 keeps such copies clear of the estimate's noise (±0.04).
 */
export const DUPLICATE_THRESHOLD = 0.7;

export interface IncomingArticle {
  id: string;
  doc: Doc;
  title: string | null;
  source: string | null;
  url: string | null;
  path: string | null;
  published: string | null;
  ingestedAt: string;
}

const FEATURE_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const DAY_MS = 86_400_000;

export class CorpusEngine {
  private seq = 0;
  private readonly known = new Set<string>();
  private readonly storyOf = new Map<string, string>();
  private readonly lsh = new LshIndex();
  private readonly entities: EntityRegistry;
  private readonly stories: StoryClusterer;
  private readonly claims: ClaimIndex;
  private readonly duplicateThreshold: number;
  private batch: CorpusBatch = emptyBatch();
  private readonly changedEntities = new Map<string, CorpusBatch['entities'][number]>();
  private readonly changedStories = new Map<string, StoryRecord>();

  constructor(options: CorpusOptions, snapshot: CorpusSnapshot = { articles: [], entities: [], stories: [], claims: [] }) {
    this.duplicateThreshold = options.duplicateThreshold ?? DUPLICATE_THRESHOLD;
    const articles = [...snapshot.articles].sort((a, b) => a.seq - b.seq);
    for (const article of articles) {
      this.seq = Math.max(this.seq, article.seq);
      this.known.add(article.id);
      this.storyOf.set(article.id, article.story);
      this.lsh.add(article.id, article.signature);
    }
    this.entities = new EntityRegistry(options.lexicon, snapshot.entities);
    this.stories = new StoryClusterer(options.stories);
    this.stories.restore(snapshot.stories, articles);
    this.claims = new ClaimIndex(snapshot.claims, (id) => this.entities.get(id)?.name ?? id);
  }

  /** True when an article with this id is stored or waiting in the batch. */
  has(id: string): boolean {
    return this.known.has(id);
  }

  /** Adds one analysed article; its rows join the pending batch. */
  add(input: IncomingArticle): ArticleRecord {
    const { doc, id } = input;
    if (this.known.has(id)) throw new Error(`article ${id} is already in the corpus`);
    const seq = ++this.seq;
    const analysis = toArticleJSON(doc);
    const published = input.published ?? analysis.meta.published;
    const time = dayOf(published) ?? this.stories.now;

    const signature = minhash(shingles(doc.text));
    const original = this.lsh.nearest(signature, this.duplicateThreshold);
    this.lsh.add(id, signature);

    const { ids: canonical, changed } = this.entities.resolveArticle(id, analysis.entities);
    for (const entity of changed) this.changedEntities.set(entity.id, entity);

    const vector = this.stories.vectorize(features(doc, canonical));
    const title = input.title ?? analysis.meta.title;
    const label = title ?? doc.text.trim().split('\n')[0].slice(0, 120);
    const into = original ? this.storyOf.get(original.id) : undefined;
    const { story } = this.stories.assign(vector, time, seq, label, `s${id}`, into);
    this.changedStories.set(story.id, story);
    this.storyOf.set(id, story.id);

    const duplicate = original !== null;
    const claims = normalizeClaims(doc, { article: id, seq, time, duplicate, canonical });
    const edges = claims.flatMap((claim) => this.claims.add(claim));
    // A copy's own contradictions are its original's, already recorded.
    if (!duplicate) edges.push(...articleEdges(id, doc.contradictions));

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
      text: doc.text,
      analysis,
      signature,
      vector,
      story: story.id,
      duplicateOf: original?.id ?? null,
      similarity: original?.similarity ?? null,
    };
    this.known.add(id);
    this.batch.articles.push(record);
    this.batch.links.push(...[...canonical].map(([local, entity]) => ({ article: id, local, entity })));
    this.batch.quotes.push(...analysis.quotes.map((q): QuoteRecord => ({
      article: id,
      id: q.id,
      kind: q.kind,
      speaker: q.speaker === null ? null : (canonical.get(q.speaker) ?? null),
      cue: q.cue?.text ?? null,
      cueClass: q.cue?.class ?? null,
      start: q.content.start,
      end: q.content.end,
      text: q.content.text,
    })));
    this.batch.claims.push(...claims);
    this.batch.edges.push(...edges);
    return record;
  }

  /** The rows added since the last call, for one store transaction. */
  takeBatch(): CorpusBatch {
    const batch = { ...this.batch, entities: [...this.changedEntities.values()], stories: [...this.changedStories.values()] };
    this.batch = emptyBatch();
    this.changedEntities.clear();
    this.changedStories.clear();
    return batch;
  }
}

function emptyBatch(): CorpusBatch {
  return { articles: [], entities: [], links: [], quotes: [], claims: [], stories: [], edges: [] };
}

/** Content lemmas of the text and of the headline, and mention counts of canonical entities. */
function features(doc: Doc, canonical: ReadonlyMap<string, string>): StoryFeatures {
  const body = new Map<string, number>();
  const title = new Set<string>();
  const { title: headline } = doc.meta;
  for (let i = 0; i < doc.tokenCount; i++) {
    if (!FEATURE_POS.has(doc.upos(i))) continue;
    const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
    if (lemma.length < 2 || !/\p{L}/u.test(lemma)) continue;
    body.set(lemma, (body.get(lemma) ?? 0) + 1);
    if (headline && doc.tokens.end[i] <= headline.end && doc.tokens.start[i] >= headline.start) title.add(lemma);
  }
  const entities = new Map<string, number>();
  for (const entity of doc.entities) {
    const id = canonical.get(entity.id);
    if (id && !entity.unnamed) entities.set(id, (entities.get(id) ?? 0) + entity.mentions.length);
  }
  return { body, title, entities };
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
