import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressAssets } from '../src/server/compress-assets.ts';

/**
 * The web app: `npm run build:web` writes web/dist, which `claimgraph serve` serves. During
 * development, `npx vite --config web/vite.config.ts` serves the sources and sends /api to a
 * running `claimgraph serve` (CLAIMGRAPH_API, default http://127.0.0.1:8080).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // .br and .gz copies of the built files, which the server sends to browsers that accept them.
  plugins: [react(), { name: 'claimgraph-precompress', apply: 'build', closeBundle: async () => void (await compressAssets(fileURLToPath(new URL('dist', import.meta.url)))) }],
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
