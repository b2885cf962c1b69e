import { Doc, UPOS } from './doc.js';
import { CoreError } from './errors.js';
import { lowerForm } from './stages/tokens.js';

/**
 * CoNLL-U (Universal Dependencies) reading, pure so that training, evaluation and tests share it.
 * Multiword-token ranges (`3-4`) and empty nodes (`5.1`) are not words and are skipped; their
 * surface text is kept per sentence so raw text can be compared with the gold words.
 */

/** One sentence of a CoNLL-U file: the columns of its word lines. */
export interface ConlluSentence {
  /** `# text =` when the file gives it. */
  text: string | null;
  words: string[];
  lemmas: string[];
  upos: string[];
  /** Language-specific tags: Penn Treebank tags in EWT and GUM. */
  xpos: string[];
  /** Head of each word as a 0-based word index, −1 for the root. */
  heads: number[];
  deprels: string[];
  misc: string[];
  /** Multiword tokens as `[first word, last word]` 0-based inclusive ranges, with their surface form. */
  multiwords: { first: number; last: number; form: string }[];
}

function emptySentence(): ConlluSentence {
  return { text: null, words: [], lemmas: [], upos: [], xpos: [], heads: [], deprels: [], misc: [], multiwords: [] };
}

export function parseConllu(text: string, where: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current = emptySentence();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line === '') {
      if (current.words.length > 0) sentences.push(current);
      current = emptySentence();
      continue;
    }
    if (line.startsWith('#')) {
      const comment = /^#\s*text\s*=\s?(.*)$/.exec(line);
      if (comment) current.text = comment[1];
      continue;
    }
    const columns = line.split('\t');
    if (columns.length !== 10) throw new CoreError('CG_E007', `${where}:${n + 1}: expected 10 tab-separated columns`);
    const range = /^(\d+)-(\d+)$/.exec(columns[0]);
    if (range) {
      current.multiwords.push({ first: Number(range[1]) - 1, last: Number(range[2]) - 1, form: columns[1] });
      continue;
    }
    if (!/^\d+$/.test(columns[0])) continue; // "5.1" empty nodes
    const head = columns[6] === '_' ? 0 : Number(columns[6]);
    if (!Number.isInteger(head)) throw new CoreError('CG_E007', `${where}:${n + 1}: head "${columns[6]}" is not a number`);
    current.words.push(columns[1]);
    current.lemmas.push(columns[2]);
    current.upos.push(columns[3]);
    current.xpos.push(columns[4]);
    current.heads.push(head - 1);
    current.deprels.push(columns[7] === '_' ? '' : columns[7]);
    current.misc.push(columns[9]);
  }
  if (current.words.length > 0) sentences.push(current);
  return sentences;
}

/** True when the MISC column says no space follows the word. */
const UPOS_INDEX = new Map<string, number>(UPOS.map((tag, k) => [tag, k]));

export function noSpaceAfter(misc: string): boolean {
  return misc.split('|').includes('SpaceAfter=No');
}

/**
 * A Doc over the gold words of `sentences`, one sentence a line, words joined by single spaces
 * (the tokenizer does not run), with the gold tags, lemmas, heads and relations filled in when
 * `annotate` is set. For evaluation on gold words and for tests of stages that read the parse.
 */
export function docFromConllu(sentences: readonly ConlluSentence[], annotate = true): Doc {
  const text = sentences.map((s) => s.words.join(' ')).join('\n');
  const doc = new Doc(text);
  const { tokens } = doc;
  let offset = 0;
  for (const sentence of sentences) {
    const tokenStart = tokens.start.length;
    sentence.words.forEach((word, k) => {
      doc.pushToken(offset, offset + word.length, lowerForm(word));
      offset += word.length + 1;
      if (!annotate) return;
      const i = tokenStart + k;
      tokens.tag[i] = sentence.xpos[k];
      tokens.pos[i] = Math.max(0, UPOS_INDEX.get(sentence.upos[k]) ?? 0);
      tokens.lemma[i] = sentence.lemmas[k];
      tokens.head[i] = sentence.heads[k] < 0 ? -1 : tokenStart + sentence.heads[k];
      tokens.deprel[i] = sentence.deprels[k];
    });
    const tokenEnd = tokens.start.length;
    const segment = { start: tokens.start[tokenStart], end: tokens.end[tokenEnd - 1], tokenStart, tokenEnd };
    doc.sentences.push(segment);
    doc.paragraphs.push({ ...segment });
  }
  doc.layers.add('tokens').add('sentences').add('paragraphs');
  if (annotate) doc.layers.add('pos').add('deps');
  return doc;
}
