import { docFromConllu, type ConlluSentence } from '../core/conllu.js';
import { UPOS } from '../core/doc.js';
import type { Stage } from '../core/pipeline.js';
import { baseRelation } from '../core/syntax.js';
import { createDepsStage } from '../core/stages/deps.js';
import { createPosStage } from '../core/stages/pos.js';
import { loadParserModel, loadPosModel } from '../models.js';
import { formatTable } from './table.js';
import { scoreTokenization, type TokenizationScore } from './tokenization.js';

/**
 * Dependency evaluation on gold words: the tagger and parser run over the gold word sequence
 * (multiword-token ranges and empty nodes are not words), and every word counts, punctuation
 * included. LAS compares the universal relation (subtypes stripped), as the CoNLL 2018 shared
 * task's evaluation does; `lasFull` also requires the subtype.
 */

export interface DepsScore {
  sentences: number;
  words: number;
  /** Percentages. */
  uas: number;
  las: number;
  lasFull: number;
  upos: number;
  /** LAS of the ten most frequent gold relations (universal part), by relation. */
  relations: Record<string, number>;
  /** Parser alone (the deps stage), gold words in. */
  tokensPerSecond: number;
  /** Our tokenizer on the raw sentence texts against the gold words. */
  tokenization: TokenizationScore;
}

/** The stages that prepare and parse a gold-word Doc: the tagger, then the parser. */
export interface DepsSystem {
  pos: Stage;
  deps: Stage;
}

/** The shipped tagger and parser. */
export async function loadDepsSystem(): Promise<DepsSystem> {
  const [posModel, parserModel] = await Promise.all([loadPosModel(), loadParserModel()]);
  return { pos: createPosStage(posModel), deps: createDepsStage(parserModel) };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((10000 * part) / whole) / 100;
}

export function evaluateDeps(sentences: readonly ConlluSentence[], system: DepsSystem): DepsScore {
  const doc = docFromConllu(sentences, false);
  system.pos.apply(doc);
  doc.layers.add('pos');
  const started = performance.now();
  system.deps.apply(doc);
  const seconds = (performance.now() - started) / 1000;
  const { head, deprel, pos } = doc.tokens;
  let words = 0;
  let attached = 0;
  let labelled = 0;
  let labelledFull = 0;
  let uposCorrect = 0;
  const byRelation = new Map<string, { total: number; correct: number }>();
  let i = 0;
  for (const sentence of sentences) {
    const offset = i;
    for (let k = 0; k < sentence.words.length; k++, i++) {
      words++;
      const goldHead = sentence.heads[k] < 0 ? -1 : offset + sentence.heads[k];
      const goldRelation = baseRelation(sentence.deprels[k]);
      const headRight = head[i] === goldHead;
      const labelRight = headRight && baseRelation(deprel[i]) === goldRelation;
      if (headRight) attached++;
      if (labelRight) labelled++;
      if (headRight && deprel[i] === sentence.deprels[k]) labelledFull++;
      if (UPOS[pos[i]] === sentence.upos[k]) uposCorrect++;
      const tally = byRelation.get(goldRelation) ?? { total: 0, correct: 0 };
      tally.total++;
      if (labelRight) tally.correct++;
      byRelation.set(goldRelation, tally);
    }
  }
  const relations: Record<string, number> = {};
  [...byRelation]
    .sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .forEach(([relation, { total, correct }]) => (relations[relation] = percent(correct, total)));
  return {
    sentences: sentences.length,
    words,
    uas: percent(attached, words),
    las: percent(labelled, words),
    lasFull: percent(labelledFull, words),
    upos: percent(uposCorrect, words),
    relations,
    tokensPerSecond: seconds > 0 ? Math.round(words / seconds) : 0,
    tokenization: scoreTokenization(sentences),
  };
}

/** The readable report of one scored file. */
export function formatDepsReport(name: string, score: DepsScore): string {
  const lines = [
    `${name}: ${score.sentences} sentences, ${score.words} gold words (punctuation included; multiword ranges and empty nodes skipped)`,
    `UAS ${score.uas.toFixed(2)}  LAS ${score.las.toFixed(2)}  (LAS with subtypes ${score.lasFull.toFixed(2)})  UPOS ${score.upos.toFixed(2)}  parser ${score.tokensPerSecond.toLocaleString('en-US')} tokens/s`,
    `tokenizer on the raw text of ${score.tokenization.sentences} sentences against the gold words: P ${score.tokenization.precision.toFixed(2)}  R ${score.tokenization.recall.toFixed(2)}  F1 ${score.tokenization.f1.toFixed(2)}`,
    'LAS of the ten most frequent relations:',
    formatTable([['relation', 'LAS'], ...Object.entries(score.relations).map(([relation, las]) => [relation, las.toFixed(2)])]),
  ];
  return lines.join('\n');
}
