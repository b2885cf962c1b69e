import { describe, expect, it } from 'vitest';
import { ClaimIndex, groupContradictions } from './claims.js';
import type { ClaimRecord, ContradictionEdge } from './types.js';

const NAMES: Record<string, string> = { tal: 'Taliban', rus: 'Russia', kab: 'Zamir Kabulov', is: 'Islamic State' };
const nameOf = (id: string): string => NAMES[id] ?? id;

function claim(article: string, id: string, fields: Partial<ClaimRecord>): ClaimRecord {
  return {
    article, id, quote: `q${id.slice(1)}`, kind: 'indirect', cue: 'said', cueClass: 'assert', speaker: null, stance: 'assert', start: 0, end: 10, text: `${article} ${id}`,
    entities: [], terms: [], cameo: [], side: [], about: [], predicates: [], predicate: '', self: false, basis: '', outweighed: false, time: null, seq: 1, duplicate: false, ...fields,
  };
}

const denial = claim('a', 'c1', { speaker: 'tal', stance: 'deny', side: ['tal'], about: ['rus'], cameo: ['064'], terms: ['exchange', 'information'], time: 10, seq: 1 });
const assertion = claim('b', 'c1', { speaker: 'kab', side: ['kab', 'rus'], about: ['tal'], cameo: ['040', '064'], terms: ['channel', 'information'], time: 9, seq: 2 });

describe('ClaimIndex', () => {
  it('finds a denial set against another side’s assertion on the same matter, across articles', () => {
    const index = new ClaimIndex([denial], nameOf);
    const [edge, ...more] = index.add(assertion);
    expect(more).toEqual([]);
    expect(edge).toMatchObject({ kind: 'contradiction', crossArticle: true, claims: [{ article: 'a', claim: 'c1' }, { article: 'b', claim: 'c1' }] });
    expect(edge.reason).toBe('deny vs assert across articles: shared participants Russia, Taliban; CAMEO 064; terms information');
  });

  it('ignores the same side, another matter, the same article, copies and claims without a speaker', () => {
    const cases: Array<Partial<ClaimRecord>> = [
      { side: ['tal'], speaker: 'tal2' },
      { cameo: ['190'], terms: ['fight'] },
      { about: ['is'], side: ['kab'] },
      { article: 'a' },
      { duplicate: true },
      { speaker: null },
      { stance: 'condemn' },
    ];
    for (const change of cases) {
      const index = new ClaimIndex([denial], nameOf);
      expect(index.add({ ...assertion, ...change })).toEqual([]);
    }
  });

  it('finds a reversal only when one speaker flips on the same event and terms, earlier claim first', () => {
    const before = claim('a', 'c2', { speaker: 'tal', side: ['tal'], about: ['rus'], cameo: ['064'], terms: ['information', 'exchange'], time: 5, seq: 1 });
    const after = claim('b', 'c3', { speaker: 'tal', stance: 'deny', side: ['tal'], about: ['rus'], cameo: ['064'], terms: ['information', 'share'], time: 3, seq: 2 });
    const [edge] = new ClaimIndex([before], nameOf).add(after);
    expect(edge).toMatchObject({ kind: 'reversal', claims: [{ article: 'b', claim: 'c3' }, { article: 'a', claim: 'c2' }] });
    expect(edge.reason).toBe('deny then assert by Taliban: shared participants Russia; CAMEO 064; terms information');
    expect(new ClaimIndex([before], nameOf).add({ ...after, terms: ['fight'] })).toEqual([]);
  });
});

describe('groupContradictions', () => {
  it('groups edges that share a claim, lists each claim once in time order, and keeps kinds apart', () => {
    const edge = (id: string, kind: ContradictionEdge['kind'], a: string, b: string): ContradictionEdge => ({
      id, kind, reason: id, crossArticle: true, score: 1, proposition: 'p', claims: [{ article: a, claim: 'c1' }, { article: b, claim: 'c1' }],
    });
    const edges = [edge('x2', 'contradiction', 'a', 'b'), edge('x1', 'contradiction', 'c', 'b'), edge('x3', 'contradiction', 'd', 'e'), edge('x4', 'reversal', 'a', 'f')];
    const dates: Record<string, string> = { a: '2015-12-26', b: '2015-12-24', c: '2015-12-25', d: '2015-12-20', e: '2015-12-21', f: '2015-12-30' };
    const seqs: Record<string, number> = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
    const groups = groupContradictions(edges, ({ article, claim }) =>
      article === 'e' ? null : { article, claim, speaker: null, stance: 'assert', text: article, start: 0, end: 1, date: dates[article], seq: seqs[article] },
    );
    expect(groups.map((g) => [g.id, g.kind, g.claims.map((c) => c.article)])).toEqual([
      ['x1', 'contradiction', ['b', 'c', 'a']],
      ['x4', 'reversal', ['a', 'f']],
    ]);
    expect(groups[0].pairs).toEqual([
      { claims: [0, 1], reason: 'x1', crossArticle: true },
      { claims: [0, 2], reason: 'x2', crossArticle: true },
    ]);
  });
});
