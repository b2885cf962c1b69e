import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from './errors.js';
import { DEFAULT_MAX_BYTES, ensureWithinLimit, readInput, type ArticleInput } from './input.js';

export interface LoadInputOptions {
  contentType?: string;
  maxBytes?: number;
}

/**
 * Reads a file path, or standard input for `-`, and hands the bytes to {@link readInput}. A regular
 * file larger than the limit is refused from its size alone, before it is read; a stream is read
 * only up to the limit.
 */
export async function loadInput(
  source: string,
  options: LoadInputOptions = {},
  stdin: AsyncIterable<Uint8Array> = process.stdin,
): Promise<ArticleInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = source === '-' ? await readStream(stdin, maxBytes) : await readPath(source, maxBytes);
  return readInput(bytes, { ...options, maxBytes, name: source === '-' ? undefined : source });
}

export async function readPath(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError('CG_E009', `${path} is a directory, not a file`);
    // FIFOs and devices (/dev/stdin, <(…)) report no size: read them as streams.
    if (!info.isFile()) return await readStream(createReadStream(path), maxBytes);
    ensureWithinLimit(info.size, maxBytes);
    return await readFile(path);
  } catch (error) {
    throw error instanceof InputError ? error : unreadable(path, error);
  }
}

export async function readStream(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    ensureWithinLimit(size, maxBytes, false);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function unreadable(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('CG_E009', `no such file: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError('CG_E009', `permission denied: ${path}`);
  return new InputError('CG_E009', `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
}
