import type { Doc, Segment } from './doc.js';

/**
 * Small accessors over the dependency parse (`doc.tokens.head` / `deprel`, set by the `deps`
 * stage) that the attribution, event and contradiction stages share. Each works within the
 * token's sentence, so its cost is bounded by sentence length, never by article length.
 */

/** The relation without its subtype: `nsubj:pass` → `nsubj`. */
export function baseRelation(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** Relations whose dependent heads a clause of its own. */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis']);

/** Words that open a relative clause and stand for the noun it describes: "the officials, who added". */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whom']);

/** Words of the first person: the speaker's own. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we', 'me', 'us', 'my', 'our', 'mine', 'ours']);

function sentenceOfToken(doc: Doc, i: number): Segment {
  return doc.sentences[doc.sentenceOf(i)];
}

/** The dependents of token `i`, in text order. */
export function children(doc: Doc, i: number): number[] {
  const { head } = doc.tokens;
  const { tokenStart, tokenEnd } = sentenceOfToken(doc, i);
  const out: number[] = [];
  for (let k = tokenStart; k < tokenEnd; k++) if (head[k] === i) out.push(k);
  return out;
}

/** The dependents of `i` with relation `deprel` (exact, or any subtype when `deprel` has none). */
export function childrenWith(doc: Doc, i: number, deprel: string): number[] {
  const exact = deprel.includes(':');
  return children(doc, i).filter((k) => (exact ? doc.tokens.deprel[k] === deprel : baseRelation(doc.tokens.deprel[k]) === deprel));
}

/** True when `ancestor` dominates `i` (or is `i`). */
export function dominates(doc: Doc, ancestor: number, i: number): boolean {
  const { head } = doc.tokens;
  // A well-formed tree has no cycle; the step bound keeps a malformed one from looping.
  for (let k = i, steps = 0; k >= 0 && steps <= head.length; k = head[k], steps++) if (k === ancestor) return true;
  return false;
}

/** The tokens `[tokenStart, tokenEnd)` that `i` and its descendants span (gaps included). */
export function subtreeSpan(doc: Doc, i: number): { tokenStart: number; tokenEnd: number } {
  let first = i;
  let last = i;
  const stack = [i];
  // A well-formed tree has no cycle; the visit bound keeps a malformed one from looping.
  for (let visits = 0; stack.length > 0 && visits <= doc.tokenCount; visits++) {
    const k = stack.pop() as number;
    if (k < first) first = k;
    if (k > last) last = k;
    for (const child of children(doc, k)) stack.push(child);
  }
  return { tokenStart: first, tokenEnd: last + 1 };
}

/** The ancestors of `i`, nearest first, up to the sentence root. */
export function ancestors(doc: Doc, i: number): number[] {
  const { head } = doc.tokens;
  const out: number[] = [];
  for (let k = head[i]; k >= 0 && out.length <= head.length; k = head[k]) out.push(k);
  return out;
}

/**
 * The tree path from `a` to `b`: `a`, its ancestors up to the lowest common one, then down to
 * `b`. Empty when the two are in different sentences (no common ancestor).
 */
export function pathBetween(doc: Doc, a: number, b: number): number[] {
  const up = [a, ...ancestors(doc, a)];
  const down = [b, ...ancestors(doc, b)];
  const inUp = new Map(up.map((k, n) => [k, n]));
  const meet = down.findIndex((k) => inUp.has(k));
  if (meet < 0) return [];
  return [...up.slice(0, (inUp.get(down[meet]) as number) + 1), ...down.slice(0, meet).reverse()];
}

/**
 * The path from `a` to `b` as relations: `↑rel` for each step up from a dependent to its head,
 * `↓rel` for each step down. A compact feature for learned decisions ("nsubj↑ ccomp↓").
 */
export function relationPath(doc: Doc, a: number, b: number): string {
  const path = pathBetween(doc, a, b);
  if (path.length === 0) return '';
  const { head, deprel } = doc.tokens;
  const steps: string[] = [];
  for (let n = 1; n < path.length; n++) {
    const from = path[n - 1];
    const to = path[n];
    steps.push(head[from] === to ? `↑${deprel[from]}` : `↓${deprel[to]}`);
  }
  return steps.join(' ');
}

/** The head of the clause that holds `i`: the nearest ancestor-or-self attached by a clausal relation. */
export function clauseHead(doc: Doc, i: number): number {
  const { head, deprel } = doc.tokens;
  let k = i;
  for (let steps = 0; steps <= head.length; steps++) {
    if (head[k] < 0 || CLAUSAL.has(baseRelation(deprel[k]))) return k;
    // A conjoined verb heads a clause of its own ("he came and saw").
    if (baseRelation(deprel[k]) === 'conj' && doc.upos(k) === 'VERB') return k;
    k = head[k];
  }
  return k;
}
