import { CAMEO_PLOVER } from './lexicon/generated/plover.js';

/**
 * CAMEO event codes: their root, GDELT quad class, PLOVER type and mode, and codebook
 * description. The codes themselves come from the event coder (event-coding.ts).
 */

/** The two-digit CAMEO root of a code: "064" → "06". */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

/** The three-digit base code: "0641" → "064". */
export function cameoBase(code: string): string {
  return code.slice(0, 3);
}

/**
 * GDELT's QuadClass: 1 verbal cooperation (roots 01–04), 2 material cooperation (05–08),
 * 3 verbal conflict (09–13), 4 material conflict (14–20).
 */
export function quadClass(code: string): 1 | 2 | 3 | 4 {
  const root = Number(cameoRoot(code));
  return root <= 4 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

const PLOVER = new Map(CAMEO_PLOVER.map(([code, type, mode, description]) => [code, { type, mode, description }]));

/** The CAMEO2PLOVER row of a code, or of its nearest listed parent ("0641" → "064"); statements (01) and appeals (02) have none. */
function ploverRow(code: string): { type: string; mode: string; description: string } | null {
  for (let length = code.length; length >= 3; length--) {
    const row = PLOVER.get(code.slice(0, length));
    if (row) return row;
  }
  return null;
}

/** PLOVER event type and mode of a CAMEO code (CAMEO2PLOVER-2021), or null. */
export function ploverOf(code: string): { type: string; mode: string } | null {
  const row = ploverRow(code);
  return row ? { type: row.type, mode: row.mode } : null;
}

/** Root names of the CAMEO codebook, for codes CAMEO2PLOVER does not describe. */
const ROOTS: Record<string, string> = {
  '01': 'Make public statement', '02': 'Appeal', '03': 'Express intent to cooperate', '04': 'Consult',
  '05': 'Engage in diplomatic cooperation', '06': 'Engage in material cooperation', '07': 'Provide aid',
  '08': 'Yield', '09': 'Investigate', '10': 'Demand', '11': 'Disapprove', '12': 'Reject', '13': 'Threaten',
  '14': 'Protest', '15': 'Exhibit force posture', '16': 'Reduce relations', '17': 'Coerce', '18': 'Assault',
  '19': 'Fight', '20': 'Use unconventional mass violence',
};

/** The codebook description of a code ("064" → "Share intelligence or information"). */
export function cameoLabel(code: string): string {
  return ploverRow(code)?.description || ROOTS[cameoRoot(code)] || code;
}
