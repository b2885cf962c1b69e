import { OFFSET_USAGE, STORE_USAGE, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph quotes [--speaker NAME] [--q TEXT] [--limit N] [--offset N] [--db PATH] [--json]

Lists the quotes in the corpus, in ingest order, with the speaker resolved to a corpus entity and
the content's character offsets in its article.

Options:
  --speaker NAME  only quotes whose speaker's name or an alias contains NAME (any case)
  --q TEXT        only quotes whose content holds every word and "quoted phrase" of TEXT
  --limit N       at most N quotes
${OFFSET_USAGE}
${STORE_USAGE}`;

export const quotesCommand = queryCommand({
  name: 'quotes',
  usage: USAGE,
  options: { speaker: { type: 'string' }, q: { type: 'string' } },
  query: (store, values, page) => store.quotes({ speaker: values.speaker as string | undefined, q: values.q as string | undefined, ...page }),
  render: (rows) =>
    rows
      .map((q) => `${q.speaker?.name ?? '(unknown speaker)'}${q.cue ? ` (${q.cue})` : ''}: ${q.text}\n    ${q.article} ${q.quote} ${q.start}–${q.end}`)
      .join('\n'),
});
