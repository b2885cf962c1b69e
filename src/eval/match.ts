/** A gold item index, a predicted item index and the score that paired them. */
export interface Pair {
  gold: number;
  predicted: number;
  score: number;
}

/**
 * Greedy one-to-one matching: every pair scoring at least `threshold` (and above 0) is a candidate;
 * candidates are taken by descending score, equal scores by descending `tieBreak` (when given), then
 * in gold and predicted order, skipping pairs whose gold or predicted item is already taken.
 */
export function matchGreedy(
  gold: number,
  predicted: number,
  score: (g: number, p: number) => number,
  threshold = 0,
  tieBreak?: (g: number, p: number) => number,
): Pair[] {
  const candidates: (Pair & { tie: number })[] = [];
  for (let g = 0; g < gold; g++) {
    for (let p = 0; p < predicted; p++) {
      const s = score(g, p);
      if (s > 0 && s >= threshold) candidates.push({ gold: g, predicted: p, score: s, tie: tieBreak?.(g, p) ?? 0 });
    }
  }
  candidates.sort((a, b) => b.score - a.score || b.tie - a.tie || a.gold - b.gold || a.predicted - b.predicted);
  const goldTaken = new Set<number>();
  const predictedTaken = new Set<number>();
  const pairs: Pair[] = [];
  for (const pair of candidates) {
    if (goldTaken.has(pair.gold) || predictedTaken.has(pair.predicted)) continue;
    goldTaken.add(pair.gold);
    predictedTaken.add(pair.predicted);
    pairs.push({ gold: pair.gold, predicted: pair.predicted, score: pair.score });
  }
  return pairs;
}
