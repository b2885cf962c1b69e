import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../../bin/claimgraph.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/corpus/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function claimgraph(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CITIES = ['Lisbon', 'Oslo', 'Quito', 'Hanoi', 'Dakar', 'Lima', 'Riga', 'Perth'];
const TOPICS = ['bridge repairs', 'school meals', 'bus fares', 'flood defences', 'library hours', 'park lighting'];

/** A short article that differs from every other in numbers, names and topic. */
function syntheticArticle(i: number): string {
  const city = CITIES[i % CITIES.length];
  const topic = TOPICS[i % TOPICS.length];
  return `${city} council votes on ${topic} plan ${i}

The city council in ${city} said on Monday that it would spend ${100 + i} thousand on ${topic} next year.

"This plan number ${i} is what residents asked for," said councillor Maria Ortiz${i}, who chairs committee ${i % 17}.`;
}

describe('claimgraph ingest', () => {
  it('prints exactly {ingested, duplicates, failed} with --json, and the query commands print JSON arrays', () => {
    const db = join(dir, 'fixture.db');
    const first = claimgraph('ingest', FIXTURE, join(dir, 'missing.txt'), '--db', db, '--json', '--workers', '0');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ ingested: 5, duplicates: 0, failed: [{ path: join(dir, 'missing.txt'), error: 'CG_E009: no such file or folder' }] });
    expect(JSON.parse(claimgraph('ingest', FIXTURE, '--db', db, '--json', '--workers', '0').stdout)).toEqual({ ingested: 0, duplicates: 5, failed: [] });
    const stories = JSON.parse(claimgraph('stories', '--db', db, '--json').stdout);
    expect(stories.map((s: { articles: unknown[] }) => s.articles.length)).toEqual([4, 1]);
    // Every list pages: --limit and --offset.
    expect(JSON.parse(claimgraph('stories', '--limit', '1', '--offset', '1', '--db', db, '--json').stdout)).toEqual(stories.slice(1));
    const firsts = JSON.parse(claimgraph('stories', '--articles', '1', '--db', db, '--json').stdout);
    expect(firsts.map((s: { size: number; articles: unknown[] }) => [s.size, s.articles.length])).toEqual([[4, 1], [1, 1]]);
    expect(claimgraph('stories', '--articles', '1', '--db', db).stdout).toContain('… and 3 more');
    const quotes = JSON.parse(claimgraph('quotes', '--db', db, '--json').stdout);
    expect(JSON.parse(claimgraph('quotes', '--limit', '2', '--offset', '1', '--db', db, '--json').stdout)).toEqual(quotes.slice(1, 3));
    expect(claimgraph('entities', '--offset', '-1', '--db', db).code).toBe(2);
    const contradictions = JSON.parse(claimgraph('contradictions', '--db', db, '--json').stdout);
    expect(Object.keys(contradictions[0].claims[0]).sort()).toEqual(['article', 'claim', 'date', 'end', 'speaker', 'stance', 'start', 'text']);
    const people = JSON.parse(claimgraph('entities', '--type', 'person', '--q', 'kabulov', '--db', db, '--json').stdout);
    expect(people.map((e: { name: string }) => e.name)).toEqual(['Zamir Kabulov']);
  });

  it('says when there is no database to query, and when nothing could be read', () => {
    const missing = claimgraph('stories', '--db', join(dir, 'none.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`claimgraph stories: no database at ${join(dir, 'none.db')}: run "claimgraph ingest" first, or pass --db\n`);
    const nothing = claimgraph('ingest', join(dir, 'missing.txt'), '--db', join(dir, 'empty.db'));
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('ingested 0, duplicates 0, failed 1');
    expect(claimgraph('ingest', '--db', join(dir, 'empty.db')).code).toBe(2);
    expect(claimgraph('ingest', FIXTURE, '--workers', '-1').code).toBe(2);
  });

  it('loses nothing committed when killed mid-way, and a rerun finishes the job', async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const total = 400;
    for (let i = 0; i < total; i++) writeFileSync(join(folder, `article-${String(i).padStart(3, '0')}.txt`), syntheticArticle(i));
    const db = join(dir, 'killed.db');
    const child = spawn(process.execPath, [CLI, 'ingest', folder, '--db', db, '--batch', '10', '--workers', '1', '--json'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill -9 as soon as a few batches are committed: read through WAL, as any reader may.
    let committed = 0;
    for (let tries = 0; committed < 30 && tries < 1200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      try {
        const reader = new Database(db, { readonly: true, fileMustExist: true });
        committed = (reader.prepare('SELECT count(*) FROM articles').pluck().get() as number) ?? 0;
        reader.close();
      } catch {
        // not created yet, or the schema is still being written
      }
    }
    child.kill('SIGKILL');
    await exited;

    const reader = new Database(db, { readonly: true });
    const before = reader.prepare('SELECT id FROM articles').pluck().all() as string[];
    reader.close();
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.length).toBeLessThan(total);

    const rerun = claimgraph('ingest', folder, '--db', db, '--json');
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toEqual({ ingested: total - before.length, duplicates: before.length, failed: [] });
    const after = new Database(db, { readonly: true });
    const ids = new Set(after.prepare('SELECT id FROM articles').pluck().all() as string[]);
    const storyless = after.prepare('SELECT count(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)').pluck().get();
    after.close();
    expect(ids.size).toBe(total);
    expect(before.every((id) => ids.has(id))).toBe(true);
    expect(storyless).toBe(0);
  });
});
