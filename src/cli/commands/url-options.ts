import type { UrlPolicy } from '../../ingest/url-policy.js';
import { UsageError } from '../command.js';

/** The options of commands that fetch URLs (serve, ingest): which addresses and ports they may reach. */

export const URL_OPTIONS = {
  'allow-private-urls': { type: 'boolean' },
  'url-ports': { type: 'string' },
} as const;

export const URL_USAGE = `  --allow-private-urls  also fetch URLs of this machine and private networks, on any port
                        (refused by default: loopback, private, link-local, multicast …)
  --url-ports LIST      ports allowed besides 80 and 443 (comma-separated)`;

export function urlPolicyOf(values: { 'allow-private-urls'?: boolean; 'url-ports'?: string }): UrlPolicy {
  const ports = values['url-ports']?.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
    const port = Number(p);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--url-ports must list ports 1 to 65535, not "${p}"`);
    return port;
  });
  return { allowPrivate: values['allow-private-urls'] === true, ports };
}
