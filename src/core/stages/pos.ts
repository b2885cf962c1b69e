import { UPOS, type Doc } from '../doc.js';
import { lemmatize } from '../lemma.js';
import {
  argmax,
  decodeBinary,
  encodeBinary,
  hashFeature,
  hashString,
  packedModel,
  readPerceptron,
  writePerceptron,
  type Classifier,
  type PerceptronModel,
  type PerceptronTrainer,
} from '../perceptron.js';
import type { Stage } from '../pipeline.js';

/**
 * Part-of-speech tagging (Penn Treebank tags), UPOS and lemmas. A greedy left-to-right averaged
 * perceptron in the style of Honnibal's "good POS tagger in 200 lines": word, affix and shape
 * features of a ±2 window plus the two previous tags, and a tag dictionary for frequent
 * unambiguous words. Features are hashed from cached per-word hashes, so tagging builds no strings.
 */

export interface PosModel {
  readonly classifier: PerceptronModel;
  /** Frequent, unambiguous word forms (see {@link featureForm}) → class index. */
  readonly tagDictionary: ReadonlyMap<string, number>;
}

/** Quotes and apostrophes as the features see them: curly and PTB-style quotes become straight. */
export function featureForm(surface: string): string {
  if (surface === '``' || surface === "''") return '"';
  return surface.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
}

// A cached word entry: the hashes of its string fields (each hashed with its index as seed), then
// its own features (the templates that look at this token only), then its fixed class + 1.
const WORD = 0;
const SUFFIX3 = 1;
const SUFFIX2 = 2;
const SUFFIX1 = 3;
const PREFIX1 = 4;
const SHAPE = 5;
const FLAGS = 6;
const SUFFIX4 = 7;
const PREFIX3 = 8;
const EXACT = 9;
const FIELDS = 10;
const OWN = FIELDS;
const OWN_FEATURES = 11;
const FIXED = OWN + OWN_FEATURES;
const ENTRY_SIZE = FIXED + 1;

/** Feature hashes per token: the size of the buffer {@link PosFeaturizer.extract} fills. */
export const MAX_FEATURES = 24;
const CACHE_LIMIT = 100_000;
const BIAS = hashFeature(1, 0);

function wordEntry(fields: readonly string[]): Uint32Array {
  const entry = new Uint32Array(ENTRY_SIZE);
  for (let k = 0; k < FIELDS; k++) entry[k] = hashString(fields[k] ?? '', k);
  return entry;
}

function shapeOf(form: string): string {
  let shape = '';
  let previous = '';
  let run = 0;
  for (const ch of form) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === previous ? run + 1 : 1;
    previous = c;
    if (run <= 2) shape += c;
  }
  return shape;
}

function flagsOf(form: string): string {
  const title = /^\p{Lu}\p{Ll}/u.test(form);
  const upper = /\p{Lu}/u.test(form) && !/\p{Ll}/u.test(form);
  const digit = /\d/.test(form);
  const hyphen = form.length > 1 && form.includes('-');
  return `${+title}${+upper}${+digit}${+hyphen}`;
}

/** Everything about one word that does not depend on its context; numbers share a word feature. */
function describeWord(surface: string, fixed: number): Uint32Array {
  const form = featureForm(surface);
  const lower = form.toLowerCase();
  let word = lower;
  if (/^\d/.test(form)) word = /^\d{4}$/.test(form) ? '!YEAR' : '!DIGITS';
  const entry = wordEntry([word, lower.slice(-3), lower.slice(-2), lower.slice(-1), lower.slice(0, 1), shapeOf(form), flagsOf(form), lower.slice(-4), lower.slice(0, 3), form]);
  const own = [
    hashFeature(2, entry[WORD]),
    hashFeature(3, entry[SUFFIX3]),
    hashFeature(4, entry[SUFFIX2]),
    hashFeature(5, entry[SUFFIX1]),
    hashFeature(6, entry[PREFIX1]),
    hashFeature(7, entry[SHAPE]),
    hashFeature(8, entry[FLAGS]),
    hashFeature(21, entry[SUFFIX4]),
    hashFeature(22, entry[PREFIX3]),
    hashFeature(23, entry[FLAGS], entry[SUFFIX3]),
    hashFeature(24, entry[EXACT]),
  ];
  entry.set(own, OWN);
  entry[FIXED] = fixed + 1;
  return entry;
}

/** A word form as the featurizer caches it. */
interface PosWord {
  /** Hashes of its string fields, then its own features (see {@link describeWord}), then its fixed class + 1. */
  readonly hashes: Uint32Array;
  /** Under a packed model: lane sums of the bias and its own features, and how many rows they hold. */
  readonly ownLanes: Int32Array | null;
  readonly ownRows: number;
}

const padding = (marker: string): PosWord => ({ hashes: wordEntry([marker]), ownLanes: null, ownRows: 0 });

// Sentence padding, as in Honnibal's tagger.
const START = [padding('-START-'), padding('-START2-')];
const END = [padding('-END-'), padding('-END2-')];

/**
 * Builds feature hashes for the tokens of one sentence at a time. Everything that depends on a
 * word alone is computed once per word form and cached; only context features are hashed per
 * token. Under a packed model (see {@link PerceptronModel.addLanes}) the cache also holds the
 * lane sums of each word's own features, so the tagger looks up only its context features.
 */
export class PosFeaturizer {
  private readonly cache = new Map<string, PosWord>();
  /** Word entries of the current sentence with two pads on each side. */
  private window: PosWord[] = [];
  private readonly own = new Uint32Array(1 + OWN_FEATURES);

  /** `fixedClass(surface)` is the class decided without the model, or -1. */
  constructor(
    private readonly fixedClass: (surface: string) => number,
    private readonly packed: PerceptronModel | null,
  ) {}

  /** Loads `surfaces` (one sentence) for {@link extract} and {@link fixedClassAt}. */
  setSentence(surfaces: readonly string[]): void {
    const window = [START[1], START[0]];
    for (const surface of surfaces) {
      let word = this.cache.get(surface);
      if (word === undefined) {
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        word = this.describe(surface);
        this.cache.set(surface, word);
      }
      window.push(word);
    }
    window.push(END[0], END[1]);
    this.window = window;
  }

  private describe(surface: string): PosWord {
    const hashes = describeWord(surface, this.fixedClass(surface));
    const { packed } = this;
    if (packed === null) return { hashes, ownLanes: null, ownRows: 0 };
    const n = this.ownFeatures(hashes, this.own);
    const ownLanes = new Int32Array(packed.laneWidth);
    return { hashes, ownLanes, ownRows: packed.addLanes(this.own, 0, n, ownLanes, 0) };
  }

  /** The bias and the features of a word alone, written at the start of `out`; returns their count. */
  private ownFeatures(hashes: Uint32Array, out: Uint32Array): number {
    out[0] = BIAS;
    for (let k = 0; k < OWN_FEATURES; k++) out[1 + k] = hashes[OWN + k];
    return 1 + OWN_FEATURES;
  }

  fixedClassAt(i: number): number {
    return this.window[i + 2].hashes[FIXED] - 1;
  }

  /** The cached word at token `i` of the sentence. */
  wordAt(i: number): PosWord {
    return this.window[i + 2];
  }

  /** Writes the feature hashes of token `i` given the two previous tags; returns their count. */
  extract(i: number, previous: number, previous2: number, out: Uint32Array): number {
    const n = this.ownFeatures(this.window[i + 2].hashes, out);
    return n + this.extractContext(i, previous, previous2, out, n);
  }

  /** Writes the features of token `i` that look beyond the word itself at `out[at …]`; returns their count. */
  extractContext(i: number, previous: number, previous2: number, out: Uint32Array, at = 0): number {
    const w = this.window;
    const here = w[i + 2].hashes;
    const before = w[i + 1].hashes;
    const after = w[i + 3].hashes;
    let n = at;
    out[n++] = hashFeature(9, before[WORD]);
    out[n++] = hashFeature(10, before[SUFFIX3]);
    out[n++] = hashFeature(11, w[i].hashes[WORD]);
    out[n++] = hashFeature(12, after[WORD]);
    out[n++] = hashFeature(13, after[SUFFIX3]);
    out[n++] = hashFeature(14, w[i + 4].hashes[WORD]);
    out[n++] = hashFeature(15, previous);
    out[n++] = hashFeature(16, previous2);
    out[n++] = hashFeature(17, previous, previous2);
    out[n++] = hashFeature(18, previous, here[WORD]);
    out[n++] = hashFeature(19, before[SHAPE], here[SHAPE]);
    out[n++] = hashFeature(20, here[SHAPE], after[SHAPE]);
    return n - at;
  }
}

/** What a training pass needs: the gold classes and the trainer to update. */
export interface PosTraining {
  gold: ArrayLike<number>;
  trainer: PerceptronTrainer;
}

/** Greedy sentence tagger over any {@link Classifier}, shared by the stage and by training. */
export class PosTagger {
  readonly classes: readonly string[];
  private readonly featurizer: PosFeaturizer;
  private readonly features = new Uint32Array(MAX_FEATURES);
  /** The classifier when its weights are packed, so cached lane sums can be used. */
  private readonly packed: PerceptronModel | null;
  private readonly laneSums: Int32Array;
  private readonly scores: Float32Array;

  constructor(
    private readonly classifier: Classifier,
    tagDictionary: ReadonlyMap<string, number>,
  ) {
    const classes = classifier.classes;
    this.classes = classes;
    this.packed = packedModel(classifier);
    this.laneSums = new Int32Array(this.packed?.laneWidth ?? 0);
    this.scores = new Float32Array(classes.length);
    const openQuote = classes.indexOf('``');
    const closeQuote = classes.indexOf("''");
    const number = classes.indexOf('CD');
    // Curly and PTB-style quotes carry their direction; "$5" is a number; dictionary words are unambiguous.
    this.featurizer = new PosFeaturizer((surface) => {
      if (surface === '“' || surface === '‘' || surface === '``') return openQuote;
      if (surface === '”' || surface === "''") return closeQuote;
      if (/^\p{Sc}\d/u.test(surface)) return number;
      return tagDictionary.get(featureForm(surface)) ?? -1;
    }, this.packed);
  }

  /**
   * Tags one sentence: `out[k]` gets the class of `surfaces[k]`. With `training`, a wrong guess
   * updates the trainer; the guess, not the gold tag, feeds the next token's features.
   */
  tag(surfaces: readonly string[], out: number[] | Int32Array, training?: PosTraining): void {
    const { featurizer, features } = this;
    featurizer.setSentence(surfaces);
    const start = this.classes.length;
    let previous = start;
    let previous2 = start + 1;
    for (let k = 0; k < surfaces.length; k++) {
      let guess = featurizer.fixedClassAt(k);
      if (guess < 0 && this.packed !== null && training === undefined) guess = this.packedGuess(this.packed, k, previous, previous2);
      else if (guess < 0) {
        const n = featurizer.extract(k, previous, previous2, features);
        guess = this.classifier.predict(features, n);
        if (training) {
          training.trainer.update(training.gold[k], guess, features, n);
          training.trainer.tick();
        }
      }
      out[k] = guess;
      previous2 = previous;
      previous = guess;
    }
  }

  /** The best class of token `k` from the cached lane sums of its own features plus its context features. */
  private packedGuess(packed: PerceptronModel, k: number, previous: number, previous2: number): number {
    const { featurizer, features, laneSums, scores } = this;
    const word = featurizer.wordAt(k);
    laneSums.set(word.ownLanes as Int32Array);
    const n = featurizer.extractContext(k, previous, previous2, features);
    packed.unpackLanes(laneSums, 0, word.ownRows + packed.addLanes(features, 0, n, laneSums, 0), scores);
    return argmax(scores);
  }
}

// ---- UPOS ---------------------------------------------------------------------------------------

const UPOS_OF_PTB: Record<string, (typeof UPOS)[number]> = {
  NN: 'NOUN', NNS: 'NOUN', NNP: 'PROPN', NNPS: 'PROPN', VB: 'VERB', VBD: 'VERB', VBG: 'VERB', VBN: 'VERB',
  VBP: 'VERB', VBZ: 'VERB', MD: 'AUX', JJ: 'ADJ', JJR: 'ADJ', JJS: 'ADJ', RB: 'ADV', RBR: 'ADV', RBS: 'ADV',
  WRB: 'ADV', IN: 'ADP', CC: 'CCONJ', CD: 'NUM', DT: 'DET', PDT: 'DET', WDT: 'DET', EX: 'PRON', FW: 'X',
  LS: 'X', POS: 'PART', PRP: 'PRON', PRP$: 'PRON', WP: 'PRON', WP$: 'PRON', RP: 'ADP', TO: 'PART', UH: 'INTJ',
  SYM: 'SYM', $: 'SYM', '#': 'SYM', '.': 'PUNCT', ',': 'PUNCT', ':': 'PUNCT', '``': 'PUNCT', "''": 'PUNCT',
  '-LRB-': 'PUNCT', '-RRB-': 'PUNCT', HYPH: 'PUNCT', NFP: 'PUNCT',
};
const UPOS_INDEX = new Map<string, number>(UPOS.map((name, i) => [name, i]));
const SUBORDINATORS = new Set(['that', 'because', 'if', 'whether', 'although', 'though', 'while', 'unless', 'whereas', 'whilst']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those']);
const NOMINAL = /^(?:NN|JJ|CD|PRP\$)/;
/** Indefinite pronouns, which PTB tags NN. */
const INDEFINITE_PRONOUNS = new Set(
  'someone somebody something anyone anybody anything everyone everybody everything nobody nothing'.split(' '),
);

/**
 * UPOS of token `i` from its PTB tag and lemma, with the distinctions UD makes that PTB does not:
 * auxiliaries, "not" as PART, subordinators as SCONJ, infinitival "to", pronominal "this".
 */
export function uposOf(tags: readonly string[], lemmas: readonly string[], i: number, end: number): number {
  const tag = tags[i];
  const lemma = lemmas[i];
  const next = i + 1 < end ? tags[i + 1] : '';
  let upos = UPOS_OF_PTB[tag] ?? 'X';
  if (tag.startsWith('VB')) {
    if (lemma === 'be' || ((lemma === 'have' || lemma === 'do') && auxiliaryOf(tags, i, end, lemma === 'have' ? /^VB[ND]$/ : /^VBP?$/))) {
      upos = 'AUX';
    }
  } else if (tag === 'NN' && INDEFINITE_PRONOUNS.has(lemma)) upos = 'PRON';
  else if (tag === 'NN' && lemma === '%') upos = 'SYM';
  else if (tag === 'RB' && lemma === 'not') upos = 'PART';
  else if (tag === 'IN' && SUBORDINATORS.has(lemma)) upos = 'SCONJ';
  else if (tag === 'TO' && next !== 'VB' && next !== 'RB') upos = 'ADP';
  else if ((tag === 'DT' && DEMONSTRATIVES.has(lemma)) || tag === 'WDT') {
    upos = NOMINAL.test(next) ? 'DET' : 'PRON';
  }
  return UPOS_INDEX.get(upos) as number;
}

/**
 * "has gone", "did not say", "do you think": a main verb follows within a few words. The tagger
 * sometimes reads a participle as a past tense, so `verbTags` admits VBD after "have".
 */
function auxiliaryOf(tags: readonly string[], i: number, end: number, verbTags: RegExp): boolean {
  for (let j = i + 1; j < end && j <= i + 4; j++) {
    const tag = tags[j];
    if (verbTags.test(tag)) return true;
    if (tag !== 'RB' && tag !== 'PRP' && tag !== 'DT' && tag !== 'NNP' && tag !== 'NN') return false;
  }
  return false;
}

// ---- Stage ---------------------------------------------------------------------------------------

/**
 * The token as the tagger sees it: a straight quote gets its direction from the spacing around it
 * (written as a curly quote, which the tagger tags `` or ''), as typesetters read it.
 */
function taggingSurface(doc: Doc, i: number): string {
  const word = doc.word(i);
  if (word !== '"' && word !== "'") return word;
  const before = doc.text[doc.tokens.start[i] - 1] ?? ' ';
  const after = doc.text[doc.tokens.end[i]] ?? ' ';
  const spaceBefore = /[\s([{]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]}]/.test(after);
  // A single quote after a space opens a quotation ("Pennick 'alive and well'"); a possessive
  // apostrophe is written against its word, and a closing one looks like it ("the Joneses' car").
  if (word === "'") return spaceBefore && !spaceAfter ? '‘' : word;
  if (spaceBefore && !spaceAfter) return '“';
  if (spaceAfter && !spaceBefore) return '”';
  return word;
}

/**
 * Tags the greedy tagger gets wrong because it decides a word before it sees the next one's tag.
 * "Zimbabwe's military said", "its chief executive says": an adjective between a possessive and a
 * finite verb heads the subject, so it is a noun (words like "military" are mostly adjectives).
 * Ordinals and the like head a phrase as adjectives in UD ("his first have"), and after an article
 * the rule was wrong more often than right on EWT and GUM ("the same can", "the wealthy constructed").
 */
function correctTags(tag: string[], lower: readonly string[], start: number, end: number): void {
  for (let i = start + 1; i + 1 < end; i++) {
    if (tag[i] === 'JJ' && (tag[i - 1] === 'POS' || tag[i - 1] === 'PRP$') && FINITE.test(tag[i + 1]) && !ADJECTIVE_HEADS.has(lower[i])) tag[i] = 'NN';
  }
  // "Russia says it shares information": after a subject pronoun, an -s word is its verb, not a
  // plural noun ("shares", "plans", "claims" are mostly nouns in the training text). Over EWT and
  // GUM it changes three tags, one rightly ("she talks"), two not ("recommend it hands down").
  for (let i = start + 1; i < end; i++) {
    if (tag[i] === 'NNS' && tag[i - 1] === 'PRP' && THIRD_PERSON.has(lower[i - 1]) && lower[i].endsWith('s')) tag[i] = 'VBZ';
  }
  // "denies any wrongdoing and points out that": an -s word between a subject or "and" and a
  // particle is a verb ("mix these things up" is not; in EWT and GUM: 35 verbs, 1 noun, "you guys in").
  for (let i = start + 1; i + 1 < end; i++) {
    if (tag[i] === 'NNS' && tag[i + 1] === 'RP' && BEFORE_PARTICLE_VERB.has(tag[i - 1])) tag[i] = 'VBZ';
  }
  // "Geoffrey Pike today branded reports …": a past form after a subject and an adverb of time is
  // its verb, no participle (EWT and GUM: 181 VBD, 7 VBN).
  for (let i = start + 2; i < end; i++) {
    if (tag[i] === 'VBN' && SUBJECT_ADVERBS.has(lower[i - 1]) && /^(?:NNP|NNPS|NN|NNS|PRP)$/.test(tag[i - 2])) tag[i] = 'VBD';
  }
  // "Rovers boss Claire Whitmore insisted": "boss" before a name is a title (EWT and GUM never
  // have it a verb there).
  for (let i = start; i + 1 < end; i++) {
    if (lower[i] === 'boss' && tag[i].startsWith('VB') && tag[i + 1] === 'NNP') tag[i] = 'NN';
  }
  // "Brightwave denies report it will cut jobs": reporting verbs that no noun spells (EWT and GUM
  // tag them VBZ every time) are verbs after an unknown name the tagger read as an adjective.
  // What follows one is its object, no second verb ("denies report": in EWT and GUM 1 VBP in 103),
  // unless an auxiliary of a relative clause's verb ("which it says are beyond its control").
  for (let i = start; i < end; i++) {
    if (!REPORTING_S_VERBS.has(lower[i])) continue;
    if (tag[i] === 'NNS') tag[i] = 'VBZ';
    if (tag[i] === 'VBZ' && i + 1 < end && tag[i + 1] === 'VBP' && !AUXILIARY_FORMS.has(lower[i + 1])) tag[i + 1] = 'NN';
  }
  // "called Democratic claims false", "rejected Western reports": after a verb that judges its
  // object and a modifier, an -s word is that object, not the verb of a clause.
  for (let i = start + 2; i < end; i++) {
    if (tag[i] === 'VBZ' && (tag[i - 1] === 'JJ' || tag[i - 1] === 'NNP') && tag[i - 2].startsWith('VB') && JUDGING_VERBS.has(lemmatize(lower[i - 2], tag[i - 2]))) tag[i] = 'NNS';
  }
  // "Her Rovers counterpart, Mark Hale, accused": after a possessive and a name, a bare verb form
  // before a comma heads the noun phrase ("Her Majesty reigns" keeps its -s verb).
  for (let i = start + 2; i + 1 < end; i++) {
    if ((tag[i] === 'VBP' || tag[i] === 'VB') && tag[i - 2] === 'PRP$' && (tag[i - 1] === 'NNP' || tag[i - 1] === 'NNPS') && lower[i + 1] === ',') tag[i] = 'NN';
  }
  // "its director general, Agnes Holm,", "the attorney general said": a title, so a noun.
  for (let i = start + 1; i < end; i++) {
    if (tag[i] === 'JJ' && lower[i] === 'general' && GENERAL_TITLES.has(lower[i - 1])) tag[i] = 'NN';
  }
}
const GENERAL_TITLES = new Set(['director', 'attorney', 'secretary', 'surgeon', 'governor', 'inspector', 'solicitor', 'consul', 'postmaster', 'auditor', 'comptroller', 'adjutant', 'procurator', 'prosecutor', 'registrar', 'paymaster', 'quartermaster', 'vicar', 'lieutenant', 'major', 'brigadier']);
const JUDGING_VERBS = new Set(['call', 'brand', 'label', 'dismiss', 'reject', 'deny', 'refute', 'dispute', 'condemn', 'welcome', 'criticize', 'criticise', 'question']);
const AUXILIARY_FORMS = new Set(['are', 'am', 'do', 'have', "'re", "'m", "'ve"]);
const SUBJECT_ADVERBS = new Set(['today', 'yesterday', 'tonight', 'also', 'then', 'later', 'again', 'recently', 'previously', 'first', 'once', 'never', 'already', 'reportedly', 'allegedly', 'publicly']);
const REPORTING_S_VERBS = new Set(['denies', 'says', 'warns', 'insists', 'admits', 'urges', 'vows', 'accuses', 'dismisses', 'announces', 'unveils', 'agrees', 'threatens', 'refutes', 'rejects']);
const BEFORE_PARTICLE_VERB = new Set(['CC', 'NN', 'NNP', 'NNPS', 'PRP', 'RB']);
const THIRD_PERSON = new Set(['he', 'she', 'it']);
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;
const ADJECTIVE_HEADS = new Set(['first', 'second', 'third', 'last', 'next', 'other', 'same', 'own', 'former', 'latter', 'only']);

/**
 * Tags the tokens `[tokenStart, tokenEnd)` of one sentence: tag, lemma and UPOS. `forms` gives the
 * forms some tokens are read in instead of their surface, by token index.
 */
export type SentenceTagger = (doc: Doc, tokenStart: number, tokenEnd: number, forms?: ReadonlyMap<number, string> | null) => void;

export function createSentenceTagger(model: PosModel): SentenceTagger {
  const tagger = new PosTagger(model.classifier, model.tagDictionary);
  const classes = tagger.classes;
  const surfaces: string[] = [];
  const guesses: number[] = [];
  return (doc, tokenStart, tokenEnd, forms = null) => {
    const { tag, pos, lemma, lower } = doc.tokens;
    surfaces.length = 0;
    for (let i = tokenStart; i < tokenEnd; i++) surfaces.push(forms?.get(i) ?? taggingSurface(doc, i));
    tagger.tag(surfaces, guesses);
    for (let i = tokenStart; i < tokenEnd; i++) tag[i] = classes[guesses[i - tokenStart]];
    correctTags(tag, lower, tokenStart, tokenEnd);
    for (let i = tokenStart; i < tokenEnd; i++) lemma[i] = lemmatize(lower[i], tag[i]);
    for (let i = tokenStart; i < tokenEnd; i++) pos[i] = uposOf(tag, lemma, i, tokenEnd);
  };
}

export function createPosStage(model: PosModel, tagSentence: SentenceTagger = createSentenceTagger(model)): Stage {
  return {
    name: 'pos',
    requires: ['tokens', 'sentences'],
    assigns: ['pos'],
    apply(doc: Doc): void {
      for (const { tokenStart, tokenEnd } of doc.sentences) tagSentence(doc, tokenStart, tokenEnd);
    },
  };
}

// ---- Model file ----------------------------------------------------------------------------------
//   "CGPO" u8 version, varint dictionary size, per entry: string form, u8 class; then the perceptron.

const MAGIC = 'CGPO';
const VERSION = 1;

export function encodePosModel(model: PosModel): Uint8Array {
  return encodeBinary((out) => {
    out.header(MAGIC, VERSION);
    out.varint(model.tagDictionary.size);
    for (const [form, c] of model.tagDictionary) {
      out.string(form);
      out.u8(c);
    }
    writePerceptron(model.classifier, out);
  });
}

/** Reads a model written by {@link encodePosModel}; a bad file is CoreError CG_E006. */
export function decodePosModel(bytes: Uint8Array): PosModel {
  return decodeBinary(bytes, 'POS model', (input) => {
    const version = input.header(MAGIC);
    if (version !== VERSION) input.fail(`unsupported version ${version}`);
    const entries: [string, number][] = [];
    const size = input.varint();
    for (let k = 0; k < size; k++) entries.push([input.string(), input.u8()]);
    const classifier = readPerceptron(input);
    if (entries.some(([, c]) => c >= classifier.classes.length)) input.fail('bad tag dictionary class');
    for (const required of ['``', "''", 'CD']) {
      if (!classifier.classes.includes(required)) input.fail(`the tag set lacks ${required}`);
    }
    return { classifier, tagDictionary: new Map(entries) };
  });
}
