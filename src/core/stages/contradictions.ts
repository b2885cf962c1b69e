import type { Claim, Doc, Entity } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { describeMatter, sharedMatter } from '../matter.js';

/**
 * Contradictions within one article: a speaker denies what a speaker from another side asserts.
 * Two claims are about the same thing when they share a participant (an entity in the proposition
 * or on the speaker's side) and either evoke the same CAMEO root or share content terms.
 */

const ASSERTING = new Set(['assert', 'accuse', 'threaten']);

export function findContradictions(doc: Doc): void {
  const denials = doc.claims.filter((c) => c.stance === 'deny' && c.speaker);
  const assertions = doc.claims.filter((c) => ASSERTING.has(c.stance) && c.speaker);
  for (const denial of denials) {
    const denier = side(doc, doc.entityById(denial.speaker));
    for (const assertion of assertions) {
      const asserter = side(doc, doc.entityById(assertion.speaker));
      if ([...denier].some((key) => asserter.has(key))) continue; // same side: not a contradiction
      const reason = sameMatter(doc, denial, denier, assertion, asserter);
      if (!reason) continue;
      const [first, second] = denial.quote < assertion.quote ? [denial, assertion] : [assertion, denial];
      doc.contradictions.push({ claims: [first.id, second.id], reason });
    }
  }
  doc.contradictions.sort((a, b) => a.claims[0].localeCompare(b.claims[0], 'en', { numeric: true }));
}

/**
 * Who an entity speaks for, as lower-cased names: itself, its affiliation and related group, up to
 * three links ("Zamir Kabulov" → Russian foreign ministry → Russian → Russia).
 */
export function side(doc: Doc, entity: Entity | undefined): Set<string> {
  const keys = new Set<string>();
  const visit = (e: Entity | undefined, depth: number): void => {
    if (!e || depth > 3 || keys.has(e.name.toLowerCase())) return;
    keys.add(e.name.toLowerCase());
    visit(doc.entityById(e.affiliation), depth + 1);
    visit(doc.entityById(e.related), depth + 1);
  };
  visit(entity, 0);
  return keys;
}

/** Everyone a proposition involves: the sides of the entities it mentions. */
function participants(doc: Doc, claim: Claim): Set<string> {
  const keys = new Set<string>();
  for (const id of claim.proposition.entities) for (const key of side(doc, doc.entityById(id))) keys.add(key);
  return keys;
}

/**
 * Same matter: each claim is about the other side (one proposition names the other speaker's side),
 * and they evoke the same CAMEO root or share enough content terms.
 */
function sameMatter(doc: Doc, a: Claim, aSide: Set<string>, b: Claim, bSide: Set<string>): string | null {
  const aboutA = participants(doc, a);
  const aboutB = participants(doc, b);
  const shared = [...new Set([...[...aboutA].filter((k) => bSide.has(k)), ...[...aboutB].filter((k) => aSide.has(k))])];
  if (shared.length === 0) return null;
  const matter = sharedMatter(a.proposition, b.proposition);
  if (matter.events.length === 0 && !matter.sharesTerms) return null;
  const about = describeMatter(matter);
  return `deny vs assert on the same matter: shared participants ${shared.join(', ')}; ${about}`;
}

export const contradictionsStage: Stage = {
  name: 'contradictions',
  requires: ['claims'],
  assigns: ['contradictions'],
  apply: findContradictions,
};
