import { join } from 'node:path';
import { PerceptronTrainer } from '../core/perceptron.js';
import { featureForm, PosTagger, type PosModel } from '../core/stages/pos.js';
import type { ConlluSentence } from '../core/conllu.js';
import { readConll2003, readConllu, readGumSplit, type Conll2003Sentence } from './corpora.js';
import { runEpochs } from './epochs.js';

/**
 * Trains the POS model on UD English EWT and GUM (gold PTB tags in the XPOS column) and CoNLL-2003
 * (PTB tags in column 2), selecting the epoch by mean dev accuracy on EWT dev, GUM dev and CoNLL testa.
 */

export interface TaggedSentence {
  words: string[];
  tags: string[];
}

export interface NamedSet {
  name: string;
  sentences: TaggedSentence[];
}

export interface PosCorpora {
  train: TaggedSentence[];
  dev: NamedSet[];
  test: NamedSet[];
}

export interface PosTrainOptions {
  epochs: number;
  seed: number;
  /** log2 of the number of feature buckets. */
  bits: number;
  /** Quantisation of the shipped weights: 1 = int8, 2 = int16. */
  weightBytes: 1 | 2;
  log(line: string): void;
}

export interface TrainedPos {
  model: PosModel;
  epoch: number;
  /** Mean dev accuracy of the chosen epoch, in [0, 1]. */
  devAccuracy: number;
}

const BRACKETS: Record<string, string> = { '(': '-LRB-', ')': '-RRB-' };

function fromConllu(sentence: ConlluSentence): TaggedSentence {
  return { words: sentence.words, tags: sentence.xpos };
}

/**
 * CoNLL-2003 follows the original PTB where GUM does not; map it to GUM's conventions:
 * straight quotes `"` get a direction (they open and close alternately within a sentence),
 * brackets become -LRB-/-RRB-, and "to" is TO only before a verb (GUM tags the preposition IN).
 */
export function fromConll2003(sentence: Conll2003Sentence): TaggedSentence {
  const { pos } = sentence;
  let quotes = 0;
  const tags = pos.map((tag, k) => {
    if (tag === '"') return quotes++ % 2 === 0 ? '``' : "''";
    if (tag === 'NN|SYM') return 'NN';
    if (tag === 'TO') return pos[k + 1] === 'VB' || (pos[k + 1] === 'RB' && pos[k + 2] === 'VB') ? 'TO' : 'IN';
    return BRACKETS[tag] ?? tag;
  });
  return { words: sentence.words, tags };
}

export async function loadPosCorpora(dataDir: string): Promise<PosCorpora> {
  const gum = join(dataDir, 'gum');
  const ewt = (file: string) => readConllu(join(dataDir, 'ud-ewt', file));
  const conll = (file: string) => readConll2003(join(dataDir, 'conll2003', file));
  const [ewtTrain, ewtDev, gumTrain, gumDev, gumTest, conllTrain, conllDev, conllTest] = await Promise.all([
    ewt('en_ewt-ud-train.conllu'),
    ewt('en_ewt-ud-dev.conllu'),
    readGumSplit(gum, 'train'),
    readGumSplit(gum, 'dev'),
    readGumSplit(gum, 'test'),
    conll('eng.train'),
    conll('eng.testa'),
    conll('eng.testb'),
  ]);
  return {
    train: [...ewtTrain.map(fromConllu), ...gumTrain.map(fromConllu), ...conllTrain.map(fromConll2003)],
    dev: [
      { name: 'EWT dev', sentences: ewtDev.map(fromConllu) },
      { name: 'GUM dev', sentences: gumDev.map(fromConllu) },
      { name: 'CoNLL testa', sentences: conllDev.map(fromConll2003) },
    ],
    test: [
      { name: 'GUM test', sentences: gumTest.map(fromConllu) },
      { name: 'CoNLL testb', sentences: conllTest.map(fromConll2003) },
    ],
  };
}

/** Words seen at least `minCount` times with one tag at least `minShare` of the time (Honnibal's thresholds). */
export function buildTagDictionary(sentences: readonly TaggedSentence[], minCount = 20, minShare = 0.97): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { words, tags } of sentences) {
    for (let k = 0; k < words.length; k++) {
      const form = featureForm(words[k]);
      let byTag = counts.get(form);
      if (!byTag) counts.set(form, (byTag = new Map()));
      byTag.set(tags[k], (byTag.get(tags[k]) ?? 0) + 1);
    }
  }
  const dictionary = new Map<string, string>();
  for (const [form, byTag] of counts) {
    let total = 0;
    let top = '';
    let topCount = 0;
    for (const [tag, n] of byTag) {
      total += n;
      if (n > topCount) [top, topCount] = [tag, n];
    }
    if (total >= minCount && topCount / total >= minShare) dictionary.set(form, top);
  }
  return dictionary;
}

/** Token accuracy of `model` on gold-tokenized sentences, in [0, 1]. */
export function posAccuracy(model: PosModel, sentences: readonly TaggedSentence[]): number {
  const tagger = new PosTagger(model.classifier, model.tagDictionary);
  const out: number[] = [];
  let correct = 0;
  let total = 0;
  for (const { words, tags } of sentences) {
    tagger.tag(words, out);
    for (let k = 0; k < words.length; k++) if (tagger.classes[out[k]] === tags[k]) correct++;
    total += words.length;
  }
  return total === 0 ? 0 : correct / total;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** Accuracy on each named set, as "GUM dev 95.12%  CoNLL testa 96.30%". */
export function accuracySummary(model: PosModel, sets: readonly NamedSet[]): { mean: number; summary: string } {
  const scores = sets.map((set) => posAccuracy(model, set.sentences));
  const summary = sets.map((set, k) => `${set.name} ${percent(scores[k])}`).join('  ');
  return { mean: scores.reduce((a, b) => a + b, 0) / scores.length, summary };
}

export function trainPos(corpora: PosCorpora, options: PosTrainOptions): TrainedPos {
  const tagNames = new Set<string>(['``', "''", 'CD']);
  for (const { tags } of corpora.train) for (const tag of tags) tagNames.add(tag);
  const classes = [...tagNames].sort();
  const classIndex = new Map(classes.map((name, c) => [name, c]));
  const tagDictionary = new Map<string, number>();
  for (const [form, tag] of buildTagDictionary(corpora.train)) tagDictionary.set(form, classIndex.get(tag) as number);

  const trainer = new PerceptronTrainer(classes, options.bits);
  const tagger = new PosTagger(trainer, tagDictionary);
  const examples = corpora.train.map(({ words, tags }) => ({ words, gold: tags.map((tag) => classIndex.get(tag) as number) }));
  const guesses: number[] = [];
  options.log(
    `training on ${examples.length} sentences, ${classes.length} tags, ${tagDictionary.size} dictionary words, 2^${options.bits} buckets`,
  );
  const best = runEpochs({
    examples,
    epochs: options.epochs,
    seed: options.seed,
    trainPass(ordered) {
      for (const { words, gold } of ordered) tagger.tag(words, guesses, { gold, trainer });
    },
    snapshot: (): PosModel => ({ classifier: trainer.toModel({ weightBytes: options.weightBytes }), tagDictionary }),
    evaluate(model) {
      const { mean, summary } = accuracySummary(model, corpora.dev);
      return { score: mean, summary: `${summary}  mean ${percent(mean)}` };
    },
    log: options.log,
  });
  return { model: best.model, epoch: best.epoch, devAccuracy: best.score };
}
