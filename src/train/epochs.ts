import type { PerceptronModel } from '../core/perceptron.js';

/**
 * The epoch loop shared by the perceptron trainers (POS now, NER later): shuffle the examples
 * with a seeded PRNG, train one pass, evaluate the averaged model on dev data, keep the best.
 */

/** Mulberry32: a small, fast, seeded PRNG, so that a given seed always trains the same model. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface EpochLoop<Example, Model> {
  examples: readonly Example[];
  epochs: number;
  /** Stop early after this many epochs without a better dev score (default: never). */
  patience?: number;
  seed: number;
  /** One training pass over the examples in the given order. */
  trainPass(examples: readonly Example[]): void;
  /** The model as it would be shipped after this pass (averaged, quantised). */
  snapshot(): Model;
  /** Dev score (higher is better) and a one-line summary for the progress log. */
  evaluate(model: Model): { score: number; summary: string };
  log(line: string): void;
}

export interface BestEpoch<Model> {
  model: Model;
  epoch: number;
  score: number;
}

export function runEpochs<Example, Model>(loop: EpochLoop<Example, Model>): BestEpoch<Model> {
  const random = seededRandom(loop.seed);
  const order = [...loop.examples];
  let best: BestEpoch<Model> | undefined;
  for (let epoch = 1; epoch <= loop.epochs; epoch++) {
    const started = performance.now();
    loop.trainPass(shuffle(order, random));
    const model = loop.snapshot();
    const { score, summary } = loop.evaluate(model);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const isBest = best === undefined || score > best.score;
    loop.log(`epoch ${epoch}/${loop.epochs}  ${summary}  (${seconds}s)${isBest ? '  best' : ''}`);
    if (isBest) best = { model, epoch, score };
    else if (loop.patience !== undefined && epoch - (best as BestEpoch<Model>).epoch >= loop.patience) {
      loop.log(`no better dev score for ${loop.patience} epochs: stopping`);
      break;
    }
  }
  if (best === undefined) throw new RangeError('epochs must be at least 1');
  return best;
}

/** A model whose decision threshold (in the classifier's raw score units) can be set. */
export interface ThresholdedModel<Model> {
  classifier: PerceptronModel;
  withThreshold(threshold: number): Model;
}

/**
 * Tries the best epoch's model with each threshold, given as fractions of the largest weight, and
 * keeps the one with the best dev score (the untuned model wins ties).
 */
export function tuneThreshold<Model extends ThresholdedModel<Model>>(
  best: BestEpoch<Model>, fractions: readonly number[], evaluate: (model: Model) => { score: number; summary: string }, log: (line: string) => void,
): BestEpoch<Model> {
  let tuned = best;
  const { scale, weightBytes } = best.model.classifier;
  for (const fraction of fractions) {
    const model = best.model.withThreshold(fraction * scale * (weightBytes === 1 ? 127 : 32767));
    const { score, summary } = evaluate(model);
    log(`threshold ${fraction.toFixed(2)}  ${summary}`);
    if (score > tuned.score) tuned = { ...best, model, score };
  }
  return tuned;
}
