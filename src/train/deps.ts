import { join } from 'node:path';
import { docFromConllu, type ConlluSentence } from '../core/conllu.js';
import { Configuration, LEFT, RIGHT, ROOT_LABEL, SHIFT, actionOf, projectivize } from '../core/models/arc-hybrid.js';
import { ParserFeatures } from '../core/models/parser-features.js';
import { bestLabel, bestMove, MOVE_NAMES, PARSER_MIN_WEIGHT, type ParserModel } from '../core/models/parser.js';
import { PerceptronTrainer } from '../core/perceptron.js';
import { createDepsStage } from '../core/stages/deps.js';
import { createPosStage, type PosModel } from '../core/stages/pos.js';
import { evaluateDeps, type DepsScore } from '../eval/deps.js';
import { readConllu, readGumSplit } from './corpora.js';
import { trainPos, type NamedSet, type PosTrainOptions, type TaggedSentence } from './pos.js';
import { runEpochs, seededRandom } from './epochs.js';

/**
 * Trains the dependency parser on UD English EWT train plus the GUM train documents, with the
 * tags our own tagger predicts (so the parser learns from the tags it will see), choosing the
 * epoch on EWT dev and GUM dev. Training follows Goldberg & Nivre (2013): a dynamic oracle, and
 * after the first epoch the parser follows its own prediction 90 % of the time, so it learns to
 * recover from its mistakes.
 */

export interface DepsCorpora {
  train: ConlluSentence[];
  dev: { name: string; sentences: ConlluSentence[] }[];
}

export interface DepsTrainOptions {
  epochs: number;
  seed: number;
  bits: number;
  /** Probability of following the model's own prediction after the first epoch. */
  explore: number;
  log(line: string): void;
}

/**
 * Tags of the training sentences by jackknifing (Collins & Koo 2005): the sentences are split
 * into `folds`; each fold is tagged by a tagger trained without it (on the other folds plus
 * `otherPosTrain`), so the parser learns from tags as noisy as those it will see.
 */
export function jackknifeTags(
  sentences: readonly ConlluSentence[],
  otherPosTrain: readonly TaggedSentence[],
  posDev: readonly NamedSet[],
  folds: number,
  options: Omit<PosTrainOptions, 'weightBytes'>,
): string[][] {
  const tags: string[][] = new Array(sentences.length);
  for (let fold = 0; fold < folds; fold++) {
    const held = sentences.filter((_, k) => k % folds === fold);
    const train = [...sentences.filter((_, k) => k % folds !== fold).map((s) => ({ words: s.words, tags: s.xpos })), ...otherPosTrain];
    options.log(`jackknife fold ${fold + 1}/${folds}: tagger on ${train.length} sentences`);
    const { model } = trainPos({ train, dev: [...posDev], test: [] }, { ...options, weightBytes: 1 });
    predictedTags(held, model).forEach((sentenceTags, n) => (tags[n * folds + fold] = sentenceTags));
  }
  return tags;
}

export const DEFAULT_DEPS_TRAIN_OPTIONS = { epochs: 15, seed: 1, bits: 20, explore: 0.9, folds: 4 } as const;

export async function loadDepsCorpora(dataDir: string): Promise<DepsCorpora> {
  const ewt = join(dataDir, 'ud-ewt');
  const gum = join(dataDir, 'gum');
  const [ewtTrain, gumTrain, ewtDev, gumDev] = await Promise.all([
    readConllu(join(ewt, 'en_ewt-ud-train.conllu')),
    readGumSplit(gum, 'train'),
    readConllu(join(ewt, 'en_ewt-ud-dev.conllu')),
    readGumSplit(gum, 'dev'),
  ]);
  return {
    train: [...ewtTrain, ...gumTrain],
    dev: [
      { name: 'EWT dev', sentences: ewtDev },
      { name: 'GUM dev', sentences: gumDev },
    ],
  };
}

/** One training sentence: its words, predicted tags, and projectivised gold heads (n = root) and labels. */
interface Example {
  words: string[];
  tags: readonly string[];
  heads: Int32Array;
  labels: Int32Array;
}

/** Tags gold-word sentences with our tagger, as the pipeline would. */
export function predictedTags(sentences: readonly ConlluSentence[], posModel: PosModel): string[][] {
  const doc = docFromConllu(sentences, false);
  createPosStage(posModel).apply(doc);
  return doc.sentences.map(({ tokenStart, tokenEnd }) => doc.tokens.tag.slice(tokenStart, tokenEnd));
}

/** Labels by frequency in `sentences` (ties by name), `root` first as the transition system needs. */
export function labelInventory(sentences: readonly ConlluSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const { deprels } of sentences) for (const label of deprels) if (label !== 'root') counts.set(label, (counts.get(label) ?? 0) + 1);
  return ['root', ...[...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([label]) => label)];
}

function toExample(sentence: ConlluSentence, tags: readonly string[], labelIndex: Map<string, number>): Example {
  const n = sentence.words.length;
  const heads = projectivize(sentence.heads.map((h) => (h < 0 ? n : h)));
  return {
    words: sentence.words.map((word) => word.toLowerCase().replace(/’/g, "'")),
    tags,
    heads: Int32Array.from(heads),
    labels: Int32Array.from(sentence.deprels.map((label) => labelIndex.get(label) ?? 0)),
  };
}

export interface TrainedDeps {
  model: ParserModel;
  epoch: number;
  dev: DepsScore[];
}

/** Trains on `corpora.train` tagged with `trainTags`; dev sets are tagged by `posModel`, as at run time. */
export function trainDeps(corpora: DepsCorpora, trainTags: readonly string[][], posModel: PosModel, options: DepsTrainOptions): TrainedDeps {
  const labels = labelInventory(corpora.train);
  const labelIndex = new Map(labels.map((label, k) => [label, k]));
  const examples = corpora.train.map((sentence, k) => toExample(sentence, trainTags[k], labelIndex));
  const moves = new PerceptronTrainer(MOVE_NAMES, options.bits);
  const labeller = new PerceptronTrainer(labels, options.bits);
  const config = new Configuration();
  const features = new ParserFeatures();
  const moveScores = new Float32Array(3);
  const labelScores = new Float32Array(labels.length);
  const moveCosts = new Float64Array(3);
  const random = seededRandom(options.seed + 1);
  const pos = createPosStage(posModel);
  let epoch = 0;
  const scoreDev = (model: ParserModel): DepsScore[] =>
    corpora.dev.map((set) => evaluateDeps(set.sentences, { pos, deps: createDepsStage(model) }));
  options.log(
    `training on ${examples.length} sentences (${examples.reduce((n, e) => n + e.words.length, 0)} words), ${labels.length} labels, 2^${options.bits} buckets`,
  );

  /** One dynamic-oracle step: updates both models where they err, returns the action to follow. */
  function step(example: Example, n: number): number {
    moves.scores(features.buffer, n, moveScores);
    config.moveCosts(example.heads, moveCosts);
    const predicted = bestMove(config, moveScores);
    let oracle = -1;
    for (const move of [SHIFT, LEFT, RIGHT]) {
      if (moveCosts[move] === Infinity) continue;
      if (oracle < 0 || moveCosts[move] < moveCosts[oracle] || (moveCosts[move] === moveCosts[oracle] && moveScores[move] > moveScores[oracle])) oracle = move;
    }
    if (moveCosts[predicted] > moveCosts[oracle]) moves.update(oracle, predicted, features.buffer, n);
    moves.tick();
    const move = epoch > 1 && random() < options.explore ? predicted : oracle;
    if (move === SHIFT) return actionOf(SHIFT, 0);
    const dependent = config.s(0);
    const head = move === LEFT ? config.b : config.s(1);
    if (head === config.n) return actionOf(LEFT, ROOT_LABEL);
    features.direct(move, n);
    labeller.scores(features.directed, n, labelScores);
    const guess = bestLabel(labelScores, labels.length);
    // The labeller learns from gold arcs only: a wrong arc has no right label.
    if (example.heads[dependent] !== head) return actionOf(move, guess);
    labeller.update(example.labels[dependent], guess, features.directed, n);
    labeller.tick();
    return actionOf(move, example.labels[dependent]);
  }

  const best = runEpochs({
    examples,
    epochs: options.epochs,
    seed: options.seed,
    trainPass(ordered) {
      epoch++;
      for (const example of ordered) {
        features.load(example);
        config.reset(example.words.length);
        while (!config.terminal) config.apply(step(example, features.extract(config)));
      }
    },
    snapshot: (): ParserModel => ({
      moves: moves.toModel({ weightBytes: 1, minWeight: PARSER_MIN_WEIGHT, pack: false }),
      labeller: labeller.toModel({ weightBytes: 1, minWeight: PARSER_MIN_WEIGHT, pack: false }),
    }),
    evaluate(model) {
      const devScores = scoreDev(model);
      const mean = devScores.reduce((sum, s) => sum + s.las, 0) / devScores.length;
      const summary = corpora.dev.map((set, k) => `${set.name} UAS ${devScores[k].uas.toFixed(2)} LAS ${devScores[k].las.toFixed(2)}`).join('  ');
      return { score: mean, summary: `${summary}  mean LAS ${mean.toFixed(2)}` };
    },
    log: options.log,
  });
  return { model: best.model, epoch: best.epoch, dev: scoreDev(best.model) };
}
