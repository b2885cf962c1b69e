import { lookup } from 'node:dns/promises';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { InputError } from './errors.js';

/**
 * Which URLs claimgraph may fetch (for `/api/analyze`, ingest of pages and feeds). By default only
 * ports 80 and 443 of public addresses: a URL that names or resolves to this machine or its
 * private network is refused before any connection, whatever its spelling (`127.1`, `0x7f000001`,
 * `[::ffff:127.0.0.1]`, a name that resolves there), and so is a redirect to one. The address that
 * was checked is the one connected to (fetch.ts pins it), so a name cannot resolve to a public
 * address for the check and a private one for the connection.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface UrlPolicy {
  /**
   * `true` allows loopback, private, link-local … addresses and any port (`--allow-private-urls`);
   * a list allows just those addresses (as resolved, e.g. `127.0.0.1`).
   */
  allowPrivate?: boolean | readonly string[];
  /** Ports allowed besides 80 and 443 (`--url-ports`). */
  ports?: readonly number[];
  /** Name resolution; the system resolver by default (tests pass a stub). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

const PUBLIC_PORTS = [80, 443];

/** Address ranges that are not the public internet, by what they are (IANA special-purpose registries). */
const RANGES: Array<[string, Array<[string, number, 'ipv4' | 'ipv6']>]> = [
  ['unspecified', [['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6']]],
  ['loopback', [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']]],
  ['private', [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['100.64.0.0', 10, 'ipv4']]],
  ['link-local', [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']]],
  ['unique-local', [['fc00::', 7, 'ipv6'], ['fec0::', 10, 'ipv6']]],
  ['multicast', [['224.0.0.0', 4, 'ipv4'], ['ff00::', 8, 'ipv6']]],
  [
    'reserved',
    [
      ['192.0.0.0', 24, 'ipv4'], ['192.0.2.0', 24, 'ipv4'], ['198.18.0.0', 15, 'ipv4'], ['198.51.100.0', 24, 'ipv4'],
      ['203.0.113.0', 24, 'ipv4'], ['240.0.0.0', 4, 'ipv4'], ['2001:db8::', 32, 'ipv6'], ['100::', 64, 'ipv6'],
      // IPv4-compatible addresses (::a.b.c.d), deprecated.
      ['::', 96, 'ipv6'],
    ],
  ],
];
const BLOCKS = RANGES.map(([kind, ranges]) => {
  const list = new BlockList();
  for (const [network, prefix, type] of ranges) list.addSubnet(network, prefix, type);
  return { kind, list };
});

/** IPv6 forms that carry an IPv4 address: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002:AABB:CCDD::/48). */
function embeddedIPv4(address: string): string | null {
  const words = expandIPv6(address);
  if (!words) return null;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6], words[7]);
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6], words[7]);
  if (words[0] === 0x2002) return v4(words[1], words[2]);
  return null;
}

/** The eight 16-bit words of an IPv6 address (dotted IPv4 tails included), or null. */
function expandIPv6(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const first = parse(head);
  const last = parse(tail);
  const words = tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill(0), ...last];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** What kind of non-public address `address` is ("loopback", "private" …), or null for a public one. */
export function restrictedKind(address: string): string | null {
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
  if (!family) return 'unparsable';
  if (family === 'ipv6') {
    const v4 = embeddedIPv4(address);
    if (v4) return restrictedKind(v4);
  }
  for (const { kind, list } of BLOCKS) if (list.check(address, family)) return kind;
  return null;
}

/** A URL as given, or CG_E009 saying it is not one (the server answers 400). */
export class MalformedUrlError extends InputError {
  constructor(url: string) {
    super('CG_E009', `not a valid http or https URL: ${JSON.stringify(url.slice(0, 200))}`);
    this.name = 'MalformedUrlError';
  }
}

export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MalformedUrlError(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('CG_E009', `only http and https URLs are fetched, not ${parsed.protocol}`);
  }
  if (parsed.hostname === '') throw new MalformedUrlError(url);
  return parsed;
}

const systemResolve = async (hostname: string): Promise<ResolvedAddress[]> =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/**
 * The address to connect to for `url`, after checking its port and every address its host
 * resolves to (one restricted address refuses the URL: a name must not straddle). Throws CG_E009
 * with the reason; a name that does not resolve says only that.
 */
export async function checkUrl(url: URL, policy: UrlPolicy = {}): Promise<ResolvedAddress> {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const allowOpt = '(--allow-private-urls allows it)';
  if (policy.allowPrivate !== true && !PUBLIC_PORTS.includes(port) && !policy.ports?.includes(port)) {
    throw new InputError('CG_E009', `refused to fetch ${url.href}: port ${port} (only 80 and 443 unless --url-ports allows others)`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  if (isIPv4(host) || isIPv6(host)) {
    addresses = [{ address: host, family: isIPv4(host) ? 4 : 6 }];
  } else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new InputError('CG_E009', `cannot fetch ${url.href}: host ${host} not found`);
  }
  if (policy.allowPrivate !== true) {
    for (const { address } of addresses) {
      const kind = Array.isArray(policy.allowPrivate) && policy.allowPrivate.includes(address) ? null : restrictedKind(address);
      if (kind) throw new InputError('CG_E009', `refused to fetch ${url.href}: ${host === address ? address : `${host} resolves to ${address}, which`} is a ${kind} address ${allowOpt}`);
    }
  }
  return addresses[0];
}
