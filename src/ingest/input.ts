import { looksEnglish } from '../core/language.js';
import { decodeBytes, detectUnicode } from './decode.js';
import { InputError } from './errors.js';
import { extractArticle } from './html.js';

/** One document ready for analysis: its text (every offset indexes it) and what the page said of it. */
export interface ArticleInput {
  text: string;
  /** The page's headline (HTML only; in plain text the headline is part of `text`). */
  title: string | null;
  /** Site name, else byline (HTML only). */
  source: string | null;
  /** Publication time as the page states it (HTML only). */
  published: string | null;
  url: string | null;
  format: 'text' | 'html';
  /** WHATWG name of the encoding the bytes were decoded with. */
  encoding: string;
}

export interface ReadInputOptions {
  /** File name or URL: its extension picks the format, and a URL becomes `url`. */
  name?: string;
  /** HTTP Content-Type: its media type picks the format, its charset the encoding. */
  contentType?: string;
  /** Larger inputs are refused (CG_E004). Default {@link DEFAULT_MAX_BYTES}. */
  maxBytes?: number;
}

/** News articles are tens of kilobytes; 10 MB leaves room for bloated HTML pages. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Bytes examined for control characters; a binary file shows itself at once. */
const BINARY_SAMPLE = 65536;
/** More control bytes than this share (besides tab, line feed …) make a file binary. */
const MAX_CONTROL_SHARE = 0.05;
const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const HTML_EXTENSION = /\.(?:html?|xhtml|shtml)$/i;
const TEXT_EXTENSION = /\.(?:txt|text)$/i;
const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|p|div|h[1-6])[\s>]/i;
const HTML_TAG = /<\/?(?:p|div|br|span|a|body|html|article|section|h[1-6]|ul|li|table)\b[^>]*>/gi;
/** A character that is neither whitespace nor invisible (zero-width spaces and joiners, BOM, soft hyphen, bidi marks). */
const VISIBLE = /[^\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
/** At least this many common tags in the first kilobytes make an untyped file HTML. */
const MIN_HTML_TAGS = 3;

/**
 * Bytes → an English article, or an {@link InputError} with a one-line reason: too large (CG_E004),
 * empty (CG_E002), binary (CG_E003), undecodable (CG_E005) or not English (CG_E008).
 */
export function readInput(bytes: Uint8Array, options: ReadInputOptions = {}): ArticleInput {
  // The size comes first so a huge input is refused before any of it is decoded.
  ensureWithinLimit(bytes.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (bytes.length === 0) throw new InputError('CG_E002', 'empty input (0 bytes): nothing to analyse');
  if (!detectUnicode(bytes)) rejectBinary(bytes);
  const { text: decoded, encoding } = decodeBytes(bytes, { contentType: options.contentType });
  const url = options.name && /^https?:\/\//i.test(options.name) ? options.name : null;
  const article = isHtml(decoded, options) ? extractArticle(decoded, url ?? undefined) : null;
  const text = article?.text ?? decoded;
  if (!VISIBLE.test(text)) {
    throw new InputError('CG_E002', article ? 'no article text found in the HTML page' : 'no text: the input holds only whitespace or invisible characters');
  }
  // Decided on the article's body: an English headline over a foreign text does not make it English.
  const body = article?.title && text.startsWith(article.title) ? text.slice(article.title.length) : text;
  const { english, score, likely } = looksEnglish(body);
  if (!english) {
    const percent = Math.round(score * 100);
    const guess = likely ? `; more like ${likely}` : '';
    throw new InputError('CG_E008', `text does not look like English (${percent}% English function words${guess}); claimgraph analyses English news`);
  }
  return {
    text,
    title: article?.title ?? null,
    source: article ? (article.siteName ?? article.byline) : null,
    published: article?.published ?? null,
    url: article?.url ?? url,
    format: article ? 'html' : 'text',
    encoding,
  };
}

/**
 * Throws CG_E004 when `size` bytes exceed `maxBytes`. `complete` is false when `size` is only what
 * has been read so far of a stream.
 */
export function ensureWithinLimit(size: number, maxBytes: number, complete = true): void {
  if (size <= maxBytes) return;
  const actual = `${complete ? '' : 'over '}${formatBytes(size)}`;
  throw new InputError('CG_E004', `input too large (${actual}; limit ${formatBytes(maxBytes)}): raise the limit with --max-bytes`);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Throws CG_E003 for NUL bytes or many control bytes; call only on bytes that are not UTF-16. */
function rejectBinary(bytes: Uint8Array): void {
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError('CG_E003', `binary file (NUL bytes at offset ${nul}): not a text or HTML document`);
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let controls = 0;
  for (const byte of sample) {
    // Tab, line feed, vertical tab, form feed and carriage return occur in text; ESC in ISO-2022.
    if (byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) controls += 1;
  }
  if (controls > sample.length * MAX_CONTROL_SHARE) {
    const percent = Math.round((controls / sample.length) * 100);
    throw new InputError('CG_E003', `binary file (${percent}% control bytes): not a text or HTML document`);
  }
}

/** The Content-Type decides, then the file extension, then the document's first kilobytes. */
function isHtml(text: string, { name, contentType }: ReadInputOptions): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType && HTML_MEDIA_TYPES.has(mediaType)) return true;
  if (mediaType === 'text/plain') return false;
  const path = name?.replace(/[?#].*$/, '');
  if (path && HTML_EXTENSION.test(path)) return true;
  if (path && TEXT_EXTENSION.test(path)) return false;
  const head = text.slice(0, 4096);
  return HTML_START.test(head) || (head.match(HTML_TAG)?.length ?? 0) >= MIN_HTML_TAGS;
}
