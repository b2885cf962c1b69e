import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyze.js';
import { formatLongReport, runLongArticleBench } from '../../bench/long.js';

const CLI = fileURLToPath(new URL('../../../bin/claimgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  'The minister said on Monday that the budget is balanced. Critics disagree.',
  '"We will not resign," Maria Lopez told reporters in Madrid.',
  'Officials at the U.S. Dept. of Energy didn\'t comment on the report.',
];

function bench(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'bench', ...args], { encoding: 'utf8', env: { ...process.env, CLAIMGRAPH_DATA: join(dir, 'none') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('claimgraph bench', () => {
  it('times a --corpus and prints the documented JSON, with our token count for both rates', async () => {
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, TEXTS.map((text, i) => JSON.stringify({ id: `t${i}`, text })).join('\n'));
    const { code, stdout } = bench('--corpus', corpus, '--json', '--limit', '2', '--skip-long');
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(Object.keys(r)).toEqual([
      'articles', 'tokens', 'seconds', 'tokensPerSecond', 'articlesPerSecond', 'peakRssMB', 'peer', 'speedup', 'ner', 'parserTokensPerSecond', 'events',
    ]);
    expect(r.ner.tokensPerSecond).toBeGreaterThan(0);
    expect(r.parserTokensPerSecond).toBeGreaterThan(0);
    expect(r.events.seconds).toBeGreaterThan(0);
    expect(r.ner.conll).toBeNull(); // no CoNLL data in the empty data folder
    const pipeline = await createAnalyzer();
    expect(r.articles).toBe(2);
    expect(r.tokens).toBe(pipeline.run(TEXTS[0]).tokenCount + pipeline.run(TEXTS[1]).tokenCount);
    expect(r.peer.name).toBe('compromise');
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.peakRssMB).toBeGreaterThan(0);
    // The rates are rounded from the same unrounded times, so they agree to within rounding.
    expect(r.tokensPerSecond / (r.tokens / r.seconds)).toBeCloseTo(1, 1);
    // The speedup is rounded to two decimals: within half a hundredth of the rates' ratio, whatever
    // its size (a relative bound failed once on this two-text corpus, where the ratio is near 1).
    expect(Math.abs(r.speedup - r.tokensPerSecond / r.peer.tokensPerSecond)).toBeLessThanOrEqual(0.006);
  });

  it('skips with exit 0 when the default corpus is absent, and fails on an unreadable --corpus', () => {
    const skipped = bench();
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain(`skipped: ${join(dir, 'none', 'polnear', 'train.jsonl')} not found`);
    const missing = bench('--corpus', join(dir, 'missing.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CG_E009: no such file');
  });

  it('times long articles made of the corpus texts, each in its own process, with peak RSS and output size', () => {
    const rows = runLongArticleBench(TEXTS, [2, 8]);
    expect(rows.map((r) => r.kb)).toEqual([2, 8]);
    for (const row of rows) {
      expect(row.seconds).toBeGreaterThan(0);
      expect(row.msPerKb / ((row.seconds * 1000) / row.kb)).toBeCloseTo(1, 1);
      expect(row.peakRssMB).toBeGreaterThan(20);
      expect(row.outputMB).toBeGreaterThan(0);
    }
    const table = formatLongReport(rows, { helpSeconds: 0.2, seedSeconds: 1 });
    expect(table).toMatch(/claimgraph --help\s+\|?\s*0\.20 s/);
    expect(table).toContain('MISSED');
  });

  it('judges the worst growth of time per KB between any two sizes, not only the ends', () => {
    const row = (kb: number, msPerKb: number) => ({ kb, seconds: (kb * msPerKb) / 1000, msPerKb, peakRssMB: 300, outputMB: 1 });
    const table = formatLongReport([row(100, 14.3), row(1024, 4.0), row(5120, 9.3)], { helpSeconds: 0.1, seedSeconds: 0.6 });
    expect(table).toMatch(/ms per KB, worst growth with size\s+\|?\s*2\.33×\s+\|?\s*≤ 1\.5×\s+\|?\s*MISSED/);
  });
});
