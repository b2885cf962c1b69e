import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPosModel } from '../../models.js';

const CLI = fileURLToPath(new URL('../../../bin/claimgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimgraph(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A tiny stand-in for the shared data folder: GUM's layout and CoNLL-2003's, with made-up sentences. */
function writeData(root: string): void {
  const conllu = (rows: [string, string][]) =>
    `${rows.map(([word, tag], k) => `${k + 1}\t${word}\t${word.toLowerCase()}\tX\t${tag}\t_\t0\tdep\t_\t_`).join('\n')}\n\n`;
  const sentence = conllu([['The', 'DT'], ['minister', 'NN'], ['said', 'VBD'], ['no', 'UH'], ['.', '.']]);
  mkdirSync(join(root, 'gum', 'dep'), { recursive: true });
  writeFileSync(join(root, 'gum', 'splits.md'), '## dev\n\n  * GUM_dev\n\n## test\n\n  * GUM_test\n\n## train\n\n  * GUM_train\n');
  for (const name of ['GUM_dev', 'GUM_test', 'GUM_train']) writeFileSync(join(root, 'gum', 'dep', `${name}.conllu`), sentence.repeat(5));
  mkdirSync(join(root, 'conll2003'));
  const conll = '-DOCSTART- -X- -X- O\n\nRussia NNP I-NP I-LOC\nsaid VBD I-VP O\n" " O O\nno UH O O\n" " O O\n\n';
  for (const file of ['eng.train', 'eng.testa', 'eng.testb']) writeFileSync(join(root, 'conll2003', file), conll.repeat(5));
}

describe('claimgraph train', () => {
  it('trains a POS model from a data folder and writes a loadable file', async () => {
    const data = join(dir, 'data');
    writeData(data);
    const out = join(dir, 'out', 'pos.bin');
    const result = claimgraph(['train', 'pos', '--data', data, '--out', out, '--epochs', '2', '--seed', '3', '--bits', '12']);
    expect(result.stderr).toMatch(/epoch 1\/2 {2}GUM dev \d+\.\d\d% {2}CoNLL testa \d+\.\d\d%/);
    expect(result.stderr).toMatch(/kept epoch \d; test: GUM test \d+\.\d\d% {2}CoNLL testb/);
    expect(result.code).toBe(0);
    const model = await loadPosModel(out);
    expect(model.classifier.bits).toBe(12);
    expect(model.classifier.classes).toEqual(expect.arrayContaining(['DT', 'NN', 'VBD', 'NNP', '``', "''"]));
  });

  it('is a usage error (exit 2) for a missing or unknown model and bad numbers', () => {
    expect(claimgraph(['train'])).toMatchObject({ code: 2, stderr: expect.stringContaining('which model?') });
    expect(claimgraph(['train', 'parser'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown model "parser"') });
    expect(claimgraph(['train', 'pos', '--epochs', '0']).code).toBe(2);
    expect(claimgraph(['train', 'pos', '--bits', '40']).code).toBe(2);
    expect(claimgraph(['train', 'pos', 'extra']).code).toBe(2);
  });

  it('is bad input (exit 1, CG_E007) when the data folder lacks the corpora', () => {
    const result = claimgraph(['train', 'pos', '--data', join(dir, 'nowhere'), '--out', join(dir, 'x.bin')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CG_E007');
  });
});
