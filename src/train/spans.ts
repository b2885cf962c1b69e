import {
  ContentSpanModel, MAX_SPAN_FEATURES, SPAN_CLASSES, contentEdgeFeatures, type ContentEdge, type ContentEdgeChoice,
} from '../core/models/content-span.js';
import type { Doc } from '../core/doc.js';
import { PerceptronTrainer } from '../core/perceptron.js';
import { createPipeline } from '../core/pipeline.js';
import { defaultStages, type Resources } from '../core/stages/index.js';
import { emptyCounts, fromDoc, fromGold, report, tallyDocument } from '../eval/attribution.js';
import { readGold, type GoldArticle, type GoldAttribution } from '../eval/gold.js';
import type { AttributionTrainingOptions } from './cues.js';
import { runEpochs, tuneThreshold } from './epochs.js';

/**
 * Trains the content-edge chooser on attribution gold (PolNeAR train): every edge the rules give a
 * content after its cue, whose gold attribution (same cue, overlapping content) puts that edge at
 * one of the candidates, is an example; a ranking perceptron learns to score the gold edge
 * highest. Each epoch is scored on the dev gold by the whole pipeline's exact content F1 plus its
 * quote F1@0.3; the best is kept, then the margin a candidate needs over the rules' choice.
 */

interface Example {
  edge: ContentEdge;
  /** Features of each candidate. */
  candidates: Uint32Array[];
  gold: number;
  /** Index of the rules' candidate: ties go to it, as at run time. */
  rule: number;
}

export async function trainSpans(resources: Resources, options: AttributionTrainingOptions): Promise<{ model: ContentSpanModel; epoch: number; score: number }> {
  const train = await collectExamples(resources, options.train);
  const devExamples = (await collectExamples(resources, options.dev)).examples;
  const dev: GoldArticle[] = [];
  for await (const article of readGold(options.dev)) dev.push(article);
  for (const edge of ['end', 'start'] as const) {
    const of = train.examples.filter((e) => e.edge === edge);
    options.log(`${edge}s: ${train.choices[edge]} chosen by the rules, ${of.length} with the gold ${edge} among the candidates (${of.filter((e) => e.gold !== e.rule).length} not the rules')`);
  }
  const trainer = new PerceptronTrainer(SPAN_CLASSES, options.bits);
  const scores = new Float32Array(SPAN_CLASSES.length);
  const trainerScore = (features: Uint32Array): number => {
    trainer.scores(features, features.length, scores);
    return scores[1];
  };
  const best = runEpochs<Example, ContentSpanModel>({
    examples: train.examples,
    epochs: options.epochs,
    seed: options.seed,
    trainPass(order) {
      for (const example of order) {
        const guess = bestCandidate(example, trainerScore);
        if (guess !== example.gold) {
          trainer.nudge(1, 1, example.candidates[example.gold], example.candidates[example.gold].length);
          trainer.nudge(1, -1, example.candidates[guess], example.candidates[guess].length);
        }
        trainer.tick();
      }
    },
    snapshot: () => new ContentSpanModel(trainer.toModel({ weightBytes: 2 })),
    evaluate: (model) => {
      const { score, summary } = devScore(resources, model, dev);
      const right = (edge: ContentEdge, pick: (e: Example) => number) => devExamples.filter((e) => e.edge === edge && pick(e) === e.gold).length;
      const byModel = (e: Example) => bestCandidate(e, (f) => model.scoreFeatures(f));
      const edges = (['end', 'start'] as const).map((edge) => `${edge}s ${right(edge, byModel)} (rules ${right(edge, (e) => e.rule)})`);
      return { score, summary: `${summary}; dev edges right: ${edges.join(', ')}` };
    },
    log: options.log,
  });
  // A shorter content can fall below the quote match's overlap: the margin a candidate needs over
  // the rules' choice is tuned for exact content F1 plus quote F1@0.3.
  return tuneThreshold(best, THRESHOLDS, (model) => devScore(resources, model, dev), options.log);
}

/** Thresholds tried, as fractions of the largest weight. */
const THRESHOLDS = Array.from({ length: 11 }, (_, k) => k * 0.05);

/** The highest-scoring candidate; the rules' one wins ties. */
function bestCandidate(example: Example, scoreOf: (features: Uint32Array) => number): number {
  let best = example.rule;
  let bestScore = scoreOf(example.candidates[best]);
  example.candidates.forEach((features, k) => {
    if (k === example.rule) return;
    const score = scoreOf(features);
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

async function collectExamples(resources: Resources, path: string): Promise<{ examples: Example[]; choices: Record<ContentEdge, number> }> {
  const examples: Example[] = [];
  const choices = { start: 0, end: 0 };
  let gold: GoldAttribution[] = [];
  const buffer = new Uint32Array(MAX_SPAN_FEATURES);
  const pipeline = createPipeline(defaultStages(resources, {
    cueModel: resources.cueModel,
    onContentEdge(doc, choice) {
      choices[choice.edge]++;
      const target = goldEdgeOf(doc, choice, gold);
      if (target === null) return;
      const offset = (at: number) => (choice.edge === 'end' ? doc.tokens.end[at - 1] : doc.tokens.start[at]);
      const at = choice.candidates.findIndex((c) => offset(c) === target);
      if (at < 0) return;
      examples.push({
        edge: choice.edge,
        candidates: choice.candidates.map((c) => buffer.slice(0, contentEdgeFeatures(doc, choice, c, buffer))),
        gold: at,
        rule: choice.candidates.indexOf(choice.rule),
      });
    },
  }));
  for await (const article of readGold(path)) {
    gold = article.attributions;
    pipeline.run(article.text);
  }
  return { examples, choices };
}

/**
 * Where the gold content whose cue overlaps the choice's cue, and which overlaps its content, has
 * the choice's edge (a character offset); null when there is no such gold content.
 */
function goldEdgeOf(doc: Doc, choice: ContentEdgeChoice, gold: readonly GoldAttribution[]): number | null {
  const cueStart = doc.tokens.start[choice.cue.start];
  const cueEnd = doc.tokens.end[choice.cue.end - 1];
  const start = doc.tokens.start[choice.start];
  const end = doc.tokens.end[choice.end - 1];
  for (const a of gold) {
    const cue = a.cue?.spans ?? [];
    const content = a.content?.spans ?? [];
    if (content.length === 0 || !cue.some(([s, e]) => s < cueEnd && e > cueStart)) continue;
    const contentStart = content[0][0];
    const contentEnd = content[content.length - 1][1];
    if (contentStart < end && contentEnd > start) return choice.edge === 'end' ? contentEnd : contentStart;
  }
  return null;
}

function devScore(resources: Resources, model: ContentSpanModel, dev: readonly GoldArticle[]): { score: number; summary: string } {
  const pipeline = createPipeline(defaultStages(resources, { cueModel: resources.cueModel, spanModel: model }));
  const counts = emptyCounts();
  for (const article of dev) tallyDocument(counts, fromGold(article), fromDoc(pipeline.run(article.text)));
  const scores = report(counts);
  const content = scores.exact.content;
  return {
    score: content.f1 + scores['quote@0.3'].f1,
    summary: `dev exact content F1 ${content.f1.toFixed(1)} (P ${content.p.toFixed(1)} R ${content.r.toFixed(1)}), quote@0.3 F1 ${scores['quote@0.3'].f1.toFixed(1)}`,
  };
}
