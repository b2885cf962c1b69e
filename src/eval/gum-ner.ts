import type { Lexicon } from '../core/lexicon/index.js';
import { NER_TYPES } from '../core/ner.js';
import type { ConlluSentence } from '../core/conllu.js';
import type { GumSplit } from '../train/corpora.js';
import { readGumDocuments } from '../train/corpora.js';
import type { EvaluateOptions } from './evaluate.js';
import { scoreNerDocuments, type ConllDocument, type NerReport, type NerSystem } from './ner.js';
import { formatTable } from './table.js';

/**
 * GUM's entity annotation as CoNLL-2003 named entities. GUM brackets every mention (CorefUD
 * `Entity=` in MISC: `(id-etype-infstat-salience-centering-minspan-link-identity`, closed by
 * `id)`), names and descriptions alike, with the mention's whole noun phrase. CoNLL marks names
 * only, without determiners or titles, and tags nationality adjectives MISC. So:
 *   - a mention is a name when its minimal span holds a proper noun (UPOS PROPN);
 *   - the name is the run of proper nouns ending at the minimal span's last one, joined across
 *     "of", "the", "and", "&", hyphens and dots, and followed by numbers ("Apollo 11"); person
 *     names lose leading titles and role words ("President", "Dr.");
 *   - person → PER, organization → ORG, place → LOC, time → none, every other type → MISC;
 *     nationalities ("Americans") → MISC; titles alone ("the Secretary") are no names;
 *   - nested names are kept when they do not overlap a longer one ("NASA" in "NASA Administrator
 *     Charles Bolden" besides "Charles Bolden");
 *   - a capitalised nationality word outside any name is MISC ("Greek", "American").
 */

const TYPES: Record<string, string | null> = {
  person: 'PER', organization: 'ORG', place: 'LOC', time: null,
};
/** Capitalised words of these classes continue a name ("New York", "United States", "Dulles International Airport"). */
const NAME_PARTS = new Set(['ADJ', 'NOUN', 'NUM', 'X', 'VERB']);
const JOINERS = new Set(['of', 'the', 'and', '&', '-', '.', 'de', 'du', 'la', 'von', 'van', 'der', 'al', 'bin', 'ibn']);

interface Mention {
  start: number;
  end: number;
  etype: string;
  /** Document token offsets of the minimal span. */
  minimal: number[];
  /** Words of the Wikipedia identity ("Charles_Bolden"), empty when there is none. */
  identity: Set<string>;
}

/** The mentions of a document's tokens from their MISC columns. */
export function gumMentions(misc: readonly string[]): Mention[] {
  const mentions: Mention[] = [];
  const open = new Map<string, { start: number; etype: string; minspan: string; identity: string }[]>();
  const close = (id: string, token: number): void => {
    const stack = open.get(id);
    const opened = stack?.pop();
    if (opened === undefined) return;
    const minimal = opened.minspan.split(',').map(Number).filter((k) => k > 0).map((k) => opened.start + k - 1);
    const identity = new Set(opened.identity.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).split('_').filter((w) => w !== ''));
    mentions.push({ start: opened.start, end: token + 1, etype: opened.etype, minimal, identity });
  };
  misc.forEach((column, token) => {
    const field = /(?:^|\|)Entity=([^|]*)/.exec(column)?.[1];
    if (field === undefined) return;
    for (let k = 0; k < field.length; ) {
      if (field[k] === '(') {
        let j = k + 1;
        while (j < field.length && field[j] !== '(' && field[j] !== ')') j++;
        const [id, etype = '', , , , minspan = '', , identity = ''] = field.slice(k + 1, j).split('-');
        if (!open.has(id)) open.set(id, []);
        open.get(id)!.push({ start: token, etype, minspan, identity });
        if (field[j] === ')') {
          close(id, token);
          j++;
        }
        k = j;
      } else {
        const closing = /^(\d+)\)/.exec(field.slice(k));
        if (closing === null) break;
        close(closing[1], token);
        k += closing[0].length;
      }
    }
  });
  return mentions;
}

/** The CoNLL name inside a mention, or null when the mention is no name. */
function nameSpan(m: Mention, words: readonly string[], upos: readonly string[], lexicon: Lexicon): { start: number; end: number } | null {
  const last = [...m.minimal].reverse().find((k) => k < m.end && upos[k] === 'PROPN');
  if (last === undefined) return null;
  const named = (k: number): boolean => upos[k] === 'PROPN' || (/^\p{Lu}/u.test(words[k]) && NAME_PARTS.has(upos[k]));
  let start = last;
  for (let k = last - 1; k >= m.start; k--) {
    if (named(k)) start = k;
    else if (!(JOINERS.has(words[k].toLowerCase()) && k > m.start && named(k - 1))) break;
  }
  let end = last + 1;
  while (end < m.end && (upos[end] === 'PROPN' || upos[end] === 'NUM')) end++;
  if (m.etype === 'person') {
    // "NASA Administrator Charles Bolden" (identity Charles_Bolden): the name starts after the last
    // title, a word not in the identity, a common noun or a role word.
    while (start < last && m.identity.size > 0 && !m.identity.has(words[start])) start++;
    for (let k = last - 1; k >= start; k--) {
      if (upos[k] === 'NOUN' || lexicon.isRoleWord(words[k].toLowerCase()) || /^(?:mr|mrs|ms|dr|prof)\.?$/i.test(words[k])) {
        start = k + 1;
        break;
      }
    }
  }
  return { start, end };
}

/** One document's sentences with IOB2 tags of the CoNLL types. */
export function gumNerDocument(sentences: readonly ConlluSentence[], lexicon: Lexicon): ConllDocument {
  const words = sentences.flatMap((s) => s.words);
  const upos = sentences.flatMap((s) => s.upos);
  const tags: string[] = words.map(() => 'O');
  const names: { start: number; end: number; type: string }[] = [];
  for (const m of gumMentions(sentences.flatMap((s) => s.misc))) {
    const span = nameSpan(m, words, upos, lexicon);
    if (span === null) continue;
    const lower = words.slice(span.start, span.end).map((w) => w.toLowerCase());
    // "the Secretary": a title alone is no name.
    if (lower.every((w) => lexicon.isRoleWord(w))) continue;
    // "Americans": CoNLL tags nationalities MISC, whatever they refer to.
    const type = lower.length === 1 && lexicon.demonymCountry(lower[0]) !== null ? 'MISC' : m.etype in TYPES ? TYPES[m.etype] : 'MISC';
    if (type !== null) names.push({ ...span, type });
  }
  names.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(words.length);
  for (const { start, end, type } of names) {
    if (taken.subarray(start, end).some((t) => t === 1)) continue;
    taken.fill(1, start, end);
    for (let k = start; k < end; k++) tags[k] = `${k === start ? 'B' : 'I'}-${type}`;
  }
  words.forEach((word, k) => {
    if (taken[k] === 0 && /^\p{Lu}/u.test(word) && lexicon.demonymCountry(word.toLowerCase()) !== null) tags[k] = 'B-MISC';
  });
  const document: ConllDocument = [];
  let offset = 0;
  for (const s of sentences) {
    document.push({ words: s.words, tags: tags.slice(offset, offset + s.words.length) });
    offset += s.words.length;
  }
  return document;
}

export interface GumNerDocument {
  name: string;
  /** "news", "bio", …: the second part of the document name. */
  genre: string;
  document: ConllDocument;
}

/** The GUM documents of `split` as CoNLL NER documents. */
export async function readGumNer(gumDir: string, split: GumSplit, lexicon: Lexicon): Promise<GumNerDocument[]> {
  const documents = await readGumDocuments(gumDir, split);
  return documents.map(({ name, sentences }) => ({
    name,
    genre: name.split('_')[1] ?? 'other',
    document: gumNerDocument(sentences, lexicon),
  }));
}

/** GUM test scored as a whole and per genre (`eval gum`). */
export interface GumNerReport {
  documents: number;
  all: NerReport;
  genres: Record<string, NerReport>;
}

/** Scores `system` on the GUM documents of `split` under `gumDir`, overall and per genre. */
export async function evaluateGumNer(gumDir: string, split: GumSplit, system: NerSystem, lexicon: Lexicon, options: EvaluateOptions = {}): Promise<GumNerReport> {
  const documents = (await readGumNer(gumDir, split, lexicon)).slice(0, options.limit ?? Infinity);
  const genres: Record<string, NerReport> = {};
  for (const genre of [...new Set(documents.map((d) => d.genre))].sort()) {
    genres[genre] = scoreNerDocuments(documents.filter((d) => d.genre === genre).map((d) => d.document), system);
  }
  return { documents: documents.length, all: scoreNerDocuments(documents.map((d) => d.document), system, options), genres };
}

/** One row per genre and one for the whole split: P, R, F1 and F1 per type. */
export function formatGumNerReport(report: GumNerReport): string {
  const fixed = (value: number): string => value.toFixed(2);
  const row = (name: string, r: NerReport) => [name, fixed(r.precision), fixed(r.recall), fixed(r.f1), ...NER_TYPES.map((t) => (r.types[t] ? fixed(r.types[t].f1) : ''))];
  return formatTable([
    ['genre', 'precision', 'recall', 'F1', ...NER_TYPES],
    ...Object.entries(report.genres).map(([genre, r]) => row(genre, r)),
    row(`all (${report.documents} documents)`, report.all),
  ]);
}
