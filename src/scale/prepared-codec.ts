import type { PreparedArticle } from '../core/corpus/prepare.js';

/**
 * A prepared article as JSON, for the queue table between the analysing workers and the corpus
 * writer. Maps, sets and the MinHash words are tagged so that they come back as they were, in the
 * same iteration order (the corpus engine's decisions depend on it).
 */

type Tagged = { $map: Array<[unknown, unknown]> } | { $set: unknown[] } | { $u32: number[] };

export function packPrepared(prepared: PreparedArticle): string {
  return JSON.stringify(prepared, (_key, value: unknown) => {
    if (value instanceof Map) return { $map: [...value] };
    if (value instanceof Set) return { $set: [...value] };
    if (value instanceof Uint32Array) return { $u32: [...value] };
    return value;
  });
}

export function unpackPrepared(packed: string): PreparedArticle {
  return JSON.parse(packed, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const tagged = value as Tagged;
    if ('$map' in tagged) return new Map(tagged.$map);
    if ('$set' in tagged) return new Set(tagged.$set);
    if ('$u32' in tagged) return Uint32Array.from(tagged.$u32);
    return value;
  }) as PreparedArticle;
}
