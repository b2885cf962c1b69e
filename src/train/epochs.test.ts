import { describe, expect, it } from 'vitest';
import { runEpochs, seededRandom, shuffle } from './epochs.js';

describe('seededRandom and shuffle', () => {
  it('repeat for a seed and differ between seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(8))).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffle([...items], seededRandom(1));
    expect(once).not.toEqual(items);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(shuffle([...items], seededRandom(1))).toEqual(once);
  });
});

describe('runEpochs', () => {
  it('trains each epoch on all examples and keeps the best-scoring snapshot', () => {
    const scores = [0.5, 0.8, 0.7];
    const seen: number[][] = [];
    const lines: string[] = [];
    let epoch = 0;
    const best = runEpochs({
      examples: [1, 2, 3, 4],
      epochs: 3,
      seed: 3,
      trainPass: (order) => {
        seen.push([...order]);
        epoch++;
      },
      snapshot: () => `model ${epoch}`,
      evaluate: (model) => ({ score: scores[Number(model.slice(6)) - 1], summary: model }),
      log: (line) => lines.push(line),
    });
    expect(best).toEqual({ model: 'model 2', epoch: 2, score: 0.8 });
    expect(seen.every((order) => [...order].sort().join() === '1,2,3,4')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^epoch 2\/3 {2}model 2 {2}\(\d+\.\ds\) {2}best$/);
    expect(lines[2]).not.toContain('best');
  });

  it('stops after `patience` epochs without a better score', () => {
    const scores = [0.5, 0.8, 0.7, 0.8, 0.9];
    const lines: string[] = [];
    let epoch = 0;
    const best = runEpochs({
      examples: [1],
      epochs: 5,
      patience: 2,
      seed: 1,
      trainPass: () => void epoch++,
      snapshot: () => epoch,
      evaluate: (model) => ({ score: scores[model - 1], summary: '' }),
      log: (line) => lines.push(line),
    });
    expect(best).toEqual({ model: 2, epoch: 2, score: 0.8 }); // a tie is not better; epoch 5 never runs
    expect(epoch).toBe(4);
    expect(lines.at(-1)).toBe('no better dev score for 2 epochs: stopping');
  });

  it('needs at least one epoch', () => {
    const loop = { examples: [1], epochs: 0, seed: 1, trainPass() {}, snapshot: () => 0, evaluate: () => ({ score: 0, summary: '' }), log() {} };
    expect(() => runEpochs(loop)).toThrow(RangeError);
  });
});
