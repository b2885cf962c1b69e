import type { ArticleJSON } from '../core/article.js';

/**
 * Compact forms for stored values. An article's analysis is kept without its text and without the
 * text of each span (both are slices of the article text, stored once beside it): about half the
 * size of the article JSON.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function packAnalysis(analysis: ArticleJSON): string {
  const { text: _text, ...rest } = analysis;
  return JSON.stringify(rest, function (this: Record<string, Json>, key, value: Json) {
    return key === 'text' && typeof this.start === 'number' && typeof this.end === 'number' ? undefined : value;
  });
}

export function unpackAnalysis(packed: string, text: string): ArticleJSON {
  const rest = JSON.parse(packed, (_key, value: Json) => {
    if (isSpan(value)) value.text = text.slice(value.start as number, value.end as number);
    return value;
  }) as Omit<ArticleJSON, 'text'>;
  const { schema, ...others } = rest;
  return { schema, text, ...others };
}

function isSpan(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.start === 'number' && typeof value.end === 'number' && !('text' in value);
}

/** A MinHash signature as little-endian 32-bit words, the same bytes on every platform. */
export function packSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((word, i) => view.setUint32(i * 4, word, true));
  return bytes;
}

export function unpackSignature(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getUint32(i * 4, true));
}

/**
 * A user's search words as a query every full-text engine reads the same way: each word or
 * "quoted phrase" must occur. Operators and syntax are not passed through, so no input is an error.
 */
export function searchTerms(query: string): string[] {
  return (query.match(/"[^"]*"|[^\s"]+/g) ?? [])
    .map((part) => part.replace(/"/g, '').trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
}
