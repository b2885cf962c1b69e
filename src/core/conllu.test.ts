import { describe, expect, it } from 'vitest';
import { docFromConllu, noSpaceAfter, parseConllu } from './conllu.js';

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


describe('parseConllu trees', () => {
  const [first] = parseConllu(CONLLU, 'inline');

  it('keeps heads 0-based with −1 for the root, relations, the text and multiword ranges', () => {
    expect(first.heads).toEqual([2, 3, 3, -1, 3]);
    expect(first.deprels).toEqual(['nsubj', 'aux', 'advmod', 'root', 'punct']);
    expect(first.text).toBe('They don’t know.');
    expect(first.multiwords).toEqual([{ first: 1, last: 2, form: 'don’t' }]);
    expect(noSpaceAfter(first.misc[3])).toBe(true);
    expect(noSpaceAfter(first.misc[2])).toBe(false);
  });

  it('builds a Doc over the gold words with doc-level heads', () => {
    const doc = docFromConllu(parseConllu(CONLLU, 'inline'));
    expect(doc.tokenCount).toBe(6);
    expect(doc.word(5)).toBe('Yes');
    expect(doc.tokens.head).toEqual([2, 3, 3, -1, 3, -1]);
    expect(doc.upos(1)).toBe('AUX');
    expect(doc.sentences.map((s) => [s.tokenStart, s.tokenEnd])).toEqual([[0, 5], [5, 6]]);
    expect(doc.layers.has('deps')).toBe(true);
  });

  it('rejects a head that is not a number', () => {
    expect(() => parseConllu('1\tHi\thi\tINTJ\tUH\t_\tx\troot\t_\t_\n', 'h.conllu')).toThrow(/CG_E007: h\.conllu:1: head/);
  });
});
