import { describe, expect, it } from 'vitest';
import { encodePosModel, PosTagger } from '../core/stages/pos.js';
import type { Conll2003Sentence } from './corpora.js';
import { buildTagDictionary, fromConll2003, posAccuracy, trainPos, type PosCorpora, type TaggedSentence } from './pos.js';

/** A small synthetic corpus in which "fight" and "report" are nouns after "the" and verbs after "to". */
function corpus(count: number, offset: number): TaggedSentence[] {
  const nouns = ['dog', 'minister', 'group', 'plan', 'army'];
  const names = ['Kabul', 'Russia', 'Moscow'];
  const ambiguous = ['fight', 'report'];
  const sentences: TaggedSentence[] = [];
  for (let k = offset; k < offset + count; k++) {
    const noun = nouns[k % nouns.length];
    const name = names[k % names.length];
    const word = ambiguous[Math.floor(k / 2) % ambiguous.length];
    sentences.push(
      k % 2 === 0
        ? { words: ['the', noun, 'wants', 'to', word, 'in', name, '.'], tags: ['DT', 'NN', 'VBZ', 'TO', 'VB', 'IN', 'NNP', '.'] }
        : { words: ['the', word, 'in', name, 'worried', 'the', noun, '.'], tags: ['DT', 'NN', 'IN', 'NNP', 'VBD', 'DT', 'NN', '.'] },
    );
  }
  return sentences;
}

const CORPORA: PosCorpora = {
  train: corpus(60, 0),
  dev: [{ name: 'synthetic dev', sentences: corpus(20, 60) }],
  test: [],
};

function conll(words: string, pos: string): Conll2003Sentence {
  const w = words.split(' ');
  return { words: w, pos: pos.split(' '), chunks: w.map(() => 'O'), ner: w.map(() => 'O') };
}

describe('fromConll2003', () => {
  it('maps CoNLL tags to GUM conventions', () => {
    const sentence = conll('" ( to go ) to Kabul to not go x "', '" ( TO VB ) TO NNP TO RB VB NN|SYM "');
    expect(fromConll2003(sentence).tags).toEqual(['``', '-LRB-', 'TO', 'VB', '-RRB-', 'IN', 'NNP', 'TO', 'RB', 'VB', 'NN', "''"]);
  });
});

describe('buildTagDictionary', () => {
  it('keeps frequent words that (almost) always take one tag', () => {
    const sentences: TaggedSentence[] = [];
    for (let k = 0; k < 40; k++) sentences.push({ words: ['the', 'fight', 'ends', '“'], tags: ['DT', k % 2 ? 'NN' : 'VB', 'VBZ', '``'] });
    sentences.push({ words: ['rare'], tags: ['JJ'] });
    const dictionary = buildTagDictionary(sentences);
    expect(dictionary.get('the')).toBe('DT');
    expect(dictionary.get('ends')).toBe('VBZ');
    expect(dictionary.get('"')).toBe('``'); // forms are normalised as the features see them
    expect(dictionary.has('fight')).toBe(false);
    expect(dictionary.has('rare')).toBe(false);
  });
});

describe('trainPos', () => {
  const lines: string[] = [];
  const trained = trainPos(CORPORA, { epochs: 4, seed: 5, bits: 12, weightBytes: 1, log: (line) => lines.push(line) });

  it('learns the synthetic corpus and logs each epoch', () => {
    expect(trained.devAccuracy).toBe(1);
    expect(posAccuracy(trained.model, CORPORA.dev[0].sentences)).toBe(1);
    expect(lines[0]).toMatch(/^training on 60 sentences, \d+ tags, \d+ dictionary words, 2\^12 buckets$/);
    expect(lines.filter((line) => line.startsWith('epoch '))).toHaveLength(4);
  });

  it('disambiguates by context, including a word it never saw', () => {
    const tagger = new PosTagger(trained.model.classifier, trained.model.tagDictionary);
    const out: number[] = [];
    const tag = (words: string[]) => {
      tagger.tag(words, out);
      return words.map((_, k) => tagger.classes[out[k]]).join(' ');
    };
    expect(tag(['the', 'army', 'wants', 'to', 'report', 'in', 'Moscow', '.'])).toBe('DT NN VBZ TO VB IN NNP .');
    expect(tag(['the', 'report', 'in', 'Kabul', 'worried', 'the', 'group', '.'])).toBe('DT NN IN NNP VBD DT NN .');
    expect(tag(['the', 'fight', 'in', 'Moscow', 'worried', 'the', 'navy', '.'])).toBe('DT NN IN NNP VBD DT NN .');
  });

  it('gives the same model for the same seed', () => {
    const again = trainPos(CORPORA, { epochs: 4, seed: 5, bits: 12, weightBytes: 1, log: () => {} });
    expect(Buffer.from(encodePosModel(again.model)).equals(encodePosModel(trained.model))).toBe(true);
  });
});
