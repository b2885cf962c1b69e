import { ENTITY_TYPES, type Doc, type EntityType, type Span, type Stance } from './doc.js';
import { CUE_READINGS, readsAs } from './cues.js';
import { mentionTypeAt } from './cue-model.js';
import { lemmatize } from './lemma.js';
import { mentionOrder, type MentionOrder } from './mention-order.js';
import { ancestors, baseRelation, children, childrenWith, clauseHead, FIRST_PERSON, RELATIVE_PRONOUNS } from './syntax.js';
import {
  ANTONYMS, DENIAL_MARKERS, GOVERNED_BY, NEGATORS, NOT_PREDICATES, NOUN_ONLY, OBJECT_GOVERNED, PASS_THROUGH_VERBS, PLACE_NOUNS, PLACE_OBJECT_ONLY, PLACE_SUBJECT_ONLY,
  PREDICATE_CLASSES, REPORT_NOUNS, SUBJECT_REPORT_NOUNS, VERB_ONLY, familyOf,
} from './lexicon/predicates.js';

/**
 * What a claim's content says happens, in a form that survives paraphrase: the predicate classes it
 * evokes (src/core/lexicon/predicates.ts), the most prominent first, whether the predicate is
 * negated, whether the content speaks of the speaker itself, and what else makes it a denial
 * ("a hoax", "no truth in"). Computed from the content span, on the dependency parse when the
 * `deps` layer is present (prominence = depth in the tree, negators = the predicate's dependents),
 * otherwise on word order. Cost: linear in the content's tokens (times sentence length with a parse).
 */
export interface Frame {
  /** Predicate classes ("resign", "share-information"), most prominent first; empty when none. */
  predicates: string[];
  /** The predicate as written, lemmatised ("exchange information"), for explanations. */
  words: string;
  negated: boolean;
  /** The content speaks of its own speaker: "I have not resigned", "we exchange information", "it will release". */
  self: boolean;
  /** Entity id of the agent: the entity mentioned nearest before the predicate; null when none is. */
  agent: string | null;
  /** What makes the content a denial besides the cue: the negator or the marker ("not", "a hoax", "alive"), or null. */
  denial: string | null;
  /** Names a report, and no event of a class ("dismissed the claims"): it stands for the article's matter. */
  anaphoric: boolean;
  /**
   * The predicate stands under a denial by someone named in the content ("Kestrel rejected the
   * report that it would buy Bluewing"): the content reports that party's denial, and asserts
   * nothing of the predicate. A denial verb with no subject or a pronoun one ("said it rejected
   * …") makes `denial` instead.
   */
  reportsDenial: boolean;
  /**
   * The predicate is what a report says ("as reports of his death spread", "after a report that
   * Halden was in talks"): the content mentions it and asserts nothing.
   */
  hearsay: boolean;
  /** Who made the report the content names ("criticism from Donald Trump that …"): no participant in what it reports. */
  reportSource: Span | null;
}

const THIRD_PERSON = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their']);
const PREDICATE_POS = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN']);
/** What may stand before a subjectless predicate: "any", "officially", quote marks. */
const LEADING_POS = new Set(['DET', 'ADJ', 'ADV', 'PUNCT']);
/** Nouns of intending whose infinitive is the speaker's own act when nothing names whose they are. */
const OWN_PLANS = new Set(['plan', 'intention', 'bid', 'attempt', 'offer', 'decision', 'move']);
/** "reports that …", "a report of …": what follows the report noun is the proposition. */
const REPORT_LINKS = new Set(['that', 'of', 'about']);
/** A class's verb with a word after it that makes it mean something else: no event of the class. */
const OTHER_SENSES = new Set([
  'shut out', 'close out', 'close in', 'close rank', 'sign off', 'hold off', 'hold on', 'hold up', 'fall out', 'fall behind',
  'fall short', 'leave out', 'block out', 'freeze out', 'move on', 'launch into', 'dead heat',
]);
/** Verbs of a stance towards what follows them, whose negation denies no event. */
const STANCE_VERBS = new Set(['pretend', 'hesitate', 'want', 'need', 'forget', 'mind', 'care', 'wait', 'worry', 'doubt', 'intend']);
/** Subjects that are nobody in particular. */
const INDEFINITE_SUBJECTS = new Set(['nobody', 'noone', 'anybody', 'anyone', 'everyone', 'everybody', 'someone', 'somebody', 'nothing', 'none']);
/** Nouns that head what they say only with its clause ("criticism that …"); alone they name no report ("rebuts criticism"). */
const CRITICISM_NOUNS = new Set(['criticism', 'complaint', 'warning']);
/** Words that name a report's source before what it says: "criticism from X that", "claims by X that". */
const REPORT_SOURCE_LINKS = new Set(['from', 'by']);
/** How long a report's source may be: "from Republican presidential candidate Donald J. Trump". */
const REPORT_SOURCE_TOKENS = 8;
/** How far into the content a report noun may stand to head it ("there was no truth in a newspaper report that"). */
const REPORT_PREFIX_TOKENS = 10;
/** Without a parse, a negator this many tokens before the predicate negates it ("is not a military takeover"). */
const NEGATOR_WINDOW = 3;

const MARKERS = DENIAL_MARKERS.map((m) => m.split(' '));

function tokensOf(doc: Doc, parts: readonly Span[]): number[] {
  const out: number[] = [];
  for (const part of parts) {
    for (let i = doc.tokenAt(part.start); i < doc.tokenCount && doc.tokens.end[i] <= part.end; i++) out.push(i);
  }
  return out;
}

const lemmaOf = (doc: Doc, i: number): string => doc.tokens.lemma[i] || doc.tokens.lower[i];

/** Tree depth of token `i` (0 for a root); bounded by sentence length. */
function depth(doc: Doc, i: number): number {
  let d = 0;
  for (let k = doc.tokens.head[i]; k >= 0 && d <= doc.tokenCount; k = doc.tokens.head[k]) d++;
  return d;
}

/** Whether predicate `i`'s subject is someone: a name, a pronoun, "the president" (read from the parse). */
function aboutSomeone(doc: Doc, i: number, named: ReadonlyMap<number, string>): boolean {
  const subject = predicateSubject(doc, i);
  if (subject === undefined) return false;
  const pos = doc.upos(subject);
  return named.has(subject) || pos === 'PRON' || pos === 'PROPN' || (pos === 'NOUN' && childrenWith(doc, subject, 'det').length > 0);
}

/**
 * The subject of predicate `i`: "alive" heads its clause as a copula predicate, "died" as a verb,
 * and the subject hangs off either; "remains open", "stayed alive": off the verb the adjective
 * completes. Undefined for an attribute ("an open letter").
 */
function predicateSubject(doc: Doc, i: number): number | undefined {
  const completed = doc.tokens.deprel[i] === 'xcomp' ? doc.tokens.head[i] : -1;
  return childrenWith(doc, i, 'nsubj')[0] ?? (completed >= 0 ? childrenWith(doc, completed, 'nsubj')[0] : undefined) ?? verblessSubject(doc, i);
}

/**
 * A headline without a verb ("Harold Pennick 'alive and well'", "Minister 'to quit'"): the parse
 * hangs the predicate on the name as a list item; the name is its subject.
 */
function verblessSubject(doc: Doc, i: number): number | undefined {
  const head = doc.tokens.head[i];
  return head >= 0 && doc.tokens.deprel[i] === 'list' && doc.upos(head) === 'PROPN' ? head : undefined;
}

/** Sentences of a long quote that {@link frameOf} reads for its claim. */
const FRAMED_SENTENCES = 3;

/**
 * The frame of a content. A long quote holds several propositions: the first of its first few
 * sentences that states an event of a class or a denial states the claim ("The census was carried
 * out by independent statisticians. There was no manipulation" denies a manipulation), else the
 * first sentence.
 */
export function frameOf(doc: Doc, parts: readonly Span[]): Frame {
  const spanned = tokensOf(doc, parts);
  const sentences: number[] = [];
  for (const i of spanned) {
    const s = doc.sentenceOf(i);
    if (sentences[sentences.length - 1] === s) continue;
    if (sentences.length === FRAMED_SENTENCES) break;
    sentences.push(s);
  }
  const first = sentenceFrame(doc, parts, spanned, sentences[0] ?? -1);
  const states = (f: Frame): boolean => f.denial !== null || f.predicates.some((p) => !p.startsWith(BARE_PREDICATE));
  if (states(first)) {
    // "Diego has not signed anything with Porto Azul. It is fake news": a later sentence that
    // only judges what was said makes the negation a denial in words.
    if (first.denial === null || !NEGATORS.has(first.denial)) return first;
    const judged = sentences.slice(1).map((s) => sentenceFrame(doc, parts, spanned, s)).find((f) => f.denial !== null && !NEGATORS.has(f.denial) && f.predicates.length === 0);
    return judged ? { ...first, denial: judged.denial } : first;
  }
  for (const s of sentences.slice(1)) {
    const frame = sentenceFrame(doc, parts, spanned, s);
    if (states(frame)) return frame;
  }
  return first;
}

function sentenceFrame(doc: Doc, parts: readonly Span[], spanned: readonly number[], first: number): Frame {
  const all = spanned.filter((i) => doc.sentenceOf(i) === first);
  const lower = doc.tokens.lower;
  const aboutReport = all.some((i) => namesSaid(doc, i));
  let denial: string | null = null;
  let marked = -1;
  // "The story is fake" denies a report; "stereotypes that are untrue" denies nothing reported.
  // A marker with its own negator ("no evidence that …", "no truth in …") needs no report named.
  for (let n = 0; n < all.length && denial === null; n++) {
    for (const marker of MARKERS) {
      if (!aboutReport && !PHRASE_NEGATORS.has(marker[0])) continue;
      if (marker.every((w, k) => lower[all[n + k]] === w) && (!doc.layers.has('deps') || PHRASE_NEGATORS.has(marker[0]) || judgesReport(doc, all[n + marker.length - 1]))) {
        denial = marker.join(' ');
        marked = all[n];
        break;
      }
    }
  }
  // "No, Lena Marsh is not expecting a baby": a fact check's rebuttal denies in words, not by a negator alone.
  if (denial === null && all.length > 2 && lower[all[0]] === 'no' && lower[all[1]] === ',') denial = 'no,';
  // "Hoax: Millbrook Falls Did Not Ban Snowball Fights", "False: …": a verdict's label before a colon.
  if (denial === null && all.length > 2 && lower[all[1]] === ':' && MARKERS.some((m) => m.length === 1 && m[0] === lower[all[0]])) denial = lower[all[0]];
  // "denied reports that it will …": the proposition starts after the report noun.
  let from = 0;
  let reportSource: Span | null = null;
  for (let n = 0; n < Math.min(all.length - 1, REPORT_PREFIX_TOKENS); n++) {
    if (!REPORT_NOUNS.has(lemmaOf(doc, all[n])) && !CRITICISM_NOUNS.has(lemmaOf(doc, all[n]))) continue;
    if (REPORT_LINKS.has(lower[all[n + 1]])) {
      from = n + 2;
      break;
    }
    // "criticism from Republican candidate Donald Trump that …": who made the report is its source, not a participant.
    const after = REPORT_SOURCE_LINKS.has(lower[all[n + 1]]) ? all.slice(n + 3, n + 3 + REPORT_SOURCE_TOKENS).findIndex((i) => lower[i] === 'that') : -1;
    const that = after < 0 ? -1 : n + 3 + after;
    if (that > 0) {
      from = that + 1;
      reportSource = { start: doc.tokens.start[all[n + 2]], end: doc.tokens.end[all[that - 1]] };
      break;
    }
  }
  const tokens = all.slice(from);
  const parsed = doc.layers.has('deps');
  const named = mentionedAt(doc, parts);
  const hits: Array<{ token: number; classes: string[]; words: string; rank: number }> = [];
  const inContent = new Set(tokens);
  // What a denial word calls untrue is its own clause's: "Fans relieved as death report proves false".
  const denied = parsed && marked >= 0 ? markedClause(doc, marked) : -1;
  for (let n = 0; n < tokens.length; n++) {
    const i = tokens[n];
    // An adverb only as an antonym said of someone ("are happily together").
    if (!(PREDICATE_POS.has(doc.upos(i)) || (doc.upos(i) === 'ADV' && ANTONYMS.has(lemmaOf(doc, i)))) || named.has(i)) continue;
    if (parsed && !isMainPredicate(doc, i, inContent, denied)) continue;
    const lemma = lemmaOf(doc, i);
    const adjacent = n + 1 < tokens.length ? `${lemma} ${lemmaOf(doc, tokens[n + 1])}` : '';
    const pair = PREDICATE_CLASSES.has(adjacent) || !parsed ? adjacent : pairedInParse(doc, i, lemma) ?? adjacent;
    // "fires up the base" is no firing: a particle the table does not pair with the verb changes its sense.
    if (parsed && !PREDICATE_CLASSES.has(pair) && childrenWith(doc, i, 'compound:prt').length > 0) continue;
    // "nearly shut out of support", "closed ranks": the parse may not call the particle one.
    if (OTHER_SENSES.has(adjacent)) continue;
    // "opposed the invasion", "regulate gun sales": a noun is the proposition only under a verb
    // that adds nothing of its own ("preparing a takeover bid", "held talks").
    if (parsed && doc.upos(i) === 'NOUN' && overruled(doc, i, inContent)) continue;
    const [words, classes] = PREDICATE_CLASSES.has(pair) ? [pair, PREDICATE_CLASSES.get(pair)] : [lemma, evokes(doc, i, lemma, parsed) ? PREDICATE_CLASSES.get(lemma) : undefined];
    // An adjective or adverb said of something only: "the plant remains open" denies a closure, "they
    // are happily together" a split; "opened an inquiry", "an open letter", "worked together" say
    // nothing of either.
    const predicative = (doc.upos(i) === 'ADJ' || doc.upos(i) === 'ADV') && (!parsed || predicateSubject(doc, i) !== undefined);
    const antonym = predicative ? ANTONYMS.get(lemma) : undefined;
    if (antonym) {
      hits.push({ token: i, classes: [antonym], words: lemma, rank: parsed ? depth(doc, i) : n });
      // "The president is alive" denies a rumour about him; "bipartisanship is alive" denies nothing.
      if (!parsed || aboutSomeone(doc, i, named)) denial ??= lemma;
    } else if (classes) {
      hits.push({ token: i, classes: inSenseOrder(doc, i, lemma, classes.map((c) => c.name), parsed), words, rank: parsed ? depth(doc, i) : n });
    }
  }
  hits.sort((a, b) => a.rank - b.rank);
  if (parsed) negatedFirst(doc, hits, (h) => h.token, tokens);
  const predicates = [...new Set(hits.flatMap((h) => h.classes))];
  // "the Iranian nuclear deal", "a peace deal": what kind of the class's thing the main noun is.
  // Of each noun that holds the main predicate's class ("the deal … would be signed").
  if (parsed && hits.length > 0) {
    const main = new Set(hits[0].classes);
    const kinds = hits.flatMap((h) => kindsOf(doc, h.token).flatMap((kind) => h.classes.filter((c) => main.has(c)).map((c) => `${c}${KIND_MARK}${kind}`)));
    predicates.push(...new Set(kinds));
  }
  let head = hits[0]?.token ?? -1;
  let words = hits[0]?.words ?? '';
  if (head < 0) {
    const main = (i: number): boolean => !parsed || isMainPredicate(doc, i, inContent, denied);
    // Without a class, the main verbs of a parsed content are its predicates as written ("~tear",
    // "~miss"), and so is the object of a light verb ("has a knee injury": "~injury"): each
    // matches only itself. Another noun ("campaign", "president") says too little.
    const bare = parsed
      ? tokens
          // A nested report ("the study could not rule out that …") is no predicate of its own.
          .filter((i) => main(i) && (doc.upos(i) === 'VERB' ? !NOT_PREDICATES.has(lemmaOf(doc, i)) && !isResolve(doc, i) && !isNestedReportVerb(doc, i) : doc.upos(i) === 'NOUN' && underLightVerb(doc, i, inContent)))
          .map((i) => ({ token: i, rank: depth(doc, i) }))
          .sort((a, b) => a.rank - b.rank || a.token - b.token)
          .map((b) => b.token)
      : [];
    negatedFirst(doc, bare, (i) => i, tokens);
    const verb = parsed ? bare[0] : tokens.find((i) => doc.upos(i) === 'VERB' && !NOT_PREDICATES.has(lemmaOf(doc, i)));
    head = verb ?? tokens.find((i) => doc.upos(i) === 'NOUN' && !REPORT_NOUNS.has(lemmaOf(doc, i))) ?? -1;
    if (head >= 0) words = lemmaOf(doc, head);
    predicates.push(...new Set(bare.map((i) => `${BARE_PREDICATE}${lemmaOf(doc, i)}`)));
    // "raise taxes" is not "raise questions": a verb's noun objects go with it (compareFrames).
    // Of each verb its most prominent use: "won't vote for Trump and could end up voting for Clinton" denies a vote for Trump.
    const used = new Set<string>();
    for (const i of bare) {
      const lemma = lemmaOf(doc, i);
      if (used.has(lemma)) continue;
      used.add(lemma);
      predicates.push(...new Set(objectsOf(doc, i).map((o) => `${BARE_PREDICATE}${lemma}${OBJECT_MARK}${o}`)));
    }
  }
  const negator = head < 0 ? null : negatorOf(doc, head, tokens, parsed);
  // "We are not going to pretend that …", "we won't hesitate to …": a negated stance towards what
  // follows denies nothing anyone reported.
  if (negator && !STANCE_VERBS.has(lemmaOf(doc, head))) denial ??= negator;
  // Above the report noun too: "Kestrel rejected the report that it would buy Bluewing".
  const denier = parsed && head >= 0 ? denyingVerb(doc, head, new Set(all)) : -1;
  let reportsDenial = false;
  if (denier >= 0) {
    const subject = childrenWith(doc, denier, 'nsubj')[0];
    if (subject === undefined || doc.upos(subject) === 'PRON') denial ??= doc.word(denier);
    else reportsDenial = true;
  }
  // The agent: the entity mentioned nearest before the predicate ("Nordvik Bank CEO Lars Hemming will step down").
  let before = -1;
  for (const i of tokens) if (i < head && named.has(i)) before = i;
  // "no one is speaking to them": a subject that is nobody in particular leaves the agent unknown.
  const nobody = parsed && head >= 0 && childrenWith(doc, head, 'nsubj').some((k) => INDEFINITE_SUBJECTS.has(lower[k]) || (lower[k] === 'one' && lower[k - 1] === 'no'));
  if (nobody) before = -1;
  return {
    predicates,
    words,
    negated: negator !== null,
    self: speaksOfItself(doc, tokens, head),
    agent: before < 0 ? null : (named.get(before) as string),
    denial,
    // With a parse, a content of names alone ("Mike Tyson Invited to Appear", a headline tagged as
    // names) is unread, not a report.
    anaphoric: hits.length === 0 && (parsed ? namesReport(doc, tokens, inContent) : head < 0 || aboutReport),
    reportsDenial,
    hearsay: parsed && head >= 0 && isHearsay(doc, head),
    reportSource,
  };
}

const APPROXIMATORS = new Set(['about', 'around', 'some', 'roughly', 'nearly', 'almost']);

/**
 * A two-word entry of the class table the parse joins though words stand between: a verb and its
 * object ("cut 3,000 jobs" → "cut job", "expecting a baby"), a compound and its head ("job cuts"),
 * a preposition and its noun ("on sale").
 */
function pairedInParse(doc: Doc, i: number, lemma: string): string | undefined {
  const relation = doc.upos(i) === 'VERB' ? 'obj' : doc.upos(i) === 'NOUN' ? 'compound' : null;
  if (relation === null) return undefined;
  // "cut about 3,000 jobs": the parser reads an approximate number's "about" as a preposition.
  const approximate = relation === 'obj' ? childrenWith(doc, i, 'obl').filter((k) => childrenWith(doc, k, 'case').some((c) => APPROXIMATORS.has(doc.tokens.lower[c]))) : [];
  for (const k of [...childrenWith(doc, i, relation), ...approximate]) {
    const pair = relation === 'obj' ? `${lemma} ${lemmaOf(doc, k)}` : `${lemmaOf(doc, k)} ${lemma}`;
    if (PREDICATE_CLASSES.has(pair)) return pair;
  }
  // "will go on sale": a noun with its preposition.
  if (relation === 'compound') for (const k of childrenWith(doc, i, 'case')) if (PREDICATE_CLASSES.has(`${doc.tokens.lower[k]} ${lemma}`)) return `${doc.tokens.lower[k]} ${lemma}`;
  return undefined;
}

/**
 * Moves the first negated predicate of `list` (main predicates, most prominent first) to the
 * front: it carries the claim. "We have ample liquidity and no plans to file for bankruptcy"
 * denies a filing, whatever it asserts first.
 */
function negatedFirst<T>(doc: Doc, list: T[], tokenOf: (item: T) => number, tokens: readonly number[]): void {
  // "managers who never touch a patient": a relative clause describes; its negator denies nothing.
  const negated = list.findIndex((item) => doc.tokens.deprel[tokenOf(item)] !== 'acl:relcl' && negatorOf(doc, tokenOf(item), tokens, true) !== null);
  if (negated > 0) list.unshift(...list.splice(negated, 1));
}

/** A verb of the content above the predicate `head` that reads as a denial ("rejected the report that it would buy …"), or −1. */
function denyingVerb(doc: Doc, head: number, content: ReadonlySet<number>): number {
  for (const above of ancestors(doc, head)) {
    if (!content.has(above)) return -1;
    // "denied everyday Americans a real voice" refuses: a second object makes no denial.
    if (doc.upos(above) === 'VERB' && readsAs(lemmaOf(doc, above), 'deny')) return childrenWith(doc, above, 'iobj').length > 0 || withholds(doc, above) ? -1 : above;
  }
  return -1;
}

/** Verbs of declining to say: "refused to confirm or deny", "declined to deny". */
const DECLINING = new Set(['refuse', 'decline', 'fail']);

/**
 * "refused to confirm or deny reports that …", "would neither confirm nor deny": a denial verb
 * paired with "confirm", or declined, says nothing either way.
 */
export function withholds(doc: Doc, verb: number): boolean {
  if (!doc.layers.has('deps')) return false;
  const governor = doc.tokens.head[verb];
  const paired = (doc.tokens.deprel[verb] === 'conj' && governor >= 0 && lemmaOf(doc, governor) === 'confirm') || childrenWith(doc, verb, 'conj').some((k) => lemmaOf(doc, k) === 'confirm');
  const top = doc.tokens.deprel[verb] === 'conj' ? governor : verb;
  const declined = top >= 0 && doc.tokens.head[top] >= 0 && baseRelation(doc.tokens.deprel[top]) === 'xcomp' && DECLINING.has(lemmaOf(doc, doc.tokens.head[top]));
  return paired || declined;
}

/** Marks a predicate that is a verb's lemma, not a class of the table: "~steal". */
export const BARE_PREDICATE = '~';
/** Marks a kind of a class's noun after the class: `sign-deal+nuclear`. */
export const KIND_MARK = '+';

/** Modifiers that say nothing of what kind a thing is: "a successful deal", "the proposed merger". */
const UNKINDED = new Set([
  'good', 'bad', 'big', 'huge', 'major', 'new', 'successful', 'historic', 'final', 'possible', 'potential', 'proposed',
  'reported', 'alleged', 'massive', 'small', 'great', 'terrible', 'better', 'best', 'worst', 'lasting', 'latest', 'last',
  'first', 'whole', 'entire', 'full', 'real', 'so-called', 'planned', 'rumoured', 'rumored', 'secret', 'such', 'other',
]);

/** The kinds a noun's modifiers give it ("Iranian nuclear deal": iranian, nuclear); none for a verb. */
function kindsOf(doc: Doc, i: number): string[] {
  if (doc.upos(i) !== 'NOUN') return [];
  return children(doc, i)
    .filter((k) => (doc.tokens.deprel[k] === 'compound' || doc.tokens.deprel[k] === 'amod') && /^(?:NOUN|PROPN|ADJ)$/.test(doc.upos(k)))
    .map((k) => lemmaOf(doc, k).toLowerCase())
    .filter((lemma) => !UNKINDED.has(lemma));
}
/** Phrasal verbs of holding out: "We will not give up", "we won't back down" deny nothing. */
const RESOLVE_PHRASALS = new Set(['give up', 'back down', 'carry on', 'press on', 'keep up', 'hold on']);

function isResolve(doc: Doc, i: number): boolean {
  return childrenWith(doc, i, 'compound:prt').some((p) => RESOLVE_PHRASALS.has(`${lemmaOf(doc, i)} ${doc.tokens.lower[p]}`));
}

/** Joins a verb of no class to its noun object in a predicate entry: `~raise>tax`. */
export const OBJECT_MARK = '>';

/**
 * What a parsed verb takes as objects: the lemmas of common nouns ("mishandled classified
 * information"), and {@link AMOUNT} for a bare number ("raise $1.1 trillion"); none for other
 * words. A counted noun says too little of itself: "fell 4 percent", "admit 250,000 refugees".
 */
function objectsOf(doc: Doc, i: number): string[] {
  if (doc.upos(i) !== 'VERB') return [];
  // "miss the rest of the season" misses the season.
  const whole = (o: number): number => (PARTITIVE_NOUNS.has(lemmaOf(doc, o)) ? (childrenWith(doc, o, 'nmod')[0] ?? o) : o);
  // "the baggage that he brings": a relative pronoun stands for the noun the clause describes.
  // The noun is the word before the pronoun, whatever the parse hung the clause on.
  const antecedent = (o: number): number => (RELATIVE_PRONOUNS.has(doc.tokens.lower[o]) && o > 0 && doc.upos(o - 1) === 'NOUN' ? o - 1 : o);
  const uncounted = (o: number): boolean => childrenWith(doc, o, 'nummod').length === 0;
  const objects = childrenWith(doc, i, 'obj')
    .map((o) => whole(antecedent(o)))
    .flatMap((o) => (doc.upos(o) === 'NUM' ? [AMOUNT] : doc.upos(o) === 'NOUN' && uncounted(o) ? [lemmaOf(doc, o)] : []));
  // "vote for Trump" is not "vote for Clinton"; "for 41 years" is a while, not an object.
  for (const o of childrenWith(doc, i, 'obl')) {
    const marked = childrenWith(doc, o, 'case').some((c) => BENEFICIARY_CASES.has(doc.tokens.lower[c]));
    // A name by its last word: "Donald Trump" and "Trump" are one object.
    const last = childrenWith(doc, o, 'flat').at(-1) ?? o;
    if (marked && uncounted(o) && (doc.upos(o) === 'NOUN' || doc.upos(o) === 'PROPN')) objects.push(lemmaOf(doc, last));
  }
  return objects;
}

/** Prepositions whose nominal completes a verb as its object does: "vote for", "campaign against". */
const BENEFICIARY_CASES = new Set(['for', 'against']);

/** The object of a verb that takes a bare number: "raised $20 million". */
const AMOUNT = '#amount';

/** Nouns of a part, whose object is what follows "of": "the rest of the season", "half of the shares". */
const PARTITIVE_NOUNS = new Set(['rest', 'part', 'half', 'remainder', 'bulk', 'majority', 'most', 'all', 'some', 'lot', 'number', 'share', 'portion']);
/** Content terms besides the verb two propositions on a verb of no class must share. */
const BARE_SHARED_TERMS = 1;

/** Relations that hang circumstances, not the proposition, off a predicate: "reflects on Ali's death", "after the raid". */
const SIDE_RELATIONS = new Set(['obl', 'advcl', 'advmod', 'parataxis', 'appos', 'dislocated', 'vocative', 'list', 'reparandum', 'orphan']);
/** Nouns whose modifier states the proposition: "involvement in the coup", "talks on a merger". */
const FRAMING_NOUNS = new Set(['involvement', 'role', 'part', 'participation', 'plan', 'possibility', 'prospect', 'talk', 'negotiation', 'exchange', 'evidence', 'sign', 'news', 'record', 'trace']);
/** Nouns whose clause states a proposition besides the report nouns: "the idea that", "the fear that". */
const STATING_NOUNS = new Set([
  'fact', 'idea', 'notion', 'belief', 'theory', 'impression', 'view', 'proof', 'hope', 'fear', 'concern', 'warning', 'threat',
  'promise', 'pledge', 'assurance', 'denial', 'statement', 'announcement', 'word', 'confirmation', 'indication', 'conclusion',
  'finding', 'message', 'argument', 'insistence', 'perception', 'question', 'doubt', 'suspicion', 'sense', 'assumption',
]);
/** The arcs under a light verb that cost nothing: its object and its complements. */
const FREE_RELATIONS = new Set(['obj', 'ccomp', 'xcomp']);
/** How many arcs below the content's top a main predicate may stand: "has no plans (1) to meet (2)". */
const MAX_PREDICATE_STEPS = 2;

/**
 * Whether the noun `i` is the object of a verb of the content that says something of its own
 * about it: "opposed the invasion", "end his bid". Light and preparing verbs ("hold talks",
 * "preparing a bid") and verbs of passing on ("sharing intelligence") let the noun through.
 */
function overruled(doc: Doc, i: number, content: ReadonlySet<number>): boolean {
  const head = doc.tokens.head[i];
  if (head < 0 || !content.has(head) || doc.upos(head) !== 'VERB' || baseRelation(doc.tokens.deprel[i]) !== 'obj') return false;
  const verb = lemmaOf(doc, head);
  return !NOT_PREDICATES.has(verb) && !PASS_THROUGH_VERBS.has(verb) && !PREDICATE_CLASSES.has(verb) && !(GOVERNED_BY.get(lemmaOf(doc, i))?.has(verb) ?? false);
}

/** Whether the noun `i` is the object of a light verb of the content ("has a serious knee injury", "made an offer"). */
function underLightVerb(doc: Doc, i: number, content: ReadonlySet<number>): boolean {
  const head = doc.tokens.head[i];
  // "has no plans to charge for bags": a noun that frames an event passes to it.
  return head >= 0 && content.has(head) && baseRelation(doc.tokens.deprel[i]) === 'obj' && NOT_PREDICATES.has(lemmaOf(doc, head)) && !REPORT_NOUNS.has(lemmaOf(doc, i)) && !FRAMING_NOUNS.has(lemmaOf(doc, i));
}

/** What is launched without being released: attacks and procedures. */
const NOT_LAUNCHED = new Set(['missile', 'rocket', 'attack', 'strike', 'offensive', 'assault', 'raid', 'probe', 'investigation', 'inquiry', 'bid', 'appeal', 'challenge', 'lawsuit', 'tirade', 'broadside', 'counterattack', 'campaign']);

/** "is leaving for Kingsbridge United": leaving for somewhere is a move there, its transfer sense first. */
function inSenseOrder(doc: Doc, i: number, lemma: string, classes: string[], parsed: boolean): string[] {
  const destination = parsed && lemma === 'leave' && childrenWith(doc, i, 'obl').some((k) => childrenWith(doc, k, 'case').some((c) => doc.tokens.lower[c] === 'for'));
  return destination && classes.includes('join') ? ['join', ...classes.filter((c) => c !== 'join')] : classes;
}

/** What one finds as a conclusion, not as a thing come upon: "found no evidence", "found a way". */
const FINDINGS = new Set(['evidence', 'proof', 'trace', 'sign', 'indication', 'link', 'way', 'solution', 'answer', 'reason', 'support', 'time', 'fault', 'error', 'problem', 'difference', 'correlation', 'association', 'increase', 'decrease', 'rise', 'drop', 'decline', 'effect', 'success', 'comfort', 'favour', 'favor', 'voice', 'home', 'job', 'work', 'someone', 'something', 'nothing', 'anything']);

/** Places one lives in, which one leaves by fleeing. */
const DWELLINGS = new Set(['home', 'house', 'flat', 'apartment', 'building', 'village', 'town', 'area', 'neighbourhood', 'neighborhood', 'property', 'camp']);

/** What a player misses when sidelined. */
const FIXTURES = new Set(['campaign', 'final', 'match', 'game', 'race', 'tournament', 'season', 'fixture', 'clash', 'tie', 'semi-final', 'semifinal', 'cup', 'opener', 'derby', 'championship', 'championships', 'olympics', 'tour', 'start', 'series', 'test', 'playoff', 'playoffs', 'qualifier', 'leg', 'showdown', 'decider']);

/** Whether a class word evokes its class where it stands: as the right part of speech, governed by the right verb. */
function evokes(doc: Doc, i: number, lemma: string, parsed: boolean): boolean {
  const pos = doc.upos(i);
  // "Finance Minister Dana Kovac": a word of a name or title evokes nothing.
  if (pos === 'PROPN' && inNameRun(doc, i)) return false;
  // "agrees £77m move to Real Castilla": a move to somewhere named is a transfer, the noun too.
  if (lemma === 'move' && pos === 'NOUN' && parsed && children(doc, i).some((k) => baseRelation(doc.tokens.deprel[k]) === 'nmod' && childrenWith(doc, k, 'case').some((c) => doc.tokens.lower[c] === 'to') && doc.upos(k) === 'PROPN')) return true;
  if (VERB_ONLY.has(lemma) && pos !== 'VERB') return false;
  // "Vell closes in on Harbour City takeover": nearing it, closing nothing.
  if (lemma === 'close' && doc.tokens.lower[i + 1] === 'in') return false;
  // "will miss Saturday's cup final" sidelines a player; "missed its revenue targets" does not.
  // "the rest of the season" too.
  if (lemma === 'miss') return parsed && childrenWith(doc, i, 'obj').some((k) => [k, ...childrenWith(doc, k, 'nmod')].some((f) => FIXTURES.has(lemmaOf(doc, f))));
  // "reports linking the midfielder with a move to Real Castilla": what a report links is its
  // proposition; the linking is no contact.
  if (lemma === 'link' && pos === 'VERB' && parsed && doc.tokens.head[i] >= 0 && isReportNoun(doc, doc.tokens.head[i])) return false;
  // "Clinton Email Story Has Moved": a story that moves is no transfer.
  if (lemma === 'move' && parsed && childrenWith(doc, i, 'nsubj').some((k) => isReportNoun(doc, k))) return false;
  // "Launched A 6-Word Missile", "launched an investigation": an attack or a procedure, no product.
  if (lemma === 'launch' && parsed && childrenWith(doc, i, 'obj').some((k) => NOT_LAUNCHED.has(lemmaOf(doc, k)))) return false;
  // "found a giant spider in his garage", "was not found": a thing come upon. Not a judgement ("voters
  // find him unlikable"), a finding ("found no evidence that", "found a way to"), or a pronoun.
  if ((lemma === 'find' || lemma === 'discover') && parsed) {
    if (pos !== 'VERB' || children(doc, i).some((k) => /^(?:xcomp|ccomp)$/.test(baseRelation(doc.tokens.deprel[k])))) return false;
    return !childrenWith(doc, i, 'obj').some((k) => doc.upos(k) === 'PRON' || FINDINGS.has(lemmaOf(doc, k)));
  }
  // "told to leave their homes": fleeing, not resigning or moving club.
  if (lemma === 'leave' && parsed && childrenWith(doc, i, 'obj').some((k) => DWELLINGS.has(lemmaOf(doc, k)))) return false;
  // "nobody will be left behind", "was left homeless": one left is not one leaving.
  if (lemma === 'leave' && parsed && (childrenWith(doc, i, 'aux:pass').length > 0 || childrenWith(doc, i, 'nsubj:pass').length > 0)) return false;
  if (NOUN_ONLY.has(lemma) && pos === 'VERB') return false;
  if (PLACE_SUBJECT_ONLY.has(lemma)) return parsed && childrenWith(doc, i, 'nsubj').some((k) => isPlace(doc, k));
  if (PLACE_OBJECT_ONLY.has(lemma)) return parsed && children(doc, i).some((k) => ACTED_ON.has(doc.tokens.deprel[k]) && isPlace(doc, k));
  const objects = OBJECT_GOVERNED.get(lemma);
  if (objects) return parsed && children(doc, i).some((k) => ACTED_ON.has(doc.tokens.deprel[k]) && objects.has(lemmaOf(doc, k)));
  const governors = GOVERNED_BY.get(lemma);
  if (!governors || !parsed) return true;
  let k = i;
  let head = doc.tokens.head[k];
  // "sharing intelligence and information": a conjunct is governed by its first conjunct's verb.
  while (head >= 0 && baseRelation(doc.tokens.deprel[k]) === 'conj' && doc.upos(head) !== 'VERB') [k, head] = [head, doc.tokens.head[head]];
  // "sharing" may be tagged as a noun: its verb reading counts.
  if (head >= 0 && (governors.has(lemmaOf(doc, head)) || governors.has(lemmatize(doc.tokens.lower[head], 'VBG')))) return true;
  // A headline parsed as compounds ("Taliban deny sharing intelligence", "sharing IS intelligence"):
  // a word just before, read as a verb.
  for (let k = Math.max(0, i - GOVERNOR_WINDOW); k < i; k++) if (governors.has(lemmatize(doc.tokens.lower[k], 'VBG'))) return true;
  return false;
}

/** Whether token `i` is a verb of saying or denying, with its particle ("rule out"). */
function isReportingVerb(doc: Doc, i: number): boolean {
  if (doc.upos(i) !== 'VERB') return false;
  const lemma = lemmaOf(doc, i);
  const particle = childrenWith(doc, i, 'compound:prt')[0];
  return CUE_READINGS.has(lemma) || (particle !== undefined && CUE_READINGS.has(`${lemma} ${doc.tokens.lower[particle]}`));
}

function isNestedReportVerb(doc: Doc, i: number): boolean {
  return isReportingVerb(doc, i) && childrenWith(doc, i, 'ccomp').length > 0;
}

/** Whether token `i` names a report: a report noun, or "information" as a subject. */
function isReportNoun(doc: Doc, i: number): boolean {
  if (i < 0) return false;
  const lemma = lemmaOf(doc, i);
  return REPORT_NOUNS.has(lemma) || (SUBJECT_REPORT_NOUNS.has(lemma) && baseRelation(doc.tokens.deprel[i]) === 'nsubj');
}

/** Noun links between a report noun and what it reports: "reports of his death", "a report that …". */
const HEARSAY_LINKS = /^(?:compound|nmod|acl)$/;
/** How many such links may stand between them ("reports of his death spread", parsed as a compound). */
const HEARSAY_STEPS = 3;

/** Verbs of taking in what others report: "I read in the newspapers that I had resigned". */
const HEARING_VERBS = new Set(['read', 'hear']);

/** Whether predicate `head` is what a report noun above it says, or what one read or heard. */
function isHearsay(doc: Doc, head: number): boolean {
  // From the predicate ("agreed a deal": the deal) up to its clause.
  let clause = head;
  while (doc.tokens.head[clause] >= 0 && /^(?:obj|xcomp|nsubj:pass)$/.test(doc.tokens.deprel[clause])) clause = doc.tokens.head[clause];
  const above = doc.tokens.head[clause];
  if (above >= 0 && baseRelation(doc.tokens.deprel[clause]) === 'ccomp' && doc.upos(above) === 'VERB' && HEARING_VERBS.has(lemmaOf(doc, above))) return true;
  let k = head;
  for (let step = 0; step < HEARSAY_STEPS && k >= 0 && HEARSAY_LINKS.test(baseRelation(doc.tokens.deprel[k])); step++) {
    k = doc.tokens.head[k];
    if (isReportNoun(doc, k)) return true;
  }
  return false;
}

/** Whether the run of proper nouns after token `i` (a few at most) reaches a named mention. */
function inNameRun(doc: Doc, i: number): boolean {
  for (let k = i + 1; k < doc.tokenCount && k <= i + NAME_RUN && doc.upos(k) === 'PROPN'; k++) {
    if (ENTITY_TYPES.includes(mentionTypeAt(doc, k) as EntityType)) return true;
  }
  return false;
}

/** How far a title may stand before the name it belongs to ("Finance Minister Dana Kovac"). */
const NAME_RUN = 3;

/** Relations of what a verb or action noun acts on: "stole data", "data was stolen", "theft of records", "data theft". */
const ACTED_ON = new Set(['obj', 'nsubj:pass', 'nmod', 'compound', 'obl', 'obl:agent']);

function isPlace(doc: Doc, i: number): boolean {
  if (PLACE_NOUNS.has(lemmaOf(doc, i))) return true;
  const type = mentionTypeAt(doc, i);
  return type === 'GPE' || type === 'LOC';
}

/** How many words before a governed noun its verb may stand when the parse does not link them. */
const GOVERNOR_WINDOW = 2;

/**
 * Whether token `i` may state the content's proposition (what a claim asserts or denies, not every
 * event its words mention: "hopes the world reflects on Ali's death" is about no death). It is a
 * top of the content (its head lies outside, and it is not coordinated with the cue: "rejects
 * Trump's remarks but will meet with him" does not deny a meeting) or of the clause a denial word
 * stands in, what a report noun reports, or hangs at most {@link MAX_PREDICATE_STEPS} arcs below
 * one of these (not counting arcs under light verbs) through core relations (object, complement,
 * clausal modifier of a noun, conjunct), never through a circumstance.
 */
function isMainPredicate(doc: Doc, i: number, content: ReadonlySet<number>, clause: number): boolean {
  let k = i;
  // Arcs under a light verb are free: "I have already said that we have channels for exchanging
  // information" holds its proposition as near as "channels for exchanging information".
  for (let steps = 0, arcs = 0; steps <= MAX_PREDICATE_STEPS && arcs <= doc.tokenCount; arcs++) {
    if (k === clause) return true;
    const head = doc.tokens.head[k];
    const relation = baseRelation(doc.tokens.deprel[k]);
    if (head < 0) return true;
    if (!content.has(head)) return relation !== 'conj';
    // What a report reports, wherever the report stands: "death report", "rumours of his resignation".
    if (isReportNoun(doc, head) && (relation === 'compound' || relation === 'nmod')) return true;
    // "taken into custody", "went to hospital": under a light verb an oblique noun is the event;
    // so under a verb of conveying someone ("rushed to hospital", "admitted to hospital").
    // "Hoax: Millbrook Falls Did Not Ban Snowball Fights": what follows a headline's label and colon is its clause.
    if (relation === 'parataxis' && doc.word(head + 1) === ':' && doc.tokens.head[head] < 0) {
      k = head;
      continue;
    }
    if (SIDE_RELATIONS.has(relation) && verblessSubject(doc, k) === undefined && !(relation === 'obl' && (isLightVerb(doc, head) || isReportLink(doc, head) || CONVEYING_VERBS.has(lemmaOf(doc, head))))
      && !((relation === 'advcl' || relation === 'obl') && (isNearnessAdjective(doc, head, k) || isClosingIn(doc, head, k)))) return false;
    // "the ideology that voters find so toxic": a clause with a subject of its own that describes a
    // noun is no proposition, save after a noun that states one ("the claim that …", "the idea that …").
    if (relation === 'acl' && doc.upos(head) === 'NOUN' && childrenWith(doc, k, 'nsubj').length > 0 && !isReportNoun(doc, head)
      && !FRAMING_NOUNS.has(lemmaOf(doc, head)) && !STATING_NOUNS.has(lemmaOf(doc, head))) return false;
    // "his call for a temporary ban": a noun's modifier is no proposition, save under a noun that
    // only frames one ("involvement in the coup", "plans for a merger").
    if (relation === 'nmod' && !FRAMING_NOUNS.has(lemmaOf(doc, head))) return false;
    const verb = (doc.upos(head) === 'VERB' || doc.upos(head) === 'AUX') && FREE_RELATIONS.has(relation) ? lemmaOf(doc, head) : '';
    if (!NOT_PREDICATES.has(verb) && !PASS_THROUGH_VERBS.has(verb)) steps++;
    k = head;
  }
  return false;
}

/** "reports linking the midfielder with a move to Real Castilla": the report's link, whose oblique is what it reports. */
function isReportLink(doc: Doc, i: number): boolean {
  return lemmaOf(doc, i) === 'link' && doc.upos(i) === 'VERB' && isReportNoun(doc, doc.tokens.head[i]);
}

/** Adjectives whose infinitive is the event itself: "close to signing", "ready to join". */
const NEARNESS_ADJECTIVES = new Set(['close', 'near', 'ready', 'poised', 'set', 'due', 'likely', 'about']);

/**
 * "Real Castilla are close to signing Vella", "Corvane is close to a takeover of Threadly": the
 * infinitive (UD's advcl) or the noun after "to" under such an adjective states the proposition.
 */
function isNearnessAdjective(doc: Doc, head: number, dependent: number): boolean {
  return doc.upos(head) === 'ADJ' && NEARNESS_ADJECTIVES.has(lemmaOf(doc, head)) && children(doc, dependent).some((m) => /^(?:mark|case)$/.test(doc.tokens.deprel[m]) && doc.tokens.lower[m] === 'to');
}

/** "closes in on Harbour City takeover": what one closes in on is the proposition, as with "close to". */
function isClosingIn(doc: Doc, head: number, dependent: number): boolean {
  return lemmaOf(doc, head) === 'close' && doc.tokens.lower[head + 1] === 'in' && childrenWith(doc, dependent, 'case').some((c) => doc.tokens.lower[c] === 'on');
}

/** Verbs of conveying someone somewhere, whose destination is the event: "rushed to hospital". */
const CONVEYING_VERBS = new Set(['rush', 'airlift', 'fly', 'admit', 'carry', 'send', 'bring', 'drive', 'transfer', 'whisk', 'move']);

function isLightVerb(doc: Doc, i: number): boolean {
  const lemma = lemmaOf(doc, i);
  return (doc.upos(i) === 'VERB' || doc.upos(i) === 'AUX') && (NOT_PREDICATES.has(lemma) || PASS_THROUGH_VERBS.has(lemma)) && !CUE_READINGS.has(lemma);
}

/**
 * Whether the content is a report and no more: its top is a report noun ("the charges", "those
 * reports as baseless", "it") or has one as its subject ("the story is fake"). "Barry Goldwater
 * wouldn't recognize it" mentions "it" but says something of its own.
 */
function namesReport(doc: Doc, tokens: readonly number[], content: ReadonlySet<number>): boolean {
  const tops = tokens.filter((i) => !content.has(doc.tokens.head[i]));
  const top = tops[0];
  if (top === undefined) return false;
  // "dismissed a report in Politico that Jeb Bush has been considering …", the clause parsed as the
  // verb's: the report's own words follow, so it points at nothing before.
  if (tops.some((i) => baseRelation(doc.tokens.deprel[i]) === 'ccomp')) return false;
  // "disputes this", "denied it": a pronoun points at the sentence before, not at the headline.
  return [top, ...childrenWith(doc, top, 'nsubj')].some((i) => isReportNoun(doc, i) && doc.upos(i) !== 'PRON' && doc.upos(i) !== 'DET');
}

/**
 * Whether a denial word judges a report, read from the parse: it describes a report noun ("a false
 * claim", "baseless allegations"), or its clause has one as subject or object ("the story is fake",
 * "reports of her death were false", "called the report fake"). "There's nothing wrong with that"
 * judges no report.
 */
function judgesReport(doc: Doc, marker: number): boolean {
  const clause = markedClause(doc, marker);
  const head = doc.tokens.head[marker];
  const judged = [...(head >= 0 && baseRelation(doc.tokens.deprel[marker]) === 'amod' ? [head] : [])];
  for (const top of new Set([clause, marker])) {
    for (const child of children(doc, top)) if (JUDGED_RELATIONS.has(baseRelation(doc.tokens.deprel[child]))) judged.push(child);
  }
  // A clause parsed without a subject: the words just before ("… as death report proves false"),
  // and the words above ("reports that she had resigned turned out to be a hoax", where the parse
  // hangs "turned" under "resigned").
  if (!judged.some((i) => baseRelation(doc.tokens.deprel[i]) === 'nsubj')) {
    for (let i = Math.max(0, marker - SUBJECTLESS_WINDOW); i < marker; i++) judged.push(i);
    // "Glasshouse Quit Rumors Are 'Completely False'": the noun right before the copula is its subject.
    for (const copula of childrenWith(doc, marker, 'cop')) if (copula > 0) judged.push(copula - 1);
    // "The story that Apple will release a smartwatch is fake", parsed with "fake" under "release":
    // the words above, and their subjects.
    // "said reports that he had been detained were untrue", parsed with "reports" as the verb's object.
    for (const above of ancestors(doc, marker)) judged.push(above, ...childrenWith(doc, above, 'nsubj'), ...childrenWith(doc, above, 'obj').filter((o) => o < marker));
  }
  // "there is no truth in …", "it is not true": the denial phrase says so itself.
  return judged.some((i) => namesSaid(doc, i)) || PHRASE_NEGATORS.has(doc.tokens.lower[marker - 1] ?? '') || PHRASE_NEGATORS.has(doc.tokens.lower[marker]);
}

/**
 * Whether token `i` names something said: a report noun ("the story", "claims"), or "that" as a
 * subject ("That is simply false"), which points at what was just said as "this" and "it" do.
 */
function namesSaid(doc: Doc, i: number): boolean {
  // "The viral photo of a huntsman supposedly found in a garage is a fake": a picture shows what it is said to.
  if (isReportNoun(doc, i) || SHOWING_NOUNS.has(lemmaOf(doc, i))) return true;
  // Not the relative "that" ("stereotypes that are untrue").
  const clause = doc.tokens.head[i];
  return doc.tokens.lower[i] === 'that' && baseRelation(doc.tokens.deprel[i]) === 'nsubj' && clause >= 0 && doc.tokens.deprel[clause] !== 'acl:relcl';
}

/** Pictures and recordings, which a denial word can call untrue as it does a report. */
const SHOWING_NOUNS = new Set(['photo', 'photograph', 'picture', 'image', 'video', 'footage', 'clip', 'screenshot']);

/** Negators that make a denial phrase of their own ("no truth", "not true", "never existed"); "nothing wrong" is none. */
const PHRASE_NEGATORS = new Set(['no', 'not', "n't", 'never']);

/** How many words before a subjectless denial word may name the report it judges. */
const SUBJECTLESS_WINDOW = 3;

const JUDGED_RELATIONS = new Set(['nsubj', 'obj', 'csubj']);

/** The clause a denial word judges: its own, or the one it completes ("proves false", "turned out to be a hoax"). */
function markedClause(doc: Doc, marker: number): number {
  const own = clauseHead(doc, marker);
  const head = doc.tokens.head[own];
  return head >= 0 && baseRelation(doc.tokens.deprel[own]) === 'xcomp' ? clauseHead(doc, head) : own;
}

/**
 * The entity id of each token inside a resolved mention in the parts. Words of a name are no
 * predicate: "Halvorsen Chemicals" names a company, not a leak.
 */
function mentionedAt(doc: Doc, parts: readonly Span[]): Map<number, string> {
  const order = currentOrder(doc);
  const { byStart, longest } = order;
  const found = new Set<number>();
  for (const p of parts) {
    for (let j = order.firstFrom(p.start - longest); j < byStart.length && doc.mentions[byStart[j]].start < p.end; j++) {
      if (doc.mentions[byStart[j]].end > p.start) found.add(byStart[j]);
    }
  }
  const out = new Map<number, string>();
  // In the order of doc.mentions, so that a later mention of a token wins as it always has.
  for (const k of [...found].sort((a, b) => a - b)) {
    const m = doc.mentions[k];
    if (m.entity < 0) continue;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) out.set(i, doc.entities[m.entity].id);
  }
  return out;
}

/** The doc's mention order, made again when mentions were added since. */
const orders = new WeakMap<Doc, { count: number; order: MentionOrder }>();

function currentOrder(doc: Doc): MentionOrder {
  const known = orders.get(doc);
  if (known && known.count === doc.mentions.length) return known.order;
  const order = mentionOrder(doc);
  orders.set(doc, { count: doc.mentions.length, order });
  return order;
}

/** The negator governing the predicate: a dependent with a parse, else one just before it in the same clause. */
const ADVISING_MODALS = new Set(['should', 'must', 'ought', 'shall']);
const ABILITY_MODALS = new Set(['can', 'could', 'ca']);

function negatorOf(doc: Doc, head: number, tokens: readonly number[], parsed: boolean): string | null {
  const lower = doc.tokens.lower;
  if (parsed) {
    // A negator on the word above negates the predicate too ("has no plans to meet", "did not
    // happen"), unless that word says what the predicate is like: "his meeting was not political".
    // "has no plans to either address the conference or meet with him": a conjunct shares its first's negator.
    let first = head;
    while (baseRelation(doc.tokens.deprel[first]) === 'conj' && doc.tokens.head[first] >= 0) first = doc.tokens.head[first];
    const above = doc.tokens.head[first];
    const describes = above >= 0 && baseRelation(doc.tokens.deprel[first]) === 'nsubj' && doc.upos(above) !== 'VERB';
    // "could not rule out that healthier people drink more", "did not say that …": a negated report
    // above the predicate leaves it open.
    const scope = above >= 0 && !describes && !isReportingVerb(doc, above) ? [head, first, above] : [head, first];
    // "The lads never gave up and we deserved it": a verb of holding out keeps its negator to itself.
    if (first !== head && isResolve(doc, first)) scope.length = 1;
    // "People should not start drinking coffee": advice against an act denies nothing.
    if (childrenWith(doc, head, 'aux').some((a) => ADVISING_MODALS.has(lower[a]))) return null;
    // "could not support a provision", "cannot accept": what one is unable or unwilling to do is a
    // position, not a fact denied ("will not resign" stays a denial).
    if (childrenWith(doc, head, 'aux').some((a) => ABILITY_MODALS.has(lower[a]))) return null;
    // "will be without star forward Rafael Quenta": a preposition's "without" lacks a thing, it negates no act.
    for (const i of tokens) if (scope.includes(doc.tokens.head[i]) && NEGATORS.has(lower[i]) && !(lower[i] === 'without' && doc.tokens.deprel[i] === 'case')) return lower[i];
    // "No one has been detained": a negated subject negates its predicate.
    for (const subject of [...childrenWith(doc, head, 'nsubj'), ...childrenWith(doc, head, 'nsubj:pass')]) {
      if (lower[subject] === 'nobody') return 'nobody';
      for (const det of childrenWith(doc, subject, 'det')) if (lower[det] === 'no') return `no ${lower[subject]}`;
    }
    return null;
  }
  const at = tokens.indexOf(head);
  for (let n = at - 1; n >= Math.max(0, at - NEGATOR_WINDOW); n--) {
    const w = lower[tokens[n]];
    if (NEGATORS.has(w)) return w;
    if (w === ',' || w === 'but' || w === ';') break;
  }
  return null;
}

/**
 * A first-person word anywhere; a third-person pronoun before the predicate with no name before
 * it; or no subject at all, so that the speaker is the implicit agent: "denied sharing
 * intelligence", "claims to have a channel", "denied any negotiations".
 */
function speaksOfItself(doc: Doc, tokens: readonly number[], head: number): boolean {
  let leading = true;
  for (const i of tokens) {
    const w = doc.tokens.lower[i];
    const pos = doc.upos(i);
    if (FIRST_PERSON.has(w)) return true;
    if (leading) {
      // A gerund ("sharing", which headlines may tag as a noun) or a bare infinitive.
      const nonFinite = (pos === 'VERB' && doc.tokens.tag[i] === 'VB') || ((pos === 'VERB' || pos === 'NOUN') && w.endsWith('ing'));
      // …but not what a report reports: "the information about the capture of Petrivka" says
      // nothing of who captured it.
      if (i === head && doc.upos(i) === 'NOUN' && isReportNoun(doc, doc.tokens.head[i])) return false;
      if (w === 'to' || nonFinite || i === head) return true;
      // "Denies Plan To Abolish Fuel Tax", "rejected plans to sell the club": one's own plan, unless
      // the content names whose it is first.
      if (pos === 'NOUN' && OWN_PLANS.has(lemmaOf(doc, i)) && doc.tokens.lower[i + 1] === 'to') return true;
      if (LEADING_POS.has(pos)) continue;
      leading = false;
    }
    if (i === head || pos === 'PROPN') return false;
    if (THIRD_PERSON.has(w)) return true;
  }
  return false;
}

/**
 * A denial that rests on a negator alone ("doesn't always help", "will not support") opposes an
 * assertion less surely than a denial verb or a denial word: its score is scaled by this.
 */
const NEGATION_WEIGHT = 0.7;
/** The same for a speaker who negates what others do: below the listing threshold even at a full match. */
const BYSTANDER_NEGATION_WEIGHT = 0.45;

/** The basis of a stance that is a negator alone (`"not"`), not a cue or a denial word. */
export function restsOnNegation(basis: string): boolean {
  return basis.startsWith('"') && NEGATORS.has(basis.slice(1, -1));
}

/** The predicate score of two classes of one family ("contact", "negotiate"). */
const RELATED = 0.6;

/** What a comparison of two propositions found. */
export interface FrameMatch {
  /** 1 for the same main predicate, 0.8 for a shared class, 0.6 for one family, else 0. */
  predicate: number;
  /** The class or lemma the match rests on. */
  shared: string;
  /** Participants both involve. */
  participants: string[];
  /** In [0, 1]; 0 when the propositions are not the same. */
  score: number;
}

/** A proposition as compared: predicates, participants and the agent's side (entity keys), content terms. */
export interface ComparableProposition {
  predicates: readonly string[];
  participants: readonly string[];
  /** The agent and whom it speaks for; empty when unknown. */
  agent: readonly string[];
  terms: readonly string[];
  /** Why the claim's stance is what it is (Claim.basis): a denial that rests on a negator alone is weaker evidence. */
  basis: string;
  /** The speaker (or whom it speaks for) takes part in the proposition: "I have not resigned", "police said no one was arrested". */
  speakerTakesPart: boolean;
}

/**
 * Whether two propositions are the same: their main predicates match (the same class, one's main
 * class among the other's, or one family), no different agents, and at least one participant in
 * common; sharing a participant alone is never enough. The score weighs the predicate (0.5), the
 * share of all participants both involve (0.3) and the overlap of content terms (0.2, full at half
 * the union), scaled by 0.7 when a denial rests on a negator alone.
 */
export function compareFrames(a: ComparableProposition, b: ComparableProposition): FrameMatch {
  const none: FrameMatch = { predicate: 0, shared: '', participants: [], score: 0 };
  if (a.predicates.length === 0 || b.predicates.length === 0) return none;
  // Different agents ("Ryan will not support Trump", "Grassley supports Trump"): different
  // propositions, unless one's agent takes part in the other (names the two do not merge).
  const takesPart = (agent: readonly string[], other: ComparableProposition): boolean => agent.some((k) => other.agent.includes(k) || other.participants.includes(k));
  if (a.agent.length > 0 && b.agent.length > 0 && !takesPart(a.agent, b) && !takesPart(b.agent, a)) return none;
  let predicate = 0;
  let shared = '';
  const [mainA, mainB] = [a.predicates[0], b.predicates[0]];
  if (mainA === mainB) [predicate, shared] = [1, mainA];
  else if (b.predicates.includes(mainA)) [predicate, shared] = [0.8, mainA];
  else if (a.predicates.includes(mainB)) [predicate, shared] = [0.8, mainB];
  else if (familyOf(mainA) !== undefined && familyOf(mainA) === familyOf(mainB)) [predicate, shared] = [RELATED, familyOf(mainA) as string];
  if (predicate === 0) return none;
  const inB = new Set(b.participants);
  const participants = [...new Set(a.participants.filter((p) => inB.has(p)))];
  if (participants.length === 0) return none;
  // "a peace deal" is not "the nuclear deal": kinds named on both sides must meet.
  const kindsOfShared = (p: ComparableProposition): string[] => p.predicates.filter((name) => name.startsWith(`${shared}${KIND_MARK}`));
  const [kindsA, kindsB] = [kindsOfShared(a), kindsOfShared(b)];
  if (kindsA.length > 0 && kindsB.length > 0 && !kindsA.some((k) => kindsB.includes(k))) return none;
  const base = new Set([...a.participants, ...b.participants]).size;
  const termsB = new Set(b.terms);
  const common = a.terms.filter((t) => termsB.has(t)).length;
  // A verb of no class is a weak sign of one proposition ("win", "run", "hold"): it needs the same
  // known agent and the words around it shared too ("Mexico will pay for the wall" / "Mexico would
  // not pay for a wall").
  const sameAgent = a.agent.some((k) => b.agent.includes(k));
  if (shared.startsWith(BARE_PREDICATE)) {
    if (!sameAgent || common - 1 < BARE_SHARED_TERMS) return none;
    // With an object named on both sides, the objects must meet too: "raise taxes", "raise $1.1 trillion".
    const objectsOf = (p: ComparableProposition): string[] => p.predicates.filter((name) => name.startsWith(`${shared}${OBJECT_MARK}`));
    const [objectsA, objectsB] = [objectsOf(a), objectsOf(b)];
    if (objectsA.length > 0 && objectsB.length > 0 && !objectsA.some((o) => objectsB.includes(o))) return none;
  }
  const union = new Set([...a.terms, ...b.terms]).size;
  const terms = union === 0 ? 0 : Math.min(1, (2 * common) / union);
  const weak = Math.min(negationWeight(a), negationWeight(b));
  const score = weak * (0.5 * predicate + 0.3 * (participants.length / base) + 0.2 * terms);
  return { predicate, shared, participants, score: Math.round(score * 1000) / 1000 };
}

/**
 * How far a claim's stance can be trusted as a denial: fully unless it rests on a negator alone;
 * then less, and least when the speaker has no part in what it negates ("Trump was not
 * addressing reality", a pundit's view, denies no report).
 */
function negationWeight(p: ComparableProposition): number {
  if (!restsOnNegation(p.basis)) return 1;
  return p.speakerTakesPart ? NEGATION_WEIGHT : BYSTANDER_NEGATION_WEIGHT;
}

/** Index keys of a proposition for finding candidates without comparing all pairs: family (or lemma) × participant. */
export function propositionKeys(p: Pick<ComparableProposition, 'predicates' | 'participants'>): string[] {
  const heads = new Set(p.predicates.filter((name) => !name.includes(OBJECT_MARK) && !name.includes(KIND_MARK)).map((name) => familyOf(name) ?? name));
  const keys: string[] = [];
  for (const head of heads) for (const who of new Set(p.participants)) keys.push(`${head}\u0000${who}`);
  return keys;
}

export type Polarity = 'affirm' | 'deny';

/** Which way a stance takes a proposition: assertions and accusations affirm it, denials deny it; others neither. */
export function polarityOf(stance: Stance): Polarity | null {
  if (stance === 'deny') return 'deny';
  return stance === 'assert' || stance === 'accuse' ? 'affirm' : null;
}

/** One side of a contradiction, as the explanation names it. */
export interface ExplainedClaim {
  speaker: string;
  stance: Stance;
  basis: string;
  predicate: string;
}

/**
 * The evidence in words: the shared proposition, and why the stances oppose. "same proposition
 * share-information ("exchange information" / "exchanging information") about Russia, Taliban;
 * Taliban deny (cue "denied") vs Zamir Kabulov assert (cue "said")".
 */
export function explainContradiction(denial: ExplainedClaim, assertion: ExplainedClaim, match: FrameMatch, participantNames: readonly string[]): string {
  const kind = match.predicate === 1 ? 'same proposition' : match.predicate === 0.8 ? 'same event class' : 'related events';
  const words = [...new Set([denial.predicate, assertion.predicate].filter(Boolean))].map((w) => `"${w}"`).join(' / ');
  const why = (c: ExplainedClaim): string => `${c.speaker} ${c.stance}${c.basis ? ` (${c.basis})` : ''}`;
  return `${kind} ${match.shared.replace(BARE_PREDICATE, '')}${words ? ` (${words})` : ''} about ${participantNames.join(', ')}; ${why(denial)} vs ${why(assertion)}`;
}
