import type { ArticleSummaryJSON, ContradictionJSON } from '../../../src/server/types.js';
import { useApi } from '../api.js';
import { StatementList } from '../components/StatementList.js';
import { Status } from '../components/Status.js';

/** Every contradiction and reversal, grouped by matter, with each claim's evidence. */
export function ContradictionsPage() {
  const loaded = useApi<ContradictionJSON[]>('/api/contradictions');
  const articles = useApi<ArticleSummaryJSON[]>('/api/articles');
  const titles = new Map(articles.state === 'ready' ? articles.data.map((a) => [a.id, a]) : []);
  return (
    <>
      <h1>Contradictions</h1>
      <Status loaded={loaded}>
        {(groups) => (
          <>
            <p className="muted">
              {groups.length} matter{groups.length === 1 ? '' : 's'} on which speakers of different sides deny what others assert, or one speaker changes position.
            </p>
            {groups.map((g) => {
              const denials = g.claims.filter((c) => c.stance === 'deny');
              const affirmations = g.claims.filter((c) => c.stance !== 'deny');
              const reasons = [...new Set(g.pairs.map((p) => p.reason))];
              const articleCount = new Set(g.claims.map((c) => c.article)).size;
              return (
                <section key={g.id} className="card board" aria-label={`${g.kind} ${g.id}`}>
                  <h2>
                    <span className={`badge ${g.kind}`}>{g.kind}</span> {g.claims.length} claims in {articleCount} article{articleCount === 1 ? '' : 's'}
                  </h2>
                  <div className="two-columns">
                    <EvidenceColumn label="Denied" claims={denials} titles={titles} />
                    <EvidenceColumn label="Asserted" claims={affirmations} titles={titles} />
                  </div>
                  <details>
                    <summary>Why ({reasons.length})</summary>
                    <ul className="small">
                      {reasons.map((r) => (
                        <li key={r}>{r}</li>
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

function EvidenceColumn({ label, claims, titles }: { label: string; claims: ContradictionJSON['claims']; titles: Map<string, ArticleSummaryJSON> }) {
  const statements = claims.map((c) => ({ ...c, quote: '', title: titles.get(c.article)?.title ?? null, source: titles.get(c.article)?.source ?? null, duplicate: false }));
  return (
    <div>
      <h3>{label}</h3>
      <StatementList statements={statements} showSpeaker />
    </div>
  );
}
