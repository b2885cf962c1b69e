import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { compressAssets } from '../src/server/compress-assets.ts';

/**
 * The web app: `npm run build:web` writes web/dist, which `claimgraph serve` serves. During
 * development, `npx vite --config web/vite.config.ts` serves the sources and sends /api to a
 * running `claimgraph serve` (CLAIMGRAPH_API, default http://127.0.0.1:8080).
 */
/** .br and .gz copies of the built files (wherever --outDir puts them), which the server sends to browsers that accept them. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'claimgraph-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = resolve(config.root, config.build.outDir)),
    closeBundle: async () => void (await compressAssets(outDir)),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data: modules, so the strict Content-Security-Policy holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': process.env.CLAIMGRAPH_API ?? 'http://127.0.0.1:8080' },
  },
});
