import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from './core/errors.js';
import { loadPosModel } from './models.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-models-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(path: string): Promise<CoreError> {
  try {
    await loadPosModel(path);
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error(`loaded ${path}`);
}

describe('loadPosModel', () => {
  // How fast models load is a bench row (CLI start-up), not a timed test: timings fail on a busy machine.
  it('loads the shipped model', async () => {
    const model = await loadPosModel();
    expect(model.classifier.classes).toContain('VBD');
    expect(model.tagDictionary.size).toBeGreaterThan(100);
  });

  it('names the path and how to rebuild when the file is missing', async () => {
    const error = await failure(join(dir, 'absent.bin'));
    expect(error.code).toBe('CG_E006');
    expect(error.message).toContain('absent.bin');
    expect(error.message).toContain('claimgraph train pos');
  });

  it('rejects a corrupt file with CG_E006 naming the path', async () => {
    const path = join(dir, 'corrupt.bin');
    writeFileSync(path, 'not a model at all');
    const error = await failure(path);
    expect(error.code).toBe('CG_E006');
    expect(error.message).toMatch(/corrupt\.bin: POS model: not a CGPO file/);
  });
});
