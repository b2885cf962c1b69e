import type { ConlluSentence } from '../core/conllu.js';
import { Doc } from '../core/doc.js';
import { tokenize } from '../core/stages/tokens.js';

/**
 * How our tokenizer's tokens agree with a treebank's gold words, read from the raw sentence text
 * (`# text =`): a gold word is found when a token spans exactly its characters. Words of
 * multiword tokens that are not substrings of the text ("gonna" written as "gon" + "na" is one)
 * cannot be found by position and are not counted.
 */
export interface TokenizationScore {
  sentences: number;
  goldWords: number;
  tokens: number;
  /** Percentages. */
  precision: number;
  recall: number;
  f1: number;
}

export function scoreTokenization(sentences: readonly ConlluSentence[]): TokenizationScore {
  let counted = 0;
  let goldWords = 0;
  let tokens = 0;
  let matched = 0;
  for (const sentence of sentences) {
    const { text } = sentence;
    if (text === null) continue;
    counted++;
    const gold = new Set<string>();
    let at = 0;
    for (const word of sentence.words) {
      const found = text.indexOf(word, at);
      if (found < 0) continue;
      gold.add(`${found}:${found + word.length}`);
      at = found + word.length;
    }
    const doc = new Doc(text);
    tokenize(doc);
    goldWords += gold.size;
    tokens += doc.tokenCount;
    for (let i = 0; i < doc.tokenCount; i++) if (gold.has(`${doc.tokens.start[i]}:${doc.tokens.end[i]}`)) matched++;
  }
  const precision = tokens === 0 ? 0 : (100 * matched) / tokens;
  const recall = goldWords === 0 ? 0 : (100 * matched) / goldWords;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { sentences: counted, goldWords, tokens, precision: round(precision), recall: round(recall), f1: round(f1) };
}
