import { CoreError } from '../core/errors.js';
import { readInput, type ArticleInput, type ReadInputOptions } from './input.js';

/**
 * One JSONL record: `{id?, url?, title?, source?, published?, text | html}`. The record's fields win
 * over what the page says of itself.
 */

export interface ArticleRecordFields {
  id?: string;
  url?: string;
  title?: string;
  source?: string;
  published?: string;
  text?: string;
  html?: string;
}

const FIELDS = ['id', 'url', 'title', 'source', 'published', 'text', 'html'] as const;

/** The article of a parsed JSONL value; a value of the wrong shape is CG_E007, a bad text as in readInput. */
export function readRecord(value: unknown, maxBytes?: number): { id: string | null; input: ArticleInput } {
  const { fields, bytes, options } = recordBody(value, maxBytes);
  return { id: fields.id ?? null, input: withRecordFields(readInput(bytes, options), fields) };
}

/** A record checked for its shape (CG_E007), with the bytes and options to read its body with. */
export function recordBody(value: unknown, maxBytes?: number): { fields: ArticleRecordFields; bytes: Uint8Array; options: ReadInputOptions } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CoreError('CG_E007', 'expected an object with "text" or "html"');
  }
  const record = value as Record<string, unknown>;
  for (const field of FIELDS) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') {
      throw new CoreError('CG_E007', `"${field}" must be a string`);
    }
  }
  const fields = record as ArticleRecordFields;
  const body = fields.text ?? fields.html;
  if (body === undefined) throw new CoreError('CG_E007', 'expected a "text" or "html" string');
  return {
    fields,
    bytes: new TextEncoder().encode(body),
    options: { name: fields.url, contentType: fields.text !== undefined ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8', maxBytes },
  };
}

/** The record's fields win over what the page says of itself. */
export function withRecordFields(input: ArticleInput, fields: ArticleRecordFields): ArticleInput {
  return {
    ...input,
    title: fields.title ?? input.title,
    source: fields.source ?? input.source,
    published: fields.published ?? input.published,
    url: fields.url ?? input.url,
  };
}
