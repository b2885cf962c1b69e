import { createHash } from 'node:crypto';

/**
 * An article's id: the first 80 bits of the SHA-256 of its text, with Unicode composition and runs
 * of whitespace normalised, so the same article read twice, or from a differently wrapped file,
 * gets the same id.
 */
export function contentId(text: string): string {
  const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 20);
}
