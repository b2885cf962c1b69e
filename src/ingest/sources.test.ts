import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSources, readSource, type SourceItem, type SourceOptions } from './sources.js';

const ARTICLE = (headline: string) => `<!doctype html><html><head><title>${headline}</title>
<meta property="og:site_name" content="Example Times"></head><body><article><h1>${headline}</h1>
<p>The minister said on Monday that the budget would be balanced next year, and that the country had no need for new taxes.</p>
<p>"We will not raise taxes this year," she told reporters in the capital. Critics said the plan was not credible.</p>
</article></body></html>`;

const ENGLISH = 'The minister said on Monday that the budget would be balanced next year, and that the country had no need for new taxes.';
const MB = 1024 * 1024;

let server: Server;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sources-'));

function rss(links: string[]): string {
  const items = links.map((l, i) => `<item><title>Item ${i + 1}</title><link>${base}${l}</link><pubDate>Thu, 24 Dec 2015 10:00:00 GMT</pubDate></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example feed</title>${items.join('')}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/feed.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(['/a.html', '/missing', '/huge', '/wrong-charset', '/cp1252.html']));
    } else if (url === '/atom.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
        `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom feed</title><entry><title>Atom item</title><link href="${base}/a.html"/><updated>2015-12-25T00:00:00Z</updated></entry></feed>`,
      );
    } else if (url === '/rdf.xml') {
      res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(
        `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>RDF feed</title></channel><item><title>RDF item</title><link>${base}/a.html</link></item></rdf:RDF>`,
      );
    } else if (url === '/broken.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>Broken</title><item><title>x</titl');
    } else if (url === '/a.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE('Minister promises balanced budget'));
    } else if (url === '/huge') {
      // 50 MB of text without a Content-Length, written only as fast as it is read.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(MB, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 && res.write(chunk)) sent += 1;
        if (sent >= 50) res.end();
        else res.once('drain', () => ((sent += 1), pump()));
      };
      pump();
    } else if (url === '/declared-huge') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * MB) });
      res.write('<p>');
    } else if (url === '/wrong-charset') {
      // A UTF-16 byte-order mark in front of UTF-8 text: decoded as UTF-16 it is not English.
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-16' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ENGLISH)]));
    } else if (url === '/cp1252.html') {
      // windows-1252 curly quotes declared as UTF-8: recovered, not failed.
      const body = Buffer.concat([Buffer.from('<html><body><p>'), Buffer.from([0x93]), Buffer.from('We will not resign,'), Buffer.from([0x94]), Buffer.from(` the minister said. ${ENGLISH}</p></body></html>`)]);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } else if (url === '/slow') {
      // Never answers.
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** The test server listens on loopback, which only --allow-private-urls lets a fetch reach. */
async function collect(path: string, options: SourceOptions = {}): Promise<SourceItem[]> {
  const { sources, failed } = await listSources([path]);
  const items: SourceItem[] = failed.map((f) => ({ ok: false, ...f }));
  for (const source of sources) for await (const item of readSource(source, { urlPolicy: { allowPrivate: true }, ...options })) items.push(item);
  return items;
}

const errorOf = (items: SourceItem[], path: string): string | undefined => {
  const item = items.find((i) => !i.ok && i.path === path);
  return item && !item.ok ? item.error : undefined;
};

describe('feeds over HTTP', () => {
  it('fetches each item’s page, lists 404, oversized and undecodable pages as failed, and carries on', async () => {
    const items = await collect(`${base}/feed.rss`);
    expect(items.map((i) => i.ok)).toEqual([true, false, false, false, true]);
    const first = items[0].ok ? items[0].document : null;
    expect(first?.path).toBe(`${base}/a.html`);
    expect(first?.input).toMatchObject({ title: 'Item 1', published: '2015-12-24T10:00:00.000Z', source: 'Example Times', format: 'html' });
    expect(first?.input.text).toContain('We will not raise taxes this year');
    expect(errorOf(items, `${base}/missing`)).toBe(`CG_E009: HTTP 404 Not Found from ${base}/missing`);
    expect(errorOf(items, `${base}/huge`)).toMatch(/^CG_E004: input too large \(over 10\.\d MB; limit 10\.0 MB\)/);
    expect(errorOf(items, `${base}/wrong-charset`)).toMatch(/^CG_E008: text does not look like English/);
    const recovered = items[4].ok ? items[4].document.input.text : '';
    expect(recovered.startsWith('“We will not resign,” the minister said.')).toBe(true);
  });

  it('reads Atom and RSS 1.0 (RDF) feeds', async () => {
    for (const [path, title] of [['/atom.xml', 'Atom item'], ['/rdf.xml', 'RDF item']]) {
      const [item] = await collect(`${base}${path}`);
      expect(item.ok && item.document.input.title).toBe(title);
    }
  });

  it('lists a malformed feed, a declared 50 MB body, a missing page and a silent server as failed with a reason', async () => {
    const broken = await collect(`${base}/broken.xml`);
    expect(broken).toEqual([{ ok: false, path: `${base}/broken.xml`, error: expect.stringMatching(/^CG_E007: not a readable RSS, Atom or RDF feed: /) }]);
    const declared = await collect(`${base}/declared-huge`);
    expect(errorOf(declared, `${base}/declared-huge`)).toBe('CG_E004: input too large (50.0 MB; limit 10.0 MB): raise the limit with --max-bytes');
    const slow = await collect(`${base}/slow`, { timeoutMs: 200 });
    expect(errorOf(slow, `${base}/slow`)).toBe(`CG_E009: cannot fetch ${base}/slow: no complete answer within 0.2 s`);
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/nothing`;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await collect(nowhere);
    // The same message as for a silent server: errors do not tell open ports from closed ones.
    expect(errorOf(refused, nowhere)).toBe(`CG_E009: cannot fetch ${nowhere}: no complete answer within 15 s`);
  });
});

describe('files and folders', () => {
  it('walks folders in name order, skipping hidden files and unknown extensions, and names a missing path', async () => {
    const root = join(dir, 'walk');
    mkdirSync(join(root, 'b', '.hidden'), { recursive: true });
    writeFileSync(join(root, 'b', 'two.html'), ARTICLE('Two'));
    writeFileSync(join(root, 'b', '.hidden', 'x.txt'), ENGLISH);
    writeFileSync(join(root, 'a.txt'), ENGLISH);
    writeFileSync(join(root, 'notes.md'), ENGLISH);
    writeFileSync(join(root, '.DS_Store'), 'x');
    const { sources, failed } = await listSources([root, join(dir, 'nope')]);
    expect(sources).toEqual([
      { path: join(root, 'a.txt'), kind: 'text' },
      { path: join(root, 'b', 'two.html'), kind: 'html' },
    ]);
    expect(failed).toEqual([{ path: join(dir, 'nope'), error: 'CG_E009: no such file or folder' }]);
  });

  it('reads JSONL records, naming each by id or line, and fails only the bad lines', async () => {
    const path = join(dir, 'records.jsonl');
    writeFileSync(path, [
      JSON.stringify({ id: 'r1', title: 'Budget', source: 'Wire', published: '2015-12-24', url: 'https://example.org/r1', text: ENGLISH }),
      '{not json',
      '',
      JSON.stringify({ title: 'No body' }),
      JSON.stringify({ text: ENGLISH, title: 7 }),
      JSON.stringify({ html: ARTICLE('From HTML') }),
    ].join('\n'));
    const items = await collect(path);
    expect(items.map((i) => (i.ok ? i.document.path : `failed ${i.path}`))).toEqual([
      `${path}#r1`, `failed ${path}:2`, `failed ${path}:4`, `failed ${path}:5`, `${path}:6`,
    ]);
    expect(items[0].ok && items[0].document.input).toMatchObject({ title: 'Budget', source: 'Wire', published: '2015-12-24', url: 'https://example.org/r1', text: ENGLISH });
    expect(errorOf(items, `${path}:2`)).toMatch(/^CG_E007: not valid JSON/);
    expect(errorOf(items, `${path}:4`)).toBe('CG_E007: expected a "text" or "html" string');
    expect(errorOf(items, `${path}:5`)).toBe('CG_E007: "title" must be a string');
    expect(items[4].ok && items[4].document.input.title).toBe('From HTML');
  });

  it('reads a feed file, whatever its name, fetching its items', async () => {
    const path = join(dir, 'saved-feed');
    writeFileSync(path, rss(['/a.html', '/missing']));
    const items = await collect(path);
    expect(items.map((i) => i.ok)).toEqual([true, false]);
  });
});
