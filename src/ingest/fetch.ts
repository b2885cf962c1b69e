import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { InputError } from './errors.js';
import { DEFAULT_MAX_BYTES, ensureWithinLimit } from './input.js';
import { readStream } from './load.js';
import { checkUrl, parseHttpUrl, type ResolvedAddress, type UrlPolicy } from './url-policy.js';

/** A page or feed read over HTTP(S), with a time limit, a size limit and the URL policy of url-policy.ts. */

export interface FetchOptions {
  /** The whole request, redirects and body included, must finish within this time. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Larger bodies are refused (CG_E004); default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
  /** Which addresses and ports may be fetched; by default public ones on ports 80 and 443. */
  urlPolicy?: UrlPolicy;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The URL after redirects. */
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const USER_AGENT = 'claimgraph (news analysis; +https://github.com/claimgraph/claimgraph)';
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5';

/**
 * GETs `url`, following up to five redirects, each checked against the URL policy before it is
 * connected to. Errors are {@link InputError}s: a refused or malformed URL, an HTTP error status,
 * or no usable answer (CG_E009; one message for refused connections, resets and timeouts, so that
 * it does not tell open ports from closed ones), a body over the limit (CG_E004; refused from
 * Content-Length when the server sends one, else after reading just past the limit).
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = parseHttpUrl(url);
  try {
    for (let redirects = 0; ; redirects++) {
      const target = await checkUrl(current, options.urlPolicy);
      const response = await get(current, target, controller.signal).catch(() => {
        throw noAnswer(current, timeoutMs);
      });
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        if (redirects === MAX_REDIRECTS) throw new InputError('CG_E009', `cannot fetch ${url}: more than ${MAX_REDIRECTS} redirects`);
        current = parseHttpUrl(new URL(location, current).href);
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        response.resume();
        throw new InputError('CG_E009', `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''} from ${current.href}`);
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared)) ensureWithinLimit(declared, maxBytes);
      const bytes = await readStream(response, maxBytes).catch((error: unknown) => {
        if (error instanceof InputError) throw error;
        throw noAnswer(current, timeoutMs);
      });
      return { bytes, contentType: response.headers['content-type'], url: current.href };
    }
  } finally {
    clearTimeout(timer);
    // Stops a body still streaming in after a refusal.
    controller.abort();
  }
}

/** Refused, reset, unreachable or too slow: one message, so that it does not tell open ports from closed ones. */
function noAnswer(url: URL, timeoutMs: number): InputError {
  return new InputError('CG_E009', `cannot fetch ${url.href}: no complete answer within ${timeoutMs / 1000} s`);
}

/** One GET to the checked address: the connection goes to `target`, whatever the name resolves to now. */
function get(url: URL, target: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', signal, lookup: pinned, headers: { 'user-agent': USER_AGENT, accept: ACCEPT } }, resolve);
    request.on('error', reject);
    request.end();
  });
}
