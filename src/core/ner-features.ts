import type { Doc } from './doc.js';
import type { Lexicon } from './lexicon/index.js';
import { hashFeature, hashString } from './perceptron.js';
import { clusterPath, type WordClusters } from './word-clusters.js';

/**
 * Features of the NER tagger (ner.ts), hashed without building strings per token: each word form
 * is described once (cached), and per-token features mix cached hashes with a template id.
 *   local:     word, lower case, shape, affixes, cluster-path prefixes in a ±2 window, POS tags,
 *              gazetteer matches from the lexicon, PETRARCH2 actor names, first names,
 *              organisation cues, role words;
 *   history:   the types this document has already given the same word (Ratinov & Roth 2009);
 *   document:  whether the word also appears in lower or title case elsewhere in the document;
 *   aggregate: in the second pass, the types the first pass gave the word anywhere in the document.
 */

/** What the features read from the lexicon. */
export type NerLexicon = Pick<Lexicon, 'matchAt' | 'firstNameGender' | 'isOrgCue' | 'isRoleWord' | 'actorAt'>;

/** Entity types in the order of the BILOU classes. */
const TYPE_COUNT = 4;

/** Feature hashes per token at most: the stride of the feature buffers. */
export const MAX_FEATURES = 64;

// Per-word hashes, in this order, in each cached entry; CASE holds a letter-case class, not a hash.
const WORD = 0;
const LOWER = 1;
const SHAPE = 2;
const SHORT_SHAPE = 3;
const PREFIX3 = 4;
const PREFIX4 = 5;
const SUFFIX2 = 6;
const SUFFIX3 = 7;
const SUFFIX4 = 8;
const CLUSTER4 = 9;
const CLUSTER6 = 10;
const CLUSTER10 = 11;
const CLUSTER_FULL = 12;
const LEXICAL = 13;
const CASE = 14;
/** A number per entry, for callers that keep data per word form (see {@link NerFeaturizer.idOf}). */
const ID = 15;
const WORD_FIELDS = 16;

const CLUSTER_PREFIXES: readonly [number, number][] = [[CLUSTER4, 4], [CLUSTER6, 6], [CLUSTER10, 10], [CLUSTER_FULL, 32]];

// Letter-case classes.
const NO_LETTERS = 0;
const LOWER_CASE = 1;
const TITLE_CASE = 2;
const ALL_CAPS = 3;

function caseOf(word: string): number {
  const first = word.search(/\p{L}/u);
  if (first < 0) return NO_LETTERS;
  if (!/\p{Lu}/u.test(word[first])) return LOWER_CASE;
  return /\p{Ll}/u.test(word) || word.replace(/[^\p{L}]/gu, '').length < 2 ? TITLE_CASE : ALL_CAPS;
}

const isCapitalised = (letterCase: number): boolean => letterCase === TITLE_CASE || letterCase === ALL_CAPS;

/** "Xxxx" → "Xxxx" with runs cut to `maxRun` characters: "Japan" → "Xxxx" (3), "Xx" (1). */
function shapeOf(word: string, maxRun: number): string {
  let shape = '';
  let previous = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === previous ? run + 1 : 1;
    previous = c;
    if (run <= maxRun) shape += c;
  }
  return shape;
}

const titleCase = (lower: string): string => lower.charAt(0).toUpperCase() + lower.slice(1);

/**
 * Hashes of one word form's own features. Curly quotes and apostrophes read as straight ones and
 * digits as 0, so news text matches the CoNLL training text ("Trump’s", “ and ” as ', ").
 */
function describeWord(surface: string, clusters: WordClusters, lexicon: NerLexicon): Uint32Array {
  const straight = surface.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  const word = straight.replace(/\d/g, '0');
  const lower = word.toLowerCase();
  const values: string[] = [];
  values[WORD] = word;
  values[LOWER] = lower;
  values[SHAPE] = shapeOf(straight, 3);
  values[SHORT_SHAPE] = shapeOf(straight, 1);
  values[PREFIX3] = lower.slice(0, 3);
  values[PREFIX4] = lower.slice(0, 4);
  values[SUFFIX2] = lower.slice(-2);
  values[SUFFIX3] = lower.slice(-3);
  values[SUFFIX4] = lower.slice(-4);
  const path = clusterPath(clusters, surface);
  for (const [field, length] of CLUSTER_PREFIXES) values[field] = path === undefined ? '?' : path.slice(0, length);
  values[LEXICAL] = `${lexicon.firstNameGender(lower) === null ? 0 : 1}${lexicon.isOrgCue(lower) ? 1 : 0}${lexicon.isRoleWord(lower) ? 1 : 0}`;
  const entry = new Uint32Array(WORD_FIELDS);
  for (let k = 0; k < CASE; k++) entry[k] = hashString(values[k], k);
  entry[CASE] = caseOf(surface);
  return entry;
}

function padEntry(name: string, id: number): Uint32Array {
  const entry = new Uint32Array(WORD_FIELDS);
  for (let k = 0; k < CASE; k++) entry[k] = hashString(name, k);
  entry[CASE] = NO_LETTERS;
  entry[ID] = id;
  return entry;
}

const PADS = ['-START2-', '-START-', '-END-', '-END2-'].map(padEntry);
const PAD_TAG = hashString('-PAD-');
const NO_GAZETTEER = hashString('-NONE-');
const CACHE_LIMIT = 100_000;

/** Feature template ids; each hash mixes its template in, so templates never share a weight. */
const enum T {
  Bias = 1, Word, Lower, LowerPrev, LowerNext, LowerPrev2, LowerNext2, Shape, ShapePrev, ShapeNext, ShortShape,
  Prefix3, Prefix4, Suffix2, Suffix3, Suffix4, LowerPair, LowerPairNext, ShapePair, ShapePairNext, ShortTriple,
  Cluster, ClusterPrev, ClusterNext, ClusterPrev2, ClusterNext2, Tag, TagPrev, TagNext, TagPair, TagShape,
  Gazetteer, GazetteerCase, GazetteerPrev, GazetteerNext, Lexical, LexicalPrev, LexicalNext, LexicalNext2,
  History, HistoryCase, HistoryTypes, DocumentCase, SentenceStart, CaseWindow,
  Aggregate, AggregateCase, AggregateTypes, AggregateLonger, Actor, ActorCase,
}

/** Per document: what the second pass reads of the first pass's output. */
interface FirstPassSummary {
  /** Lower-cased capitalised word → entity tokens of each type the first pass gave it. */
  types: Map<string, Int32Array>;
  /** Lower-cased capitalised word → [type, length] of the longest first-pass entity holding it. */
  longest: Map<string, [number, number]>;
}

/** A token range with a type index, as the first pass found it. */
export interface TypedRange {
  start: number;
  end: number;
  type: number;
}

/**
 * Offsets of the window words whose own features are the same wherever the word occurs: a
 * frozen model can cache their scores per word form (see {@link NerFeaturizer.wordFeatures}).
 */
export const WINDOW_OFFSETS = [-2, -1, 0, 1, 2] as const;

/**
 * Writes the features that window word `entry` contributes at `offset` from the token (−2…+2)
 * into `out` at `at`; returns their count.
 */
function wordFeatures(entry: Uint32Array, offset: number, out: Uint32Array, at: number): number {
  let n = at;
  switch (offset) {
    case 0:
      out[n++] = hashFeature(T.Word, entry[WORD]);
      out[n++] = hashFeature(T.Lower, entry[LOWER]);
      out[n++] = hashFeature(T.Shape, entry[SHAPE]);
      out[n++] = hashFeature(T.ShortShape, entry[SHORT_SHAPE]);
      out[n++] = hashFeature(T.Prefix3, entry[PREFIX3]);
      out[n++] = hashFeature(T.Prefix4, entry[PREFIX4]);
      out[n++] = hashFeature(T.Suffix2, entry[SUFFIX2]);
      out[n++] = hashFeature(T.Suffix3, entry[SUFFIX3]);
      out[n++] = hashFeature(T.Suffix4, entry[SUFFIX4]);
      for (let field = CLUSTER4; field <= CLUSTER_FULL; field++) out[n++] = hashFeature(T.Cluster, entry[field]);
      break;
    case -1:
    case 1: {
      const before = offset < 0;
      out[n++] = hashFeature(before ? T.LowerPrev : T.LowerNext, entry[LOWER]);
      out[n++] = hashFeature(before ? T.ShapePrev : T.ShapeNext, entry[SHAPE]);
      for (let field = CLUSTER4; field <= CLUSTER_FULL; field++) out[n++] = hashFeature(before ? T.ClusterPrev : T.ClusterNext, entry[field]);
      break;
    }
    case -2:
      out[n++] = hashFeature(T.LowerPrev2, entry[LOWER]);
      out[n++] = hashFeature(T.ClusterPrev2, entry[CLUSTER6]);
      break;
    default:
      out[n++] = hashFeature(T.LowerNext2, entry[LOWER]);
      out[n++] = hashFeature(T.ClusterNext2, entry[CLUSTER6]);
      out[n++] = hashFeature(T.LexicalNext2, entry[LEXICAL]);
  }
  return n - at;
}

/** Builds the feature hashes of one document, sentence by sentence. Reuse one per tagger: it caches words. */
export class NerFeaturizer {
  /** {@link wordFeatures} of a word at one offset, for callers that cache scores per word. */
  static readonly wordFeatures = wordFeatures;
  private readonly cache = new Map<string, Uint32Array>();
  /**
   * Bumped when the word cache is cleared, as entry ids are then reused: data kept per
   * {@link idOf} is valid only while the generation stays the same.
   */
  generation = 0;
  private readonly tagHashes = new Map<string, number>();
  private readonly gazetteerCodes = new Map<string, number>();
  /** Word entry of every token of the document. */
  private entries: Uint32Array[] = [];
  private from = 0;
  private to = 0;
  private gazetteer = new Uint32Array(0);
  private actors = new Uint32Array(0);
  private tags = new Uint32Array(0);
  private doc: Doc | null = null;
  private forms = new Set<string>();
  private history = new Map<string, Int32Array>();
  private summary: FirstPassSummary = { types: new Map(), longest: new Map() };

  constructor(
    private readonly clusters: WordClusters,
    private readonly lexicon: NerLexicon,
  ) {}

  /**
   * Starts a document: describes its words, collects its word forms and clears the history.
   * `forms` replaces the form of some tokens (truecased headline words, ner-casing.ts).
   */
  setDocument(doc: Doc, forms: ReadonlyMap<number, string> | null = null): void {
    this.doc = doc;
    const n = doc.tokenCount;
    this.forms = new Set();
    this.entries.length = n;
    for (let i = 0; i < n; i++) {
      const surface = doc.word(i);
      this.forms.add(surface);
      this.entries[i] = this.entry(forms?.get(i) ?? surface);
    }
    this.history = new Map();
  }

  private entry(surface: string): Uint32Array {
    let entry = this.cache.get(surface);
    if (entry === undefined) {
      if (this.cache.size >= CACHE_LIMIT) {
        this.cache.clear();
        this.generation++;
      }
      entry = describeWord(surface, this.clusters, this.lexicon);
      entry[ID] = PADS.length + this.cache.size;
      this.cache.set(surface, entry);
    }
    return entry;
  }

  /** A small number per word entry (padding included), below {@link maxId}; see {@link generation}. */
  idOf(entry: Uint32Array): number {
    return entry[ID];
  }

  get maxId(): number {
    return PADS.length + CACHE_LIMIT;
  }

  private tagHash(tag: string): number {
    return memoHash(this.tagHashes, tag, 77);
  }

  private gazetteerCode(code: string): number {
    return memoHash(this.gazetteerCodes, code, 91);
  }

  /**
   * The word entry at document token `i` as seen from a token of the sentence `[from, to)`:
   * padding beyond the sentence's ends.
   */
  entryAt(i: number, from: number, to: number): Uint32Array {
    if (i < from) return PADS[Math.max(0, 2 - (from - i))];
    if (i >= to) return PADS[Math.min(3, 2 + (i - to))];
    return this.entries[i];
  }

  /** Loads the sentence `[from, to)` of the current document for {@link extract}. */
  setSentence(from: number, to: number): void {
    const doc = this.doc as Doc;
    const n = to - from;
    this.from = from;
    this.to = to;
    if (this.tags.length < n + 4) {
      this.tags = new Uint32Array(2 * n + 4);
      this.gazetteer = new Uint32Array(2 * n + 4);
      this.actors = new Uint32Array(2 * n + 4);
    }
    const { tags } = this;
    tags[0] = tags[1] = tags[n + 2] = tags[n + 3] = PAD_TAG;
    for (let k = 0; k < n; k++) tags[k + 2] = this.tagHash(doc.tokens.tag[from + k]);
    this.findGazetteerMatches(doc, from, to);
  }

  /**
   * Gazetteer code of each sentence token (kind, type and BILOU place of the longest lexicon
   * match, left to right), offset by two like the window.
   */
  private findGazetteerMatches(doc: Doc, from: number, to: number): void {
    const { gazetteer } = this;
    gazetteer.fill(NO_GAZETTEER, 0, to - from + 4);
    const lower = doc.tokens.lower;
    const surface = (j: number): string => doc.word(j);
    for (let i = from; i < to; ) {
      const match = this.lexicon.matchAt(lower, i, surface);
      if (match === null || i + match.length > to) {
        i++;
        continue;
      }
      const { length, kind, type } = match;
      for (let j = 0; j < length; j++) {
        const place = length === 1 ? 'U' : j === 0 ? 'B' : j === length - 1 ? 'L' : 'I';
        gazetteer[i - from + j + 2] = this.gazetteerCode(`${kind}|${type}|${place}`);
      }
      i += length;
    }
    const { actors } = this;
    actors.fill(NO_GAZETTEER, 0, to - from + 4);
    for (let i = from; i < to; ) {
      const match = this.lexicon.actorAt(lower, i);
      if (match === null || i + match.length > to) {
        i++;
        continue;
      }
      for (let j = 0; j < match.length; j++) {
        const place = j === 0 ? 'B' : j === match.length - 1 ? 'L' : 'I';
        actors[i - from + j + 2] = this.gazetteerCode(`actor|${match.kind}|${place}`);
      }
      i += match.length;
    }
  }

  /**
   * Writes the features of sentence token `k` into `out` at `at` and returns their count: the
   * window words' own features ({@link wordFeatures}) when `withWords`, then the features that
   * combine words, tags, gazetteer matches, the history and the document.
   */
  extract(k: number, withWords: boolean, out: Uint32Array, at: number): number {
    const { from, to, tags, gazetteer } = this;
    const i = from + k;
    const here = this.entries[i];
    const before = this.entryAt(i - 1, from, to);
    const after = this.entryAt(i + 1, from, to);
    const letterCase = here[CASE];
    let n = at;
    if (withWords) for (const offset of WINDOW_OFFSETS) n += wordFeatures(this.entryAt(i + offset, from, to), offset, out, n);
    out[n++] = hashFeature(T.Bias, 0);
    out[n++] = hashFeature(T.LowerPair, before[LOWER], here[LOWER]);
    out[n++] = hashFeature(T.LowerPairNext, here[LOWER], after[LOWER]);
    out[n++] = hashFeature(T.ShapePair, before[SHORT_SHAPE], here[SHAPE]);
    out[n++] = hashFeature(T.ShapePairNext, here[SHAPE], after[SHORT_SHAPE]);
    out[n++] = hashFeature(T.ShortTriple, hashFeature(before[SHORT_SHAPE], here[SHORT_SHAPE]), after[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Tag, tags[k + 2]);
    out[n++] = hashFeature(T.TagPrev, tags[k + 1]);
    out[n++] = hashFeature(T.TagNext, tags[k + 3]);
    out[n++] = hashFeature(T.TagPair, tags[k + 1], tags[k + 2]);
    out[n++] = hashFeature(T.TagShape, tags[k + 2], here[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Gazetteer, gazetteer[k + 2]);
    out[n++] = hashFeature(T.GazetteerCase, gazetteer[k + 2], letterCase);
    out[n++] = hashFeature(T.GazetteerPrev, gazetteer[k + 1]);
    out[n++] = hashFeature(T.GazetteerNext, gazetteer[k + 3]);
    out[n++] = hashFeature(T.Actor, this.actors[k + 2]);
    out[n++] = hashFeature(T.ActorCase, this.actors[k + 2], letterCase);
    out[n++] = hashFeature(T.Lexical, here[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalPrev, before[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalNext, after[LEXICAL], letterCase);
    out[n++] = hashFeature(T.CaseWindow, (before[CASE] << 4) | (letterCase << 2) | after[CASE]);
    if (k === 0) out[n++] = hashFeature(T.SentenceStart, letterCase);
    if (isCapitalised(letterCase)) {
      const lower = (this.doc as Doc).tokens.lower[i];
      const seen = this.history.get(lower);
      if (seen !== undefined) {
        const top = topType(seen);
        out[n++] = hashFeature(T.History, top);
        out[n++] = hashFeature(T.HistoryCase, top, letterCase);
        out[n++] = hashFeature(T.HistoryTypes, typeMask(seen));
      }
      const lowerSeen = this.forms.has(lower) ? 1 : 0;
      const titleSeen = letterCase === ALL_CAPS && this.forms.has(titleCase(lower)) ? 2 : 0;
      out[n++] = hashFeature(T.DocumentCase, letterCase, lowerSeen | titleSeen | (k === 0 ? 4 : 0));
    }
    return n - at;
  }

  /** Adds an entity the tagger found to the history: its type, for each capitalised word in it. */
  remember(range: TypedRange): void {
    const doc = this.doc as Doc;
    for (let i = range.start; i < range.end; i++) {
      if (!isCapitalised(this.entries[i][CASE])) continue;
      const lower = doc.tokens.lower[i];
      let counts = this.history.get(lower);
      if (counts === undefined) this.history.set(lower, (counts = new Int32Array(TYPE_COUNT)));
      counts[range.type]++;
    }
  }

  /** Summarises the first pass over the whole document for {@link extractAggregates}. */
  setFirstPass(ranges: readonly TypedRange[]): void {
    const doc = this.doc as Doc;
    const types = new Map<string, Int32Array>();
    const longest = new Map<string, [number, number]>();
    for (const { start, end, type } of ranges) {
      for (let i = start; i < end; i++) {
        if (!isCapitalised(this.entries[i][CASE])) continue;
        const lower = doc.tokens.lower[i];
        let counts = types.get(lower);
        if (counts === undefined) types.set(lower, (counts = new Int32Array(TYPE_COUNT)));
        counts[type]++;
        const known = longest.get(lower);
        if (known === undefined || end - start > known[1]) longest.set(lower, [type, end - start]);
      }
    }
    this.summary = { types, longest };
  }

  /**
   * Writes the second-pass features of document token `i` into `out` at `at`: the types the first
   * pass gave the same word elsewhere in the document (Ratinov & Roth's prediction aggregation)
   * and the type of a longer first-pass entity holding the word. `classes` holds the first-pass
   * class of every token (0 for O, then 4 per type); `spanLength` is the length of its own entity.
   */
  extractAggregates(i: number, classes: Int32Array, spanLength: number, out: Uint32Array, at: number): number {
    const doc = this.doc as Doc;
    const letterCase = this.entries[i][CASE];
    if (!isCapitalised(letterCase)) return 0;
    let n = at;
    const own = classes[i];
    const lower = doc.tokens.lower[i];
    const counts = this.summary.types.get(lower);
    if (counts !== undefined) {
      const others = counts.slice();
      if (own !== 0) others[(own - 1) >> 2]--;
      if (others.some((c) => c > 0)) {
        const top = topType(others);
        out[n++] = hashFeature(T.Aggregate, top);
        out[n++] = hashFeature(T.AggregateCase, top, letterCase);
        out[n++] = hashFeature(T.AggregateTypes, typeMask(others));
      }
    }
    const longest = this.summary.longest.get(lower);
    if (longest !== undefined && longest[1] > spanLength) out[n++] = hashFeature(T.AggregateLonger, longest[0]);
    return n - at;
  }
}

/** `hashString(text, seed)`, remembered in `memo` (for small vocabularies: tags, gazetteer codes). */
function memoHash(memo: Map<string, number>, text: string, seed: number): number {
  let hash = memo.get(text);
  if (hash === undefined) memo.set(text, (hash = hashString(text, seed)));
  return hash;
}

function topType(counts: Int32Array): number {
  let top = 0;
  for (let t = 1; t < counts.length; t++) if (counts[t] > counts[top]) top = t;
  return top;
}

function typeMask(counts: Int32Array): number {
  let mask = 0;
  for (let t = 0; t < counts.length; t++) if (counts[t] > 0) mask |= 1 << t;
  return mask;
}
