import type { StatementJSON } from '../../../src/server/types.js';
import { quoted } from '../article.js';
import { href } from '../router.js';
import { StanceBadge } from './Stance.js';

/** Claims with their evidence: speaker, stance, the quoted words, and where they were said. */
export function StatementList({ statements, showSpeaker }: { statements: StatementJSON[]; showSpeaker: boolean }) {
  if (statements.length === 0) return <p className="muted">None.</p>;
  return (
    <ul className="statements">
      {statements.map((s) => (
        <li key={`${s.article}#${s.claim}`}>
          <p>
            {showSpeaker && <strong>{s.speaker ? <a href={href('entities', s.speaker.id)}>{s.speaker.name}</a> : 'Unknown speaker'} </strong>}
            <StanceBadge stance={s.stance} /> {quoted(s.text, 220)}
          </p>
          <p className="small muted">
            <a href={`${href('articles', s.article)}?claim=${encodeURIComponent(s.claim)}`}>{s.title ?? 'untitled article'}</a>
            {s.source && ` — ${s.source}`}
            {s.date && `, ${s.date}`} · characters {s.start}–{s.end}
            {s.duplicate && <span className="badge copy">copy</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
