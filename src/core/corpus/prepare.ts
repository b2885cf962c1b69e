import { toArticleJSON, type ArticleJSON } from '../article.js';
import type { Doc } from '../doc.js';
import { outweighedClaims, side } from '../stages/contradictions.js';
import { minhash, shingles } from './minhash.js';
import type { StoryFeatures } from './stories.js';
import type { ClaimFields } from './types.js';

/**
 * Everything the corpus needs of an analysed article that does not depend on the corpus: its
 * public JSON, MinHash signature, clustering features and claims, with entities still as the
 * article's own ids (e1, e2 …). Plain data, so it can be computed in a worker thread and sent to
 * the thread that holds the corpus.
 */

/** A claim with the article's own entity ids. */
export type LocalClaim = ClaimFields;

export interface PreparedArticle {
  analysis: ArticleJSON;
  signature: Uint32Array;
  /** Entities keyed by article entity id. */
  features: StoryFeatures;
  claims: LocalClaim[];
}

const FEATURE_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);

export function prepareArticle(doc: Doc): PreparedArticle {
  return {
    analysis: toArticleJSON(doc),
    signature: minhash(shingles(doc.text)),
    features: storyFeatures(doc),
    claims: localClaims(doc),
  };
}

/** Content lemmas of the text and of the headline, and mention counts of named entities. */
export function storyFeatures(doc: Doc): StoryFeatures {
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
  for (const entity of doc.entities) if (!entity.unnamed) entities.set(entity.id, entity.mentions.length);
  return { body, title, entities };
}

function localClaims(doc: Doc): LocalClaim[] {
  // side() answers in lower-cased entity names; each names an entity of this article.
  const byName = new Map<string, string>();
  for (const entity of doc.entities) if (!byName.has(entity.name.toLowerCase())) byName.set(entity.name.toLowerCase(), entity.id);
  const sideOf = (id: string): string[] => [...side(doc, doc.entityById(id))].flatMap((name) => byName.get(name) ?? []);
  const quotes = new Map(doc.quotes.map((q) => [q.id, q]));
  const outweighed = outweighedClaims(doc);
  return doc.claims.map((claim): LocalClaim => {
    const quote = claim.quote === null ? null : (quotes.get(claim.quote) as (typeof doc.quotes)[number]);
    const { start, end } = quote ? quote.content : claim.proposition;
    return {
      id: claim.id,
      quote: claim.quote ?? '',
      kind: quote ? quote.kind : 'outlet',
      cue: quote?.cue ? doc.slice(quote.cue) : null,
      cueClass: quote?.cue?.class ?? null,
      speaker: claim.speaker,
      stance: claim.stance,
      start,
      end,
      text: doc.text.slice(start, end),
      entities: claim.proposition.entities,
      terms: claim.proposition.terms,
      cameo: claim.proposition.cameo,
      side: claim.speaker === null ? [] : sideOf(claim.speaker),
      about: [...new Set(claim.proposition.entities.flatMap(sideOf))],
      predicates: claim.proposition.predicates,
      predicate: claim.proposition.predicate,
      self: claim.proposition.self,
      agent: claim.proposition.agent === null ? [] : sideOf(claim.proposition.agent),
      basis: claim.basis,
      outweighed: outweighed.has(claim.id),
    };
  });
}
