import type { EventActorJSON } from '../core/article.js';
import { cameoBase, cameoRoot, quadClass } from '../core/cameo.js';
import { dateOf } from '../core/corpus/corpus.js';
import type { EntityJSON, StoryArticleJSON } from '../core/corpus/types.js';
import type { Stance } from '../core/doc.js';
import { hashId } from '../core/hash.js';
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

const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Code', 'Actor1Name', 'Actor1Type', 'Actor2Code', 'Actor2Name', 'Actor2Type',
  'IsNegated', 'Modality', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'PloverType', 'PloverMode',
  'NumMentions', 'NumSources', 'NumArticles', 'SOURCEURL',
];

/**
 * GDELT-style events: the coded events of every article that is not a near-copy, one row per
 * day, actors (CAMEO actor codes and canonical entities), event code, negation and modality;
 * events alike in all of these are one row, counted as GDELT counts mentions, sources and
 * articles. Fields we do not have (geography, Goldstein scale, tone) are left out, not faked.
 */
async function exportGdelt(store: Store, write: Write): Promise<void> {
  const { names } = await lookups(store);
  const rows = new Map<string, { row: string[]; mentions: number; sources: Set<string>; articles: Set<string>; url: string }>();
  for await (const a of store.articles()) {
    if (a.duplicateOf) continue;
    const day = dateOf(a.time)?.replaceAll('-', '') ?? '';
    for (const e of a.analysis.events ?? []) {
      const actor = (x: EventActorJSON | null): string[] => {
        const entity = x?.entity ? names.get(a.entities[x.entity] ?? '') : undefined;
        return [x?.code ?? '', entity?.name ?? x?.text ?? '', entity?.type ?? ''];
      };
      const fields = [...actor(e.source), ...actor(e.target), e.negated ? '1' : '0', e.modality, e.code];
      const key = [day, ...fields].join('\u0000');
      const entry = rows.get(key) ?? {
        row: [
          `g${hashId(key)}`, day, ...fields, cameoBase(e.code), cameoRoot(e.code), String(quadClass(e.code)),
          e.plover?.type ?? '', e.plover?.mode ?? '',
        ],
        mentions: 0, sources: new Set<string>(), articles: new Set<string>(), url: '',
      };
      entry.mentions++;
      entry.sources.add(a.source ?? a.id);
      entry.articles.add(a.id);
      entry.url ||= a.url ?? '';
      rows.set(key, entry);
    }
  }
  await write(`${GDELT_COLUMNS.join('\t')}\n`);
  for (const { row, mentions, sources, articles, url } of rows.values()) {
    await write(`${[...row, String(mentions), String(sources.size), String(articles.size), url].map(tsvField).join('\t')}\n`);
  }
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
