import { CoreError } from '../core/errors.js';
import { readJsonLines } from './jsonl.js';

/**
 * The gold attribution format (docs/eval.md, /work/shared/DATA.md): one article per JSON line,
 * `{id, text, attributions: [{id, type, source?, cue?, content?, reference?}]}`.
 * Offsets are `[start, end)` UTF-16 offsets into `text`.
 */

export interface GoldRole {
  spans: [number, number][];
  text: string;
}

export const GOLD_ROLES = ['source', 'cue', 'content'] as const;
export type GoldRoleName = (typeof GOLD_ROLES)[number];

export interface GoldAttribution {
  id: string;
  /** "Attribution" or "Attribution-no-source" in PolNeAR; other gold sets may use other labels. */
  type: string;
  source?: GoldRole;
  cue?: GoldRole;
  content?: GoldRole;
  /** Full name of the entity the source refers to, when the gold set resolves speakers. */
  reference?: string;
}

export interface GoldArticle {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

/** Streams and validates the articles of a gold JSONL file; any defect is CG_E007 with file:line. */
export async function* readGold(path: string): AsyncGenerator<GoldArticle> {
  for await (const { value, where } of readJsonLines(path)) yield parseGoldArticle(value, where);
}

/** Validates one parsed line; `where` prefixes error messages. Unknown keys are ignored. */
export function parseGoldArticle(value: unknown, where: string): GoldArticle {
  const fail = (message: string): never => {
    throw new CoreError('CG_E007', `${where}: ${message}`);
  };
  if (!isObject(value)) return fail('expected one JSON object per line');
  const { id, text, attributions } = value;
  if (typeof id !== 'string' || id === '') return fail('"id" must be a non-empty string');
  if (typeof text !== 'string') return fail('"text" must be a string');
  if (!Array.isArray(attributions)) return fail('"attributions" must be an array');
  return {
    id,
    text,
    attributions: attributions.map((item, i) => parseAttribution(item, text.length, `attributions[${i}]`, fail)),
  };
}

function parseAttribution(
  value: unknown,
  textLength: number,
  path: string,
  fail: (message: string) => never,
): GoldAttribution {
  if (!isObject(value)) return fail(`${path} must be an object`);
  const { id, type, reference } = value;
  if (typeof id !== 'string' || id === '') return fail(`${path}: "id" must be a non-empty string`);
  const at = `${path} (${id})`;
  if (typeof type !== 'string') return fail(`${at}: "type" must be a string`);
  const attribution: GoldAttribution = { id, type };
  for (const role of GOLD_ROLES) {
    if (value[role] !== undefined) attribution[role] = parseRole(value[role], textLength, `${at}.${role}`, fail);
  }
  if (reference !== undefined) {
    if (typeof reference !== 'string' || reference.trim() === '') return fail(`${at}: "reference" must be a non-empty string`);
    attribution.reference = reference;
  }
  return attribution;
}

function parseRole(value: unknown, textLength: number, path: string, fail: (message: string) => never): GoldRole {
  if (!isObject(value)) return fail(`${path} must be an object {spans, text}`);
  const { spans, text } = value;
  if (!Array.isArray(spans) || spans.length === 0) return fail(`${path}: "spans" must be a non-empty array of [start, end] pairs`);
  // The role's "text" is informative only: PolNeAR joins parts with a space and normalises some
  // whitespace, so the offsets, not this string, are what is scored.
  if (typeof text !== 'string') return fail(`${path}: "text" must be a string`);
  spans.forEach((span: unknown, i) => {
    const valid =
      Array.isArray(span) &&
      span.length === 2 &&
      span.every(Number.isInteger) &&
      0 <= span[0] &&
      span[0] < span[1] &&
      span[1] <= textLength;
    if (!valid) {
      fail(`${path}.spans[${i}]: ${JSON.stringify(span)} is not a non-empty [start, end) range inside the text (length ${textLength})`);
    }
  });
  return { spans: spans as [number, number][], text };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
