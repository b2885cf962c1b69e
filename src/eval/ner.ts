import { readFile } from 'node:fs/promises';
import { Doc } from '../core/doc.js';
import { CoreError } from '../core/errors.js';
import { defaultLexicon } from '../core/lexicon/index.js';
import { NER_TYPES, tagEntities, type NerSpan, type NerType } from '../core/ner.js';
import type { Stage } from '../core/pipeline.js';
import { createPosStage } from '../core/stages/pos.js';
import { lowerForm } from '../core/stages/tokens.js';
import { loadNerModel, loadPosModel } from '../models.js';
import type { EvaluateOptions } from './evaluate.js';
import { formatTable } from './table.js';

/**
 * NER evaluation on CoNLL-format gold with conlleval semantics: entities are exact typed token
 * spans; precision, recall and F1 are micro-averaged over all entities and also given per type.
 * The tagger runs on the gold tokens (nothing is re-tokenized).
 */

export interface ConllSentence {
  words: string[];
  /** The last column: IOB1, IOB2 (or IOBES/BILOU) tags. */
  tags: string[];
}

/** Sentences between `-DOCSTART-` lines; a file without them is one document. */
export type ConllDocument = ConllSentence[];

/** Token in the first column, tag in the last; columns split on spaces or tabs; blank lines end sentences. */
export function parseConllNer(text: string, where: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let sentence: ConllSentence = { words: [], tags: [] };
  const endSentence = (): void => {
    if (sentence.words.length > 0) document.push(sentence);
    sentence = { words: [], tags: [] };
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (document.length > 0) documents.push(document);
      document = [];
      continue;
    }
    if (line === '') {
      endSentence();
      continue;
    }
    const columns = line.split(/[ \t]+/);
    const tag = columns[columns.length - 1];
    if (columns.length < 2 || !(tag === 'O' || /^[BIELSU]-\S+$/.test(tag))) {
      throw new CoreError('CG_E007', `${where}:${n + 1}: expected a token and an O, B-, I-, E-, L-, S- or U- tag in the last column`);
    }
    sentence.words.push(columns[0]);
    sentence.tags.push(tag);
  }
  endSentence();
  if (document.length > 0) documents.push(document);
  return documents;
}

export async function readConllNer(path: string): Promise<ConllDocument[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CoreError('CG_E009', `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseConllNer(text, path);
}

/** A typed token span; `type` is whatever the file uses ("PER", "GPE", …). */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

/**
 * Entity chunks of one sentence's tags, as conlleval reads them: B- always starts a chunk, I-
 * continues one of its type and starts one otherwise (so IOB1 and IOB2 both work), a type change
 * ends a chunk; E-/L- end one and S-/U- are chunks of one token (IOBES, BILOU).
 */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (let k = 0; k < tags.length; k++) {
    const tag = tags[k];
    const prefix = tag[0];
    const type = tag.slice(2);
    const continues = open !== null && type === open.type && (prefix === 'I' || prefix === 'E' || prefix === 'L');
    if (open !== null && !continues) {
      chunks.push(open);
      open = null;
    }
    if (prefix !== 'O' && open === null) open = { start: k, end: k + 1, type };
    else if (open !== null) open.end = k + 1;
    if (open !== null && (prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U')) {
      chunks.push(open);
      open = null;
    }
  }
  if (open !== null) chunks.push(open);
  return chunks;
}

/** Entity counts per type: in the gold, in the prediction, and exactly matched. */
export type NerCounts = Map<string, { gold: number; predicted: number; correct: number }>;

/** Adds one document's (or sentence's) chunks to `counts`. */
export function tallyChunks(counts: NerCounts, gold: readonly Chunk[], predicted: readonly Chunk[]): void {
  const row = (type: string) => {
    let r = counts.get(type);
    if (r === undefined) counts.set(type, (r = { gold: 0, predicted: 0, correct: 0 }));
    return r;
  };
  const key = (c: Chunk) => `${c.start}:${c.end}:${c.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const chunk of gold) row(chunk.type).gold++;
  for (const chunk of predicted) {
    const r = row(chunk.type);
    r.predicted++;
    if (goldKeys.has(key(chunk))) r.correct++;
  }
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/** The `eval ner --json` shape; every figure is a percentage. */
export interface NerReport {
  precision: number;
  recall: number;
  f1: number;
  types: Record<string, Prf>;
}

const percent = (value: number): number => Math.round(value * 10000) / 100;

function prf(correct: number, gold: number, predicted: number): Prf {
  const p = predicted === 0 ? 0 : correct / predicted;
  const r = gold === 0 ? 0 : correct / gold;
  return { p: percent(p), r: percent(r), f1: percent(p + r === 0 ? 0 : (2 * p * r) / (p + r)) };
}

export function nerReport(counts: NerCounts): NerReport {
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  const types: Record<string, Prf> = {};
  for (const type of [...counts.keys()].sort()) {
    const r = counts.get(type) as { gold: number; predicted: number; correct: number };
    gold += r.gold;
    predicted += r.predicted;
    correct += r.correct;
    types[type] = prf(r.correct, r.gold, r.predicted);
  }
  const all = prf(correct, gold, predicted);
  return { precision: all.p, recall: all.r, f1: all.f1, types };
}

/** A gold document as a Doc of its tokens joined by spaces (one sentence a line), with its entities. */
export interface GoldDoc {
  doc: Doc;
  /** Gold chunks in Doc token offsets, of every type the file uses. */
  gold: Chunk[];
}

/** Builds the Doc token by token from the gold tokens (the tokenizer does not run), then runs `stages` (e.g. POS). */
export function goldDoc(document: ConllDocument, stages: readonly Stage[]): GoldDoc {
  const text = document.map((s) => s.words.join(' ')).join('\n');
  const doc = new Doc(text);
  const { tokens } = doc;
  const gold: Chunk[] = [];
  let offset = 0;
  for (const { words, tags } of document) {
    const tokenStart = tokens.start.length;
    for (const word of words) {
      doc.pushToken(offset, offset + word.length, lowerForm(word));
      offset += word.length + 1;
    }
    const tokenEnd = tokens.start.length;
    const segment = { start: tokens.start[tokenStart], end: tokens.end[tokenEnd - 1], tokenStart, tokenEnd };
    doc.sentences.push(segment);
    doc.paragraphs.push({ ...segment });
    for (const chunk of chunksOf(tags)) gold.push({ start: chunk.start + tokenStart, end: chunk.end + tokenStart, type: chunk.type });
  }
  for (const layer of ['tokens', 'sentences', 'paragraphs'] as const) doc.layers.add(layer);
  for (const stage of stages) {
    stage.apply(doc);
    for (const layer of stage.assigns) doc.layers.add(layer);
  }
  return { doc, gold };
}

/** Gold chunks of the four CoNLL types as tagger spans. */
export function conllSpans(gold: readonly Chunk[]): NerSpan[] {
  return gold.filter((c): c is NerSpan => NER_TYPES.includes(c.type as NerType));
}

/** What evaluation runs per document: the stages that prepare the Doc (POS) and the tagger. */
export interface NerSystem {
  stages: readonly Stage[];
  tag(doc: Doc): NerSpan[];
}

/** Tags every document of a CoNLL file with `system` and scores it. */
export async function evaluateNer(path: string, system: NerSystem, options: EvaluateOptions = {}): Promise<NerReport> {
  return scoreNerDocuments(await readConllNer(path), system, options);
}

/** Tags `documents` with `system` and scores them. */
export function scoreNerDocuments(documents: readonly ConllDocument[], system: NerSystem, options: EvaluateOptions = {}): NerReport {
  const counts: NerCounts = new Map();
  documents.slice(0, options.limit ?? Infinity).forEach((document, k) => {
    const { doc, gold } = goldDoc(document, system.stages);
    tallyChunks(counts, gold, system.tag(doc));
    options.onArticle?.(k + 1, `document ${k + 1}`);
  });
  return nerReport(counts);
}

const fixed = (value: number): string => value.toFixed(2);

/** Precision, recall and F1 per type and over all entities. */
export function formatNerReport(report: NerReport): string {
  return formatTable([
    ['type', 'precision', 'recall', 'F1'],
    ...Object.entries(report.types).map(([type, s]) => [type, fixed(s.p), fixed(s.r), fixed(s.f1)]),
    ['all', fixed(report.precision), fixed(report.recall), fixed(report.f1)],
  ]);
}

/** The shipped POS and NER models with the default lexicon, as `eval ner` scores them. */
export async function loadNerSystem(): Promise<NerSystem> {
  const [posModel, nerModel] = await Promise.all([loadPosModel(), loadNerModel()]);
  const lexicon = defaultLexicon();
  return { stages: [createPosStage(posModel)], tag: (doc) => tagEntities(doc, nerModel, lexicon) };
}

/** Published F1 on CoNLL-2003 English test (eng.testb), shown beside our scores. */
export const CONLL_TEST_ANCHORS: readonly { system: string; f1: number }[] = [
  { system: 'Ratinov & Roth 2009, perceptron (published)', f1: 90.8 },
  { system: 'Stanford CRF, Finkel et al. 2005 (published, ~)', f1: 87 },
  { system: 'compromise 14 (measured here, claimgraph bench)', f1: 44.6 },
];

/** One row per scored set (P, R, F1, F1 per CoNLL type), then the published test-set anchors. */
export function formatNerComparison(rows: readonly { name: string; report: NerReport }[]): string {
  const typeF1 = (report: NerReport, type: string): string => (report.types[type] ? fixed(report.types[type].f1) : '');
  return formatTable([
    ['set', 'precision', 'recall', 'F1', ...NER_TYPES],
    ...rows.map(({ name, report }) => [name, fixed(report.precision), fixed(report.recall), fixed(report.f1), ...NER_TYPES.map((t) => typeF1(report, t))]),
    ...CONLL_TEST_ANCHORS.map(({ system, f1 }) => [`testb: ${system}`, '', '', f1.toFixed(1), '', '', '', '']),
  ]);
}
