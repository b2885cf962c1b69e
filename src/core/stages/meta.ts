import type { ArticleMeta, Doc, Segment, Span } from '../doc.js';
import { DATE, DATELINE, MONTH_NAMES, markedWithoutGazetteer } from '../dateline.js';
import { defaultLexicon, type Lexicon } from '../lexicon/index.js';
import type { Stage } from '../pipeline.js';

/**
 * Article metadata from the layout of wire copy: a headline paragraph, a dateline opening the
 * body ("KABUL (Reuters) -", "Moscow, Dec 25:"), a byline near the top ("By Jane Doe") or an
 * agency line at the end ("— Reuters"), and the publication date when one of them states a year.
 */

const DATE_IN_TEXT = new RegExp(String.raw`(?<![\p{L}\d])${DATE}`, 'u');

const BYLINE_PREFIX = /^(?:By|BY|(?:Reporting|Written|Compiled|Additional reporting) by)\s+(?=\p{Lu})/u;
/** Where a byline's name stops: a separator, a date, or the end. */
const BYLINE_END = new RegExp(String.raw`\s*(?:[|•·;\n]|\s[—–―-]\s|,?\s*${DATE})`, 'u');
const AGENCY_LINE = /^(?:[—–―-]{1,2}\s*(?<dashed>\S[^\n]*)|\((?<bracketed>[^()\n]+)\))$/u;
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:Published|Posted|Updated)(?:\s+on)?:?\s+)?${DATE}(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+\p{Lu}{2,5})?)?$`,
  'iu',
);
const OPENING_QUOTE = /^["“‘'«]/u;
/** "'I was never afraid': Nobel laureate Maria Ressa on …": a quote signed after a colon is a headline's shape. */
const SIGNED_QUOTE = /^["“‘'«][^"”’'»]+["”’'»]:\s/u;
const MAX_TITLE_WORDS = 25;
const MAX_NAME_WORDS = 10;
/** An agency line names an agency, not a sentence: "Indo-Asian News Service". */
const MAX_AGENCY_WORDS = 5;
/** Paragraphs of bylines and dates looked at before the body starts. */
const MAX_FRONT_MATTER = 3;
/** Standfirst paragraphs a dateline may sit below, and their length. */
const MAX_DEKS = 2;
const MAX_DEK_WORDS = 30;

export function readMeta(doc: Doc, lexicon: Lexicon): ArticleMeta {
  const { paragraphs } = doc;
  if (paragraphs.length === 0) return { title: null, dateline: null, source: null, published: null };
  // "Russia: Taliban deny talks" over more text is a headline, not a dateline.
  const shaped = paragraphs.length > 1 ? headlineWords(doc, paragraphs[0]) : null;
  const opening = findDateline(doc, paragraphs[0], lexicon, shaped === null);
  const headline = opening ? null : shaped;
  const front: Segment[] = [];
  let body = headline ? 1 : 0;
  while (body < paragraphs.length - 1 && front.length < MAX_FRONT_MATTER && isFrontMatter(doc.slice(paragraphs[body]))) {
    front.push(paragraphs[body++]);
  }
  const dateline = opening ?? findLeadDateline(doc, body, lexicon);
  // A headline may end in a period ("The Latest: Trump urges …."): title case or a dateline below tells.
  const isHeadline = headline !== null && (dateline !== null || !doc.slice(paragraphs[0]).endsWith('.') || isTitleCase(headline));
  const title = isHeadline ? span(paragraphs[0]) : null;
  const byline = front.map((p) => bylineName(doc.slice(p), p.start)).find((s) => s !== null) ?? null;
  const last = paragraphs.length > body + 1 ? agencyLine(doc, paragraphs[paragraphs.length - 1]) : null;
  const dated = [dateline?.dateText, ...front.map((p) => doc.slice(p))];
  const published = dated.map((text) => (text ? datedIso(text) : null)).find((iso) => iso !== null) ?? null;
  return {
    title,
    dateline: dateline?.span ?? null,
    source: last ?? byline ?? dateline?.agency ?? null,
    published,
  };
}

export function createMetaStage(lexicon?: Lexicon): Stage {
  return {
    name: 'meta',
    requires: ['tokens', 'paragraphs', 'sentences'],
    assigns: ['meta'],
    apply(doc) {
      doc.meta = readMeta(doc, lexicon ?? defaultLexicon());
    },
  };
}

/** Uses the shipped lexicon (built on first use) to recognise dateline places. */
export const metaStage: Stage = createMetaStage();

/** The words of a paragraph shaped like a headline (one short line, no opening quote), else null. */
function headlineWords(doc: Doc, paragraph: Segment): string[] | null {
  const text = doc.slice(paragraph);
  if (text.includes('\n') || (OPENING_QUOTE.test(text) && !SIGNED_QUOTE.test(text)) || /[:,;]$/.test(text) || isFrontMatter(text)) return null;
  const words = wordsIn(doc, paragraph);
  return words.length === 0 || words.length > MAX_TITLE_WORDS ? null : words;
}

/**
 * The dateline of the first body paragraph, or of a paragraph just below a standfirst ("dek") of
 * one short line; that deeper one must be in capitals or carry a date or agency.
 */
function findLeadDateline(doc: Doc, body: number, lexicon: Lexicon): Dateline | null {
  const { paragraphs } = doc;
  for (let k = body; k < paragraphs.length && k <= body + MAX_DEKS; k++) {
    const dateline = findDateline(doc, paragraphs[k], lexicon, k === body);
    if (dateline) return dateline;
    if (doc.slice(paragraphs[k]).includes('\n') || wordsIn(doc, paragraphs[k]).length > MAX_DEK_WORDS) return null;
  }
  return null;
}

function wordsIn(doc: Doc, segment: Segment): string[] {
  const words: string[] = [];
  for (let i = segment.tokenStart; i < segment.tokenEnd; i++) {
    if (/[\p{L}\p{N}]/u.test(doc.tokens.lower[i])) words.push(doc.word(i));
  }
  return words;
}

/** Most longer words capitalised, as in "Taliban Denies Talks With Russia." */
function isTitleCase(words: string[]): boolean {
  const long = words.filter((w) => w.length >= 4);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

/** A byline or a date line ("Published: Dec. 25, 2015 10:42 am"). */
function isFrontMatter(text: string): boolean {
  return !text.includes('\n') && (DATE_LINE.test(text) || bylineName(text, 0) !== null);
}

interface Dateline {
  span: Span;
  agency: Span | null;
  dateText: string | undefined;
}

/** `knownPlaceAlone`: a gazetteer place in title case with a colon ("Kabul:") is enough. */
function findDateline(doc: Doc, paragraph: Segment, lexicon: Lexicon, knownPlaceAlone: boolean): Dateline | null {
  const m = DATELINE.exec(doc.slice(paragraph));
  if (!m?.groups || !m.indices?.groups) return null;
  const { place, date } = m.groups;
  const at = m.indices.groups;
  const offset = paragraph.start;
  const capitals = place === place.toUpperCase();
  const known = isKnownPlace(doc, offset, offset + place.length, lexicon);
  // A date, an agency or capitals before a dash mark a dateline; so does a known place.
  const marked = markedWithoutGazetteer(m.groups) || (capitals ? known : knownPlaceAlone && known);
  if (!marked) return null;
  const end = Math.max(at.place[1], at.state?.[1] ?? 0, at.date?.[1] ?? 0);
  return {
    span: { start: offset, end: offset + end },
    agency: at.agency ? { start: offset + at.agency[0], end: offset + at.agency[1] } : null,
    dateText: date,
  };
}

/** The place is one gazetteer city, country or region, token for token. */
function isKnownPlace(doc: Doc, start: number, end: number, lexicon: Lexicon): boolean {
  const first = doc.tokenAt(start);
  const match = lexicon.matchAt(doc.tokens.lower, first, (j) => doc.word(j));
  return match !== null && match.kind !== 'organization' && match.kind !== 'demonym' && match.length === doc.tokenAt(end) - first;
}

/** "By Jane Doe, Reuters | Dec. 25, 2015" → the span of "Jane Doe, Reuters"; null when not a byline. */
function bylineName(text: string, offset: number): Span | null {
  const prefix = BYLINE_PREFIX.exec(text);
  if (!prefix) return null;
  const rest = text.slice(prefix[0].length);
  const stop = BYLINE_END.exec(rest);
  const name = trimName(stop ? rest.slice(0, stop.index) : rest);
  if (!isNameLike(name)) return null;
  const start = offset + prefix[0].length;
  return { start, end: start + name.length };
}

/** Capitalised words with the odd connector: "Jane Doe and John Roe, Reuters", not "Monday, the troops left". */
function isNameLike(name: string): boolean {
  const words = name.split(/[\s,]+/).filter((w) => w !== '');
  return words.length > 0 && words.length <= MAX_NAME_WORDS && words.every((w) => /^(?:[\p{Lu}\d]|(?:and|in|of|for|the|de|van|von|der|bin|al|el)$|(?:al|el)-)/u.test(w));
}

/** A closing agency line: "–Indo-Aisan News Service", "— Reuters", "(AP)", "By Jane Doe". */
function agencyLine(doc: Doc, paragraph: Segment): Span | null {
  const text = doc.slice(paragraph);
  const m = AGENCY_LINE.exec(text);
  const inner = m?.groups?.dashed ?? m?.groups?.bracketed;
  if (inner === undefined) return bylineName(text, paragraph.start);
  const start = paragraph.start + text.indexOf(inner);
  const credited = bylineName(inner, start);
  if (credited) return credited;
  const name = trimName(inner);
  if (name !== inner.trim() || !isNameLike(name) || name.split(/\s+/).length > MAX_AGENCY_WORDS) return null;
  return { start, end: start + name.length };
}

/** Drops trailing separators and a sentence period, keeping "Jr." and initials. */
function trimName(text: string): string {
  return text.replace(/[\s,;:|•·—–―-]+$/u, '').replace(/(?<!\b(?:Jr|Sr|Inc|Ltd|Co|\p{Lu}))\.$/u, '');
}

/** ISO date of the first full date (with a year) in `text`; null without a year or when invalid. */
function datedIso(text: string): string | null {
  const found = DATE_IN_TEXT.exec(text);
  if (!found) return null;
  const date = found[0];
  const numeric = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = numeric ? Number(numeric[1]) : Number(/\d{4}/.exec(date)?.[0] ?? NaN);
  const month = numeric ? Number(numeric[2]) : monthNumber(/\p{L}+/u.exec(date)?.[0] ?? '');
  const day = Number(numeric ? numeric[3] : /(?<!\d)\d{1,2}(?!\d)/.exec(date)?.[0] ?? NaN);
  if (!Number.isFinite(year) || month === 0) return null;
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== day) return null;
  return parsed.toISOString().slice(0, 10);
}

function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  return MONTH_NAMES.findIndex((m) => lower.length >= 3 && m.startsWith(lower.slice(0, 3))) + 1;
}

function span(segment: Segment): Span {
  return { start: segment.start, end: segment.end };
}
