import { useMemo, useRef, useState } from 'react';
import type { ArticleDetailJSON, StoryDetailJSON, StoryJSON } from '../../../src/server/types.js';
import { useApi, usePaged } from '../api.js';
import { ArticleIndex, quoted } from '../article.js';
import { ArticleText } from '../components/ArticleText.js';
import { MoreButton } from '../components/MoreButton.js';
import { StanceBadge } from '../components/Stance.js';
import { Status } from '../components/Status.js';
import { colorScale, colorStyle, type SpeakerColor } from '../highlight.js';
import { useOverflow } from '../overflow.js';
import { href, useTitle } from '../router.js';

/** Stories read per page, largest first, each with its first articles (a story can hold thousands). */
const STORIES_PAGE = 50;
const STORY_ARTICLES = 20;

export function StoriesPage() {
  const paged = usePaged<StoryJSON>('/api/stories', { articles: STORY_ARTICLES }, STORIES_PAGE);
  return (
    <>
      <h1>Stories</h1>
      <Status loaded={paged.loaded}>{(stories) => <StoryList stories={stories} />}</Status>
      <MoreButton paged={paged} size={STORIES_PAGE} what="stories" />
    </>
  );
}

export function StoryList({ stories }: { stories: StoryJSON[] }) {
  if (stories.length === 0) return <p className="muted">No story.</p>;
  return (
    <ul className="cards">
      {stories.map((s) => {
        const copies = s.articles.filter((a) => a.duplicateOf).length;
        const partial = s.articles.length < s.size;
        return (
          <li key={s.id} className="card">
            <h2>
              <a href={href('stories', s.id)}>{s.label}</a>
            </h2>
            <p className="muted small">
              {s.size.toLocaleString('en')} article{s.size === 1 ? '' : 's'}
              {copies > 0 && `, ${copies} syndicated cop${copies === 1 ? 'y' : 'ies'}${partial ? ` among the first ${s.articles.length}` : ''}`}
              {s.first && ` · ${s.first === s.last ? s.first : `${s.first} – ${s.last}`}`}
            </p>
            <p className="small">{[...new Set(s.articles.map((a) => a.source ?? 'unknown source'))].join(' · ')}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function StoryPage({ id }: { id: string }) {
  const loaded = useApi<StoryDetailJSON>(`/api/stories/${encodeURIComponent(id)}`);
  useTitle(loaded.state === 'ready' ? loaded.data.story.label : null);
  return <Status loaded={loaded}>{(detail) => <Story detail={detail} />}</Status>;
}

function Story({ detail: { story, matrix, claimsLimit } }: { detail: StoryDetailJSON }) {
  // Canonical speakers, in the matrix's order, keep their colour across the columns.
  const colorOf = useMemo(() => colorScale(matrix.speakers.map((s) => s.id)), [matrix]);
  return (
        <>
          <h1>{story.label}</h1>
          <p className="muted">
            {story.size} articles{story.first && ` · ${story.first === story.last ? story.first : `${story.first} – ${story.last}`}`}
          </p>
          <section aria-labelledby="matrix-heading" className="card">
            <h2 id="matrix-heading">Who says what</h2>
            {claimsLimit !== null && <p className="muted small">From the story's latest {claimsLimit.toLocaleString('en')} claims.</p>}
            <ClaimsMatrix matrix={matrix} colorOf={colorOf} />
          </section>
          <h2>Articles side by side</h2>
          <p className="muted small">
            Each speaker has one colour in every article.
            {story.size > story.articles.length && ` The first ${story.articles.length} of ${story.size} articles.`}
          </p>
          <div className="side-by-side">
            {story.articles.map((a) => (
              <StoryColumn key={a.id} article={a} original={story.articles.find((o) => o.id === a.duplicateOf)?.title ?? null} colorOf={colorOf} />
            ))}
          </div>
        </>
  );
}

function StoryColumn({ article, original, colorOf }: { article: StoryJSON['articles'][number]; original: string | null; colorOf: (speaker: string | null) => SpeakerColor }) {
  const loaded = useApi<ArticleDetailJSON>(`/api/articles/${encodeURIComponent(article.id)}`);
  return (
    <section className={`card column${article.duplicateOf ? ' is-copy' : ''}`} aria-label={article.title ?? 'article'}>
      <h3>
        <a href={href('articles', article.id)}>{article.title ?? 'Untitled'}</a>
      </h3>
      <p className="small muted">
        {[article.source, article.published?.slice(0, 10)].filter(Boolean).join(' · ') || 'no source or date'}
      </p>
      {article.duplicateOf && (
        <p className="small">
          <span className="badge copy">syndicated copy</span> of <a href={href('articles', article.duplicateOf)}>{original ?? 'an earlier article'}</a>, similarity{' '}
          {article.similarity?.toFixed(2)}
        </p>
      )}
      <Status loaded={loaded}>{(detail) => <ColumnText detail={detail} colorOf={colorOf} />}</Status>
    </section>
  );
}

function ColumnText({ detail, colorOf }: { detail: ArticleDetailJSON; colorOf: (speaker: string | null) => SpeakerColor }) {
  const index = useMemo(() => new ArticleIndex(detail.analysis), [detail]);
  const canonical = (local: string | null) => (local === null ? null : (detail.entities[local] ?? null));
  return (
    <ArticleText
      article={detail.analysis}
      index={index}
      colorOf={(local) => colorOf(canonical(local))}
      entityHref={(local) => (canonical(local) ? href('entities', canonical(local) as string) : null)}
    />
  );
}

function ClaimsMatrix({ matrix, colorOf }: { matrix: StoryDetailJSON['matrix']; colorOf: (speaker: string | null) => SpeakerColor }) {
  const [open, setOpen] = useState<number | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const overflows = useOverflow(wrap);
  if (matrix.cells.length === 0) return <p className="muted">No attributed claims.</p>;
  const cellsAt = (speaker: string, proposition: number) => matrix.cells.map((c, i) => ({ c, i })).filter(({ c }) => c.speaker === speaker && c.proposition === proposition);
  const chosen = open === null ? null : matrix.cells[open];
  return (
    <>
      {overflows && (
        <p className="scroll-hint muted small" aria-hidden="true">
          {matrix.propositions.length} matters: scroll sideways for the rest →
        </p>
      )}
      {/* Scrollable from the keyboard too, when it has to scroll. */}
      <div className="table-wrap scroll-shadows" ref={wrap} tabIndex={overflows ? 0 : undefined} role="group" aria-label="Claims matrix">
        <table className="matrix">
          <caption className="muted small">Speakers × matters (CAMEO events the claims evoke) × stance; copies left out. Choose a stance to read the claims.</caption>
          <thead>
            <tr>
              <th scope="col">Speaker</th>
              {matrix.propositions.map((p) => (
                <th scope="col" key={p.code ?? 'none'}>
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.speakers.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="speaker-cell" style={colorStyle(colorOf(s.id))}>
                  <span className="swatch" aria-hidden="true" /> <a href={href('entities', s.id)}>{s.name}</a>
                </th>
                {matrix.propositions.map((p, column) => (
                  <td key={p.code ?? 'none'}>
                    {cellsAt(s.id, column).map(({ c, i }) => (
                      <button key={i} type="button" className={`chip${open === i ? ' selected' : ''}`} aria-pressed={open === i} onClick={() => setOpen(open === i ? null : i)}>
                        <StanceBadge stance={c.stance} /> {c.claims.length > 1 && `×${c.claims.length}`}
                      </button>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && (
        <ul className="statements" aria-live="polite">
          {chosen.claims.map((claim) => (
            <li key={`${claim.article}#${claim.claim}`}>
              {quoted(claim.text, 240)} — <a href={`${href('articles', claim.article)}?claim=${encodeURIComponent(claim.claim)}`}>in context</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
