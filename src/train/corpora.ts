import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConllu, type ConlluSentence } from '../core/conllu.js';
import { CoreError } from '../core/errors.js';

/** One sentence of CoNLL-2003: `word POS chunk NER` (NER in IOB1). */
export interface Conll2003Sentence {
  words: string[];
  pos: string[];
  chunks: string[];
  ner: string[];
}

export type GumSplit = 'train' | 'dev' | 'test';

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CoreError('CG_E007', `cannot read ${path}: ${(error as Error).message}`);
  }
}

export function parseConll2003(text: string, where: string): Conll2003Sentence[] {
  const sentences: Conll2003Sentence[] = [];
  let current: Conll2003Sentence = { words: [], pos: [], chunks: [], ner: [] };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '' || line.startsWith('-DOCSTART-')) {
      if (current.words.length > 0) sentences.push(current);
      current = { words: [], pos: [], chunks: [], ner: [] };
      continue;
    }
    const columns = line.split(' ');
    if (columns.length !== 4) throw new CoreError('CG_E007', `${where}:${n + 1}: expected 4 space-separated columns`);
    current.words.push(columns[0]);
    current.pos.push(columns[1]);
    current.chunks.push(columns[2]);
    current.ner.push(columns[3]);
  }
  if (current.words.length > 0) sentences.push(current);
  return sentences;
}

/** Document names of one split, from GUM's `splits.md` (`## train` then `  * GUM_…` lines). */
export function parseGumSplits(markdown: string): Map<GumSplit, string[]> {
  const splits = new Map<GumSplit, string[]>();
  let names: string[] | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+(\S+)/.exec(line);
    if (heading) {
      const split = heading[1];
      names = split === 'train' || split === 'dev' || split === 'test' ? [] : undefined;
      if (names) splits.set(split as GumSplit, names);
      continue;
    }
    const item = /^\s*\*\s+(\S+)/.exec(line);
    if (item && names) names.push(item[1]);
  }
  return splits;
}

/** The GUM documents of `split` present under `gumDir/dep` (the corpus here holds the free genres only), one by one. */
export async function readGumDocuments(gumDir: string, split: GumSplit): Promise<{ name: string; sentences: ConlluSentence[] }[]> {
  const splits = parseGumSplits(await readText(join(gumDir, 'splits.md')));
  const documents: { name: string; sentences: ConlluSentence[] }[] = [];
  for (const name of splits.get(split) ?? []) {
    const path = join(gumDir, 'dep', `${name}.conllu`);
    if (!existsSync(path)) continue;
    documents.push({ name, sentences: parseConllu(await readText(path), path) });
  }
  if (documents.length === 0) throw new CoreError('CG_E007', `no GUM ${split} documents found under ${gumDir}/dep`);
  return documents;
}

/** The sentences of the GUM documents of `split`. */
export async function readGumSplit(gumDir: string, split: GumSplit): Promise<ConlluSentence[]> {
  return (await readGumDocuments(gumDir, split)).flatMap((d) => d.sentences);
}

/** The sentences of one CoNLL-U file, e.g. UD English EWT. */
export async function readConllu(path: string): Promise<ConlluSentence[]> {
  return parseConllu(await readText(path), path);
}

export async function readConll2003(path: string): Promise<Conll2003Sentence[]> {
  return parseConll2003(await readText(path), path);
}
