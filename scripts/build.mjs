#!/usr/bin/env node
// Compiles src/**/*.ts (tests left out) to dist/**/*.js with TypeScript's transpiler, one file at a
// time (types are checked by `npm test`, not here). dist/ sits beside src/ at the same depth, so
// paths built from import.meta.url (models/, demo/, docs/, package.json) resolve the same from
// both. bin/claimgraph.js runs dist/ while it is newer than every source file, else the sources
// through tsx. `npm ci` runs this (the "prepare" script).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist');

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
let files = 0;
for (const file of sources(src)) {
  const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, sourceMap: false, removeComments: false },
  });
  if (diagnostics?.length) {
    for (const d of diagnostics) console.error(`${relative(root, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    process.exit(1);
  }
  const target = join(out, relative(src, file)).replace(/\.ts$/, '.js');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, outputText);
  files += 1;
}
// Written last: its time says when the build finished (bin/claimgraph.js compares it with src/).
writeFileSync(join(out, '.built'), `${new Date().toISOString()}\n`);
console.log(`claimgraph: compiled ${files} files to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
