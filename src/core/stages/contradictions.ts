import type { Claim, Doc, Entity } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { describeMatter, sharedMatter } from '../matter.js';

/**
 * Contradictions within one article: a speaker denies what a speaker from another side asserts.
 * Two claims are about the same thing when they share a participant (an entity in the proposition
 * or on the speaker's side) and either evoke the same CAMEO root or share content terms.
 */

const ASSERTING = new Set(['assert', 'accuse', 'threaten']);
/**
 * Assertions one denial is compared with at most, the nearest in the text first, and contradictions
 * one denial takes part in at most: without them, an article with thousands of claims about the
 * same people compares all pairs (370,501 pairs in a 400 KB article; 46 s).
 */
export const MAX_CANDIDATES_PER_DENIAL = 200;
export const MAX_CONTRADICTIONS_PER_DENIAL = 20;

/**
 * Denials are matched only with assertions that could share a participant: the assertions are
 * indexed by every key of their speaker's side and of their proposition's participants.
 */
export function findContradictions(doc: Doc): void {
  const sides = new Map<string, Set<string>>();
  const sideOf = (claim: Claim): Set<string> => {
    let keys = sides.get(claim.speaker as string);
    if (!keys) sides.set(claim.speaker as string, (keys = side(doc, doc.entityById(claim.speaker))));
    return keys;
  };
  const about = new Map<Claim, Set<string>>();
  const participantsOf = (claim: Claim): Set<string> => {
    let keys = about.get(claim);
    if (!keys) about.set(claim, (keys = participants(doc, claim)));
    return keys;
  };
  const bySide = new Map<string, number[]>();
  const byParticipant = new Map<string, number[]>();
  const post = (index: Map<string, number[]>, key: string, position: number): void => {
    const list = index.get(key);
    if (list) list.push(position);
    else index.set(key, [position]);
  };
  doc.claims.forEach((claim, position) => {
    if (!ASSERTING.has(claim.stance) || !claim.speaker) return;
    for (const key of sideOf(claim)) post(bySide, key, position);
    for (const key of participantsOf(claim)) post(byParticipant, key, position);
  });
  doc.claims.forEach((denial, position) => {
    if (denial.stance !== 'deny' || !denial.speaker) return;
    const denier = sideOf(denial);
    const candidates = new Set<number>();
    for (const key of participantsOf(denial)) for (const c of nearest(bySide.get(key), position)) candidates.add(c);
    for (const key of denier) for (const c of nearest(byParticipant.get(key), position)) candidates.add(c);
    const chosen = [...candidates].sort((a, b) => Math.abs(a - position) - Math.abs(b - position) || a - b).slice(0, MAX_CANDIDATES_PER_DENIAL);
    const found: { position: number; reason: string }[] = [];
    for (const candidate of chosen) {
      const assertion = doc.claims[candidate];
      const asserter = sideOf(assertion);
      if ([...denier].some((key) => asserter.has(key))) continue; // same side: not a contradiction
      const reason = sameMatter(participantsOf(denial), denier, participantsOf(assertion), asserter, denial, assertion);
      if (reason) found.push({ position: candidate, reason });
      if (found.length === MAX_CONTRADICTIONS_PER_DENIAL) break;
    }
    for (const { position: candidate, reason } of found.sort((a, b) => a.position - b.position)) {
      const assertion = doc.claims[candidate];
      const [first, second] = denial.quote < assertion.quote ? [denial, assertion] : [assertion, denial];
      doc.contradictions.push({ claims: [first.id, second.id], reason });
    }
  });
  doc.contradictions.sort((a, b) => a.claims[0].localeCompare(b.claims[0], 'en', { numeric: true }));
}

/** Up to {@link MAX_CANDIDATES_PER_DENIAL} positions of an ascending `list`, nearest `position` first. */
function nearest(list: readonly number[] | undefined, position: number): number[] {
  if (!list) return [];
  if (list.length <= MAX_CANDIDATES_PER_DENIAL) return list as number[];
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle] < position) low = middle + 1;
    else high = middle;
  }
  const picked: number[] = [];
  let before = low - 1;
  let after = low;
  while (picked.length < MAX_CANDIDATES_PER_DENIAL && (before >= 0 || after < list.length)) {
    if (after >= list.length || (before >= 0 && position - list[before] <= list[after] - position)) picked.push(list[before--]);
    else picked.push(list[after++]);
  }
  return picked;
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
function sameMatter(aboutA: Set<string>, aSide: Set<string>, aboutB: Set<string>, bSide: Set<string>, a: Claim, b: Claim): string | null {
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
