import { useState } from 'react';
import { ENTITY_TYPES } from '../../../src/core/doc.js';
import type { EntityDetailJSON, EntityJSON, StatementJSON } from '../../../src/server/types.js';
import { query, useApi } from '../api.js';
import { StatementList } from '../components/StatementList.js';
import { Status } from '../components/Status.js';
import { Table } from '../components/Table.js';
import { href, useTitle } from '../router.js';

export function EntitiesPage() {
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const loaded = useApi<EntityJSON[]>(`/api/entities${query({ q: q.trim(), type, limit: 200 })}`);
  return (
    <>
      <h1>Entities</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field inline">
          <span>Name</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Kabulov, Taliban…" />
        </label>
        <label className="field inline">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">any</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
      </form>
      <Status loaded={loaded}>
        {(entities) => (
          <>
            <Table columns={['Name', 'Type', 'Actor code', 'Articles', 'Mentions', 'Also called']}>
              {entities.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={href('entities', e.id)}>{e.name}</a>
                  </td>
                  <td>{e.type}</td>
                  <td>{e.code ? <code className="actor-code">{e.code}</code> : <span className="muted">—</span>}</td>
                  <td className="num">{e.articles}</td>
                  <td className="num">{e.mentions}</td>
                  <td>{e.aliases.join(', ')}</td>
                </tr>
              ))}
            </Table>
            {entities.length === 0 && <p className="muted">No entity matches.</p>}
          </>
        )}
      </Status>
    </>
  );
}

export function EntityPage({ id }: { id: string }) {
  const loaded = useApi<EntityDetailJSON>(`/api/entities/${encodeURIComponent(id)}`);
  useTitle(loaded.state === 'ready' ? loaded.data.entity.name : null);
  return (
    <Status loaded={loaded}>
      {({ entity, said, saidTotal, about, aboutTotal, timeline }) => {
        const most = Math.max(1, ...timeline.map((d) => d.said + d.about));
        return (
          <>
            <h1>{entity.name}</h1>
            <p className="muted">
              {entity.type}
              {entity.code && (
                <>
                  {' · actor code '}
                  <code className="actor-code" title="CAMEO actor code">
                    {entity.code}
                  </code>
                </>
              )}{' '}
              · {entity.articles} articles · {entity.mentions} mentions
              {entity.aliases.length > 0 && ` · also ${entity.aliases.join(', ')}`}
            </p>
            <section aria-labelledby="timeline-heading" className="card">
              <h2 id="timeline-heading">Timeline</h2>
              <p className="muted small">
                Statements a day: <span className="key said" /> by {entity.name}, <span className="key about" /> about {entity.name}. Syndicated copies are not counted again.
              </p>
              {timeline.length === 0 && <p className="muted">No statements by or about {entity.name}.</p>}
              <ol className="timeline">
                {timeline.map((day) => (
                  <li key={day.date ?? 'undated'}>
                    <span className="date">{day.date ?? 'undated'}</span>
                    <span className="bars" aria-label={`${day.said} said, ${day.about} about`}>
                      <span className="bar said" style={{ width: `${(day.said / most) * 100}%` }} />
                      <span className="bar about" style={{ width: `${(day.about / most) * 100}%` }} />
                    </span>
                    <span className="small">
                      {day.said} said · {day.about} about
                    </span>
                  </li>
                ))}
              </ol>
            </section>
            <div className="two-columns">
              <Statements title={`What ${entity.name} said`} statements={said} total={saidTotal} showSpeaker={false} />
              <Statements title={`Said about ${entity.name}`} statements={about} total={aboutTotal} showSpeaker />
            </div>
          </>
        );
      }}
    </Status>
  );
}

/** A list of statements under its title and total; a long one holds the latest (the timeline above counts all). */
function Statements({ title, statements, total, showSpeaker }: { title: string; statements: StatementJSON[]; total: number; showSpeaker: boolean }) {
  return (
    <section className="card">
      <h2>
        {title} ({total})
      </h2>
      {statements.length < total && <p className="muted small">The latest {statements.length} of {total.toLocaleString('en')}.</p>}
      <StatementList statements={statements} showSpeaker={showSpeaker} />
    </section>
  );
}
