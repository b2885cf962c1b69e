import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { CoreError } from '../core/errors.js';
import { InputError } from './errors.js';
import { readFeed, looksLikeFeed, type FeedEntry } from './feed.js';
import { fetchBytes, type FetchOptions } from './fetch.js';
import { DEFAULT_MAX_BYTES, readInput, type ArticleInput } from './input.js';
import type { InputReader } from './input-thread.js';
import { readPath } from './load.js';
import { recordBody, withRecordFields } from './record.js';

/**
 * Where a corpus comes from: text and HTML files, JSONL files of records, RSS/Atom/RDF feeds (a
 * file or a URL; each item's page is fetched), web pages, and folders of all of these. Every
 * document comes out as an article or as a failure with its reason; one bad document never stops
 * the others.
 */

export type SourceKind = 'text' | 'html' | 'jsonl' | 'feed' | 'file' | 'url';

export interface Source {
  path: string;
  kind: SourceKind;
}

export interface SourceDocument {
  /** A file, `file.jsonl#id` or `file.jsonl:line`, or a URL. */
  path: string;
  input: ArticleInput;
}

export type SourceItem = { ok: true; document: SourceDocument } | { ok: false; path: string; error: string };

export interface SourceOptions extends FetchOptions {
  /** Feed items whose pages are fetched at once. */
  concurrency?: number;
  /** Reads each document's bytes (default: readInput on this thread; the server's runs in a worker thread). */
  reader?: InputReader;
}

const readHere: InputReader = async (bytes, options) => readInput(bytes, options);

const KIND_BY_EXTENSION: Record<string, SourceKind> = {
  '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.rdf': 'feed',
};
const DEFAULT_CONCURRENCY = 4;

/**
 * The sources named on the command line, folders walked recursively in name order. Inside a folder
 * only known extensions are read (hidden files and others are skipped); a file named directly is
 * read whatever its name. Paths that do not exist are failures.
 */
export async function listSources(paths: readonly string[]): Promise<{ sources: Source[]; failed: Array<{ path: string; error: string }> }> {
  const sources: Source[] = [];
  const failed: Array<{ path: string; error: string }> = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (KIND_BY_EXTENSION[extname(entry.name).toLowerCase()]) sources.push({ path, kind: KIND_BY_EXTENSION[extname(entry.name).toLowerCase()] });
    }
  };
  for (const path of paths) {
    if (/^https?:\/\//i.test(path)) {
      sources.push({ path, kind: 'url' });
      continue;
    }
    try {
      if ((await stat(path)).isDirectory()) await walk(path);
      else sources.push({ path, kind: KIND_BY_EXTENSION[extname(path).toLowerCase()] ?? 'file' });
    } catch (error) {
      failed.push({ path, error: reason(error) });
    }
  }
  return { sources, failed };
}

/** The documents of one source, in order. */
export async function* readSource(source: Source, options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const { path } = source;
  const read = options.reader ?? readHere;
  try {
    switch (source.kind) {
      case 'text':
      case 'html':
        yield { ok: true, document: { path, input: await read(await readPath(path, options.maxBytes ?? DEFAULT_MAX_BYTES), { name: path, maxBytes: options.maxBytes }) } };
        return;
      case 'jsonl':
        yield* readJsonl(path, options);
        return;
      case 'feed':
        yield* readFeedItems(path, readFeed(await readPath(path, options.maxBytes ?? DEFAULT_MAX_BYTES)), options);
        return;
      case 'file': {
        const bytes = await readPath(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
        if (looksLikeFeed(bytes)) yield* readFeedItems(path, readFeed(bytes), options);
        else yield { ok: true, document: { path, input: await read(bytes, { name: path, maxBytes: options.maxBytes }) } };
        return;
      }
      case 'url': {
        const page = await fetchBytes(path, options);
        if (looksLikeFeed(page.bytes, page.contentType)) yield* readFeedItems(path, readFeed(page.bytes, page.contentType), options);
        else yield { ok: true, document: { path, input: await read(page.bytes, { name: page.url, contentType: page.contentType, maxBytes: options.maxBytes }) } };
        return;
      }
    }
  } catch (error) {
    yield { ok: false, path, error: reason(error) };
  }
}

/** One item per line; a line that is not JSON or not a record is a failure of that line only. */
async function* readJsonl(path: string, options: SourceOptions): AsyncGenerator<SourceItem> {
  const read = options.reader ?? readHere;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const raw of lines) {
    number += 1;
    const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    const where = `${path}:${number}`;
    try {
      const { fields, bytes, options: readOptions } = recordBody(parseJson(line), options.maxBytes);
      const input = withRecordFields(await read(bytes, readOptions), fields);
      yield { ok: true, document: { path: fields.id ? `${path}#${fields.id}` : where, input } };
    } catch (error) {
      yield { ok: false, path: where, error: reason(error) };
    }
  }
}

/**
 * Each item's page, fetched a few at a time but yielded in feed order; without a link, the item's
 * own HTML. The item's title and date win over the page's; the page's canonical URL over the link.
 */
async function* readFeedItems(feedPath: string, entries: FeedEntry[], options: SourceOptions): AsyncGenerator<SourceItem> {
  const read = options.reader ?? readHere;
  const load = async (entry: FeedEntry, index: number): Promise<SourceItem> => {
    const path = entry.url ?? `${feedPath}#${index + 1}`;
    try {
      let input: ArticleInput;
      if (entry.url) {
        const page = await fetchBytes(entry.url, options);
        input = await read(page.bytes, { name: page.url, contentType: page.contentType, maxBytes: options.maxBytes });
      } else if (entry.content) {
        input = await read(new TextEncoder().encode(entry.content), { contentType: 'text/html; charset=utf-8', maxBytes: options.maxBytes });
      } else {
        throw new InputError('CG_E002', 'feed item has neither a link nor content');
      }
      return {
        ok: true,
        document: {
          path,
          input: { ...input, title: entry.title ?? input.title, published: entry.published ?? input.published, source: input.source ?? entry.source, url: input.url ?? entry.url },
        },
      };
    } catch (error) {
      return { ok: false, path, error: reason(error) };
    }
  };
  const limit = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const pending: Array<Promise<SourceItem>> = [];
  for (let i = 0; i < entries.length || pending.length > 0; ) {
    while (i < entries.length && pending.length < limit) pending.push(load(entries[i], i++));
    yield await (pending.shift() as Promise<SourceItem>);
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new CoreError('CG_E007', `not valid JSON (${(error as Error).message})`);
  }
}

/** One line for the `failed` list: the coded message, else the error's own. */
function reason(error: unknown): string {
  if (error instanceof CoreError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `CG_E009: no such file or folder`;
  if (code === 'EACCES' || code === 'EPERM') return `CG_E009: permission denied`;
  return `CG_E012: ${error instanceof Error ? error.message : String(error)}`;
}
