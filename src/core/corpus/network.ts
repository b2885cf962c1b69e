import { ploverOf } from '../cameo.js';
import type { Stance } from '../doc.js';
import type { ClaimRecord } from './types.js';

/**
 * The actor network's edges: from a speaker to each entity its claims are about, one per stance
 * and PLOVER event type (of the first event the claim holds), for the stances that relate actors.
 * Claims from near-copies are left out, so syndication does not thicken an edge. The store adds
 * each batch's counts to its own as it writes, so reading the network never reads the claims.
 */

export type NetworkStance = Extract<Stance, 'assert' | 'deny' | 'condemn' | 'accuse'>;

const NETWORK_STANCES: ReadonlySet<string> = new Set<NetworkStance>(['assert', 'deny', 'condemn', 'accuse']);

export interface NetworkEdge {
  source: string;
  target: string;
  stance: NetworkStance;
  /** PLOVER type of the claims' first event; null for claims without a coded event. */
  plover: string | null;
  claims: number;
  /** Articles the claims are in. */
  articles: number;
}

/**
 * The edges `claims` make, counted. Exact for sums over batches as long as an article's claims
 * are all in one batch, as the corpus engine writes them: an article is counted once per edge.
 */
export function networkEdges(claims: Iterable<ClaimRecord>): NetworkEdge[] {
  const edges = new Map<string, NetworkEdge & { articleIds: Set<string> }>();
  for (const c of claims) {
    if (!c.speaker || c.duplicate || !NETWORK_STANCES.has(c.stance)) continue;
    const plover = c.cameo.length > 0 ? (ploverOf(c.cameo[0])?.type ?? null) : null;
    for (const target of new Set(c.entities)) {
      if (target === c.speaker) continue;
      const key = `${c.speaker}\u0000${target}\u0000${c.stance}\u0000${plover}`;
      const edge = edges.get(key) ?? { source: c.speaker, target, stance: c.stance as NetworkStance, plover, claims: 0, articles: 0, articleIds: new Set() };
      edge.claims += 1;
      edge.articleIds.add(c.article);
      edge.articles = edge.articleIds.size;
      edges.set(key, edge);
    }
  }
  return [...edges.values()].map(({ articleIds: _ids, ...edge }) => edge);
}
