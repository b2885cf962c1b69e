import { formatApiBenchReport, runApiBenchmark } from '../src/server/bench.js';

/**
 * `npm run bench`, second part: the HTTP API under load (src/server/bench.ts).
 * Options: --seconds N (per route, default 3), --json. Exit 1 when a target is missed.
 */

const args = process.argv.slice(2);
const at = args.indexOf('--seconds');
const seconds = at >= 0 ? Number(args[at + 1]) : undefined;
if (seconds !== undefined && !(seconds > 0)) {
  process.stderr.write('bench/api: --seconds must be a positive number\n');
  process.exit(2);
}
const report = await runApiBenchmark({
  secondsPerRoute: seconds,
  onPhase: process.stderr.isTTY ? (phase) => process.stderr.write(`loading ${phase}…\n`) : undefined,
});
process.stdout.write(args.includes('--json') ? `${JSON.stringify(report)}\n` : `${formatApiBenchReport(report)}\n`);
process.exitCode = report.meetsTargets ? 0 : 1;
