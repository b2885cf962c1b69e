import { commands } from './commands/index.js';
import { LexiconExtensionError } from '../core/lexicon/extension.js';
import { UsageError, formatUsage } from './command.js';

/** Command names and summaries stand in two columns, at least two spaces apart. */
const NAME_WIDTH = Math.max(...commands.map((c) => c.name.length)) + 2;

const HELP = `claimgraph — who said what, about whom, who denies it, and where sources contradict each other

Usage: claimgraph <command> [options]      claimgraph <command> --help

Commands:
${commands.map((c) => `  ${c.name.padEnd(NAME_WIDTH)}${c.summary}`).join('\n')}

Exit codes: 0 ok, 1 bad input, 2 usage error.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    process.stdout.write(`${pkg.default.version}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`claimgraph: unknown command "${name}". Run "claimgraph --help" for the list.\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${formatUsage(command.usage)}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`claimgraph ${name}: ${error.message}\n\n${formatUsage(command.usage)}\n`);
      return 2;
    }
    // A user lexicon that cannot be used is bad input, whichever command read it.
    if (error instanceof LexiconExtensionError) {
      process.stderr.write(`claimgraph ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An unexpected failure is a bug: say so in one line, keep the stack for CLAIMGRAPH_DEBUG.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`claimgraph: internal error: ${message}\n`);
    if (process.env.CLAIMGRAPH_DEBUG) console.error(error);
    process.exitCode = 70;
  },
);
