import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contradictingPairs, readContradictionGold, type ContradictionGold } from './contradiction-gold.js';
import { scoreContradictions } from './contradictions.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cgold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const line = (value: unknown): string => JSON.stringify(value);
const article = (id: string, stances: Array<[string, string]>) => ({ type: 'article', id, story: 's', title: null, source: null, published: null, text: `Headline ${id}\n\nBody.`, stances: stances.map(([matter, stance]) => ({ matter, stance })) });

function goldFile(lines: unknown[]): string {
  const path = join(dir, `g${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, lines.map(line).join('\n'));
  return path;
}

const GOLD = [
  { type: 'matter', id: 'm1', story: 's', proposition: 'X will resign' },
  { type: 'matter', id: 'm2', story: 's', proposition: 'X posted a loss' },
  article('a', [['m1', 'assert']]),
  article('b', [['m1', 'deny']]),
  article('c', [['m1', 'deny'], ['m2', 'assert']]),
  article('d', [['m2', 'mention']]),
  { type: 'pair', a: 'b', b: 'd', label: 'near-miss', note: 'same company, another proposition' },
];

describe('contradiction gold', () => {
  it('reads matters, articles and pairs; gold pairs are one article asserting what another denies', async () => {
    const gold = await readContradictionGold(goldFile(GOLD));
    expect(gold.matters).toHaveLength(2);
    expect([...contradictingPairs(gold).keys()].map((k) => k.split('\u0000'))).toEqual([['a', 'b'], ['a', 'c']]);
  });

  it('refuses unknown matters, duplicate ids, bad stances and a near-miss the stances make a contradiction', async () => {
    await expect(readContradictionGold(goldFile([...GOLD, article('e', [['m9', 'assert']])]))).rejects.toThrow(/CG_E007.*unknown matter "m9"/);
    await expect(readContradictionGold(goldFile([...GOLD, article('a', [])]))).rejects.toThrow(/article "a" is defined twice/);
    await expect(readContradictionGold(goldFile([...GOLD, article('e', [['m1', 'maybe']])]))).rejects.toThrow(/a stance must be one of assert, deny, mention/);
    await expect(readContradictionGold(goldFile([...GOLD, { type: 'pair', a: 'a', b: 'b', label: 'near-miss' }]))).rejects.toThrow(/stances make it a contradiction/);
  });
});

describe('scoreContradictions', () => {
  it('scores flagged article pairs: precision, recall, same matter, near-misses and agreements, above the threshold and in all', async () => {
    const gold: ContradictionGold = await readContradictionGold(goldFile(GOLD));
    const report = scoreContradictions(gold, [
      { a: 'a', b: 'b', score: 0.9, reason: 'right' },
      { a: 'b', b: 'c', score: 0.7, reason: 'agreement' },
      { a: 'b', b: 'd', score: 0.6, reason: 'near-miss' },
      { a: 'a', b: 'c', score: 0.3, reason: 'right but weak' },
    ], 0.5);
    expect(report).toMatchObject({ goldPairs: 2, flagged: 3, hits: 1, precision: 33.3, recall: 50, sameMatter: 66.7, nearMisses: 1, agreements: 1 });
    expect(report.unfiltered).toMatchObject({ flagged: 4, hits: 2, precision: 50, recall: 100 });
    expect(report.pairs.map((p) => [p.a, p.b, p.gold])).toEqual([['a', 'b', true], ['b', 'c', false], ['b', 'd', false], ['a', 'c', true]]);
  });

  it('gives 0 rather than dividing by zero when nothing is flagged', async () => {
    const report = scoreContradictions(await readContradictionGold(goldFile(GOLD)), [], 0.5);
    expect(report).toMatchObject({ flagged: 0, precision: 0, recall: 0, sameMatter: 0 });
  });
});
