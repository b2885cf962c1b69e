import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { toArticleJSON, toParseJSON } from '../core/article.js';
import { pipelineThrough, type Pipeline } from '../core/pipeline.js';
import { createAnalysisPool, type AnalysisPool } from './analysis-pool.js';

/** The pool's worker thread against the same analyser on the calling thread. */

const SEED = readFileSync(new URL('../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');

describe('analysis pool', () => {
  let analyzer: Pipeline;
  let pool: AnalysisPool;

  beforeAll(async () => {
    analyzer = await createAnalyzer();
    pool = await createAnalysisPool({ workers: 1 });
  });
  afterAll(() => pool?.close());

  it('parses in its worker thread with the stages through deps alone, as the whole analysis parses', async () => {
    const paragraph = SEED.split('\n\n')[1];
    const parsed = await pool.parse(paragraph);
    const syntax = pipelineThrough(analyzer, 'deps');
    expect(syntax.stages.map((s) => s.name)).toEqual(['tokens', 'segments', 'pos', 'deps']);
    expect(parsed).toEqual(toParseJSON(syntax.run(paragraph)));
    const full = toArticleJSON(analyzer.run(paragraph), { tokens: true });
    expect(parsed.sentences).toEqual(full.sentences);
    expect(parsed.tokens.map((t) => [t.head, t.deprel])).toEqual(full.tokens?.map((t) => [t.head, t.deprel]));
    // Whole analyses still come back from the same worker.
    expect((await pool.analyse(paragraph)).analysis.text).toBe(paragraph);
  });
});
