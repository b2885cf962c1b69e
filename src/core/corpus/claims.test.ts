import { describe, expect, it } from 'vitest';
import { CONTRADICTION_THRESHOLD, ClaimIndex, canonicalClaims, claimPostings, groupContradictions, outletName } from './claims.js';
import type { ClaimRecord, ClaimRef, ContradictionEdge } from './types.js';

const NAMES: Record<string, string> = { tal: 'Taliban', rus: 'Russia', kab: 'Zamir Kabulov', is: 'Islamic State' };
const nameOf = (id: string): string => NAMES[id] ?? id;

function claim(article: string, id: string, fields: Partial<ClaimRecord>): ClaimRecord {
  return {
    article, id, quote: `q${id.slice(1)}`, kind: 'indirect', cue: 'said', cueClass: 'assert', speaker: null, stance: 'assert', start: 0, end: 10, text: `${article} ${id}`,
    entities: [], terms: [], cameo: [], side: [], about: [], predicates: [], predicate: '', self: false, agent: [], basis: '', outweighed: false, time: null, seq: 1, duplicate: false, ...fields,
  };
}

// "The Taliban denied any exchange of information with Russia" against Kabulov's "we and the
// Taliban have channels for exchanging information": one proposition, opposite stances.
const denial = claim('a', 'c1', { speaker: 'tal', stance: 'deny', basis: 'cue "denied"', side: ['tal'], about: ['rus'], self: true, predicates: ['share-information'], predicate: 'exchange information', cameo: ['064'], terms: ['exchange', 'information'], time: 10, seq: 1 });
const assertion = claim('b', 'c1', { speaker: 'kab', basis: 'cue "said"', side: ['kab', 'rus'], about: ['tal'], self: true, predicates: ['contact', 'share-information'], predicate: 'channel', cameo: ['040', '064'], terms: ['channel', 'information'], time: 9, seq: 2 });

/** An index holding one claim, of an article placed in `story`. */
function indexWith(first: ClaimRecord, story: string, resolveStory?: (story: string) => string): ClaimIndex {
  const index = new ClaimIndex(nameOf, resolveStory);
  index.add(first, story);
  return index;
}

describe('ClaimIndex', () => {
  it('finds a denial set against another side’s affirmation of the same proposition, across articles, with a score and evidence', () => {
    const index = indexWith(denial, '');
    const [edge, ...more] = index.add(assertion);
    expect(more).toEqual([]);
    expect(edge).toMatchObject({ kind: 'contradiction', crossArticle: true, proposition: 'share-information', claims: [{ article: 'a', claim: 'c1' }, { article: 'b', claim: 'c1' }] });
    expect(edge.score).toBeGreaterThanOrEqual(CONTRADICTION_THRESHOLD);
    expect(edge.score).toBeLessThanOrEqual(1);
    expect(edge.reason).toBe('same event class share-information ("exchange information" / "channel") about Russia, Taliban; Taliban deny (cue "denied") vs Zamir Kabulov assert (cue "said")');
  });

  it('ignores the same side, another proposition, a shared participant alone, the same article, copies, claims the article outweighs and claims without a speaker', () => {
    const cases: Array<Partial<ClaimRecord>> = [
      { side: ['tal'], speaker: 'tal2' },
      { predicates: ['attack'], predicate: 'fight' },
      { predicates: [] },
      { about: ['is'], side: ['kab'], self: false },
      { article: 'a' },
      { duplicate: true },
      { outweighed: true },
      { speaker: null },
      { stance: 'condemn' },
    ];
    for (const change of cases) {
      const index = indexWith(denial, '');
      expect(index.add({ ...assertion, ...change })).toEqual([]);
    }
  });

  it('scores the same predicate above a related one, and more shared participants above fewer', () => {
    const score = (change: Partial<ClaimRecord>): number => indexWith(denial, '').add({ ...assertion, ...change })[0]?.score ?? 0;
    const same = score({ predicates: ['share-information'] });
    const related = score({ predicates: ['negotiate'] });
    expect(same).toBeGreaterThan(score({}));
    expect(score({})).toBeGreaterThan(related);
    expect(score({ self: false, about: ['tal', 'is'] })).toBeLessThan(score({}));
  });

  it('weighs down a contradiction across stories, judging stories as they stand after merges', () => {
    const apart = indexWith(denial, 's1').add(assertion, 's2')[0];
    expect(apart.reason).toMatch(/in different stories$/);
    // s1 was merged into s2 after the denial's article was placed in it.
    const merged = indexWith(denial, 's1', (story) => (story === 's1' ? 's2' : story)).add(assertion, 's2')[0];
    expect(merged.reason).not.toMatch(/in different stories/);
    expect(merged.score).toBeGreaterThan(apart.score);
  });

  it('finds a reversal only when one speaker flips on the same predicate word, earlier claim first', () => {
    const before = claim('a', 'c2', { speaker: 'tal', side: ['tal'], about: ['rus'], predicates: ['share-information'], predicate: 'share intelligence', terms: ['information', 'exchange'], time: 5, seq: 1 });
    const after = claim('b', 'c3', { speaker: 'tal', stance: 'deny', basis: 'cue "denied"', side: ['tal'], about: ['rus'], predicates: ['share-information'], predicate: 'share intelligence', terms: ['information', 'share'], time: 3, seq: 2 });
    const [edge] = indexWith(before, '').add(after);
    expect(edge).toMatchObject({ kind: 'reversal', claims: [{ article: 'b', claim: 'c3' }, { article: 'a', claim: 'c2' }] });
    expect(edge.reason).toBe('assert after deny by Taliban: same proposition share-information ("share intelligence") about Russia; Taliban assert vs Taliban deny (cue "denied")');
    expect(indexWith(before, '').add({ ...after, predicates: ['contact'] })).toEqual([]);
    // "It's not my job to comment" is no reversal of talk about jobs: a negator alone, or another word of the class, flips nothing.
    expect(indexWith(before, '').add({ ...after, basis: '"not"' })).toEqual([]);
    expect(indexWith(before, '').add({ ...after, predicate: 'intelligence' })).toEqual([]);
  });
});

describe('ClaimIndex with a window (backed by a store)', () => {
  it('reads only postings loaded, each as the store has it plus the claims added since the last batch', () => {
    const index = new ClaimIndex(nameOf, undefined, 1);
    const read = index.postingsRead([assertion]);
    // An assertion reads the denials of its proposition keys.
    expect(read).toEqual(claimPostings({ ...assertion, stance: 'deny' }));
    expect(read.every((posting) => posting.startsWith('deny:'))).toBe(true);
    expect(() => index.add(assertion)).toThrow(/claim posting .* was read before it was loaded/);
    // The denial is stored; the assertion's postings hold it.
    for (const posting of read) index.loadPosting(posting, claimPostings(denial).includes(posting) ? [{ claim: denial, story: '' }] : []);
    expect(index.add(assertion)).toHaveLength(1);
    // A later denial of the batch reads the assertion's postings: the store has not got the assertion yet.
    const again = { ...denial, article: 'c', seq: 3 };
    for (const posting of index.postingsRead([again])) index.loadPosting(posting, []);
    expect(index.add(again).map((e) => e.claims.map((ref) => ref.article))).toEqual([['b', 'c']]);
    expect(index.take()).toEqual([...claimPostings(assertion).map((posting) => [posting, { article: 'b', claim: 'c1' }]), ...claimPostings(again).map((posting) => [posting, { article: 'c', claim: 'c1' }])]);
  });
});

describe('canonicalClaims', () => {
  it('gives a claim in the outlet’s own voice the outlet as speaker and side, or the article when the outlet is unknown', () => {
    const local = { ...claim('x', 'c4', { kind: 'outlet', quote: '', cue: null, cueClass: null, speaker: null, entities: ['e1'], about: ['e1'] }) };
    const canonical = new Map([['e1', 'apple']]);
    const [named] = canonicalClaims([local], { article: 'art1', seq: 1, time: null, duplicate: false, canonical, outlet: 'TechPulse' });
    expect(named).toMatchObject({ speaker: 'outlet:TechPulse', side: ['outlet:TechPulse'], about: ['apple'], entities: ['apple'] });
    const [unknown] = canonicalClaims([local], { article: 'art1', seq: 1, time: null, duplicate: false, canonical, outlet: null });
    expect(unknown.speaker).toBe('outlet:the article art1');
    expect(outletName(unknown.speaker as string)).toBe('the article');
    expect(outletName('outlet:TechPulse')).toBe('TechPulse');
    expect(outletName('e1')).toBeNull();
  });
});

describe('groupContradictions', () => {
  const dates: Record<string, string> = { a: '2015-12-26', b: '2015-12-24', c: '2015-12-25', d: '2015-12-20', e: '2015-12-21', f: '2015-12-30' };
  const seqs: Record<string, number> = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
  const evidence = ({ article, claim }: ClaimRef) =>
    article === 'e' ? null : { article, claim, speaker: null, stance: 'assert' as const, text: article, start: 0, end: 1, date: dates[article], seq: seqs[article] };
  const edge = (id: string, kind: ContradictionEdge['kind'], a: string, b: string, score = 0.9, proposition = 'resign'): ContradictionEdge => ({
    id, kind, reason: id, crossArticle: true, score, proposition, claims: [{ article: a, claim: 'c1' }, { article: b, claim: 'c1' }],
  });

  it('groups edges on one proposition that share a claim, lists each claim once in time order, strongest first, and keeps kinds apart', () => {
    const edges = [edge('x2', 'contradiction', 'a', 'b', 0.7), edge('x1', 'contradiction', 'c', 'b', 0.8), edge('x3', 'contradiction', 'd', 'e'), edge('x4', 'reversal', 'a', 'f', 0.95)];
    const groups = groupContradictions(edges, evidence);
    expect(groups.map((g) => [g.id, g.kind, g.score, g.claims.map((c) => c.article)])).toEqual([
      ['x4', 'reversal', 0.95, ['a', 'f']],
      ['x1', 'contradiction', 0.8, ['b', 'c', 'a']],
    ]);
    expect(groups[1].pairs).toEqual([
      { claims: [0, 1], reason: 'x1', crossArticle: true, score: 0.8 },
      { claims: [0, 2], reason: 'x2', crossArticle: true, score: 0.7 },
    ]);
  });

  it('never joins two propositions through a shared claim or participant, and hides pairs under the threshold unless asked', () => {
    const edges = [edge('x1', 'contradiction', 'a', 'b', 0.9, 'resign'), edge('x2', 'contradiction', 'b', 'c', 0.9, 'die'), edge('x3', 'contradiction', 'a', 'd', 0.3, 'resign')];
    const groups = groupContradictions(edges, evidence);
    expect(groups.map((g) => [g.proposition, g.pairs.length])).toEqual([['resign', 1], ['die', 1]]);
    expect(groupContradictions(edges, evidence, 0).find((g) => g.proposition === 'resign')?.pairs).toHaveLength(2);
  });
});
