import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { formatTable } from '../eval/table.js';
import type { ArticleSummaryJSON, EntityJSON, StoryJSON } from './types.js';

/**
 * The API load run (part of `npm run bench`): `claimgraph serve --demo` (or `serve --db FILE` on a
 * big corpus) in its own process, as a user starts it, and autocannon on this one sending read
 * requests over loopback, each route in turn and then all of them mixed. Targets: ≥ 200
 * requests/s with p99 latency under 100 ms.
 */

export const API_TARGETS = { requestsPerSecond: 200, p99Ms: 100 };

export interface LoadResult {
  route: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
}

export interface ApiBenchReport {
  connections: number;
  secondsPerRoute: number;
  routes: LoadResult[];
  mixed: LoadResult;
  meetsTargets: boolean;
}

export interface ApiBenchOptions {
  /** Serve this existing corpus (a SQLite file) instead of a new demo corpus. */
  db?: string;
  secondsPerRoute?: number;
  connections?: number;
  onPhase?: (phase: string) => void;
}

const BIN = fileURLToPath(new URL('../../bin/claimgraph.js', import.meta.url));

export async function runApiBenchmark(options: ApiBenchOptions = {}): Promise<ApiBenchReport> {
  const seconds = options.secondsPerRoute ?? 3;
  const connections = options.connections ?? 10;
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-api-'));
  const args = options.db === undefined ? ['--demo', '--db', join(dir, 'corpus.db')] : ['--db', options.db];
  options.onPhase?.(`starting claimgraph serve ${args.join(' ')}`);
  const { server, base } = await startServer(args);
  try {
    const paths = await readPaths(base);
    const routes: LoadResult[] = [];
    for (const path of paths) {
      options.onPhase?.(`GET ${path}`);
      routes.push(await load(base, [path], seconds, connections));
    }
    options.onPhase?.('all routes mixed');
    const mixed = { ...(await load(base, paths, seconds * 2, connections)), route: 'all of the above, mixed' };
    const meets = (r: LoadResult) => r.failures === 0 && r.requestsPerSecond >= API_TARGETS.requestsPerSecond && r.p99Ms < API_TARGETS.p99Ms;
    return { connections, secondsPerRoute: seconds, routes, mixed, meetsTargets: [...routes, mixed].every(meets) };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts the server on a free port and reads its address from the line it prints. */
async function startServer(args: string[]): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, [BIN, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream });
  const base = await new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`claimgraph serve stopped (exit code ${code}) before serving`)));
    lines.on('line', (line) => {
      const url = /serving .* at (http:\/\/\S+?)\/? /.exec(line)?.[1];
      if (url) resolve(url);
    });
  });
  return { server, base };
}

/**
 * One of each read route as the web app asks for it (lists a page at a time), with ids taken from
 * the corpus the server holds: the latest article, the most mentioned entity, the largest story.
 */
async function readPaths(base: string): Promise<string[]> {
  const json = async <T>(path: string): Promise<T> => (await fetch(`${base}${path}`)).json() as Promise<T>;
  const [articles, entities, stories] = await Promise.all([
    json<ArticleSummaryJSON[]>('/api/articles?limit=1'),
    json<EntityJSON[]>('/api/entities?limit=1'),
    json<StoryJSON[]>('/api/stories?limit=1&articles=1'),
  ]);
  return [
    '/api/health',
    '/api/articles?limit=100',
    `/api/articles/${articles[0].id}`,
    '/api/entities?limit=100',
    `/api/entities/${entities[0].id}`,
    `/api/quotes?speaker=${encodeURIComponent(entities[0].name)}&limit=100`,
    '/api/stories?limit=50&articles=20',
    `/api/stories/${stories[0].id}`,
    '/api/contradictions?limit=50',
    '/api/network',
    '/api/search?q=channel',
  ];
}

async function load(base: string, paths: string[], seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    route: paths.length === 1 ? paths[0] : paths.join(' '),
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

export function formatApiBenchReport(report: ApiBenchReport): string {
  const rows = [...report.routes, report.mixed].map((r) => [r.route, String(r.requestsPerSecond), String(r.p50Ms), String(r.p99Ms), String(r.requests), String(r.failures)]);
  return [
    `API load, ${report.connections} connections, ${report.secondsPerRoute} s a route (targets: ≥ ${API_TARGETS.requestsPerSecond} req/s, p99 < ${API_TARGETS.p99Ms} ms)`,
    formatTable([['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failures'], ...rows]),
    report.meetsTargets ? 'all routes meet the targets' : 'NOT MET on some route',
  ].join('\n');
}
