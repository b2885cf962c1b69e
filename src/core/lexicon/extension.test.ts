import { describe, expect, it } from 'vitest';
import { LexiconExtensionError, parseLexiconExtension } from './extension.js';

describe('parseLexiconExtension', () => {
  it('accepts entries with and without aliases', () => {
    const parsed = parseLexiconExtension(
      { entries: [{ name: 'Khorasan Province', type: 'ORG', aliases: ['ISKP'] }, { name: 'Nangarhar', type: 'GPE' }] },
      'test',
    );
    expect(parsed.entries).toEqual([
      { name: 'Khorasan Province', type: 'ORG', aliases: ['ISKP'] },
      { name: 'Nangarhar', type: 'GPE', aliases: [] },
    ]);
  });

  it.each([
    [[], 'test: the top level must be an object with an "entries" array'],
    [{ entries: {} }, 'test: the top level must be an object'],
    [{ entries: ['Taliban'] }, 'test: entries[0] must be an object'],
    [{ entries: [{ name: '', type: 'ORG' }] }, 'test: entries[0].name must be a non-empty string'],
    [{ entries: [{ name: 'X', type: 'ORG' }, { name: 'Y', type: 'PERSON' }] }, 'test: entries[1].type must be one of ORG, GPE, LOC, NORP, MISC (got "PERSON")'],
    [{ entries: [{ name: 'X', type: 'ORG', aliases: 'Y' }] }, 'test: entries[0].aliases must be an array of non-empty strings'],
    [{ entries: [{ name: 'X', type: 'ORG', alias: ['Y'] }] }, 'test: entries[0].alias is not a known field'],
  ])('rejects %j with a message that names the field', (value, message) => {
    expect(() => parseLexiconExtension(value, 'test')).toThrow(LexiconExtensionError);
    expect(() => parseLexiconExtension(value, 'test')).toThrow(message);
  });
});
