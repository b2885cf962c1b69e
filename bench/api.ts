import { existsSync } from 'node:fs';
import { formatApiBenchReport, runApiBenchmark } from '../src/server/bench.js';

/**
 * `npm run bench`, second part: the HTTP API under load (src/server/bench.ts).
 * Options: --seconds N (per route, default 3), --connections N (default 10; 1 measures latency
 * without queueing), --db FILE (serve that SQLite corpus, e.g. one
 * `claimgraph bench-corpus --db FILE` built, instead of the demo), --json. Exit 1 when a target is missed.
 */

const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const seconds = at >= 0 ? Number(args[at + 1]) : undefined;
if (seconds !== undefined && !(seconds > 0)) {
  process.stderr.write('bench/api: --seconds must be a positive number\n');
  process.exit(2);
}
const connectionsAt = args.indexOf('--connections');
const connections = connectionsAt >= 0 ? Number(args[connectionsAt + 1]) : undefined;
if (connections !== undefined && !(Number.isInteger(connections) && connections > 0)) {
  process.stderr.write('bench/api: --connections must be a positive whole number\n');
  process.exit(2);
}
const dbAt = args.indexOf('--db');
const db = dbAt >= 0 ? args[dbAt + 1] : undefined;
if (dbAt >= 0 && (db === undefined || !existsSync(db))) {
  process.stderr.write(`bench/api: --db needs an existing corpus file (${db ?? 'none given'})\n`);
  process.exit(2);
}
const report = await runApiBenchmark({
  db,
  connections,
  secondsPerRoute: seconds,
  onPhase: process.stderr.isTTY ? (phase) => process.stderr.write(`loading ${phase}…\n`) : undefined,
});
process.stdout.write(args.includes('--json') ? `${JSON.stringify(report)}\n` : `${formatApiBenchReport(report)}\n`);
process.exitCode = report.meetsTargets ? 0 : 1;
