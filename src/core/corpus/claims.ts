import type { ArticleJSON } from '../article.js';
import type { Stance } from '../doc.js';
import { describeMatter, sharedMatter } from '../matter.js';
import { hashId } from '../hash.js';
import type { LocalClaim } from './prepare.js';
import type { ClaimEvidenceJSON, ClaimRecord, ClaimRef, ContradictionEdge, ContradictionJSON } from './types.js';

/**
 * Claims across articles. Each claim is normalised to canonical ids (speaker, the sides the speaker
 * speaks for, the entities the proposition is about), then matched against the claims already in
 * the corpus: a denial against an assertion from another side on the same matter is a
 * contradiction; the same speaker affirming and denying the same matter in two articles is a
 * reversal. "Same matter" follows the single-article rule (src/core/stages/contradictions.ts): one
 * claim is about the other speaker's side, and both evoke the same CAMEO root or share enough
 * content terms. A reversal has one side, so there both propositions must share a participant.
 */

const AFFIRMING = new Set<Stance>(['assert', 'accuse']);
/** The stances cross-article matching looks at: affirming ones and denial. */
export const MATCHABLE_STANCES: readonly Stance[] = [...AFFIRMING, 'deny'];
/**
 * Claims kept per participant and polarity, the latest: a new claim is compared with at most this
 * many per participant, so matching stays fast in a corpus where one name is in every article.
 */
const POSTING_CAPACITY = 512;
/** Contradictions scoring below this are kept but hidden from lists unless asked for. */
export const CONTRADICTION_THRESHOLD = 0.5;

type Polarity = 'affirm' | 'deny';

function polarity(stance: Stance): Polarity | null {
  if (stance === 'deny') return 'deny';
  return AFFIRMING.has(stance) ? 'affirm' : null;
}

export interface ClaimContext {
  article: string;
  seq: number;
  time: number | null;
  /** The article is a near-copy of another. */
  duplicate: boolean;
  /** Canonical id of each article entity id. */
  canonical: ReadonlyMap<string, string>;
}

/** An article's claims with canonical entity ids. */
export function canonicalClaims(claims: readonly LocalClaim[], context: ClaimContext): ClaimRecord[] {
  const ids = (locals: readonly string[]): string[] => [...new Set(locals.flatMap((id) => context.canonical.get(id) ?? []))];
  return claims.map(({ id, quote, kind, cue, cueClass, speaker, stance, start, end, text, terms, cameo, ...local }) => ({
    article: context.article,
    id,
    quote,
    kind,
    cue,
    cueClass,
    speaker: speaker === null ? null : (context.canonical.get(speaker) ?? null),
    stance,
    start,
    end,
    text,
    terms,
    cameo,
    entities: ids(local.entities),
    side: ids(local.side),
    about: ids(local.about),
    time: context.time,
    seq: context.seq,
    duplicate: context.duplicate,
  }));
}

/** True for claims that take part in cross-article matching. */
export function isMatchable(claim: ClaimRecord): boolean {
  return !claim.duplicate && claim.speaker !== null && polarity(claim.stance) !== null;
}

export const claimKey = (ref: ClaimRef): string => `${ref.article}#${ref.claim}`;

/** Claims indexed by every entity on their side or in their proposition, per polarity. */
export class ClaimIndex {
  private readonly index: Record<Polarity, Map<string, ClaimRecord[]>> = { affirm: new Map(), deny: new Map() };

  constructor(
    claims: readonly ClaimRecord[],
    /** Display name of a canonical entity id, for the reasons. */
    private readonly nameOf: (id: string) => string,
  ) {
    for (const claim of claims) if (isMatchable(claim)) this.insert(claim);
  }

  /** The edges between `claim` and the claims indexed so far; then indexes it. */
  add(claim: ClaimRecord): ContradictionEdge[] {
    if (!isMatchable(claim)) return [];
    const own = polarity(claim.stance) as Polarity;
    const candidates = new Set<ClaimRecord>();
    for (const key of new Set([...claim.side, ...claim.about])) {
      for (const other of this.index[own === 'affirm' ? 'deny' : 'affirm'].get(key) ?? []) candidates.add(other);
    }
    const edges: ContradictionEdge[] = [];
    for (const other of candidates) {
      if (other.article === claim.article) continue; // the single-article pipeline judged these
      const edge = other.speaker === claim.speaker ? this.reversal(other, claim) : this.contradiction(other, claim);
      if (edge) edges.push(edge);
    }
    this.insert(claim);
    return edges.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private contradiction(a: ClaimRecord, b: ClaimRecord): ContradictionEdge | null {
    if (a.side.some((id) => b.side.includes(id))) return null; // one side: not a contradiction
    const shared = [...new Set([...a.about.filter((id) => b.side.includes(id)), ...b.about.filter((id) => a.side.includes(id))])];
    const matter = this.matter(a, b, shared);
    if (!matter) return null;
    const [denial, assertion] = a.stance === 'deny' ? [a, b] : [b, a];
    return edge('contradiction', a, b, `${denial.stance} vs ${assertion.stance} across articles: ${matter}`);
  }

  /** A flip is rarer than a disagreement, so it needs both a shared event and shared terms. */
  private reversal(a: ClaimRecord, b: ClaimRecord): ContradictionEdge | null {
    const matter = this.matter(a, b, a.about.filter((id) => b.about.includes(id)), true);
    if (!matter) return null;
    const [earlier, later] = (a.time ?? 0) < (b.time ?? 0) || ((a.time ?? 0) === (b.time ?? 0) && a.seq <= b.seq) ? [a, b] : [b, a];
    return edge('reversal', earlier, later, `${earlier.stance} then ${later.stance} by ${this.nameOf(a.speaker as string)}: ${matter}`);
  }

  /**
   * "shared participants …; CAMEO …" when the claims share participants and an event or terms
   * (`strict`: an event and terms).
   */
  private matter(a: ClaimRecord, b: ClaimRecord, participants: readonly string[], strict = false): string | null {
    if (participants.length === 0) return null;
    const shared = sharedMatter(a, b);
    const { events, sharesTerms } = shared;
    if (strict ? events.length === 0 || !sharesTerms : events.length === 0 && !sharesTerms) return null;
    const about = describeMatter(shared);
    return `shared participants ${participants.map(this.nameOf).join(', ')}; ${about}`;
  }

  private insert(claim: ClaimRecord): void {
    const index = this.index[polarity(claim.stance) as Polarity];
    for (const key of new Set([...claim.side, ...claim.about])) {
      const list = index.get(key);
      if (!list) index.set(key, [claim]);
      else if (list.push(claim) > POSTING_CAPACITY) list.shift();
    }
  }
}

function edge(kind: ContradictionEdge['kind'], a: ClaimRecord, b: ClaimRecord, reason: string): ContradictionEdge {
  const claims: [ClaimRef, ClaimRef] = [
    { article: a.article, claim: a.id },
    { article: b.article, claim: b.id },
  ];
  const keys = claims.map(claimKey);
  if (kind === 'contradiction') keys.sort();
  return { id: `x${hashId(`${kind}\u0000${keys.join('\u0000')}`)}`, kind, claims, reason, crossArticle: true, score: 1 };
}

/** The single-article pipeline's contradictions as corpus edges. */
export function articleEdges(article: string, contradictions: ArticleJSON['contradictions']): ContradictionEdge[] {
  return contradictions.map(({ claims: [a, b], reason }) => ({
    id: `x${hashId(`contradiction\u0000${article}#${a}\u0000${article}#${b}`)}`,
    kind: 'contradiction' as const,
    claims: [
      { article, claim: a },
      { article, claim: b },
    ],
    reason,
    crossArticle: false,
    score: 1,
  }));
}

/**
 * Edges of one kind that share a claim are one matter: each group lists its claims once, in time
 * order, and its pairs as indexes into them. `evidence` returns null for claims it cannot find.
 */
export function groupContradictions(
  edges: readonly ContradictionEdge[],
  evidence: (ref: ClaimRef) => (ClaimEvidenceJSON & { seq: number }) | null,
): ContradictionJSON[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  const node = (kind: string, ref: ClaimRef): string => {
    const key = `${kind}\u0000${claimKey(ref)}`;
    if (!parent.has(key)) parent.set(key, key);
    return key;
  };
  for (const e of edges) parent.set(find(node(e.kind, e.claims[0])), find(node(e.kind, e.claims[1])));
  const groups = new Map<string, ContradictionEdge[]>();
  for (const e of edges) {
    const root = find(node(e.kind, e.claims[0]));
    groups.set(root, [...(groups.get(root) ?? []), e]);
  }
  const out: Array<ContradictionJSON & { order: number }> = [];
  for (const group of groups.values()) {
    const refs = new Map<string, ClaimEvidenceJSON & { seq: number }>();
    for (const e of group) {
      for (const ref of e.claims) {
        const found = evidence(ref);
        if (found) refs.set(claimKey(ref), found);
      }
    }
    const claims = [...refs.entries()].sort(([, a], [, b]) => (a.date ?? '').localeCompare(b.date ?? '') || a.seq - b.seq);
    const index = new Map(claims.map(([key], i) => [key, i]));
    const pairs = group.flatMap((e) => {
      const [i, j] = e.claims.map((ref) => index.get(claimKey(ref)));
      if (i === undefined || j === undefined) return [];
      // A reversal's order is its meaning (earlier claim first); a contradiction's is not.
      const ordered: [number, number] = e.kind === 'reversal' || i < j ? [i, j] : [j, i];
      return [{ claims: ordered, reason: e.reason, crossArticle: e.crossArticle }];
    });
    pairs.sort((a, b) => a.claims[0] - b.claims[0] || a.claims[1] - b.claims[1]);
    if (pairs.length === 0) continue;
    const ids = group.map((e) => e.id).sort();
    out.push({
      id: ids[0],
      kind: group[0].kind,
      claims: claims.map(([, { seq: _seq, ...json }]) => json),
      pairs,
      order: Math.min(...claims.map(([, c]) => c.seq)),
    });
  }
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)).map(({ order: _order, ...json }) => json);
}
