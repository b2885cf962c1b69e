import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../analyze.js';
import { toArticleJSON } from '../core/article.js';
import { formatTable } from '../eval/table.js';

/**
 * Bench rows that need a process of their own: long articles (100 KB, 1 MB, 5 MB built from the
 * corpus texts), each analysed in a fresh process so its peak RSS is its own, and the CLI's
 * start-up (`--help`, analysing the seed article), as a user runs it.
 */

export const LONG_SIZES_KB = [100, 1024, 5120];
/** Time per KB may grow at most this much from the smallest to the largest article. */
export const MAX_PER_KB_GROWTH = 1.5;
export const STARTUP_TARGETS = { helpSeconds: 0.3, seedSeconds: 0.8 };

const CLI = fileURLToPath(new URL('../../bin/claimgraph.js', import.meta.url));
const SEED = fileURLToPath(new URL('../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url));

export interface LongArticleRow {
  kb: number;
  seconds: number;
  msPerKb: number;
  peakRssMB: number;
  outputMB: number;
}

export interface StartupReport {
  helpSeconds: number;
  seedSeconds: number;
}

/** The child's side: analyses one file, prints `{seconds, peakRssMB, outputMB}`. */
export async function measureOneArticle(text: string): Promise<{ seconds: number; peakRssMB: number; outputMB: number }> {
  const analyzer = await createAnalyzer();
  const start = performance.now();
  const json = JSON.stringify(toArticleJSON(analyzer.run(text)));
  const seconds = (performance.now() - start) / 1000;
  return { seconds, peakRssMB: process.resourceUsage().maxRSS / 1024, outputMB: json.length / 1e6 };
}

/** Articles of each size made of the corpus texts in turn, each analysed by `claimgraph bench --article`. */
export function runLongArticleBench(texts: readonly string[], sizesKb = LONG_SIZES_KB): LongArticleRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-long-'));
  try {
    return sizesKb.map((kb) => {
      const parts: string[] = [];
      let length = 0;
      for (let k = 0; length < kb * 1024; k++) {
        const text = texts[k % texts.length];
        parts.push(text);
        length += text.length + 2;
      }
      const file = join(dir, `${kb}.txt`);
      writeFileSync(file, parts.join('\n\n').slice(0, kb * 1024));
      const child = spawnSync(process.execPath, [CLI, 'bench', '--article', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`bench --article ${kb} KB failed: ${child.stderr.trim()}`);
      const measured = JSON.parse(child.stdout) as { seconds: number; peakRssMB: number; outputMB: number };
      return { kb, seconds: round(measured.seconds, 2), msPerKb: round((measured.seconds * 1000) / kb, 2), peakRssMB: round(measured.peakRssMB, 1), outputMB: round(measured.outputMB, 3) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall-clock seconds of three runs of each CLI command, from process start to exit. */
export function runStartupBench(): StartupReport {
  const time = (args: string[]): number => {
    const runs = [0, 1, 2].map(() => {
      const start = performance.now();
      const child = spawnSync(process.execPath, [CLI, ...args], { stdio: 'ignore' });
      if (child.status !== 0) throw new Error(`claimgraph ${args.join(' ')} exited ${child.status}`);
      return (performance.now() - start) / 1000;
    });
    return round(runs.sort((a, b) => a - b)[1], 3);
  };
  return { helpSeconds: time(['--help']), seedSeconds: time(['analyze', SEED]) };
}

export function formatLongReport(rows: readonly LongArticleRow[], startup: StartupReport): string {
  // The worst growth from any size to a larger one: 100 KB against 5 MB alone hid a 2.3× rise from 1 MB.
  let growth = 1;
  for (let a = 0; a < rows.length; a++) for (let b = a + 1; b < rows.length; b++) growth = Math.max(growth, rows[b].msPerKb / rows[a].msPerKb);
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
  return formatTable([
    ['long article', 'seconds', 'ms per KB', 'peak RSS', 'JSON out'],
    ...rows.map((r) => [r.kb >= 1024 ? `${r.kb / 1024} MB` : `${r.kb} KB`, r.seconds.toFixed(2), r.msPerKb.toFixed(2), `${r.peakRssMB.toFixed(1)} MB`, `${r.outputMB.toFixed(1)} MB`]),
    [`ms per KB, worst growth with size`, `${growth.toFixed(2)}×`, `≤ ${MAX_PER_KB_GROWTH}×`, verdict(growth <= MAX_PER_KB_GROWTH), ''],
    ['claimgraph --help', `${startup.helpSeconds.toFixed(2)} s`, `≤ ${STARTUP_TARGETS.helpSeconds} s`, verdict(startup.helpSeconds <= STARTUP_TARGETS.helpSeconds), ''],
    ['claimgraph analyze (seed)', `${startup.seedSeconds.toFixed(2)} s`, `≤ ${STARTUP_TARGETS.seedSeconds} s`, verdict(startup.seedSeconds <= STARTUP_TARGETS.seedSeconds), ''],
  ]);
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
