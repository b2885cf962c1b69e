import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

/** `claimgraph serve` as `npm start` runs it: a real process, a real port, a real database file. */

const BIN = new URL('../../../bin/claimgraph.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-serve-'));
/** Servers still running when a test fails are stopped here. */
const started = new Set<ChildProcess>();
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  lines: string[];
  url: string;
}

/** Starts the server and waits for the line with its address. */
function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join('\n')}`)));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
        lines.push(line);
        const url = / at (http:\/\/\S+)/.exec(line)?.[1];
        if (url) resolve({ child, lines, url });
      });
    }
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('claimgraph serve', () => {
  it('with --demo, fills an empty database, serves on 127.0.0.1, and stops cleanly on Ctrl-C', async () => {
    const db = join(dir, 'demo.db');
    const first = await start(['--demo', '--db', db]);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(first.lines.join('\n')).toContain('ingested the demo corpus (5 articles, 0 failed)');
    expect(first.lines.join('\n')).toContain('writes (POST /api/ingest) are off');
    expect(await (await fetch(`${first.url}api/health`)).json()).toMatchObject({ status: 'ok', articles: 5 });
    const write = await fetch(`${first.url}api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls: ['http://127.0.0.1:9/'] }) });
    expect(write.status).toBe(403);
    expect(await stop(first.child)).toBe(0);

    // A database that holds articles is served as it is.
    const again = await start(['--demo', '--db', db], { CLAIMGRAPH_TOKEN: 'secret' });
    expect(again.lines.join('\n')).not.toContain('ingested the demo corpus');
    expect(again.lines.join('\n')).not.toContain('writes (POST /api/ingest) are off');
    const unauthorised = await fetch(`${again.url}api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls: ['http://127.0.0.1:9/'] }) });
    expect(unauthorised.status).toBe(401);
    expect(await stop(again.child)).toBe(0);
  });

  it('refuses bad options with exit 2', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
    expect(stderr).toContain('--port must be 0 to 65535');
  });
});
