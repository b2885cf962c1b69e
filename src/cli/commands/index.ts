import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { benchCommand } from './bench.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval.js';
import { trainCommand } from './train.js';

/** Every CLI command, in the order `claimgraph --help` lists them. */
export const commands: Command[] = [
  analyzeCommand,
  demoCommand,
  evalCommand,
  benchCommand,
  trainCommand,
];
