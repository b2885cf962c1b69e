import { STORE_USAGE, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph contradictions [--limit N] [--db PATH] [--json]

Lists where sources contradict each other: denials set against assertions on the same matter by
speakers of other sides (within an article or across articles), and reversals, where one speaker
affirms and later denies. Claims at odds over one matter are grouped; each claim comes with its
article, speaker, stance, quote text and character offsets.

Options:
  --limit N     at most N groups (the earliest)
${STORE_USAGE}`;

export const contradictionsCommand = queryCommand({
  name: 'contradictions',
  usage: USAGE,
  options: { limit: { type: 'string' } },
  query: (store, _values, limit) => store.contradictions({ limit }),
  render: (rows) =>
    rows
      .map((x) => {
        const claims = x.claims.map((c, i) => `  [${i}] ${c.speaker?.name ?? '(unknown)'} ${c.stance}${c.date ? `, ${c.date}` : ''}: ${c.text}\n      ${c.article} ${c.claim} ${c.start}–${c.end}`);
        const pairs = x.pairs.map((p) => `  ${p.claims[0]} × ${p.claims[1]}: ${p.reason}`);
        return [`${x.kind} ${x.id}`, ...claims, ...pairs].join('\n');
      })
      .join('\n\n'),
});
