import { existsSync } from 'node:fs';
import { Doc } from '../core/doc.js';
import { defaultLexicon } from '../core/lexicon/index.js';
import { tagEntities, type NerSpan, type NerType } from '../core/ner.js';
import type { Stage } from '../core/pipeline.js';
import { createPosStage } from '../core/stages/pos.js';
import { segmentsStage } from '../core/stages/segments.js';
import { tokensStage } from '../core/stages/tokens.js';
import { sharedDataPath } from '../eval/data-path.js';
import { goldDoc, nerReport, readConllNer, tallyChunks, type GoldDoc, type NerCounts, type NerReport } from '../eval/ner.js';
import { loadNerModel, loadPosModel } from '../models.js';
import { measure } from './bench.js';

/**
 * NER rows of `claimgraph bench`: our tagger alone on the bench corpus, and on CoNLL-2003 test
 * (eng.testb) our F1 and speed beside compromise's, measured in the same run.
 */

export interface NerSpeed {
  f1: number;
  tokensPerSecond: number;
}

export interface NerBenchReport {
  /** Our tagger alone on Docs whose tokens, sentences and POS tags are already set. */
  tokensPerSecond: number;
  /** Scores on CoNLL-2003 eng.testb; null when the file is not in the shared data folder. */
  conll: { tokens: number; ours: NerSpeed; compromise: NerSpeed } | null;
}

/** A new Doc of every text, with `stages` run over it. */
function prepare(texts: readonly string[], stages: readonly Stage[]): Doc[] {
  return texts.map((text) => {
    const doc = new Doc(text);
    for (const stage of stages) stage.apply(doc);
    return doc;
  });
}

const COMPROMISE_TYPES = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']] as const;

type Compromise = (typeof import('compromise'))['default'];

/**
 * compromise's people, organizations and places in a gold Doc, as token spans: the tokens inside
 * each match's character range, less punctuation-only tokens at its ends (compromise attaches the
 * space-separated "." of CoNLL text to the word before it), clipped to the sentence it starts in.
 * A span found twice keeps its first type in the order people, organizations, places.
 */
export function compromiseEntities(nlp: Compromise, doc: Doc): NerSpan[] {
  const result = nlp(doc.text);
  const spans: NerSpan[] = [];
  const taken = new Set<string>();
  const isWord = (i: number) => /[\p{L}\p{N}]/u.test(doc.word(i));
  for (const [method, type] of COMPROMISE_TYPES) {
    for (const match of result[method]().json({ offset: true }) as { offset: { start: number; length: number } }[]) {
      let start = doc.tokenAt(match.offset.start);
      const sentence = doc.sentences[doc.sentenceOf(start)];
      let end = Math.min(doc.tokenAt(match.offset.start + match.offset.length - 1) + 1, sentence.tokenEnd);
      while (start < end && !isWord(start)) start++;
      while (end > start && !isWord(end - 1)) end--;
      const key = `${start}:${end}`;
      if (start === end || taken.has(key)) continue;
      taken.add(key);
      spans.push({ start, end, type: type as NerType });
    }
  }
  return spans;
}

function score(docs: readonly GoldDoc[], tag: (doc: Doc) => NerSpan[]): NerReport {
  const counts: NerCounts = new Map();
  for (const { doc, gold } of docs) tallyChunks(counts, gold, tag(doc));
  return nerReport(counts);
}

/** Times `tag` over `docs` and scores it, as tokens per second and F1. */
function speedAndF1(docs: readonly GoldDoc[], tokens: number, tag: (doc: Doc) => NerSpan[]): NerSpeed {
  const { seconds } = measure((goldDocument) => tag(goldDocument.doc).length, docs);
  return { f1: score(docs, tag).f1, tokensPerSecond: Math.round(tokens / seconds) };
}

export async function runNerBenchmark(texts: readonly string[], onPhase?: (phase: string) => void): Promise<NerBenchReport> {
  const [posModel, model] = await Promise.all([loadPosModel(), loadNerModel()]);
  const posStage = createPosStage(posModel);
  const lexicon = defaultLexicon();
  const tag = (doc: Doc): NerSpan[] => tagEntities(doc, model, lexicon);

  onPhase?.('NER alone');
  const docs = prepare(texts, [tokensStage, segmentsStage, posStage]);
  const { seconds, total } = measure((doc) => (tag(doc), doc.tokenCount), docs);
  const tokensPerSecond = Math.round(total / seconds);

  const testb = sharedDataPath('conll2003', 'eng.testb');
  if (!existsSync(testb)) return { tokensPerSecond, conll: null };
  onPhase?.('NER on CoNLL-2003 testb, ours and compromise');
  return { tokensPerSecond, conll: await conllRows(testb, posStage, tag) };
}

/** Our and compromise's F1 and speed on the gold tokens of a CoNLL file. */
async function conllRows(path: string, posStage: Stage, tag: (doc: Doc) => NerSpan[]): Promise<NerBenchReport['conll']> {
  const gold = (await readConllNer(path)).map((document) => goldDoc(document, [posStage]));
  const tokens = gold.reduce((sum, { doc }) => sum + doc.tokenCount, 0);
  const { default: nlp } = await import('compromise');
  return { tokens, ours: speedAndF1(gold, tokens, tag), compromise: speedAndF1(gold, tokens, (doc) => compromiseEntities(nlp, doc)) };
}
