import { describe, expect, it } from 'vitest';
import { readInput } from './input.js';

const STORY =
  'The Taliban on Thursday denied that they had shared intelligence with Russia. A spokesman for the ' +
  'group said the reports were false and that the movement had no contact with foreign agencies.';
const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readInput', () => {
  it('reads plain UTF-8 text unchanged', () => {
    expect(readInput(bytesOf(`${STORY}\n`), { name: 'story.txt' })).toEqual({
      text: `${STORY}\n`,
      title: null,
      source: null,
      published: null,
      url: null,
      format: 'text',
      encoding: 'utf-8',
    });
  });

  it('refuses empty and whitespace-only input', () => {
    expect(() => readInput(new Uint8Array(0))).toThrow(/^CG_E002: empty input \(0 bytes\)/);
    expect(() => readInput(bytesOf(' \n\t\r\n  '))).toThrow(/^CG_E002: no text: the input holds only whitespace or invisible characters$/);
    expect(() => readInput(bytesOf('\u200b'.repeat(100_000)))).toThrow(/^CG_E002: no text/);
    expect(() => readInput(bytesOf('\ufeff\u200c\u200d \u2060\u00ad\n'))).toThrow(/^CG_E002: no text/);
  });

  it('refuses binary input', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => readInput(png)).toThrow('CG_E003: binary file (NUL bytes at offset 8): not a text or HTML document');
    let seed = 42;
    const noise = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);
    expect(() => readInput(noise)).toThrow(/^CG_E003: binary file \(NUL bytes at offset \d+\)/);
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x61));
    expect(() => readInput(controls)).toThrow('CG_E003: binary file (25% control bytes): not a text or HTML document');
  });

  it('refuses input over the size limit before decoding any of it', () => {
    // 20 MB of NUL bytes: a decoder would call them binary, so CG_E004 shows the size came first.
    const huge = new Uint8Array(20 * 1024 * 1024);
    expect(() => readInput(huge)).toThrow(
      'CG_E004: input too large (20.0 MB; limit 10.0 MB): raise the limit with --max-bytes',
    );
    const story = bytesOf(STORY);
    expect(() => readInput(story, { maxBytes: 100 })).toThrow(`CG_E004: input too large (${story.length} bytes; limit 100 bytes)`);
    expect(readInput(story, { maxBytes: story.length }).text).toBe(STORY);
  });

  it('reads UTF-16 with and without a byte-order mark', () => {
    for (const bytes of [Buffer.from(`\uFEFF${STORY}`, 'utf16le'), Buffer.from(STORY, 'utf16le'), Buffer.from(`\uFEFF${STORY}`, 'utf16le').swap16()]) {
      expect(readInput(bytes).text).toBe(STORY);
    }
  });

  it('reads UTF-8 with a byte-order mark and a truncated final character', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytesOf(`${STORY} “`).subarray(0, -1)]);
    expect(readInput(bytes)).toMatchObject({ text: `${STORY} `, encoding: 'utf-8' });
  });

  it('extracts the article from windows-1252 HTML declared as ISO-8859-1', () => {
    const page =
      '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 owners protest</title></head><body>' +
      '<nav><a href="/">Home</a> <a href="/local">Local news</a></nav>' +
      '<p>Owners of the \x93Le Petit Caf\xe9\x94 said on Monday that the new rent rules would force them to close.</p>' +
      '<p>The city said it would review the rules after the protest.</p></body></html>';
    const input = readInput(Buffer.from(page, 'latin1'), { name: 'https://news.example/cafe' });
    expect(input).toMatchObject({ format: 'html', encoding: 'windows-1252', title: 'Café owners protest', url: 'https://news.example/cafe' });
    expect(input.text).toBe(
      'Café owners protest\n\nOwners of the “Le Petit Café” said on Monday that the new rent rules would force them to close.\n\n' +
        'The city said it would review the rules after the protest.',
    );
  });

  it('recognises HTML by Content-Type, extension or content, and trusts a .txt extension', () => {
    const fragment = `<div>${STORY}</div><p>Officials said the talks would resume.</p>`;
    expect(readInput(bytesOf(fragment), { contentType: 'text/html; charset=utf-8' }).format).toBe('html');
    expect(readInput(bytesOf(`<b>${STORY}</b>`), { name: 'page.htm' }).format).toBe('html');
    expect(readInput(bytesOf(`<!DOCTYPE html><title>x</title><p>${STORY}</p>`)).text).toBe(`x\n\n${STORY}`);
    expect(readInput(bytesOf(`<p>${STORY}</p>`), { name: 'notes.txt' })).toMatchObject({ format: 'text', text: `<p>${STORY}</p>` });
    expect(readInput(bytesOf(`Use <b> for bold. ${STORY}`)).format).toBe('text');
  });

  it('keeps script content out of the text', () => {
    const page = `<html><body><script>var secret = "SCRIPT_BODY";</script><p>${STORY}</p></body></html>`;
    expect(readInput(bytesOf(page)).text).toBe(STORY);
  });

  it('refuses an HTML page without article text', () => {
    expect(() => readInput(bytesOf('<html><body><nav>Home | World</nav><script>x()</script></body></html>'))).toThrow(
      'CG_E002: no article text found in the HTML page',
    );
  });

  it('refuses text that is not English', () => {
    const german =
      'Der Außenminister sagte am Dienstag, die Regierung werde keine Informationen mit den Nachbarländern ' +
      'teilen. Nach Angaben eines Sprechers sollen die Verhandlungen in der kommenden Woche fortgesetzt werden.';
    expect(() => readInput(bytesOf(german))).toThrow(
      'CG_E008: text does not look like English (0% English function words; more like German); claimgraph analyses English news',
    );
  });

  it('decides on the article body: a Spanish page under an English headline is refused', () => {
    const page = `<html><head><title>Breaking news from the region</title></head><body><article>
      <h1>Breaking news from the region</h1>
      <p>El presidente dijo el martes que el gobierno no compartirá información con los países vecinos.</p>
      <p>Según un portavoz, las negociaciones se reanudarán la próxima semana en Ginebra, pero la oposición denuncia un acuerdo.</p>
      </article></body></html>`;
    expect(() => readInput(bytesOf(page), { name: 'page.html' })).toThrow(/CG_E008: .*more like Spanish/);
  });
});
