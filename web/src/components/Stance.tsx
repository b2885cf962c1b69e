import type { Stance } from '../../../src/core/doc.js';

const LABELS: Record<Stance, string> = {
  assert: 'asserts',
  deny: 'denies',
  accuse: 'accuses',
  condemn: 'condemns',
  threaten: 'threatens',
  question: 'questions',
  other: 'says',
};

/** A stance as a coloured word; the colour repeats what the word says, never replaces it. */
export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={`stance stance-${stance}`}>{LABELS[stance]}</span>;
}
