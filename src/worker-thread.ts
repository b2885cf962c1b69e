import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Worker threads for modules of this package. Compiled (dist/), a module is JavaScript and runs as
 * it is; from the sources (tests, development) it is TypeScript and runs through tsx's loader, as
 * bin/claimgraph.js does when there is no build.
 */

/** The module `name` beside the module at `from`, with the same extension (.ts in the sources, .js compiled). */
export function siblingModule(name: string, from: string): URL {
  return new URL(`${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from);
}

export function startModuleWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
