import { cameoRoot } from './cameo.js';

/**
 * Whether two propositions are about the same matter, the test behind contradictions within an
 * article (stages/contradictions.ts) and across the corpus (corpus/claims.ts): they evoke the same
 * CAMEO root, or share enough of their content terms.
 */

/** Share of the union of content terms two propositions must have in common. */
export const MIN_TERM_OVERLAP = 0.25;

export interface PropositionTerms {
  cameo: readonly string[];
  terms: readonly string[];
}

export interface SharedMatter {
  /** Codes of `a` whose CAMEO root `b` also evokes, unique. */
  events: string[];
  /** Content terms both share. */
  terms: string[];
  /** The shared terms reach {@link MIN_TERM_OVERLAP} of their union. */
  sharesTerms: boolean;
}

export function sharedMatter(a: PropositionTerms, b: PropositionTerms): SharedMatter {
  const rootsB = new Set(b.cameo.map(cameoRoot));
  const events = [...new Set(a.cameo.filter((code) => rootsB.has(cameoRoot(code))))];
  const termsB = new Set(b.terms);
  const terms = a.terms.filter((t) => termsB.has(t));
  const union = new Set([...a.terms, ...b.terms]).size;
  return { events, terms, sharesTerms: union > 0 && terms.length / union >= MIN_TERM_OVERLAP };
}

/** "CAMEO 046, 064; terms channel, information": what the shared matter rests on. */
export function describeMatter(shared: SharedMatter): string {
  return [
    shared.events.length > 0 ? `CAMEO ${shared.events.join(', ')}` : '',
    shared.sharesTerms ? `terms ${shared.terms.join(', ')}` : '',
  ].filter(Boolean).join('; ');
}
