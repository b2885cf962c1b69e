import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatUsage } from '../src/cli/command.js';
import { commands } from '../src/cli/commands/index.js';

const BIN = new URL('../bin/claimgraph.js', import.meta.url).pathname;

describe('claimgraph --help', () => {
  it('lists every command with its summary, the two set apart', () => {
    const help = execFileSync('node', [BIN, '--help'], { encoding: 'utf8' });
    for (const command of commands) expect(help).toMatch(new RegExp(`^  ${command.name} {2,}${command.summary.slice(0, 10).replace(/[()]/g, '\\$&')}`, 'm'));
  });

  it("prints each command's options with their descriptions in one column", async () => {
    for (const entry of commands) {
      const usage = formatUsage((await entry.load()).usage);
      const columns = new Set<number>();
      for (const line of usage.split('\n')) {
        const option = /^  (-\S+(?: [^\s-]\S*)?)( {2,})\S/.exec(line);
        if (option) columns.add(2 + option[1].length + option[2].length);
      }
      expect([...columns].length, `${entry.name}: ${[...columns]}`).toBeLessThanOrEqual(1);
    }
  });
});
