import { InputError } from './errors.js';
import { DEFAULT_MAX_BYTES, ensureWithinLimit } from './input.js';
import { readStream } from './load.js';

/** A page or feed read over HTTP(S), with a time limit and a size limit. */

export interface FetchOptions {
  /** The whole request, body included, must finish within this time. Default {@link DEFAULT_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Larger bodies are refused (CG_E004); default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The URL after redirects. */
  url: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const USER_AGENT = 'claimgraph (news analysis; +https://github.com/claimgraph/claimgraph)';

/**
 * GETs `url`. Errors are {@link InputError}s: an HTTP error status, a timeout or a network failure
 * (CG_E009), a body over the limit (CG_E004; refused from Content-Length when the server sends one,
 * else after reading just past the limit).
 */
export async function fetchBytes(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { 'user-agent': USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5' },
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new InputError('CG_E009', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${url}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared)) {
      try {
        ensureWithinLimit(declared, maxBytes);
      } catch (error) {
        await response.body?.cancel();
        throw error;
      }
    }
    const bytes = response.body ? await readStream(response.body, maxBytes) : new Uint8Array();
    return { bytes, contentType: response.headers.get('content-type') ?? undefined, url: response.url || url };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (controller.signal.aborted) throw new InputError('CG_E009', `no complete answer within ${timeoutMs / 1000} s from ${url}`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new InputError('CG_E009', `cannot fetch ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  } finally {
    clearTimeout(timer);
    // Stops a body still streaming in after a refusal.
    controller.abort();
  }
}
