import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleJSON } from '../src/core/article.js';

/** `claimgraph analyze` end to end, as a user runs it: real files, real process, exit codes. */

const run = promisify(execFile);
const BIN = new URL('../bin/claimgraph.js', import.meta.url).pathname;
const SEED = readFileSync(new URL('../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function analyze(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [BIN, 'analyze', ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SHORT = 'Russia says it shares intelligence with the Taliban.\n\n"We have channels for exchanging information," Zamir Kabulov said on Friday. The Taliban denied it.';

describe('claimgraph analyze', () => {
  it('prints JSON that follows docs/schema/article.schema.json, with offsets into the text', async () => {
    const { code, stdout } = await analyze([file('seed.txt', SEED), '--format', 'json']);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleJSON;
    const schema = JSON.parse(readFileSync(new URL('../docs/schema/article.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(article), JSON.stringify(validate.errors)).toBe(true);
    expect(article.text).toBe(SEED);
    for (const q of article.quotes) expect(article.text.slice(q.content.start, q.content.end)).toBe(q.content.text);
  });

  it('adds sentences and parsed tokens with --tokens, valid against the schema, heads inside their sentence', async () => {
    const { code, stdout } = await analyze([file('short.txt', SHORT), '--format', 'json', '--tokens']);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleJSON;
    const schema = JSON.parse(readFileSync(new URL('../docs/schema/article.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(article), JSON.stringify(validate.errors)).toBe(true);
    const tokens = article.tokens ?? [];
    const sentences = article.sentences ?? [];
    expect(tokens.map((t) => t.text).slice(0, 4)).toEqual(['Russia', 'says', 'it', 'shares']);
    for (const t of tokens) expect(article.text.slice(t.start, t.end)).toBe(t.text);
    for (const s of sentences) {
      const roots = tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.head === -1);
      expect(roots).toHaveLength(1);
      expect(roots[0].deprel).toBe('root');
      for (const t of tokens.slice(s.tokenStart, s.tokenEnd)) if (t.head >= 0) expect(t.head >= s.tokenStart && t.head < s.tokenEnd).toBe(true);
    }
    // "Russia says it shares intelligence …": the reporting verb is the root, Russia its subject.
    expect(tokens[1]).toMatchObject({ deprel: 'root', head: -1 });
    expect(tokens[0]).toMatchObject({ deprel: 'nsubj', head: 1 });
    const plain = JSON.parse((await analyze([file('short-plain.txt', SHORT), '--format', 'json'])).stdout) as ArticleJSON;
    expect(plain.tokens).toBeUndefined();
  });

  it('prints the readable view by default, quotes grouped by speaker', async () => {
    const { code, stdout } = await analyze([file('seed-view.txt', SEED)]);
    expect(code).toBe(0);
    expect(stdout).toContain('Zamir Kabulov');
    expect(stdout).toMatch(/Contradictions \(\d+\)/);
    expect(stdout).not.toContain('\x1b['); // no colours when not on a terminal
  });

  it('lists the events in the readable view, one line each: source → code → target, as the JSON has them', async () => {
    const article = JSON.parse((await analyze([file('seed-events.txt', SEED), '--format', 'json'])).stdout) as ArticleJSON;
    const { stdout } = await analyze([file('seed-events.txt', SEED)]);
    expect(article.events.length).toBeGreaterThan(0);
    const section = stdout.split('\n\n').find((block) => block.startsWith('Events ('));
    const [heading, ...lines] = (section ?? '').split('\n');
    expect(heading).toBe(`Events (${article.events.length})`);
    expect(lines).toHaveLength(article.events.length);
    const nameOf = (id: string | null) => article.entities.find((e) => e.id === id)?.name;
    article.events.forEach((e, i) => {
      const [source, middle, target] = lines[i].split(' → ');
      expect(middle).toBe(`${e.code} ${e.predicate.text}`);
      for (const [shown, actor] of [[source, e.source], [target, e.target]] as const) {
        if (actor?.entity) expect(shown.trim().startsWith(nameOf(actor.entity) as string)).toBe(true);
        if (actor?.code) expect(shown).toContain(actor.code);
        if (!actor) expect(shown.trim().startsWith('—')).toBe(true);
      }
    });
  });

  it('reads standard input with "-"', async () => {
    const child = run('node', [BIN, 'analyze', '-', '--format', 'json']);
    child.child.stdin!.end(SHORT);
    const article = JSON.parse((await child).stdout) as ArticleJSON;
    expect(article.quotes.some((q) => article.entities.find((e) => e.id === q.speaker)?.name === 'Zamir Kabulov')).toBe(true);
  });

  it('decodes UTF-16 with a byte-order mark and analyses it like UTF-8', async () => {
    const bom = Buffer.from([0xff, 0xfe]);
    const { code, stdout } = await analyze([file('utf16.txt', Buffer.concat([bom, Buffer.from(SHORT, 'utf16le')])), '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as ArticleJSON).text).toBe(SHORT);
  });

  it('extracts a Latin-1 HTML page with its charset', async () => {
    const html = `<html><head><meta charset="iso-8859-1"><title>Caf\u00e9 talks</title></head><body><nav>Home | World</nav>
      <article><h1>Caf\u00e9 talks</h1><p>${SHORT.replace('\n\n', '</p><p>')}</p></article></body></html>`;
    const { code, stdout } = await analyze([file('latin1.html', Buffer.from(html, 'latin1')), '--format', 'json']);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleJSON;
    expect(article.text).toContain('Caf\u00e9');
    expect(article.text).not.toContain('Home | World');
    expect(article.quotes.length).toBeGreaterThan(0);
  });

  it('analyses text with unbalanced quotes: an unclosed quote ends with its paragraph', async () => {
    const text = '“We will never talk to them, a spokesman said.\n\nThe ministry said the talks went well.';
    const { code, stdout } = await analyze([file('unbalanced.txt', text), '--format', 'json']);
    expect(code).toBe(0);
    const article = JSON.parse(stdout) as ArticleJSON;
    expect(article.quotes.some((q) => q.content.text.startsWith('the talks went well'))).toBe(true);
  });

  // Each bad input gets exit code 1 and a single line on stderr naming the file and the reason.
  const bad: Array<[string, () => string, RegExp]> = [
    ['empty', () => file('empty.txt', ''), /CG_E002.*empty/],
    ['whitespace only', () => file('blank.txt', ' \n\t\n'), /CG_E002/],
    ['binary', () => file('image.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])), /CG_E003.*binary/],
    ['a 20 MB file', () => file('huge.txt', 'a'.repeat(20 * 1024 * 1024)), /CG_E004.*--max-bytes/],
    ['non-English text', () => file('french.txt', 'Le gouvernement a déclaré que les négociations avec les talibans se poursuivront la semaine prochaine, selon le ministre des affaires étrangères qui était à Moscou.'), /CG_E008.*English/],
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt/],
  ];
  it.each(bad)('refuses %s with exit 1 and a one-line reason', async (_name, make, reason) => {
    const { code, stdout, stderr } = await analyze([make()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(reason);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('exits 2 on usage errors', async () => {
    expect((await analyze([])).code).toBe(2);
    expect((await analyze([file('u.txt', SHORT), '--format', 'xml'])).code).toBe(2);
    expect((await analyze([file('u2.txt', SHORT), '--bogus'])).code).toBe(2);
  });

  it('exits 1 with the reason for a lexicon entry without a name, not 70', async () => {
    const lexicon = file('no-name.json', JSON.stringify({ entries: [{ type: 'ORG', aliases: ['X'] }] }));
    const { code, stderr } = await analyze([file('short.txt', SHORT), '--lexicon', lexicon]);
    expect(code).toBe(1);
    expect(stderr).toBe(`claimgraph analyze: lexicon file ${lexicon}: entries[0].name must be a non-empty string\n`);
  });
});
