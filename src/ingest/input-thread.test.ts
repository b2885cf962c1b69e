import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../core/errors.js';
import { readInput } from './input.js';
import { startInputThread } from './input-thread.js';

const thread = startInputThread();
afterAll(() => thread.close());

describe('startInputThread', () => {
  it('reads a page in its worker thread as readInput does on this one', async () => {
    const html = new TextEncoder().encode('<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>The minister said the talks would resume in March.</p></article></body></html>');
    const options = { name: 'https://example.org/talks', contentType: 'text/html; charset=utf-8' };
    expect(await thread.read(html, options)).toEqual(readInput(html, options));
  });

  it('rejects a bad document with its catalogue error, and reads the next', async () => {
    const failed = thread.read(new Uint8Array(0), {});
    await expect(failed).rejects.toBeInstanceOf(CoreError);
    await expect(failed).rejects.toMatchObject({ code: 'CG_E002', message: 'CG_E002: empty input (0 bytes): nothing to analyse' });
    expect((await thread.read(new TextEncoder().encode('The minister said the talks would resume in March.'), {})).format).toBe('text');
  });
});
