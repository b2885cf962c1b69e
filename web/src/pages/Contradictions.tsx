import { useState } from 'react';
import { CONTRADICTION_THRESHOLD } from '../../../src/core/corpus/claims.js';
import type { ArticleSummaryJSON, ContradictionJSON } from '../../../src/server/types.js';
import { query, useApi } from '../api.js';
import { StatementList } from '../components/StatementList.js';
import { Status } from '../components/Status.js';

/** Every contradiction and reversal, one group per proposition, strongest first, with each claim's evidence. */
export function ContradictionsPage() {
  const [all, setAll] = useState(false);
  const loaded = useApi<ContradictionJSON[]>(`/api/contradictions${query({ all: all ? 'true' : undefined })}`);
  const articles = useApi<ArticleSummaryJSON[]>('/api/articles');
  const titles = new Map(articles.state === 'ready' ? articles.data.map((a) => [a.id, a]) : []);
  return (
    <>
      <h1>Contradictions</h1>
      <label className="small">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Also show weak pairs (score under {CONTRADICTION_THRESHOLD})
      </label>
      <Status loaded={loaded}>
        {(groups) => (
          <>
            <ContradictionCount groups={groups} />
            {groups.map((g) => {
              const denials = g.claims.filter((c) => c.stance === 'deny');
              const affirmations = g.claims.filter((c) => c.stance !== 'deny');
              const reasons = [...new Map(g.pairs.map((p) => [p.reason, p.score])).entries()];
              const articleCount = new Set(g.claims.map((c) => c.article)).size;
              return (
                <section key={g.id} className="card board" aria-label={`${g.kind} ${g.id}`}>
                  <h2>
                    <span className={`badge ${g.kind}`}>{g.kind}</span> {g.proposition}: {g.claims.length} claims in {articleCount} article{articleCount === 1 ? '' : 's'}, score {g.score.toFixed(2)}
                  </h2>
                  <div className="two-columns">
                    <EvidenceColumn label="Denied" claims={denials} titles={titles} />
                    <EvidenceColumn label="Asserted" claims={affirmations} titles={titles} />
                  </div>
                  <details>
                    <summary>Why ({reasons.length})</summary>
                    <ul className="small">
                      {reasons.map(([reason, score]) => (
                        <li key={reason}>
                          {score.toFixed(2)} {reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                </section>
              );
            })}
          </>
        )}
      </Status>
    </>
  );
}

/**
 * How many contradictions, in the unit /api/health and `claimgraph demo` count: claim pairs scoring
 * at least the threshold (docs/corpus.md); weaker pairs shown on request are counted apart.
 */
function ContradictionCount({ groups }: { groups: ContradictionJSON[] }) {
  const pairs = groups.flatMap((g) => g.pairs);
  const strong = pairs.filter((p) => p.score >= CONTRADICTION_THRESHOLD).length;
  const weak = pairs.length - strong;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return (
    <p className="muted contradiction-count">
      <strong>{n(strong, 'contradiction', 'contradictions')}</strong> (claim pairs scoring ≥ {CONTRADICTION_THRESHOLD})
      {weak > 0 && ` and ${n(weak, 'weaker pair', 'weaker pairs')}`} on {n(groups.length, 'proposition', 'propositions')}: speakers of different sides deny
      what others assert, or one speaker changes position. Strongest first.
    </p>
  );
}

function EvidenceColumn({ label, claims, titles }: { label: string; claims: ContradictionJSON['claims']; titles: Map<string, ArticleSummaryJSON> }) {
  const statements = claims.map((c) => ({ ...c, quote: '', title: titles.get(c.article)?.title ?? null, source: titles.get(c.article)?.source ?? null, duplicate: false }));
  return (
    <div>
      <h3>{label}</h3>
      <StatementList statements={statements} showSpeaker />
    </div>
  );
}
