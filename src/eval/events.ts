import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Doc } from '../core/doc.js';
import { CoreError } from '../core/errors.js';
import { dateNumberOf, EventCoder } from '../core/event-coding.js';
import { readDictionaries, type EventDictionaries } from '../core/lexicon/petrarch.js';
import type { Stage } from '../core/pipeline.js';
import type { EvaluateOptions } from './evaluate.js';
import { formatTable } from './table.js';

/**
 * `eval events`: PETRARCH validation records (`<Sentence>` with `<Text>` and expected
 * `<EventCoding sourcecode targetcode eventcode>`) coded by our own pipeline — tokenizer, tagger,
 * dependency parser, event coder — with the dictionaries the file's `<Environment>` names. The
 * records' constituency parses are not read. A predicted triple is correct when source code,
 * target code and event code all equal an expected one (each expected triple matched once).
 */

export interface EventRecord {
  id: string;
  category: string;
  /** YYYYMMDD as written. */
  date: string;
  text: string;
  expected: Triple[];
}

/** (source code, target code, event code). */
export type Triple = [string, string, string];

export interface EventScores {
  records: number;
  expected: number;
  predicted: number;
  correct: number;
  /** Percent of expected triples predicted. */
  recall: number;
  /** Percent of predicted triples expected. */
  precision: number;
}

export interface EventReport extends EventScores {
  byCategory: Record<string, EventScores>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attributes);
  return match ? decode(match[1]) : null;
}

/** The records and the dictionary file names of a PETRARCH validation file. */
export function parseValidationFile(xml: string, where: string): { records: EventRecord[]; files: { verbs: string; actors: string[]; agents: string; discards: string } } {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const environment = /<Environment>([\s\S]*?)<\/Environment>/.exec(text)?.[1];
  const element = (name: string): string[] => [...(environment ?? '').matchAll(new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`, 'g'))].map((m) => m[1]);
  const [verbs] = element('Verbfile');
  const actors = element('Actorfile');
  const [agents] = element('Agentfile');
  const [discards] = element('Discardfile');
  if (!verbs || actors.length === 0 || !agents || !discards) {
    throw new CoreError('CG_E007', `${where}: <Environment> must name a Verbfile, Actorfile, Agentfile and Discardfile`);
  }
  const records: EventRecord[] = [];
  for (const match of text.matchAll(/<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const [, attributes, body] = match;
    const recordText = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1];
    if (recordText === undefined) continue;
    const expected: Triple[] = [];
    for (const coding of body.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const source = attribute(coding[1], 'sourcecode');
      const target = attribute(coding[1], 'targetcode');
      const event = attribute(coding[1], 'eventcode');
      if (source !== null && target !== null && event !== null) expected.push([source.toUpperCase(), target.toUpperCase(), event.toUpperCase()]);
    }
    records.push({
      id: attribute(attributes, 'id') ?? `record-${records.length + 1}`,
      category: attribute(attributes, 'category') ?? '',
      date: attribute(attributes, 'date') ?? '',
      text: decode(recordText).replace(/\s+/g, ' ').trim(),
      expected,
    });
  }
  return { records, files: { verbs, actors, agents, discards } };
}

/** Reads the dictionaries a validation file names, from its folder. */
export async function loadValidationDictionaries(file: string, names: { verbs: string; actors: string[]; agents: string; discards: string }): Promise<EventDictionaries> {
  const read = async (name: string): Promise<string> => {
    const path = join(dirname(file), name);
    if (!existsSync(path)) throw new CoreError('CG_E009', `${path}: the dictionary ${file} names is not beside it`);
    return readFile(path, 'utf8');
  };
  return readDictionaries({
    verbs: await read(names.verbs),
    actors: await Promise.all(names.actors.map(read)),
    agents: await read(names.agents),
    discards: await read(names.discards),
  });
}

/** The triples our coder gives a text: tokens, sentences, tags and parse from `parseStages`, then the coder. */
export function predictTriples(text: string, date: string, parseStages: readonly Stage[], dictionaries: EventDictionaries): Triple[] {
  const doc = new Doc(text);
  for (const stage of parseStages) {
    stage.apply(doc);
    for (const layer of stage.assigns) doc.layers.add(layer);
  }
  const iso = /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : null;
  const coder = new EventCoder(dictionaries, dateNumberOf(iso));
  if (coder.discardsStory(doc)) return [];
  const out: Triple[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    for (const event of coder.codeSentence(doc, s)) {
      // PETRARCH codes dyads only; negation it codes through patterns ("WILL NOT *"), as we do.
      if (!event.source || !event.target) continue;
      for (const source of event.source.codes) for (const target of event.target.codes) out.push([source, target, event.code.toUpperCase()]);
    }
  }
  return out;
}

function matches(expected: Triple[], predicted: Triple[]): number {
  const left = expected.map((t) => t.join(' '));
  let correct = 0;
  for (const triple of predicted) {
    const at = left.indexOf(triple.join(' '));
    if (at >= 0) {
      left.splice(at, 1);
      correct++;
    }
  }
  return correct;
}

function scores(records: number, expected: number, predicted: number, correct: number): EventScores {
  const percent = (a: number, b: number): number => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);
  return { records, expected, predicted, correct, recall: percent(correct, expected), precision: percent(correct, predicted) };
}

export interface RecordResult {
  record: EventRecord;
  predicted: Triple[];
  correct: number;
}

export async function evaluateEvents(file: string, parseStages: readonly Stage[], options: EvaluateOptions & { onRecord?: (result: RecordResult) => void } = {}): Promise<EventReport> {
  const { records, files } = parseValidationFile(await readFile(file, 'utf8'), file);
  const dictionaries = await loadValidationDictionaries(file, files);
  const totals = new Map<string, [number, number, number, number]>();
  const add = (key: string, expected: number, predicted: number, correct: number): void => {
    const t = totals.get(key) ?? [0, 0, 0, 0];
    totals.set(key, [t[0] + 1, t[1] + expected, t[2] + predicted, t[3] + correct]);
  };
  const limit = options.limit ?? Infinity;
  let done = 0;
  for (const record of records) {
    if (done >= limit) break;
    const predicted = predictTriples(record.text, record.date, parseStages, dictionaries);
    const correct = matches(record.expected, predicted);
    add('', record.expected.length, predicted.length, correct);
    add(record.category, record.expected.length, predicted.length, correct);
    options.onRecord?.({ record, predicted, correct });
    options.onArticle?.(++done, record.id);
  }
  const [n, expected, predicted, correct] = totals.get('') ?? [0, 0, 0, 0];
  totals.delete('');
  const byCategory = Object.fromEntries([...totals].sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => [key, scores(...t)]));
  return { ...scores(n, expected, predicted, correct), byCategory };
}

export function formatEventReport(r: EventReport): string {
  const row = (name: string, s: EventScores): string[] => [name, String(s.records), String(s.expected), String(s.predicted), String(s.correct), s.recall.toFixed(1), s.precision.toFixed(1)];
  return formatTable([
    ['category', 'records', 'expected', 'predicted', 'correct', 'recall %', 'precision %'],
    ...Object.entries(r.byCategory).map(([name, s]) => row(name, s)),
    row('all', r),
  ]);
}

/**
 * PLOVER_GSR_CAMEO (PLOVER 0.5 gold event records, JSON): one sentence each with the event type
 * and the actors' codes. The file names no CAMEO codes, so what can be compared is the PLOVER
 * type of our events (CAMEO2PLOVER-2021) and the country of their source. Three type names
 * changed between PLOVER 0.5 and the 2021 table: DEMAND is REQUEST, DISAPPROVE is ACCUSE,
 * FIGHT is ASSAULT.
 */
export interface PloverReport {
  records: number;
  /** Records where we coded at least one event with a PLOVER type. */
  coded: number;
  /** Percent of records whose gold type is among our events' types. */
  recall: number;
  /** Percent of coded records whose gold type is among our events' types. */
  precision: number;
  /** Percent of type-matched records where such an event's source code starts with a gold source code. */
  source: number;
}

const PLOVER_RENAMED: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', FIGHT: 'ASSAULT' };

interface GsrRecord {
  event?: string;
  text?: string;
  date?: string;
  source?: { code?: string }[];
}

export async function evaluatePlover(file: string, run: (text: string, date: string | null) => Doc, options: EvaluateOptions = {}): Promise<PloverReport> {
  let records: GsrRecord[];
  try {
    records = JSON.parse(await readFile(file, 'utf8')) as GsrRecord[];
  } catch (error) {
    throw new CoreError('CG_E007', `${file}: not a JSON array of PLOVER records (${(error as Error).message})`);
  }
  let total = 0;
  let coded = 0;
  let matched = 0;
  let sourced = 0;
  for (const record of records) {
    if (typeof record.text !== 'string' || typeof record.event !== 'string') continue;
    if (total >= (options.limit ?? Infinity)) break;
    total++;
    const gold = PLOVER_RENAMED[record.event] ?? record.event;
    const doc = run(record.text, record.date ?? null);
    const typed = doc.events.filter((e) => e.plover);
    if (typed.length > 0) coded++;
    const same = typed.filter((e) => e.plover?.type === gold);
    if (same.length > 0) matched++;
    const sources = (record.source ?? []).map((s) => s.code ?? '').filter(Boolean);
    if (same.some((e) => sources.some((code) => e.source?.code?.startsWith(code)))) sourced++;
    options.onArticle?.(total, String(total));
  }
  const percent = (a: number, b: number): number => (b === 0 ? 0 : Math.round((1000 * a) / b) / 10);
  return { records: total, coded, recall: percent(matched, total), precision: percent(matched, coded), source: percent(sourced, matched) };
}

export function formatPloverReport(r: PloverReport): string {
  return formatTable([
    ['records', 'coded', 'type recall %', 'type precision %', 'source code %'],
    [String(r.records), String(r.coded), r.recall.toFixed(1), r.precision.toFixed(1), r.source.toFixed(1)],
  ]);
}
