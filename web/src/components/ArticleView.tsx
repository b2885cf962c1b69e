import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleJSON, CorpusContextJSON, LinkedContradictionJSON } from '../../../src/server/types.js';
import { ArticleIndex } from '../article.js';
import { speakerColors } from '../highlight.js';
import { href } from '../router.js';
import { ArticleText } from './ArticleText.js';
import { SidePanel } from './SidePanel.js';

interface Props {
  article: ArticleJSON;
  /** Where the article stands in the corpus, when known. */
  corpus?: Pick<CorpusContextJSON, 'stored' | 'duplicateOf' | 'story'> & { contradictions: LinkedContradictionJSON[] };
  /** Canonical entity id of each article entity (stored articles). */
  canonical?: Record<string, string>;
  /** A claim ("c8") or a quote ("q8") to bring into view at once. */
  focus?: { claim?: string | null; quote?: string | null };
}

/** An analysed article: the highlighted text beside the speakers, claims and contradictions. */
export function ArticleView({ article, corpus, canonical, focus }: Props) {
  const index = useMemo(() => new ArticleIndex(article), [article]);
  const colorOf = useMemo(() => speakerColors(article), [article]);
  const textBox = useRef<HTMLDivElement>(null);
  const [parseSentences, setParseSentences] = useState(false);
  const entityHref = useCallback((local: string) => (canonical?.[local] ? href('entities', canonical[local]) : null), [canonical]);

  const jumpToQuote = useCallback((quote: string) => {
    const mark = textBox.current?.querySelector<HTMLElement>(`[data-quote="${CSS.escape(quote)}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
    mark.classList.remove('flash');
    // Restarts the animation when the same quote is jumped to twice.
    void mark.offsetWidth;
    mark.classList.add('flash');
  }, []);
  const jumpToClaim = useCallback((claim: string) => {
    const quote = index.claims.get(claim)?.quote;
    if (quote) jumpToQuote(quote);
  }, [index, jumpToQuote]);

  useEffect(() => {
    if (focus?.claim) jumpToClaim(focus.claim);
    else if (focus?.quote) jumpToQuote(focus.quote);
  }, [focus?.claim, focus?.quote, jumpToClaim, jumpToQuote]);

  return (
    <div className="article-view">
      <article className="article-body" ref={textBox} aria-label="Article text">
        <div className="article-tools">
          <p className="article-meta muted">
            {[article.meta.source, article.meta.dateline, article.meta.published, `${article.quotes.length} quotes, ${article.claims.length} claims`].filter(Boolean).join(' · ')}
          </p>
          <button type="button" className="toggle" aria-pressed={parseSentences} onClick={() => setParseSentences((on) => !on)}>
            Sentence trees
          </button>
        </div>
        <ArticleText article={article} index={index} colorOf={colorOf} entityHref={entityHref} parseSentences={parseSentences} />
      </article>
      <SidePanel index={index} colorOf={colorOf} corpus={corpus} entityHref={entityHref} onJump={jumpToClaim} />
    </div>
  );
}
