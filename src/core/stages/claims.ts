import type { Claim, Doc, Quote, Span, Stance } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { cameoCodes } from '../cameo.js';

/**
 * One claim per attributed statement: who (the resolved speaker), the stance taken (the cue's
 * class; a negated cue — "did not deny" — is no stance of its own), and the proposition with the
 * entities and content terms it mentions.
 */

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'say', 'get', 'make', 'go', 'take', 'come', 'will', 'would', 'can', 'that', 'thing']);

export function buildClaims(doc: Doc): void {
  // The last quote with a cue of each speaker so far: a floating quote continues its stance.
  const lastCued = new Map<string | null, Quote>();
  const byStart = mentionsByStart(doc);
  doc.quotes.forEach((quote, k) => {
    const claim: Claim = {
      id: `c${k + 1}`,
      quote: quote.id,
      speaker: quote.speaker,
      stance: stanceOf(quote, lastCued.get(quote.speaker)),
      proposition: proposition(doc, byStart, quote.content.parts ?? [quote.content]),
    };
    if (quote.cue) lastCued.set(quote.speaker, quote);
    doc.claims.push(claim);
  });
}

/** The cue's class; a floating quote continues the stance of its speaker's previous statement with a cue. */
function stanceOf(quote: Quote, previous: Quote | undefined): Stance {
  const cue = quote.cue ?? previous?.cue;
  if (!cue) return 'assert';
  return cue.negated ? 'other' : cue.class;
}

function proposition(doc: Doc, byStart: number[], parts: Span[]): Claim['proposition'] {
  const entities = new Set<string>();
  const terms = new Set<string>();
  for (const part of parts) {
    const inside: number[] = [];
    for (let j = firstFrom(doc, byStart, part.start); j < byStart.length && doc.mentions[byStart[j]].start < part.end; j++) {
      if (doc.mentions[byStart[j]].end <= part.end) inside.push(byStart[j]);
    }
    // In the order of doc.mentions, as entities are listed.
    for (const k of inside.sort((a, b) => a - b)) entities.add(doc.entities[doc.mentions[k].entity].id);
    for (let i = doc.tokenAt(part.start); i < doc.tokenCount && doc.tokens.end[i] <= part.end; i++) {
      if (!CONTENT_POS.has(doc.upos(i))) continue;
      const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
      if (!LIGHT_LEMMAS.has(lemma) && /\p{L}/u.test(lemma)) terms.add(lemma);
    }
  }
  const sortedTerms = [...terms].sort();
  return {
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    entities: [...entities],
    terms: sortedTerms,
    cameo: cameoCodes(sortedTerms),
  };
}

/** Mention indices by start offset (the speakers stage appends its descriptions at the end). */
function mentionsByStart(doc: Doc): number[] {
  return doc.mentions.map((_, k) => k).sort((a, b) => doc.mentions[a].start - doc.mentions[b].start || a - b);
}

/** Position in `byStart` of the first mention that starts at or after `offset`. */
function firstFrom(doc: Doc, byStart: number[], offset: number): number {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (doc.mentions[byStart[middle]].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['quotes', 'speakers', 'pos'],
  assigns: ['claims'],
  apply: buildClaims,
};
