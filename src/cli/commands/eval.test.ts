import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyze.js';
import { evaluateAttribution } from '../../eval/evaluate.js';
import type { GoldArticle } from '../../eval/gold.js';

const CLI = fileURLToPath(new URL('../../../bin/claimgraph.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-eval-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimgraph(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function article(id: string, text: string, quotes: [source: string, cue: string, content: string, reference: string][]): GoldArticle {
  const role = (part: string) => {
    const start = text.indexOf(part);
    return { spans: [[start, start + part.length] as [number, number]], text: part };
  };
  return {
    id,
    text,
    attributions: quotes.map(([source, cue, content, reference], i) => ({
      id: `E${i + 1}`,
      type: 'Attribution',
      source: role(source),
      cue: role(cue),
      content: role(content),
      reference,
    })),
  };
}

const GOLD = [
  article('one', 'The minister said on Monday that "the budget is balanced." Critics disagree.', [
    ['The minister', 'said', '"the budget is balanced."', 'Ana Ruiz'],
  ]),
  article('two', '"We will not resign," Maria Lopez told reporters. Her party, she added, would win.', [
    ['Maria Lopez', 'told', '"We will not resign,"', 'Maria Lopez'],
    ['she', 'added', 'Her party', 'Maria Lopez'],
  ]),
];
const goldFile = join(dir, 'gold.jsonl');

beforeAll(() => {
  writeFileSync(goldFile, GOLD.map((a) => JSON.stringify(a)).join('\n'));
});

describe('claimgraph eval attribution', () => {
  it('prints the JSON report the metric functions compute, with exactly the documented keys', async () => {
    const { code, stdout } = claimgraph(['eval', 'attribution', goldFile, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'articles', 'quote@0.3', 'quote@0.8', 'speakerMatch', 'verbMatch', 'referenceAccuracy', 'exact', 'overlap',
    ]);
    for (const kind of ['exact', 'overlap']) {
      expect(Object.keys(json[kind])).toEqual(['cue', 'source', 'content', 'triple']);
      expect(Object.keys(json[kind].triple)).toEqual(['p', 'r', 'f1']);
    }
    expect(json).toEqual(await evaluateAttribution(goldFile, await createAnalyzer()));
    expect(json.articles).toBe(2);
  });

  it('scores only the first N articles with --limit', () => {
    const { stdout } = claimgraph(['eval', 'attribution', goldFile, '--json', '--limit', '1']);
    expect(JSON.parse(stdout).articles).toBe(1);
  });

  it('prints a table with the published anchors', () => {
    const { code, stdout } = claimgraph(['eval', 'attribution', goldFile]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2 articles/);
    expect(stdout).toMatch(/quote @0\.3\s+F1 \d+\.\d {2}P \d+\.\d {2}R \d+\.\d\s+F1 83\.7 GGT V7\.0/);
    expect(stdout).toMatch(/exact content\s+F1 .*72\.9 CofeNet · 59\.3 Citron/);
  });

  it('exits 1 with file:line for a malformed gold file', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(GOLD[0])}\n{"id": "x", "text": "short", "attributions": [{"id": "E1", "type": "A", "cue": {"spans": [[2, 9]], "text": ""}}]}\n`);
    const { code, stderr } = claimgraph(['eval', 'attribution', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain(`CG_E007: ${bad}:2: attributions[0] (E1).cue.spans[0]: [2,9] is not`);
    expect(claimgraph(['eval', 'attribution', bad, '--limit', '1']).code).toBe(0); // line 2 is never read
  });

  it('exits 2 for an unknown evaluator, a missing file argument or a bad --limit', () => {
    expect(claimgraph(['eval', 'sentiment', goldFile]).stderr).toContain('unknown evaluator "sentiment"');
    expect(claimgraph(['eval', 'sentiment', goldFile]).code).toBe(2);
    expect(claimgraph(['eval', 'attribution']).code).toBe(2);
    expect(claimgraph(['eval', 'attribution', goldFile, '--limit', '0']).stderr).toContain('--limit must be a positive integer');
  });
});

describe('claimgraph eval all', () => {
  it('scores polnear/dev.jsonl under CLAIMGRAPH_DATA', () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'polnear'), { recursive: true });
    writeFileSync(join(data, 'polnear', 'dev.jsonl'), `${JSON.stringify(GOLD[1])}\n`);
    const { code, stdout } = claimgraph(['eval', 'all', '--json'], { CLAIMGRAPH_DATA: data });
    expect(code).toBe(0);
    const { attribution } = JSON.parse(stdout);
    expect(attribution.polnearDev.articles).toBe(1);
    // Our own varied-news set ships with the repository and is always scored.
    expect(attribution.newsCheck.articles).toBe(14);
    expect(attribution.newsCheck2.articles).toBe(12);
    expect(attribution.newsCheck3.articles).toBe(10);
    expect(attribution.newsCheck4.articles).toBe(10);
    expect(attribution.newsCheck5.articles).toBe(10);
    expect(attribution.newsCheck6.articles).toBe(10);
    expect(attribution.newsCheck7.articles).toBe(10);
    expect(attribution.newsCheck8.articles).toBe(10);
    expect(attribution.newsCheck9.articles).toBe(10);
    expect(attribution.newsCheck10.articles).toBe(10);
  });

  it('skips with a message and exit 0 when the data is absent', () => {
    const { code, stdout, stderr } = claimgraph(['eval', 'all'], { CLAIMGRAPH_DATA: join(dir, 'nowhere') });
    expect(code).toBe(0);
    // Only our own gold sets, shipped with the repository, are scored.
    expect(stdout.split('\n').filter((line) => line.startsWith('=='))).toEqual([
      '== attribution',
      '== contradictions',
      '== ner',
      '== headlines',
    ]);
    // Of the name sets, only our Wikipedia-style ones, in the repository.
    expect(stdout).toMatch(/^Wikipedia-style \(ours, written blind\) +\d/m);
    expect(stdout).toMatch(/^Wikipedia-style, second set \(ours, written blind\) +\d/m);
    expect(stdout).toMatch(/^Wikipedia-style, third set \(ours, written blind\) +\d/m);
    expect(stdout).not.toContain('CoNLL-2003 testb (test)');
    expect(stdout).toMatch(/news check \(ours, 14 articles of other genres\): .*attribution\/check\.jsonl\n14 articles/);
    expect(stderr).toContain(`skipping attribution on PolNeAR dev: ${join(dir, 'nowhere', 'polnear', 'dev.jsonl')} not found`);
    // The contradiction gold is the repository's own, so it is scored even without the data folder.
    expect(stdout).toMatch(/^dev: .*test\/fixtures\/contradictions\/dev\.jsonl\n46 articles/m);
    expect(stdout).toMatch(/^check3: .*test\/fixtures\/contradictions\/check3\.jsonl\n24 articles/m);
    expect(stdout).toMatch(/^check4: .*test\/fixtures\/contradictions\/check4\.jsonl\n12 articles/m);
    expect(stdout).toMatch(/^check5: .*test\/fixtures\/contradictions\/check5\.jsonl\n13 articles/m);
    expect(stdout).toMatch(/^check6: .*test\/fixtures\/contradictions\/check6\.jsonl\n26 articles/m);
    expect(stdout).toMatch(/^check7: .*test\/fixtures\/contradictions\/check7\.jsonl\n24 articles/m);
    expect(stdout).toMatch(/^check8: .*test\/fixtures\/contradictions\/check8\.jsonl\n29 articles/m);
    expect(stdout).toMatch(/^check9: .*test\/fixtures\/contradictions\/check9\.jsonl\n30 articles/m);
    expect(stdout).toMatch(/^check10: .*test\/fixtures\/contradictions\/check10\.jsonl\n29 articles/m);
    expect(stdout).toMatch(/^check11: .*test\/fixtures\/contradictions\/check11\.jsonl\n30 articles/m);
    expect(stdout).not.toContain('PolNeAR dev:');
  });
});
