import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedDataPath } from '../../eval/data-path.js';
import { DEFAULT_POS_MODEL_PATH, loadPosModel } from '../../models.js';
import { readGumSplit } from '../../train/corpora.js';
import { UPOS, type Doc } from '../doc.js';
import { CoreError } from '../errors.js';
import { lemmatize } from '../lemma.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { createPosStage, decodePosModel, encodePosModel, featureForm, PosTagger, uposOf, type PosModel } from './pos.js';
import { segmentsStage } from './segments.js';
import { tokensStage } from './tokens.js';

const SEED = readFileSync(new URL('../../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');

let model: PosModel;
let pipeline: Pipeline;
beforeAll(async () => {
  model = await loadPosModel();
  pipeline = createPipeline([tokensStage, segmentsStage, createPosStage(model)]);
});

/** `word/TAG/UPOS/lemma` of every occurrence of `word` in the doc. */
function analyses(doc: Doc, word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.tokenCount; i++) {
    if (doc.word(i) === word) out.push(`${word}/${doc.tokens.tag[i]}/${doc.upos(i)}/${doc.tokens.lemma[i]}`);
  }
  return out;
}

function tagsOf(text: string): string {
  const doc = pipeline.run(text);
  return Array.from({ length: doc.tokenCount }, (_, i) => `${doc.word(i)}/${doc.tokens.tag[i]}`).join(' ');
}

describe('POS stage on the seed article', () => {
  it('tags and lemmatizes the cue verbs', () => {
    const doc = pipeline.run(SEED);
    expect(new Set(analyses(doc, 'said'))).toEqual(new Set(['said/VBD/VERB/say']));
    expect(new Set(analyses(doc, 'told'))).toEqual(new Set(['told/VBD/VERB/tell']));
    expect(analyses(doc, 'denied')).toEqual(['denied/VBN/VERB/deny']);
    expect(analyses(doc, 'dismissed')).toEqual(['dismissed/VBD/VERB/dismiss']);
    expect(analyses(doc, 'condemned')).toEqual(['condemned/VBD/VERB/condemn']);
    expect(analyses(doc, 'vowed')).toEqual(['vowed/VBD/VERB/vow']);
    expect(analyses(doc, 'claims')).toContain('claims/VBZ/VERB/claim');
  });

  it('tags names, clitics and curly quotes', () => {
    const doc = pipeline.run(SEED);
    const afghan = doc.text.indexOf('The Afghan Taliban');
    const taliban = doc.tokenAt(afghan + 'The Afghan '.length);
    expect(`${doc.tokens.tag[taliban]}/${doc.upos(taliban)}`).toBe('NNP/PROPN');
    expect(new Set(analyses(doc, 'Russia'))).toEqual(new Set(['Russia/NNP/PROPN/russia']));
    expect(new Set(analyses(doc, 'n’t'))).toEqual(new Set(['n’t/RB/PART/not']));
    expect(analyses(doc, '’s')).toContain("’s/POS/PART/'s");
    expect(new Set(analyses(doc, '“'))).toEqual(new Set(['“/``/PUNCT/“']));
    expect(new Set(analyses(doc, '”'))).toEqual(new Set(["”/''/PUNCT/”"]));
    expect(analyses(doc, 'has')).toContain('has/VBZ/AUX/have');
  });

  it('fills tag, UPOS and lemma for every token, with UPOS agreeing with the tag', () => {
    const doc = pipeline.run(SEED);
    expect(doc.layers.has('pos')).toBe(true);
    for (let i = 0; i < doc.tokenCount; i++) {
      const { tag, lemma, lower } = doc.tokens;
      expect(model.classifier.classes).toContain(tag[i]);
      expect(lemma[i]).toBe(lemmatize(lower[i], tag[i]));
      if (tag[i].startsWith('NNP')) expect(doc.upos(i)).toBe('PROPN');
      if (tag[i] === 'NN' || tag[i] === 'NNS') expect(['NOUN', 'PRON', 'SYM']).toContain(doc.upos(i));
      if (/^[.,:]$/.test(tag[i])) expect(doc.upos(i)).toBe('PUNCT');
    }
  });
});

describe('POS stage details', () => {
  it('reads the direction of straight double quotes from the spacing around them', () => {
    expect(tagsOf('He said "we will win" on Monday.')).toContain('"/`` we/PRP');
    expect(tagsOf('He said "we will win" on Monday.')).toContain("win/VB \"/''");
    expect(tagsOf('"Stop," he said.')).toMatch(/^"\/`` Stop\/\S+ ,\/, "\/''/);
    expect(tagsOf("``Stop,'' he said.")).toMatch(/^``\/`` Stop\/\S+ ,\/, ''\/''/);
  });

  it('tags curly and straight apostrophes alike', () => {
    const curly = tagsOf('They don’t know the minister’s plan.');
    const straight = tagsOf("They don't know the minister's plan.");
    expect(curly.replace(/’/g, "'")).toBe(straight);
    expect(straight).toContain("n't/RB");
    expect(straight).toContain("'s/POS");
  });

  it('is deterministic: a second read of the same text gives the same tags', () => {
    const first = tagsOf(SEED);
    pipeline.run('Completely different words: zebras, quasars and the Dept. of Energy.');
    expect(tagsOf(SEED)).toBe(first);
  });

  it('tags a currency amount, one token here, as a number', () => {
    expect(tagsOf('It cost $5 million.')).toContain('$5/CD');
  });

  it('handles an empty text and a sentence of punctuation', () => {
    expect(pipeline.run('').tokenCount).toBe(0);
    expect(tagsOf('...')).toBe('.../NFP'); // UD EWT's tag for a lone ellipsis
  });

  it('uses the tag dictionary for frequent unambiguous words', () => {
    const [form, c] = [...model.tagDictionary].find(([word]) => word === 'the') ?? [];
    expect(form).toBe('the');
    const tagger = new PosTagger(model.classifier, model.tagDictionary);
    const out: number[] = [];
    tagger.tag(['the', 'the', 'the'], out);
    expect(out).toEqual([c, c, c]);
  });
});

describe('uposOf', () => {
  function upos(tagged: string): string {
    const pairs = tagged.split(' ').map((pair) => pair.split('/'));
    const tags = pairs.map(([, tag]) => tag);
    const lemmas = pairs.map(([word, tag]) => lemmatize(word, tag));
    return tags.map((_, i) => UPOS[uposOf(tags, lemmas, i, tags.length)]).join(' ');
  }

  it('separates auxiliaries from main verbs', () => {
    expect(upos('he/PRP has/VBZ said/VBN')).toBe('PRON AUX VERB');
    expect(upos('he/PRP has/VBZ a/DT plan/NN')).toBe('PRON VERB DET NOUN');
    expect(upos("they/PRP do/VBP n't/RB need/VB it/PRP")).toBe('PRON AUX PART VERB PRON');
    expect(upos('it/PRP is/VBZ late/JJ')).toBe('PRON AUX ADJ');
  });

  it('makes the distinctions UD draws within PTB tags', () => {
    expect(upos('said/VBD that/IN he/PRP left/VBD')).toBe('VERB SCONJ PRON VERB');
    expect(upos('to/TO go/VB')).toBe('PART VERB');
    expect(upos('to/TO Kabul/NNP')).toBe('ADP PROPN');
    expect(upos('this/DT is/VBZ')).toBe('PRON AUX');
    expect(upos('this/DT week/NN')).toBe('DET NOUN');
    expect(upos('someone/NN said/VBD')).toBe('PRON VERB');
  });
});

describe('POS model file', () => {
  it('round-trips the shipped model byte for byte', async () => {
    const bytes = await readFile(DEFAULT_POS_MODEL_PATH);
    // Buffer.equals: a deep toEqual over ~1 MB takes seconds.
    expect(bytes.equals(encodePosModel(decodePosModel(bytes)))).toBe(true);
  });

  it('rejects a damaged file with CG_E006', async () => {
    const bytes = new Uint8Array(await readFile(DEFAULT_POS_MODEL_PATH));
    const damaged = bytes.slice(0, 1000);
    expect(() => decodePosModel(damaged)).toThrow(CoreError);
    expect(() => decodePosModel(damaged)).toThrow(/CG_E006/);
    expect(() => decodePosModel(new Uint8Array([67, 71, 80, 79, 9]))).toThrow(/unsupported version 9/);
  });

  it('normalises quotes for features', () => {
    expect(featureForm('“')).toBe('"');
    expect(featureForm('``')).toBe('"');
    expect(featureForm('don’t')).toBe("don't");
  });
});

const GUM = sharedDataPath('gum');
describe.skipIf(!existsSync(join(GUM, 'dep')))('accuracy on the GUM test split (gold tokens)', () => {
  it('tags ≥ 94% of tokens right and lemmatizes ≥ 98% right with its own tags', async () => {
    const sentences = await readGumSplit(GUM, 'test');
    const tagger = new PosTagger(model.classifier, model.tagDictionary);
    const out: number[] = [];
    let total = 0;
    let tagsRight = 0;
    let lemmasRight = 0;
    for (const { words, xpos, lemmas } of sentences) {
      tagger.tag(words, out);
      for (let k = 0; k < words.length; k++) {
        const tag = tagger.classes[out[k]];
        total++;
        if (tag === xpos[k]) tagsRight++;
        if (lemmatize(words[k].toLowerCase(), tag) === lemmas[k].toLowerCase()) lemmasRight++;
      }
    }
    const tagAccuracy = tagsRight / total;
    const lemmaAccuracy = lemmasRight / total;
    console.info(`GUM test: ${total} tokens, POS ${(tagAccuracy * 100).toFixed(2)}%, lemma ${(lemmaAccuracy * 100).toFixed(2)}%`);
    expect(tagAccuracy).toBeGreaterThanOrEqual(0.94);
    expect(lemmaAccuracy).toBeGreaterThanOrEqual(0.98);
  });
});
if (!existsSync(join(GUM, 'dep'))) console.warn(`skipping the GUM accuracy test: ${GUM}/dep not found (set CLAIMGRAPH_DATA)`);
