#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm ci` through the "prepare" script) while it is newer
// than every source file; otherwise, as in development after an edit, the TypeScript sources
// through tsx's loader.
import { readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  try {
    return statSync(new URL('dist/.built', root)).mtimeMs >= newestSource(new URL('src', root).pathname);
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
