import type { ParseJSON } from '../../src/server/types.js';

/**
 * Where a dependency arc diagram puts things (displaCy's layout): the words in a row, each arc
 * above them from head to dependent, raised one level above every arc it spans, so arcs nest and
 * never cross a label. Widths come from the caller's text measure, so nothing is guessed.
 */

export type ParsedToken = ParseJSON['tokens'][number];

export interface TreeWord {
  token: ParsedToken;
  /** Centre of the word's column. */
  x: number;
  isRoot: boolean;
}

export interface TreeArc {
  /** Indexes into the sentence's words. */
  head: number;
  dependent: number;
  label: string;
  /** 1 for an arc between neighbours with nothing under it. */
  level: number;
}

export interface TreeLayout {
  words: TreeWord[];
  arcs: TreeArc[];
  levels: number;
  width: number;
}

export interface Measure {
  word(text: string): number;
  small(text: string): number;
}

const GAP = 16;
const MARGIN = 12;
/** Room each side of a label on an arc between neighbours. */
const LABEL_PAD = 10;

/** Lays out one sentence: `tokens` with heads relative to the sentence (−1 for the root). */
export function layoutTree(tokens: readonly ParsedToken[], measure: Measure): TreeLayout {
  const arcs: TreeArc[] = [];
  tokens.forEach((t, i) => {
    if (t.head >= 0 && t.head < tokens.length && t.head !== i) arcs.push({ head: t.head, dependent: i, label: t.deprel, level: 1 });
  });
  // Shorter arcs first: an arc's level is one above the highest arc inside its span.
  const span = (a: TreeArc) => Math.abs(a.head - a.dependent);
  arcs.sort((a, b) => span(a) - span(b));
  let levels = 0;
  arcs.forEach((arc, k) => {
    const [lo, hi] = [Math.min(arc.head, arc.dependent), Math.max(arc.head, arc.dependent)];
    let inside = 0;
    for (let j = 0; j < k; j++) {
      const other = arcs[j];
      if (Math.min(other.head, other.dependent) >= lo && Math.max(other.head, other.dependent) <= hi) inside = Math.max(inside, other.level);
    }
    arc.level = inside + 1;
    levels = Math.max(levels, arc.level);
  });

  // Columns wide enough for the word, its tag, and the label of an arc to its neighbour.
  const widths = tokens.map((t) => Math.max(measure.word(t.text), measure.small(t.upos)));
  const neighbourLabel = new Array<number>(tokens.length).fill(0);
  for (const arc of arcs) if (span(arc) === 1) neighbourLabel[Math.min(arc.head, arc.dependent)] = measure.small(arc.label) + 2 * LABEL_PAD;
  const words: TreeWord[] = [];
  let x = MARGIN + (widths[0] ?? 0) / 2;
  tokens.forEach((token, i) => {
    if (i > 0) x += Math.max(widths[i - 1] / 2 + widths[i] / 2 + GAP, neighbourLabel[i - 1]);
    words.push({ token, x, isRoot: token.head < 0 });
  });
  const last = words.length > 0 ? words[words.length - 1].x + widths[widths.length - 1] / 2 : 0;
  return { words, arcs, levels, width: Math.ceil(last + MARGIN) };
}
