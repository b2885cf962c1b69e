import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/types.js';
import { exportCorpus, type ExportFormat } from './export.js';
import { ingest } from './ingest.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-export-'));
let store: Store;

beforeAll(async () => {
  store = openSqliteStore(join(dir, 'corpus.db'));
  await ingest(store, [FIXTURE], { workers: 0 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(format: ExportFormat): Promise<string> {
  let out = '';
  await exportCorpus(store, format, (chunk) => {
    out += chunk;
  });
  return out;
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/g;
  let row: string[] = [];
  for (let m = field.exec(text); m && m.index < text.length; m = field.exec(text)) {
    row.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (m[2] !== ',') (rows.push(row), (row = []));
  }
  return rows;
}

describe('exportCorpus', () => {
  it('writes JSONL that ingests again as the same articles', async () => {
    const lines = (await exported('jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line.analysis.entities.every((e: { id: string }) => typeof line.entities[e.id] === 'string')).toBe(true);
      expect(line.analysis.schema).toBe('claimgraph/article@1');
    }
    const path = join(dir, 'export.jsonl');
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
    const again = openSqliteStore(join(dir, 'again.db'));
    expect(await ingest(again, [path], { workers: 0 })).toEqual({ ingested: 5, duplicates: 0, failed: [] });
    expect((await again.stories()).map((s) => s.articles.map((a) => a.id).sort())).toEqual((await store.stories()).map((s) => s.articles.map((a) => a.id).sort()));
    await again.close();
  });

  it('writes one CSV row per claim, text quoted where needed', async () => {
    const rows = parseCsv(await exported('csv'));
    expect(rows[0]).toEqual(['article', 'claim', 'date', 'source', 'title', 'url', 'story', 'speaker_id', 'speaker', 'stance', 'cameo', 'entities', 'start', 'end', 'text']);
    expect(rows.length - 1).toBe((await store.count()).claims);
    expect(rows.slice(1).every((r) => r.length === rows[0].length)).toBe(true);
    const withQuotes = rows.find((r) => r[14].includes('"') && r[14].includes(','));
    const article = await store.article(withQuotes?.[0] ?? '');
    expect(article?.text.slice(Number(withQuotes?.[12]), Number(withQuotes?.[13]))).toBe(withQuotes?.[14]);
  });

  it('writes the actor network as GraphML: who denies what about whom', async () => {
    const doc = new DOMParser().parseFromString(await exported('graphml'), 'text/xml');
    const names = new Map([...doc.querySelectorAll('node')].map((n) => [n.getAttribute('id'), n.querySelector('data[key="name"]')?.textContent]));
    const edges = [...doc.querySelectorAll('edge')].map((e) => ({
      from: names.get(e.getAttribute('source')),
      to: names.get(e.getAttribute('target')),
      stance: e.querySelector('data[key="stance"]')?.textContent,
    }));
    expect(edges).toContainEqual({ from: 'Taliban', to: 'Russia', stance: 'deny' });
    expect(edges).toContainEqual({ from: 'Zamir Kabulov', to: 'Taliban', stance: 'assert' });
    expect(edges.every((e) => e.from && e.to)).toBe(true);
  });

  it('writes GDELT-style event rows with CAMEO actor codes, event code, root, quad class and PLOVER type', async () => {
    const [header, ...rows] = (await exported('gdelt')).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(header).toHaveLength(20);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.length === 20)).toBe(true);
    const column = (name: string) => header.indexOf(name);
    // The Taliban deny exchanging information with Russia: a negated 064 between AFGREB and RUS.
    const denied = rows.find((r) => r[column('EventCode')] === '064' && r[column('IsNegated')] === '1' && [r[column('Actor1Code')], r[column('Actor2Code')]].sort().join(' ') === 'AFGREB RUS');
    expect(denied).toBeDefined();
    expect(denied![column('EventRootCode')]).toBe('06');
    expect(denied![column('QuadClass')]).toBe('2');
    expect(denied![column('PloverType')]).toBe('COOPERATE');
    // Dated articles give their day; the seed states no date, so its rows leave the day empty.
    const deniedDays = rows.filter((r) => r[column('EventCode')] === '064' && r[column('IsNegated')] === '1').map((r) => r[column('SQLDATE')]);
    expect(deniedDays.every((day) => /^(2015122\d)?$/.test(day))).toBe(true);
    expect(deniedDays.some((day) => day !== '')).toBe(true);
    const condemned = rows.find((r) => r[column('EventCode')] === '111');
    expect(condemned?.[column('Actor1Code')]).toBe('AFGREB');
    expect(condemned?.[column('QuadClass')]).toBe('3');
  });
});
