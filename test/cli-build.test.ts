import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';

/**
 * The CLI starts at once: the command list imports no command module (their imports — fastify,
 * pg, graphile-worker, the models — load only for the command that runs), and `npm ci` compiles
 * the sources (the "prepare" script), which bin/claimgraph.js runs while they are current.
 */

describe('the command list', () => {
  it('holds names and summaries only, and loads each command on demand', async () => {
    const source = readFileSync(new URL('../src/cli/commands/index.ts', import.meta.url), 'utf8');
    expect(source.match(/^import (?!type ).*$/gm) ?? []).toEqual([]);
    for (const entry of commands) expect((await entry.load()).name).toBe(entry.name);
  });

  it('is compiled by npm ci (prepare), web app included', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.prepare).toBe('node scripts/build.mjs && npm run build:web');
    expect(readFileSync(new URL('../bin/claimgraph.js', import.meta.url), 'utf8')).toContain("import('../dist/cli/main.js')");
  });
});
