/**
 * The document model: one immutable text plus standoff layers that pipeline stages add.
 * Every offset is a UTF-16 code-unit offset into `text`, so `text.slice(start, end)` is the span.
 */

export interface Span {
  start: number;
  end: number;
}

/** A run of text that also knows its token range `[tokenStart, tokenEnd)`. */
export interface Segment extends Span {
  tokenStart: number;
  tokenEnd: number;
}

/** Universal Dependencies part-of-speech tags; tokens store the index into this list. */
export const UPOS = [
  'X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM',
  'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB',
] as const;
export type Upos = (typeof UPOS)[number];

/** Token columns: token `i` is `start[i]`, `end[i]`, … (one owner, index views, no object per token). */
export interface TokenColumns {
  start: number[];
  end: number[];
  /** Lower-cased surface form with curly apostrophes folded to `'`. */
  lower: string[];
  /** Penn Treebank tag, set by the tagger ('' before it runs). */
  tag: string[];
  /** Index into {@link UPOS}, set by the tagger. */
  pos: number[];
  lemma: string[];
  /**
   * Index of the token's syntactic head in the whole Doc, −1 for a sentence root; set by the
   * `deps` stage (−1 before it runs). Heads never cross sentence boundaries.
   */
  head: number[];
  /** Universal Dependencies relation to the head, subtypes included (`nsubj:pass`); '' before `deps`. */
  deprel: string[];
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'];

/** How an entity is mentioned: by name, by pronoun ("he") or by a description ("the group"). */
export type MentionKind = 'name' | 'pronoun' | 'nominal';

export interface Mention extends Segment {
  type: EntityType;
  kind: MentionKind;
  /** Index into `doc.entities`, or -1 while unresolved. */
  entity: number;
}

export type Gender = 'male' | 'female' | null;

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the longest proper name, or the description for unnamed entities. */
  name: string;
  aliases: string[];
  /** Indexes into `doc.mentions`. */
  mentions: number[];
  /** Appositive roles, e.g. "spokesperson for the group". */
  roles: string[];
  /** Entity id of the organisation or country this one belongs to. */
  affiliation: string | null;
  /** Entity id of a related entity: a breakaway faction's parent group, the person "Biden's spokesman" is defined by. */
  related: string | null;
  gender: Gender;
  /** True for an unnamed entity introduced by description ("a Taliban spokesperson"). */
  unnamed: boolean;
  /**
   * CAMEO actor code from the PETRARCH dictionaries ("AFGREB", "RUSGOV"), for the article's date;
   * set by the `events` stage for PERSON/ORG/GPE/NORP entities, null when the dictionaries do not know it.
   */
  code?: string | null;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** Communication classes of cue verbs; `threaten` also covers vows and intentions. */
export type CueClass = 'assert' | 'deny' | 'accuse' | 'condemn' | 'threaten' | 'question' | 'other';
export const CUE_CLASSES: readonly CueClass[] = ['assert', 'deny', 'accuse', 'condemn', 'threaten', 'question', 'other'];

export interface Cue extends Span {
  lemma: string;
  class: CueClass;
  /** True when the cue is negated ("did not deny"); the class is then not the stance. */
  negated: boolean;
}

export interface Content extends Span {
  /** Discontinuous parts when the content is split around the cue; absent when contiguous. */
  parts?: Span[];
}

export interface Quote {
  id: string;
  kind: QuoteKind;
  content: Content;
  cue: Cue | null;
  /** The speaker's words in the text ("he", "a Taliban spokesperson"). */
  source: Span | null;
  /** Entity id of the resolved speaker. */
  speaker: string | null;
  /** Entity id of the addressee or medium ("told Al Jazeera", "carried by Russian media"). */
  addressee: string | null;
  addresseeSource: Span | null;
}

export type Stance = 'assert' | 'deny' | 'accuse' | 'condemn' | 'threaten' | 'question' | 'other';

export interface Proposition extends Span {
  /** Entity ids mentioned in the proposition. */
  entities: string[];
  /** Lower-cased content lemmas, sorted and unique: what propositions are compared on. */
  terms: string[];
  /** CAMEO event codes the proposition evokes ("064" share intelligence), sorted. */
  cameo: string[];
  /** Predicate classes ("resign", "share-information"), most prominent first, else the head lemma (src/core/proposition.ts). */
  predicates: string[];
  /** The predicate as written, lemmatised ("exchange information"). */
  predicate: string;
  /** The predicate is negated in the text ("I have not resigned"). */
  negated: boolean;
  /** The content speaks of the speaker itself ("we exchange information", "it will release"). */
  self: boolean;
  /** Entity id of the agent: the entity named nearest before the predicate, else the speaker when it speaks of itself. */
  agent: string | null;
  /**
   * For a denial that names only a report ("dismissed the claims"): the claim whose proposition
   * it denies, the article's matter; its entities, terms and predicates are taken from there.
   */
  topic: string | null;
}

export interface Claim {
  id: string;
  /** The quote the claim is made in; null for the outlet's own voice (an unattributed headline or lead). */
  quote: string | null;
  speaker: string | null;
  stance: Stance;
  /** Why the stance is what it is: the cue (`cue "denied"`), a negator (`"not"`) or a denial word (`"hoax"`). */
  basis: string;
  proposition: Proposition;
  /** Ids of the events whose predicate lies in the claim's content (set by the `events` stage). */
  events: string[];
}

/**
 * How an event is put: done (asserted by whoever voices it), only reported inside someone's
 * claim, possible ("could share"), future ("will share") or demanded ("urged Russia to share").
 */
export type Modality = 'asserted' | 'reported' | 'possible' | 'future' | 'demanded';
export const MODALITIES: readonly Modality[] = ['asserted', 'reported', 'possible', 'future', 'demanded'];

/** One participant of an event: the phrase in the text, its entity when known, its actor code. */
export interface EventActor extends Span {
  /** Entity id, or null when the phrase names no entity (an agent only: "police"). */
  entity: string | null;
  /** CAMEO actor code ("RUSGOV", "---COP" for an agent of unknown country), or null. */
  code: string | null;
}

/**
 * A coded event: who did what to whom, read off the dependency parse and coded with the
 * PETRARCH CAMEO dictionaries (src/core/event-coding.ts, stages/events.ts).
 * "Kabulov said Russia and the Taliban exchange information" gives two: a statement (01x) by
 * Kabulov with `claim: null` (the article says he said it) and a 064 between Russia and the
 * Taliban with `claim` set to Kabulov's claim (only he asserts it).
 */
export interface CodedEvent {
  id: string;
  /** CAMEO event code ("064"). */
  code: string;
  /** PLOVER event type and mode for the code, null when CAMEO2PLOVER has no row. */
  plover: { type: string; mode: string } | null;
  /** The verb (or action noun: "exchange of information") and its lemma. */
  predicate: Span & { lemma: string };
  /** Negated ("did not share"), refused ("refused to share") or denied ("denied any exchange"). */
  negated: boolean;
  modality: Modality;
  source: EventActor | null;
  target: EventActor | null;
  /** Id of the claim whose content holds the predicate, or null for the article's own voice. */
  claim: string | null;
  sentence: Span;
}

export interface Contradiction {
  claims: [string, string];
  reason: string;
  /** How surely the two claims contradict each other, in [0, 1]. */
  score: number;
  /** The predicate class (or lemma) both propositions share ("share-information"). */
  proposition: string;
}

export interface ArticleMeta {
  title: Span | null;
  dateline: Span | null;
  /** Agency or byline as written ("Indo-Aisan News Service"). */
  source: Span | null;
  /** ISO date (YYYY-MM-DD) when the text states one. */
  published: string | null;
}

/** Names of the layers stages declare they require and assign. */
export type LayerName =
  | 'paragraphs' | 'tokens' | 'sentences' | 'pos' | 'deps' | 'meta'
  | 'mentions' | 'entities' | 'coref' | 'quotes' | 'speakers' | 'claims' | 'events' | 'contradictions';

export class Doc {
  readonly text: string;
  readonly layers = new Set<LayerName>();
  paragraphs: Segment[] = [];
  sentences: Segment[] = [];
  tokens: TokenColumns = { start: [], end: [], lower: [], tag: [], pos: [], lemma: [], head: [], deprel: [] };
  meta: ArticleMeta = { title: null, dateline: null, source: null, published: null };
  mentions: Mention[] = [];
  entities: Entity[] = [];
  quotes: Quote[] = [];
  claims: Claim[] = [];
  events: CodedEvent[] = [];
  contradictions: Contradiction[] = [];

  constructor(text: string) {
    this.text = text;
  }

  get tokenCount(): number {
    return this.tokens.start.length;
  }

  /** Appends a token over `text[start, end)` with empty annotation columns; `lower` is its feature form. */
  pushToken(start: number, end: number, lower: string): void {
    const t = this.tokens;
    t.start.push(start);
    t.end.push(end);
    t.lower.push(lower);
    t.tag.push('');
    t.pos.push(0);
    t.lemma.push('');
    t.head.push(-1);
    t.deprel.push('');
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Surface text of token `i`. */
  word(i: number): string {
    return this.text.slice(this.tokens.start[i], this.tokens.end[i]);
  }

  upos(i: number): Upos {
    return UPOS[this.tokens.pos[i]] ?? 'X';
  }

  /** Index of the first token that ends after `offset` (binary search); tokenCount when none. */
  tokenAt(offset: number): number {
    const ends = this.tokens.end;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the sentence that holds token `i`. */
  sentenceOf(i: number): number {
    return findSegment(this.sentences, i);
  }

  paragraphOf(i: number): number {
    return findSegment(this.paragraphs, i);
  }

  entityById(id: string | null): Entity | undefined {
    if (id === null) return undefined;
    return this.entities[Number(id.slice(1)) - 1];
  }
}

function findSegment(segments: Segment[], token: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid].tokenStart <= token) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
