import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRADICTION_THRESHOLD } from '../core/corpus/claims.js';
import type { Pipeline } from '../core/pipeline.js';
import { ingest } from '../corpus/ingest.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { contradictingPairs, pairKey, readContradictionGold, type ContradictionGold } from './contradiction-gold.js';
import type { EvaluateOptions } from './evaluate.js';
import { formatTable } from './table.js';

/**
 * `eval contradictions`: the gold articles are ingested into a temporary SQLite corpus by the
 * corpus engine, as `claimgraph ingest` would, and the cross-article contradictions it records
 * are scored as unordered article pairs against the gold's assert-versus-deny pairs.
 */

/** One article pair the corpus flagged: its strongest cross-article contradiction. */
export interface FlaggedPair {
  a: string;
  b: string;
  score: number;
  reason: string;
}

export interface ContradictionScores {
  /** Article pairs flagged at or above the threshold. */
  flagged: number;
  /** Flagged pairs that are gold contradictions. */
  hits: number;
  precision: number;
  recall: number;
  /** Share of flagged pairs whose two articles take a stance on (or mention) a common matter, in percent. */
  sameMatter: number;
  /** Flagged pairs the gold labels near-misses, and flagged pairs that agree on a matter. */
  nearMisses: number;
  agreements: number;
}

export interface ContradictionReport extends ContradictionScores {
  articles: number;
  matters: number;
  goldPairs: number;
  threshold: number;
  /** The same scores counting every cross-article contradiction, below the threshold too. */
  unfiltered: ContradictionScores;
  /** Every flagged pair, strongest first, with whether the gold agrees. */
  pairs: Array<FlaggedPair & { gold: boolean; sameMatter: boolean }>;
}

const percent = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/** Scores flagged article pairs (gold article ids) against the gold. Pure. */
export function scoreContradictions(gold: ContradictionGold, flagged: readonly FlaggedPair[], threshold: number): ContradictionReport {
  const positives = contradictingPairs(gold);
  const nearMisses = new Set(gold.pairs.filter((p) => p.label === 'near-miss').map((p) => pairKey(p.a, p.b)));
  const matters = new Map(gold.articles.map((a) => [a.id, a.stances]));
  const sameMatter = (a: string, b: string): boolean => {
    const ofB = new Set((matters.get(b) ?? []).map((s) => s.matter));
    return (matters.get(a) ?? []).some((s) => ofB.has(s.matter));
  };
  const agree = (a: string, b: string): boolean => {
    const ofB = new Map((matters.get(b) ?? []).map((s) => [s.matter, s.stance]));
    return (matters.get(a) ?? []).some((s) => s.stance !== 'mention' && ofB.get(s.matter) === s.stance);
  };
  const judged = [...flagged]
    .sort((x, y) => y.score - x.score || pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)))
    .map((p) => ({ ...p, gold: positives.has(pairKey(p.a, p.b)), sameMatter: sameMatter(p.a, p.b) }));
  const scores = (pairs: typeof judged): ContradictionScores => {
    const hits = pairs.filter((p) => p.gold).length;
    return {
      flagged: pairs.length,
      hits,
      precision: percent(hits, pairs.length),
      recall: percent(hits, positives.size),
      sameMatter: percent(pairs.filter((p) => p.sameMatter).length, pairs.length),
      nearMisses: pairs.filter((p) => nearMisses.has(pairKey(p.a, p.b))).length,
      agreements: pairs.filter((p) => !p.gold && agree(p.a, p.b)).length,
    };
  };
  const shown = judged.filter((p) => p.score >= threshold);
  return {
    articles: gold.articles.length,
    matters: gold.matters.length,
    goldPairs: positives.size,
    threshold,
    ...scores(shown),
    unfiltered: scores(judged),
    pairs: judged,
  };
}

/** Ingests the gold articles into a temporary corpus and scores its cross-article contradictions. */
export async function evaluateContradictions(goldPath: string, analyzer: Pipeline, options: EvaluateOptions = {}): Promise<ContradictionReport> {
  const full = await readContradictionGold(goldPath);
  const articles = full.articles.slice(0, options.limit ?? Infinity);
  const kept = new Set(articles.map((a) => a.id));
  const gold: ContradictionGold = { ...full, articles, pairs: full.pairs.filter((p) => kept.has(p.a) && kept.has(p.b)) };
  const dir = await mkdtemp(join(tmpdir(), 'claimgraph-eval-'));
  try {
    const records = join(dir, 'articles.jsonl');
    await writeFile(records, articles.map(({ id, title, source, published, url, text }) => JSON.stringify({ id, title, source, published, url, text })).join('\n'));
    const store = openSqliteStore(join(dir, 'corpus.db'));
    try {
      const summary = await ingest(store, [records], { analyzer, workers: 0, onProgress: (p) => options.onArticle?.(p.ingested, `${p.ingested}/${articles.length}`) });
      if (summary.failed.length > 0) throw new Error(`eval contradictions: could not ingest ${summary.failed.map((f) => `${f.path} (${f.error})`).join('; ')}`);
      const goldId = new Map<string, string>();
      for await (const article of store.articles()) goldId.set(article.id, (article.path ?? '').slice(records.length + 1));
      const strongest = new Map<string, FlaggedPair>();
      for (const edge of await store.edges()) {
        if (edge.kind !== 'contradiction' || !edge.crossArticle) continue;
        const [a, b] = edge.claims.map((ref) => goldId.get(ref.article) as string);
        if (a === b) continue; // a near-copy's claims against its original's
        const key = pairKey(a, b);
        const known = strongest.get(key);
        if (!known || edge.score > known.score) strongest.set(key, { a: a < b ? a : b, b: a < b ? b : a, score: edge.score, reason: edge.reason });
      }
      return scoreContradictions(gold, [...strongest.values()], CONTRADICTION_THRESHOLD);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function formatContradictionReport(r: ContradictionReport): string {
  const row = (name: string, s: ContradictionScores): string[] => [
    name,
    String(s.flagged),
    `${s.precision.toFixed(1)} (${s.hits})`,
    s.recall.toFixed(1),
    `${s.sameMatter.toFixed(1)} %`,
    String(s.nearMisses),
    String(s.agreements),
  ];
  const table = formatTable([
    ['pairs', 'flagged', 'precision (hits)', 'recall', 'same matter', 'near-misses', 'agreements'],
    row(`score ≥ ${r.threshold}`, r),
    row('all', r.unfiltered),
  ]);
  const wrong = r.pairs.filter((p) => !p.gold && p.score >= r.threshold).slice(0, 10);
  const listed = wrong.length === 0 ? '' : `\n\nwrong pairs above the threshold, strongest first:\n${wrong.map((p) => `  ${p.score.toFixed(2)} ${p.a} × ${p.b}: ${p.reason}`).join('\n')}`;
  return `${r.articles} articles, ${r.matters} matters, ${r.goldPairs} gold pairs (one article asserts what the other denies)\n\n${table}\n
Article pairs with a cross-article contradiction, scored against the gold pairs; same matter: both
articles take a stance on a common matter. Definitions: docs/eval.md.${listed}`;
}
