import { describe, expect, it } from 'vitest';
import { Doc } from './doc.js';
import { createLexicon } from './lexicon/index.js';
import {
  allowedTransition,
  bilouClasses,
  decodeNerModel,
  encodeNerModel,
  NER_CLASSES,
  NerTagger,
  tagEntities,
  type NerModel,
  type NerSpan,
} from './ner.js';
import { PerceptronTrainer, type Classifier } from './perceptron.js';
import { segment } from './stages/segments.js';
import { tokenize } from './stages/tokens.js';

const lexicon = createLexicon();
const words = { clusters: { paths: new Map([['Anna', '0110'], ['Boris', '0111'], ['Acme', '1000'], ['Paris', '1100']]) }, lowercase: new Set<string>() };

/** A Doc of `text` with tokens and sentences; "said" is tagged VBD and capitalised words NNP. */
function docOf(text: string): Doc {
  const doc = new Doc(text);
  tokenize(doc);
  segment(doc);
  for (let i = 0; i < doc.tokenCount; i++) doc.tokens.tag[i] = /^\p{Lu}/u.test(doc.word(i)) ? 'NNP' : doc.tokens.lower[i] === 'said' ? 'VBD' : 'NN';
  return doc;
}

/** Gold entities written inline as [Type words]: returns the Doc of the plain text and its spans. */
function annotated(source: string): { doc: Doc; spans: NerSpan[] } {
  const marks: { start: number; end: number; type: NerSpan['type'] }[] = [];
  let text = '';
  for (const part of source.split(/(\[(?:PER|ORG|LOC|MISC) [^\]]+\])/)) {
    const entity = /^\[(PER|ORG|LOC|MISC) ([^\]]+)\]$/.exec(part);
    if (!entity) {
      text += part;
      continue;
    }
    marks.push({ start: text.length, end: text.length + entity[2].length, type: entity[1] as NerSpan['type'] });
    text += entity[2];
  }
  const doc = docOf(text);
  const spans = marks.map(({ start, end, type }) => ({ start: doc.tokenAt(start), end: doc.tokenAt(end - 1) + 1, type }));
  return { doc, spans };
}

const TRAINING = [
  '[PER Anna Smith] said the deal with [ORG Acme Corp] is off. [ORG Acme Corp] sold offices in [LOC Paris].',
  '[PER Boris Jones] visited [LOC Paris] on Monday. [PER Jones] said [ORG Globex] would leave.',
  'Officials in [LOC Berlin] said [PER Anna Smith] met [ORG Globex] staff. The [MISC French] team lost.',
  'The [MISC German] minister said [ORG Initech Inc] grew. [PER Carla Diaz] said it was late.',
].map(annotated);

/** A first-pass model trained on {@link TRAINING} for a few epochs. */
function trainedModel(): NerModel {
  const trainer = new PerceptronTrainer(NER_CLASSES, 14);
  const tagger = new NerTagger(words, lexicon, trainer);
  for (let epoch = 0; epoch < 8; epoch++) {
    for (const { doc, spans } of TRAINING) tagger.tag(doc, { gold: bilouClasses(spans, doc.tokenCount), trainer });
  }
  return { ...words, first: trainer.toModel({ weightBytes: 1 }), second: null };
}

describe('BILOU classes', () => {
  it('codes single- and multi-token spans and leaves the rest O', () => {
    const classes = bilouClasses([{ start: 0, end: 1, type: 'PER' }, { start: 2, end: 5, type: 'LOC' }], 6);
    expect([...classes].map((c) => NER_CLASSES[c])).toEqual(['U-PER', 'O', 'B-LOC', 'I-LOC', 'L-LOC', 'O']);
  });

  it('allows only transitions that keep entities well formed', () => {
    const c = (name: string) => NER_CLASSES.indexOf(name);
    const start = NER_CLASSES.length;
    expect(allowedTransition(start, c('B-ORG'))).toBe(true);
    expect(allowedTransition(start, c('I-ORG'))).toBe(false);
    expect(allowedTransition(c('B-ORG'), c('L-ORG'))).toBe(true);
    expect(allowedTransition(c('B-ORG'), c('L-PER'))).toBe(false);
    expect(allowedTransition(c('I-ORG'), c('O'))).toBe(false);
    expect(allowedTransition(c('L-ORG'), c('U-PER'))).toBe(true);
    expect(allowedTransition(c('U-PER'), c('I-PER'))).toBe(false);
  });
});

describe('NerTagger', () => {
  const model = trainedModel();

  it('learns the training documents', () => {
    const tagger = new NerTagger(words, lexicon, model.first);
    for (const { doc, spans } of TRAINING) expect(tagger.tag(doc)).toEqual(spans);
  });

  it('returns well-formed token ranges inside sentences, even from an untrained model', () => {
    // Every bucket prefers I-ORG, which may not start an entity: the decoder must still close spans.
    const skewed = new PerceptronTrainer(NER_CLASSES, 10);
    const everyBucket = Array.from({ length: 1 << 10 }, (_, k) => k);
    skewed.nudge(NER_CLASSES.indexOf('I-ORG'), 1, everyBucket, everyBucket.length);
    skewed.tick(); // averaging counts the weight from the next step on
    const { doc } = TRAINING[1];
    for (const classifier of [skewed.toModel({ weightBytes: 1 }), model.first]) {
      const spans = new NerTagger(words, lexicon, classifier).tag(doc);
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) {
        expect(span.end).toBeGreaterThan(span.start);
        expect(doc.sentenceOf(span.start)).toBe(doc.sentenceOf(span.end - 1));
      }
    }
  });

  it('gives the same entities with cached word scores as without', () => {
    // A wrapper is not a PerceptronModel, so the tagger scores every feature of every token.
    const plain: Classifier = {
      classes: model.first.classes,
      scores: (features, n, out) => model.first.scores(features, n, out),
      predict: (features, n) => model.first.predict(features, n),
    };
    const doc = docOf('Boris Smith said Acme Corp will open in Berlin. Anna Jones said no.');
    expect(new NerTagger(words, lexicon, plain).tag(doc)).toEqual(new NerTagger(words, lexicon, model.first).tag(doc));
  });
});

describe('NER model file', () => {
  const model = trainedModel();
  const twoPass: NerModel = { ...model, second: model.first };

  it('round-trips: the decoded model writes the same bytes and tags identically', () => {
    for (const original of [model, twoPass]) {
      const bytes = encodeNerModel(original);
      const decoded = decodeNerModel(bytes);
      expect(encodeNerModel(decoded)).toEqual(bytes);
      expect(decoded.clusters.paths).toEqual(words.clusters.paths);
      expect(decoded.second === null).toBe(original.second === null);
      for (const { doc } of TRAINING) expect(tagEntities(doc, decoded, lexicon)).toEqual(tagEntities(doc, original, lexicon));
    }
  });

  it('rejects truncated, trailing and foreign bytes with CG_E006', () => {
    const bytes = encodeNerModel(model);
    expect(() => decodeNerModel(bytes.subarray(0, bytes.length - 3))).toThrow(/CG_E006/);
    expect(() => decodeNerModel(Uint8Array.from([...bytes, 0]))).toThrow(/CG_E006: NER model: trailing bytes/);
    expect(() => decodeNerModel(new TextEncoder().encode('CGPO\u0001'))).toThrow(/CG_E006: NER model: not a CGNE file/);
  });
});
