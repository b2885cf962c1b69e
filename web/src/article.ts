import type { ArticleJSON } from '../../src/server/types.js';

/** Lookups over one article JSON: what a quote card and the side panel show. */

export type ArticleEntity = ArticleJSON['entities'][number];
export type ArticleQuote = ArticleJSON['quotes'][number];
export type ArticleClaim = ArticleJSON['claims'][number];
export type ArticleEvent = ArticleJSON['events'][number];

export interface QuoteFacts {
  quote: ArticleQuote;
  claim: ArticleClaim | null;
  speaker: ArticleEntity | null;
  affiliation: ArticleEntity | null;
  addressee: ArticleEntity | null;
}

export class ArticleIndex {
  readonly entities: Map<string, ArticleEntity>;
  readonly quotes: Map<string, ArticleQuote>;
  readonly claimOfQuote: Map<string, ArticleClaim>;
  readonly claims: Map<string, ArticleClaim>;

  constructor(readonly article: ArticleJSON) {
    this.entities = new Map(article.entities.map((e) => [e.id, e]));
    this.quotes = new Map(article.quotes.map((q) => [q.id, q]));
    this.claims = new Map(article.claims.map((c) => [c.id, c]));
    this.claimOfQuote = new Map(article.claims.flatMap((c) => (c.quote === null ? [] : [[c.quote, c]])));
  }

  entity(id: string | null): ArticleEntity | null {
    return id === null ? null : (this.entities.get(id) ?? null);
  }

  facts(quoteId: string): QuoteFacts | null {
    const quote = this.quotes.get(quoteId);
    if (!quote) return null;
    const speaker = this.entity(quote.speaker);
    return {
      quote,
      claim: this.claimOfQuote.get(quoteId) ?? null,
      speaker,
      affiliation: this.entity(speaker?.affiliation ?? null),
      addressee: this.entity(quote.addressee),
    };
  }

  /** Speakers in the order they first speak, each with their claims in text order (not the outlet's own voice). */
  speakers(): Array<{ speaker: ArticleEntity | null; claims: ArticleClaim[] }> {
    const groups = new Map<string | null, ArticleClaim[]>();
    const ordered = this.article.claims.filter((c) => c.quote !== null).sort((a, b) => a.proposition.start - b.proposition.start);
    for (const claim of ordered) groups.set(claim.speaker, [...(groups.get(claim.speaker) ?? []), claim]);
    return [...groups].map(([id, claims]) => ({ speaker: this.entity(id), claims }));
  }
}

/** The text on one line, cut to `max` characters with an ellipsis. */
export function clip(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Clipped, in quotation marks unless the words bring their own. */
export function quoted(text: string, max = 140): string {
  const clipped = clip(text, max);
  return /["“”]/.test(clipped) ? clipped : `“${clipped}”`;
}
