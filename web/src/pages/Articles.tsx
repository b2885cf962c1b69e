import type { ArticleDetailJSON, ArticleSummaryJSON } from '../../../src/server/types.js';
import { useApi, usePaged } from '../api.js';
import { ArticleView } from '../components/ArticleView.js';
import { EmptyCorpus } from '../components/EmptyCorpus.js';
import { MoreButton } from '../components/MoreButton.js';
import { Status } from '../components/Status.js';
import { Table } from '../components/Table.js';
import { href, useTitle } from '../router.js';

/** Articles read per page: a big corpus has more than a browser should lay out at once. */
const ARTICLES_PAGE = 100;

export function ArticlesPage() {
  const paged = usePaged<ArticleSummaryJSON>('/api/articles', {}, ARTICLES_PAGE);
  const { loaded } = paged;
  return (
    <>
      <h1>Articles</h1>
      <Status loaded={loaded}>
        {(articles) =>
          articles.length === 0 ? (
            <EmptyCorpus>The corpus has no articles yet.</EmptyCorpus>
          ) : (
            // On a phone each row is a card: headline first, then the other columns, each named.
            <Table columns={['Headline', 'Source', 'Published', 'Story']} className="cards-on-phone">
              {articles.map((a) => (
                <tr key={a.id}>
                  <td className="headline">
                    <a href={href('articles', a.id)}>{a.title ?? 'Untitled'}</a>
                    {a.duplicateOf && <span className="badge copy">copy</span>}
                  </td>
                  <td data-label="Source">{a.source ?? '—'}</td>
                  <td data-label="Published">{a.published?.slice(0, 10) ?? '—'}</td>
                  <td data-label="Story">
                    <a href={href('stories', a.story)}>{a.storyLabel}</a>
                  </td>
                </tr>
              ))}
            </Table>
          )
        }
      </Status>
      <MoreButton paged={paged} size={ARTICLES_PAGE} what="articles" />
    </>
  );
}

export function ArticlePage({ id, focus }: { id: string; focus: { claim: string | null; quote: string | null } }) {
  const loaded = useApi<ArticleDetailJSON>(`/api/articles/${encodeURIComponent(id)}`);
  useTitle(loaded.state === 'ready' ? (loaded.data.title ?? 'Untitled article') : null);
  return (
    <Status loaded={loaded}>
      {(a) => (
        <>
          <h1>{a.title ?? 'Untitled article'}</h1>
          <p className="muted">
            {[a.source, a.published?.slice(0, 10)].filter(Boolean).join(' · ')}
            {a.url && (
              <>
                {' · '}
                <a href={a.url} rel="noreferrer noopener" target="_blank">
                  original
                </a>
              </>
            )}
            {a.duplicateOf && (
              <>
                {' · '}
                <span className="badge copy">copy</span> of <a href={href('articles', a.duplicateOf)}>an earlier article</a> (similarity {a.similarity?.toFixed(2)})
              </>
            )}
          </p>
          <ArticleView
            article={a.analysis}
            canonical={a.entities}
            corpus={{ stored: true, duplicateOf: a.duplicateOf, story: { id: a.story, label: a.storyLabel }, contradictions: a.contradictions }}
            focus={focus}
          />
        </>
      )}
    </Status>
  );
}
