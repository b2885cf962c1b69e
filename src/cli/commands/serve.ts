import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEADLINE_MS } from '../../server/analysis-jobs.js';
import { buildApp } from '../../server/app.js';
import { checkToken } from '../../server/plugins/auth.js';
import { seedDemo } from '../../corpus/demo.js';
import { UsageError, type Command } from '../command.js';
import { isPostgresUrl } from '../../store/postgres/index.js';
import { withReaderThreads } from '../../store/sqlite/readers.js';
import { DEFAULT_DB, withStore } from './corpus-store.js';
import { parseOptions } from './eval.js';
import { URL_OPTIONS, URL_USAGE, urlPolicyOf } from './url-options.js';

const DEFAULT_PORT = 8080;
const DEFAULT_READERS = 2;
const DEFAULT_HOST = '127.0.0.1';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
/** Host names a browser on this machine uses for a loopback server. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const USAGE = `Usage: claimgraph serve [--db PATH] [--port N] [--host ADDRESS] [--demo] [options]

Serves the web app and the HTTP API (docs/api.md) over the corpus database, and prints the URL.

Options:
  --db PATH          the corpus database (default ${DEFAULT_DB}; created when missing)
  --port N           TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host ADDRESS     address to bind (default ${DEFAULT_HOST}: this machine only)
  --demo             when the database is empty, ingest the demo corpus first (what npm start does)
  --token-file FILE  bearer token for POST /api/ingest (else $CLAIMGRAPH_TOKEN; without either,
                     writes are refused)
  --cors ORIGIN      let pages from ORIGIN call the API (comma-separated; default: none)
  --lexicon FILE     extra organisations and aliases (docs/lexicon.md); also CLAIMGRAPH_LEXICON
  --analysis-timeout S  an analysis running longer is stopped with CG_E011 (default 30)
  --readers N        threads that answer the pages' queries on a SQLite database, each with its
                     own connection, so a slow query holds up no other request (default ${DEFAULT_READERS};
                     0: on the server's thread)
${URL_USAGE}

Stops on Ctrl-C. Exit codes: 0 stopped, 1 the database or the port cannot be used, 2 usage error.`;

async function serve(argv: string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    'token-file': { type: 'string' },
    cors: { type: 'string' },
    lexicon: { type: 'string' },
    'analysis-timeout': { type: 'string' },
    readers: { type: 'string' },
    ...URL_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0 to 65535, not "${values.port}"`);
  const host = values.host ?? DEFAULT_HOST;
  const timeout = Number(values['analysis-timeout'] ?? DEFAULT_DEADLINE_MS / 1000);
  if (!(timeout > 0)) throw new UsageError(`--analysis-timeout must be a positive number of seconds, not "${values['analysis-timeout']}"`);
  const readers = Number(values.readers ?? DEFAULT_READERS);
  if (!Number.isInteger(readers) || readers < 0 || readers > 64) throw new UsageError(`--readers must be a whole number from 0 to 64, not "${values.readers}"`);
  let checked: ReturnType<typeof checkToken>;
  try {
    checked = checkToken(values['token-file'] ? await readFile(values['token-file'], 'utf8') : process.env.CLAIMGRAPH_TOKEN);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? `cannot read --token-file ${values['token-file']}: ${(error as Error).message}` : (error as Error).message;
    process.stderr.write(`claimgraph serve: ${reason}\n`);
    return 1;
  }
  const { token } = checked;
  if (checked.warning) process.stderr.write(`claimgraph serve: warning: ${checked.warning}\n`);
  const lexiconPath = values.lexicon ?? process.env.CLAIMGRAPH_LEXICON;

  const location = values.db ?? process.env.CLAIMGRAPH_DATABASE_URL ?? DEFAULT_DB;
  return withStore('serve', values.db, true, async (opened) => {
    const seeded = values.demo ? await seedDemo(opened, { lexiconPath }) : null;
    // PostgreSQL answers concurrently; SQLite reads go to reader threads (after the demo's writes).
    const store = readers > 0 && !isPostgresUrl(location) ? withReaderThreads(opened, location, readers) : opened;
    if (seeded) {
      process.stdout.write(`claimgraph: empty database: ingested the demo corpus (${seeded.ingested} articles, ${seeded.failed.length} failed)\n`);
      for (const f of seeded.failed) process.stderr.write(`  failed: ${f.path}: ${f.error}\n`);
    }
    const pkg = await import('../../../package.json', { with: { type: 'json' } });
    const app = buildApp({
      store,
      token,
      analysis: { lexiconPath, deadlineMs: timeout * 1000, urlPolicy: urlPolicyOf(values) },
      corsOrigins: values.cors?.split(',').map((o) => o.trim()).filter(Boolean),
      allowedHosts: LOOPBACK.has(host) ? LOOPBACK_NAMES : null,
      webRoot: WEB_ROOT,
      version: pkg.default.version,
      logger: process.env.CLAIMGRAPH_DEBUG ? { level: 'info' } : false,
    });
    try {
      await app.listen({ port, host });
    } catch (error) {
      await app.close();
      await store.close();
      process.stderr.write(`claimgraph serve: cannot listen on ${host}:${port}: ${(error as Error).message}\n`);
      return 1;
    }
    const { port: bound } = app.server.address() as { port: number };
    const shown = host.includes(':') ? `[${host}]` : host;
    if (!LOOPBACK.has(host) && values['allow-private-urls']) {
      process.stderr.write('claimgraph serve: warning: reachable from the network, and /api/analyze fetches URLs of this machine and its private network (--allow-private-urls)\n');
    }
    if (!token) process.stdout.write('claimgraph: writes (POST /api/ingest) are off: set CLAIMGRAPH_TOKEN to allow them\n');
    // The address comes last: whoever waits for the server can start once it is printed.
    process.stdout.write(`claimgraph: serving ${values.db ?? DEFAULT_DB} at http://${shown}:${bound}/  (API: /api/openapi.json; Ctrl-C stops)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    await store.close();
    return 0;
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  run: serve,
};
