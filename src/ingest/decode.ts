import chardet from 'chardet';
import { InputError } from './errors.js';

/**
 * Bytes → document text. The returned text is the document from then on (every offset indexes it),
 * so line endings are normalised and control characters dropped here, once.
 */

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
}

export interface DecodeHint {
  /** An HTTP Content-Type, e.g. `text/html; charset=ISO-8859-1`. */
  contentType?: string;
}

/** Bytes examined for a UTF-16 pattern and for a charset declaration. */
const SNIFF_BYTES = 4096;
/** Bytes handed to chardet; more does not change its answer, only its speed. */
const DETECT_BYTES = 65536;
/** chardet guesses below this confidence (0–100) lose to the windows-1252 fallback. */
const DETECT_MIN_CONFIDENCE = 50;
/** A Unicode decode with more than this share of invalid sequences is not that encoding. */
const MAX_INVALID_SHARE = 0.1;
/** Share of non-ASCII characters that must decode validly for UTF-8 to be read with replacements. */
const MIN_VALID_UTF8_SHARE = 0.95;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w:.-]+)/;
const CHARSET_PARAM = /charset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * Decodes in this order: byte-order mark; UTF-16 recognised by its NUL-byte pattern; a charset
 * declared in the document (`<meta charset>`, `http-equiv`, XML declaration); the Content-Type
 * charset; UTF-8 if the bytes are valid UTF-8; chardet's guess; windows-1252, which maps every byte.
 * Declared and guessed charsets are used only if the bytes decode without error in them. A
 * multibyte sequence cut off at the end (a truncated download) is dropped.
 */
export function decodeBytes(bytes: Uint8Array, hint: DecodeHint = {}): DecodedText {
  const unicode = detectUnicode(bytes);
  if (unicode) return cleaned(decodeUnicode(bytes, unicode));
  // The page's own declaration comes before the server's: servers often send a default charset.
  const declared = [declaredCharset(bytes), CHARSET_PARAM.exec(hint.contentType ?? '')?.[1]];
  for (const label of declared) {
    const decoded = label === undefined ? null : decodeStrict(bytes, label);
    // A document whose ASCII declaration we could read is not UTF-16, whatever it says.
    if (decoded && !decoded.encoding.startsWith('utf-16')) return cleaned(decoded);
  }
  const utf8 = decodeStrict(bytes, 'utf-8') ?? mostlyUtf8(bytes);
  if (utf8) return cleaned(utf8);
  for (const guess of chardet.analyse(bytes.subarray(0, DETECT_BYTES))) {
    if (guess.confidence < DETECT_MIN_CONFIDENCE) break;
    const decoded = decodeStrict(bytes, guess.name);
    if (decoded) return cleaned(decoded);
  }
  return cleaned({ text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' });
}

/** The Unicode encoding shown by a byte-order mark or by the NUL bytes of UTF-16 Latin text. */
export function detectUnicode(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new InputError('CG_E005', 'UTF-32 text is not supported: convert it to UTF-8');
  }
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // Without a mark: ASCII in UTF-16 puts a NUL in every high byte and almost none in low bytes.
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNuls += 1;
    if (bytes[i + 1] === 0) oddNuls += 1;
  }
  if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeUnicode(bytes: Uint8Array, encoding: string): DecodedText {
  // `stream` keeps an incomplete final sequence back instead of emitting U+FFFD for it.
  const text = new TextDecoder(encoding).decode(bytes, { stream: true });
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid += 1;
  if (invalid > text.length * MAX_INVALID_SHARE) {
    const percent = Math.round((invalid / text.length) * 100);
    throw new InputError('CG_E005', `cannot decode as ${encoding} (${percent}% invalid sequences)`);
  }
  return { text, encoding };
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  return (XML_ENCODING.exec(head) ?? META_CHARSET.exec(head))?.[1];
}

/**
 * UTF-8 with U+FFFD for the few invalid bytes, when at least {@link MIN_VALID_UTF8_SHARE} of the
 * non-ASCII characters decode validly: one stray byte in a UTF-8 article is not windows-1252,
 * which would garble every other non-ASCII character. Text with no valid multibyte sequence is
 * left to chardet.
 */
function mostlyUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced += 1;
    else if (code >= 0x80) valid += 1;
  }
  return valid > 0 && valid / (valid + replaced) >= MIN_VALID_UTF8_SHARE ? { text, encoding: 'utf-8' } : null;
}

/** Decodes with `label`, or null if the label is unknown or the bytes are invalid in it. */
function decodeStrict(bytes: Uint8Array, label: string): DecodedText | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return null; // an encoding TextDecoder does not know
  }
  try {
    return { text: decoder.decode(bytes, { stream: true }), encoding: decoder.encoding };
  } catch {
    return null;
  }
}

/** LF line endings; page breaks become line breaks; other C0 controls (NUL …) are dropped. */
function cleaned({ text, encoding }: DecodedText): DecodedText {
  return {
    text: text.replace(/\r\n?|[\v\f]/g, '\n').replace(/[\0-\x08\x0e-\x1f]/g, ''),
    encoding,
  };
}
