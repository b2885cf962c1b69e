import type { ArticleEntity, QuoteFacts } from '../article.js';
import { colorStyle, type SpeakerColor } from '../highlight.js';
import { StanceBadge } from './Stance.js';

interface Props {
  facts: QuoteFacts | null;
  color: SpeakerColor;
  position: { top: number; left: number };
  pinned: boolean;
  entityHref?: (local: string) => string | null;
  onClose: () => void;
}

/** Who said a quote, in what role, for whom, with what stance, to whom. */
export function QuoteCard({ facts, color, position, pinned, entityHref, onClose }: Props) {
  if (!facts) return null;
  const { quote, claim, speaker, affiliation, addressee } = facts;
  const name = (entity: ArticleEntity | null, fallback: string) => {
    if (!entity) return <span className="muted">{fallback}</span>;
    const link = entityHref?.(entity.id);
    return link ? <a href={link}>{entity.name}</a> : <span>{entity.name}</span>;
  };
  return (
    <div id="quote-card" className="quote-card" role="tooltip" style={{ ...position, ...colorStyle(color) }}>
      <div className="quote-card-head">
        <span className="swatch" aria-hidden="true" />
        <strong data-testid="card-speaker">{name(speaker, 'unknown speaker')}</strong>
        {pinned && (
          <button type="button" className="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <dl>
        {speaker && speaker.roles.length > 0 && (
          <>
            <dt>Role</dt>
            <dd>{speaker.roles.join('; ')}</dd>
          </>
        )}
        <dt>Affiliation</dt>
        <dd>{name(affiliation, 'none found')}</dd>
        <dt>Stance</dt>
        <dd>
          {claim ? <StanceBadge stance={claim.stance} /> : <span className="muted">no claim</span>}
          {quote.cue && (
            <span className="muted">
              {' '}
              (cue “{quote.cue.text}”{quote.cue.negated ? ', negated' : ''})
            </span>
          )}
        </dd>
        <dt>Addressee</dt>
        <dd>{name(addressee, 'none stated')}</dd>
        <dt>Kind</dt>
        <dd>{quote.kind} quote</dd>
      </dl>
    </div>
  );
}
