import fp from 'fastify-plugin';

/**
 * Response headers that keep the UI and the API from being framed, sniffed or made to run foreign
 * script, and a Host check that stops DNS rebinding: a page on another site whose name is made to
 * resolve to 127.0.0.1 would otherwise reach this server as same-origin.
 */

export interface SecurityPluginOptions {
  /** Host names (without port) requests may be addressed to; null allows any. */
  allowedHosts: readonly string[] | null;
}

/** The one rule cytoscape inserts as a <style> element (".__________cytoscape_container { position: relative; }"). */
const CYTOSCAPE_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${CYTOSCAPE_STYLE}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityPlugin = fp<SecurityPluginOptions>(
  async (app, { allowedHosts }) => {
    const allowed = allowedHosts ? new Set(allowedHosts.map((h) => h.toLowerCase())) : null;
    if (allowed) {
      app.addHook('onRequest', async (request, reply) => {
        if (!allowed.has(request.hostname.toLowerCase())) {
          return reply.code(421).send({ statusCode: 421, error: 'Misdirected Request', message: `this server does not answer for host "${request.hostname}"` });
        }
      });
    }
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('cross-origin-opener-policy', 'same-origin');
    });
  },
  { name: 'claimgraph-security', fastify: '5.x' },
);
