import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler of write routes: a bearer token equal to the configured one, or a refusal. */
    requireToken: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

export interface AuthPluginOptions {
  /** The bearer token writes need; with none configured, every write is refused. */
  token: string | null;
}

/** Digests compared in constant time, so neither the token's length nor its prefix leaks. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export const authPlugin = fp<AuthPluginOptions>(
  async (app, { token }) => {
    const expected = token ? digest(token) : null;
    app.decorate('requireToken', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!expected) {
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'writes are disabled: start the server with CLAIMGRAPH_TOKEN set' });
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!match || !timingSafeEqual(digest(match[1]), expected)) {
        reply.header('www-authenticate', 'Bearer realm="claimgraph"');
        return reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'a valid bearer token is required (Authorization: Bearer …)' });
      }
    });
  },
  { name: 'claimgraph-auth', fastify: '5.x' },
);
