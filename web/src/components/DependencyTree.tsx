import { forwardRef, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ParseJSON } from '../../../src/server/types.js';
import { api, useLoad } from '../api.js';
import { useOverflow } from '../overflow.js';
import { layoutTree, type Measure, type ParsedToken, type TreeLayout } from '../tree-layout.js';
import { Status } from './Status.js';

/**
 * The dependency tree of one sentence, fetched on demand from POST /api/parse: the words in a row
 * with their UPOS under them, an arc per relation above them, the root marked. The diagram is for
 * the eye (it scrolls sideways when long); a list "word → head (relation)" says the same to a
 * screen reader. Escape, or the close button, closes it.
 */

interface Props {
  id: string;
  /** The sentence's text, exactly as in the article. */
  text: string;
  /** "sentence 4 of 19", for the heading. */
  label: string;
  onClose: () => void;
}

/** Parses already asked for, by text: a sentence opened twice is parsed once. */
const parses = new Map<string, Promise<ParseJSON>>();
/** Parses kept; the oldest go first. */
const KEPT_PARSES = 200;

function parseOf(text: string): Promise<ParseJSON> {
  let parse = parses.get(text);
  if (!parse) {
    parse = api<ParseJSON>('/api/parse', { method: 'POST', body: { text } });
    // A failed request is asked again next time.
    parse.catch(() => parses.delete(text));
    parses.set(text, parse);
    if (parses.size > KEPT_PARSES) parses.delete(parses.keys().next().value as string);
  }
  return parse;
}

export const DependencyTree = forwardRef<HTMLElement, Props>(function DependencyTree({ id, text, label, onClose }, ref) {
  const loaded = useLoad(text, parseOf);
  const title = useId();

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };

  return (
    <section id={id} className="dep-tree" ref={ref} tabIndex={-1} aria-labelledby={title} aria-busy={loaded.state === 'loading'} onKeyDown={onKeyDown}>
      <div className="dep-tree-head">
        <h3 id={title}>
          Parse <span className="muted small">{label}</span>
        </h3>
        <button type="button" className="close" aria-label="Close the parse" onClick={onClose}>
          ×
        </button>
      </div>
      <Status loaded={loaded}>{(parse) => parse.sentences.map((s) => <SentenceTree key={s.start} tokens={relative(parse.tokens.slice(s.tokenStart, s.tokenEnd), s.tokenStart)} />)}</Status>
    </section>
  );
});

/** A sentence's tokens with heads counted from its first token. */
function relative(tokens: ParsedToken[], first: number): ParsedToken[] {
  return tokens.map((t) => ({ ...t, head: t.head < 0 ? -1 : t.head - first }));
}

const WORD_FONT = '15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const SMALL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Text widths in the diagram's fonts, from a canvas; a rough estimate where there is none. */
function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const width = (font: string, size: number) => (text: string) => {
    if (!context) return text.length * size * 0.6;
    context.font = font;
    return context.measureText(text).width;
  };
  return { word: width(WORD_FONT, 15), small: width(SMALL_FONT, 11) };
}

/** Height of one arc level, smaller when a sentence nests deep, so the diagram stays short. */
const levelHeight = (levels: number) => Math.max(14, Math.min(28, 200 / Math.max(1, levels)));

function SentenceTree({ tokens }: { tokens: ParsedToken[] }) {
  // An id fit for url(#…): React's ids hold characters that need escaping there.
  const arrow = `dep-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const layout: TreeLayout = useMemo(() => layoutTree(tokens, canvasMeasure()), [tokens]);
  const box = useRef<HTMLDivElement>(null);
  const overflows = useOverflow(box);
  const step = levelHeight(layout.levels);
  const top = 22;
  const base = top + (layout.levels + 0.5) * step;
  const height = base + 40;
  const root = layout.words.find((w) => w.isRoot);
  return (
    <>
      <div className="dep-tree-scroll scroll-shadows" ref={box} tabIndex={0} role="group" aria-label="Dependency arcs (scrolls sideways)">
        <svg width={layout.width} height={height} viewBox={`0 0 ${layout.width} ${height}`} aria-hidden="true" data-testid="dep-tree-svg">
          <defs>
            <marker id={arrow} viewBox="0 0 8 8" refX="4" refY="8" markerWidth="7" markerHeight="7" orient="0">
              <path d="M0,0 L8,0 L4,8 z" className="dep-arrowhead" />
            </marker>
          </defs>
          {layout.arcs.map((arc) => {
            const from = layout.words[arc.head].x + (arc.dependent > arc.head ? 3 : -3);
            const to = layout.words[arc.dependent].x + (arc.head > arc.dependent ? 3 : -3);
            const y = base - arc.level * step;
            const bend = Math.min(12, Math.abs(to - from) / 3);
            const direction = to > from ? 1 : -1;
            const mid = (from + to) / 2;
            return (
              <g key={`${arc.head}-${arc.dependent}`} className="dep-arc">
                <path
                  d={`M${from},${base - 4} L${from},${y + bend} Q${from},${y} ${from + direction * bend},${y} L${to - direction * bend},${y} Q${to},${y} ${to},${y + bend} L${to},${base - 6}`}
                  markerEnd={`url(#${arrow})`}
                />
                <text x={mid} y={y} dy="0.35em" textAnchor="middle" className="dep-label">
                  {arc.label}
                </text>
              </g>
            );
          })}
          {root && (
            <g className="dep-arc dep-root">
              <path d={`M${root.x},${top - 6} L${root.x},${base - 6}`} markerEnd={`url(#${arrow})`} />
              <text x={root.x} y={top - 10} textAnchor="middle" className="dep-label root-label">
                root
              </text>
            </g>
          )}
          {layout.words.map((w, i) => (
            <g key={i}>
              <text x={w.x} y={base + 14} textAnchor="middle" className={`dep-word${w.isRoot ? ' is-root' : ''}`}>
                {w.token.text}
              </text>
              <text x={w.x} y={base + 31} textAnchor="middle" className="dep-pos">
                {w.token.upos}
              </text>
            </g>
          ))}
        </svg>
      </div>
      {overflows && (
        <p className="dep-tree-more muted small" aria-hidden="true">
          {tokens.length} words: scroll sideways for the rest →
        </p>
      )}
      <ol className="visually-hidden" aria-label="Each word, its head and the relation">
        {tokens.map((t, i) => (
          <li key={i}>{t.head < 0 ? `${t.text} (${t.upos}): root of the sentence` : `${t.text} (${t.upos}) → ${tokens[t.head]?.text ?? '?'} (${t.deprel})`}</li>
        ))}
      </ol>
    </>
  );
}
