import { PhraseTrie } from './phrase-trie.js';


/**
 * Readers for the PETRARCH dictionary formats (Open Event Data Alliance, MIT): verb patterns
 * with CAMEO codes, actors with date-ranged codes, agents and discards. Pure: each takes the
 * file's text. The shipped Phoenix/CAMEO tables (lexicon/generated/petrarch.ts) and the
 * validation dictionaries `eval events` reads from disk go through the same readers.
 */

/** One element of a verb pattern: words (any alternative, each a run of consecutive words) or an actor slot. */
export type PatternElement =
  | { kind: 'words'; alternatives: string[][] }
  /** `$` the source actor, `+` the target actor. */
  | { kind: 'source' | 'target' };

export interface VerbPattern {
  /** Elements before the verb (`*`), in text order. */
  before: PatternElement[];
  /** Elements after the verb, in text order. */
  after: PatternElement[];
  /** CAMEO code as written: "064", "042:043" (reverse event after the colon), ":173", or null for `---`. */
  code: string | null;
  /** Words the pattern names (a run of joined words counts each): longer patterns win. */
  weight: number;
  /** For each word element, the words one of its alternatives starts with: a quick test before matching. */
  anchors: string[][];
}

export interface VerbBlock {
  name: string;
  /** The block's default code, null for `---`. */
  code: string | null;
  /** Read on first use: an article's verbs touch few of the ~300 blocks. */
  readonly patterns: VerbPattern[];
  /**
   * Indexes into `patterns` by the words of each pattern's smallest anchor group, ascending: a
   * pattern can match only a clause holding one of them. Patterns without anchors are under ''.
   */
  readonly byAnchor: Map<string, number[]>;
}

/** One verb form of a block: "ASK" or the multi-word "ASK_FOR", "WIRE_TAP". */
export interface VerbEntry {
  block: number;
  /** Words that must precede the verb ("WIRE" in WIRE_+TAP), upper case. */
  before: string[];
  /** Words that must follow it (particles: "DOWN" in BREAK_DOWN), upper case. */
  after: string[];
  /** The entry's own code (`ASK [020]`), else the block's; null for none. */
  code: string | null;
}

/** A code valid from `from` to `to` (YYYYMMDD numbers, both inclusive). */
export interface DatedCode {
  codes: string[];
  from: number;
  to: number;
}

/** An actor's codes: date ranges first (first match wins), then the undated default. */
export interface ActorCodes {
  dated: DatedCode[];
  codes: string[];
}

/** An agent ("police" → COP): appended to the actor's code (`~COP`), or put before it (`NGO~`). */
export interface AgentCode {
  code: string;
  prefix: boolean;
}

export interface EventDictionaries {
  blocks: VerbBlock[];
  /** Verb forms (lower case: base form, listed irregular forms) → entries. */
  verbs: Map<string, VerbEntry[]>;
  actors: ActorIndex;
  agents: PhraseTrie<AgentCode>;
  /** Phrases that discard the sentence ("sentence") or the whole story ("story"). */
  discards: PhraseTrie<'sentence' | 'story'>;
}

/** The texts of the four dictionaries (PETRARCH's Verbfile, Actorfile(s), Agentfile, Discardfile). */
export interface DictionaryTexts {
  verbs: string;
  actors: string[];
  agents: string;
  discards: string;
}

export function readDictionaries(texts: DictionaryTexts): EventDictionaries {
  const { blocks, verbs } = readVerbs(texts.verbs);
  const actors = new ActorIndex();
  for (const text of texts.actors) actors.add(text);
  return { blocks, verbs, actors, agents: readAgents(texts.agents), discards: readDiscards(texts.discards) };
}

/** Drops `#` comments and `<!-- -->` lines; keeps leading white space (it marks code lines). */
function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => {
    const hash = line.indexOf('#');
    return (hash >= 0 ? line.slice(0, hash) : line).trimEnd();
  }).filter((line) => !line.trimStart().startsWith('<'));
}

/** "ARMED_FORCES_" → "ARMED FORCES": underscores join words; a trailing one marks "no plural". */
function phrase(word: string): string {
  return word.replace(/_+$/, '').replace(/_/g, ' ').trim();
}

const NO_CODE = new Set(['---', '+++', '']);
const MALFORMED_CODE = /[^0-9A-Za-z:-]/;

function code(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return NO_CODE.has(trimmed) || MALFORMED_CODE.test(trimmed) ? null : trimmed;
}

/**
 * Adds a dictionary phrase to a trie. Phrases split at spaces, which is how the tokenizer splits
 * names ("U.S.", "AL-QAEDA" stay whole): building the tries for the ~100,000 Phoenix names must be
 * fast, so no tokenizer runs. Two- and three-letter all-capital entries ("IS", "UN") match only
 * that spelling.
 */
function addPhrase<V>(trie: PhraseTrie<V>, phrase: string, value: V): void {
  const words = phrase.split(' ').filter(Boolean);
  const cased = words.length === 1 && /^[A-Z]{2,3}$/.test(words[0]) ? words[0] : null;
  trie.addWords(words.map((w) => w.toLowerCase()), value, cased);
}

// ---- verbs ---------------------------------------------------------------------------------

export function readVerbs(text: string): { blocks: VerbBlock[]; verbs: Map<string, VerbEntry[]> } {
  const synsets = new Map<string, string[]>();
  const blocks: VerbBlock[] = [];
  const verbs = new Map<string, VerbEntry[]>();
  const patternLines: string[][] = [];
  // Synsets may be defined after the blocks that use them: patterns are read after all lines.
  const expanded = new Map<string, string[][]>();
  const read = (line: string): VerbPattern | null => readPattern(line, synsets, expanded);
  let synset: string[] | null = null;
  for (const raw of lines(text)) {
    const line = raw.trim();
    if (line === '') {
      synset = null;
      continue;
    }
    const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s*---/.exec(line);
    if (header) {
      synset = null;
      const own: string[] = [];
      patternLines.push(own);
      let patterns: VerbPattern[] | null = null;
      let byAnchor: Map<string, number[]> | null = null;
      blocks.push({
        name: header[1],
        code: code(header[2]),
        get patterns() {
          return (patterns ??= own.map(read).filter((p): p is VerbPattern => p !== null));
        },
        get byAnchor() {
          return (byAnchor ??= indexAnchors(this.patterns));
        },
      });
      continue;
    }
    if (line.startsWith('&')) {
      synset = [];
      synsets.set(line.split(/\s+/)[0].replace(/_$/, ''), synset);
      continue;
    }
    if (synset && line.startsWith('+')) {
      synset.push(line.slice(1).trim());
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (!block) continue;
    if (line.startsWith('-')) patternLines[blocks.length - 1].push(line.slice(1));
    else addVerbLine(line, blocks.length - 1, block, verbs);
  }
  return { blocks, verbs };
}

function indexAnchors(patterns: readonly VerbPattern[]): Map<string, number[]> {
  const byAnchor = new Map<string, number[]>();
  patterns.forEach((pattern, index) => {
    const smallest = pattern.anchors.reduce<string[] | null>((best, words) => (best === null || words.length < best.length ? words : best), null);
    for (const word of new Set(smallest ?? [''])) {
      const indexes = byAnchor.get(word);
      if (indexes) indexes.push(index);
      else byAnchor.set(word, [index]);
    }
  });
  return byAnchor;
}

/** `SPEED {SPEEDING SPEEDS SPED} [042]`, `+ASK_FOR {+ASKED_FOR …}`, `KLM_NOP_+RST [002]`. */
function addVerbLine(line: string, blockIndex: number, block: VerbBlock, verbs: Map<string, VerbEntry[]>): void {
  const codeMatch = /\[([^\]]*)\]/.exec(line);
  const entryCode = codeMatch ? code(codeMatch[1]) : block.code;
  const forms = /\{([^}]*)\}/.exec(line);
  const head = line.replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ').trim().split(/\s+/)[0];
  if (!head) return;
  const shape = verbShape(head);
  const entry: VerbEntry = { block: blockIndex, before: shape.before, after: shape.after, code: entryCode };
  const keys = new Set([shape.verb]);
  for (const form of forms ? forms[1].trim().split(/\s+/).filter(Boolean) : []) keys.add(verbShape(form).verb);
  for (const key of keys) {
    const list = verbs.get(key) ?? [];
    list.push(entry);
    verbs.set(key, list);
  }
}

/** The verb word (marked `+` in a multi-word form, else the first) and the words around it. */
function verbShape(form: string): { verb: string; before: string[]; after: string[] } {
  const words = form.replace(/_+$/, '').split('_').filter(Boolean);
  let at = words.findIndex((w) => w.startsWith('+'));
  if (at < 0) at = 0;
  const clean = words.map((w) => w.replace(/^\+/, '').toLowerCase());
  return { verb: clean[at], before: clean.slice(0, at).map((w) => w.toUpperCase()), after: clean.slice(at + 1).map((w) => w.toUpperCase()) };
}

function readPattern(line: string, synsets: Map<string, string[]>, expanded: Map<string, string[][]>): VerbPattern | null {
  const codeMatch = /\[([^\]]*)\]\s*$/.exec(line) ?? /\[([^\]]*)\]/.exec(line);
  // `+++` marks a pattern PETRARCH leaves unused, as are codes that are no codes ("025?", "###").
  if (!codeMatch || codeMatch[1].trim() === '+++' || MALFORMED_CODE.test(codeMatch[1].trim())) return null;
  // Words joined by `_` must stand next to each other ("NEW_&TIETYPES_RELATIONS"); `*` is the verb.
  const groups = line.slice(0, codeMatch.index).replace(/[{}()]/g, ' ').replace(/\*/g, ' * ').split(/\s+/).filter(Boolean).map((g) => g.split('_').filter(Boolean));
  const star = groups.findIndex((g) => g[0] === '*');
  if (star < 0) return null;
  const alternativesOf = (item: string): string[][] => {
    if (!item.startsWith('&')) return [[item.toUpperCase()]];
    let alternatives = expanded.get(item);
    if (!alternatives) expanded.set(item, (alternatives = expandSynset(item, synsets, 0)));
    return alternatives;
  };
  const element = (group: string[]): PatternElement | null => {
    if (group.length === 1 && group[0] === '$') return { kind: 'source' };
    if (group.length === 1 && group[0] === '+') return { kind: 'target' };
    const items = group.filter((item) => !'$+%^'.includes(item));
    if (items.length === 0) return null;
    // A run of consecutive words: every combination of its members' alternatives.
    let alternatives: string[][] = [[]];
    for (const item of items) alternatives = alternatives.flatMap((prefix) => alternativesOf(item).map((words) => [...prefix, ...words]));
    return { kind: 'words', alternatives };
  };
  const present = (e: PatternElement | null): e is PatternElement => e !== null;
  const before = groups.slice(0, star).map(element).filter(present);
  const after = groups.slice(star + 1).map(element).filter(present);
  const words = [...before, ...after].flatMap((e) => (e.kind === 'words' ? [e] : []));
  return {
    before,
    after,
    code: code(codeMatch[1]),
    weight: words.reduce((sum, e) => sum + Math.min(...e.alternatives.map((a) => a.length)), 0),
    anchors: words.map((e) => e.alternatives.map((a) => a[0])),
  };
}

/** A synset's members as word runs; members may name other synsets. */
function expandSynset(name: string, synsets: Map<string, string[]>, depth: number): string[][] {
  const members = synsets.get(name.replace(/_$/, ''));
  if (!members || depth > 4) return [[name.toUpperCase()]];
  return members.flatMap((member) =>
    member.startsWith('&') ? expandSynset(member.split(/\s+/)[0], synsets, depth + 1) : [member.split(/[\s_]+/).filter(Boolean).map((w) => w.toUpperCase())],
  ).filter((words) => words.length > 0);
}

// ---- actors --------------------------------------------------------------------------------

/** "950601" (YYMMDD; 00–30 are 20xx) or "19950601" → 19950601. */
function dateNumber(text: string): number {
  const digits = text.trim();
  if (digits.length === 6) {
    const yy = Number(digits.slice(0, 2));
    return (yy <= 30 ? 20000000 : 19000000) + Number(digits);
  }
  return Number(digits);
}

/** `[HOB < 950601]`, `[HOBGOV 19950601 - 19990815]`, `[HOBREB > 990816]`, `[ELR/GAL]`. */
function readCode(text: string): DatedCode | null {
  const match = /^\s*([^\s<>]+)\s*(.*)$/.exec(text);
  if (!match) return null;
  const codes = match[1].split('/').map((c) => c.trim()).filter((c) => !NO_CODE.has(c));
  const range = match[2].replace(/\s+/g, '');
  if (range === '') return { codes, from: 0, to: 0 };
  if (range.startsWith('<')) return { codes, from: 1, to: dateNumber(range.slice(1)) - 1 };
  if (range.startsWith('>')) return { codes, from: dateNumber(range.slice(1)) + 1, to: 99999999 };
  const [from, to] = range.split('-');
  return to === undefined ? null : { codes, from: dateNumber(from), to: dateNumber(to) };
}

/**
 * Actor names looked up by their first word. Reading all ~37,000 Phoenix actors and their codes
 * into one trie took 200 ms of every process's first article; the index only notes which lines
 * start with which word, and reads a word's names and their blocks' codes when a text first
 * has that word. Lookups answer exactly as a trie of the whole dictionary would.
 */
export class ActorIndex {
  private readonly lines: string[] = [];
  /** [first line, end line) of each actor block: its name line, its `+` aliases and `[…]` code lines. */
  private readonly blocks: number[] = [];
  /** First word (lower case) → pairs of (name line, block), in dictionary order. */
  private readonly names = new Map<string, number[]>();
  private readonly tries = new Map<string, PhraseTrie<ActorCodes>>();
  private readonly codes = new Map<number, ActorCodes>();

  /** Adds one actor dictionary (PETRARCH Actorfile format); earlier dictionaries win a shared name. */
  add(text: string): void {
    let block = -1;
    const close = (): void => {
      if (block >= 0) this.blocks[2 * block + 1] = this.lines.length;
    };
    // The same lines as `lines(text)` gives, read without its intermediate arrays.
    for (const raw of text.split('\n')) {
      const hash = raw.indexOf('#');
      const trimmed = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
      if (trimmed === '' || trimmed.startsWith('<')) continue;
      if (trimmed.startsWith('[')) {
        this.lines.push(trimmed);
        continue;
      }
      if (!trimmed.startsWith('+')) {
        // A new actor begins; the previous one is complete.
        close();
        block = this.blocks.length / 2;
        this.blocks.push(this.lines.length, this.lines.length);
      }
      const first = firstNameWord(trimmed);
      if (block >= 0 && first !== '') {
        const list = this.names.get(first);
        if (list) list.push(this.lines.length, block);
        else this.names.set(first, [this.lines.length, block]);
      }
      this.lines.push(trimmed);
    }
    close();
  }

  /** The longest actor name at token `i` (see PhraseTrie.longestAt). */
  longestAt(lower: readonly string[], i: number, surface?: (token: number) => string): { value: ActorCodes; length: number } | null {
    const first = lower[i];
    if (first === undefined) return null;
    let trie = this.tries.get(first);
    if (!trie) {
      const found = this.names.get(first);
      if (!found) return null;
      trie = new PhraseTrie<ActorCodes>();
      for (let k = 0; k < found.length; k += 2) addPhrase(trie, actorName(this.lines[found[k]]), this.blockCodes(found[k + 1]));
      this.tries.set(first, trie);
    }
    return trie.longestAt(lower, i, surface);
  }

  private blockCodes(block: number): ActorCodes {
    let codes = this.codes.get(block);
    if (codes) return codes;
    codes = { dated: [], codes: [] };
    for (let l = this.blocks[2 * block]; l < this.blocks[2 * block + 1]; l++) {
      for (const match of this.lines[l].matchAll(/\[([^\]]*)\]/g)) {
        const dated = readCode(match[1]);
        if (!dated) continue;
        if (dated.from === 0 && dated.to === 0) codes.codes = dated.codes;
        else codes.dated.push(dated);
      }
    }
    this.codes.set(block, codes);
    return codes;
  }
}

/** The first word of `actorName(line)`, lower-cased, found without building the name. */
function firstNameWord(line: string): string {
  let start = line.startsWith('+') ? 1 : 0;
  while (start < line.length && (line[start] === '_' || line[start] === ' ' || line[start] === '\t')) start++;
  let end = start;
  while (end < line.length && line[end] !== '_' && line[end] !== ' ' && line[end] !== '[') end++;
  return line.slice(start, end).toLowerCase();
}

/** The name an actor line gives: "+AL_QAEDA [IMGMUSALQ]" → "AL QAEDA". */
function actorName(line: string): string {
  return phrase((line.startsWith('+') ? line.slice(1) : line).replace(/\[.*$/, ''));
}

/** The codes of an actor on a date (YYYYMMDD; 0 when unknown takes the default). */
export function actorCodesOn(actor: ActorCodes, date: number): string[] {
  if (date > 0) for (const d of actor.dated) if (date >= d.from && date <= d.to) return d.codes;
  if (actor.codes.length > 0 || actor.dated.length === 0) return actor.codes;
  // No default: the latest range stands for an undated article.
  return actor.dated[actor.dated.length - 1].codes;
}

// ---- agents --------------------------------------------------------------------------------

/** PETRARCH's regular plural of a phrase's last word. */
function plural(words: string): string {
  if (/[^AEIOU]Y$/.test(words)) return `${words.slice(0, -1)}IES`;
  if (/(S|SH|CH|X|Z)$/.test(words)) return `${words}ES`;
  return `${words}S`;
}

export function readAgents(text: string): PhraseTrie<AgentCode> {
  const agents = new PhraseTrie<AgentCode>();
  const substitutions = new Map<string, string[]>();
  for (const line of lines(text)) {
    const trimmed = line.trim();
    const macro = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(trimmed);
    if (macro) {
      substitutions.set(macro[1], macro[2].split(',').map((w) => w.trim()).filter(Boolean));
      continue;
    }
    const codeMatch = /\[\s*([^\]]*?)\s*\]/.exec(trimmed);
    if (!codeMatch) continue;
    const raw = codeMatch[1];
    const agent: AgentCode = { code: raw.replace('~', '').trim(), prefix: raw.trim().endsWith('~') };
    if (!agent.code) continue;
    const forms = /\{([^}]*)\}/.exec(trimmed);
    const base = trimmed.slice(0, Math.min(...[trimmed.indexOf('['), trimmed.indexOf('{')].filter((i) => i >= 0))).trim();
    for (const name of substitute(base, substitutions)) {
      const words = phrase(name);
      addPhrase(agents, words, agent);
      if (!forms) {
        if (!name.endsWith('_')) addPhrase(agents, plural(words), agent);
      } else {
        for (const form of substitute(forms[1].trim(), substitutions).flatMap((f) => f.split(/\s+/)).filter(Boolean)) addPhrase(agents, phrase(form), agent);
      }
    }
  }
  return agents;
}

/** "CONGRESS!PERSON!" → CONGRESSMAN, CONGRESSMEN, … */
function substitute(text: string, substitutions: Map<string, string[]>): string[] {
  const macro = /![A-Z]+!/.exec(text);
  if (!macro) return [text];
  const words = substitutions.get(macro[0]) ?? [];
  return words.flatMap((w) => substitute(text.replace(macro[0], w), substitutions));
}

// ---- discards ------------------------------------------------------------------------------

export function readDiscards(text: string): PhraseTrie<'sentence' | 'story'> {
  const discards = new PhraseTrie<'sentence' | 'story'>();
  for (const line of lines(text)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const story = trimmed.startsWith('+');
    addPhrase(discards, phrase(story ? trimmed.slice(1) : trimmed), story ? 'story' : 'sentence');
  }
  return discards;
}
