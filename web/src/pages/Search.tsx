import type { SearchJSON } from '../../../src/server/types.js';
import { query, useApi } from '../api.js';
import { quoted } from '../article.js';
import { StanceBadge } from '../components/Stance.js';
import { Status } from '../components/Status.js';
import { href } from '../router.js';
import { StoryList } from './Stories.js';

/** Full-text search: entities by name, quotes and stories (through their articles) by their words. */
export function SearchPage({ q }: { q: string }) {
  const loaded = useApi<SearchJSON>(q.trim() ? `/api/search${query({ q: q.trim() })}` : null);
  return (
    <>
      <h1>Search</h1>
      <form className="filters" role="search" action="#/search" onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('q');
        window.location.hash = `#/search${query({ q: String(value ?? '') })}`;
      }}>
        <label className="field inline grow">
          <span>Words or a "quoted phrase"</span>
          <input type="search" name="q" defaultValue={q} key={q} />
        </label>
        <button type="submit" className="primary">Search</button>
      </form>
      {!q.trim() ? (
        <p className="muted">Every word must occur; "quotes" keep a phrase together.</p>
      ) : (
        <Status loaded={loaded}>
          {({ entities, quotes, stories }) => (
            <>
              <section className="card">
                <h2>Entities ({entities.length})</h2>
                <p>
                  {entities.length === 0 && <span className="muted">None.</span>}
                  {entities.map((e, i) => (
                    <span key={e.id}>
                      {i > 0 && ' · '}
                      <a href={href('entities', e.id)}>{e.name}</a> <span className="muted small">{e.type}</span>
                    </span>
                  ))}
                </p>
              </section>
              <section className="card">
                <h2>Quotes ({quotes.length})</h2>
                {quotes.length === 0 && <p className="muted">None.</p>}
                <ul className="statements">
                  {quotes.map((quote) => (
                    <li key={`${quote.article}#${quote.quote}`}>
                      <strong>{quote.speaker ? <a href={href('entities', quote.speaker.id)}>{quote.speaker.name}</a> : 'Unknown speaker'}</strong>{' '}
                      {quote.cueClass && <StanceBadge stance={quote.cueClass} />} {quoted(quote.text, 220)}{' '}
                      <a className="small" href={`${href('articles', quote.article)}?quote=${encodeURIComponent(quote.quote)}`}>
                        in context
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
              <h2>Stories ({stories.length})</h2>
              <StoryList stories={stories} />
            </>
          )}
        </Status>
      )}
    </>
  );
}
