import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';

const BIN = new URL('../bin/claimgraph.js', import.meta.url).pathname;

describe('claimgraph --help', () => {
  it('lists every command with its summary, the two set apart', () => {
    const help = execFileSync('node', [BIN, '--help'], { encoding: 'utf8' });
    for (const command of commands) expect(help).toMatch(new RegExp(`^  ${command.name} {2,}${command.summary.slice(0, 10).replace(/[()]/g, '\\$&')}`, 'm'));
  });
});
