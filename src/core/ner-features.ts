import type { Doc } from './doc.js';
import type { Lexicon } from './lexicon/index.js';
import { hashFeature, hashString } from './perceptron.js';
import { clusterPath, type WordClusters } from './word-clusters.js';

/**
 * Features of the NER tagger (ner.ts), hashed without building strings per token: each word form
 * is described once (cached), and per-token features mix cached hashes with a template id.
 *   local:     word, lower case, shape, affixes, cluster-path prefixes in a ±2 window, POS tags,
 *              gazetteer matches from the lexicon, first names, organisation cues, role words;
 *   history:   the types this document has already given the same word (Ratinov & Roth 2009);
 *   document:  whether the word also appears in lower or title case elsewhere in the document;
 *   aggregate: in the second pass, the types the first pass gave the word anywhere in the document.
 */

/** What the features read from the lexicon. */
export type NerLexicon = Pick<Lexicon, 'matchAt' | 'firstNameGender' | 'isOrgCue' | 'isRoleWord'>;

/** Entity types in the order of the BILOU classes. */
export const TYPE_COUNT = 4;

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
const WORD_FIELDS = 15;

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

function describeWord(surface: string, clusters: WordClusters, lexicon: NerLexicon): Uint32Array {
  const word = surface.replace(/[‘’]/g, "'").replace(/\d/g, '0');
  const lower = word.toLowerCase();
  const values: string[] = [];
  values[WORD] = word;
  values[LOWER] = lower;
  values[SHAPE] = shapeOf(surface, 3);
  values[SHORT_SHAPE] = shapeOf(surface, 1);
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

function padEntry(name: string): Uint32Array {
  const entry = new Uint32Array(WORD_FIELDS);
  for (let k = 0; k < CASE; k++) entry[k] = hashString(name, k);
  entry[CASE] = NO_LETTERS;
  return entry;
}

const PADS = [padEntry('-START2-'), padEntry('-START-'), padEntry('-END-'), padEntry('-END2-')];
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
  FirstClass, FirstClassWindow, Aggregate, AggregateCase, AggregateTypes, AggregateLonger,
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

/** Builds the feature hashes of one document, sentence by sentence. Reuse one per tagger: it caches words. */
export class NerFeaturizer {
  private readonly cache = new Map<string, Uint32Array>();
  private readonly tagHashes = new Map<string, number>();
  private window: Uint32Array[] = [];
  private gazetteer = new Uint32Array(0);
  private tags = new Uint32Array(0);
  private doc: Doc | null = null;
  private forms = new Set<string>();
  private history = new Map<string, Int32Array>();
  private summary: FirstPassSummary = { types: new Map(), longest: new Map() };

  constructor(
    private readonly clusters: WordClusters,
    private readonly lexicon: NerLexicon,
  ) {}

  /** Starts a document: clears the history and collects its word forms. */
  setDocument(doc: Doc): void {
    this.doc = doc;
    this.forms = new Set();
    for (let i = 0; i < doc.tokenCount; i++) this.forms.add(doc.word(i));
    this.history = new Map();
  }

  private entry(surface: string): Uint32Array {
    let entry = this.cache.get(surface);
    if (entry === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      entry = describeWord(surface, this.clusters, this.lexicon);
      this.cache.set(surface, entry);
    }
    return entry;
  }

  private tagHash(tag: string): number {
    let hash = this.tagHashes.get(tag);
    if (hash === undefined) this.tagHashes.set(tag, (hash = hashString(tag, 77)));
    return hash;
  }

  /** Loads the sentence `[from, to)` of the current document for {@link extract}. */
  setSentence(from: number, to: number): void {
    const doc = this.doc as Doc;
    const n = to - from;
    if (this.tags.length < n + 4) {
      this.tags = new Uint32Array(2 * n + 4);
      this.gazetteer = new Uint32Array(2 * n + 4);
    }
    const { window, tags } = this;
    window.length = 0;
    window.push(PADS[0], PADS[1]);
    for (let i = from; i < to; i++) window.push(this.entry(doc.word(i)));
    window.push(PADS[2], PADS[3]);
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
        gazetteer[i - from + j + 2] = hashString(`${kind}|${type}|${place}`, 91);
      }
      i += length;
    }
  }

  /** Writes the local, history and document features of sentence token `k` into `out`; returns their count. */
  extract(k: number, lower: string, out: Uint32Array, at: number): number {
    const w = this.window;
    const here = w[k + 2];
    const before = w[k + 1];
    const after = w[k + 3];
    const before2 = w[k];
    const after2 = w[k + 4];
    const { tags, gazetteer } = this;
    const letterCase = here[CASE];
    let n = at;
    out[n++] = hashFeature(T.Bias, 0);
    out[n++] = hashFeature(T.Word, here[WORD]);
    out[n++] = hashFeature(T.Lower, here[LOWER]);
    out[n++] = hashFeature(T.LowerPrev, before[LOWER]);
    out[n++] = hashFeature(T.LowerNext, after[LOWER]);
    out[n++] = hashFeature(T.LowerPrev2, before2[LOWER]);
    out[n++] = hashFeature(T.LowerNext2, after2[LOWER]);
    out[n++] = hashFeature(T.Shape, here[SHAPE]);
    out[n++] = hashFeature(T.ShapePrev, before[SHAPE]);
    out[n++] = hashFeature(T.ShapeNext, after[SHAPE]);
    out[n++] = hashFeature(T.ShortShape, here[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Prefix3, here[PREFIX3]);
    out[n++] = hashFeature(T.Prefix4, here[PREFIX4]);
    out[n++] = hashFeature(T.Suffix2, here[SUFFIX2]);
    out[n++] = hashFeature(T.Suffix3, here[SUFFIX3]);
    out[n++] = hashFeature(T.Suffix4, here[SUFFIX4]);
    out[n++] = hashFeature(T.LowerPair, before[LOWER], here[LOWER]);
    out[n++] = hashFeature(T.LowerPairNext, here[LOWER], after[LOWER]);
    out[n++] = hashFeature(T.ShapePair, before[SHORT_SHAPE], here[SHAPE]);
    out[n++] = hashFeature(T.ShapePairNext, here[SHAPE], after[SHORT_SHAPE]);
    out[n++] = hashFeature(T.ShortTriple, hashFeature(before[SHORT_SHAPE], here[SHORT_SHAPE]), after[SHORT_SHAPE]);
    for (let field = CLUSTER4; field <= CLUSTER_FULL; field++) {
      out[n++] = hashFeature(T.Cluster, here[field]);
      out[n++] = hashFeature(T.ClusterPrev, before[field]);
      out[n++] = hashFeature(T.ClusterNext, after[field]);
    }
    out[n++] = hashFeature(T.ClusterPrev2, before2[CLUSTER6]);
    out[n++] = hashFeature(T.ClusterNext2, after2[CLUSTER6]);
    out[n++] = hashFeature(T.Tag, tags[k + 2]);
    out[n++] = hashFeature(T.TagPrev, tags[k + 1]);
    out[n++] = hashFeature(T.TagNext, tags[k + 3]);
    out[n++] = hashFeature(T.TagPair, tags[k + 1], tags[k + 2]);
    out[n++] = hashFeature(T.TagShape, tags[k + 2], here[SHORT_SHAPE]);
    out[n++] = hashFeature(T.Gazetteer, gazetteer[k + 2]);
    out[n++] = hashFeature(T.GazetteerCase, gazetteer[k + 2], letterCase);
    out[n++] = hashFeature(T.GazetteerPrev, gazetteer[k + 1]);
    out[n++] = hashFeature(T.GazetteerNext, gazetteer[k + 3]);
    out[n++] = hashFeature(T.Lexical, here[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalPrev, before[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalNext, after[LEXICAL], letterCase);
    out[n++] = hashFeature(T.LexicalNext2, after2[LEXICAL]);
    out[n++] = hashFeature(T.CaseWindow, (before[CASE] << 4) | (letterCase << 2) | after[CASE]);
    if (k === 0) out[n++] = hashFeature(T.SentenceStart, letterCase);
    if (isCapitalised(letterCase)) {
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
      if (!isCapitalised(this.entry(doc.word(i))[CASE])) continue;
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
        if (!isCapitalised(this.entry(doc.word(i))[CASE])) continue;
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
   * Writes the second-pass features of document token `i` into `out` at `at`: its first-pass
   * class and its neighbours', the types the first pass gave the same word elsewhere, and the
   * type of a longer first-pass entity holding the word. `classes` holds the first-pass class of
   * every token (0 for O, then 4 per type); `spanLength` is the length of the token's own entity.
   */
  extractAggregates(i: number, classes: Int32Array, spanLength: number, out: Uint32Array, at: number): number {
    const doc = this.doc as Doc;
    let n = at;
    const own = classes[i];
    out[n++] = hashFeature(T.FirstClass, own);
    out[n++] = hashFeature(T.FirstClassWindow, i > 0 ? classes[i - 1] : -1, i + 1 < doc.tokenCount ? classes[i + 1] : -1);
    const letterCase = this.entry(doc.word(i))[CASE];
    if (!isCapitalised(letterCase)) return n - at;
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
