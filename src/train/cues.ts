import { CueModel, CUE_CLASSES_BINARY, MAX_CUE_FEATURES, cueFeatures } from '../core/cue-model.js';
import { PerceptronTrainer } from '../core/perceptron.js';
import { createPipeline } from '../core/pipeline.js';
import { defaultStages, type Resources } from '../core/stages/index.js';
import { emptyCounts, fromDoc, fromGold, report, tallyDocument } from '../eval/attribution.js';
import { readGold, type GoldArticle } from '../eval/gold.js';
import { runEpochs, tuneThreshold } from './epochs.js';

/**
 * Trains the cue filter on attribution gold (PolNeAR train): every verb the rules can give a
 * speaker and a content is a candidate; it is a cue when a gold cue span covers it. Each epoch is
 * scored on the dev gold by the whole pipeline's quote F1@0.3 times its speaker match (quotes found
 * with the right speaker); the best epoch, then the best decision threshold, is kept.
 */

interface Example {
  features: Uint32Array;
  label: number;
}

/** What the trainers on attribution gold (cues, spans) take. */
export interface AttributionTrainingOptions {
  train: string;
  dev: string;
  epochs: number;
  seed: number;
  bits: number;
  log: (line: string) => void;
}

export async function trainCues(resources: Resources, options: AttributionTrainingOptions): Promise<{ model: CueModel; epoch: number; score: number }> {
  const examples = await collectExamples(resources, options.train);
  const dev: GoldArticle[] = [];
  for await (const article of readGold(options.dev)) dev.push(article);
  const positives = examples.filter((e) => e.label === 1).length;
  options.log(`${examples.length} candidates, ${positives} cues, from ${options.train}`);
  const trainer = new PerceptronTrainer(CUE_CLASSES_BINARY, options.bits);
  const best = runEpochs<Example, CueModel>({
    examples,
    epochs: options.epochs,
    seed: options.seed,
    trainPass(order) {
      for (const { features, label } of order) {
        trainer.update(label, trainer.predict(features, features.length), features, features.length);
        trainer.tick();
      }
    },
    snapshot: () => new CueModel(trainer.toModel({ weightBytes: 2 })),
    evaluate: (model) => devScore(resources, model, dev),
    log: options.log,
  });
  // The decision threshold trades precision for recall; pick the one with the best dev F1.
  return tuneThreshold(best, THRESHOLDS, (model) => devScore(resources, model, dev), options.log);
}

/** Thresholds tried, as fractions of the largest weight. */
const THRESHOLDS = Array.from({ length: 25 }, (_, k) => -0.5 + k * 0.025);

async function collectExamples(resources: Resources, path: string): Promise<Example[]> {
  const examples: Example[] = [];
  let goldCues: Array<[number, number]> = [];
  const buffer = new Uint32Array(MAX_CUE_FEATURES);
  const pipeline = createPipeline(defaultStages(resources, {
    cueModel: null,
    onCandidate(doc, candidate) {
      const start = doc.tokens.start[candidate.cue.start];
      const end = doc.tokens.end[candidate.cue.end - 1];
      const label = goldCues.some(([s, e]) => s < end && e > start) ? 1 : 0;
      const n = cueFeatures(doc, candidate, buffer);
      examples.push({ features: buffer.slice(0, n), label });
    },
  }));
  for await (const article of readGold(path)) {
    goldCues = article.attributions.flatMap((a) => a.cue?.spans ?? []);
    pipeline.run(article.text);
  }
  return examples;
}

function devScore(resources: Resources, model: CueModel, dev: readonly GoldArticle[]): { score: number; summary: string } {
  const pipeline = createPipeline(defaultStages({ ...resources, cueModel: model }));
  const counts = emptyCounts();
  for (const article of dev) tallyDocument(counts, fromGold(article), fromDoc(pipeline.run(article.text)));
  const scores = report(counts);
  const quote = scores['quote@0.3'];
  // A quote is only useful with its speaker: select on quote F1 weighted by the speaker match.
  const speaker = scores.speakerMatch ?? 0;
  return {
    score: (quote.f1 * speaker) / 100,
    summary: `dev quote@0.3 F1 ${quote.f1.toFixed(1)} (P ${quote.p.toFixed(1)} R ${quote.r.toFixed(1)}), speaker match ${speaker.toFixed(1)}, cue exact F1 ${scores.exact.cue.f1.toFixed(1)}`,
  };
}
