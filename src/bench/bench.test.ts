import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBenchReport, measure, readCorpusTexts, type BenchReport } from './bench.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCorpusTexts', () => {
  it('keeps the text of each line, up to the limit', async () => {
    const path = join(dir, 'corpus.jsonl');
    writeFileSync(path, ['{"text": "One."}', '', '{"id": "x", "text": "Two.", "attributions": []}', '{"text": "Three."}'].join('\n'));
    expect(await readCorpusTexts(path)).toEqual(['One.', 'Two.', 'Three.']);
    expect(await readCorpusTexts(path, 2)).toEqual(['One.', 'Two.']);
  });

  it('rejects a line without a string text, with file:line', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '{"text": "One."}\n{"body": "Two."}\n');
    await expect(readCorpusTexts(path)).rejects.toThrow(`CG_E007: ${path}:2: expected an object with a string "text"`);
    expect(await readCorpusTexts(path, 1)).toEqual(['One.']); // stops before the bad line
  });
});

describe('measure', () => {
  it('warms up, repeats whole passes until the minimum time, and reports one pass', () => {
    const calls: string[] = [];
    const started = performance.now();
    const result = measure((text) => (calls.push(text), text.length), ['a', 'bb', 'ccc'], 0.02);
    const elapsed = (performance.now() - started) / 1000;
    expect(result.total).toBe(6);
    expect(calls.slice(0, 3)).toEqual(['a', 'bb', 'ccc']); // the warm-up pass
    const passes = calls.length / 3 - 1;
    expect(Number.isInteger(passes) && passes >= 1).toBe(true);
    expect(result.seconds * passes).toBeGreaterThanOrEqual(0.02);
    expect(result.seconds * passes).toBeLessThanOrEqual(elapsed);
  });
});

describe('formatBenchReport', () => {
  it('flags each target as met or missed', () => {
    const report: BenchReport = {
      articles: 2,
      tokens: 1000,
      seconds: 0.01,
      tokensPerSecond: 100_000,
      articlesPerSecond: 200,
      peakRssMB: 401,
      peer: { name: 'compromise', tokensPerSecond: 30_000 },
      speedup: 3.33,
      parserTokensPerSecond: 150_000,
      ner: {
        tokensPerSecond: 299_999,
        conll: { tokens: 46_435, ours: { f1: 88.1, tokensPerSecond: 400_000 }, compromise: { f1: 44.6, tokensPerSecond: 25_000 } },
      },
      events: { seconds: 0.0011, share: 11 },
    };
    const rows = formatBenchReport(report).split('\n');
    expect(rows.find((r) => r.startsWith('tokens/s, full pipeline'))).toMatch(/100,000\s+≥ 100,000\s+ok$/);
    expect(rows.find((r) => r.startsWith('peak RSS'))).toMatch(/401\.0 MB\s+≤ 400 MB\s+MISSED$/);
    expect(rows.find((r) => r.startsWith('speedup over compromise'))).toMatch(/3\.33×\s+≥ 3\.5×\s+MISSED$/);
    expect(rows.find((r) => r.startsWith('tokens/s, parser alone'))).toMatch(/150,000\s+≥ 150,000\s+ok$/);
    expect(rows.find((r) => r.startsWith('events stage'))).toMatch(/11\.0\s+≤ 10\s+MISSED$/);
    expect(rows.find((r) => r.startsWith('tokens/s, NER alone'))).toMatch(/299,999\s+≥ 300,000\s+MISSED$/);
    expect(rows.find((r) => r.startsWith('CoNLL testb F1, claimgraph'))).toMatch(/88\.10\s+≥ 88\s+ok$/);
    expect(rows.find((r) => r.startsWith('CoNLL testb F1, compromise'))).toMatch(/44\.60$/);
    const withoutData = formatBenchReport({ ...report, ner: { tokensPerSecond: 1, conll: null } });
    expect(withoutData).toMatch(/CoNLL-2003 testb\s+not found/);
  });
});
