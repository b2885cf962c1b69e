import { useEffect, useState } from 'react';

/**
 * Hash routes (#/entities/n12?q=x): the server serves one page, and every view has an address an
 * analyst can bookmark or share.
 */

export interface Route {
  /** Path segments, decoded: "#/entities/n12" → ["entities", "n12"]. */
  path: string[];
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  return { path: path.split('/').filter(Boolean).map(decodeSegment), query: new URLSearchParams(search) };
}

/** A segment decoded, or as written when it is not valid percent-encoding ("%E0%A4%A"): the page then says it found nothing. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The window title: the page's name (an article's headline, an entity's name), then the app's. */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · claimgraph` : 'claimgraph';
  }, [title]);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** The href of a route: href('entities', id) → "#/entities/<id>". */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
