import type { Claim, Doc, Quote, Span, Stance } from '../doc.js';
import type { Stage } from '../pipeline.js';

/**
 * One claim per attributed statement: who (the resolved speaker), the stance taken (the cue's
 * class; a negated cue — "did not deny" — is no stance of its own), and the proposition with the
 * entities and content terms it mentions.
 */

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'say', 'get', 'make', 'go', 'take', 'come', 'will', 'would', 'can', 'that', 'thing']);

export function buildClaims(doc: Doc): void {
  doc.quotes.forEach((quote, k) => {
    const claim: Claim = {
      id: `c${k + 1}`,
      quote: quote.id,
      speaker: quote.speaker,
      stance: stanceOf(doc, quote, k),
      proposition: proposition(doc, quote.content.parts ?? [quote.content]),
      events: [],
    };
    doc.claims.push(claim);
  });
}

/** The cue's class; a floating quote continues the stance of the statement it follows. */
function stanceOf(doc: Doc, quote: Quote, index: number): Stance {
  if (quote.cue) return quote.cue.negated ? 'other' : quote.cue.class;
  for (let k = index - 1; k >= 0; k--) {
    const previous = doc.quotes[k];
    if (previous.speaker === quote.speaker && previous.cue) return previous.cue.negated ? 'other' : previous.cue.class;
  }
  return 'assert';
}

function proposition(doc: Doc, parts: Span[]): Claim['proposition'] {
  const entities = new Set<string>();
  const terms = new Set<string>();
  for (const part of parts) {
    for (const m of doc.mentions) {
      if (m.start >= part.start && m.end <= part.end) entities.add(doc.entities[m.entity].id);
    }
    for (let i = doc.tokenAt(part.start); i < doc.tokenCount && doc.tokens.end[i] <= part.end; i++) {
      if (!CONTENT_POS.has(doc.upos(i))) continue;
      const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
      if (!LIGHT_LEMMAS.has(lemma) && /\p{L}/u.test(lemma)) terms.add(lemma);
    }
  }
  return {
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    entities: [...entities],
    terms: [...terms].sort(),
    // The CAMEO codes of the events the content holds, set by the events stage.
    cameo: [],
  };
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['quotes', 'speakers', 'pos'],
  assigns: ['claims'],
  apply: buildClaims,
};
