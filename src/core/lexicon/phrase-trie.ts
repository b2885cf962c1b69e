import { Doc } from '../doc.js';
import { tokenize } from '../stages/tokens.js';

interface TrieNode<V> {
  next: Map<string, TrieNode<V>> | null;
  value: V | null;
  /** Exact surface form the single token must have ("US", not "us"); null when any case matches. */
  cased: string | null;
}

/** Short all-capital acronyms ("US", "IS", "AP", "FBI") often spell common words in lower case. */
const CASED_ACRONYM = /^[A-Z]{2,3}$/;

/**
 * A trie over lower-cased tokens for longest-match phrase lookup. Phrases are split by the
 * pipeline's own tokenizer, so "U.S." and "al-Qaeda" are keyed exactly as in a Doc.
 * The first value added for a phrase wins, so callers add in order of priority.
 */
export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = { next: null, value: null, cased: null };

  add(phrase: string, value: V): void {
    const doc = new Doc(phrase);
    tokenize(doc);
    this.addWords(doc.tokens.lower, value, CASED_ACRONYM.test(phrase) ? phrase : null);
  }

  /**
   * Adds a phrase already split into lower-cased tokens; `cased` is the exact spelling a
   * one-token entry must have, or null. For large dictionaries whose phrases split at spaces.
   */
  addWords(words: readonly string[], value: V, cased: string | null): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const token of words) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (!child) {
        child = { next: null, value: null, cased: null };
        node.next.set(token, child);
      }
      node = child;
    }
    if (node.value !== null) return;
    node.value = value;
    node.cased = cased;
  }

  /**
   * The longest phrase starting at token `i`, with its length in tokens. Cased acronyms match
   * only when `surface` is given and returns their exact spelling for the token.
   */
  longestAt(lower: readonly string[], i: number, surface?: (token: number) => string): { value: V; length: number } | null {
    let node = this.root;
    let best: V | null = null;
    let length = 0;
    for (let j = i; j < lower.length && node.next; j++) {
      const child = node.next.get(lower[j]);
      if (!child) break;
      node = child;
      if (node.value !== null && (node.cased === null || surface?.(j) === node.cased)) {
        best = node.value;
        length = j - i + 1;
      }
    }
    return best === null ? null : { value: best, length };
  }
}
