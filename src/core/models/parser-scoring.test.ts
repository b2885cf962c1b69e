import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParserModel, loadPosModel } from '../../models.js';
import type { Doc } from '../doc.js';
import { createPipeline } from '../pipeline.js';
import { createPosStage } from '../stages/pos.js';
import { segmentsStage } from '../stages/segments.js';
import { tokensStage } from '../stages/tokens.js';
import { actionOf, Configuration, LEFT, RIGHT, ROOT_LABEL, SHIFT } from './arc-hybrid.js';
import { bestLabel, bestMove, DependencyParser, type ParserModel } from './parser.js';
import { DEPENDENT_GROUPS, ParserFeatures, type ParserInput } from './parser-features.js';
import { PackedParserScorer } from './parser-scoring.js';

const SEED = readFileSync(new URL('../../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');

let model: ParserModel;
let sentences: ParserInput[];
beforeAll(async () => {
  model = await loadParserModel();
  const doc: Doc = createPipeline([tokensStage, segmentsStage, createPosStage(await loadPosModel())]).run(SEED);
  sentences = doc.sentences.map(({ tokenStart, tokenEnd }) => ({
    words: doc.tokens.lower.slice(tokenStart, tokenEnd),
    tags: doc.tokens.tag.slice(tokenStart, tokenEnd),
  }));
});

/** Packed integer scores as the model's float scores: sum × scale, rounded to float32 as they are stored. */
function asFloat(scores: Int32Array, scale: number, classes: number): number[] {
  return Array.from(scores.subarray(0, classes), (sum) => Math.fround(sum * scale));
}

describe('the packed parser scorer', () => {
  it('scores every move and every label of both arc directions exactly as the perceptron models do, and parses the same trees', () => {
    const scorer = new PackedParserScorer(model);
    const parser = new DependencyParser(model);
    const features = new ParserFeatures();
    const config = new Configuration();
    const nLabels = model.labeller.classes.length;
    const moveScores = new Float32Array(3);
    const labelScores = new Float32Array(nLabels);
    const packedMoves = new Int32Array(3);
    const packedLabels = new Int32Array(nLabels);
    let decisions = 0;
    let missingSeen = 0;
    expect(sentences.length).toBeGreaterThan(10);
    for (const sentence of sentences) {
      const n = sentence.words.length;
      features.load(sentence);
      config.reset(n);
      // The reference parse: every decision scored by the perceptron models' own scores().
      while (!config.terminal) {
        const count = features.extract(config);
        model.moves.scores(features.buffer, count, moveScores);
        scorer.moveScores(features.buffer, count, packedMoves);
        expect(asFloat(packedMoves, scorer.moveScale, 3)).toEqual(Array.from(moveScores));
        for (const move of [LEFT, RIGHT]) {
          features.direct(move, count);
          model.labeller.scores(features.directed, count, labelScores);
          // Reading every feature, and with the missing dependents' weights precomputed.
          for (const missing of [0, features.missing]) {
            scorer.labelScores(features.buffer, missing, move, packedLabels);
            expect(asFloat(packedLabels, scorer.labelScale, nLabels)).toEqual(Array.from(labelScores));
          }
        }
        missingSeen |= features.missing;
        decisions++;
        const move = bestMove(config, moveScores);
        if (move === SHIFT) config.apply(actionOf(SHIFT, 0));
        else if (config.b === config.n && move === LEFT) config.apply(actionOf(LEFT, ROOT_LABEL));
        else {
          features.direct(move, count);
          model.labeller.scores(features.directed, count, labelScores);
          config.apply(actionOf(move, bestLabel(labelScores, nLabels)));
        }
      }
      const heads: number[] = [];
      const relations: string[] = [];
      parser.parse(sentence, heads, relations);
      expect(heads).toEqual(Array.from(config.heads.subarray(0, n), (head) => (head === n ? -1 : head)));
      expect(relations).toEqual(Array.from(config.labels.subarray(0, n), (label) => model.labeller.classes[label]));
    }
    expect(decisions).toBeGreaterThan(500);
    expect(missingSeen).toBe((1 << DEPENDENT_GROUPS.count) - 1);
  });
});
