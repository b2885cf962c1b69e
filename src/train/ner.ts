import { bilouClasses, NER_CLASSES, NerTagger, type NerLexicon, type NerModel, type NerSpan, type NerWords } from '../core/ner.js';
import { PerceptronTrainer, type PerceptronModel, type Trainer } from '../core/perceptron.js';
import type { Lexicon } from '../core/lexicon/index.js';
import type { Stage } from '../core/pipeline.js';
import { conllSpans, goldDoc, nerReport, readConllNer, tallyChunks, type GoldDoc, type NerCounts, type NerReport } from '../eval/ner.js';
import { readGumNer } from '../eval/gum-ner.js';
import type { GumSplit } from './corpora.js';
import { DomainTrainer } from './domains.js';
import { runEpochs, seededRandom, shuffle } from './epochs.js';

/**
 * Trains the NER model (src/core/ner.ts). One document is one example, so the history features
 * see the document's earlier sentences. The first pass is trained and its epoch chosen on dev;
 * the second pass learns from first-pass output on documents that pass did not train on
 * (k-fold jackknifing, as at test time), and its epoch is chosen on dev too.
 */

export interface NerTrainOptions {
  epochs: number;
  /** Stop after this many epochs without a better dev F1. */
  patience: number;
  seed: number;
  /** log2 of the number of feature buckets. */
  bits: number;
  /** Quantisation of the shipped weights: 1 = int8, 2 = int16. */
  weightBytes: 1 | 2;
  /** Train the second pass (document-wide first-pass output as features). */
  twoPass: boolean;
  /** Folds for the first-pass output the second pass trains on. */
  folds: number;
  /**
   * Give every feature a copy per training set besides the shared weight (src/train/domains.ts), so
   * sets with different conventions (CoNLL's news, GUM's six genres) need not agree; the shipped
   * model is the shared weights plus the first set's.
   */
  domains: boolean;
  log(line: string): void;
}

export const DEFAULT_NER_TRAIN_OPTIONS: Omit<NerTrainOptions, 'log'> = {
  epochs: 30, patience: 5, seed: 1, bits: 20, weightBytes: 1, twoPass: true, folds: 5, domains: false,
};

export interface TrainedNer {
  model: NerModel;
  /** Chosen epoch of each pass. */
  epochs: number[];
  /** The chosen model's report on each dev set. */
  dev: { name: string; report: NerReport }[];
}

/** A named set of gold documents: training sets, and dev sets whose mean F1 picks the epochs. */
export interface NerDocSet {
  name: string;
  docs: readonly GoldDoc[];
}

/** Reads CoNLL files (IOB1 or IOB2) into Docs of their gold tokens, prepared by `stages` (POS). */
export async function loadNerDocs(paths: readonly string[], stages: readonly Stage[]): Promise<GoldDoc[]> {
  const files = await Promise.all(paths.map(readConllNer));
  return files.flat().map((document) => goldDoc(document, stages));
}

/** GUM documents of `split` with their entities mapped to the CoNLL types (eval/gum-ner.ts), prepared by `stages`. */
export async function loadGumNerDocs(gumDir: string, split: GumSplit, stages: readonly Stage[], lexicon: Lexicon): Promise<GoldDoc[]> {
  return (await readGumNer(gumDir, split, lexicon)).map(({ document }) => goldDoc(document, stages));
}

/** Scores a tagger on gold documents. */
export function scoreNer(tagger: NerTagger, docs: readonly GoldDoc[]): NerReport {
  const counts: NerCounts = new Map();
  for (const { doc, gold } of docs) tallyChunks(counts, gold, tagger.tag(doc));
  return nerReport(counts);
}

function summary(report: NerReport): string {
  const types = Object.entries(report.types).map(([type, s]) => `${type} ${s.f1.toFixed(2)}`).join(' ');
  return `F1 ${report.f1.toFixed(2)} (P ${report.precision.toFixed(2)} R ${report.recall.toFixed(2)}; ${types})`;
}

interface Example {
  doc: GoldDoc['doc'];
  gold: Int32Array;
  /** Index of the training set it comes from. */
  domain: number;
  /** Jackknifed first-pass entities, for training the second pass. */
  firstPass?: NerSpan[];
}

/** A trainer for one pass: plain, or with a copy of every feature per training set. */
function newTrainer(options: NerTrainOptions, sets: number): PerceptronTrainer | DomainTrainer {
  return options.domains ? new DomainTrainer(NER_CLASSES, options.bits, sets, 0) : new PerceptronTrainer(NER_CLASSES, options.bits);
}

/** Points a domain trainer at the set the next example comes from. */
function useDomain(trainer: Trainer, domain: number): void {
  if (trainer instanceof DomainTrainer) trainer.domain = domain;
}

/** `epochs` shuffled passes of the first-pass trainer over `examples`, without dev scoring. */
function trainFirstPass(examples: readonly Example[], sets: number, words: NerWords, lexicon: NerLexicon, epochs: number, options: NerTrainOptions): PerceptronModel {
  const trainer = newTrainer(options, sets);
  const tagger = new NerTagger(words, lexicon, trainer);
  const random = seededRandom(options.seed);
  const order = [...examples];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { doc, gold, domain } of shuffle(order, random)) {
      useDomain(trainer, domain);
      tagger.tag(doc, { gold, trainer });
    }
  }
  return trainer.toModel({ weightBytes: options.weightBytes });
}

export function trainNer(
  train: readonly NerDocSet[],
  dev: readonly NerDocSet[],
  words: NerWords,
  lexicon: NerLexicon,
  options: NerTrainOptions,
): TrainedNer {
  const examples: Example[] = train.flatMap(({ docs }, domain) =>
    docs.map(({ doc, gold }) => ({ doc, gold: bilouClasses(conllSpans(gold), doc.tokenCount), domain })));
  const tokens = examples.reduce((sum, { doc }) => sum + doc.tokenCount, 0);
  const sets = train.length;
  options.log(`training on ${examples.length} documents (${tokens} tokens), ${words.clusters.paths.size} clustered words, ${words.lowercase.size} lower-case words, 2^${options.bits} buckets`);
  if (options.domains) options.log(`a copy of every feature per training set (${train.map(({ name }) => name).join(', ')}); shipped: shared + ${train[0].name}`);
  const reports = new WeakMap<NerModel, TrainedNer['dev']>();
  const evaluate = (model: NerModel) => {
    const tagger = new NerTagger(words, lexicon, model.first, model.second);
    const scored = dev.map(({ name, docs }) => ({ name, report: scoreNer(tagger, docs) }));
    reports.set(model, scored);
    const mean = scored.reduce((sum, { report }) => sum + report.f1, 0) / scored.length;
    return { score: mean, summary: `dev mean F1 ${mean.toFixed(2)}; ${scored.map(({ name, report }) => `${name} ${summary(report)}`).join('; ')}` };
  };
  const loop = { epochs: options.epochs, patience: options.patience, seed: options.seed, evaluate, log: options.log };

  options.log('first pass');
  const firstTrainer = newTrainer(options, sets);
  const firstTagger = new NerTagger(words, lexicon, firstTrainer);
  const first = runEpochs({
    ...loop,
    examples,
    trainPass(ordered) {
      for (const { doc, gold, domain } of ordered) {
        useDomain(firstTrainer, domain);
        firstTagger.tag(doc, { gold, trainer: firstTrainer });
      }
    },
    snapshot: (): NerModel => ({ ...words, first: firstTrainer.toModel({ weightBytes: options.weightBytes }), second: null }),
  });
  if (!options.twoPass) return { model: first.model, epochs: [first.epoch], dev: reports.get(first.model)! };

  options.log(`first-pass output on the training documents from ${options.folds} folds of ${first.epoch} epochs`);
  for (let fold = 0; fold < options.folds; fold++) {
    const held = examples.filter((_, k) => k % options.folds === fold);
    const model = trainFirstPass(examples.filter((_, k) => k % options.folds !== fold), sets, words, lexicon, first.epoch, options);
    const tagger = new NerTagger(words, lexicon, model);
    for (const example of held) example.firstPass = tagger.tag(example.doc);
  }

  options.log('second pass');
  const secondTrainer = newTrainer(options, sets);
  const secondTagger = new NerTagger(words, lexicon, first.model.first, secondTrainer);
  const second = runEpochs({
    ...loop,
    examples,
    trainPass(ordered) {
      for (const { doc, gold, firstPass, domain } of ordered) {
        useDomain(secondTrainer, domain);
        secondTagger.tag(doc, { gold, trainer: secondTrainer, firstPass });
      }
    },
    snapshot: (): NerModel => ({ ...words, first: first.model.first, second: secondTrainer.toModel({ weightBytes: options.weightBytes }) }),
  });
  return { model: second.model, epochs: [first.epoch, second.epoch], dev: reports.get(second.model)! };
}
