import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ArticleJSON } from '../../../src/server/types.js';
import type { ArticleIndex } from '../article.js';
import { colorStyle, quoteStretches, textRuns, type Run, type SpeakerColor } from '../highlight.js';
import { QuoteCard } from './QuoteCard.js';
import { SentenceText } from './SentenceText.js';

/**
 * The article text with every quote highlighted in its speaker's colour and every cue and
 * speaker's words marked. The text goes into the page as text nodes only (React escapes it), never
 * as HTML. Hovering or focusing a quote shows who said it; a click or Enter keeps the card open.
 */

interface Props {
  article: ArticleJSON;
  index: ArticleIndex;
  colorOf: (speaker: string | null) => SpeakerColor;
  /** Href of an article entity's page, when it has one. */
  entityHref?: (local: string) => string | null;
  /** Sentences as buttons that open their dependency tree, in place of the quote cards. */
  parseSentences?: boolean;
}

interface Shown {
  quote: string;
  pinned: boolean;
  /** Where to draw the card, relative to the text block. */
  top: number;
  left: number;
}

const CARD_WIDTH = 320;

export function ArticleText({ article, index, colorOf, entityHref, parseSentences = false }: Props) {
  const runs = useMemo(() => textRuns(article), [article]);
  const stretches = useMemo(() => quoteStretches(runs), [runs]);
  const [shown, setShown] = useState<Shown | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const firstPart = new Set<string>();

  const show = (quote: string, target: HTMLElement, pinned: boolean) => {
    const container = box.current?.getBoundingClientRect();
    const rect = target.getBoundingClientRect();
    if (!container) return;
    const left = Math.max(0, Math.min(rect.left - container.left, container.width - Math.min(CARD_WIDTH, container.width)));
    setShown({ quote, pinned, top: rect.bottom - container.top + 6, left });
  };
  const hide = (quote: string) => setShown((s) => (s && s.quote === quote && !s.pinned ? null : s));
  const events = (quote: string) => ({
    onMouseEnter: (e: { currentTarget: HTMLElement }) => !shown?.pinned && show(quote, e.currentTarget, false),
    onMouseLeave: () => hide(quote),
  });

  const style = (quote: string | null) => colorStyle(colorOf(quote === null ? null : (index.quotes.get(quote)?.speaker ?? null)));

  const renderRun = (run: Run, interactive = true): ReactNode => {
    const content = article.text.slice(run.start, run.end);
    const marker = run.cue ?? run.source;
    if (marker === null) return <span key={run.start}>{content}</span>;
    return (
      <span key={run.start} className={run.cue ? 'cue' : 'speaker-words'} data-cue-of={run.cue ?? undefined} data-source-of={run.source ?? undefined} style={style(marker)} {...(interactive ? events(marker) : {})}>
        {content}
      </span>
    );
  };

  if (parseSentences) {
    // Quotes keep their colours, as plain marks: here the sentences are what a click opens.
    const renderPiece = (run: Run) =>
      run.quote === null ? renderRun(run, false) : (
        <mark key={run.start} className="quote" data-quote={run.quote} style={style(run.quote)}>
          {renderRun(run, false)}
        </mark>
      );
    // Keyed by the text: another article starts with no sentence open.
    return <SentenceText key={article.text} text={article.text} runs={runs} renderRun={renderPiece} />;
  }

  return (
    <div className="article-text" ref={box} onKeyDown={(e) => e.key === 'Escape' && setShown(null)}>
      {stretches.map((stretch) => {
        if (stretch.quote === null) return stretch.runs.map((run) => renderRun(run));
        const facts = index.facts(stretch.quote);
        const quote = stretch.quote;
        const first = !firstPart.has(quote);
        firstPart.add(quote);
        const toggle = (target: HTMLElement) => (shown?.pinned && shown.quote === quote ? setShown(null) : show(quote, target, true));
        return (
          <mark
            key={stretch.runs[0].start}
            className={`quote${shown?.quote === quote ? ' active' : ''}`}
            data-quote={quote}
            data-speaker={facts?.quote.speaker ?? ''}
            style={style(quote)}
            tabIndex={first ? 0 : -1}
            role="button"
            aria-label={`${facts?.quote.kind ?? ''} quote by ${facts?.speaker?.name ?? 'an unknown speaker'}`}
            aria-expanded={shown?.quote === quote && shown.pinned}
            aria-describedby={shown?.quote === quote ? 'quote-card' : undefined}
            {...events(quote)}
            onFocus={(e) => !shown?.pinned && show(quote, e.currentTarget, false)}
            onBlur={() => hide(quote)}
            onClick={(e) => toggle(e.currentTarget)}
            onKeyDown={(e: KeyboardEvent<HTMLElement>) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              toggle(e.currentTarget);
            }}
          >
            {stretch.runs.map((run) => renderRun(run))}
          </mark>
        );
      })}
      {shown && (
        <QuoteCard
          facts={index.facts(shown.quote)}
          color={colorOf(index.quotes.get(shown.quote)?.speaker ?? null)}
          position={{ top: shown.top, left: shown.left }}
          pinned={shown.pinned}
          entityHref={entityHref}
          onClose={() => setShown(null)}
        />
      )}
    </div>
  );
}
