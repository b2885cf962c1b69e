import type { Doc } from './doc.js';
import { CUE_READINGS } from './cues.js';
import type { TokenRange } from './phrases.js';
import { QUOTE_MARKS } from './phrases.js';
import { baseRelation, children, childrenWith, dominates, RELATIVE_PRONOUNS, subtreeSpan } from './syntax.js';

/**
 * Attribution structure read off the dependency parse: who is the subject of a cue verb, and
 * which dependent clause is its content. The quotes stage finds cues and quote marks; these
 * give the spans exact edges where the surface rules overshoot ("said during a rally in
 * Michigan that …", "Rep. Jim Clyburn (D-S.C.), the assistant leader of the caucus").
 */

/** Relations that attach a speaker to its verb: active subject, passive agent ("by Interfax"). */
const SUBJECT_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'csubj']);
/** Relations a clause uses to inherit its subject from the verb above ("…, saying", "and added"). */
const SUBJECT_SHARING = new Set(['conj', 'advcl', 'xcomp']);
/** Heads a speaker can have; a determiner or auxiliary as subject is a misparse. */
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/** Drops punctuation at either edge, keeping quote marks and brackets that pair with one inside. */
export function trimPunctuation(doc: Doc, range: TokenRange): TokenRange {
  let { start, end } = range;
  const isEdgePunctuation = (i: number): boolean => doc.upos(i) === 'PUNCT' && !QUOTE_MARKS.has(doc.word(i)) && doc.word(i) !== ')';
  while (start < end && (isEdgePunctuation(start) || doc.word(start) === ')')) start++;
  while (end > start && isEdgePunctuation(end - 1)) end--;
  // A quote mark at an edge without its pair inside belongs to a quotation next to the phrase.
  let marks = 0;
  for (let k = start; k < end; k++) if (QUOTE_MARKS.has(doc.word(k))) marks++;
  if (marks % 2 === 1 && QUOTE_MARKS.has(doc.word(start))) start++;
  else if (marks % 2 === 1 && end > start && QUOTE_MARKS.has(doc.word(end - 1))) end--;
  if (end > start && doc.word(end - 1) === ')' && !hasWord(doc, start, end - 1, '(')) end--;
  return { start, end };
}

function hasWord(doc: Doc, from: number, to: number, word: string): boolean {
  for (let k = from; k < to; k++) if (doc.word(k) === word) return true;
  return false;
}

/**
 * The token heading the speaker of verb `v`: its subject, or for a verb that shares its subject
 * ("…, saying", "and added", "vowed to say") the subject of the verb it depends on. A relative
 * pronoun subject ("officials, who said") is kept: the speakers stage resolves it through the
 * clause's head noun. −1 when the parse gives none.
 */
export function subjectHead(doc: Doc, v: number): number {
  const { head, deprel } = doc.tokens;
  for (let k = v, steps = 0; k >= 0 && steps < 4; steps++) {
    const subjects = children(doc, k).filter((child) => SUBJECT_RELATIONS.has(deprel[child]));
    if (subjects.length > 0) return nearerSubject(doc, subjects);
    if (!SUBJECT_SHARING.has(baseRelation(deprel[k]))) return -1;
    k = head[k];
  }
  return -1;
}

/**
 * Of two subjects the parse gave one verb, the second when a comma parts them ("Every few
 * months/nsubj, a minister/nsubj stands"); else the first (a name split in two is merged later).
 */
function nearerSubject(doc: Doc, subjects: number[]): number {
  const [first, second] = subjects;
  return second !== undefined && commaParts(doc, first, second) && !RELATIVE_PRONOUNS.has(doc.tokens.lower[second]) && !dashParts(doc, first, second) ? second : first;
}

const ASIDE_DASHES = new Set(['--', '—', '–']);

/** "Kall -- co-editor of Debating The Donald, a book -- said": the second subject stands in an aside the dashes open. */
function dashParts(doc: Doc, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (ASIDE_DASHES.has(doc.word(k))) return true;
  return false;
}

/** Whether a comma outside the first token's phrase stands between tokens `a` < `b`. */
function commaParts(doc: Doc, a: number, b: number): boolean {
  for (let k = a + 1; k < b; k++) if (doc.word(k) === ',' && !dominates(doc, a, k)) return true;
  return false;
}

/** The noun a relative clause's pronoun stands for: "officials, who said" → officials. −1 otherwise. */
export function antecedentOf(doc: Doc, pronoun: number): number {
  if (!RELATIVE_PRONOUNS.has(doc.tokens.lower[pronoun])) return -1;
  const { head, deprel } = doc.tokens;
  for (let k = head[pronoun], steps = 0; k >= 0 && steps < 4; k = head[k], steps++) {
    if (deprel[k] === 'acl:relcl') return head[k];
  }
  return -1;
}

/**
 * The speaker phrase of verb `v` from the parse: the subject's subtree without edge punctuation.
 * Null when the subject is not where the rules looked for it (`near` is the rule's phrase, which
 * the subject must lie in or hold), so the parse only sharpens edges and never moves the speaker
 * to another part of the sentence.
 */
export function parsedSource(doc: Doc, v: number, near: TokenRange): TokenRange | null {
  const subject = subjectHead(doc, v);
  if (subject < 0 || subject >= near.end + 8 || !NOMINAL.has(doc.upos(subject))) return null;
  // "Senator Says Rail Bill Will Pass": a subject after the verb, where the rules found one before it, is misparsed.
  if (subject > v && near.end <= v) return null;
  // "The World Federation of Advertisers, which organised the initiative, called …": the cue
  // parsed as the relative clause's conjunct; the phrase the clause describes speaks.
  if (RELATIVE_PRONOUNS.has(doc.tokens.lower[subject]) && subject > near.start && subject < near.end) return null;
  let { tokenStart, tokenEnd } = subtreeSpan(doc, subject);
  // 'The tabloid, citing "a source on set," reported': an aside that ends in a quotation is no part of the speaker.
  const aside = childrenWith(doc, subject, 'acl').find((k) => k > subject && doc.word(k - 1) === ',');
  if (aside !== undefined && QUOTE_MARKS.has(doc.word(tokenEnd - 1))) tokenEnd = aside - 1;
  // "The agency that oversees the port said", the port parsed as a second subject: the rule's
  // phrase is the object of the subject's relative clause, which ends right before it.
  const relative = tokenEnd === near.start && tokenEnd - 1 > subject && doc.tokens.deprel[tokenEnd - 1] === 'acl:relcl' && doc.tokens.head[tokenEnd - 1] === subject;
  if (relative) tokenEnd = near.end;
  // A subject before the rule's phrase must hold it: "Voters I spoke to in Ohio told me".
  if (subject < near.start && tokenEnd < near.end) return null;
  // One after a preposition of the rule's phrase is its object, misparsed ("A spokesperson for
  // Chancellor Rachel Reeves said": not Reeves).
  if (tokenStart > near.start && tokenStart < near.end && doc.upos(tokenStart - 1) === 'ADP') return null;
  // A name the parser split into two subjects ("Emmanuel/nsubj Macron/nsubj said") is one speaker.
  for (const k of children(doc, doc.tokens.head[subject])) {
    if (k === subject || !SUBJECT_RELATIONS.has(doc.tokens.deprel[k])) continue;
    // Not two subjects a comma parts ("Every few months, a minister"), unless the second is a
    // relative clause's ("The Europeans, who had been cut out, derided").
    if (commaParts(doc, Math.min(k, subject), Math.max(k, subject)) && !RELATIVE_PRONOUNS.has(doc.tokens.lower[k])) continue;
    const sibling = subtreeSpan(doc, k);
    tokenStart = Math.min(tokenStart, sibling.tokenStart);
    tokenEnd = Math.max(tokenEnd, sibling.tokenEnd);
  }
  // A subtree reaching back over a closing quotation mark took the quotation in: misparsed ('"Progress/ccomp," a bus driver said').
  for (let k = tokenStart; k < near.start; k++) {
    if (QUOTE_MARKS.has(doc.word(k))) {
      tokenStart = near.start;
      break;
    }
  }
  if (tokenStart > near.start && (isSplitPremodifier(doc, v, near.start, { start: tokenStart, end: tokenEnd }) || isStrayPremodifier(doc, near.start, tokenStart, tokenEnd) ||
    isDescriptionBeforeName(doc, near.start, tokenStart))) tokenStart = near.start;
  // A parse that ends the speaker mid-phrase ("people | familiar with the matter") misread it.
  // One the parse closed with a comma has an aside after it ("His lawyer, however, told").
  if (tokenEnd < near.end && tokenEnd > near.start && doc.upos(tokenEnd) !== 'PUNCT' && doc.word(tokenEnd - 1) !== ',') tokenEnd = near.end;
  const range = trimPunctuation(doc, { start: tokenStart, end: tokenEnd });
  // A subject subtree that swallowed the cue is a misparse.
  if (range.start <= v && v < range.end) return null;
  return range.end > range.start ? range : null;
}

/**
 * "“…,” Trump lawyer Marc Kasowitz said": the parser took "Trump lawyer" for the verb's content
 * (or a part of it) and only "Marc Kasowitz" for its subject. Nouns (or capitalised words) right
 * after a closing mark or comma that the parse hangs off the verb as a clause or object, or off
 * the content before them, are the subject's premodifiers ("Last week Trump said" keeps its time
 * apart: an `obl:tmod`).
 */
function isSplitPremodifier(doc: Doc, v: number, from: number, subject: TokenRange): boolean {
  if (from === 0 || !(QUOTE_MARKS.has(doc.word(from - 1)) || doc.word(from - 1) === ',')) return false;
  for (let k = from; k < subject.start; k++) {
    const pos = doc.upos(k);
    if (pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'ADJ' && !/^\p{Lu}/u.test(doc.word(k)) && !isDescribingParticiple(doc, k)) return false;
    const head = doc.tokens.head[k];
    const inside = head >= from && head < subject.end;
    // A noun's modifier hung on the verb ("chief/amod executive Ingrid Halvorsen said") is misparsed too.
    const intoContent = head < from || (head === v && /^(?:ccomp|parataxis|obj|amod|compound)$/.test(doc.tokens.deprel[k]));
    if (!inside && !intoContent) return false;
  }
  return true;
}

/**
 * "Twelve/discourse percent said", "Federal/advmod and state officials said": adjectives and
 * numbers of the rule's phrase that the parser hung elsewhere, and nouns that modify the subject,
 * open the speaker. A time stays apart ("Last week/obl:tmod Trump said").
 */
function isStrayPremodifier(doc: Doc, from: number, subjectStart: number, subjectEnd: number): boolean {
  for (let k = from; k < subjectStart; k++) {
    const pos = doc.upos(k);
    const head = doc.tokens.head[k];
    const modifiesSubject = head > k && head < subjectEnd && !/^(?:obl|nmod:tmod|nmod:npmod)/.test(doc.tokens.deprel[k]);
    if (!modifiesSubject && pos !== 'ADJ' && pos !== 'NUM' && doc.tokens.lower[k] !== 'and') return false;
    if (/^obl/.test(doc.tokens.deprel[k])) return false;
  }
  return true;
}

/**
 * "Uganda's high commissioner, Patrick Okello, said": the rule's phrase opens with a description
 * set off by a comma before the name the parse took for the whole subject. Only nominal words,
 * so a clause or a time before the comma stays out ("Every few months, a minister").
 */
function isDescriptionBeforeName(doc: Doc, from: number, subjectStart: number): boolean {
  if (subjectStart - from < 2 || doc.upos(subjectStart) !== 'PROPN') return false;
  // "his lawyer Martin Kettle said", the description parsed as the verb's object: without a comma
  // only after a determiner or possessive ("Yesterday Martin Kettle said" is a time).
  const comma = doc.word(subjectStart - 1) === ',';
  if (!comma && !/^(?:DET|PRON)$/.test(doc.upos(from))) return false;
  let noun = false;
  for (let k = from; k < subjectStart - (comma ? 1 : 0); k++) {
    const pos = doc.upos(k);
    if (pos === 'NOUN') noun = true;
    if (!/^(?:DET|ADJ|NOUN|PROPN|PART|NUM)$/.test(pos) && !(k === from && pos === 'PRON') && !/^(?:of|for|at|'s|’s)$/.test(doc.tokens.lower[k])) return false;
    if (/^obl:(?:tmod|npmod)$|^nmod:tmod$/.test(doc.tokens.deprel[k]) && TIME_NOUNS.test(doc.tokens.lower[k])) return false;
  }
  return noun;
}

const TIME_NOUNS = /^(?:day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|time|times)$/;

const DESCRIBING_ING = new Set(['outgoing', 'incoming', 'acting', 'departing', 'ruling', 'governing', 'leading', 'serving']);
/** "retired", "embattled", "outgoing": a participle that describes a person when it stands before a name; a cue's ("said") does not. */
export function isDescribingParticiple(doc: Doc, i: number): boolean {
  const lower = doc.tokens.lower[i];
  return DESCRIBING_ING.has(lower) || (lower.endsWith('ed') && /^(?:VBD|VBN)$/.test(doc.tokens.tag[i]) && !CUE_READINGS.has(doc.tokens.lemma[i]));
}

/** Relations by which a verb holds what it reports, strongest first: "ordered the firm to pay" is an `xcomp`. */
const REPORT_RELATIONS = ['ccomp', 'parataxis', 'xcomp', 'obj', 'csubj'];

/**
 * How cue verb `v` holds content `content` in the parse: the relation (subtype included) of its
 * dependent inside a content after it (`ccomp`, `obj`, `xcomp`, or a framing `obl:tmod`/`advmod`
 * that is no report at all: "replied 17 seconds later"); for content before it, `^rel` when the verb hangs off the
 * content ("…, he said" as `parataxis`). `none` when the parse links them no way.
 */
export function reportRelation(doc: Doc, v: number, content: TokenRange): string {
  const { head, deprel } = doc.tokens;
  const inside = (k: number): boolean => k >= content.start && k < content.end;
  if (content.start < v && inside(head[v])) return `^${baseRelation(deprel[v])}`;
  let report = '';
  let other = '';
  for (const k of children(doc, v)) {
    if (!inside(k) || doc.upos(k) === 'PUNCT') continue;
    const rank = REPORT_RELATIONS.indexOf(baseRelation(deprel[k]));
    if (rank >= 0 && (report === '' || rank < REPORT_RELATIONS.indexOf(baseRelation(report)))) report = deprel[k];
    else if (rank < 0 && other === '') other = deprel[k];
  }
  return report || other || 'none';
}

/** The relation of verb `v`'s speaker (`nsubj`, `nsubj:pass` …), or `none`. */
export function subjectRelation(doc: Doc, v: number): string {
  const subject = subjectHead(doc, v);
  return subject < 0 ? 'none' : doc.tokens.deprel[subject];
}
