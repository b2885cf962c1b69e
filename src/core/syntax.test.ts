import { describe, expect, it } from 'vitest';
import { docFromConllu, parseConllu } from './conllu.js';
import { ancestors, baseRelation, children, childrenWith, clauseHead, dominates, pathBetween, relationPath, subtreeSpan } from './syntax.js';

// "Kabulov said Russia shares information with the Taliban." in UD, written for this test.
const TREE = [
  '1\tKabulov\tKabulov\tPROPN\tNNP\t_\t2\tnsubj\t_\t_',
  '2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_',
  '3\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_',
  '4\tshares\tshare\tVERB\tVBZ\t_\t2\tccomp\t_\t_',
  '5\tinformation\tinformation\tNOUN\tNN\t_\t4\tobj\t_\t_',
  '6\twith\twith\tADP\tIN\t_\t8\tcase\t_\t_',
  '7\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\t_',
  '8\tTaliban\tTaliban\tPROPN\tNNP\t_\t4\tobl\t_\tSpaceAfter=No',
  '9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_',
  '',
  '1\tNo\tno\tINTJ\tUH\t_\t0\troot\t_\t_',
  '',
].join('\n');

describe('syntax accessors', () => {
  const doc = docFromConllu(parseConllu(TREE, 'inline'));

  it('lists children in text order, also by relation', () => {
    expect(children(doc, 1)).toEqual([0, 3, 8]);
    expect(children(doc, 3)).toEqual([2, 4, 7]);
    expect(childrenWith(doc, 3, 'nsubj')).toEqual([2]);
    expect(childrenWith(doc, 7, 'case')).toEqual([5]);
    expect(children(doc, 9)).toEqual([]);
  });

  it('spans a subtree and knows dominance', () => {
    expect(subtreeSpan(doc, 3)).toEqual({ tokenStart: 2, tokenEnd: 8 });
    expect(subtreeSpan(doc, 7)).toEqual({ tokenStart: 5, tokenEnd: 8 });
    expect(dominates(doc, 1, 5)).toBe(true);
    expect(dominates(doc, 3, 0)).toBe(false);
    expect(ancestors(doc, 5)).toEqual([7, 3, 1]);
  });

  it('walks the path between two tokens, through their lowest common ancestor', () => {
    expect(pathBetween(doc, 0, 7)).toEqual([0, 1, 3, 7]);
    expect(relationPath(doc, 0, 7)).toBe('↑nsubj ↓ccomp ↓obl');
    expect(relationPath(doc, 7, 7)).toBe('');
    expect(pathBetween(doc, 0, 9)).toEqual([]);
  });

  it('finds the clause of a token and strips subtypes', () => {
    expect(clauseHead(doc, 7)).toBe(3);
    expect(clauseHead(doc, 0)).toBe(1);
    expect(baseRelation('nsubj:pass')).toBe('nsubj');
    expect(baseRelation('obj')).toBe('obj');
  });
});
