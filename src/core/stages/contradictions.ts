import type { Claim, Doc, Entity } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { compareFrames, explainContradiction, polarityOf, propositionKeys, type FrameMatch, type Polarity } from '../proposition.js';

/**
 * Contradictions within one article: one side denies the proposition another side affirms. Two
 * claims hold the same proposition when their frames match (src/core/proposition.ts: predicate
 * class and a shared participant, never a participant alone). Claims are indexed by proposition
 * key (predicate family × participant), so each claim is compared only with the claims that share
 * a key, not with every other claim.
 */

/**
 * Claims one claim is compared with at most, per proposition key, the nearest earlier first, and
 * opposed pairs one claim takes part in as the later one at most: without them, an article with
 * thousands of claims about one proposition compares all pairs (370,501 pairs in a 400 KB
 * article; 46 s).
 */
export const MAX_CANDIDATES_PER_DENIAL = 200;
export const MAX_CONTRADICTIONS_PER_DENIAL = 20;

/** The outlet's side in its own article: a name no entity has. */
export const OUTLET_SIDE = '\u0000the outlet';

export function findContradictions(doc: Doc): void {
  opposedPairs(doc, (earlier, later, match) => {
    const sides = [claimSide(doc, earlier), claimSide(doc, later)];
    if ([...sides[0]].some((k) => sides[1].has(k))) return; // one side: not a contradiction
    const [denial, assertion] = later.stance === 'deny' ? [later, earlier] : [earlier, later];
    const names = match.participants.map((k) => displayName(doc, k));
    const reason = explainContradiction(explained(doc, denial), explained(doc, assertion), match, names);
    doc.contradictions.push({ claims: [earlier.id, later.id], reason, score: match.score, proposition: match.shared });
  });
  doc.contradictions.sort((a, b) => b.score - a.score || a.claims[0].localeCompare(b.claims[0], 'en', { numeric: true }));
}

/**
 * Claims the article itself opposes earlier in its text, whoever speaks: news puts what it stands
 * by first (headline, lead), so of two opposed claims on one proposition the later is reported,
 * not taken. So are the quoted claims of a round-up ("Orbis Nova 7: everything we know so far"),
 * which relays what others reported without taking a side. The corpus does not match these across
 * articles.
 */
export function outweighedClaims(doc: Doc): Set<string> {
  const later = new Set<string>();
  opposedPairs(doc, (_earlier, claim) => later.add(claim.id));
  if (doc.meta.title && ROUNDUP.test(doc.slice(doc.meta.title))) for (const claim of doc.claims) if (claim.speaker !== null) later.add(claim.id);
  return later;
}

/** Headlines of articles that gather what has been reported: "What we know", "Everything we know so far". */
const ROUNDUP = /\b(?:what we know|everything we know|what you need to know|what we don't know|round-?up)\b/i;

/**
 * Calls `found` for every pair of claims with opposite polarity on the same proposition, the
 * earlier in the text first. Claims are indexed by proposition key, so each is compared only with
 * the claims that share a key.
 */
function opposedPairs(doc: Doc, found: (earlier: Claim, later: Claim, match: FrameMatch) => void): void {
  const index: Record<Polarity, Map<string, Claim[]>> = { affirm: new Map(), deny: new Map() };
  const ordered = [...doc.claims].sort((a, b) => a.proposition.start - b.proposition.start);
  for (const claim of ordered) {
    const polarity = polarityOf(claim.stance);
    if (!polarity || (claim.speaker === null && claim.quote !== null)) continue;
    const keys = propositionKeys({ predicates: claim.proposition.predicates, participants: [...participants(doc, claim)] });
    const seen = new Set<Claim>();
    const matches: { other: Claim; match: FrameMatch }[] = [];
    for (const key of keys) {
      const opposed = index[polarity === 'affirm' ? 'deny' : 'affirm'].get(key) ?? [];
      for (let k = opposed.length - 1; k >= Math.max(0, opposed.length - MAX_CANDIDATES_PER_DENIAL); k--) {
        const other = opposed[k];
        if (seen.has(other)) continue;
        seen.add(other);
        const match = compareFrames(comparable(doc, other), comparable(doc, claim));
        if (match.score > 0) matches.push({ other, match });
      }
    }
    // The nearest opposed claims are kept, reported in text order.
    matches
      .sort((a, b) => b.other.proposition.start - a.other.proposition.start)
      .slice(0, MAX_CONTRADICTIONS_PER_DENIAL)
      .sort((a, b) => a.other.proposition.start - b.other.proposition.start)
      .forEach(({ other, match }) => found(other, claim, match));
    for (const key of keys) {
      const list = index[polarity].get(key);
      if (list) list.push(claim);
      else index[polarity].set(key, [claim]);
    }
  }
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

/** The speaker's side; the outlet's for a claim in its own voice. */
function claimSide(doc: Doc, claim: Claim): Set<string> {
  return claim.speaker === null ? new Set([OUTLET_SIDE]) : side(doc, doc.entityById(claim.speaker));
}

/** Everyone a proposition involves: the sides of the entities it mentions, and the speaker's when it speaks of itself. */
function participants(doc: Doc, claim: Claim): Set<string> {
  const keys = new Set<string>();
  for (const id of claim.proposition.entities) for (const key of side(doc, doc.entityById(id))) keys.add(key);
  if (claim.proposition.self && claim.speaker !== null) for (const key of side(doc, doc.entityById(claim.speaker))) keys.add(key);
  return keys;
}

function comparable(doc: Doc, claim: Claim) {
  const agent = claim.proposition.agent === null ? [] : [...side(doc, doc.entityById(claim.proposition.agent))];
  const involved = participants(doc, claim);
  const speaker = claim.speaker === null ? new Set<string>() : side(doc, doc.entityById(claim.speaker));
  const speakerTakesPart = claim.proposition.self || [...speaker].some((key) => involved.has(key) || agent.includes(key));
  return { predicates: claim.proposition.predicates, participants: [...involved], agent, terms: claim.proposition.terms, basis: claim.basis, speakerTakesPart };
}

function explained(doc: Doc, claim: Claim) {
  const speaker = claim.speaker === null ? 'the outlet' : (doc.entityById(claim.speaker)?.name ?? 'someone');
  return { speaker, stance: claim.stance, basis: claim.basis, predicate: claim.proposition.predicate };
}

/** The entity name behind a lower-cased side key, as written. */
function displayName(doc: Doc, key: string): string {
  return doc.entities.find((e) => e.name.toLowerCase() === key)?.name ?? key;
}

export const contradictionsStage: Stage = {
  name: 'contradictions',
  requires: ['claims'],
  assigns: ['contradictions'],
  apply: findContradictions,
};
