import type { Pipeline } from '../core/pipeline.js';
import {
  ERROR_KINDS, attributionErrors, emptyCounts, fromDoc, fromGold, report, tallyDocument, type AttributionError, type AttributionReport, type PRF,
} from './attribution.js';
import { readGold } from './gold.js';
import { formatTable } from './table.js';

export interface EvaluateOptions {
  /** Score only the first `limit` articles. */
  limit?: number;
  /** Attribution: also list the false, missed and misattributed quotes (`--errors`). */
  errors?: boolean;
  /** Called after each article, e.g. to show progress. */
  onArticle?: (done: number, id: string) => void;
}

/** Runs `pipeline` on every article of a gold JSONL file and scores its quotes against the gold attributions. */
export async function evaluateAttribution(
  goldPath: string, pipeline: Pipeline, options: EvaluateOptions = {},
): Promise<AttributionReport & { errors?: AttributionError[] }> {
  const counts = emptyCounts();
  const errors: AttributionError[] = [];
  const limit = options.limit ?? Infinity;
  if (limit > 0) {
    for await (const article of readGold(goldPath)) {
      const gold = fromGold(article);
      const predicted = fromDoc(pipeline.run(article.text));
      tallyDocument(counts, gold, predicted);
      if (options.errors) errors.push(...attributionErrors(article.id, article.text, gold, predicted));
      options.onArticle?.(counts.articles, article.id);
      if (counts.articles >= limit) break;
    }
  }
  return options.errors ? { ...report(counts), errors } : report(counts);
}

/** The errors grouped by kind, most frequent kind first, one line per quote. */
export function formatAttributionErrors(errors: readonly AttributionError[]): string {
  const quoted = (words: string | null): string => (words === null ? '—' : JSON.stringify(words));
  const groups = Object.keys(ERROR_KINDS)
    .map((kind) => errors.filter((e) => e.kind === kind))
    .filter((group) => group.length > 0)
    .sort((a, b) => b.length - a.length);
  return groups.map((group) => [
    `== ${ERROR_KINDS[group[0].kind]} (${group.length})`,
    ...group.map((e) => `[${e.article}] cue ${quoted(e.cue)} · source ${quoted(e.source)}${e.goldSource !== undefined ? ` (gold ${quoted(e.goldSource)})` : ''} · ${quoted(e.content)}`),
  ].join('\n')).join('\n\n');
}

/** Published scores (DATA.md). They come from other test sets and setups: orientation, not a like-for-like comparison. */
const ANCHORS = {
  quote30: 'F1 83.7 GGT V7.0',
  quote80: 'F1 76.1 GGT V7.0',
  speaker: '86.5 % GGT V7.0',
  cue: 'F1 75.3 CofeNet · 82.3 Citron',
  source: 'F1 83.2 CofeNet · 82.0 Citron',
  content: 'F1 72.9 CofeNet · 59.3 Citron',
};

const showPRF = ({ p, r, f1 }: PRF): string => `F1 ${f1.toFixed(1)}  P ${p.toFixed(1)}  R ${r.toFixed(1)}`;
const showShare = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)} %`);

export function formatAttributionReport(r: AttributionReport): string {
  const table = formatTable([
    ['metric', 'ours', 'published'],
    ['quote @0.3', showPRF(r['quote@0.3']), ANCHORS.quote30],
    ['quote @0.8', showPRF(r['quote@0.8']), ANCHORS.quote80],
    ['speaker match', showShare(r.speakerMatch), ANCHORS.speaker],
    ['verb match', showShare(r.verbMatch), ''],
    ['reference accuracy', showShare(r.referenceAccuracy), ''],
    ['exact cue', showPRF(r.exact.cue), ANCHORS.cue],
    ['exact source', showPRF(r.exact.source), ANCHORS.source],
    ['exact content', showPRF(r.exact.content), ANCHORS.content],
    ['exact triple', showPRF(r.exact.triple), ''],
    ['overlap cue', showPRF(r.overlap.cue), ''],
    ['overlap source', showPRF(r.overlap.source), ''],
    ['overlap content', showPRF(r.overlap.content), ''],
    ['overlap triple', showPRF(r.overlap.triple), ''],
  ]);
  return `${r.articles} articles\n\n${table}\n
quote @t: predicted content covers ≥ t of a gold content's characters, greedy one-to-one; speaker and verb
match on the quotes matched @0.3. exact: identical character sets. overlap: characters shared by
one-to-one matched spans over all predicted (P) or gold (R) characters; triple: every role overlaps.
Published scores come from other test sets (GGT: its own news set; CofeNet: PolNeAR test, sentence
level; Citron: PARC 3.0). Definitions: docs/eval.md.`;
}
