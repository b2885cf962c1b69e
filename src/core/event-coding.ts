import type { Doc, Modality } from './doc.js';
import { actorCodesOn, type EventDictionaries, type PatternElement, type VerbBlock, type VerbEntry, type VerbPattern } from './lexicon/petrarch.js';
import { cameoRoot } from './cameo.js';
import { isScore } from './phrases.js';
import { baseRelation, RELATIVE_PRONOUNS } from './syntax.js';

/**
 * CAMEO event coding read off the dependency parse, PETRARCH-style: each verb (and each
 * nominalised action governed by an uncoded verb: "denied any exchange of information") is
 * looked up in the verb dictionary, its block's patterns are matched against the words the
 * verb governs (those before it: subject, auxiliaries, adverbs; those after it: objects,
 * particles, prepositional phrases), and the actors come from the tree: subject → source,
 * object / prepositional object → target, passive agent → source, conjuncts expanded.
 * Everything here works within one sentence, so the cost is bounded by sentence length.
 */

/** One argument of an event: the head token of its noun phrase and the phrase's tokens. */
export interface EventArgument {
  head: number;
  /** Sorted token indexes of the noun phrase (clauses, appositions and conjuncts left out). */
  tokens: number[];
  /** The dictionary code of the phrase (actor + agents, "RUSGOV"), or null; several for compound actors. */
  codes: string[];
}

export interface RawEvent {
  predicate: number;
  code: string;
  source: EventArgument | null;
  target: EventArgument | null;
  negated: boolean;
  modality: Modality;
}

/** Verbs that negate the action they govern ("refused to share", "denied any exchange"). */
const NEGATING = new Set(['refuse', 'deny', 'reject', 'decline', 'fail', 'dismiss']);
/** Verbs whose complement is demanded rather than done. */
const DEMANDING = new Set(['demand', 'urge', 'call', 'ask', 'insist', 'order', 'press', 'appeal', 'request', 'want']);
const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
const POSSIBLE_AUX = new Set(['may', 'might', 'could', 'can', 'ca', 'should', 'would', "'d", 'must']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
const PERSONAL_PRONOUNS = new Set(['it', 'he', 'she', 'they']);
/**
 * Forms the dictionaries list under a verb they do not belong to: CAMEO's ENCIRCLE [190] has "RANG"
 * and "RUNG", but troops "ringed" a city; "rang" is a bell's or a phone's ("My son rang me").
 */
const FORMS_OF_OTHER_VERBS = new Set(['rang', 'rung']);

const REGULAR_ENDINGS = ['ed', 'ing', 's'];

/**
 * Subtrees that are not part of a verb's own phrase: other clauses, conjuncts, punctuation. A
 * complement clause is, as in PETRARCH's verb phrase ("allowed that Mordor isn't a really pleasant place").
 */
const OUTSIDE_PHRASE = new Set(['parataxis', 'advcl', 'conj', 'cc', 'punct', 'acl', 'csubj', 'discourse', 'vocative', 'list', 'reparandum', 'dep']);
/** Forces of nature and disease, which are no actors. */
const NATURAL_FORCES = new Set([
  'storm', 'flood', 'flooding', 'earthquake', 'quake', 'tremor', 'fire', 'wildfire', 'blaze', 'hurricane', 'typhoon', 'cyclone',
  'tornado', 'landslide', 'mudslide', 'avalanche', 'tsunami', 'heatwave', 'drought', 'rain', 'snow', 'lightning', 'wind',
  'virus', 'disease', 'outbreak', 'epidemic', 'pandemic', 'cancer', 'weather', 'eruption', 'volcano',
]);

/** Verbs of plain saying, whose complement clause is what was said. */
const SAYING = new Set(['say', 'tell', 'add', 'state', 'report', 'explain', 'note', 'write', 'claim']);
/** Subtrees left out of an actor's noun phrase. */
const OUTSIDE_NOUN_PHRASE = new Set(['acl', 'appos', 'conj', 'cc', 'punct', 'advcl', 'parataxis', 'ccomp', 'dep']);

/** One sentence's tree: dependents and upper-cased forms, in arrays indexed from the sentence's first token `base`. */
interface Tree {
  base: number;
  kids: number[][];
  upper: string[];
  upperLemma: string[];
  /** Arguments coded so far, by head token: frames of one sentence ask for the same phrases again. */
  arguments: Map<number, EventArgument>;
}

function buildTree(doc: Doc, start: number, end: number): Tree {
  const { head, lower, lemma } = doc.tokens;
  const kids: number[][] = [];
  const upper: string[] = [];
  const upperLemma: string[] = [];
  for (let i = start; i < end; i++) {
    kids.push([]);
    upper.push(lower[i].toUpperCase());
    upperLemma.push((lemma[i] || lower[i]).toUpperCase());
  }
  for (let i = start; i < end; i++) if (head[i] >= start && head[i] < end) kids[head[i] - start].push(i);
  return { base: start, kids, upper, upperLemma, arguments: new Map() };
}

/** "2016-01-09" → 20160109; 0 when unknown. */
export function dateNumberOf(iso: string | null): number {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Number(iso.slice(0, 10).replaceAll('-', '')) : 0;
}

/**
 * The coder for one article: dictionaries, the article's date (YYYYMMDD, 0 unknown), and the
 * tokens that are never actors (a dateline the parser may have hung on the first clause).
 */
export class EventCoder {
  constructor(
    private readonly dicts: EventDictionaries,
    private readonly date: number,
    private readonly notActor: (token: number) => boolean = () => false,
  ) {}

  /**
   * The dictionary codes of a run of tokens (a noun phrase, an entity's name): the actor (the
   * one that covers `head` when several do: "the Afghan Taliban" is the Taliban; with
   * `actorAtHead`, only one that covers it) and the agents.
   */
  codeTokens(doc: Doc, tokens: readonly number[], head = -1, actorAtHead = false): string[] {
    const surface = (j: number): string => doc.word(j);
    const inside = new Set(tokens);
    let actor: string[] | null = null;
    let actorCoversHead = false;
    const before: string[] = [];
    const after: string[] = [];
    const lower = doc.tokens.lower;
    for (let n = 0; n < tokens.length; n++) {
      const i = tokens[n];
      if (!actorCoversHead) {
        const found = this.dicts.actors.longestAt(lower, i, surface);
        if (found && covers(inside, i, found.length)) {
          const codes = actorCodesOn(found.value, this.date);
          const coversHead = head >= i && head < i + found.length;
          if (codes.length > 0 && (actor === null || coversHead) && (coversHead || !actorAtHead)) {
            actor = codes;
            actorCoversHead = coversHead;
            n += found.length - 1;
            continue;
          }
        }
      }
      const agent = this.dicts.agents.longestAt(lower, i, surface);
      if (agent && covers(inside, i, agent.length)) {
        (agent.value.prefix ? before : after).push(agent.value.code);
        n += agent.length - 1;
      }
    }
    if (actor === null && before.length === 0 && after.length === 0) return [];
    return (actor ?? ['---']).map((code) => combine(code, before, after));
  }

  /** The events of sentence `s`, in predicate order (none when a discard phrase occurs in it). */
  codeSentence(doc: Doc, s: number): RawEvent[] {
    const { tokenStart, tokenEnd } = doc.sentences[s];
    if (this.discards(doc, tokenStart, tokenEnd) !== null) return [];
    const tree = buildTree(doc, tokenStart, tokenEnd);
    const frames = new Map<number, Frame>();
    for (let i = tokenStart; i < tokenEnd; i++) {
      const frame = this.frameOf(doc, tree, i, frames);
      if (frame) frames.set(i, frame);
    }
    const events: RawEvent[] = [];
    for (const frame of frames.values()) {
      if (frame.code === null || this.suppressed(doc, frame, frames)) continue;
      events.push(...this.emit(doc, tree, frame));
    }
    return events;
  }

  /** The strongest discard phrase in tokens `[start, end)`: 'story', 'sentence' or null. */
  private discards(doc: Doc, start: number, end: number): 'story' | 'sentence' | null {
    let found: 'story' | 'sentence' | null = null;
    const surface = (j: number): string => doc.word(j);
    for (let i = start; i < end && found !== 'story'; i++) found = this.dicts.discards.longestAt(doc.tokens.lower, i, surface)?.value ?? found;
    return found;
  }

  /** True when the whole text should be skipped (a story-level discard phrase occurs). */
  discardsStory(doc: Doc): boolean {
    return this.discards(doc, 0, doc.tokenCount) === 'story';
  }

  /** The predicate frame of token `i` when it is a dictionary verb or a governed action noun. */
  private frameOf(doc: Doc, tree: Tree, i: number, frames: Map<number, Frame>): Frame | null {
    const upos = doc.upos(i);
    let nominal = false;
    let phrase = i;
    let entries: VerbEntry[] | undefined;
    if (upos === 'VERB') {
      // "Rovers beat City 3-1", "the Lakers defeated the Celtics 112-108": a game's result, no assault.
      if (hasScore(doc, i) || breaksNoOne(doc, i) || (SPORTING_SENSES.has(doc.tokens.lemma[i]) && isSportsReport(doc))) return null;
      entries = this.verbEntries(doc.tokens.lower[i], doc.tokens.lemma[i]);
    } else if (upos === 'NOUN') {
      // "a communication channel with the Taliban": the action noun may modify the phrase's head.
      phrase = doc.tokens.deprel[i] === 'compound' && doc.upos(doc.tokens.head[i]) === 'NOUN' ? doc.tokens.head[i] : i;
      if (this.governedAction(doc, tree, phrase, frames)) {
        nominal = true;
        entries = this.nounEntries(doc.tokens.lemma[i] || doc.tokens.lower[i]);
      }
    }
    if (!entries || entries.length === 0) return null;
    const entry = this.pickEntry(doc, tree, i, entries);
    if (!entry) return null;
    const before = this.sequence(doc, tree, phraseRoot(doc, i), i, true);
    const shared = nominal ? sharedArguments(doc, tree, phrase) : [];
    const after = this.sequence(doc, tree, phrase, i, false);
    for (const k of shared) after.push(k, ...this.sequence(doc, tree, k, k, false));
    after.sort((a, b) => a - b);
    let best: { pattern: VerbPattern; slots: Slots } | null = null;
    const present = new Set<string>();
    for (const k of before) present.add(tree.upper[k - tree.base]).add(tree.upperLemma[k - tree.base]);
    for (const k of after) present.add(tree.upper[k - tree.base]).add(tree.upperLemma[k - tree.base]);
    for (const pattern of candidatePatterns(this.dicts.blocks[entry.block], present)) {
      if (best && pattern.weight <= best.pattern.weight) continue;
      // Most patterns name a word the clause lacks: a set lookup rules them out.
      if (!pattern.anchors.every((words) => words.some((w) => present.has(w)))) continue;
      const slots = matchPattern(tree, pattern, before, after);
      if (slots) best = { pattern, slots };
    }
    return {
      token: i,
      phrase,
      shared,
      nominal,
      code: best ? best.pattern.code : entry.code,
      slots: best?.slots ?? null,
      after,
    };
  }

  /** A noun is an action when an uncoded or negating verb governs it as object and it has an argument of its own. */
  private governedAction(doc: Doc, tree: Tree, i: number, frames: Map<number, Frame>): boolean {
    let k = i;
    while (baseRelation(doc.tokens.deprel[k]) === 'conj' && doc.upos(doc.tokens.head[k]) === 'NOUN') k = doc.tokens.head[k];
    if (baseRelation(doc.tokens.deprel[k]) !== 'obj') return false;
    const governor = doc.tokens.head[k];
    // A denial's object is the event denied ("denied any exchange of information"), whatever the denial's own code.
    if (governor < 0 || (frames.get(governor)?.code && !NEGATING.has(doc.tokens.lemma[governor]))) return false;
    const own = (n: number): boolean => tree.kids[n - tree.base].some((c) => baseRelation(doc.tokens.deprel[c]) === 'nmod');
    return own(i) || (k !== i && own(k)) || tree.kids[i - tree.base].some((c) => baseRelation(doc.tokens.deprel[c]) === 'conj' && own(c));
  }

  /**
   * The written form first (dictionaries list some forms apart: "MET" is not "MEET"), then the
   * lemma, then the form without a regular ending ("boycotted" → BOYCOTT).
   */
  private verbEntries(lower: string, lemma: string): VerbEntry[] | undefined {
    if (FORMS_OF_OTHER_VERBS.has(lower)) return undefined;
    const verbs = this.dicts.verbs;
    // A form can open a compound entry of its own ("+ATTACKED_AND_STABBED", "+KILLED_AND_…"):
    // the verb's entries under its lemma count too, or "Russia attacked Ukraine" codes nothing.
    const own = verbs.get(lower) ?? [];
    const base = lemma !== lower ? verbs.get(lemma) ?? [] : [];
    const found = [...own, ...base.filter((entry) => !own.includes(entry))];
    if (found.length > 0) return found;
    for (const ending of REGULAR_ENDINGS) if (lower.endsWith(ending) && verbs.has(lower.slice(0, -ending.length))) return verbs.get(lower.slice(0, -ending.length));
    return undefined;
  }

  /** "exchange" → EXCHANGE; "negotiation(s)" → NEGOTIATE; "sharing" → SHARE. */
  private nounEntries(lemma: string): VerbEntry[] | undefined {
    const verbs = this.dicts.verbs;
    if (verbs.has(lemma)) return verbs.get(lemma);
    if (lemma.endsWith('ation')) return verbs.get(`${lemma.slice(0, -5)}ate`);
    if (lemma.endsWith('ing')) return verbs.get(lemma.slice(0, -3)) ?? verbs.get(`${lemma.slice(0, -3)}e`);
    return undefined;
  }

  /** The longest multi-word entry whose other words stand around the verb (particles, `WIRE_+TAP`). */
  private pickEntry(doc: Doc, tree: Tree, i: number, entries: VerbEntry[]): VerbEntry | null {
    let best: VerbEntry | null = null;
    for (const entry of entries) {
      const fits =
        entry.before.every((w, n) => tree.upper[i - entry.before.length + n - tree.base] === w) &&
        entry.after.every((w, n) => tree.upper[i + 1 + n - tree.base] === w || tree.kids[i - tree.base].some((c) => doc.tokens.deprel[c] === 'compound:prt' && tree.upper[c - tree.base] === w));
      if (fits && (!best || entry.before.length + entry.after.length > best.before.length + best.after.length)) best = entry;
    }
    return best;
  }

  /** The tokens of `root`'s phrase before (or after) `verb`, in text order, other clauses left out. */
  private sequence(doc: Doc, tree: Tree, root: number, verb: number, before: boolean): number[] {
    const out: number[] = [];
    // The subject of what a verb of saying reports is no object of the saying: "said the
    // restrictions would destroy crops" announces no restrictions (SAY's "- * RESTRICTIONS
    // [160]"), while "said it will support" keeps its "* WILL SUPPORT".
    const said = SAYING.has(doc.tokens.lemma[verb]) ? new Set(tree.kids[verb - tree.base].filter((c) => baseRelation(doc.tokens.deprel[c]) === 'ccomp')) : null;
    const visit = (k: number, top: boolean): void => {
      for (const c of tree.kids[k - tree.base]) {
        const rel = baseRelation(doc.tokens.deprel[c]);
        if (said?.has(k) && rel === 'nsubj') continue;
        // Before the verb, the whole subject counts ("death and injury toll *").
        if (OUTSIDE_PHRASE.has(rel) && !(before && (rel === 'cc' || rel === 'conj'))) continue;
        if (c === verb) continue;
        if (!before && top && (rel === 'nsubj' || rel === 'csubj')) continue;
        if (before ? c < verb : c > verb) out.push(c);
        visit(c, false);
      }
    };
    visit(root, true);
    if (before && root !== verb) {
      // The governing verbs themselves ("failed to *", "was seen to *").
      for (let k = verb; k !== root; k = doc.tokens.head[k]) if (doc.tokens.head[k] < verb) out.push(doc.tokens.head[k]);
    }
    return out.sort((a, b) => a - b);
  }

  /** An xcomp whose governing verb is coded is part of that verb's event ("urged Bree to help" is one 102). */
  private suppressed(doc: Doc, frame: Frame, frames: Map<number, Frame>): boolean {
    const rel = baseRelation(doc.tokens.deprel[frame.token]);
    if (rel !== 'xcomp') return false;
    return Boolean(frames.get(doc.tokens.head[frame.token])?.code);
  }

  private emit(doc: Doc, tree: Tree, frame: Frame): RawEvent[] {
    const { sources, targets } = this.actorsOf(doc, tree, frame);
    const negated = this.negated(doc, tree, frame.token);
    const modality = modalityOf(doc, tree, frame.token);
    const [primary, reverse] = (frame.code as string).split(':');
    const out: RawEvent[] = [];
    const push = (code: string, source: EventArgument | null, target: EventArgument | null): void => {
      if (code) out.push({ predicate: frame.token, code, source, target, negated, modality });
    };
    if (targets.length === 0 && sources.length > 1 && cameoRoot(primary) !== '01') {
      // "Gondor and Osgiliath renewed ties": each conjunct is the other's partner (not so for statements).
      for (const a of sources) for (const b of sources) if (a !== b) push(primary, a, b);
      return out;
    }
    if (sources.length === 0 && targets.length === 0) return [];
    // "A storm killed three people": weather and disease act on no one's behalf.
    if (sources.length > 0 && sources.every((s) => s.codes.length === 0 && NATURAL_FORCES.has(doc.tokens.lemma[s.head]))) return [];
    // A meeting needs someone met: "facing the worst drought in a century" consults no one.
    if (targets.length === 0 && cameoRoot(primary) === '04') return [];
    for (const source of sources.length > 0 ? sources : [null]) {
      for (const target of targets.length > 0 ? targets : [null]) {
        push(primary, source, target);
        if (reverse && source && target) push(reverse, target, source);
      }
    }
    return out;
  }

  /** Source and target phrases: pattern slots first, then the tree (voice, objects, conjuncts). */
  private actorsOf(doc: Doc, tree: Tree, frame: Frame): { sources: EventArgument[]; targets: EventArgument[] } {
    const i = frame.token;
    const passive = tree.kids[i - tree.base].some((c) => doc.tokens.deprel[c] === 'nsubj:pass' || doc.tokens.deprel[c] === 'aux:pass');
    const subjects = frame.nominal ? this.nominalSubjects(doc, tree, frame.phrase) : subjectsOf(doc, tree, i);
    let sourceHeads: number[];
    let targetHeads: number[];
    const agents = passive ? tree.kids[i - tree.base].filter((c) => doc.tokens.deprel[c] === 'obl:agent' || (baseRelation(doc.tokens.deprel[c]) === 'obl' && hasCase(doc, tree, c, 'by'))) : [];
    if (agents.length > 0) {
      sourceHeads = agents;
      targetHeads = subjects;
    } else {
      // A passive without its agent keeps its subject as the source, as PETRARCH does
      // ("The Philippines was criticized over its dispute with Eriador").
      sourceHeads = subjects;
      targetHeads = this.firstCodedObject(doc, tree, frame.phrase, frame.shared);
    }
    const slot = (at: number | undefined): number[] | null => {
      if (at === undefined) return null;
      for (let n = at; n < frame.after.length; n++) {
        const k = frame.after[n];
        if (this.dicts.actors.longestAt(doc.tokens.lower, k, (j) => doc.word(j))) return [nounPhraseHead(doc, k)];
      }
      return null;
    };
    if (frame.slots) {
      const source = slot(frame.slots.source);
      const target = slot(frame.slots.target);
      if (frame.slots.targetIsSubject) {
        targetHeads = subjects;
        sourceHeads = source ?? [];
      } else {
        if (source) {
          targetHeads = sourceHeads;
          sourceHeads = source;
        }
        if (target) targetHeads = target;
      }
    }
    const argumentsOf = (heads: number[]): EventArgument[] =>
      withConjuncts(doc, tree, heads)
        .filter((h) => !this.notActor(h))
        .flatMap((h) => [this.argument(doc, tree, h), ...this.sharedHeadArguments(doc, tree, h)]);
    return { sources: argumentsOf(sourceHeads), targets: argumentsOf(targetHeads) };
  }

  /** The subject of the verb that governs a nominal action, or the noun's possessor ("Russia's support"). */
  private nominalSubjects(doc: Doc, tree: Tree, i: number): number[] {
    const possessor = tree.kids[i - tree.base].filter((c) => doc.tokens.deprel[c] === 'nmod:poss');
    if (possessor.length > 0) return possessor;
    let k = i;
    while (baseRelation(doc.tokens.deprel[k]) === 'conj' && doc.upos(doc.tokens.head[k]) === 'NOUN') k = doc.tokens.head[k];
    const governor = doc.tokens.head[k];
    return governor >= 0 ? subjectsOf(doc, tree, governor) : [];
  }

  /**
   * Objects, then prepositional objects, then the arguments inside those ("ties with Gondor",
   * "the roads leading into Mordor"), then the subject of a complement clause ("Arnor believes
   * Dagolath can cope"): the first that holds an actor.
   */
  private firstCodedObject(doc: Doc, tree: Tree, i: number, shared: readonly number[] = []): number[] {
    const rel = (c: number): string => baseRelation(doc.tokens.deprel[c]);
    const isObject = (c: number): boolean =>
      rel(c) === 'obj' || rel(c) === 'nmod' || (rel(c) === 'obl' && doc.tokens.deprel[c] !== 'obl:agent' && doc.tokens.deprel[c] !== 'obl:tmod' && !hasCase(doc, tree, c, 'by'));
    const kids = tree.kids[i - tree.base];
    const direct = [...kids.filter((c) => rel(c) === 'iobj'), ...kids.filter((c) => rel(c) === 'obj'), ...kids.filter((c) => rel(c) !== 'obj' && isObject(c)), ...shared];
    const ordered = [...direct];
    for (const o of [...direct, ...kids.filter((c) => rel(c) === 'xcomp')]) {
      for (const c of tree.kids[o - tree.base]) {
        if (isObject(c)) ordered.push(c);
        // "the roads leading into Mordor", "memos sent by Bree".
        else if (rel(c) === 'acl') ordered.push(...tree.kids[c - tree.base].filter((k) => isObject(k) || rel(k) === 'obl'));
      }
    }
    for (const clause of kids.filter((c) => rel(c) === 'ccomp' && c > i)) ordered.push(...tree.kids[clause - tree.base].filter((c) => rel(c) === 'nsubj'));
    // A named actor ("the Taliban") before a bare agent ("intelligence" → ---SPY).
    let agentOnly: number | null = null;
    for (const head of ordered) {
      const { codes } = this.argument(doc, tree, head);
      if (codes.some((code) => !code.startsWith('---'))) return [this.actorHeadWithin(doc, tree, head)];
      if (agentOnly === null && codes.length > 0) agentOnly = head;
    }
    return agentOnly === null ? [] : [this.actorHeadWithin(doc, tree, agentOnly)];
  }

  /**
   * The head of the actor phrase inside an object ("ties between Gondor and Osgiliath" → Gondor),
   * so that its conjuncts count too; the object itself when it is the actor's phrase ("Gondor's government").
   */
  private actorHeadWithin(doc: Doc, tree: Tree, head: number): number {
    for (const k of nounPhrase(doc, tree, head)) {
      if (!this.dicts.actors.longestAt(doc.tokens.lower, k, (j) => doc.word(j))) continue;
      return nounPhraseHead(doc, k);
    }
    return head;
  }

  /**
   * "Eriadori and Calenardhon leaders", "the ambassadors of Arnor, Osgiliath and Gondor": the
   * conjuncts of a modifier share the head noun, so each names an actor of its own (the first is
   * the phrase itself).
   */
  private sharedHeadArguments(doc: Doc, tree: Tree, head: number): EventArgument[] {
    const out: EventArgument[] = [];
    for (const modifier of tree.kids[head - tree.base]) {
      const rel = doc.tokens.deprel[modifier];
      if (rel !== 'compound' && rel !== 'nmod') continue;
      for (const other of tree.kids[modifier - tree.base]) {
        if (baseRelation(doc.tokens.deprel[other]) !== 'conj') continue;
        const tokens = [...nounPhrase(doc, tree, other), head];
        const codes = this.codeTokens(doc, tokens, other);
        if (codes.length > 0) out.push({ head: other, tokens: tokens.sort((a, b) => a - b), codes });
      }
    }
    return out;
  }

  /**
   * Codes a phrase; when the phrase itself holds no actor, its apposition may ("Kabulov, official
   * at the foreign ministry"). Computed once per head and sentence; callers only read the result.
   */
  argument(doc: Doc, tree: Tree, head: number): EventArgument {
    const known = tree.arguments.get(head);
    if (known) return known;
    const tokens = nounPhrase(doc, tree, head);
    let codes = this.codeTokens(doc, tokens, head);
    if (codes.length === 0) {
      for (const c of tree.kids[head - tree.base]) {
        if (doc.tokens.deprel[c] !== 'appos') continue;
        codes = this.codeTokens(doc, nounPhrase(doc, tree, c));
        if (codes.length > 0) break;
      }
    }
    const coded = { head, tokens, codes };
    tree.arguments.set(head, coded);
    return coded;
  }

  /** Negated by "not"/"never", or governed by a negating verb that is not itself negated. */
  private negated(doc: Doc, tree: Tree, i: number): boolean {
    // "not share", and "share no information": a negative determiner on the object negates too.
    let negated = hasNegator(doc, tree, i) || tree.kids[i - tree.base].some((c) => baseRelation(doc.tokens.deprel[c]) === 'obj' && tree.kids[c - tree.base].some((d) => doc.tokens.lower[d] === 'no'));
    let k = i;
    while (baseRelation(doc.tokens.deprel[k]) === 'conj') k = doc.tokens.head[k];
    const rel = baseRelation(doc.tokens.deprel[k]);
    const governor = doc.tokens.head[k];
    if (governor >= 0 && (rel === 'xcomp' || rel === 'obj' || rel === 'ccomp') && NEGATING.has(doc.tokens.lemma[governor])) {
      if (!hasNegator(doc, tree, governor)) negated = !negated;
    }
    return negated;
  }
}

/** Positions in the `after` sequence where `$` and `+` stood; `+` before the verb makes the subject the target. */
interface Slots {
  source?: number;
  target?: number;
  targetIsSubject: boolean;
}

interface Frame {
  token: number;
  /** The phrase the predicate heads or modifies: the token itself, or the head noun of a compound ("communication channel"). */
  phrase: number;
  /** Arguments a conjoined action noun shares with the first conjunct ("negotiations or exchange of information with Russia"). */
  shared: number[];
  nominal: boolean;
  code: string | null;
  slots: Slots | null;
  /** The tokens after the verb its patterns were matched against. */
  after: number[];
}

/** The block's patterns, in order, that have a word of their smallest anchor group in `present`. */
function candidatePatterns(block: VerbBlock, present: ReadonlySet<string>): VerbPattern[] {
  const marked = new Uint8Array(block.patterns.length);
  for (const index of block.byAnchor.get('') ?? []) marked[index] = 1;
  for (const word of present) {
    const found = block.byAnchor.get(word);
    if (found) for (const index of found) marked[index] = 1;
  }
  const out: VerbPattern[] = [];
  for (let index = 0; index < marked.length; index++) if (marked[index] === 1) out.push(block.patterns[index]);
  return out;
}

/** Matches a pattern's elements in order (gaps allowed) before and after the verb. */
function matchPattern(tree: Tree, pattern: VerbPattern, before: number[], after: number[]): Slots | null {
  const slots: Slots = { targetIsSubject: false };
  if (!matchSide(tree, pattern.before, before, null)) return null;
  if (pattern.before.some((e) => e.kind === 'target')) slots.targetIsSubject = true;
  return matchSide(tree, pattern.after, after, slots) ? slots : null;
}

function matchSide(tree: Tree, elements: PatternElement[], tokens: number[], slots: Slots | null): boolean {
  let at = 0;
  for (const element of elements) {
    if (element.kind !== 'words') {
      if (slots) slots[element.kind] = at;
      continue;
    }
    let found = -1;
    for (let n = at; n < tokens.length && found < 0; n++) {
      for (const words of element.alternatives) {
        if (words.every((w, m) => n + m < tokens.length && wordMatches(tree, tokens[n + m], w))) {
          found = n + words.length;
          break;
        }
      }
    }
    if (found < 0) return false;
    at = found;
  }
  return true;
}

/** "broke the world record", "broke his silence", "broke the news": a break that harms no one. */
function breaksNoOne(doc: Doc, i: number): boolean {
  if (doc.tokens.lemma[i] !== 'break') return false;
  const { head, deprel, lemma } = doc.tokens;
  for (let k = i + 1; k < Math.min(doc.tokenCount, i + 8); k++) {
    if (head[k] === i && deprel[k] === 'obj' && UNHARMED_BREAKS.has(lemma[k])) return true;
  }
  return false;
}
const UNHARMED_BREAKS = new Set(['record', 'silence', 'news', 'ground', 'barrier', 'deadlock', 'stalemate', 'fast']);

/**
 * Verbs a match report uses for play: "Mbeki hit back", "Whitlow shot", "the Stags led by 11",
 * "took the lead", "fired home", "edged", "stunned". In a sports report they are no violence,
 * cooperation or seizure.
 */
const SPORTING_SENSES = new Set([
  'hit', 'shoot', 'shot', 'beat', 'strike', 'attack', 'defend', 'lead', 'take', 'fire', 'smash', 'crush', 'thrash', 'hammer',
  'edge', 'sink', 'stun', 'rout', 'battle', 'fight', 'capture', 'claim', 'seize', 'punish', 'knock', 'kill', 'destroy',
  'dominate', 'storm', 'charge', 'block', 'tackle', 'eliminate', 'oust', 'dump', 'threaten', 'surrender', 'bomb', 'blast',
  'down', 'topple', 'overpower', 'outlast', 'survive', 'retreat', 'invade', 'conquer', 'trounce', 'maul', 'batter',
]);

/** Words of a match report: the game, its parts, its people and its figures. */
const SPORTS_WORDS = new Set([
  'match', 'game', 'season', 'league', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'goal',
  'goals', 'points', 'quarter', 'overtime', 'innings', 'inning', 'wicket', 'wickets', 'half-time', 'halftime', 'penalty',
  'playoff', 'playoffs', 'championship', 'tournament', 'derby', 'referee', 'fixture', 'rebounds', 'assists', 'touchdown',
  'lap', 'podium', 'kick-off', 'kickoff', 'squad', 'cup', 'final', 'semi-final', 'quarter-final', 'three-pointer',
  'tries', 'tiebreak', 'stadium', 'fans', 'scored', 'scoring', 'scorer', 'teammates', 'opponents',
]);

/** Distinct match-report words that make an article one, with a score somewhere in it. */
const SPORTS_EVIDENCE = 4;

const sportsReports = new WeakMap<Doc, boolean>();

/** Whether the article reports a game: a score, and several words only match reports use together. */
function isSportsReport(doc: Doc): boolean {
  let known = sportsReports.get(doc);
  if (known === undefined) {
    const seen = new Set<string>();
    let scored = false;
    for (let k = 0; k < doc.tokenCount; k++) {
      const lower = doc.tokens.lower[k];
      if (SPORTS_WORDS.has(lower)) seen.add(lower);
      else if (isScore(lower)) scored = true;
    }
    known = scored && seen.size >= SPORTS_EVIDENCE;
    sportsReports.set(doc, known);
  }
  return known;
}

/** Whether a score hangs on verb `i` or on its object, within the few words after it. */
function hasScore(doc: Doc, i: number): boolean {
  const { head } = doc.tokens;
  const end = Math.min(doc.tokenCount, i + 8);
  for (let k = i + 1; k < end; k++) {
    if (!isScore(doc.tokens.lower[k])) continue;
    const parent = head[k];
    if (parent === i || (parent >= 0 && head[parent] === i)) return true;
  }
  return false;
}

function wordMatches(tree: Tree, token: number, word: string): boolean {
  return tree.upper[token - tree.base] === word || tree.upperLemma[token - tree.base] === word;
}

function covers(inside: Set<number>, start: number, length: number): boolean {
  for (let k = start; k < start + length; k++) if (!inside.has(k)) return false;
  return true;
}

/** PETRARCH's combination of an actor code with agent codes: "NGO" + "ARN" + "GOV". */
function combine(actor: string, before: string[], after: string[]): string {
  let code = actor;
  for (const agent of after) if (!holds(code, agent)) code += agent;
  for (const agent of before.slice().reverse()) if (!holds(code, agent)) code = agent + code;
  return code;
}

/** True when `code` already has `agent` at a three-letter boundary ("HGWGOVMED" holds "GOVMED"). */
function holds(code: string, agent: string): boolean {
  for (let k = 0; k + agent.length <= code.length; k += 3) if (code.startsWith(agent, k)) return true;
  return false;
}

function hasCase(doc: Doc, tree: Tree, i: number, word: string): boolean {
  return tree.kids[i - tree.base].some((c) => doc.tokens.deprel[c] === 'case' && doc.tokens.lower[c] === word);
}

function hasNegator(doc: Doc, tree: Tree, i: number): boolean {
  return tree.kids[i - tree.base].some((c) => {
    const rel = baseRelation(doc.tokens.deprel[c]);
    return (rel === 'advmod' || rel === 'neg' || rel === 'det') && NEGATORS.has(doc.tokens.lower[c]);
  });
}

/** The verb whose phrase a verb's pattern may reach back into: up through xcomp chains ("is about to restore"). */
function phraseRoot(doc: Doc, i: number): number {
  let k = i;
  while (baseRelation(doc.tokens.deprel[k]) === 'xcomp' && doc.tokens.head[k] >= 0) k = doc.tokens.head[k];
  return k;
}

/** Subject heads of verb `i`: its own, else those of the verb it is conjoined to or complements. */
function subjectsOf(doc: Doc, tree: Tree, i: number, depth = 0): number[] {
  const { deprel, head } = doc.tokens;
  const own = tree.kids[i - tree.base].filter((c) => baseRelation(deprel[c]) === 'nsubj');
  // "Ethiopia indicated it would act": the pronoun is the reporting clause's subject.
  if (own.length === 1 && PERSONAL_PRONOUNS.has(doc.tokens.lower[own[0]]) && baseRelation(deprel[i]) === 'ccomp' && head[i] >= 0 && depth < 8) {
    const outer = subjectsOf(doc, tree, head[i], depth + 1);
    if (outer.length > 0) return outer;
  }
  if (own.length > 0) {
    // A relative pronoun stands for the noun the relative clause modifies.
    return own.map((s) => (RELATIVE_PRONOUNS.has(doc.tokens.lower[s]) && deprel[i] === 'acl:relcl' && head[i] >= 0 ? head[i] : s));
  }
  const rel = baseRelation(deprel[i]);
  const governor = head[i];
  if (governor < 0 || depth > 8) return [];
  if (deprel[i] === 'acl:relcl') return [governor];
  if (rel === 'xcomp') {
    // Object control: "urged Bree to help" → Bree helps.
    const object = tree.kids[governor - tree.base].filter((c) => baseRelation(deprel[c]) === 'obj');
    return object.length > 0 && DEMANDING.has(doc.tokens.lemma[governor]) ? object : subjectsOf(doc, tree, governor, depth + 1);
  }
  if (rel === 'conj' || rel === 'advcl' || rel === 'acl') {
    // "channels for exchanging information": the clause's subject acts.
    let k = governor;
    while (k >= 0 && doc.upos(k) !== 'VERB' && doc.upos(k) !== 'AUX' && tree.kids[k - tree.base].every((c) => baseRelation(deprel[c]) !== 'nsubj')) k = head[k];
    return k >= 0 ? subjectsOf(doc, tree, k, depth + 1) : [];
  }
  return [];
}

/** The first conjunct's prepositional arguments after a conjoined noun: UD hangs shared dependents on the first conjunct. */
function sharedArguments(doc: Doc, tree: Tree, i: number): number[] {
  if (baseRelation(doc.tokens.deprel[i]) !== 'conj') return [];
  const first = doc.tokens.head[i];
  if (first < 0 || doc.upos(first) !== 'NOUN') return [];
  return tree.kids[first - tree.base].filter((c) => c > i && baseRelation(doc.tokens.deprel[c]) === 'nmod');
}

/** Heads plus their conjuncts ("Russia and the Taliban"), in text order, unique. */
function withConjuncts(doc: Doc, tree: Tree, heads: number[]): number[] {
  const out = new Set<number>();
  const add = (h: number): void => {
    if (out.has(h)) return;
    out.add(h);
    for (const c of tree.kids[h - tree.base]) if (baseRelation(doc.tokens.deprel[c]) === 'conj' && doc.upos(c) !== 'VERB') add(c);
  };
  for (const h of heads) add(h);
  return [...out].sort((a, b) => a - b);
}

/** The head of the noun phrase a token belongs to ("Gondor" in "Gondor's government" → government). */
function nounPhraseHead(doc: Doc, i: number): number {
  let k = i;
  const inner = new Set(['compound', 'flat', 'amod', 'nmod:poss', 'det', 'nummod']);
  while (inner.has(doc.tokens.deprel[k]) && doc.tokens.head[k] >= 0) k = doc.tokens.head[k];
  return k;
}

/** The tokens of the noun phrase headed by `head`, without clauses, appositions, conjuncts. */
function nounPhrase(doc: Doc, tree: Tree, head: number): number[] {
  const out = [head];
  const visit = (k: number): void => {
    for (const c of tree.kids[k - tree.base]) {
      const rel = baseRelation(doc.tokens.deprel[c]);
      // The phrase's own preposition ("with Gondor") is not part of it; inner ones are ("Ministry of Silly Walks").
      if (OUTSIDE_NOUN_PHRASE.has(rel) || (k === head && rel === 'case')) continue;
      out.push(c);
      visit(c);
    }
  };
  visit(head);
  return out.sort((a, b) => a - b);
}

/** Future or possible from the auxiliaries (the verb's, or those of the verbs it complements); demanded under "urge". */
function modalityOf(doc: Doc, tree: Tree, i: number): Modality {
  let k = i;
  for (let depth = 0; k >= 0 && depth < 8; depth++) {
    for (const c of tree.kids[k - tree.base] ?? []) {
      if (baseRelation(doc.tokens.deprel[c]) !== 'aux') continue;
      const word = doc.tokens.lower[c];
      if (FUTURE_AUX.has(word)) return 'future';
      if (POSSIBLE_AUX.has(word)) return 'possible';
    }
    const rel = baseRelation(doc.tokens.deprel[k]);
    const governor = doc.tokens.head[k];
    if (governor >= 0 && (rel === 'xcomp' || rel === 'ccomp') && DEMANDING.has(doc.tokens.lemma[governor])) return 'demanded';
    if (rel !== 'xcomp' && rel !== 'conj') break;
    k = governor;
  }
  return 'asserted';
}
