import { bilouClasses, NER_CLASSES, NerTagger, type NerLexicon, type NerModel } from '../core/ner.js';
import { PerceptronTrainer } from '../core/perceptron.js';
import type { Stage } from '../core/pipeline.js';
import type { WordClusters } from '../core/word-clusters.js';
import { conllSpans, goldDoc, nerReport, readConllNer, tallyChunks, type GoldDoc, type NerCounts, type NerReport } from '../eval/ner.js';
import { runEpochs } from './epochs.js';

/**
 * Trains the NER model: a structured averaged perceptron over CoNLL-format documents (one
 * document is one example, so the non-local features see the document's earlier sentences),
 * keeping the epoch that scores best on the dev set.
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
  log(line: string): void;
}

export const DEFAULT_NER_TRAIN_OPTIONS: Omit<NerTrainOptions, 'log'> = { epochs: 30, patience: 5, seed: 1, bits: 20, weightBytes: 1 };

export interface TrainedNer {
  model: NerModel;
  epoch: number;
  dev: NerReport;
}

/** Reads CoNLL files (IOB1 or IOB2) into Docs of their gold tokens, prepared by `stages` (POS). */
export async function loadNerDocs(paths: readonly string[], stages: readonly Stage[]): Promise<GoldDoc[]> {
  const files = await Promise.all(paths.map(readConllNer));
  return files.flat().map((document) => goldDoc(document, stages));
}

/** Scores a tagger on gold documents. */
export function scoreNer(tagger: NerTagger, docs: readonly GoldDoc[]): NerReport {
  const counts: NerCounts = new Map();
  for (const { doc, gold } of docs) tallyChunks(counts, gold, tagger.tag(doc));
  return nerReport(counts);
}

function summary(report: NerReport): string {
  const types = Object.entries(report.types).map(([type, s]) => `${type} ${s.f1.toFixed(2)}`).join(' ');
  return `dev F1 ${report.f1.toFixed(2)} (P ${report.precision.toFixed(2)} R ${report.recall.toFixed(2)}; ${types})`;
}

export function trainNer(
  train: readonly GoldDoc[],
  dev: readonly GoldDoc[],
  clusters: WordClusters,
  lexicon: NerLexicon,
  options: NerTrainOptions,
): TrainedNer {
  const trainer = new PerceptronTrainer(NER_CLASSES, options.bits);
  const tagger = new NerTagger(trainer, clusters, lexicon);
  const examples = train.map(({ doc, gold }) => ({ doc, gold: bilouClasses(conllSpans(gold), doc.tokenCount) }));
  const tokens = examples.reduce((sum, { doc }) => sum + doc.tokenCount, 0);
  options.log(`training on ${examples.length} documents (${tokens} tokens), ${clusters.paths.size} clustered words, 2^${options.bits} buckets`);
  const reports = new WeakMap<NerModel, NerReport>();
  const best = runEpochs({
    examples,
    epochs: options.epochs,
    patience: options.patience,
    seed: options.seed,
    trainPass(ordered) {
      for (const { doc, gold } of ordered) tagger.tag(doc, { gold, trainer });
    },
    snapshot: (): NerModel => ({ classifier: trainer.toModel({ weightBytes: options.weightBytes }), clusters }),
    evaluate(model) {
      const report = scoreNer(new NerTagger(model.classifier, clusters, lexicon), dev);
      reports.set(model, report);
      return { score: report.f1, summary: summary(report) };
    },
    log: options.log,
  });
  return { model: best.model, epoch: best.epoch, dev: reports.get(best.model) as NerReport };
}
