import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBytes } from './fetch.js';
import { checkUrl, parseHttpUrl, restrictedKind, type ResolvedAddress } from './url-policy.js';

/**
 * SSRF: URLs that lead to this machine or its private network are refused before any connection.
 * Names are resolved by a stub, and the only server is on loopback: no traffic leaves the machine.
 */

const stub = (table: Record<string, string[]>) => async (hostname: string): Promise<ResolvedAddress[]> =>
  (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const resolve = stub({
  localhost: ['127.0.0.1', '::1'],
  'rebind.example': ['93.184.216.34', '10.0.0.7'],
  'metadata.example': ['169.254.169.254'],
  'news.example': ['93.184.216.34'],
});

let server: Server;
let port: number;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/hop') response.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${port}/secret` }).end();
    else response.writeHead(200, { 'content-type': 'text/plain' }).end('The minister said the talks would go on.');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('restrictedKind', () => {
  it('names every non-public range, in IPv4 and IPv6, and IPv4 inside IPv6', () => {
    const cases: Record<string, string | null> = {
      '127.0.0.1': 'loopback', '127.255.0.9': 'loopback', '::1': 'loopback', '0.0.0.0': 'unspecified', '::': 'unspecified',
      '10.1.2.3': 'private', '172.16.0.1': 'private', '192.168.1.1': 'private', '100.64.0.1': 'private',
      '169.254.169.254': 'link-local', 'fe80::1': 'link-local', 'fd00::1': 'unique-local', 'fc00::1': 'unique-local',
      '224.0.0.1': 'multicast', 'ff02::1': 'multicast', '255.255.255.255': 'reserved', '192.0.2.1': 'reserved',
      '::ffff:127.0.0.1': 'loopback', '::ffff:7f00:1': 'loopback', '::ffff:a9fe:a9fe': 'link-local', '64:ff9b::a00:1': 'private',
      '2002:7f00:1::': 'loopback', '93.184.216.34': null, '2606:2800:220:1:248:1893:25c8:1946': null, '8.8.8.8': null,
    };
    for (const [address, kind] of Object.entries(cases)) expect(restrictedKind(address), address).toBe(kind);
  });
});

describe('checkUrl', () => {
  it('refuses loopback in every spelling the URL parser accepts, and names that resolve there', async () => {
    const spellings = ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f000001/', 'http://127.1/', 'http://0/', 'http://017700000001/',
      'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[0:0:0:0:0:0:0:1]/', 'http://localhost/', 'http://LOCALHOST./'];
    for (const url of spellings) {
      await expect(checkUrl(parseHttpUrl(url), { resolve: stub({ localhost: ['127.0.0.1'], 'localhost.': ['127.0.0.1'] }) }), url).rejects.toThrow(/^CG_E009: refused to fetch .*(loopback|unspecified) address \(--allow-private-urls allows it\)$/);
    }
  });

  it('refuses link-local, private, and a name with any private address among its public ones', async () => {
    await expect(checkUrl(parseHttpUrl('http://metadata.example/latest/'), { resolve })).rejects.toThrow('metadata.example resolves to 169.254.169.254, which is a link-local address');
    await expect(checkUrl(parseHttpUrl('http://10.0.0.1/'), { resolve })).rejects.toThrow('10.0.0.1 is a private address');
    await expect(checkUrl(parseHttpUrl('http://rebind.example/'), { resolve })).rejects.toThrow('rebind.example resolves to 10.0.0.7, which is a private address');
  });

  it('allows public addresses on ports 80 and 443, others only when configured, and anything with --allow-private-urls', async () => {
    expect(await checkUrl(parseHttpUrl('https://news.example/story'), { resolve })).toEqual({ address: '93.184.216.34', family: 4 });
    await expect(checkUrl(parseHttpUrl('http://news.example:8080/'), { resolve })).rejects.toThrow('port 8080 (only 80 and 443 unless --url-ports allows others)');
    expect(await checkUrl(parseHttpUrl('http://news.example:8080/'), { resolve, ports: [8080] })).toMatchObject({ address: '93.184.216.34' });
    expect(await checkUrl(parseHttpUrl('http://127.0.0.1:6379/'), { allowPrivate: true })).toEqual({ address: '127.0.0.1', family: 4 });
    await expect(checkUrl(parseHttpUrl('http://nowhere.example/'), { resolve })).rejects.toThrow('CG_E009: cannot fetch http://nowhere.example/: host nowhere.example not found');
  });

  it('calls malformed URLs malformed', () => {
    for (const url of ['http://[::1', 'http://', 'http://a b/', 'not a url']) expect(() => parseHttpUrl(url), url).toThrow(/^CG_E009: not a valid http or https URL/);
  });
});

describe('fetchBytes with the policy', () => {
  it('refuses before connecting: the loopback server sees no request', async () => {
    const before = requests.length;
    await expect(fetchBytes(`http://127.0.0.1:${port}/`)).rejects.toThrow(/^CG_E009: refused to fetch/);
    await expect(fetchBytes(`http://localhost:${port}/`, { urlPolicy: { resolve, ports: [port] } })).rejects.toThrow('localhost resolves to 127.0.0.1, which is a loopback address');
    expect(requests.length).toBe(before);
  });

  it('checks every redirect before following it', async () => {
    const before = requests.length;
    const policy = { allowPrivate: ['127.0.0.1'], ports: [port] };
    expect(new TextDecoder().decode((await fetchBytes(`http://127.0.0.1:${port}/page`, { urlPolicy: policy })).bytes)).toContain('minister');
    await expect(fetchBytes(`http://127.0.0.1:${port}/hop`, { urlPolicy: policy })).rejects.toThrow(`refused to fetch http://[::ffff:7f00:1]:${port}/secret: ::ffff:7f00:1 is a loopback address`);
    expect(requests.slice(before)).toEqual(['/page', '/hop']);
  });

  it('connects to the address it checked, not to what the name resolves to later', async () => {
    let calls = 0;
    // The first answer is the one checked; a second lookup would say 10.0.0.1.
    const rebinding = async (): Promise<ResolvedAddress[]> => [{ address: calls++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    const fetched = await fetchBytes(`http://pinned.example:${port}/pinned`, { urlPolicy: { allowPrivate: ['127.0.0.1'], ports: [port], resolve: rebinding } });
    expect(fetched.url).toBe(`http://pinned.example:${port}/pinned`);
    expect(calls).toBe(1);
  });
});
