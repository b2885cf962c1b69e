import { describe, expect, it } from 'vitest';
import type { Stance } from '../doc.js';
import { networkEdges } from './network.js';
import type { ClaimRecord } from './types.js';

function claim(speaker: string | null, stance: Stance, entities: string[], options: Partial<ClaimRecord> = {}): ClaimRecord {
  const base = { article: 'a1', id: 'c1', quote: 'q1', kind: 'direct' as const, cue: 'said', cueClass: 'assert' as const, start: 0, end: 4, text: 'claim', terms: [], cameo: [], side: [], about: [], predicates: [], predicate: '', self: false, agent: [], basis: '', outweighed: false, time: null, seq: 1, duplicate: false };
  return { ...base, speaker, stance, entities, ...options };
}

describe('networkEdges', () => {
  it('links speakers to the entities their claims name, per stance and PLOVER type, without copies or other stances', () => {
    const edges = networkEdges([
      claim('t', 'deny', ['r', 't'], { cameo: ['064'] }),
      claim('t', 'deny', ['r'], { article: 'a2', cameo: ['064', '111'] }),
      claim('t', 'deny', ['r'], { article: 'a3', cameo: ['111'] }),
      claim('k', 'assert', ['t']),
      claim('k', 'assert', ['t'], { duplicate: true }),
      claim('k', 'threaten', ['r']),
      claim(null, 'deny', ['r']),
      claim('k', 'assert', ['t', 't'], { article: 'a2' }),
    ]);
    expect(edges).toEqual([
      { source: 't', target: 'r', stance: 'deny', plover: 'COOPERATE', claims: 2, articles: 2 },
      { source: 't', target: 'r', stance: 'deny', plover: 'ACCUSE', claims: 1, articles: 1 },
      { source: 'k', target: 't', stance: 'assert', plover: null, claims: 2, articles: 2 },
    ]);
  });
});
