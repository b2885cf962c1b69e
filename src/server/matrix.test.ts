import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../core/corpus/types.js';
import type { Stance } from '../core/doc.js';
import { claimsMatrix } from './matrix.js';

let n = 0;
function claim(speaker: string | null, stance: Stance, cameo: string[], entities: string[], options: Partial<ClaimRecord> = {}): ClaimRecord {
  n += 1;
  return {
    article: 'a1', id: `c${n}`, quote: `q${n}`, kind: 'direct', cue: 'said', cueClass: 'assert', speaker, stance, start: 0, end: 4, text: `claim ${n}`,
    entities, terms: [], cameo, side: [], about: [], predicates: [], predicate: '', self: false, agent: [], basis: '', outweighed: false, time: null, seq: 1, duplicate: false, ...options,
  };
}

const names: Record<string, string> = { t: 'Taliban', k: 'Kabulov', r: 'Russia', m: 'Markova' };

describe('claimsMatrix', () => {
  it('puts each claim under every event it evokes, one cell per speaker, event and stance', () => {
    const matrix = claimsMatrix(
      [claim('t', 'deny', ['040', '064'], ['r']), claim('t', 'deny', ['064'], ['r']), claim('k', 'assert', ['064'], ['t']), claim('m', 'assert', [], []), claim(null, 'assert', ['064'], [])],
      (id) => names[id],
    );
    expect(matrix.speakers.map((s) => s.name)).toEqual(['Taliban', 'Kabulov', 'Markova']);
    expect(matrix.propositions.map((p) => p.code)).toEqual(['064', '040', null]);
    expect(matrix.propositions[0].label).toBe('064 share intelligence or information');
    const cell = (speaker: string, code: string | null) => matrix.cells.filter((c) => c.speaker === speaker && matrix.propositions[c.proposition].code === code);
    expect(cell('t', '064')).toEqual([expect.objectContaining({ stance: 'deny', claims: [expect.anything(), expect.anything()] })]);
    expect(cell('t', '040')).toHaveLength(1);
    expect(cell('k', '064')[0].stance).toBe('assert');
    expect(cell('m', null)[0].claims[0].text).toMatch(/^claim/);
  });
});
