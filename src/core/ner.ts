import type { Doc } from './doc.js';
import { DESCRIBED_NAME_KINDS, NAME_FIRST_KINDS, NAME_HEAD_KINDS, NAME_OF_KINDS } from './lexicon/curated.js';
import { defaultLexicon } from './lexicon/index.js';
import { NAME_JOINERS, NAME_PARTICLES, readsAsVerb, truecaseHeadlines } from './ner-casing.js';
import { MAX_FEATURES, NerFeaturizer, WINDOW_OFFSETS, type NerLexicon, type TypedRange } from './ner-features.js';
import {
  addLaneRows,
  decodeBinary,
  encodeBinary,
  hashFeature,
  packedModel,
  readPerceptron,
  writePerceptron,
  type ByteReader,
  type ByteWriter,
  type Classifier,
  type PerceptronModel,
  type Trainer,
} from './perceptron.js';
import { readWordClusters, writeWordClusters, type WordClusters } from './word-clusters.js';

export type { NerLexicon } from './ner-features.js';

/**
 * Statistical named-entity recognition (CoNLL types PER, ORG, LOC, MISC) after Ratinov & Roth
 * (2009): averaged perceptrons over hashed features (ner-features.ts) with BILOU classes, each
 * sentence decoded by Viterbi under the BILOU transition constraints (a structured perceptron,
 * Collins 2002). Two passes over a document: the first reads local features and the types it has
 * already given the same words; the second also reads what the first found in the whole document.
 */

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const NER_TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** An entity as a token range `[start, end)` of the Doc. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}

/** Class 0 is O; type `t` has B, I, L, U at 1 + 4t … 4 + 4t. */
export const NER_CLASSES: readonly string[] = ['O', ...NER_TYPES.flatMap((type) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${type}`))];
const O = 0;
const CLASSES = NER_CLASSES.length;
/** The "previous class" of the first token. */
const START = CLASSES;
const TRANSITION = 99;

const typeOf = (c: number): number => (c - 1) >> 2;
const placeOf = (c: number): number => (c - 1) & 3; // 0 B, 1 I, 2 L, 3 U
/** A class that leaves an entity open (B, I): only I or L of its type may follow. */
const isOpen = (c: number): boolean => c !== O && c !== START && placeOf(c) < 2;

/** Whether class `c` may follow class `previous` (START before the first token). */
export function allowedTransition(previous: number, c: number): boolean {
  if (isOpen(previous)) return c !== O && typeOf(c) === typeOf(previous) && (placeOf(c) === 1 || placeOf(c) === 2);
  return c === O || placeOf(c) === 0 || placeOf(c) === 3;
}

/** The BILOU class of every token of a sequence of `length` tokens holding `spans` (non-overlapping). */
export function bilouClasses(spans: readonly NerSpan[], length: number): Int32Array {
  const classes = new Int32Array(length);
  for (const { start, end, type } of spans) {
    const base = 1 + 4 * NER_TYPES.indexOf(type);
    if (end - start === 1) classes[start] = base + 3;
    else {
      classes[start] = base;
      classes.fill(base + 1, start + 1, end - 1);
      classes[end - 1] = base + 2;
    }
  }
  return classes;
}

/** Adds the spans of a valid BILOU class sequence to `out`, offset by `offset` tokens. */
function addSpans(classes: ArrayLike<number>, length: number, offset: number, out: NerSpan[]): void {
  let open = 0;
  for (let k = 0; k < length; k++) {
    const c = classes[k];
    if (c === O) continue;
    const place = placeOf(c);
    if (place === 0) open = k;
    else if (place === 3) out.push({ start: offset + k, end: offset + k + 1, type: NER_TYPES[typeOf(c)] });
    else if (place === 2) out.push({ start: offset + open, end: offset + k + 1, type: NER_TYPES[typeOf(c)] });
  }
}

/** The classes each class may follow (START aside), so Viterbi skips forbidden pairs. */
const PREDECESSORS: readonly Int32Array[] = NER_CLASSES.map((_, c) =>
  Int32Array.from(NER_CLASSES.keys()).filter((previous) => allowedTransition(previous, c)),
);

const rangeOf = (span: NerSpan): TypedRange => ({ start: span.start, end: span.end, type: NER_TYPES.indexOf(span.type) });

export interface NerModel {
  /** The clusters the model was trained with: their paths are part of its features. */
  readonly clusters: WordClusters;
  /** Words mostly written in lower case, for reading headlines truecased (ner-casing.ts). */
  readonly lowercase: ReadonlySet<string>;
  /** Lower-case dictionary words besides those: weaker evidence for truecasing (ner-casing.ts); none when absent. */
  readonly dictionary?: ReadonlySet<string>;
  readonly first: PerceptronModel;
  /** The second pass; null for a one-pass model. */
  readonly second: PerceptronModel | null;
}

/** The word lists a model is trained with and carries: clusters and lower-case words. */
export type NerWords = Pick<NerModel, 'clusters' | 'lowercase' | 'dictionary'>;

/**
 * What a training pass needs: the gold class of every token of the Doc and the trainer of the
 * last pass. When training the second pass, `firstPass` gives the first pass's entities
 * (predicted by a model that did not see this document) instead of running the first pass.
 */
export interface NerTraining {
  gold: ArrayLike<number>;
  trainer: Trainer;
  firstPass?: readonly NerSpan[];
}

/**
 * Viterbi decoding with one classifier. Given a packed model (see {@link PerceptronModel.addLanes}),
 * the lane sums of the window words' own features are cached per word form and per offset, and
 * the feature buffers hold only the rest: that halves the weight look-ups per token.
 */
class Decoder {
  /** Transition scores `[previous * CLASSES + c]`, −∞ where BILOU forbids the pair. */
  readonly transitions = new Float32Array((CLASSES + 1) * CLASSES);
  private emissions = new Float32Array(0);
  private best = new Float32Array(0);
  private back = new Uint8Array(0);
  private path = new Int32Array(0);
  private readonly buffer = new Float32Array(CLASSES);
  private readonly one = new Uint32Array(1);
  /** One token's features, copied out of the document buffer. */
  private readonly tokenFeatures = new Uint32Array(MAX_FEATURES);
  /** Lane sums of one token's features. */
  private readonly laneSums: Int32Array;
  /** Per word id and window offset `slot = id * offsets + offset`: lane sums at `slot * laneWidth`, and their row count. */
  private wordLanes = new Int32Array(0);
  private wordRows = new Uint8Array(0);
  private wordScored = new Uint8Array(0);
  /** Where each window word's cached lane sums start, for one token. */
  private readonly windowBases = new Int32Array(WINDOW_OFFSETS.length);
  /** Word id of each window word of a sentence, padding included. */
  private wordIds = new Int32Array(0);
  private generation = 0;

  /** `packed` is the classifier when word lanes are cached (the feature buffers then leave out the words' own features). */
  constructor(
    readonly classifier: Classifier,
    private readonly featurizer: NerFeaturizer,
    private readonly packed: PerceptronModel | null,
  ) {
    this.laneSums = new Int32Array(packed?.laneWidth ?? 0);
    this.loadTransitions();
  }

  /** The id of a word, with the lane sums of its own features at each window offset computed on first use. */
  private scoredWord(entry: Uint32Array, packed: PerceptronModel): number {
    const { featurizer } = this;
    const id = featurizer.idOf(entry);
    if (featurizer.generation !== this.generation) {
      this.wordScored.fill(0);
      this.generation = featurizer.generation;
    }
    if (this.wordScored[id] === 1) return id;
    const width = packed.laneWidth;
    if (this.wordScored.length <= id) {
      const size = Math.min(featurizer.maxId, Math.max(2 * this.wordScored.length, id + 1, 1024));
      const scored = new Uint8Array(size);
      scored.set(this.wordScored);
      const lanes = new Int32Array(size * WINDOW_OFFSETS.length * width);
      lanes.set(this.wordLanes);
      const rows = new Uint8Array(size * WINDOW_OFFSETS.length);
      rows.set(this.wordRows);
      this.wordScored = scored;
      this.wordLanes = lanes;
      this.wordRows = rows;
    }
    const { tokenFeatures, wordLanes, wordRows } = this;
    for (let j = 0; j < WINDOW_OFFSETS.length; j++) {
      const slot = id * WINDOW_OFFSETS.length + j;
      const n = NerFeaturizer.wordFeatures(entry, WINDOW_OFFSETS[j], tokenFeatures, 0);
      wordLanes.fill(0, slot * width, (slot + 1) * width);
      wordRows[slot] = packed.addLanes(tokenFeatures, 0, n, wordLanes, slot * width);
    }
    this.wordScored[id] = 1;
    return id;
  }

  loadTransitions(): void {
    const { one, buffer, transitions } = this;
    for (let previous = 0; previous <= START; previous++) {
      one[0] = hashFeature(TRANSITION, previous);
      this.classifier.scores(one, 1, buffer);
      for (let c = 0; c < CLASSES; c++) transitions[previous * CLASSES + c] = allowedTransition(previous, c) ? buffer[c] : -Infinity;
    }
  }

  /** Emissions of a sentence from the features and the cached lane sums of the window words. */
  private packedEmissions(packed: PerceptronModel, features: Uint32Array, counts: Int32Array, from: number, n: number): void {
    const { featurizer, emissions, buffer, laneSums, windowBases } = this;
    const offsets = WINDOW_OFFSETS.length;
    const pad = -WINDOW_OFFSETS[0];
    if (this.wordIds.length < n + 2 * pad) this.wordIds = new Int32Array(2 * (n + 2 * pad));
    // wordIds[k + pad] is the word id of token from + k.
    const { wordIds } = this;
    for (let k = -pad; k < n + pad; k++) wordIds[k + pad] = this.scoredWord(featurizer.entryAt(from + k, from, from + n), packed);
    const { wordLanes, wordRows } = this;
    const width = packed.laneWidth;
    for (let k = 0; k < n; k++) {
      let rows = 0;
      for (let j = 0; j < offsets; j++) {
        const slot = wordIds[k + j] * offsets + j;
        rows += wordRows[slot];
        windowBases[j] = slot * width;
      }
      laneSums.fill(0);
      addLaneRows(wordLanes, windowBases, offsets, width, laneSums, 0);
      const base = (from + k) * MAX_FEATURES;
      rows += packed.addLanes(features, base, base + counts[from + k], laneSums, 0);
      packed.unpackLanes(laneSums, 0, rows, buffer);
      emissions.set(buffer, k * CLASSES);
    }
  }

  /** Best class path for the `n` tokens whose features start at token `from` of the buffers. */
  decode(features: Uint32Array, counts: Int32Array, from: number, n: number): Int32Array {
    if (this.path.length < n) {
      const size = Math.max(n, 2 * this.path.length);
      this.emissions = new Float32Array(size * CLASSES);
      this.best = new Float32Array(size * CLASSES);
      this.back = new Uint8Array(size * CLASSES);
      this.path = new Int32Array(size);
    }
    const { emissions, best, back, path, transitions, buffer, tokenFeatures } = this;
    if (this.packed !== null) this.packedEmissions(this.packed, features, counts, from, n);
    else {
      for (let k = 0; k < n; k++) {
        const base = (from + k) * MAX_FEATURES;
        const count = counts[from + k];
        for (let f = 0; f < count; f++) tokenFeatures[f] = features[base + f];
        this.classifier.scores(tokenFeatures, count, buffer);
        emissions.set(buffer, k * CLASSES);
      }
    }
    for (let c = 0; c < CLASSES; c++) best[c] = transitions[START * CLASSES + c] + emissions[c];
    for (let k = 1; k < n; k++) {
      const row = k * CLASSES;
      const previousRow = row - CLASSES;
      for (let c = 0; c < CLASSES; c++) {
        const predecessors = PREDECESSORS[c];
        let arg = predecessors[0];
        let top = best[previousRow + arg] + transitions[arg * CLASSES + c];
        for (let q = 1; q < predecessors.length; q++) {
          const p = predecessors[q];
          const score = best[previousRow + p] + transitions[p * CLASSES + c];
          if (score > top) {
            top = score;
            arg = p;
          }
        }
        best[row + c] = top + emissions[row + c];
        back[row + c] = arg;
      }
    }
    // The last token must close any entity: O, L or U.
    const lastRow = (n - 1) * CLASSES;
    let last = O;
    for (let c = 1; c < CLASSES; c++) {
      if (placeOf(c) >= 2 && best[lastRow + c] > best[lastRow + last]) last = c;
    }
    path[n - 1] = last;
    for (let k = n - 1; k > 0; k--) path[k - 1] = back[k * CLASSES + path[k]];
    return path;
  }

  /** Structured perceptron update towards `gold` and away from the decoded path. */
  update(trainer: Trainer, gold: ArrayLike<number>, features: Uint32Array, counts: Int32Array, from: number, n: number): void {
    const { path, one } = this;
    for (let k = 0; k < n; k++) {
      const i = from + k;
      const truth = gold[i];
      const guess = path[k];
      const goldPrevious = k === 0 ? START : gold[i - 1];
      const guessPrevious = k === 0 ? START : path[k - 1];
      if (truth !== guess) trainer.update(truth, guess, features.subarray(i * MAX_FEATURES), counts[i]);
      if (truth !== guess || goldPrevious !== guessPrevious) {
        one[0] = hashFeature(TRANSITION, goldPrevious);
        trainer.nudge(truth, 1, one, 1);
        one[0] = hashFeature(TRANSITION, guessPrevious);
        trainer.nudge(guess, -1, one, 1);
      }
    }
    trainer.tick();
    this.loadTransitions();
  }
}

/** The forms of a document's title-case and capitals lines as the name tagger reads them ({@link truecaseHeadlines}). */
export function headlineCasing(words: NerWords, lexicon: NerLexicon): (doc: Doc) => Map<number, string> | null {
  const lowercase = words.dictionary === undefined ? words.lowercase : new Set([...words.lowercase, ...words.dictionary]);
  return (doc) => (words.lowercase.size === 0 ? null : truecaseHeadlines(doc, lowercase, lexicon, words.lowercase));
}

/**
 * The tagger over any classifiers: the shipped model's, or trainers while training. Holds word
 * caches and buffers, so reuse one instance across documents.
 */
export class NerTagger {
  private readonly featurizer: NerFeaturizer;
  private readonly first: Decoder;
  private readonly second: Decoder | null;
  private features = new Uint32Array(0);
  private counts = new Int32Array(0);

  /** Whether the feature buffers leave out the window words' own features (see {@link Decoder}). */
  private readonly cached: boolean;

  /** Words text writes mostly in lower case. */
  private readonly written: ReadonlySet<string>;
  /** Those and the lower-case dictionary words. */
  private readonly lowercase: ReadonlySet<string>;

  constructor(words: NerWords, private readonly lexicon: NerLexicon, first: Classifier, second: Classifier | null = null) {
    this.featurizer = new NerFeaturizer(words.clusters, lexicon);
    this.written = words.lowercase;
    this.lowercase = words.dictionary === undefined ? words.lowercase : new Set([...words.lowercase, ...words.dictionary]);
    const packedFirst = packedModel(first);
    const packedSecond = second && packedModel(second);
    // Both passes read the same feature buffers, so both cache word lanes or neither does.
    this.cached = packedFirst !== null && (second === null || packedSecond !== null);
    this.first = new Decoder(first, this.featurizer, this.cached ? packedFirst : null);
    this.second = second && new Decoder(second, this.featurizer, this.cached ? packedSecond : null);
  }

  /** Entities of `doc`, which needs tokens, sentences and POS tags. With `training`, the last pass learns. */
  tag(doc: Doc, training?: NerTraining): NerSpan[] {
    const n = doc.tokenCount;
    if (this.counts.length < n) {
      this.counts = new Int32Array(Math.max(n, 2 * this.counts.length));
      this.features = new Uint32Array(this.counts.length * MAX_FEATURES);
    }
    // A model without lower-case words (file version 1) was trained on headlines as written.
    const headlineForms = this.lowercase.size === 0 ? null : truecaseHeadlines(doc, this.lowercase, this.lexicon, this.written);
    this.featurizer.setDocument(doc, headlineForms);
    const firstTraining = this.second === null ? training : undefined;
    const spans = this.firstPass(doc, firstTraining, training?.firstPass, headlineForms);
    const found = this.second === null ? spans : this.secondPass(doc, this.second, spans, training);
    const split = headlineForms === null ? found : splitAtVerbs(found, headlineForms, this.lowercase);
    return withNameShapes(doc, split, headlineForms, this.lexicon);
  }

  /** Features of every token, decoding sentence by sentence so the history sees earlier ones. */
  private firstPass(doc: Doc, training: NerTraining | undefined, known: readonly NerSpan[] | undefined, headlineForms: ReadonlyMap<number, string> | null = null): NerSpan[] {
    const { featurizer, features, counts, first } = this;
    const spans: NerSpan[] = [];
    let next = 0;
    // Sentences in title case or capitals: those with a word truecased for the features.
    const headlines = new Set(headlineForms === null ? [] : [...headlineForms.keys()].map((i) => doc.sentenceOf(i)));
    for (const { tokenStart, tokenEnd } of doc.sentences) {
      const n = tokenEnd - tokenStart;
      if (n === 0) continue;
      featurizer.setSentence(tokenStart, tokenEnd);
      for (let k = 0; k < n; k++) {
        const i = tokenStart + k;
        counts[i] = featurizer.extract(k, !this.cached, features, i * MAX_FEATURES);
      }
      const found = spans.length;
      if (known) {
        while (next < known.length && known[next].start < tokenEnd) spans.push(known[next++]);
      } else {
        const path = first.decode(features, counts, tokenStart, n);
        if (training) first.update(training.trainer, training.gold, features, counts, tokenStart, n);
        addSpans(path, n, tokenStart, spans);
      }
      // A title-case headline's guesses ("Okafor Double Seals …" as a body) are no history for the text after it.
      if (!headlines.has(doc.sentenceOf(tokenStart))) for (let s = found; s < spans.length; s++) featurizer.remember(rangeOf(spans[s]));
    }
    return spans;
  }

  /** Decodes again with the first pass's document-wide output as extra features. */
  private secondPass(doc: Doc, second: Decoder, firstSpans: readonly NerSpan[], training: NerTraining | undefined): NerSpan[] {
    const { featurizer, features, counts } = this;
    const n = doc.tokenCount;
    const classes = bilouClasses(firstSpans, n);
    const spanLength = new Int32Array(n);
    for (const { start, end } of firstSpans) spanLength.fill(end - start, start, end);
    featurizer.setFirstPass(firstSpans.map(rangeOf));
    const extended = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const at = i * MAX_FEATURES + counts[i];
      extended[i] = counts[i] + featurizer.extractAggregates(i, classes, spanLength[i], features, at);
    }
    const spans: NerSpan[] = [];
    for (const { tokenStart, tokenEnd } of doc.sentences) {
      const length = tokenEnd - tokenStart;
      if (length === 0) continue;
      const path = second.decode(features, extended, tokenStart, length);
      if (training) second.update(training.trainer, training.gold, features, extended, tokenStart, length);
      addSpans(path, length, tokenStart, spans);
    }
    return spans;
  }
}

/** Cuts entities at headline words that read as verbs: "Angela Merkel Warns Britain" → "Angela Merkel", "Britain". */
function splitAtVerbs(spans: readonly NerSpan[], forms: ReadonlyMap<number, string>, lowercase: ReadonlySet<string>): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of spans) {
    let start = span.start;
    for (let i = span.start; i <= span.end; i++) {
      const form = forms.get(i);
      if (i < span.end && (form === undefined || !readsAsVerb(form, lowercase))) continue;
      // A name neither starts nor ends with a joiner ("of", "al").
      let from = start;
      let to = i;
      while (from < to && forms.has(from) && NAME_JOINERS.has(forms.get(from)!)) from++;
      while (to > from && forms.has(to - 1) && NAME_JOINERS.has(forms.get(to - 1)!)) to--;
      if (to > from) out.push({ start: from, end: to, type: span.type });
      start = i + 1;
    }
  }
  return out;
}

/**
 * What a tagger trained on news misses of a name's shape and kind, read after decoding: its extent
 * (regnal numbers, patrons' institutions, awards' categories, two bodies run together), then its
 * type (kind nouns, placing prepositions). `forms` holds a headline's truecased words, whose
 * capitals say nothing.
 */
function withNameShapes(doc: Doc, spans: NerSpan[], forms: ReadonlyMap<number, string> | null, lexicon: NerLexicon): NerSpan[] {
  const extended = splitTitledPlaces(doc, splitJoinedBodies(doc, lexicon, withAwardCategories(doc, withPossessedInstitutions(doc, withRegnalNumbers(doc, joinedOverParticles(doc, joinedPersons(doc, spans), forms)), forms), forms)));
  return datedWorks(doc, placedByPrepositions(doc, typedBySuchAs(doc, typedByKind(doc, extended, forms)), lexicon), lexicon);
}

/** Whether token `i` is capitalised in running text: not a headline's truecased word (`forms`). */
function capitalisedAt(doc: Doc, i: number, forms: ReadonlyMap<number, string> | null): boolean {
  return i >= 0 && i < doc.tokenCount && /^\p{Lu}/u.test(doc.word(i)) && !forms?.has(i);
}

type KindType = 'ORG' | 'LOC' | 'MISC';
const kindsOf = (table: Readonly<Record<KindType, readonly string[]>>): Map<string, KindType> =>
  new Map(Object.entries(table).flatMap(([type, words]) => words.map((w) => [w, type as KindType] as const)));
const HEAD_KINDS = kindsOf(NAME_HEAD_KINDS);
const DESCRIBED_KINDS = kindsOf(DESCRIBED_NAME_KINDS);
const OF_KINDS = kindsOf(NAME_OF_KINDS);
const FIRST_KINDS = kindsOf(NAME_FIRST_KINDS);

/** Whether a determiner opens the phrase ending in noun `i`, over at most three lower-case words or adjectives: "the British-American rock band". */
function determinedBefore(doc: Doc, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (DETERMINERS.has(doc.tokens.lower[k])) return true;
    if (!/^\p{Ll}/u.test(doc.word(k)) && doc.upos(k) !== 'ADJ') return false;
  }
  return false;
}
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that']);

/**
 * Names typed by the kind noun that heads them, which a tagger trained on news may outvote with
 * the other words ("Titan Company" as a person, "Treaty of Münster" as a place): the last word
 * ("Visby Airport"), or the word before the name's "of" ("Grand Duchy of Hesse"); else by a noun
 * right before them that says what they are ("the rock band Fleetwood Mac"). Not in a headline's
 * truecased words (`forms`), where any word may be capitalised.
 */
function typedByKind(doc: Doc, spans: NerSpan[], forms: ReadonlyMap<number, string> | null): NerSpan[] {
  const { lower } = doc.tokens;
  return spans.map((span) => {
    const { start, end } = span;
    let of = start + 1;
    while (of < end - 1 && lower[of] !== 'of') of++;
    const head = of < end - 1 ? of - 1 : end - 1;
    const kind = end - start < 2 ? undefined : (head === end - 1 ? HEAD_KINDS : OF_KINDS).get(lower[head]);
    if (kind !== undefined && capitalisedAt(doc, head, forms)) return kind === span.type ? span : { ...span, type: kind };
    // "River Wen", "Mount Kenya": a kind that opens the name.
    const first = end - start < 2 || !capitalisedAt(doc, start, forms) ? undefined : FIRST_KINDS.get(lower[start]);
    if (first !== undefined) return first === span.type ? span : { ...span, type: first };
    // "the rock band Fleetwood Mac", "the journal Annalen der Pharmacie", "his novel One Hundred Years
    // of Solitude": the noun in a phrase a determiner opens ("news agency Yeltsin" in a list is no such).
    const described = start > 0 && !forms?.has(start - 1) && determinedBefore(doc, start - 1) ? DESCRIBED_KINDS.get(lower[start - 1]) : undefined;
    return described !== undefined && described !== span.type ? { ...span, type: described } : span;
  });
}

/**
 * Two person names with nothing between them are one: "Luiz Inacio" + "Lula da Silva". A tagger
 * reads a known name inside a long one as a new person; running text never sets two people side
 * by side without a mark or a word between them.
 */
function joinedPersons(doc: Doc, spans: NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last?.type === 'PER' && span.type === 'PER' && last.end === span.start && doc.sentenceOf(last.start) === doc.sentenceOf(span.start)) out[out.length - 1] = { ...last, end: span.end };
    else out.push(span);
  }
  return out;
}

/**
 * A name runs on over one or two lower-case particles to the capitalised words after them, which
 * the tagger may have ended or typed apart ("Sebastião José" + "de Carvalho"), and back over one
 * to the capitalised words before it that no name holds ("Arribes del" + "Duero Natural Park"; not
 * a sentence's first word). Not in a headline's truecased words (`forms`).
 */
function joinedOverParticles(doc: Doc, spans: NerSpan[], forms: ReadonlyMap<number, string> | null): NerSpan[] {
  const { lower } = doc.tokens;
  const out: NerSpan[] = [];
  const isParticle = (i: number): boolean => NAME_PARTICLES.has(lower[i] ?? '') && doc.word(i) === lower[i];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    // "Arribes del" + "Duero Natural Park": capitalised words and particles before the name, after the name before it.
    let start = span.start;
    if (isParticle(start - 1) && capitalisedAt(doc, start - 2, forms) && (out.at(-1)?.end ?? 0) < start - 1 && doc.sentenceOf(start - 2) === doc.sentenceOf(start)) {
      start -= 2;
      while (capitalisedAt(doc, start - 1, forms) && (out.at(-1)?.end ?? 0) < start && doc.sentenceOf(start - 1) === doc.sentenceOf(start) && doc.sentences[doc.sentenceOf(start)].tokenStart < start - 1) start--;
    }
    let particles = span.end;
    while (particles < span.end + 2 && isParticle(particles)) particles++;
    if (particles === span.end || !capitalisedAt(doc, particles, forms) || doc.sentenceOf(particles) !== doc.sentenceOf(span.start)) {
      out.push(start === span.start ? span : { ...span, start });
      continue;
    }
    // Up to the end of the name the tagger found there, else of the capitalised run.
    let end = particles + 1;
    const next = spans[k + 1];
    if (next !== undefined && next.start === particles) {
      end = next.end;
      k++;
    } else {
      while (end < doc.tokenCount && capitalisedAt(doc, end, forms) && doc.sentenceOf(end) === doc.sentenceOf(span.start) && end !== next?.start) end++;
    }
    out.push({ ...span, start, end });
  }
  return out;
}

/**
 * "languages such as Quenya and Sindarin", "bands such as Blur, Oasis and Pulp": the names a
 * "such as" lists are of the kind its noun says (the noun's lemma, in DESCRIBED_NAME_KINDS).
 */
function typedBySuchAs(doc: Doc, spans: NerSpan[]): NerSpan[] {
  const { lower, lemma } = doc.tokens;
  let kind: KindType | undefined;
  let listEnd = -1;
  return spans.map((span) => {
    const { start } = span;
    if (start >= 3 && lower[start - 1] === 'as' && lower[start - 2] === 'such') kind = DESCRIBED_KINDS.get(lemma[start - 3]);
    // The next item of the list: after ", " or "and"/"or", right after the one before.
    else if (!(listEnd >= 0 && start - listEnd <= 2 && /^(?:,|and|or)$/.test(lower[listEnd]) && (start - listEnd === 1 || /^(?:and|or)$/.test(lower[listEnd + 1])))) kind = undefined;
    listEnd = kind === undefined ? -1 : span.end;
    return kind === undefined || kind === span.type ? span : { ...span, type: kind };
  });
}

/** Regnal numbers from II to XXX; "I" only before a mark, where it cannot be the pronoun. */
const REGNAL = /^(?:X{0,2}(?:I{2,3}|IV|VI{0,3}|IX)|X{1,3}I?)$/;

/** A person's regnal number is part of the name: "Henry III", "Johann Strauss II", "Justinian I.". */
function withRegnalNumbers(doc: Doc, spans: NerSpan[]): NerSpan[] {
  return spans.map((span, k) => {
    const { end } = span;
    if (span.type !== 'PER' || end >= doc.tokenCount || spans[k + 1]?.start === end || doc.sentenceOf(end) !== doc.sentenceOf(end - 1)) return span;
    const word = doc.word(end);
    const numbered = REGNAL.test(word) || (word === 'I' && (end + 1 === doc.tokenCount || /^[.,;:)]$/.test(doc.word(end + 1))));
    return numbered ? { ...span, end: end + 1 } : span;
  });
}

/** Institutions and buildings named after their patron with "'s", and the type each makes the name. */
const POSSESSED_KINDS = new Map<string, NerType>([
  ['school', 'ORG'], ['college', 'ORG'], ['hospital', 'ORG'], ['academy', 'ORG'],
  ['church', 'LOC'], ['cathedral', 'LOC'], ['chapel', 'LOC'], ['abbey', 'LOC'], ['basilica', 'LOC'], ['playhouse', 'LOC'],
  ['theatre', 'LOC'], ['square', 'LOC'], ['park', 'LOC'],
]);
/** Titles that open such a name: "King Edward's School", "St. Andrew's Church". */
const PATRON_TITLES = new Set(['king', 'queen', 'prince', 'princess', 'saint', 'st.', 'st', 'bishop', 'pope', 'lord', 'lady', 'sir']);

/**
 * "King Edward's School", "St. Andrew's Church", "Minton's Playhouse", "King's College London": a
 * patron's name (or a title the tagger left out, "King"), its "'s" and a capitalised kind noun are
 * one name of that kind, with the patron's title and any name the tagger found from the kind noun
 * on. Not in a headline's truecased words (`forms`).
 */
function withPossessedInstitutions(doc: Doc, spans: NerSpan[], forms: ReadonlyMap<number, string> | null): NerSpan[] {
  const { lower } = doc.tokens;
  const capitalised = (i: number): boolean => capitalisedAt(doc, i, forms);
  const possessive = (i: number): boolean => lower[i] === "'s" || lower[i] === '’s';
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    // The patron is the span ("Edward's School"), or a capitalised word before the span that
    // opens with the kind noun ("King's" + "College London").
    const patronEnd = possessive(span.end) && capitalised(span.end + 1) ? span.end : possessive(span.start - 1) && capitalised(span.start - 2) && (out.at(-1)?.end ?? 0) <= span.start - 2 ? span.start - 1 : -1;
    const kindAt = patronEnd + 1;
    const kind = patronEnd < 0 ? undefined : POSSESSED_KINDS.get(lower[kindAt]);
    if (kind === undefined || doc.sentenceOf(kindAt) !== doc.sentenceOf(patronEnd - 1)) {
      out.push(span);
      continue;
    }
    let start = patronEnd === span.end ? span.start : patronEnd - 1;
    if (PATRON_TITLES.has(lower[start - 1] ?? '') && capitalised(start - 1) && out.at(-1)?.end !== start) start--;
    let end = Math.max(span.end, kindAt + 1);
    while (spans[k + 1] !== undefined && spans[k + 1].start <= kindAt) end = Math.max(end, spans[++k].end);
    out.push({ start, end, type: kind });
  }
  return out;
}

/**
 * "Thornwick Abbas Town Council and Somerset Council": two bodies the tagger ran into one name
 * over "and", each ending in a body's noun, are two ("Procter and Gamble", "State Street Bank and
 * Trust Company" stay one).
 */
function splitJoinedBodies(doc: Doc, lexicon: NerLexicon, spans: NerSpan[]): NerSpan[] {
  const { lower } = doc.tokens;
  const out: NerSpan[] = [];
  for (const span of spans) {
    let start = span.start;
    for (let k = span.start + 1; span.type === 'ORG' && k < span.end - 1; k++) {
      // "State Street Bank and Trust Company" is one: the second part opens with a body's noun.
      if (lower[k] !== 'and' || !lexicon.isOrgCue(lower[k - 1]) || !lexicon.isOrgCue(lower[span.end - 1]) || lexicon.isOrgCue(lower[k + 1])) continue;
      out.push({ start, end: k, type: span.type });
      start = k + 1;
    }
    out.push(start === span.start ? span : { start, end: span.end, type: span.type });
  }
  return out;
}

/** Titles of rank held over a place: "Earl of Moray", "Duke Johann Wilhelm of Saxe-Eisenach". */
const RANKS_OVER_PLACES = new Set([
  'duke', 'duchess', 'archduke', 'earl', 'count', 'countess', 'marquis', 'marquess', 'marchioness', 'baron', 'baroness',
  'viscount', 'viscountess', 'prince', 'princess', 'lord', 'elector', 'margrave', 'landgrave',
]);

/**
 * "Earl of Moray", "Duke Johann Wilhelm of Saxe-Eisenach": a rank over a place, which the tagger
 * reads as one person or body, is the person's name (if any, without the rank) and the place.
 */
function splitTitledPlaces(doc: Doc, spans: NerSpan[]): NerSpan[] {
  const { lower } = doc.tokens;
  const out: NerSpan[] = [];
  for (const span of spans) {
    const { start, end } = span;
    let of = start + 1;
    while (of < end - 1 && lower[of] !== 'of') of++;
    if ((span.type !== 'PER' && span.type !== 'ORG') || of >= end - 1 || !RANKS_OVER_PLACES.has(lower[start]) || !/^\p{Lu}/u.test(doc.word(of + 1))) {
      out.push(span);
      continue;
    }
    if (of > start + 1) out.push({ start: start + 1, end: of, type: 'PER' });
    out.push({ start: of + 1, end, type: 'LOC' });
  }
  return out;
}

const AWARDS = new Set(['prize', 'award', 'awards', 'medal', 'trophy']);

/**
 * "Nobel Prize in Literature", "Academy Award for Best Actress": an award's category in capitals
 * is part of its name ("the Nobel Prize for physiology" keeps its own).
 */
function withAwardCategories(doc: Doc, spans: NerSpan[], forms: ReadonlyMap<number, string> | null): NerSpan[] {
  const { lower } = doc.tokens;
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    const { end } = span;
    const stop = doc.sentences[doc.sentenceOf(end - 1)].tokenEnd;
    const capitalised = (i: number): boolean => i < stop && capitalisedAt(doc, i, forms);
    if (span.type !== 'MISC' || !AWARDS.has(lower[end - 1]) || (lower[end] !== 'in' && lower[end] !== 'for') || !capitalised(end + 1)) {
      out.push(span);
      continue;
    }
    let last = end + 1;
    while (capitalised(last + 1) || (/^(?:of|and|the|a)$/.test(lower[last + 1] ?? '') && capitalised(last + 2))) last += capitalised(last + 1) ? 1 : 2;
    out.push({ ...span, end: last + 1 });
    while (spans[k + 1] !== undefined && spans[k + 1].start <= last) k++;
  }
  return out;
}

/** Prepositions that put a lone name on the map: "near Ouarzazate", "via Ulaanbaatar"; not "to", "from" or "with", which people take too. */
const PLACING_PREPOSITIONS = new Set(['in', 'near', 'via', 'outside', 'across', 'into', 'throughout', 'towards', 'toward']);

/**
 * A lone word the tagger calls a person right after a placing preposition ("settled in Visby") or
 * listed beside a place ("the Drava, Tisza and Sava") is a place, unless it is a known given name,
 * the surname of a person the text names in full, or a possessor ("in Bergman's films").
 */
function placedByPrepositions(doc: Doc, spans: NerSpan[], lexicon: NerLexicon): NerSpan[] {
  const { lower } = doc.tokens;
  let surnames: Set<string> | null = null;
  // "the Drava, Tisza and Sava", "between Marrakesh and Ouarzazate": a name listed beside a place is one.
  const listedWithPlace = (k: number): boolean => [k - 1, k + 1].some((j) => {
    const other = spans[j];
    if (other === undefined || other.type !== 'LOC') return false;
    const [from, to] = j < k ? [other.end, spans[k].start] : [spans[k].end, other.start];
    return to - from === 1 && /^(?:,|and|or)$/.test(lower[from]);
  });
  return spans.map((span, k) => {
    const { start, end } = span;
    if (span.type !== 'PER' || end - start !== 1 || start === 0 || !(PLACING_PREPOSITIONS.has(lower[start - 1]) || listedWithPlace(k))) return span;
    if (lower[end] === "'s" || lower[end] === '’s' || lexicon.firstNameGender(lower[start]) !== null) return span;
    surnames ??= new Set(spans.filter((s) => s.type === 'PER' && s.end - s.start >= 2).map((s) => lower[s.end - 1]));
    return surnames.has(lower[start]) ? span : { ...span, type: 'LOC' as const };
  });
}

/**
 * "Turandot (1926)", "OK Computer (1997)": a name the tagger calls a body, or a person without a
 * known given name, with a year in brackets after it is a work or an event ("Harrison Dillard
 * (1948)", a champion and his year, stays a person).
 */
function datedWorks(doc: Doc, spans: NerSpan[], lexicon: NerLexicon): NerSpan[] {
  const { lower } = doc.tokens;
  return spans.map((span) => {
    const { start, end } = span;
    const dated = lower[end] === '(' && /^(?:1[5-9]|20)\d\d$/.test(lower[end + 1] ?? '') && lower[end + 2] === ')';
    if (!dated || (span.type !== 'ORG' && span.type !== 'PER') || (span.type === 'PER' && lexicon.firstNameGender(lower[start]) !== null)) return span;
    return { ...span, type: 'MISC' as const };
  });
}

const taggers = new WeakMap<NerModel, WeakMap<NerLexicon, NerTagger>>();

/**
 * Named entities of `doc` (tokens, sentences and POS tags must be set) as token ranges.
 * Reuses one tagger per model and lexicon, so its word caches stay warm across documents.
 */
export function tagEntities(doc: Doc, model: NerModel, lexicon: NerLexicon = defaultLexicon()): NerSpan[] {
  let byLexicon = taggers.get(model);
  if (byLexicon === undefined) taggers.set(model, (byLexicon = new WeakMap()));
  let tagger = byLexicon.get(lexicon);
  if (tagger === undefined) byLexicon.set(lexicon, (tagger = new NerTagger(model, lexicon, model.first, model.second)));
  return tagger.tag(doc);
}

// ---- Model file ----------------------------------------------------------------------------------
//   "CGNE" u8 version, u8 passes (1 or 2), the word clusters (word-clusters.ts), since version 2
//   the lower-case words (varint count, strings), since version 3 the dictionary words (the same),
//   then one perceptron (perceptron.ts) per pass.

const MAGIC = 'CGNE';
const VERSION = 3;

function writeWords(words: ReadonlySet<string>, out: ByteWriter): void {
  const sorted = [...words].sort();
  out.varint(sorted.length);
  for (const word of sorted) out.string(word);
}

function readWords(input: ByteReader): Set<string> {
  const words = new Set<string>();
  for (let k = input.varint(); k > 0; k--) words.add(input.string());
  return words;
}

export function encodeNerModel(model: NerModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    out.u8(model.second === null ? 1 : 2);
    writeWordClusters(model.clusters, out);
    writeWords(model.lowercase, out);
    writeWords(model.dictionary ?? new Set(), out);
    writePerceptron(model.first, out);
    if (model.second !== null) writePerceptron(model.second, out);
  });
}

/** Reads a model written by {@link encodeNerModel}; a bad file is CoreError CG_E006. */
export function decodeNerModel(bytes: Uint8Array): NerModel {
  return decodeBinary(bytes, 'NER model', (input) => {
    const version = input.header(MAGIC);
    if (version < 1 || version > VERSION) input.fail(`unsupported version ${version}`);
    const passes = input.u8();
    if (passes !== 1 && passes !== 2) input.fail(`bad pass count ${passes}`);
    const clusters = readWordClusters(input);
    const lowercase = version >= 2 ? readWords(input) : new Set<string>();
    const dictionary = version >= 3 ? readWords(input) : new Set<string>();
    const first = readPerceptron(input);
    const second = passes === 2 ? readPerceptron(input) : null;
    for (const model of second ? [first, second] : [first]) {
      if (model.classes.join(' ') !== NER_CLASSES.join(' ')) input.fail('the classes are not the BILOU classes of PER, ORG, LOC, MISC');
    }
    return { clusters, lowercase, dictionary, first, second };
  });
}
