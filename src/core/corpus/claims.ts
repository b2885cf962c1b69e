import type { ArticleJSON } from '../article.js';
import type { Stance } from '../doc.js';
import { compareFrames, explainContradiction, polarityOf, propositionKeys, restsOnNegation, type FrameMatch, type Polarity } from '../proposition.js';
import { hashId } from '../hash.js';
import type { LocalClaim } from './prepare.js';
import type { ClaimEvidenceJSON, ClaimRecord, ClaimRef, ContradictionEdge, ContradictionJSON } from './types.js';
import { StateWindow } from './window.js';

/**
 * Claims across articles. Each claim is normalised to canonical ids (speaker, the sides the speaker
 * speaks for, the entities the proposition is about), then matched against the claims already in
 * the corpus: a denial against an affirmation of the same proposition from another side is a
 * contradiction; the same speaker affirming and denying the same proposition in two articles is a
 * reversal. "Same proposition" is the frame comparison of src/core/proposition.ts (predicate class
 * and participants; a shared participant alone is never enough), as within an article. Claims in
 * the outlet's own voice have the outlet as speaker (`outlet:` + its name).
 */

/** The stances cross-article matching looks at: affirming ones and denial. */
export const MATCHABLE_STANCES: readonly Stance[] = ['assert', 'accuse', 'deny'];
/**
 * Claims kept per proposition key and polarity, the latest: a new claim is compared with at most
 * this many per key, so matching stays fast in a corpus where one name is in every article.
 */
export const CLAIM_POSTING_CAPACITY = 512;
/**
 * Contradictions scoring below this are kept but hidden from lists unless asked for. 0.5 needs more
 * than a related event class and one of several participants (0.5 × 0.5 + 0.3 × 0.5 = 0.4); the
 * same class with one of two participants in common passes (0.5 + 0.15 = 0.65).
 */
export const CONTRADICTION_THRESHOLD = 0.5;

/**
 * Two articles the story clustering put apart are seldom about one proposition: a contradiction
 * between them is scaled by this, so a loose match (under 0.59) falls under the threshold. On our
 * dev gold, 0.85 took precision from 88.9 to 100 % and recall from 68.6 to 60.0 %; 0.7 gave 100 %
 * and 31.4 % (small corpora split stories).
 */
const OTHER_STORY_WEIGHT = 0.85;

const OUTLET_PREFIX = 'outlet:';

/** The speaker id of an outlet's own voice: its name (source or site), or the article when unknown. */
export function outletId(name: string | null, article: string): string {
  return `${OUTLET_PREFIX}${name?.trim() || `the article ${article}`}`;
}

/** The display name of an outlet speaker id, or null for an entity id. */
export function outletName(id: string): string | null {
  if (!id.startsWith(OUTLET_PREFIX)) return null;
  const name = id.slice(OUTLET_PREFIX.length);
  return name.startsWith('the article ') ? 'the article' : name;
}

export interface ClaimContext {
  article: string;
  seq: number;
  time: number | null;
  /** The article is a near-copy of another. */
  duplicate: boolean;
  /** Canonical id of each article entity id. */
  canonical: ReadonlyMap<string, string>;
  /** The outlet (source or site) that speaks in the article's own voice, if known. */
  outlet: string | null;
}

/** An article's claims with canonical entity ids. */
export function canonicalClaims(claims: readonly LocalClaim[], context: ClaimContext): ClaimRecord[] {
  const ids = (locals: readonly string[]): string[] => [...new Set(locals.flatMap((id) => context.canonical.get(id) ?? []))];
  const outlet = outletId(context.outlet, context.article);
  return claims.map(({ speaker, entities, side, about, agent, ...fields }) => {
    const own = fields.kind === 'outlet';
    return {
      ...fields,
      article: context.article,
      speaker: own ? outlet : speaker === null ? null : (context.canonical.get(speaker) ?? null),
      entities: ids(entities),
      side: own ? [outlet] : ids(side),
      about: ids(about),
      agent: ids(agent),
      time: context.time,
      seq: context.seq,
      duplicate: context.duplicate,
    };
  });
}

/** True for claims that take part in cross-article matching. */
export function isMatchable(claim: ClaimRecord): boolean {
  return !claim.duplicate && !claim.outweighed && claim.speaker !== null && polarityOf(claim.stance) !== null;
}

export const claimKey = (ref: ClaimRef): string => `${ref.article}#${ref.claim}`;

/** Who a claim's proposition involves: who it is about, and the speaker's side when it speaks of itself. */
function proposition(claim: ClaimRecord) {
  const participants = claim.self ? [...new Set([...claim.about, ...claim.side])] : claim.about;
  const speakerTakesPart = claim.self || claim.side.some((id) => claim.about.includes(id) || claim.agent.includes(id));
  return { predicates: claim.predicates, participants, agent: claim.agent, terms: claim.terms, basis: claim.basis, speakerTakesPart };
}

/** A claim and the story its article was placed in. */
export interface StoriedClaim {
  claim: ClaimRecord;
  story: string;
}

/**
 * The claim index's posting a matchable claim is filed under, one per proposition key: its
 * polarity and the key, in characters a database text column takes (a key joins its parts with NUL).
 */
export function claimPostings(claim: ClaimRecord): string[] {
  if (!isMatchable(claim)) return [];
  return postingsOf(claim, polarityOf(claim.stance) as Polarity);
}

function postingsOf(claim: ClaimRecord, polarity: Polarity): string[] {
  return propositionKeys(proposition(claim)).map((key) => `${polarity}:${key.replace('\u0000', '\u0001')}`);
}

/**
 * Two claims found opposed on one proposition, before the reason is written: the reason names
 * entities, which a store-backed engine loads first ({@link pairEntities}). A reversal's `a` is
 * the earlier claim.
 */
export interface OpposedPair {
  kind: ContradictionEdge['kind'];
  a: ClaimRecord;
  b: ClaimRecord;
  match: FrameMatch;
  /** The two articles are in different stories. */
  apart: boolean;
  score: number;
}

/** The entity ids the reason of a pair names: the speakers and the shared participants. */
export function pairEntities({ a, b, match }: OpposedPair): string[] {
  return [a.speaker, b.speaker, ...match.participants].filter((id): id is string => id !== null);
}

/**
 * Claims indexed by proposition key (predicate family × participant), per polarity: the postings
 * of {@link claimPostings}, each its latest {@link CLAIM_POSTING_CAPACITY} claims, oldest first. They are
 * a {@link StateWindow}: all of them without a store, else those the node side loaded (the postings
 * an article's claims read, {@link ClaimIndex.postingsRead}) and those read since.
 */
export class ClaimIndex {
  private readonly postings: StateWindow<string, StoriedClaim[]>;
  /** Claims added since the last {@link take}, by posting: the store has them only once the batch is written. */
  private added = new Map<string, StoriedClaim[]>();

  constructor(
    /** Display name of a canonical entity id, for the reasons. */
    private readonly nameOf: (id: string) => string,
    /**
     * The story a story id stands for now (stories merge): claims of two stories are less likely
     * about one proposition, whichever story each article was placed in first.
     */
    private readonly resolveStory: (story: string) => string = (story) => story,
    /** Postings kept after a batch; null keeps every posting (the engine without a store). */
    capacity: number | null = null,
  ) {
    this.postings = new StateWindow('claim posting', capacity);
  }

  /** The postings {@link add} reads for these claims that are not loaded (those of the opposite polarity). */
  postingsRead(claims: readonly ClaimRecord[]): string[] {
    return this.postings.missing(claims.flatMap((claim) => (isMatchable(claim) ? postingsOf(claim, opposite(claim)) : [])));
  }

  /** A posting as the store has it: its latest claims, oldest first. */
  loadPosting(posting: string, claims: readonly StoriedClaim[]): void {
    this.postings.load(posting, [...claims, ...(this.added.get(posting) ?? [])].slice(-CLAIM_POSTING_CAPACITY));
  }

  /** The edges between `claim` (of an article in `story`) and the claims indexed so far; then indexes it. */
  add(claim: ClaimRecord, story = ''): ContradictionEdge[] {
    return this.explain(this.match(claim, story));
  }

  /** The pairs `claim` (of an article in `story`) makes with the claims indexed so far; then indexes it. */
  match(claim: ClaimRecord, story = ''): OpposedPair[] {
    if (!isMatchable(claim)) return [];
    // A claim is in a posting per key: read from the store, each posting has its own copy.
    const candidates = new Map<string, StoriedClaim>();
    for (const posting of postingsOf(claim, opposite(claim))) {
      for (const other of this.postings.get(posting) ?? []) candidates.set(claimKey({ article: other.claim.article, claim: other.claim.id }), other);
    }
    const entry = { claim, story };
    const pairs: OpposedPair[] = [];
    for (const other of candidates.values()) {
      if (other.claim.article === claim.article) continue; // the single-article pipeline judged these
      const pair = other.claim.speaker === claim.speaker ? reversal(other.claim, claim) : this.contradiction(other, entry);
      if (pair) pairs.push(pair);
    }
    this.insert(entry);
    return pairs;
  }

  /** The edges of one claim's pairs, with their reasons, by id. */
  explain(pairs: readonly OpposedPair[]): ContradictionEdge[] {
    return pairs.map((pair) => this.edgeOf(pair)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The claims added since the last call, as rows of the store's postings; a windowed index then drops postings beyond its window. */
  take(): Array<[string, ClaimRef]> {
    const rows = [...this.added].flatMap(([posting, entries]) => entries.map(({ claim }): [string, ClaimRef] => [posting, { article: claim.article, claim: claim.id }]));
    this.added = new Map();
    this.postings.settle();
    return rows;
  }

  private contradiction({ claim: a, story: storyA }: StoriedClaim, { claim: b, story: storyB }: StoriedClaim): OpposedPair | null {
    if (a.side.some((id) => b.side.includes(id))) return null; // one side: not a contradiction
    const match = compareFrames(proposition(a), proposition(b));
    if (match.score === 0) return null;
    const apart = this.resolveStory(storyA) !== this.resolveStory(storyB);
    const score = Math.round(match.score * (apart ? OTHER_STORY_WEIGHT : 1) * 1000) / 1000;
    return { kind: 'contradiction', a, b, match, apart, score };
  }

  private edgeOf({ kind, a, b, match, apart, score }: OpposedPair): ContradictionEdge {
    const names = match.participants.map(this.nameOf);
    if (kind === 'reversal') {
      const reason = `${b.stance} after ${a.stance} by ${this.nameOf(a.speaker as string)}: ${explainContradiction(this.explained(b), this.explained(a), match, names)}`;
      return edge('reversal', a, b, reason, score, match.shared);
    }
    const [denial, assertion] = a.stance === 'deny' ? [a, b] : [b, a];
    const reason = explainContradiction(this.explained(denial), this.explained(assertion), match, names);
    return edge('contradiction', a, b, apart ? `${reason}; in different stories` : reason, score, match.shared);
  }

  private explained(claim: ClaimRecord) {
    return { speaker: this.nameOf(claim.speaker as string), stance: claim.stance, basis: claim.basis, predicate: claim.predicate };
  }

  /** Files the claim under its postings: the store's rows, and each posting held (one not loaded needs no update). */
  private insert(entry: StoriedClaim): void {
    for (const posting of claimPostings(entry.claim)) {
      const added = this.added.get(posting);
      if (added) added.push(entry);
      else this.added.set(posting, [entry]);
      const list = this.postings.peek(posting) ?? (this.postings.holdsAll ? [] : undefined);
      if (!list) continue;
      if (list.push(entry) > CLAIM_POSTING_CAPACITY) list.shift();
      this.postings.set(posting, list);
    }
  }
}

/**
 * A flip is rarer than a disagreement, so it needs the same predicate word and a denial that rests
 * on more than a negator: "It's not my job to comment" is no reversal of talk about jobs.
 */
function reversal(a: ClaimRecord, b: ClaimRecord): OpposedPair | null {
  if (a.predicate !== b.predicate || restsOnNegation(a.basis) || restsOnNegation(b.basis)) return null;
  const match = compareFrames(proposition(a), proposition(b));
  if (match.predicate < 1) return null;
  const [earlier, later] = (a.time ?? 0) < (b.time ?? 0) || ((a.time ?? 0) === (b.time ?? 0) && a.seq <= b.seq) ? [a, b] : [b, a];
  return { kind: 'reversal', a: earlier, b: later, match, apart: false, score: match.score };
}

/** The polarity a claim is opposed by. */
function opposite(claim: ClaimRecord): Polarity {
  return polarityOf(claim.stance) === 'affirm' ? 'deny' : 'affirm';
}

function edge(kind: ContradictionEdge['kind'], a: ClaimRecord, b: ClaimRecord, reason: string, score: number, proposition: string): ContradictionEdge {
  const claims: [ClaimRef, ClaimRef] = [
    { article: a.article, claim: a.id },
    { article: b.article, claim: b.id },
  ];
  const keys = claims.map(claimKey);
  if (kind === 'contradiction') keys.sort();
  return { id: `x${hashId(`${kind}\u0000${keys.join('\u0000')}`)}`, kind, claims, reason, crossArticle: true, score, proposition };
}

/** The single-article pipeline's contradictions as corpus edges. */
export function articleEdges(article: string, contradictions: ArticleJSON['contradictions']): ContradictionEdge[] {
  return contradictions.map(({ claims: [a, b], reason, score, proposition }) => ({
    id: `x${hashId(`contradiction\u0000${article}#${a}\u0000${article}#${b}`)}`,
    kind: 'contradiction' as const,
    claims: [
      { article, claim: a },
      { article, claim: b },
    ],
    reason,
    crossArticle: false,
    score,
    proposition,
  }));
}

/**
 * Contradictions as groups, one per proposition: edges of one kind on one shared predicate class
 * that share a claim are one group (never joined through a participant alone). Each group lists
 * its claims once, in time order, and its pairs, strongest first, as indexes into them. Edges
 * scoring under `minScore` are left out; groups come strongest first. `evidence` returns null for
 * claims it cannot find.
 */
export function groupContradictions(
  edges: readonly ContradictionEdge[],
  evidence: (ref: ClaimRef) => (ClaimEvidenceJSON & { seq: number }) | null,
  minScore = CONTRADICTION_THRESHOLD,
): ContradictionJSON[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  const node = (e: ContradictionEdge, ref: ClaimRef): string => {
    const key = `${e.kind}\u0000${e.proposition}\u0000${claimKey(ref)}`;
    if (!parent.has(key)) parent.set(key, key);
    return key;
  };
  const shown = edges.filter((e) => e.score >= minScore);
  for (const e of shown) parent.set(find(node(e, e.claims[0])), find(node(e, e.claims[1])));
  const groups = new Map<string, ContradictionEdge[]>();
  for (const e of shown) {
    const root = find(node(e, e.claims[0]));
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
      return [{ claims: ordered, reason: e.reason, crossArticle: e.crossArticle, score: e.score }];
    });
    pairs.sort((a, b) => b.score - a.score || a.claims[0] - b.claims[0] || a.claims[1] - b.claims[1]);
    if (pairs.length === 0) continue;
    const ids = group.map((e) => e.id).sort();
    out.push({
      id: ids[0],
      kind: group[0].kind,
      proposition: group[0].proposition,
      score: pairs[0].score,
      claims: claims.map(([, { seq: _seq, ...json }]) => json),
      pairs,
      order: Math.min(...claims.map(([, c]) => c.seq)),
    });
  }
  return out
    .sort((a, b) => b.score - a.score || a.order - b.order || (a.id < b.id ? -1 : 1))
    .map(({ order: _order, ...json }) => json);
}
