import { describe, expect, it } from 'vitest';
import { formatApiBenchReport, runApiBenchmark } from './bench.js';

describe('runApiBenchmark', () => {
  it('loads every read route of a real server process and reports rates and latencies', async () => {
    const report = await runApiBenchmark({ secondsPerRoute: 0.3, connections: 2 });
    expect(report.routes.map((r) => r.route.replace(/\/[0-9a-z]{15,}$/, '/:id'))).toEqual([
      '/api/health', '/api/articles', '/api/articles/:id', '/api/entities', '/api/entities/:id', '/api/quotes?speaker=Kabulov',
      '/api/stories', '/api/stories/:id', '/api/contradictions', '/api/network', '/api/search?q=channel',
    ]);
    for (const r of [...report.routes, report.mixed]) {
      expect(r.failures, r.route).toBe(0);
      expect(r.requests).toBeGreaterThan(0);
      expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    }
    expect(formatApiBenchReport(report)).toContain('/api/contradictions');
  });
});
