import { outletName } from '../core/corpus/claims.js';
import { dateOf } from '../core/corpus/corpus.js';
import type { ClaimRecord, ContradictionEdge, StoryJSON } from '../core/corpus/types.js';
import { entityJSON } from '../store/rows.js';
import type { EntityClaimCounts, Page, Store } from '../store/types.js';
import { claimsMatrix } from './matrix.js';
import { actorNetwork } from './network.js';
import type {
  ArticleDetailJSON,
  ArticleSummaryJSON,
  EntityDetailJSON,
  LinkedContradictionJSON,
  NetworkJSON,
  StatementJSON,
  StoryDetailJSON,
  TimelineDayJSON,
} from './types.js';

/**
 * The pages the Store has no single query for (an article with its contradictions elsewhere,
 * entity pages, story matrices, the actor network), each made of a few indexed store queries, so a
 * page costs the same in a corpus of any size and the server holds no corpus in memory.
 */

export interface CorpusViewOptions {
  /** How long cached article texts are trusted before the store's counts are compared again. */
  refreshMs?: number;
  /** A story page's articles (its first) and the claims its matrix is made of (its latest). */
  storyArticles?: number;
  storyClaims?: number;
}

const DEFAULT_REFRESH_MS = 1000;

/** Statements by and about an entity an entity page lists by default: the latest. */
export const ENTITY_STATEMENTS = 200;
/** A story page's articles, its first, and the claims its matrix is made of, its latest: a story can hold thousands of each. */
export const STORY_ARTICLES = 24;
export const STORY_CLAIMS = 1000;
/** Edges of the actor network a page draws by default: the strongest. */
export const NETWORK_EDGES = 500;
/** Article details kept as JSON text (see {@link CorpusView.articleText}). */
const CACHED_ARTICLES = 256;

/** The file name (and `:line` or `#id`) of a stored path: the API does not show where the server keeps its files. */
function fileName<T extends { path: string | null }>(article: T): T {
  return article.path === null ? article : { ...article, path: article.path.slice(article.path.lastIndexOf('/') + 1) };
}

/** Stories with each article's path cut to its file name. */
export function withFileNames(stories: StoryJSON[]): StoryJSON[] {
  return stories.map((story) => ({ ...story, articles: story.articles.map(fileName) }));
}

export class CorpusView {
  /** Article details as JSON text, most recently read last, for the store as it was at `version`. */
  private articleTexts = new Map<string, string>();
  private version = '';
  private checkedAt = 0;
  private readonly refreshMs: number;
  private readonly storyArticles: number;
  private readonly storyClaims: number;

  constructor(
    readonly store: Store,
    options: CorpusViewOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
    this.storyArticles = options.storyArticles ?? STORY_ARTICLES;
    this.storyClaims = options.storyClaims ?? STORY_CLAIMS;
  }

  /** Forgets what is cached, for a write this process made. */
  invalidate(): void {
    this.articleTexts = new Map();
    this.checkedAt = 0;
  }

  /** Articles, latest publication first. */
  async articles(page: Page = {}): Promise<ArticleSummaryJSON[]> {
    return (await this.store.articleSummaries(page)).map(fileName);
  }

  async article(id: string): Promise<ArticleDetailJSON | null> {
    const [record, summary, edges] = await Promise.all([this.store.article(id), this.summary(id), this.store.edgesOf(id)]);
    if (!record || !summary) return null;
    return { ...summary, ingestedAt: record.ingestedAt, analysis: record.analysis, entities: record.entities, contradictions: await this.contradictionsOf(id, edges) };
  }

  /**
   * The article detail as JSON text. Serialising a whole analysis was most of a request's cost,
   * and readers open the same articles again and again, so the text is kept while the corpus stays
   * as it was, for the {@link CACHED_ARTICLES} most recently read.
   */
  async articleText(id: string): Promise<string | null> {
    await this.checkVersion();
    const cache = this.articleTexts;
    const kept = cache.get(id);
    if (kept !== undefined) {
      // Most recently read last: the first entry is the one to drop.
      cache.delete(id);
      cache.set(id, kept);
      return kept;
    }
    const detail = await this.article(id);
    if (!detail) return null;
    const text = JSON.stringify(detail);
    // The cache may have been dropped meanwhile: keep the text only in the one it came from.
    if (cache.size >= CACHED_ARTICLES) cache.delete(cache.keys().next().value as string);
    cache.set(id, text);
    return text;
  }

  /** Contradictions between claims of `article` and claims elsewhere, with the other side's evidence, strongest first. */
  async contradictionsOf(article: string, edges?: readonly ContradictionEdge[]): Promise<LinkedContradictionJSON[]> {
    const crossing = (edges ?? (await this.store.edgesOf(article))).filter((edge) => edge.claims[0].article !== edge.claims[1].article);
    const sides = crossing.map((edge) => (edge.claims[0].article === article ? edge.claims : ([edge.claims[1], edge.claims[0]] as const)));
    const others = await this.statements(await this.store.claimsWhere({ refs: sides.map(([, other]) => other) }));
    const byRef = new Map(others.map((s) => [`${s.article}#${s.claim}`, s]));
    const linked: LinkedContradictionJSON[] = [];
    crossing.forEach((edge, i) => {
      const [own, other] = sides[i];
      const statement = byRef.get(`${other.article}#${other.claim}`);
      if (statement) linked.push({ id: edge.id, kind: edge.kind, reason: edge.reason, score: edge.score, claim: own.claim, other: statement });
    });
    return linked.sort((x, y) => y.score - x.score);
  }

  /** One entity with the latest `limit` statements by and about it (a much quoted one has thousands), and its whole timeline. */
  async entity(id: string, limit = ENTITY_STATEMENTS): Promise<EntityDetailJSON | null> {
    const [[found], said, about, counts] = await Promise.all([
      this.store.entitiesById([id]),
      this.store.claimsWhere({ speaker: id }, limit),
      this.store.claimsWhere({ about: id }, limit),
      this.store.entityClaimCounts(id),
    ]);
    if (!found) return null;
    // One read of names and articles for both sides.
    const statements = await this.statements([...said, ...about]);
    return {
      entity: entityJSON(found),
      said: statements.slice(0, said.length),
      saidTotal: counts.said,
      about: statements.slice(said.length),
      aboutTotal: counts.about,
      timeline: timeline(counts.times),
    };
  }

  /** One story with its first articles and the matrix of its latest claims (copies apart; {@link STORY_ARTICLES}, {@link STORY_CLAIMS}). */
  async story(id: string): Promise<StoryDetailJSON | null> {
    const { storyArticles, storyClaims } = this;
    const [[story], claims] = await Promise.all([this.store.stories({ id, articles: storyArticles }), this.store.claimsWhere({ story: id }, storyClaims + 1)]);
    if (!story) return null;
    const capped = claims.length > storyClaims;
    const read = capped ? claims.slice(1) : claims;
    const names = await this.names(read);
    const [fileNamed] = withFileNames([story]);
    return { story: fileNamed, matrix: claimsMatrix(read, (speaker) => names.get(speaker) ?? speaker), claimsLimit: capped ? storyClaims : null };
  }

  /** The `limit` strongest edges of the actor network and their entities. */
  async network(limit = NETWORK_EDGES): Promise<NetworkJSON> {
    const { edges, total } = await this.store.network(limit);
    const entities = await this.store.entitiesById([...new Set(edges.flatMap((e) => [e.source, e.target]))]);
    return actorNetwork(edges, total, entities);
  }

  async summary(article: string): Promise<ArticleSummaryJSON | null> {
    const [summary] = await this.store.articleSummaries({ ids: [article] });
    return summary ? fileName(summary) : null;
  }

  async storyLabel(id: string): Promise<string | null> {
    const [story] = await this.store.stories({ id, articles: 0 });
    return story?.label ?? null;
  }

  /** Claims as pages list them: with their speaker's name and their article's title and source. */
  private async statements(claims: readonly ClaimRecord[]): Promise<StatementJSON[]> {
    const [names, articles] = await Promise.all([this.names(claims), this.store.articleSummaries({ ids: [...new Set(claims.map((c) => c.article))] })]);
    const byId = new Map(articles.map((a) => [a.id, a]));
    return claims.map((c) => {
      const article = byId.get(c.article);
      return {
        article: c.article,
        claim: c.id,
        quote: c.quote,
        speaker: c.speaker === null ? null : { id: c.speaker, name: names.get(c.speaker) ?? outletName(c.speaker) ?? c.speaker },
        stance: c.stance,
        text: c.text,
        start: c.start,
        end: c.end,
        date: dateOf(c.time),
        title: article?.title ?? null,
        source: article?.source ?? null,
        duplicate: c.duplicate,
      };
    });
  }

  /** The names of the claims' speakers that are entities. */
  private async names(claims: readonly ClaimRecord[]): Promise<Map<string, string>> {
    const speakers = [...new Set(claims.flatMap((c) => (c.speaker === null ? [] : [c.speaker])))];
    return new Map((await this.store.entitiesById(speakers)).map((e) => [e.id, e.name]));
  }

  /** Drops the cached texts when the store's counts have changed (another process ingested), at most once per `refreshMs`. */
  private async checkVersion(): Promise<void> {
    const now = Date.now();
    if (now - this.checkedAt < this.refreshMs) return;
    this.checkedAt = now;
    const version = JSON.stringify(await this.store.count());
    if (version !== this.version) {
      this.version = version;
      this.articleTexts = new Map();
    }
  }
}

/** Statements per date, oldest first, undated last; copies are not counted again. */
function timeline(times: EntityClaimCounts['times']): TimelineDayJSON[] {
  const days = new Map<string | null, TimelineDayJSON>();
  for (const { time, said, about } of times) {
    const date = dateOf(time);
    const day = days.get(date) ?? { date, said: 0, about: 0 };
    day.said += said;
    day.about += about;
    days.set(date, day);
  }
  return [...days.values()].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date.localeCompare(b.date)));
}
