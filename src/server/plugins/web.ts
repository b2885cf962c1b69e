import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * The web app: the files `vite build` wrote (web/dist). Asset names carry a content hash, so they
 * are cached for good; index.html is revalidated so a rebuilt app shows at once. Text files are
 * served brotli- or gzip-compressed when the browser accepts it, from the .br and .gz copies
 * compress-assets.ts writes at build time (`npm run build:web`).
 */

export interface WebPluginOptions {
  root: string;
}

export const webPlugin = fp<WebPluginOptions>(
  async (app, { root }) => {
    if (!existsSync(join(root, 'index.html'))) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) =>
        reply.code(503).type('text/plain').send(`The web app is not built (no ${join(root, 'index.html')}): run "npm run build:web". The API is at /api/.\n`),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      // Our Cache-Control, not send's default max-age=0.
      cacheControl: false,
      setHeaders(res, path) {
        res.setHeader('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  },
  { name: 'claimgraph-web', fastify: '5.x' },
);
