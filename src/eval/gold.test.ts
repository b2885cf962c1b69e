import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGoldArticle, readGold, type GoldArticle } from './gold.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-gold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const article: GoldArticle = {
  id: 'a1',
  text: 'Smith said it rained.',
  attributions: [
    {
      id: 'E1',
      type: 'Attribution',
      source: { spans: [[0, 5]], text: 'Smith' },
      cue: { spans: [[6, 10]], text: 'said' },
      content: { spans: [[11, 20]], text: 'it rained' },
      reference: 'John Smith',
    },
  ],
};

async function readAll(path: string): Promise<GoldArticle[]> {
  const articles: GoldArticle[] = [];
  for await (const a of readGold(path)) articles.push(a);
  return articles;
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readGold', () => {
  it('streams articles line by line, skipping blank lines and ignoring unknown keys', async () => {
    const second = { id: 'a2', annotator: 'x', text: 'No quotes here.', attributions: [] };
    const path = file('ok.jsonl', `\uFEFF${JSON.stringify(article)}\n\n${JSON.stringify(second)}\r\n`);
    const articles = await readAll(path);
    expect(articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(articles[0]).toEqual(article);
  });

  it('reports invalid JSON with file and line', async () => {
    const path = file('bad-json.jsonl', `${JSON.stringify(article)}\n{"id": "a2",\n`);
    await expect(readAll(path)).rejects.toThrow(`CG_E007: ${path}:2: not valid JSON`);
  });

  it('reports a bad span with file, line and attribution', async () => {
    const bad = { ...article, attributions: [{ ...article.attributions[0], cue: { spans: [[6, 99]], text: 'said' } }] };
    const path = file('bad-span.jsonl', `\n${JSON.stringify(bad)}\n`);
    await expect(readAll(path)).rejects.toThrow(
      `${path}:2: attributions[0] (E1).cue.spans[0]: [6,99] is not a non-empty [start, end) range inside the text (length 21)`,
    );
  });
});

describe('parseGoldArticle', () => {
  const where = 'gold.jsonl:7';
  const errorFor = (value: unknown): string => {
    try {
      parseGoldArticle(value, where);
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };
  const withAttribution = (a: unknown) => ({ ...article, attributions: [a] });

  it('accepts attributions without source, cue or content', () => {
    const bare = withAttribution({ id: 'E9', type: 'Attribution-no-source' });
    expect(parseGoldArticle(bare, where).attributions).toEqual([{ id: 'E9', type: 'Attribution-no-source' }]);
  });

  it.each([
    [[], 'gold.jsonl:7: expected one JSON object per line'],
    [{ ...article, id: '' }, '"id" must be a non-empty string'],
    [{ ...article, text: 3 }, '"text" must be a string'],
    [{ ...article, attributions: {} }, '"attributions" must be an array'],
    [withAttribution('E1'), 'attributions[0] must be an object'],
    [withAttribution({ type: 'Attribution' }), 'attributions[0]: "id" must be a non-empty string'],
    [withAttribution({ id: 'E1' }), 'attributions[0] (E1): "type" must be a string'],
    [withAttribution({ id: 'E1', type: 'A', cue: [6, 10] }), 'attributions[0] (E1).cue must be an object {spans, text}'],
    [withAttribution({ id: 'E1', type: 'A', cue: { spans: [], text: '' } }), '(E1).cue: "spans" must be a non-empty array'],
    [withAttribution({ id: 'E1', type: 'A', cue: { spans: [[6, 10]] } }), '(E1).cue: "text" must be a string'],
    [withAttribution({ id: 'E1', type: 'A', content: { spans: [[4, 4]], text: '' } }), '(E1).content.spans[0]: [4,4] is not'],
    [withAttribution({ id: 'E1', type: 'A', source: { spans: [[0, 2.5]], text: '' } }), '(E1).source.spans[0]: [0,2.5] is not'],
    [withAttribution({ id: 'E1', type: 'A', reference: ' ' }), '(E1): "reference" must be a non-empty string'],
  ])('rejects %j', (value, message) => {
    const error = errorFor(value);
    expect(error).toMatch(/^CG_E007: gold\.jsonl:7: /);
    expect(error).toContain(message);
  });
});
