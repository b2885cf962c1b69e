import type { NetworkEdge } from '../core/corpus/network.js';
import type { EntityJSON } from '../core/corpus/types.js';
import type { NetworkJSON } from './types.js';

/** The actor network the web app draws: the edges the store counted (core/corpus/network.ts) with their entities as nodes. */
export function actorNetwork(edges: NetworkEdge[], total: number, entities: readonly EntityJSON[]): NetworkJSON {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  return {
    nodes: [...ids].sort().map((id) => {
      const e = byId.get(id);
      return { id, name: e?.name ?? id, type: e?.type ?? 'MISC', mentions: e?.mentions ?? 0 };
    }),
    edges,
    total,
  };
}
