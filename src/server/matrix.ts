import { cameoLabel } from '../core/cameo.js';
import type { ClaimRecord } from '../core/corpus/types.js';
import type { ClaimsMatrixJSON, MatrixCellJSON } from './types.js';

/**
 * A story's claims matrix: speakers × propositions × stance. A proposition is the CAMEO event a
 * claim evokes (the matter contradictions are found on); a claim evoking two events appears under
 * both, and claims evoking none share one column so that none is hidden.
 */

const NO_EVENT = 'other matters';

/** "064 share intelligence or information": the code and its CAMEO codebook description. */
function columnLabel(code: string): string {
  return `${code} ${cameoLabel(code).toLowerCase()}`;
}

export function claimsMatrix(claims: readonly ClaimRecord[], nameOf: (entity: string) => string): ClaimsMatrixJSON {
  const speakers = new Map<string, number>();
  const codes = new Map<string | null, number>();
  const cells = new Map<string, { code: string | null; cell: MatrixCellJSON }>();
  for (const c of claims) {
    if (!c.speaker) continue;
    speakers.set(c.speaker, (speakers.get(c.speaker) ?? 0) + 1);
    for (const code of c.cameo.length > 0 ? c.cameo : [null]) {
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const key = `${c.speaker}\u0000${code}\u0000${c.stance}`;
      const entry = cells.get(key) ?? { code, cell: { speaker: c.speaker, proposition: -1, stance: c.stance, claims: [] } };
      entry.cell.claims.push({ article: c.article, claim: c.id, text: c.text });
      cells.set(key, entry);
    }
  }
  // Most claims first; the column of claims without an event last.
  const columns = [...codes.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : (codes.get(b) as number) - (codes.get(a) as number) || a.localeCompare(b)));
  const column = new Map(columns.map((code, i) => [code, i]));
  return {
    speakers: [...speakers.keys()]
      .sort((a, b) => (speakers.get(b) as number) - (speakers.get(a) as number) || nameOf(a).localeCompare(nameOf(b)))
      .map((id) => ({ id, name: nameOf(id) })),
    propositions: columns.map((code) => ({ code, label: code === null ? NO_EVENT : columnLabel(code) })),
    cells: [...cells.values()].map(({ code, cell }) => ({ ...cell, proposition: column.get(code) as number })),
  };
}
