import type { CSSProperties } from 'react';
import type { ArticleJSON } from '../../src/server/types.js';

/**
 * How an article's text is cut for display: runs of text, each inside at most one quote (the
 * innermost, when quotes nest), and marked as a cue or as the speaker's words. Runs cover the text
 * exactly once and in order, so joining them gives the text back; every offset is the article's.
 */

export interface Run {
  start: number;
  end: number;
  /** The quote whose content this run is in. */
  quote: string | null;
  /** The quote whose cue ("said") this run is. */
  cue: string | null;
  /** The quote whose speaker's words ("he", "a Taliban spokesperson") this run is. */
  source: string | null;
}

interface Mark {
  kind: 'quote' | 'cue' | 'source';
  quote: string;
  start: number;
  end: number;
}

export function textRuns(article: ArticleJSON): Run[] {
  const marks: Mark[] = [];
  for (const q of article.quotes) {
    for (const part of q.content.parts ?? [q.content]) marks.push({ kind: 'quote', quote: q.id, start: part.start, end: part.end });
    if (q.cue) marks.push({ kind: 'cue', quote: q.id, start: q.cue.start, end: q.cue.end });
    if (q.source) marks.push({ kind: 'source', quote: q.id, start: q.source.start, end: q.source.end });
  }
  const length = article.text.length;
  const cuts = [...new Set([0, length, ...marks.flatMap((m) => [m.start, m.end])])].filter((c) => c >= 0 && c <= length).sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((m) => m.start <= start && m.end >= end && m.start < m.end);
    const innermost = (kind: Mark['kind']): string | null =>
      covering.filter((m) => m.kind === kind).sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.quote ?? null;
    const run: Run = { start, end, quote: innermost('quote'), cue: innermost('cue'), source: innermost('source') };
    const last = runs[runs.length - 1];
    if (last && last.quote === run.quote && last.cue === run.cue && last.source === run.source) last.end = end;
    else runs.push(run);
  }
  return runs;
}

/** Runs grouped into stretches of one quote (or of none), the unit a highlight is drawn for. */
export function quoteStretches(runs: readonly Run[]): Array<{ quote: string | null; runs: Run[] }> {
  const stretches: Array<{ quote: string | null; runs: Run[] }> = [];
  for (const run of runs) {
    const last = stretches[stretches.length - 1];
    if (last && last.quote === run.quote) last.runs.push(run);
    else stretches.push({ quote: run.quote, runs: [run] });
  }
  return stretches;
}

/** Distinct hues, far enough apart to tell neighbours apart; they repeat beyond twelve speakers. */
const HUES = [212, 28, 140, 280, 350, 185, 55, 100, 320, 245, 0, 165];

export interface SpeakerColor {
  /** Background of the speaker's quotes. */
  fill: string;
  /** Borders, the speaker's words and the swatch. */
  ink: string;
}

/** The custom properties the stylesheet draws a speaker's colour from (set through the DOM, which the CSP allows). */
export function colorStyle(color: SpeakerColor): CSSProperties {
  return { '--fill': color.fill, '--ink': color.ink } as CSSProperties;
}

const UNKNOWN: SpeakerColor = { fill: 'hsl(0 0% 90%)', ink: 'hsl(0 0% 35%)' };

/** Colours for speaker ids: `ids` in their order first, others as they are first asked for; null is grey. */
export function colorScale(ids: Iterable<string> = []): (speaker: string | null) => SpeakerColor {
  const order = new Map<string, number>();
  for (const id of ids) if (!order.has(id)) order.set(id, order.size);
  return (speaker) => {
    if (speaker === null) return UNKNOWN;
    if (!order.has(speaker)) order.set(speaker, order.size);
    const hue = HUES[(order.get(speaker) as number) % HUES.length];
    return { fill: `hsl(${hue} 85% 89%)`, ink: `hsl(${hue} 70% 32%)` };
  };
}

/** One colour per speaker of an article, in the order they first speak. */
export function speakerColors(article: ArticleJSON): (speaker: string | null) => SpeakerColor {
  const quotes = [...article.quotes].sort((a, b) => a.content.start - b.content.start);
  return colorScale(quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])));
}
