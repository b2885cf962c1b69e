import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../eval/data-path.js';
import { parseConllu } from '../conllu.js';
import { Configuration, LEFT, RIGHT, ROOT_LABEL, SHIFT, actionOf, projectivize } from './arc-hybrid.js';

/**
 * Runs the oracle: at every step the cheapest legal move, labelled with the gold label when it
 * builds a gold arc. Returns the heads built (n = root) and every move's cost on the way.
 */
function oracleParse(goldHeads: readonly number[], goldLabels: readonly number[]): { heads: number[]; labels: number[]; costs: number[] } {
  const n = goldHeads.length;
  const c = new Configuration();
  c.reset(n);
  const moveCosts = new Float64Array(3);
  const costs: number[] = [];
  while (!c.terminal) {
    c.moveCosts(goldHeads, moveCosts);
    const move = [SHIFT, LEFT, RIGHT].reduce((best, m) => (moveCosts[m] < moveCosts[best] ? m : best));
    costs.push(moveCosts[move]);
    const label = move === SHIFT ? 0 : goldLabels[c.s(0)];
    const action = actionOf(move, label);
    expect(c.legal(action)).toBe(true);
    c.apply(action);
  }
  return { heads: Array.from(c.heads.subarray(0, n)), labels: Array.from(c.labels.subarray(0, n)), costs };
}

describe('arc-hybrid transitions', () => {
  // "She said he left ." : said is the root; She ← said; left ← said (ccomp); he ← left; . ← said.
  const heads = [1, 5, 3, 1, 1];
  const labels = [2, ROOT_LABEL, 2, 3, 4];

  it('reaches the gold tree at zero cost by following the oracle', () => {
    const parsed = oracleParse(heads, labels);
    expect(parsed.heads).toEqual(heads);
    expect(parsed.labels).toEqual(labels);
    expect(parsed.costs.every((cost) => cost === 0)).toBe(true);
  });

  it('charges for the arcs a move makes unreachable', () => {
    const c = new Configuration();
    c.reset(5);
    const costs = new Float64Array(3);
    c.apply(actionOf(SHIFT, 0)); // stack [She], buffer [said, he, left, ., ROOT]
    c.moveCosts(heads, costs);
    // Shifting "said" would leave "She" unable to take it as head; LEFT builds that gold arc.
    expect([costs[SHIFT], costs[LEFT], costs[RIGHT]]).toEqual([1, 0, Infinity]);
    c.apply(actionOf(SHIFT, 0)); // stack [She, said], buffer [he, left, ., ROOT]
    c.moveCosts(heads, costs);
    // RIGHT would hang "said" on "She": its root arc and its dependents "left" and "." are lost.
    expect(costs[RIGHT]).toBe(3);
    expect(c.legal(actionOf(RIGHT, 1))).toBe(true);
    expect(c.legal(actionOf(RIGHT, ROOT_LABEL))).toBe(false);
    expect(c.legal(actionOf(LEFT, ROOT_LABEL))).toBe(false);
  });

  it('lifts crossing arcs until the tree is projective', () => {
    // Word 1 is the root, 2 hangs on 1, 0 on 2 and 3 on 0: the arc 0 → 3 spans the root.
    const crossing = [2, 4, 1, 0];
    const lifted = projectivize(crossing);
    expect(lifted).toEqual([1, 4, 1, 1]);
    expect(oracleParse(lifted, [1, ROOT_LABEL, 1, 1]).heads).toEqual(lifted);
    expect(projectivize(heads)).toEqual(heads);
  });
});

const EWT_DEV = sharedDataPath('ud-ewt', 'en_ewt-ud-dev.conllu');
describe.skipIf(!existsSync(EWT_DEV))('the oracle on real UD EWT trees', () => {
  it('round-trips every projectivised gold tree of EWT dev with its labels at zero cost', () => {
    const sentences = parseConllu(readFileSync(EWT_DEV, 'utf8'), EWT_DEV);
    let nonProjective = 0;
    for (const sentence of sentences) {
      const n = sentence.words.length;
      const gold = projectivize(sentence.heads.map((h) => (h < 0 ? n : h)));
      if (gold.some((h, k) => h !== (sentence.heads[k] < 0 ? n : sentence.heads[k]))) nonProjective++;
      const labels = gold.map((h) => (h === n ? ROOT_LABEL : 1));
      const parsed = oracleParse(gold, labels);
      expect(parsed.heads).toEqual(gold);
      expect(Math.max(...parsed.costs)).toBe(0);
    }
    expect(sentences.length).toBeGreaterThan(1900);
    // EWT is mostly projective; lifting touches a small share of sentences.
    expect(nonProjective / sentences.length).toBeLessThan(0.1);
  });
});
