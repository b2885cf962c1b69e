import type { ReactNode } from 'react';

/** What an empty corpus page says instead of a blank box: what is missing and how to ingest. */
export function EmptyCorpus({ children }: { children: ReactNode }) {
  return (
    <section className="card empty-corpus" aria-label="How to add articles">
      <p>
        <strong>{children}</strong>
      </p>
      <p>Add articles from a terminal, into the database this server reads, then reload the page:</p>
      <pre>
        <code>claimgraph ingest articles/ feed.xml https://example.com/story --db claimgraph.db</code>
      </pre>
      <p className="small muted">
        Files (.txt, .html, .jsonl), folders, feeds and URLs are all accepted. Programs can POST them to <code>/api/ingest</code> with the server's token (see
        /api/openapi.json); <code>npm start</code> fills an empty database with the demo corpus.
      </p>
    </section>
  );
}
