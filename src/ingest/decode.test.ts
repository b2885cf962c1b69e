import { describe, expect, it } from 'vitest';
import { decodeBytes, detectUnicode } from './decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
/** windows-1252 bytes of Latin-1 text, with 0x93/0x94 written for “ and ”. */
const cp1252 = (text: string): Buffer =>
  Buffer.from(text.replace(/“/g, '\x93').replace(/”/g, '\x94'), 'latin1');
/** windows-1251 bytes of Russian text: ASCII as is, А–я at 0xC0–0xFF. */
const cp1251 = (text: string): Buffer =>
  Buffer.from([...text].map((c) => (c < '\x80' ? c.charCodeAt(0) : c.codePointAt(0)! - 0x410 + 0xc0)));
const concat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

describe('decodeBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    expect(decodeBytes(concat(Buffer.from([0xef, 0xbb, 0xbf]), utf8('Café “au lait”')))).toEqual({
      text: 'Café “au lait”',
      encoding: 'utf-8',
    });
  });

  it('decodes UTF-16LE and UTF-16BE with a byte-order mark', () => {
    expect(decodeBytes(utf16le('\uFEFFHe said “no” in Zürich.'))).toEqual({ text: 'He said “no” in Zürich.', encoding: 'utf-16le' });
    expect(decodeBytes(utf16be('\uFEFFHe said “no” in Zürich.'))).toEqual({ text: 'He said “no” in Zürich.', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte-order mark from its NUL bytes', () => {
    expect(decodeBytes(utf16le('The minister said on Monday.'))).toEqual({ text: 'The minister said on Monday.', encoding: 'utf-16le' });
    expect(decodeBytes(utf16be('The minister said on Monday.'))).toEqual({ text: 'The minister said on Monday.', encoding: 'utf-16be' });
  });

  it('follows <meta charset> in windows-1252 HTML, curly quotes included', () => {
    const page = cp1252('<html><head><meta charset="iso-8859-1"></head><body><p>The “café” closed.</p></body></html>');
    const { text, encoding } = decodeBytes(page);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('The “café” closed.');
  });

  it('follows an http-equiv Content-Type declaration', () => {
    const page = cp1252('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>“Señor” Müller</p>');
    expect(decodeBytes(page).text).toContain('“Señor” Müller');
  });

  it('uses the Content-Type charset when the document declares none', () => {
    expect(decodeBytes(cp1251('Привет'), { contentType: 'text/plain; charset=windows-1251' })).toEqual({
      text: 'Привет',
      encoding: 'windows-1251',
    });
  });

  it('guesses an undeclared non-Latin encoding with chardet', () => {
    const russian = 'Министр иностранных дел заявил во вторник, что правительство не будет делиться информацией с соседними странами.';
    expect(decodeBytes(cp1251(russian))).toEqual({ text: russian, encoding: 'windows-1251' });
  });

  it('ignores a UTF-8 declaration the bytes contradict', () => {
    const page = cp1252('<meta charset="utf-8"><p>He ordered a café crème and said “merci” to the waiter.</p>');
    const { text, encoding } = decodeBytes(page);
    expect(encoding).not.toBe('utf-8');
    expect(text).toContain('café crème and said “merci”');
  });

  it('detects undeclared windows-1252 text', () => {
    const { text } = decodeBytes(cp1252('The mayor said “we will rebuild” after the storm hit the café district on Tuesday.'));
    expect(text).toBe('The mayor said “we will rebuild” after the storm hit the café district on Tuesday.');
  });

  it('drops a multibyte sequence cut off at the end', () => {
    const euro = utf8('€');
    expect(decodeBytes(concat(utf8('Price: 5 '), euro.subarray(0, 2)))).toEqual({ text: 'Price: 5 ', encoding: 'utf-8' });
  });

  it('normalises line endings and drops control characters but keeps tabs', () => {
    expect(decodeBytes(utf8('one\r\ntwo\rthree\fpage\x00\x07 four\tfive')).text).toBe('one\ntwo\nthree\npage four\tfive');
  });

  it('refuses UTF-32 and UTF-16 that is mostly invalid', () => {
    expect(() => decodeBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(/^CG_E005: UTF-32/);
    const loneSurrogates = concat(Buffer.from([0xff, 0xfe]), Buffer.from(Array(20).fill([0x00, 0xd8]).flat()));
    expect(() => decodeBytes(loneSurrogates)).toThrow(/^CG_E005: cannot decode as utf-16le \(100% invalid sequences\)/);
  });
});

describe('detectUnicode', () => {
  it('does not mistake binary data or 8-bit text for UTF-16', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(detectUnicode(png)).toBeNull();
    expect(detectUnicode(new Uint8Array(1000))).toBeNull();
    expect(detectUnicode(cp1252('“café”'))).toBeNull();
  });

  it('reads UTF-8 with one invalid byte as UTF-8 with a replacement character, not as windows-1252', () => {
    const text = 'The minister said: “We will not resign.” Café owners protested in Zürich. '.repeat(20);
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff]), Buffer.from(' The end.', 'utf8')]);
    const { text: decoded, encoding } = decodeBytes(bytes);
    expect(encoding).toBe('utf-8');
    expect(decoded).toBe(`${text}\ufffd The end.`);
  });
});
