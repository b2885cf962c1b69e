import { CoreError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import type { EvaluateOptions } from './evaluate.js';
import { readJsonLines } from './jsonl.js';
import { formatTable } from './table.js';

/**
 * Names in headlines (`eval headlines FILE`): each line of the gold JSONL file is
 * `{"text": "Apple Unveils Cheaper iPhone", "names": ["Apple", "iPhone"]}`, a headline (and
 * optionally a body after a blank line) with every name in its headline as written. The whole
 * pipeline runs on the text; its name mentions inside the headline are compared with the gold
 * names by their exact characters.
 *   found:    gold names that a mention covers exactly;
 *   glued:    mentions that overlap a gold name without being one ("Apple Unveils Cheaper");
 *   spurious: mentions that overlap no gold name.
 */

export interface HeadlineGold {
  text: string;
  names: string[];
}

export interface HeadlineReport {
  headlines: number;
  names: number;
  found: number;
  glued: number;
  spurious: number;
  /** Every headline with a missed name or a wrong mention: what was expected and what came out. */
  errors: { headline: string; missed: string[]; wrong: string[] }[];
}

function parseHeadline(value: unknown, where: string): HeadlineGold {
  const line = value as Partial<HeadlineGold> | null;
  if (typeof line?.text !== 'string' || !Array.isArray(line.names) || !line.names.every((n) => typeof n === 'string')) {
    throw new CoreError('CG_E007', `${where}: expected {"text": string, "names": [string, …]}`);
  }
  const headline = line.text.split('\n')[0];
  for (const name of line.names) {
    if (!headline.includes(name)) throw new CoreError('CG_E007', `${where}: "${name}" is not in the headline`);
  }
  return { text: line.text, names: line.names };
}

/** The character ranges of `names` in `headline`, each name at its first place not yet taken. */
function nameRanges(headline: string, names: readonly string[]): { start: number; end: number; name: string }[] {
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const name of names) {
    let at = headline.indexOf(name);
    while (at >= 0 && ranges.some((r) => r.start === at)) at = headline.indexOf(name, at + 1);
    ranges.push({ start: at, end: at + name.length, name });
  }
  return ranges;
}

export async function evaluateHeadlines(path: string, pipeline: Pipeline, options: EvaluateOptions = {}): Promise<HeadlineReport> {
  const report: HeadlineReport = { headlines: 0, names: 0, found: 0, glued: 0, spurious: 0, errors: [] };
  for await (const { value, where } of readJsonLines(path)) {
    if (report.headlines >= (options.limit ?? Infinity)) break;
    const gold = parseHeadline(value, where);
    const headline = gold.text.split('\n')[0];
    const doc = pipeline.run(gold.text);
    const mentions = doc.mentions.filter((m) => m.kind === 'name' && m.start < headline.length);
    const ranges = nameRanges(headline, gold.names);
    const same = (m: { start: number; end: number }, r: { start: number; end: number }) => m.start === r.start && m.end === r.end;
    const missed = ranges.filter((r) => !mentions.some((m) => same(m, r))).map((r) => r.name);
    const wrong: string[] = [];
    for (const m of mentions) {
      if (ranges.some((r) => same(m, r))) continue;
      if (ranges.some((r) => m.start < r.end && r.start < m.end)) report.glued++;
      else report.spurious++;
      wrong.push(gold.text.slice(m.start, m.end));
    }
    report.headlines++;
    report.names += ranges.length;
    report.found += ranges.length - missed.length;
    if (missed.length > 0 || wrong.length > 0) report.errors.push({ headline, missed, wrong });
    options.onArticle?.(report.headlines, headline);
  }
  return report;
}

export function formatHeadlineReport(report: HeadlineReport): string {
  const table = formatTable([
    ['headlines', 'names', 'found', 'glued', 'spurious'],
    [String(report.headlines), String(report.names), String(report.found), String(report.glued), String(report.spurious)],
  ]);
  const errors = report.errors.map((e) => `  ${e.headline}\n    missed: ${e.missed.join(', ') || '-'}; wrong: ${e.wrong.join(', ') || '-'}`);
  return errors.length === 0 ? table : `${table}\n\n${errors.join('\n')}`;
}
