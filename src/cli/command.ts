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
