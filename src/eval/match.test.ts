import { describe, expect, it } from 'vitest';
import { matchGreedy } from './match.js';

describe('matchGreedy', () => {
  it('takes pairs by descending score, one to one, even when that leaves items unmatched', () => {
    const scores = [
      [0.9, 0.8],
      [0.85, 0],
    ];
    // The best pair (0,0) blocks both others, though (0,1) + (1,0) would match everything.
    expect(matchGreedy(2, 2, (g, p) => scores[g][p])).toEqual([{ gold: 0, predicted: 0, score: 0.9 }]);
  });

  it('ignores pairs below the threshold and pairs scoring 0', () => {
    expect(matchGreedy(1, 2, (_g, p) => [0.29, 0][p], 0.3)).toEqual([]);
  });

  it('breaks ties of score by the tie-break, so a wide item does not take what a tight one fits', () => {
    // Both predicted items cover gold 0 wholly; the tight one (1) fits it better, the wide one (0) fits gold 1.
    const covers = [[1, 1], [1, 0]];
    const fit = [[0.2, 1], [0.8, 0]];
    expect(matchGreedy(2, 2, (g, p) => covers[g][p], 0.3)).toHaveLength(1);
    expect(matchGreedy(2, 2, (g, p) => covers[g][p], 0.3, (g, p) => fit[g][p])).toEqual([
      { gold: 0, predicted: 1, score: 1 },
      { gold: 1, predicted: 0, score: 1 },
    ]);
  });
});
