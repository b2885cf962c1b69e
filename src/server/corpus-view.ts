import { outletName } from '../core/corpus/claims.js';
import { dateOf } from '../core/corpus/corpus.js';
import type { ClaimRecord, ContradictionEdge, EntityJSON, StoryJSON } from '../core/corpus/types.js';
import type { Store } from '../store/types.js';
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
 * The views the Store has no query for (entity pages, story matrices, the actor network, an
 * article's contradictions elsewhere) need every claim. They are built from one in-memory index of
 * the corpus, rebuilt when the store's counts change: after an ingest through the API at once, and
 * after an ingest by another process within `refreshMs`.
 */

export interface CorpusViewOptions {
  /** How long the index is trusted before the store's counts are compared again. */
  refreshMs?: number;
}

const DEFAULT_REFRESH_MS = 1000;

/** Statements by and about an entity an entity page lists by default: the latest. */
export const ENTITY_STATEMENTS = 200;

interface Index {
  articles: Map<string, ArticleSummaryJSON>;
  /** In ingest order. */
  articleList: ArticleSummaryJSON[];
  entities: Map<string, EntityJSON>;
  stories: Map<string, StoryJSON>;
  claims: Map<string, ClaimRecord>;
  bySpeaker: Map<string, ClaimRecord[]>;
  byEntity: Map<string, ClaimRecord[]>;
  byArticle: Map<string, ClaimRecord[]>;
  edgesByArticle: Map<string, ContradictionEdge[]>;
  links: Map<string, Record<string, string>>;
  network: NetworkJSON | null;
}

const claimKey = (article: string, claim: string): string => `${article}#${claim}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Stories with each article's path cut to its file name (and `:line` or `#id`): the API does not
 * show where the server keeps its files.
 */
export function withFileNames(stories: StoryJSON[]): StoryJSON[] {
  return stories.map((story) => ({ ...story, articles: story.articles.map((a) => ({ ...a, path: a.path === null ? null : a.path.slice(a.path.lastIndexOf('/') + 1) })) }));
}

/** Article details kept as JSON text per index (see {@link CorpusView.articleText}). */
const CACHED_ARTICLES = 256;
const articleTexts = new WeakMap<Index, Map<string, string>>();

export class CorpusView {
  private index: Promise<Index> | null = null;
  private version = '';
  private checkedAt = 0;
  private readonly refreshMs: number;

  constructor(
    readonly store: Store,
    options: CorpusViewOptions = {},
  ) {
    this.refreshMs = options.refreshMs ?? DEFAULT_REFRESH_MS;
  }

  /** Forgets the index, for a write this process made. */
  invalidate(): void {
    this.index = null;
    this.checkedAt = 0;
  }

  async articles(): Promise<ArticleSummaryJSON[]> {
    return (await this.current()).articleList;
  }

  async article(id: string): Promise<ArticleDetailJSON | null> {
    const [index, record] = await Promise.all([this.current(), this.store.article(id)]);
    const summary = index.articles.get(id);
    if (!record || !summary) return null;
    return {
      ...summary,
      ingestedAt: record.ingestedAt,
      analysis: record.analysis,
      entities: index.links.get(id) ?? {},
      contradictions: this.linked(index, id, index.edgesByArticle.get(id) ?? []),
    };
  }

  /**
   * The article detail as JSON text. Serialising a whole analysis was most of a request's cost,
   * and readers open the same articles again and again, so the text is kept for the index's
   * lifetime, for the {@link CACHED_ARTICLES} most recently read.
   */
  async articleText(id: string): Promise<string | null> {
    const index = await this.current();
    let cache = articleTexts.get(index);
    if (!cache) articleTexts.set(index, (cache = new Map()));
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
    // The index may have been rebuilt meanwhile: keep the text only with the one it came from.
    if (cache.size >= CACHED_ARTICLES) cache.delete(cache.keys().next().value as string);
    cache.set(id, text);
    return text;
  }

  /** Contradictions between claims of `article` and claims elsewhere, with the other side's evidence. */
  async contradictionsOf(article: string, edges?: readonly ContradictionEdge[]): Promise<LinkedContradictionJSON[]> {
    const index = await this.current();
    return this.linked(index, article, edges ?? index.edgesByArticle.get(article) ?? []);
  }

  /** One entity with the latest `limit` statements by and about it (a much quoted one has thousands), and its whole timeline. */
  async entity(id: string, limit = ENTITY_STATEMENTS): Promise<EntityDetailJSON | null> {
    const index = await this.current();
    const entity = index.entities.get(id);
    if (!entity) return null;
    const said = index.bySpeaker.get(id) ?? [];
    const about = (index.byEntity.get(id) ?? []).filter((c) => c.speaker !== id);
    const latest = (claims: readonly ClaimRecord[]) => claims.slice(Math.max(0, claims.length - limit)).map((c) => this.statement(index, c));
    return {
      entity,
      said: latest(said),
      saidTotal: said.length,
      about: latest(about),
      aboutTotal: about.length,
      timeline: timeline(said, about),
    };
  }

  async story(id: string): Promise<StoryDetailJSON | null> {
    const index = await this.current();
    const story = index.stories.get(id);
    if (!story) return null;
    const claims = story.articles.flatMap((a) => index.byArticle.get(a.id) ?? []).filter((c) => !c.duplicate);
    return { story, matrix: claimsMatrix(claims, (speaker) => index.entities.get(speaker)?.name ?? speaker) };
  }

  async network(): Promise<NetworkJSON> {
    const index = await this.current();
    index.network ??= actorNetwork(index.claims.values(), index.entities);
    return index.network;
  }

  async summary(article: string): Promise<ArticleSummaryJSON | null> {
    return (await this.current()).articles.get(article) ?? null;
  }

  async storyLabel(id: string): Promise<string | null> {
    return (await this.current()).stories.get(id)?.label ?? null;
  }

  private linked(index: Index, article: string, edges: readonly ContradictionEdge[]): LinkedContradictionJSON[] {
    const linked: LinkedContradictionJSON[] = [];
    for (const edge of edges) {
      const [a, b] = edge.claims;
      if (a.article === b.article) continue;
      const [own, other] = a.article === article ? [a, b] : [b, a];
      const claim = index.claims.get(claimKey(other.article, other.claim));
      if (!claim) continue;
      linked.push({ id: edge.id, kind: edge.kind, reason: edge.reason, score: edge.score, claim: own.claim, other: this.statement(index, claim) });
    }
    return linked.sort((x, y) => y.score - x.score);
  }

  private statement(index: Index, c: ClaimRecord): StatementJSON {
    const article = index.articles.get(c.article);
    return {
      article: c.article,
      claim: c.id,
      quote: c.quote,
      speaker: c.speaker === null ? null : { id: c.speaker, name: index.entities.get(c.speaker)?.name ?? outletName(c.speaker) ?? c.speaker },
      stance: c.stance,
      text: c.text,
      start: c.start,
      end: c.end,
      date: dateOf(c.time),
      title: article?.title ?? null,
      source: article?.source ?? null,
      duplicate: c.duplicate,
    };
  }

  private async current(): Promise<Index> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < this.refreshMs) return this.index;
    this.checkedAt = now;
    const version = JSON.stringify(await this.store.count());
    if (!this.index || version !== this.version) {
      this.version = version;
      this.index = this.load();
      // A failed load is not kept: the next request tries again.
      this.index.catch(() => this.invalidate());
    }
    return this.index;
  }

  private async load(): Promise<Index> {
    const { store } = this;
    const [stored, entities, edges, links] = await Promise.all([store.stories(), store.entities(), store.edges(), store.links()]);
    const stories = withFileNames(stored);
    const index: Index = {
      articles: new Map(),
      articleList: [],
      entities: new Map(entities.map((e) => [e.id, e])),
      stories: new Map(stories.map((s) => [s.id, s])),
      claims: new Map(),
      bySpeaker: new Map(),
      byEntity: new Map(),
      byArticle: new Map(),
      edgesByArticle: new Map(),
      links: new Map(),
      network: null,
    };
    for await (const c of store.claims()) {
      index.claims.set(claimKey(c.article, c.id), c);
      push(index.byArticle, c.article, c);
      if (c.speaker) push(index.bySpeaker, c.speaker, c);
      for (const entity of c.entities) push(index.byEntity, entity, c);
    }
    for (const story of stories) {
      for (const a of story.articles) {
        index.articles.set(a.id, { ...a, story: story.id, storyLabel: story.label });
      }
    }
    index.articleList = newestFirst([...index.articles.values()]);
    for (const edge of edges) {
      const [a, b] = edge.claims;
      push(index.edgesByArticle, a.article, edge);
      if (b.article !== a.article) push(index.edgesByArticle, b.article, edge);
    }
    for (const { article, local, entity } of links) {
      const map = index.links.get(article) ?? {};
      map[local] = entity;
      index.links.set(article, map);
    }
    return index;
  }
}

/** Latest publication first, undated last; otherwise in story order (the sort is stable). */
function newestFirst(articles: ArticleSummaryJSON[]): ArticleSummaryJSON[] {
  return articles.sort((a, b) => (a.published === b.published ? 0 : a.published === null ? 1 : b.published === null ? -1 : b.published.localeCompare(a.published)));
}

/** Statements per date, oldest first, undated last; copies are not counted again. */
function timeline(said: readonly ClaimRecord[], about: readonly ClaimRecord[]): TimelineDayJSON[] {
  const days = new Map<string | null, TimelineDayJSON>();
  const count = (claims: readonly ClaimRecord[], field: 'said' | 'about'): void => {
    for (const c of claims) {
      if (c.duplicate) continue;
      const date = dateOf(c.time);
      const day = days.get(date) ?? { date, said: 0, about: 0 };
      day[field] += 1;
      days.set(date, day);
    }
  };
  count(said, 'said');
  count(about, 'about');
  return [...days.values()].sort((a, b) => (a.date === null ? 1 : b.date === null ? -1 : a.date.localeCompare(b.date)));
}
