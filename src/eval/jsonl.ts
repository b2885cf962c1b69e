import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CoreError } from '../core/errors.js';

export interface JsonLine {
  value: unknown;
  /** `file:line`, for error messages. */
  where: string;
}

const UNREADABLE: Record<string, (path: string) => string> = {
  ENOENT: (path) => `no such file: ${path}`,
  EISDIR: (path) => `${path} is a directory, not a file`,
  EACCES: (path) => `permission denied: ${path}`,
  EPERM: (path) => `permission denied: ${path}`,
};

/**
 * Streams the JSON values of a JSON Lines file, skipping blank lines. Bad JSON is CG_E007 with
 * file:line; a file that cannot be read is CG_E009.
 */
export async function* readJsonLines(path: string): AsyncGenerator<JsonLine> {
  const input = createReadStream(path, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const where = `${path}:${lineNumber}`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new CoreError('CG_E007', `${where}: not valid JSON (${(error as Error).message})`);
      }
      yield { value, where };
    }
  } catch (error) {
    const reason = UNREADABLE[(error as NodeJS.ErrnoException).code ?? ''];
    throw reason ? new CoreError('CG_E009', reason(path)) : error;
  } finally {
    // A caller that stops early (--limit) must not leave the file open.
    lines.close();
    input.destroy();
  }
}
