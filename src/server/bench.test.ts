import { describe, expect, it } from 'vitest';
import { formatApiBenchReport, runApiBenchmark } from './bench.js';

describe('runApiBenchmark', () => {
  it('loads every read route of a real server process, as the web app asks for it, and reports rates and latencies', async () => {
    const report = await runApiBenchmark({ secondsPerRoute: 0.3, connections: 2 });
    expect(report.routes.map((r) => r.route.replace(/\/[0-9a-z]{15,}$/, '/:id').replace(/speaker=[^&]+/, 'speaker=NAME'))).toEqual([
      '/api/health', '/api/articles?limit=100', '/api/articles/:id', '/api/entities?limit=100', '/api/entities/:id', '/api/quotes?speaker=NAME&limit=100',
      '/api/stories?limit=50&articles=20', '/api/stories/:id', '/api/contradictions?limit=50', '/api/network', '/api/search?q=channel',
    ]);
    for (const r of [...report.routes, report.mixed]) {
      expect(r.failures, r.route).toBe(0);
      expect(r.requests).toBeGreaterThan(0);
      expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    }
    expect(formatApiBenchReport(report)).toContain('/api/contradictions');
  });
});
