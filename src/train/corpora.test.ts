import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConll2003, parseConllu, parseGumSplits, readGumSplit } from './corpora.js';

const CONLLU = [
  '# sent_id = doc-1',
  '# text = They don’t know.',
  '1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_',
  '2-3\tdon’t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
  '3\tn’t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_',
  '3.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t0:root\tCopyOf=4',
  '4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_',
  '',
].join('\n');

describe('parseConllu', () => {
  it('reads word lines and skips comments, multiword ranges and empty nodes', () => {
    const sentences = parseConllu(CONLLU, 'inline');
    expect(sentences).toHaveLength(2);
    expect(sentences[0].words).toEqual(['They', 'do', 'n’t', 'know', '.']);
    expect(sentences[0].xpos).toEqual(['PRP', 'VBP', 'RB', 'VB', '.']);
    expect(sentences[0].lemmas[2]).toBe('not');
    expect(sentences[0].upos[1]).toBe('AUX');
    expect(sentences[0].misc[3]).toBe('SpaceAfter=No');
    expect(sentences[1].words).toEqual(['Yes']);
  });

  it('reports a malformed line with CG_E007 and its line number', () => {
    expect(() => parseConllu('1\tbad line\n', 'x.conllu')).toThrow(/CG_E007: x\.conllu:1:/);
  });
});

describe('parseConll2003', () => {
  it('splits sentences at blank lines and -DOCSTART-', () => {
    const text = '-DOCSTART- -X- -X- O\n\nUNICEF NNP I-NP I-ORG\nwarns VBZ I-VP O\n\nMaria NNP I-NP I-PER\n';
    const sentences = parseConll2003(text, 'inline');
    expect(sentences.map((s) => s.words)).toEqual([['UNICEF', 'warns'], ['Maria']]);
    expect(sentences[0].pos).toEqual(['NNP', 'VBZ']);
    expect(sentences[0].ner).toEqual(['I-ORG', 'O']);
    expect(sentences[0].chunks).toEqual(['I-NP', 'I-VP']);
  });

  it('reports a malformed line with CG_E007', () => {
    expect(() => parseConll2003('EU NNP\n', 'eng.x')).toThrow(/CG_E007: eng\.x:1:/);
  });
});

describe('GUM splits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-gum-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses the split lists and reads only the documents present', async () => {
    const markdown = '# Splits\n\n## dev\n\n  * GUM_a\n  * GUM_missing\n\n## test2\n\n  * GENTLE_x\n\n## train\n\n  * GUM_b\n';
    expect(parseGumSplits(markdown)).toEqual(new Map([['dev', ['GUM_a', 'GUM_missing']], ['train', ['GUM_b']]]));
    mkdirSync(join(dir, 'dep'));
    writeFileSync(join(dir, 'splits.md'), markdown);
    writeFileSync(join(dir, 'dep', 'GUM_a.conllu'), CONLLU);
    writeFileSync(join(dir, 'dep', 'GUM_b.conllu'), '1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n');
    expect((await readGumSplit(dir, 'dev')).map((s) => s.words.length)).toEqual([5, 1]);
    expect((await readGumSplit(dir, 'train'))[0].words).toEqual(['Hi']);
    await expect(readGumSplit(dir, 'test')).rejects.toThrow(/CG_E007: no GUM test documents/);
  });
});
