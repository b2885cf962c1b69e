import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';

const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = [...docs.matchAll(/^## (CG_E\d{3})\b/gm)].map((match) => match[1]);

describe('error catalogue', () => {
  it('documents every code in docs/errors.md, with its own heading', () => {
    const undocumented = Object.keys(ERROR_CODES).filter((code) => !documented.includes(code));
    expect(undocumented).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    expect(documented.filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
