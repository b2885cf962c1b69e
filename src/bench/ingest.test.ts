import { describe, expect, it } from 'vitest';
import { formatIngestBenchReport, runIngestBenchmark, type IngestBenchReport } from './ingest.js';

const TEXTS = [
  'Minister promises balanced budget\n\nThe finance minister said on Monday that the budget would be balanced next year.\n\n"We will not raise taxes," she told reporters in the capital.',
  'Council approves bridge repairs\n\nThe city council voted on Tuesday to repair the old bridge before winter.\n\n"The work starts next month," said the mayor, Ana Ruiz.',
  'Farmers warn of poor harvest\n\nFarmers in the north said the drought had cut the wheat harvest by a third.\n\n"Prices will rise," said Tom Berg, who farms near the river.',
];

describe('runIngestBenchmark', () => {
  it('times analysis, ingest and clustering on the same texts and reports consistent rates', async () => {
    const r = await runIngestBenchmark(TEXTS, { workers: 0, sizes: [30, 60], repeats: 1 });
    expect(r.articles).toBe(3);
    expect(r.ingest.workers).toBe(0);
    // Rates and ratio are rounded from the same unrounded times, so they agree to within rounding.
    expect((r.analyse.articlesPerSecond * r.analyse.seconds) / 3).toBeCloseTo(1, 2);
    // Ingest's steady rate runs from the first stored article to the last; start-up is apart.
    expect(r.ingest.startupSeconds).toBeGreaterThan(0);
    expect(r.ingest.startupSeconds).toBeLessThan(r.ingest.seconds);
    expect(r.ingest.articlesPerSecond).toBeGreaterThan(2 / r.ingest.seconds);
    expect(r.ratio / (r.ingest.articlesPerSecond / r.analyse.articlesPerSecond)).toBeCloseTo(1, 1);
    expect(r.dbMBPer1kArticles).toBeGreaterThan(0);
    expect(r.clustering.map((c) => c.articles)).toEqual([30, 60]);
    expect(r.clusteringGrowth / (r.clustering[1].msPerArticle / r.clustering[0].msPerArticle)).toBeCloseTo(1, 1);
  });
});

describe('formatIngestBenchReport', () => {
  it('flags the ingest ratio and the clustering growth against their targets', () => {
    const report: IngestBenchReport = {
      articles: 840,
      analyse: { seconds: 2, articlesPerSecond: 420 },
      ingest: { seconds: 4, articlesPerSecond: 210, workers: 1, startupSeconds: 0.5 },
      ratio: 0.5,
      dbMBPer1kArticles: 40,
      clustering: [
        { articles: 1000, seconds: 1, msPerArticle: 1 },
        { articles: 10000, seconds: 11, msPerArticle: 1.1 },
      ],
      clusteringGrowth: 1.1,
    };
    const rows = formatIngestBenchReport(report).split('\n');
    expect(rows.find((r) => r.startsWith('ingest / analysis'))).toMatch(/50\.0 %\s+≥ 80 %\s+MISSED$/);
    expect(rows.find((r) => r.startsWith('time per article, largest / smallest'))).toMatch(/1\.10×.*ok$/);
  });
});
