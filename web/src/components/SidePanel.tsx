import type { ReactNode } from 'react';
import { CONTRADICTION_THRESHOLD } from '../../../src/core/corpus/claims.js';
import type { CorpusContextJSON, LinkedContradictionJSON } from '../../../src/server/types.js';
import { clip, quoted, type ArticleEntity, type ArticleEvent, type ArticleIndex } from '../article.js';
import { colorStyle, type SpeakerColor } from '../highlight.js';
import { href } from '../router.js';
import { StanceBadge } from './Stance.js';

interface Props {
  index: ArticleIndex;
  colorOf: (speaker: string | null) => SpeakerColor;
  corpus?: Pick<CorpusContextJSON, 'stored' | 'duplicateOf' | 'story'> & { contradictions: LinkedContradictionJSON[] };
  entityHref: (local: string) => string | null;
  onJump: (claim: string) => void;
}

/** Speakers with their claims, the article's contradictions, and its contradictions elsewhere. */
export function SidePanel({ index, colorOf, corpus, entityHref, onJump }: Props) {
  const { article } = index;
  const speakerName = (claim: string) => {
    const found = index.claims.get(claim);
    if (found?.quote === null) return 'the outlet';
    return index.entity(found?.speaker ?? null)?.name ?? 'unknown speaker';
  };
  const jump = (claim: string, label: string) => (
    <button type="button" className="link" onClick={() => onJump(claim)}>
      {label}
    </button>
  );
  return (
    <aside className="side-panel" aria-label="Speakers and contradictions">
      <section aria-labelledby="speakers-heading">
        <h3 id="speakers-heading">Speakers ({index.speakers().length})</h3>
        <ul className="speakers">
          {index.speakers().map(({ speaker, claims }) => (
            <li key={speaker?.id ?? 'unknown'} className="speaker" style={colorStyle(colorOf(speaker?.id ?? null))}>
              <div className="speaker-head">
                <span className="swatch" aria-hidden="true" />
                <SpeakerName entity={speaker} entityHref={entityHref} />
              </div>
              {speaker && (speaker.roles.length > 0 || speaker.affiliation || speaker.code) && (
                <span className="speaker-role muted">
                  {[speaker.roles[0], index.entity(speaker.affiliation)?.name].filter(Boolean).join(' · ')}
                  {speaker.code && <code className="actor-code" title="CAMEO actor code">{speaker.code}</code>}
                </span>
              )}
              <ul className="claims">
                {claims.map((claim) => (
                  <li key={claim.id}>
                    <StanceBadge stance={claim.stance} /> {jump(claim.id, clip(claim.proposition.text, 110))}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="contradictions-heading">
        <PairLists
          heading={(count) => <h3 id="contradictions-heading">Contradictions in this article ({count})</h3>}
          pairs={article.contradictions}
          none={<p className="muted">None found.</p>}
          render={({ claims: [a, b], reason, score }) => (
            <li key={`${a}-${b}`} className="contradiction">
              <p>
                {jump(a, speakerName(a))} <StanceBadge stance={index.claims.get(a)?.stance ?? 'other'} /> ↔ {jump(b, speakerName(b))}{' '}
                <StanceBadge stance={index.claims.get(b)?.stance ?? 'other'} />
              </p>
              <p className="muted small">
                {score.toFixed(2)} · {reason}
              </p>
            </li>
          )}
        />
      </section>

      <EventsSection events={article.events} index={index} jump={jump} />

      {corpus && <CorpusSection corpus={corpus} speakerName={speakerName} jump={jump} />}
    </aside>
  );
}

/** Who did what to whom: source → CAMEO code → target, negation and modality, and whose claim holds it. */
function EventsSection({ events, index, jump }: { events: ArticleEvent[]; index: ArticleIndex; jump: (claim: string, label: string) => ReactNode }) {
  const actor = (a: ArticleEvent['source']) =>
    a ? (
      <span className="event-actor">
        {index.entity(a.entity)?.name ?? clip(a.text, 40)}
        {a.code && <code className="actor-code">{a.code}</code>}
      </span>
    ) : (
      <span className="muted">—</span>
    );
  return (
    <section aria-labelledby="events-heading">
      <h3 id="events-heading">Events ({events.length})</h3>
      {events.length === 0 && <p className="muted">None coded.</p>}
      <ul className="events">
        {events.map((e) => (
          <li key={e.id} className="event" data-plover={e.plover?.type ?? 'none'}>
            {actor(e.source)} → <code className="event-code" title={e.plover ? `PLOVER ${e.plover.type}` : undefined}>{e.code}</code>{' '}
            <span className="event-predicate">{e.negated ? 'not ' : ''}{e.predicate.text}</span> → {actor(e.target)}
            <span className="muted small">
              {' '}
              {e.plover?.type ?? ''}
              {e.modality !== 'asserted' ? ` · ${e.modality}` : ''}
            </span>
            {e.claim && <span className="small"> · in {jump(e.claim, index.entity(index.claims.get(e.claim)?.speaker ?? null)?.name ?? 'a claim')}’s claim</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function SpeakerName({ entity, entityHref }: { entity: ArticleEntity | null; entityHref: (local: string) => string | null }) {
  if (!entity) return <strong className="muted">Unknown speaker</strong>;
  const link = entityHref(entity.id);
  return <strong>{link ? <a href={link}>{entity.name}</a> : entity.name}</strong>;
}

function CorpusSection({ corpus, speakerName, jump }: {
  corpus: NonNullable<Props['corpus']>;
  speakerName: (claim: string) => string;
  jump: (claim: string, label: string) => ReactNode;
}) {
  return (
    <section aria-labelledby="corpus-heading" className="in-corpus">
      <h3 id="corpus-heading">Across the corpus ({corpus.contradictions.filter(isContradiction).length})</h3>
      <p className="small">
        {corpus.stored ? 'Stored in the corpus.' : 'Not stored (analysed only).'}{' '}
        {corpus.story ? (
          <>
            Story: <a href={href('stories', corpus.story.id)}>{corpus.story.label}</a>.
          </>
        ) : (
          'It would start a new story.'
        )}{' '}
        {corpus.duplicateOf && (
          <>
            A copy of <a href={href('articles', corpus.duplicateOf)}>another article</a>.
          </>
        )}
      </p>
      <PairLists
        pairs={corpus.contradictions}
        none={<p className="muted">No contradiction with other articles.</p>}
        render={(c) => (
          <li key={`${c.id}-${c.claim}`} className="contradiction cross" data-kind={c.kind}>
            <p>
              {jump(c.claim, speakerName(c.claim))} ↔ <strong>{c.other.speaker?.name ?? 'unknown speaker'}</strong>{' '}
              <StanceBadge stance={c.other.stance} /> {quoted(c.other.text, 100)}
            </p>
            <p className="small">
              in{' '}
              <a className="other-article" href={`${href('articles', c.other.article)}?claim=${encodeURIComponent(c.other.claim)}`}>
                {c.other.title ?? 'untitled article'}
              </a>
              {c.other.source && <span className="muted"> — {c.other.source}</span>}
              {c.other.date && <span className="muted">, {c.other.date}</span>}
              {c.kind === 'reversal' && <span className="badge">reversal</span>}
            </p>
            <p className="muted small">
              {c.score.toFixed(2)} · {c.reason}
            </p>
          </li>
        )}
      />
    </section>
  );
}

const isContradiction = (pair: { score: number }) => pair.score >= CONTRADICTION_THRESHOLD;

/**
 * Contradiction pairs as everywhere else counts them, scoring at least the threshold (docs/corpus.md),
 * then the weaker pairs, folded away.
 */
function PairLists<T extends { score: number }>({ heading, pairs, none, render }: {
  heading?: (count: number) => ReactNode;
  pairs: T[];
  none: ReactNode;
  render: (pair: T) => ReactNode;
}) {
  const strong = pairs.filter(isContradiction);
  const weak = pairs.filter((p) => !isContradiction(p));
  return (
    <>
      {heading?.(strong.length)}
      {strong.length === 0 && none}
      <ul className="contradictions">{strong.map(render)}</ul>
      {weak.length > 0 && (
        <details className="weaker-pairs">
          <summary className="small">
            Weaker pairs ({weak.length}, score under {CONTRADICTION_THRESHOLD})
          </summary>
          <ul className="contradictions">{weak.map(render)}</ul>
        </details>
      )}
    </>
  );
}
