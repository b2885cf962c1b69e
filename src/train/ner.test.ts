import { describe, expect, it } from 'vitest';
import { createLexicon } from '../core/lexicon/index.js';
import { encodeNerModel, NER_CLASSES, NerTagger } from '../core/ner.js';
import { PerceptronTrainer } from '../core/perceptron.js';
import { goldDoc, parseConllNer, type GoldDoc } from '../eval/ner.js';
import { seededRandom } from './epochs.js';
import { DEFAULT_NER_TRAIN_OPTIONS, scoreNer, trainNer, type NerTrainOptions } from './ner.js';

/**
 * A tiny synthetic corpus in CoNLL format: news-like sentences whose entities come from word
 * lists. Dev documents use names the training documents never show, so a model that scores well
 * on them has learned the contexts, not the names.
 */
const TEMPLATES = [
  '{PER} said on Monday that {ORG} would open an office in {LOC} .',
  'Shares of {ORG} rose after {PER} visited {LOC} .',
  'The {MISC} delegation met {PER} in {LOC} on Friday .',
  'Police in {LOC} arrested a man , a spokesman for {ORG} said .',
  '{PER} , the chief executive of {ORG} , declined to comment .',
];

const NAMES = {
  train: {
    PER: ['Anna Berg', 'Tomas Novak', 'Lena Fischer', 'Omar Haddad', 'Carl Jensen', 'Mira Patel'],
    ORG: ['Acme Corp', 'Globex', 'Initech Inc', 'Umbrella Group', 'Vortex Bank'],
    LOC: ['Oslo', 'Madrid', 'Lagos', 'Hanoi', 'Quito'],
    MISC: ['Danish', 'Brazilian', 'Korean'],
  },
  dev: {
    PER: ['Ruth Okafor', 'Igor Petrov', 'Sara Lindqvist'],
    ORG: ['Nordwind AG', 'Helix Labs', 'Stark Holdings'],
    LOC: ['Lima', 'Riga', 'Accra'],
    MISC: ['Chilean', 'Polish'],
  },
};

function conllCorpus(names: Record<string, string[]>, documents: number, seed: number): GoldDoc[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines: string[] = [];
  for (let d = 0; d < documents; d++) {
    lines.push('-DOCSTART- O', '');
    for (let s = 0; s < 4; s++) {
      for (const slot of pick(TEMPLATES).split(' ')) {
        const type = /^\{(\w+)\}$/.exec(slot)?.[1];
        if (!type) lines.push(`${slot} O`);
        else pick(names[type]).split(' ').forEach((word, k) => lines.push(`${word} ${k === 0 ? 'B' : 'I'}-${type}`));
      }
      lines.push('');
    }
  }
  return parseConllNer(lines.join('\n'), 'synthetic').map((document) => goldDoc(document, []));
}

const lexicon = createLexicon();
const words = { clusters: { paths: new Map<string, string>() }, lowercase: new Set<string>() };
const options: NerTrainOptions = { ...DEFAULT_NER_TRAIN_OPTIONS, epochs: 6, patience: 3, bits: 16, folds: 2, log: () => {} };

describe('trainNer on a synthetic corpus', () => {
  const train = [{ name: 'train', docs: conllCorpus(NAMES.train, 30, 1) }];
  const devDocs = conllCorpus(NAMES.dev, 8, 2);
  const dev = [{ name: 'dev', docs: devDocs }];

  it('learns: high F1 on documents with unseen names, far above an untrained model', () => {
    const untrained = new NerTagger(words, lexicon, new PerceptronTrainer(NER_CLASSES, options.bits).toModel({ weightBytes: 1 }));
    expect(scoreNer(untrained, devDocs).f1).toBe(0);
    const log: string[] = [];
    const trained = trainNer(train, dev, words, lexicon, { ...options, log: (line) => log.push(line) });
    expect(trained.model.second).not.toBeNull();
    expect(trained.epochs).toHaveLength(2);
    expect(trained.dev[0].report.f1).toBeGreaterThan(90);
    expect(log.some((line) => /^epoch 1\/6 {2}dev mean F1 \d+\.\d\d; dev F1 \d+\.\d\d/.test(line))).toBe(true);
    // The reported dev score is the kept model's.
    expect(scoreNer(new NerTagger(words, lexicon, trained.model.first, trained.model.second), devDocs).f1).toBe(trained.dev[0].report.f1);
    const onePass = trainNer(train, dev, words, lexicon, { ...options, epochs: 1, twoPass: false });
    expect(onePass.model.second).toBeNull();
  });

  it('is deterministic given the seed', () => {
    const bytes = (seed: number) => encodeNerModel(trainNer(train, dev, words, lexicon, { ...options, epochs: 2, seed }).model);
    expect(bytes(7)).toEqual(bytes(7));
    expect(bytes(7)).not.toEqual(bytes(8));
  });

  it('with a copy of every feature per training set, learns each set and ships the first', () => {
    const sets = [train[0], { name: 'second', docs: conllCorpus(NAMES.train, 30, 3) }];
    const log: string[] = [];
    const trained = trainNer(sets, dev, words, lexicon, { ...options, twoPass: false, domains: true, log: (line) => log.push(line) });
    expect(log).toContain('a copy of every feature per training set (train, second); shipped: shared + train');
    expect(trained.model.first.bits).toBe(options.bits);
    expect(trained.dev[0].report.f1).toBeGreaterThan(90);
  });
});
