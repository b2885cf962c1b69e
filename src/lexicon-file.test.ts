import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LexiconExtensionError } from './core/lexicon/index.js';
import { loadLexiconExtension } from './lexicon-file.js';

describe('loadLexiconExtension', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimgraph-lexicon-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it('reads and validates a lexicon file', async () => {
    const path = await file('ok.json', JSON.stringify({ entries: [{ name: 'Islamic State', type: 'ORG', aliases: ['Daish'] }] }));
    expect(await loadLexiconExtension(path)).toEqual({ entries: [{ name: 'Islamic State', type: 'ORG', aliases: ['Daish'] }] });
  });

  it('names the file when it is missing', async () => {
    const path = join(dir, 'missing.json');
    await expect(loadLexiconExtension(path)).rejects.toThrow(`lexicon file ${path}: cannot be read (ENOENT)`);
  });

  it('reports invalid JSON', async () => {
    const path = await file('broken.json', '{"entries": [');
    await expect(loadLexiconExtension(path)).rejects.toThrow(LexiconExtensionError);
    await expect(loadLexiconExtension(path)).rejects.toThrow(`lexicon file ${path}: is not valid JSON`);
  });

  it('reports the bad field of a well-formed file', async () => {
    const path = await file('bad.json', JSON.stringify({ entries: [{ name: 'Taliban', type: 'ARMY' }] }));
    await expect(loadLexiconExtension(path)).rejects.toThrow(`lexicon file ${path}: entries[0].type must be one of`);
  });
});
