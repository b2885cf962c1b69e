import { OFFSET_USAGE, STORE_USAGE, countOption, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph stories [--q TEXT] [--articles N] [--limit N] [--offset N] [--db PATH] [--json]

Lists the stories the corpus's articles were clustered into, largest first. Each story lists its
articles with id, title, source and path or URL; a near-copy names the article it copies.

Options:
  --q TEXT      only stories with an article whose title or text holds every word of TEXT
  --articles N  list only each story's first N articles (its size is given all the same)
  --limit N     at most N stories
${OFFSET_USAGE}
${STORE_USAGE}`;

export const storiesCommand = queryCommand({
  name: 'stories',
  usage: USAGE,
  options: { q: { type: 'string' }, articles: { type: 'string' } },
  query: (store, values, page) => store.stories({ q: values.q as string | undefined, articles: countOption(values, 'articles', 1), ...page }),
  render: (rows) =>
    rows
      .map((s) => {
        const dates = s.first ? ` (${s.first === s.last ? s.first : `${s.first} – ${s.last}`})` : '';
        const lines = s.articles.map((a) => {
          const copy = a.duplicateOf ? `  [copy of ${a.duplicateOf}, similarity ${a.similarity?.toFixed(2)}]` : '';
          return `  ${a.id}  ${a.title ?? '(untitled)'}${a.source ? ` — ${a.source}` : ''}\n      ${a.url ?? a.path ?? ''}${copy}`;
        });
        const more = s.size > s.articles.length ? [`  … and ${s.size - s.articles.length} more`] : [];
        return [`${s.label}${dates}  [${s.id}, ${s.size} article${s.size === 1 ? '' : 's'}]`, ...lines, ...more].join('\n');
      })
      .join('\n\n'),
});
