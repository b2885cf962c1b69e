import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Run } from '../highlight.js';
import { sentenceSpans } from '../sentences.js';
import { DependencyTree } from './DependencyTree.js';

/**
 * The article text cut into its sentences, each a button that opens the sentence's dependency
 * tree right under it. One sentence at a time is in the tab order (arrow keys move between them,
 * Home and End jump), so the text costs one Tab stop; Enter or Space opens, Escape closes and
 * gives the focus back to the sentence.
 */

interface Props {
  text: string;
  /** Runs covering the text in order (highlight.ts). */
  runs: readonly Run[];
  /** Draws a run, or the part of one, with its highlight. */
  renderRun: (run: Run) => ReactNode;
}

export function SentenceText({ text, runs, renderRun }: Props) {
  const sentences = useMemo(() => sentenceSpans(text), [text]);
  const [current, setCurrent] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const buttons = useRef<Array<HTMLElement | null>>([]);
  const panel = useRef<HTMLElement>(null);
  const hint = useId();
  const panelId = useId();

  useEffect(() => {
    if (open === null) return;
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [open]);

  const focusSentence = (k: number) => {
    const target = Math.max(0, Math.min(sentences.length - 1, k));
    setCurrent(target);
    buttons.current[target]?.focus();
  };
  const close = () => {
    if (open === null) return;
    setOpen(null);
    focusSentence(open);
  };
  const toggle = (k: number) => {
    setCurrent(k);
    setOpen((o) => (o === k ? null : k));
  };
  const onKeyDown = (k: number) => (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: k + 1, ArrowDown: k + 1, ArrowLeft: k - 1, ArrowUp: k - 1, Home: 0, End: sentences.length - 1 };
    if (e.key === 'Enter' || e.key === ' ') toggle(k);
    else if (e.key === 'Escape' && open !== null) close();
    else if (e.key in moves) focusSentence(moves[e.key]);
    else return;
    e.preventDefault();
  };

  // The runs, cut at sentence edges: text between sentences (spaces, line breaks) stays plain.
  const pieces = (start: number, end: number): ReactNode[] => {
    const out: ReactNode[] = [];
    for (let i = firstRunEndingAfter(runs, start); i < runs.length && runs[i].start < end; i++) {
      out.push(renderRun({ ...runs[i], start: Math.max(start, runs[i].start), end: Math.min(end, runs[i].end) }));
    }
    return out;
  };

  let at = 0;
  const content: ReactNode[] = [];
  sentences.forEach((sentence, k) => {
    if (sentence.start > at) content.push(<Fragment key={`gap-${at}`}>{pieces(at, sentence.start)}</Fragment>);
    content.push(
      <span
        key={sentence.start}
        ref={(el) => {
          buttons.current[k] = el;
        }}
        className={`sentence${open === k ? ' open' : ''}`}
        role="button"
        tabIndex={k === current ? 0 : -1}
        data-sentence={k}
        aria-expanded={open === k}
        aria-controls={open === k ? panelId : undefined}
        aria-describedby={hint}
        // A click that ends a text selection is someone copying, not asking for the tree.
        onClick={() => !window.getSelection()?.toString() && toggle(k)}
        onFocus={() => setCurrent(k)}
        onKeyDown={onKeyDown(k)}
      >
        {pieces(sentence.start, sentence.end)}
      </span>,
    );
    if (open === k) {
      content.push(
        <DependencyTree key={`tree-${k}`} ref={panel} id={panelId} text={text.slice(sentence.start, sentence.end)} label={`sentence ${k + 1} of ${sentences.length}`} onClose={close} />,
      );
    }
    at = sentence.end;
  });
  if (at < text.length) content.push(<Fragment key={`gap-${at}`}>{pieces(at, text.length)}</Fragment>);

  return (
    <>
      <p id={hint} className="sentence-hint muted small">
        Click a sentence, or press Enter on it, for its dependency tree. Arrow keys move between sentences; Escape closes the tree.
      </p>
      <div className="article-text parse-sentences">{content}</div>
    </>
  );
}

/** Index of the first run that ends after `offset` (runs are in order and cover the text). */
function firstRunEndingAfter(runs: readonly Run[], offset: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
