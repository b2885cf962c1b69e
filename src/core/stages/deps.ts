import type { Doc } from '../doc.js';
import { DependencyParser, type ParserModel } from '../models/parser.js';
import type { Stage } from '../pipeline.js';

/** Parses the tokens `[tokenStart, tokenEnd)` of one sentence from their tags: head and relation. */
export type SentenceParser = (doc: Doc, tokenStart: number, tokenEnd: number) => void;

export function createSentenceParser(model: ParserModel): SentenceParser {
  const parser = new DependencyParser(model);
  const words: string[] = [];
  const tags: string[] = [];
  const heads: number[] = [];
  const relations: string[] = [];
  return (doc, tokenStart, tokenEnd) => {
    const { lower, tag, head, deprel } = doc.tokens;
    const n = tokenEnd - tokenStart;
    words.length = n;
    tags.length = n;
    for (let k = 0; k < n; k++) {
      words[k] = lower[tokenStart + k];
      tags[k] = tag[tokenStart + k];
    }
    parser.parse({ words, tags }, heads, relations);
    for (let k = 0; k < n; k++) {
      head[tokenStart + k] = heads[k] < 0 ? -1 : tokenStart + heads[k];
      deprel[tokenStart + k] = relations[k];
    }
  };
}

/**
 * Universal Dependencies parse of every sentence: fills `doc.tokens.head` (doc-level index, −1 for
 * a sentence root) and `doc.tokens.deprel`. Reads the tagger's Penn Treebank tags.
 */
export function createDepsStage(model: ParserModel, parseSentence: SentenceParser = createSentenceParser(model)): Stage {
  return {
    name: 'deps',
    requires: ['tokens', 'sentences', 'pos'],
    assigns: ['deps'],
    apply(doc: Doc): void {
      for (const { tokenStart, tokenEnd } of doc.sentences) parseSentence(doc, tokenStart, tokenEnd);
    },
  };
}
