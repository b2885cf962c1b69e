import { ploverOf } from '../core/cameo.js';
import type { ClaimRecord, EntityJSON } from '../core/corpus/types.js';
import type { NetworkJSON, NetworkStance } from './types.js';

/**
 * The actor network the web app draws: an edge from a speaker to each entity its claims are
 * about, one per stance and PLOVER event type (of the first event the claim holds), for the
 * stances that relate actors (assert, deny, condemn, accuse).
 * Claims from near-copies are left out, so syndication does not thicken an edge.
 */

const NETWORK_STANCES: ReadonlySet<string> = new Set<NetworkStance>(['assert', 'deny', 'condemn', 'accuse']);

export function actorNetwork(claims: Iterable<ClaimRecord>, entities: ReadonlyMap<string, EntityJSON>): NetworkJSON {
  const edges = new Map<string, NetworkJSON['edges'][number] & { articleIds: Set<string> }>();
  for (const c of claims) {
    if (!c.speaker || c.duplicate || !NETWORK_STANCES.has(c.stance)) continue;
    const plover = c.cameo.length > 0 ? (ploverOf(c.cameo[0])?.type ?? null) : null;
    for (const target of c.entities) {
      if (target === c.speaker) continue;
      const key = `${c.speaker}\u0000${target}\u0000${c.stance}\u0000${plover}`;
      const edge = edges.get(key) ?? { source: c.speaker, target, stance: c.stance as NetworkStance, plover, claims: 0, articles: 0, articleIds: new Set() };
      edge.claims += 1;
      edge.articleIds.add(c.article);
      edge.articles = edge.articleIds.size;
      edges.set(key, edge);
    }
  }
  const ids = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  return {
    nodes: [...ids].sort().map((id) => {
      const e = entities.get(id);
      return { id, name: e?.name ?? id, type: e?.type ?? 'MISC', mentions: e?.mentions ?? 0 };
    }),
    edges: [...edges.values()].map(({ articleIds: _ids, ...edge }) => edge),
  };
}
