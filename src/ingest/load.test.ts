import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInput } from './load.js';

const STORY = 'The mayor said on Tuesday that the bridge would reopen next month, after repairs that cost the city more than it had planned.';
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadInput', () => {
  it('reads a file, taking the format from its extension', async () => {
    const path = join(dir, 'story.html');
    writeFileSync(path, `<p>${STORY}</p>`);
    expect(await loadInput(path)).toMatchObject({ text: STORY, format: 'html' });
  });

  it('refuses an oversized file from its size alone', async () => {
    // A sparse 20 MB file of NUL bytes: reading it would end in CG_E003, not CG_E004.
    const path = join(dir, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 20 * 1024 * 1024);
    await expect(loadInput(path)).rejects.toThrow('CG_E004: input too large (20.0 MB; limit 10.0 MB): raise the limit with --max-bytes');
  });

  it('says why a path cannot be read', async () => {
    await expect(loadInput(join(dir, 'missing.txt'))).rejects.toThrow(`CG_E009: no such file: ${join(dir, 'missing.txt')}`);
    await expect(loadInput(dir)).rejects.toThrow(`CG_E009: ${dir} is a directory, not a file`);
  });

  it.skipIf(!existsSync('/dev/null'))('streams a device instead of trusting its size of 0', async () => {
    await expect(loadInput('/dev/null')).rejects.toThrow('CG_E002: empty input (0 bytes)');
  });

  it('reads standard input for "-", up to the limit', async () => {
    const chunks = [Buffer.from(STORY.slice(0, 40)), Buffer.from(STORY.slice(40))];
    expect((await loadInput('-', {}, Readable.from(chunks))).text).toBe(STORY);
    await expect(loadInput('-', { maxBytes: 50 }, Readable.from(chunks))).rejects.toThrow(
      /^CG_E004: input too large \(over \d+ bytes; limit 50 bytes\)/,
    );
  });
});
