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
    raiseMainClauseOverRelative(doc, tokenStart, tokenEnd);
    raiseVerbOutOfRelative(doc, tokenStart, tokenEnd);
  };
}

const RELATIVE_SUBJECTS = new Set(['who', 'which']);
/** Relations the parser gives a main verb it hangs inside a relative clause. */
const MISATTACHED_MAIN = new Set(['advcl', 'conj', 'parataxis', 'ccomp']);

/**
 * "The agency's chief, Rafael Grossi, who visited the region, has warned", "Ellen Marsh, whose
 * district includes Pine Hollow, said": the greedy parser makes the relative clause the root, with
 * "who" (or "whose" noun) its subject and the main verb its conjunct or adverbial clause.
 * A relative pronoun after a comma subjects no main clause: the conjunct with no subject of its
 * own becomes the root, the relative clause hangs on the noun before the comma, and what stood
 * before that comma on the old root is the new root's subject (or its dependent).
 */
function raiseMainClauseOverRelative(doc: Doc, tokenStart: number, tokenEnd: number): void {
  const { head, deprel, lower } = doc.tokens;
  const root = sentenceRoot(doc, tokenStart, tokenEnd);
  if (root < 0) return;
  let who = -1;
  let main = -1;
  for (let i = tokenStart; i < tokenEnd; i++) {
    if (head[i] !== root) continue;
    if (who < 0 && i < root && deprel[i] === 'nsubj') {
      // "who visited", or "whose (Independent) group has run": the relative word opens the clause.
      if (RELATIVE_SUBJECTS.has(lower[i])) who = i;
      else {
        for (let k = i - 1; k >= tokenStart && k >= i - 3; k--) {
          if (lower[k] === 'whose' && head[k] === i) who = k;
        }
      }
    }
    if (main < 0 && i > root && MISATTACHED_MAIN.has(deprel[i]) && doc.upos(i) === 'VERB' && followsComma(doc, i, root)) main = i;
  }
  if (who < tokenStart + 2 || main < 0 || lower[who - 1] !== ',') return;
  const antecedent = who - 2;
  if (doc.upos(antecedent) !== 'NOUN' && doc.upos(antecedent) !== 'PROPN') return;
  for (let i = tokenStart; i < tokenEnd; i++) if (head[i] === main && deprel[i].startsWith('nsubj')) return;
  // The phrase the antecedent ends, followed up to the old root's dependent it sits in.
  let subject = antecedent;
  while (head[subject] !== root && head[subject] >= tokenStart && head[subject] < who) subject = head[subject];
  if (head[subject] !== root) return;
  head[main] = -1;
  deprel[main] = 'root';
  for (let i = tokenStart; i < tokenEnd; i++) {
    if (head[i] !== root || i === subject) continue;
    // Before the subject, or after the main verb: the main clause's words.
    if (i < subject || i > main) head[i] = main;
  }
  head[subject] = main;
  deprel[subject] = 'nsubj';
  // "The council's leader, Cllr Bridget Oyelowo, whose …": a noun and a comma before the subject
  // open the subject, which is in apposition to it.
  const described = subject - 2;
  if (described >= tokenStart && lower[subject - 1] === ',' && doc.upos(described) === 'NOUN' && head[described] === main) {
    head[described] = main;
    deprel[described] = 'nsubj';
    head[subject] = described;
    deprel[subject] = 'appos';
    head[subject - 1] = subject;
  }
  head[root] = antecedent;
  deprel[root] = 'acl:relcl';
  head[who - 1] = root;
}

/** The first token of `[tokenStart, tokenEnd)` the parse makes a root, or −1. */
function sentenceRoot(doc: Doc, tokenStart: number, tokenEnd: number): number {
  for (let i = tokenStart; i < tokenEnd; i++) if (doc.tokens.head[i] === -1) return i;
  return -1;
}

/** Whether a comma stands right before verb `v`, past its auxiliaries and adverbs ("…, has repeatedly warned"), after token `floor`. */
function followsComma(doc: Doc, v: number, floor: number): boolean {
  const { head, deprel, lower } = doc.tokens;
  let left = v;
  while (left - 1 > floor && head[left - 1] === v && /^(?:aux|advmod)$/.test(deprel[left - 1])) left--;
  return lower[left - 1] === ',';
}

/**
 * "Its author, who uses the name "Roadwatch66", wrote that …": the parser makes the subject noun
 * the root and hangs the main verb on the relative clause. A verb after the comma that closes a
 * relative clause on a root noun, with no subject of its own, is the main verb: it becomes the
 * root, with the noun as its subject.
 */
function raiseVerbOutOfRelative(doc: Doc, tokenStart: number, tokenEnd: number): void {
  const { head, deprel } = doc.tokens;
  const root = sentenceRoot(doc, tokenStart, tokenEnd);
  if (root < 0 || (doc.upos(root) !== 'NOUN' && doc.upos(root) !== 'PROPN')) return;
  let relative = -1;
  for (let i = root + 1; i < tokenEnd && relative < 0; i++) if (head[i] === root && deprel[i] === 'acl:relcl') relative = i;
  if (relative < 0) return;
  let main = -1;
  for (let i = relative + 1; i < tokenEnd && main < 0; i++) if (head[i] === relative && MISATTACHED_MAIN.has(deprel[i]) && doc.upos(i) === 'VERB') main = i;
  if (main < 0) return;
  if (!followsComma(doc, main, relative)) return;
  for (let i = tokenStart; i < tokenEnd; i++) if (head[i] === main && deprel[i].startsWith('nsubj')) return;
  head[main] = -1;
  deprel[main] = 'root';
  head[root] = main;
  deprel[root] = 'nsubj';
  for (let i = main + 1; i < tokenEnd; i++) if (head[i] === root || head[i] === relative) head[i] = main;
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
