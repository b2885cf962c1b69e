/** One CLI command: `claimgraph <name> …`. `run` returns the exit code (0 ok, 1 bad input, 2 usage). */
export interface Command {
  name: string;
  /** Full --help text. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Thrown for wrong arguments; main prints the message and the usage and exits 2. */
export class UsageError extends Error {}

/** A command as the command list knows it: its module is imported only when it runs. */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

const OPTION_LINE = /^  (-[^\s]+(?: [^\s-][^\s]*)?) {2,}(\S.*)$/;
const CONTINUATION = /^ {6,}(\S.*)$/;

/**
 * The usage text with every option's description in one column, two spaces after the longest
 * option, and the descriptions' continuation lines under it: commands put their own options, the
 * shared ones (--db, --allow-private-urls …) and `--help` together.
 */
export function formatUsage(usage: string): string {
  const lines = usage.split('\n');
  const column = 2 + Math.max(0, ...lines.map((line) => OPTION_LINE.exec(line)?.[1].length ?? 0)) + 2;
  let inOption = false;
  return lines
    .map((line) => {
      const option = OPTION_LINE.exec(line);
      if (option) {
        inOption = true;
        return `  ${option[1].padEnd(column - 2)}${option[2]}`;
      }
      const continued = inOption ? CONTINUATION.exec(line) : null;
      if (continued) return `${' '.repeat(column)}${continued[1]}`;
      inOption = false;
      return line;
    })
    .join('\n');
}
