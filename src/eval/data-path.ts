import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the shared data folder: `$CLAIMGRAPH_DATA`, else `../shared/data` beside the repo. */
export function sharedDataPath(...parts: string[]): string {
  return resolve(process.env.CLAIMGRAPH_DATA || resolve(REPO_ROOT, '../shared/data'), ...parts);
}

/** A path inside the repository (gold fixtures of our own, such as test/fixtures/headlines.jsonl). */
export function repoPath(...parts: string[]): string {
  return resolve(REPO_ROOT, ...parts);
}
