#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the source is the only build.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
