import { OFFSET_USAGE, STORE_USAGE, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph stories [--q TEXT] [--limit N] [--offset N] [--db PATH] [--json]

Lists the stories the corpus's articles were clustered into, largest first. Each story lists its
articles with id, title, source and path or URL; a near-copy names the article it copies.

Options:
  --q TEXT      only stories with an article whose title or text holds every word of TEXT
  --limit N     at most N stories
${OFFSET_USAGE}
${STORE_USAGE}`;

export const storiesCommand = queryCommand({
  name: 'stories',
  usage: USAGE,
  options: { q: { type: 'string' } },
  query: (store, values, page) => store.stories({ q: values.q as string | undefined, ...page }),
  render: (rows) =>
    rows
      .map((s) => {
        const dates = s.first ? ` (${s.first === s.last ? s.first : `${s.first} – ${s.last}`})` : '';
        const lines = s.articles.map((a) => {
          const copy = a.duplicateOf ? `  [copy of ${a.duplicateOf}, similarity ${a.similarity?.toFixed(2)}]` : '';
          return `  ${a.id}  ${a.title ?? '(untitled)'}${a.source ? ` — ${a.source}` : ''}\n      ${a.url ?? a.path ?? ''}${copy}`;
        });
        return [`${s.label}${dates}  [${s.id}, ${s.articles.length} article${s.articles.length === 1 ? '' : 's'}]`, ...lines].join('\n');
      })
      .join('\n\n'),
});
