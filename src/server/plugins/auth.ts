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

/** Shorter tokens are accepted with a warning: they can be guessed. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * The configured token: surrounding whitespace (a file's newline) trimmed, empty as none. A token
 * with whitespace inside is refused, since no `Authorization: Bearer` header could carry it; a
 * short one gets a warning.
 */
export function checkToken(raw: string | null | undefined): { token: string | null; warning: string | null } {
  const token = raw?.trim() || null;
  if (token === null) return { token, warning: null };
  if (/\s/.test(token)) throw new Error('the token holds whitespace, which a bearer token cannot carry');
  const warning = token.length < MIN_TOKEN_LENGTH ? `the token has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 24)` : null;
  return { token, warning };
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
