import { CONTRADICTION_THRESHOLD } from '../../core/corpus/claims.js';
import { OFFSET_USAGE, STORE_USAGE, queryCommand } from './corpus-store.js';

const USAGE = `Usage: claimgraph contradictions [--all] [--limit N] [--offset N] [--db PATH] [--json]

Lists where sources contradict each other: one side denies the proposition another side affirms
(within an article or across articles; an outlet's unattributed headline and lead speak for the
outlet), and reversals, where one speaker affirms and later denies. Each group is one proposition
with its claims (article, speaker, stance, text, character offsets) and its pairs, each with a
score in [0, 1] and the evidence: the shared proposition and why the stances oppose. Groups and
pairs come strongest first; pairs scoring under ${CONTRADICTION_THRESHOLD} are hidden (docs/corpus.md).

Options:
  --all         also list the pairs scoring under ${CONTRADICTION_THRESHOLD}
  --limit N     at most N groups (the strongest)
${OFFSET_USAGE}
${STORE_USAGE}`;

export const contradictionsCommand = queryCommand({
  name: 'contradictions',
  usage: USAGE,
  options: { all: { type: 'boolean' } },
  query: (store, values, page) => store.contradictions({ all: values.all === true, ...page }),
  render: (rows) =>
    rows
      .map((x) => {
        const claims = x.claims.map((c, i) => `  [${i}] ${c.speaker?.name ?? '(unknown)'} ${c.stance}${c.date ? `, ${c.date}` : ''}: ${c.text}\n      ${c.article} ${c.claim} ${c.start}–${c.end}`);
        const pairs = x.pairs.map((p) => `  ${p.score.toFixed(2)} ${p.claims[0]} × ${p.claims[1]}: ${p.reason}`);
        return [`${x.kind} ${x.id} on ${x.proposition} (score ${x.score.toFixed(2)})`, ...claims, ...pairs].join('\n');
      })
      .join('\n\n'),
});
