import type { Doc } from './doc.js';

/**
 * A doc's mentions by character offset: the stages that ask "which mentions lie in this span"
 * search this order instead of scanning every mention, which made long articles quadratic.
 */
export interface MentionOrder {
  /** Indexes into doc.mentions, by start offset (then by index). */
  byStart: number[];
  /** Characters of the longest mention: one starting that far before a span can reach into it. */
  longest: number;
  /** Position in `byStart` of the first mention starting at or after `offset`. */
  firstFrom(offset: number): number;
}

export function mentionOrder(doc: Doc): MentionOrder {
  const byStart = doc.mentions.map((_, k) => k).sort((a, b) => doc.mentions[a].start - doc.mentions[b].start || a - b);
  let longest = 0;
  for (const m of doc.mentions) longest = Math.max(longest, m.end - m.start);
  return {
    byStart,
    longest,
    firstFrom(offset) {
      let low = 0;
      for (let high = byStart.length; low < high; ) {
        const middle = (low + high) >> 1;
        if (doc.mentions[byStart[middle]].start < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}
