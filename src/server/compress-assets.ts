import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compressed copies of the built web app's text files, for the server to send as they are
 * (plugins/web.ts, `preCompressed`). Run by the web build (web/vite.config.ts).
 */

const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt|map)$/;

/** Writes a .br and a .gz copy beside every text file under `root`. */
export async function compressAssets(root: string): Promise<number> {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  let files = 0;
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    await writeFile(`${path}.br`, await brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
    await writeFile(`${path}.gz`, await gz(bytes, { level: 9 }));
    files += 1;
  }
  return files;
}
