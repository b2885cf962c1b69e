import { dateOf } from '../core/corpus/corpus.js';
import { hashId } from '../core/hash.js';
import type { ClaimRecord, EntityJSON, StoryArticleJSON } from '../core/corpus/types.js';
import type { Stance } from '../core/doc.js';
import type { Store } from '../store/types.js';

/**
 * Corpus exports (docs/corpus.md): articles as JSONL, claims as CSV, the actor network as GraphML,
 * and GDELT-style event rows as TSV. Each writes through `write`, which may wait (back-pressure).
 */

export const EXPORT_FORMATS = ['jsonl', 'csv', 'graphml', 'gdelt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Write = (chunk: string) => void | Promise<void>;

export function exportCorpus(store: Store, format: ExportFormat, write: Write): Promise<void> {
  return { jsonl: exportJsonl, csv: exportCsv, graphml: exportGraphml, gdelt: exportGdelt }[format](store, write);
}

/** One article a line: an ingest record (`id, url, title, source, published, text`) plus its analysis. */
async function exportJsonl(store: Store, write: Write): Promise<void> {
  for await (const a of store.articles()) {
    const { text: _text, ...analysis } = a.analysis;
    const line = {
      id: a.id, url: a.url, title: a.title, source: a.source, published: a.published, text: a.text,
      path: a.path, story: a.story, duplicateOf: a.duplicateOf, similarity: a.similarity,
      entities: a.entities, analysis,
    };
    await write(`${JSON.stringify(line)}\n`);
  }
}

const CSV_COLUMNS = ['article', 'claim', 'date', 'source', 'title', 'url', 'story', 'speaker_id', 'speaker', 'stance', 'cameo', 'entities', 'start', 'end', 'text'];

/** One claim a row, with its article's metadata and the speaker's canonical name (RFC 4180). */
async function exportCsv(store: Store, write: Write): Promise<void> {
  const { articles, names } = await lookups(store);
  await write(`${CSV_COLUMNS.join(',')}\r\n`);
  for await (const c of store.claims()) {
    const a = articles.get(c.article);
    const row = [
      c.article, c.id, dateOf(c.time) ?? '', a?.source ?? '', a?.title ?? '', a?.url ?? '', a?.story ?? '',
      c.speaker ?? '', c.speaker ? (names.get(c.speaker)?.name ?? '') : '', c.stance, c.cameo.join(' '),
      c.entities.map((id) => names.get(id)?.name ?? id).join('; '), String(c.start), String(c.end), c.text,
    ];
    await write(`${row.map(csvField).join(',')}\r\n`);
  }
}

/**
 * The actor network: canonical entities as nodes, and for each speaker, stance and entity the
 * speaker's claims are about, one edge weighted by the number of claims.
 */
async function exportGraphml(store: Store, write: Write): Promise<void> {
  const { names } = await lookups(store);
  const edges = new Map<string, { source: string; target: string; stance: Stance; claims: number; articles: Set<string>; cameo: Set<string> }>();
  for await (const c of store.claims()) {
    if (!c.speaker || c.duplicate) continue;
    for (const target of c.entities) {
      if (target === c.speaker) continue;
      const key = `${c.speaker}\u0000${target}\u0000${c.stance}`;
      const edge = edges.get(key) ?? { source: c.speaker, target, stance: c.stance, claims: 0, articles: new Set(), cameo: new Set() };
      edge.claims += 1;
      edge.articles.add(c.article);
      for (const code of c.cameo) edge.cameo.add(code);
      edges.set(key, edge);
    }
  }
  const nodes = new Set([...edges.values()].flatMap((e) => [e.source, e.target]));
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="stance" for="edge" attr.name="stance" attr.type="string"/>
  <key id="claims" for="edge" attr.name="claims" attr.type="int"/>
  <key id="articles" for="edge" attr.name="articles" attr.type="int"/>
  <key id="cameo" for="edge" attr.name="cameo" attr.type="string"/>
  <graph id="actors" edgedefault="directed">
`);
  for (const id of [...nodes].sort()) {
    const e = names.get(id);
    await write(`    <node id="${xml(id)}"><data key="name">${xml(e?.name ?? id)}</data><data key="type">${e?.type ?? ''}</data><data key="mentions">${e?.mentions ?? 0}</data></node>\n`);
  }
  let n = 0;
  for (const e of edges.values()) {
    await write(`    <edge id="r${++n}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="stance">${e.stance}</data><data key="claims">${e.claims}</data><data key="articles">${e.articles.size}</data><data key="cameo">${[...e.cameo].sort().join(' ')}</data></edge>\n`);
  }
  await write('  </graph>\n</graphml>\n');
}

/** The CAMEO code of the speech act itself: GDELT codes statements too ("016 deny", "112 accuse"). */
const STANCE_CAMEO: Record<Stance, string> = {
  assert: '010', deny: '016', accuse: '112', condemn: '111', threaten: '130', question: '010', other: '010',
};

const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Name', 'Actor1Type', 'Actor2Name', 'Actor2Type', 'EventCode', 'EventBaseCode',
  'EventRootCode', 'QuadClass', 'NumMentions', 'NumSources', 'NumArticles', 'SOURCEURL', 'Stance', 'PropositionCodes',
];

/**
 * GDELT-style events: speaker (Actor1) makes a statement of some stance about an entity (Actor2)
 * on a day; claims with the same day, actors and code are one event, counted as GDELT counts
 * mentions, sources and articles. Fields we do not have (CAMEO actor codes, geography, Goldstein,
 * tone) are left out rather than faked.
 */
async function exportGdelt(store: Store, write: Write): Promise<void> {
  const { articles, names } = await lookups(store);
  const events = new Map<string, { row: string[]; claims: ClaimRecord[] }>();
  for await (const c of store.claims()) {
    if (!c.speaker) continue;
    const target = c.entities.find((id) => id !== c.speaker) ?? null;
    const code = STANCE_CAMEO[c.stance];
    const day = dateOf(c.time)?.replaceAll('-', '') ?? '';
    const key = [day, c.speaker, target ?? '', code, c.stance].join('\u0000');
    const event = events.get(key) ?? {
      row: [
        `g${hashId(key)}`, day, names.get(c.speaker)?.name ?? '', names.get(c.speaker)?.type ?? '',
        target ? (names.get(target)?.name ?? '') : '', target ? (names.get(target)?.type ?? '') : '',
        code, code.slice(0, 3), code.slice(0, 2), String(quadClass(code)),
      ],
      claims: [],
    };
    event.claims.push(c);
    events.set(key, event);
  }
  await write(`${GDELT_COLUMNS.join('\t')}\n`);
  for (const { row, claims } of events.values()) {
    const sources = new Set(claims.map((c) => articles.get(c.article)?.source ?? c.article));
    const url = claims.map((c) => articles.get(c.article)?.url).find(Boolean) ?? '';
    const codes = [...new Set(claims.flatMap((c) => c.cameo))].sort().join(' ');
    const counts = [claims.length, sources.size, new Set(claims.map((c) => c.article)).size].map(String);
    await write(`${[...row, ...counts, url, claims[0].stance, codes].map(tsvField).join('\t')}\n`);
  }
}

/** GDELT's QuadClass: verbal cooperation 1 (01–05), material cooperation 2 (06–08), verbal conflict 3 (09–13), material conflict 4. */
function quadClass(code: string): number {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/** Article metadata (with its story) and canonical entities, by id. */
async function lookups(store: Store): Promise<{ articles: Map<string, StoryArticleJSON & { story: string }>; names: Map<string, EntityJSON> }> {
  const articles = new Map<string, StoryArticleJSON & { story: string }>();
  for (const story of await store.stories()) for (const a of story.articles) articles.set(a.id, { ...a, story: story.id });
  const names = new Map((await store.entities()).map((e) => [e.id, e]));
  return { articles, names };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Tabs and line breaks would break a TSV row; they become spaces. */
function tsvField(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

function xml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}
