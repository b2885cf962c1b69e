import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadParserModel, loadPosModel } from '../../models.js';

const CLI = fileURLToPath(new URL('../../../bin/claimgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimgraph(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A tiny stand-in for the shared data folder: UD EWT's, GUM's and CoNLL-2003's layout, with made-up sentences. */
function writeData(root: string): void {
  const conllu = (rows: [string, string, number, string][]) =>
    `${rows.map(([word, tag, head, deprel], k) => `${k + 1}\t${word}\t${word.toLowerCase()}\tX\t${tag}\t_\t${head}\t${deprel}\t_\t_`).join('\n')}\n\n`;
  const sentence = conllu([['The', 'DT', 2, 'det'], ['minister', 'NN', 3, 'nsubj'], ['said', 'VBD', 0, 'root'], ['no', 'UH', 3, 'obj'], ['.', '.', 3, 'punct']]);
  mkdirSync(join(root, 'ud-ewt'), { recursive: true });
  for (const split of ['train', 'dev']) writeFileSync(join(root, 'ud-ewt', `en_ewt-ud-${split}.conllu`), sentence.repeat(8));
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
    expect(result.stderr).toMatch(/epoch 1\/2 {2}EWT dev \d+\.\d\d% {2}GUM dev \d+\.\d\d% {2}CoNLL testa \d+\.\d\d%/);
    expect(result.stderr).toMatch(/kept epoch \d; test: GUM test \d+\.\d\d% {2}CoNLL testb/);
    expect(result.code).toBe(0);
    const model = await loadPosModel(out);
    expect(model.classifier.bits).toBe(12);
    expect(model.classifier.classes).toEqual(expect.arrayContaining(['DT', 'NN', 'VBD', 'NNP', '``', "''"]));
  });

  it('trains a dependency parser with jackknifed tags and writes a model that parses', async () => {
    const data = join(dir, 'data-deps');
    writeData(data);
    const out = join(dir, 'out', 'deps.bin');
    const result = claimgraph(['train', 'deps', '--data', data, '--out', out, '--epochs', '2', '--folds', '2', '--bits', '12']);
    expect(result.stderr).toMatch(/jackknife fold 2\/2/);
    expect(result.stderr).toMatch(/epoch 2\/2 {2}EWT dev UAS \d+\.\d\d LAS \d+\.\d\d {2}GUM dev UAS/);
    expect(result.code).toBe(0);
    const model = await loadParserModel(out);
    expect(model.labeller.classes).toEqual(['root', 'det', 'nsubj', 'obj', 'punct']);
    expect(model.moves.bits).toBe(12);
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
