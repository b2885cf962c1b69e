import { CoreError } from '../core/errors.js';
import { readJsonLines } from './jsonl.js';

/**
 * The gold contradiction format (docs/eval.md): one JSON object a line, of three types.
 * - `matter`: a proposition the articles take sides on ("Apple will release a smartwatch next month").
 * - `article`: an article (headline first in `text`) and its stance on each matter it touches.
 * - `pair`: an explicitly labelled article pair, for pairs the stances cannot express (near-misses).
 * Two articles contradict each other when one asserts a matter the other denies.
 */

export type GoldStance = 'assert' | 'deny' | 'mention';
const STANCES: readonly GoldStance[] = ['assert', 'deny', 'mention'];
export type PairLabel = 'near-miss' | 'agreement';
const PAIR_LABELS: readonly PairLabel[] = ['near-miss', 'agreement'];

export interface GoldMatter {
  id: string;
  story: string;
  proposition: string;
}

export interface GoldEvidence {
  start: number;
  end: number;
  text: string;
}

export interface GoldArticle {
  id: string;
  story: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  text: string;
  stances: Array<{ matter: string; stance: GoldStance; evidence: GoldEvidence[] }>;
}

export interface GoldPair {
  a: string;
  b: string;
  label: PairLabel;
  note: string;
}

export interface ContradictionGold {
  matters: GoldMatter[];
  articles: GoldArticle[];
  pairs: GoldPair[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(record: Record<string, unknown>, key: string, where: string, optional = false): string | null {
  const value = record[key];
  if (optional && (value === undefined || value === null)) return null;
  if (typeof value !== 'string' || value === '') throw new CoreError('CG_E007', `${where}: "${key}" must be a non-empty string`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string, where: string): T {
  if (!allowed.includes(value as T)) throw new CoreError('CG_E007', `${where}: ${what} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function article(record: Record<string, unknown>, where: string): GoldArticle {
  const body = text(record, 'text', where) as string;
  const stances = record.stances;
  if (!Array.isArray(stances)) throw new CoreError('CG_E007', `${where}: "stances" must be an array`);
  return {
    id: text(record, 'id', where) as string,
    story: text(record, 'story', where) as string,
    title: text(record, 'title', where, true),
    source: text(record, 'source', where, true),
    published: text(record, 'published', where, true),
    url: text(record, 'url', where, true),
    text: body,
    stances: stances.map((s) => {
      if (!isObject(s)) throw new CoreError('CG_E007', `${where}: a stance must be an object`);
      const evidence = s.evidence ?? [];
      if (!Array.isArray(evidence)) throw new CoreError('CG_E007', `${where}: "evidence" must be an array`);
      return {
        matter: text(s, 'matter', where) as string,
        stance: oneOf(s.stance, STANCES, 'a stance', where),
        evidence: evidence.map((e) => {
          const ok = isObject(e) && Number.isInteger(e.start) && Number.isInteger(e.end) && (e.start as number) >= 0 && (e.start as number) < (e.end as number) && (e.end as number) <= body.length;
          if (!ok) throw new CoreError('CG_E007', `${where}: evidence needs integer offsets with 0 ≤ start < end ≤ text length`);
          return { start: e.start as number, end: e.end as number, text: body.slice(e.start as number, e.end as number) };
        }),
      };
    }),
  };
}

/** Reads and checks a gold file: ids unique, stances and pairs naming known matters and articles. */
export async function readContradictionGold(path: string): Promise<ContradictionGold> {
  const gold: ContradictionGold = { matters: [], articles: [], pairs: [] };
  for await (const { value, where } of readJsonLines(path)) {
    if (!isObject(value)) throw new CoreError('CG_E007', `${where}: expected an object`);
    const type = oneOf(value.type, ['matter', 'article', 'pair'] as const, '"type"', where);
    if (type === 'matter') {
      gold.matters.push({ id: text(value, 'id', where) as string, story: text(value, 'story', where) as string, proposition: text(value, 'proposition', where) as string });
    } else if (type === 'article') {
      gold.articles.push(article(value, where));
    } else {
      gold.pairs.push({
        a: text(value, 'a', where) as string,
        b: text(value, 'b', where) as string,
        label: oneOf(value.label, PAIR_LABELS, '"label"', where),
        note: text(value, 'note', where, true) ?? '',
      });
    }
  }
  const matters = new Set<string>();
  for (const m of gold.matters) {
    if (matters.has(m.id)) throw new CoreError('CG_E007', `${path}: matter "${m.id}" is defined twice`);
    matters.add(m.id);
  }
  const articles = new Set<string>();
  for (const a of gold.articles) {
    if (articles.has(a.id)) throw new CoreError('CG_E007', `${path}: article "${a.id}" is defined twice`);
    articles.add(a.id);
    for (const s of a.stances) if (!matters.has(s.matter)) throw new CoreError('CG_E007', `${path}: article "${a.id}" names unknown matter "${s.matter}"`);
  }
  const positives = contradictingPairs(gold);
  for (const p of gold.pairs) {
    for (const id of [p.a, p.b]) if (!articles.has(id)) throw new CoreError('CG_E007', `${path}: pair names unknown article "${id}"`);
    if (positives.has(pairKey(p.a, p.b))) throw new CoreError('CG_E007', `${path}: pair ${p.a}, ${p.b} is labelled ${p.label} but the stances make it a contradiction`);
  }
  return gold;
}

/** An unordered article pair as one key. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Article pairs where one asserts a matter the other denies, each with the matters they oppose on. */
export function contradictingPairs(gold: Pick<ContradictionGold, 'articles'>): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  const byMatter = new Map<string, { assert: string[]; deny: string[] }>();
  for (const a of gold.articles) {
    for (const s of a.stances) {
      if (s.stance === 'mention') continue;
      const sides = byMatter.get(s.matter) ?? { assert: [], deny: [] };
      sides[s.stance].push(a.id);
      byMatter.set(s.matter, sides);
    }
  }
  for (const [matter, { assert, deny }] of byMatter) {
    for (const x of assert) {
      for (const y of deny) {
        if (x === y) continue;
        const key = pairKey(x, y);
        pairs.set(key, [...(pairs.get(key) ?? []), matter]);
      }
    }
  }
  return pairs;
}
