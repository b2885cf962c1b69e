import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConll2003, parseGumSplits, readGumSplit } from './corpora.js';

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
    writeFileSync(join(dir, 'dep', 'GUM_a.conllu'), '1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n');
    writeFileSync(join(dir, 'dep', 'GUM_b.conllu'), '1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n');
    expect((await readGumSplit(dir, 'dev')).map((s) => s.words.length)).toEqual([1, 1]);
    expect((await readGumSplit(dir, 'train'))[0].words).toEqual(['Hi']);
    await expect(readGumSplit(dir, 'test')).rejects.toThrow(/CG_E007: no GUM test documents/);
  });
});
