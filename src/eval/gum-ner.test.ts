import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../core/lexicon/index.js';
import { parseConllu } from '../core/conllu.js';
import { sharedDataPath } from './data-path.js';
import { gumMentions, gumNerDocument, readGumNer } from './gum-ner.js';
import { chunksOf } from './ner.js';

// Sentences written for this test in GUM's CoNLL-U form (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).
const row = (id: number, form: string, upos: string, misc = '_') => [id, form, form.toLowerCase(), upos, '_', '_', 0, 'dep', '_', misc].join('\t');
const CONLLU = [
  row(1, 'NASA', 'PROPN', 'Entity=(1-person-new-nnnss-cf6-1,2,3,4-coref-Charles_Bolden(2-organization-new-sssss-cf4-1-coref-NASA)'),
  row(2, 'Administrator', 'PROPN'),
  row(3, 'Charles', 'PROPN'),
  row(4, 'Bolden', 'PROPN', 'Entity=1)'),
  row(5, 'visited', 'VERB'),
  row(6, 'the', 'DET', 'Entity=(3-place-new-nnnnn-cf2-4-coref-Kennedy_Space_Center'),
  row(7, 'Kennedy', 'PROPN'),
  row(8, 'Space', 'PROPN'),
  row(9, 'Center', 'PROPN', 'Entity=3)'),
  row(10, 'with', 'ADP'),
  row(11, 'German', 'ADJ'),
  row(12, 'engineers', 'NOUN', 'Entity=(4-person-new-nnnnn-cf2-1-sgl)'),
  row(13, 'on', 'ADP'),
  row(14, 'Monday', 'PROPN', 'Entity=(5-time-new-nnnnn-cf1-1-sgl)'),
  row(15, '.', 'PUNCT'),
  '',
  row(1, 'The', 'DET', 'Entity=(6-person-new-nnnnn-cf1-2-sgl'),
  row(2, 'Secretary', 'PROPN', 'Entity=6)'),
  row(3, 'met', 'VERB'),
  row(4, 'Americans', 'PROPN', 'Entity=(7-person-new-nnnnn-cf1-1-sgl)'),
  row(5, 'in', 'ADP'),
  row(6, 'New', 'ADJ', 'Entity=(8-place-new-nnnnn-cf1-1,2-coref-New_York'),
  row(7, 'York', 'PROPN', 'Entity=8)'),
  '',
].join('\n');

describe('GUM entities as CoNLL names', () => {
  const sentences = parseConllu(CONLLU, 'test');

  it('reads nested and single-token brackets with their minimal spans', () => {
    const mentions = gumMentions(sentences.flatMap((s) => s.misc));
    expect(mentions.find((m) => m.etype === 'organization')).toMatchObject({ start: 0, end: 1, minimal: [0] });
    expect(mentions.find((m) => m.etype === 'place')).toMatchObject({ start: 5, end: 9, minimal: [8] });
  });

  it('keeps names only, without titles and determiners, and tags nationalities MISC', () => {
    const document = gumNerDocument(sentences, defaultLexicon());
    const names = document.map(({ words, tags }) => chunksOf(tags).map((c) => `${c.type} ${words.slice(c.start, c.end).join(' ')}`));
    expect(names).toEqual([
      ['ORG NASA', 'PER Charles Bolden', 'LOC Kennedy Space Center', 'MISC German'],
      ['MISC Americans', 'LOC New York'],
    ]);
  });

  const gum = sharedDataPath('gum');
  it.skipIf(!existsSync(gum))('maps the GUM test split (skipped: GUM data not found)', async () => {
    const documents = await readGumNer(gum, 'test', defaultLexicon());
    expect(new Set(documents.map((d) => d.genre))).toEqual(new Set(['academic', 'bio', 'court', 'interview', 'news', 'voyage']));
    const counts: Record<string, number> = {};
    for (const { document } of documents) for (const { tags } of document) for (const c of chunksOf(tags)) counts[c.type] = (counts[c.type] ?? 0) + 1;
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) expect(counts[type]).toBeGreaterThan(50);
  });
});
