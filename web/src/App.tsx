import { useEffect, useRef, type FormEvent } from 'react';
import { query } from './api.js';
import { AnalysePage } from './pages/Analyse.js';
import { ArticlePage, ArticlesPage } from './pages/Articles.js';
import { ContradictionsPage } from './pages/Contradictions.js';
import { EntitiesPage, EntityPage } from './pages/Entities.js';
import { NetworkPage } from './pages/Network.js';
import { SearchPage } from './pages/Search.js';
import { StoriesPage, StoryPage } from './pages/Stories.js';
import { useRoute, useTitle, type Route } from './router.js';

const SECTIONS = [
  ['analyse', 'Analyse'],
  ['articles', 'Articles'],
  ['stories', 'Stories'],
  ['entities', 'Entities'],
  ['contradictions', 'Contradictions'],
  ['network', 'Network'],
] as const;

function page({ path: [section = 'analyse', id], query: params }: Route) {
  switch (section) {
    case 'articles':
      return id ? <ArticlePage id={id} focus={{ claim: params.get('claim'), quote: params.get('quote') }} /> : <ArticlesPage />;
    case 'stories':
      return id ? <StoryPage id={id} /> : <StoriesPage />;
    case 'entities':
      return id ? <EntityPage id={id} /> : <EntitiesPage />;
    case 'contradictions':
      return <ContradictionsPage />;
    case 'network':
      return <NetworkPage />;
    case 'search':
      return <SearchPage q={params.get('q') ?? ''} />;
    default:
      return <AnalysePage />;
  }
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const section = route.path[0] ?? 'analyse';
  const key = route.path.join('/');
  // Pages of one article, story or entity name it once it has loaded.
  useTitle(route.path.length > 1 ? null : section === 'search' ? 'Search' : SECTIONS.find(([id]) => id === section)?.[1]);
  const shown = useRef(key);
  useEffect(() => {
    // A new page starts at the top, with the keyboard at its start; the first page starts as any page does.
    if (shown.current === key) return;
    shown.current = key;
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [key]);
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    if (q) window.location.hash = `#/search${query({ q })}`;
  };
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => {
        e.preventDefault();
        main.current?.focus();
      }}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href="#/analyse">
          claimgraph
        </a>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#/${id}`} aria-current={section === id ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form role="search" className="top-search" onSubmit={search}>
          <label className="visually-hidden" htmlFor="top-q">
            Search the corpus
          </label>
          <input id="top-q" name="q" type="search" placeholder="Search the corpus" defaultValue={route.query.get('q') ?? ''} key={key} />
        </form>
      </header>
      <main id="main" ref={main} tabIndex={-1} key={key}>
        {page(route)}
      </main>
    </>
  );
}
