import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { encodePosModel } from '../../core/stages/pos.js';
import { sharedDataPath } from '../../eval/data-path.js';
import {
  DEFAULT_CLUSTERS_PATH,
  DEFAULT_CUE_MODEL_PATH,
  DEFAULT_NER_MODEL_PATH,
  DEFAULT_PARSER_MODEL_PATH,
  DEFAULT_POS_MODEL_PATH,
  DEFAULT_SPAN_MODEL_PATH,
  loadPosModel,
  loadWordClusters,
} from '../../models.js';
import { encodeCueModel } from '../../core/cue-model.js';
import { createLexicon } from '../../core/lexicon/index.js';
import { decodeNerModel, encodeNerModel } from '../../core/ner.js';
import { dictionaryWords, lowercaseWords } from '../../core/ner-casing.js';
import { createPosStage } from '../../core/stages/pos.js';
import { encodeWordClusters } from '../../core/word-clusters.js';
import { formatNerReport } from '../../eval/ner.js';
import { clusterWords, DEFAULT_CLUSTER_OPTIONS, loadClusterText } from '../../train/clusters.js';
import { DEFAULT_NER_TRAIN_OPTIONS, loadGumNerDocs, loadNerDocs, trainNer } from '../../train/ner.js';
import { trainCues, type AttributionTrainingOptions } from '../../train/cues.js';
import { trainSpans } from '../../train/spans.js';
import { encodeContentSpanModel } from '../../core/models/content-span.js';
import { loadResources, type AnalyzerOptions } from '../../analyze.js';
import type { Resources } from '../../core/stages/index.js';
import { accuracySummary, fromConll2003, loadPosCorpora, trainPos, type TaggedSentence } from '../../train/pos.js';
import { DEFAULT_DEPS_TRAIN_OPTIONS, jackknifeTags, loadDepsCorpora, predictedTags, trainDeps } from '../../train/deps.js';
import { readConll2003, readConllu } from '../../train/corpora.js';
import { encodeParserModel } from '../../core/models/parser.js';
import type { ConlluSentence } from '../../core/conllu.js';
import { formatDepsReport } from '../../eval/deps.js';
import { UsageError, type Command } from '../command.js';
import { parseOptions, withInputErrors } from './eval.js';

/** One trainable model: `claimgraph train <name> …`. */
interface Trainer {
  name: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} must be a positive integer, not "${value}"`);
  return Number(value);
}

/** `--bits`: log2 of a perceptron's feature buckets, from 10 to `max`. */
function bucketBits(value: string | undefined, fallback: number, max: number): number {
  const bits = positiveInteger('bits', value, fallback);
  if (bits < 10 || bits > max) throw new UsageError(`--bits must be between 10 and ${max}`);
  return bits;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Writes a trained model, creating its folder, and logs its size and the time since `started`. */
async function writeModel(out: string, bytes: Uint8Array, started: number): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, bytes);
  log(`wrote ${out} (${(bytes.length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

async function trainPosCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    bits: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const epochs = positiveInteger('epochs', values.epochs, 10);
  const seed = positiveInteger('seed', values.seed, 1);
  const bits = bucketBits(values.bits, 18, 22);
  const dataDir = values.data ?? sharedDataPath();
  const out = values.out === undefined ? DEFAULT_POS_MODEL_PATH : resolve(values.out);

  const started = performance.now();
  const corpora = await loadPosCorpora(dataDir);
  const trained = trainPos(corpora, { epochs, seed, bits, weightBytes: 1, log });
  log(`kept epoch ${trained.epoch}; test: ${accuracySummary(trained.model, corpora.test).summary}`);
  await writeModel(out, encodePosModel(trained.model), started);
  return 0;
}

/**
 * The options every attribution-gold trainer takes (--train, --dev, --out, --epochs, --seed), read
 * into the trainer's options, with the pipeline's resources loaded as at run time.
 */
async function attributionTraining(
  argv: string[], defaultOut: string, leaveOut: AnalyzerOptions, bits: number,
): Promise<{ out: string; started: number; resources: Resources; options: AttributionTrainingOptions }> {
  const { values, positionals } = parseOptions(argv, {
    train: { type: 'string' },
    dev: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const out = values.out === undefined ? defaultOut : resolve(values.out);
  const started = performance.now();
  const resources = await loadResources(leaveOut);
  const options = {
    train: values.train ?? sharedDataPath('polnear', 'train.jsonl'),
    dev: values.dev ?? sharedDataPath('polnear', 'dev.jsonl'),
    epochs: positiveInteger('epochs', values.epochs, 10),
    seed: positiveInteger('seed', values.seed, 1),
    bits,
    log,
  };
  return { out, started, resources, options };
}

async function trainCuesCommand(argv: string[]): Promise<number> {
  // Candidates come from the pipeline with the shipped POS model and lexicon, as at run time.
  const { out, started, resources, options } = await attributionTraining(argv, DEFAULT_CUE_MODEL_PATH, { withoutCueModel: true }, 18);
  const trained = await trainCues(resources, options);
  log(`kept epoch ${trained.epoch} (dev quote F1 × speaker match ${trained.score.toFixed(1)}, threshold ${trained.model.threshold.toFixed(3)})`);
  await writeModel(out, encodeCueModel(trained.model), started);
  return 0;
}

async function trainSpansCommand(argv: string[]): Promise<number> {
  // Contents come from the pipeline with the shipped cue model, as at run time.
  const { out, started, resources, options } = await attributionTraining(argv, DEFAULT_SPAN_MODEL_PATH, { withoutSpanModel: true }, 16);
  const trained = await trainSpans(resources, options);
  log(`kept epoch ${trained.epoch} (dev exact content F1 + quote F1@0.3 ${trained.score.toFixed(1)}, threshold ${trained.model.threshold.toFixed(3)})`);
  await writeModel(out, encodeContentSpanModel(trained.model), started);
  return 0;
}

async function trainClustersCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    data: { type: 'string' },
    text: { type: 'string' },
    out: { type: 'string' },
    depth: { type: 'string' },
    'min-count': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const depth = positiveInteger('depth', values.depth, DEFAULT_CLUSTER_OPTIONS.depth);
  if (depth > 31) throw new UsageError('--depth must be at most 31');
  const minCount = positiveInteger('min-count', values['min-count'], DEFAULT_CLUSTER_OPTIONS.minCount);
  const out = values.out === undefined ? DEFAULT_CLUSTERS_PATH : resolve(values.out);
  const started = performance.now();
  const sentences = await loadClusterText(values.data ?? sharedDataPath(), values.text?.split(',') ?? []);
  const clusters = clusterWords(sentences, { ...DEFAULT_CLUSTER_OPTIONS, depth, minCount, log });
  await writeModel(out, encodeWordClusters(clusters), started);
  return 0;
}

async function trainNerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    train: { type: 'string' },
    dev: { type: 'string' },
    clusters: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    patience: { type: 'string' },
    seed: { type: 'string' },
    bits: { type: 'string' },
    passes: { type: 'string' },
    folds: { type: 'string' },
    gum: { type: 'string' },
    dictionary: { type: 'string' },
    domains: { type: 'boolean' },
    'casing-only': { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values['casing-only']) return rewriteCasingTable(values.out === undefined ? DEFAULT_NER_MODEL_PATH : resolve(values.out), values.dictionary);
  const defaults = DEFAULT_NER_TRAIN_OPTIONS;
  const bits = bucketBits(values.bits, defaults.bits, 24);
  const passes = positiveInteger('passes', values.passes, defaults.twoPass ? 2 : 1);
  if (passes > 2) throw new UsageError('--passes must be 1 or 2');
  if (values.folds !== undefined && positiveInteger('folds', values.folds, defaults.folds) < 2) throw new UsageError('--folds must be 2 or more');
  const options = {
    ...defaults,
    epochs: positiveInteger('epochs', values.epochs, defaults.epochs),
    patience: positiveInteger('patience', values.patience, defaults.patience),
    folds: positiveInteger('folds', values.folds, defaults.folds),
    seed: positiveInteger('seed', values.seed, defaults.seed),
    bits,
    twoPass: passes === 2,
    domains: values.domains ?? defaults.domains,
    log,
  };
  const out = values.out === undefined ? DEFAULT_NER_MODEL_PATH : resolve(values.out);
  const started = performance.now();
  const clusters = await loadWordClusters(values.clusters);
  // The tagger reads POS tags, so the documents are tagged by the shipped POS model, as at run time.
  const stages = [createPosStage(await loadPosModel())];
  const lexicon = createLexicon();
  // GUM (train, dev) joins CoNLL unless --gum none; without the folder, CoNLL alone.
  const gumDir = values.gum === 'none' ? null : values.gum ?? sharedDataPath('gum');
  const withGum = gumDir !== null && existsSync(gumDir);
  if (gumDir !== null && !withGum) log(`no GUM folder at ${gumDir}: training on CoNLL alone`);
  const [conllTrain, conllDev, gumTrain, gumDev] = await Promise.all([
    loadNerDocs((values.train ?? sharedDataPath('conll2003', 'eng.train')).split(','), stages),
    loadNerDocs([values.dev ?? sharedDataPath('conll2003', 'eng.testa')], stages),
    withGum ? loadGumNerDocs(gumDir, 'train', stages, lexicon) : [],
    withGum ? loadGumNerDocs(gumDir, 'dev', stages, lexicon) : [],
  ]);
  const dev = [{ name: values.dev ?? 'CoNLL testa', docs: conllDev }, ...(withGum ? [{ name: 'GUM dev', docs: gumDev }] : [])];
  const lowercase = await casingTable();
  const dictionary = await casingDictionary(values.dictionary, lowercase);
  const train = [{ name: 'CoNLL train', docs: conllTrain }, ...(withGum ? [{ name: 'GUM train', docs: gumTrain }] : [])];
  const trained = trainNer(train, dev, { clusters, lowercase, dictionary }, lexicon, options);
  log(`kept epoch ${trained.epochs.join(' and ')}`);
  for (const { name, report } of trained.dev) log(`${name}:\n${formatNerReport(report)}`);
  await writeModel(out, encodeNerModel(trained.model), started);
  return 0;
}

/**
 * The words headlines are truecased to lower case: those the clusters' unlabeled news text writes
 * mostly in lower case, and those UD EWT train does (web text, where "island", "drills" and
 * "donates" are common enough to count).
 */
async function casingTable(): Promise<Set<string>> {
  const [news, ewt] = await Promise.all([loadClusterText(sharedDataPath()), readConllu(sharedDataPath('ud-ewt', 'en_ewt-ud-train.conllu'))]);
  return new Set([...lowercaseWords(news), ...lowercaseWords(ewt.map((sentence) => sentence.words))]);
}

/** Where Debian's wamerican package puts its word list (SCOWL). */
const SYSTEM_DICTIONARY = '/usr/share/dict/words';

/**
 * The lower-case words of a word list besides `lowercase`: `--dictionary FILE`, else the system's
 * list when there is one; `--dictionary none` or no list gives none.
 */
async function casingDictionary(option: string | undefined, lowercase: ReadonlySet<string>): Promise<Set<string>> {
  if (option === 'none') return new Set();
  const path = option ?? SYSTEM_DICTIONARY;
  let list: string;
  try {
    list = await readFile(path, 'utf8');
  } catch (error) {
    if (option !== undefined) throw new UsageError(`cannot read the dictionary ${path}: ${(error as Error).message}`);
    log(`no word list at ${SYSTEM_DICTIONARY} (apt-get install wamerican): headlines are truecased from the text's words only`);
    return new Set();
  }
  return new Set(dictionaryWords(list, lowercase));
}

/** `train ner --casing-only`: the shipped weights with the casing tables rebuilt from the data. */
async function rewriteCasingTable(path: string, dictionaryOption: string | undefined): Promise<number> {
  const started = performance.now();
  const model = decodeNerModel(new Uint8Array(await readFile(path)));
  const lowercase = await casingTable();
  const dictionary = await casingDictionary(dictionaryOption, lowercase);
  log(`casing table: ${model.lowercase.size} → ${lowercase.size} words, dictionary ${model.dictionary?.size ?? 0} → ${dictionary.size}`);
  await writeModel(path, encodeNerModel({ ...model, lowercase, dictionary }), started);
  return 0;
}

/** Epochs of each jackknife tagger: the shipped tagger's dev accuracy levels off by then. */
const JACKKNIFE_POS_EPOCHS = 5;

function taggedSentence(sentence: ConlluSentence): TaggedSentence {
  return { words: sentence.words, tags: sentence.xpos };
}

async function trainDepsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    bits: { type: 'string' },
    folds: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const defaults = DEFAULT_DEPS_TRAIN_OPTIONS;
  const bits = bucketBits(values.bits, defaults.bits, 22);
  const folds = positiveInteger('folds', values.folds, defaults.folds);
  const seed = positiveInteger('seed', values.seed, defaults.seed);
  const dataDir = values.data ?? sharedDataPath();
  const out = values.out === undefined ? DEFAULT_PARSER_MODEL_PATH : resolve(values.out);
  const started = performance.now();
  const [corpora, posModel, conllTrain] = await Promise.all([
    loadDepsCorpora(dataDir),
    loadPosModel(),
    readConll2003(join(dataDir, 'conll2003', 'eng.train')),
  ]);
  // Training tags by jackknifing; --folds 1 tags with the shipped tagger (optimistic on its own training data).
  const trainTags =
    folds === 1
      ? predictedTags(corpora.train, posModel)
      : jackknifeTags(corpora.train, conllTrain.map(fromConll2003), [{ name: 'EWT dev', sentences: corpora.dev[0].sentences.map(taggedSentence) }], folds, {
          epochs: JACKKNIFE_POS_EPOCHS,
          seed,
          bits: 18,
          log,
        });
  const trained = trainDeps(corpora, trainTags, posModel, {
    epochs: positiveInteger('epochs', values.epochs, defaults.epochs),
    seed,
    bits,
    explore: defaults.explore,
    log,
  });
  log(`kept epoch ${trained.epoch}:\n${corpora.dev.map((set, k) => formatDepsReport(set.name, trained.dev[k])).join('\n\n')}`);
  await writeModel(out, encodeParserModel(trained.model), started);
  return 0;
}

const TRAINERS: Trainer[] = [
  { name: 'pos', summary: 'part-of-speech tagger (UD EWT + GUM + CoNLL-2003) → models/pos-en.bin', run: trainPosCommand },
  { name: 'deps', summary: 'dependency parser (UD EWT + GUM, dev EWT/GUM dev) → models/deps-en.bin', run: trainDepsCommand },
  { name: 'cues', summary: 'attribution-cue filter (PolNeAR train, tuned on dev) → models/cues-en.bin', run: trainCuesCommand },
  { name: 'spans', summary: 'edges of reported contents (PolNeAR train, chosen on dev) → models/spans-en.bin', run: trainSpansCommand },
  { name: 'clusters', summary: 'word clusters from unlabeled text (CoNLL, GUM, PolNeAR train) → models/clusters-en.bin', run: trainClustersCommand },
  { name: 'ner', summary: 'named-entity tagger (CoNLL-2003 train, dev testa) → models/ner-en.bin', run: trainNerCommand },
];

async function train(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const trainer = TRAINERS.find((t) => t.name === name);
  if (!trainer) {
    const names = TRAINERS.map((t) => t.name).join(', ');
    throw new UsageError(name === undefined ? `which model? (${names})` : `unknown model "${name}" (${names})`);
  }
  return trainer.run(rest);
}

export const trainCommand: Command = {
  name: 'train',
  usage: `Usage: claimgraph train <model> [options]

Models:
${TRAINERS.map((t) => `  ${t.name.padEnd(10)}${t.summary}`).join('\n')}

claimgraph train pos [--data DIR] [--out FILE] [--epochs N] [--seed N] [--bits N]
  Trains the averaged-perceptron POS tagger on UD EWT train and GUM dep/*.conllu (train split,
  XPOS) and CoNLL-2003 eng.train (column 2), prints dev accuracy per epoch (EWT dev, GUM dev,
  CoNLL testa), keeps the best epoch, prints its test accuracy (GUM test, CoNLL testb) and
  writes the model.

claimgraph train deps [--data DIR] [--out FILE] [--epochs N] [--seed N] [--bits N] [--folds N]
  Trains the arc-hybrid dependency parser with a dynamic oracle on UD EWT train plus GUM train,
  tagged by --folds taggers trained without the fold (jackknifing, default 4; 1 uses the shipped
  tagger), prints UAS/LAS on EWT dev and GUM dev per epoch (--epochs, default 15), keeps the best
  epoch and writes models/deps-en.bin. Needs the shipped POS model (train pos first).

claimgraph train cues [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--seed N]
  Trains the cue filter on attribution gold in the JSONL format of docs/eval.md (default:
  PolNeAR train), keeps the epoch and decision threshold with the best quote F1@0.3 on --dev
  (default: PolNeAR dev) and writes the model (default: models/cues-en.bin).

claimgraph train spans [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--seed N]
  Trains the content-edge chooser on attribution gold (default: PolNeAR train) with the shipped
  cue model, keeps the epoch and margin with the best exact content F1 plus quote F1@0.3 on --dev
  (default: PolNeAR dev) and writes the model (default: models/spans-en.bin).

claimgraph train clusters [--data DIR] [--text FILE[,FILE]] [--out FILE] [--depth N] [--min-count N]
  Induces hierarchical word clusters (divisive exchange clustering of a class bigram model) from
  CoNLL-2003 eng.train tokens, GUM train and PolNeAR train texts, plus any --text files (JSONL
  with a "text" per line, or plain text), and writes models/clusters-en.bin. Words seen fewer
  than --min-count times (default 3) get no cluster; --depth (default 12) bits per path.

claimgraph train ner [--train FILE[,FILE]] [--dev FILE] [--gum DIR|none] [--clusters FILE] [--out FILE]
                     [--epochs N] [--patience N] [--seed N] [--bits N] [--passes 1|2] [--folds N]
                     [--dictionary FILE|none] [--domains] [--casing-only]
  Trains the NER tagger on CoNLL-format files (token first, IOB1 or IOB2 tag last; default
  conll2003/eng.train) plus GUM train (--gum, default gum/ in the data folder; its entities
  mapped to CoNLL types), prints dev F1 per epoch on --dev (default conll2003/eng.testa) and GUM
  dev, stops after --patience epochs (default 5) without a better mean dev F1, keeps the best
  epoch of each pass and writes models/ner-en.bin. The clusters (default models/clusters-en.bin)
  and the words the unlabeled text writes mostly in lower case are stored in the model, with the
  lower-case words of --dictionary (default /usr/share/dict/words from Debian's wamerican when
  installed; none without it, or with --dictionary none) as weaker evidence for headlines.
  --passes 2 (default) adds the second pass over the first pass's document-wide output, trained
  on --folds (default 5) jackknifed first-pass outputs. --domains gives every feature a weight per
  training set besides the shared one (Daume 2007), so CoNLL and GUM need not agree; the model
  written is the shared weights plus CoNLL's. The shipped model: --passes 1 --epochs 9.
  --casing-only keeps the weights of --out (default models/ner-en.bin) and rebuilds only its tables
  of words that headlines are truecased to lower case (unlabeled news text and UD EWT train, then
  --dictionary). A word after a first name needs the text's evidence.

Options (pos):
  --data DIR    shared data folder holding ud-ewt/, gum/ and conll2003/ (default: $CLAIMGRAPH_DATA, else ../shared/data)
  --out FILE    model file to write (default: models/pos-en.bin in the package)
  --epochs N    training passes (default 10)
  --seed N      shuffling seed (default 1); the same seed and data give the same model
  --bits N      log2 of the feature buckets (default 18)`,
  run: (argv) => withInputErrors('train', () => train(argv)),
};
