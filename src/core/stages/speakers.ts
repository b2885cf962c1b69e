import type { Doc, Entity, Gender, Mention, Quote, Span } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { HONORIFICS, type EntityLexicon } from './entities.js';
import { descriptorType, isMilitaryHead } from '../lexicon/words.js';
import { mentionOrder, type MentionOrder } from '../mention-order.js';
import { mentionTypeAt } from '../cue-model.js';
import { antecedentOf } from '../speech-structure.js';
import { baseRelation, childrenWith, RELATIVE_PRONOUNS, subtreeSpan } from '../syntax.js';

/**
 * Resolves each quote's source words to an entity: a name ("Zamir Kabulov, official …"), a
 * pronoun ("he" → the most salient compatible speaker), a description ("the group" via coref), or
 * an unnamed entity made from the description ("a Taliban spokesperson" → a PERSON affiliated
 * with the Taliban). Floating quotes inherit the previous speaker. Addressees resolve likewise.
 */

const PRONOUN_GENDER: Record<string, Gender | 'plural' | 'neuter'> = {
  he: 'male', him: 'male', she: 'female', her: 'female', they: 'plural', it: 'neuter', we: 'plural', i: null,
};
const POSSESSIVE_DETERMINERS = new Set(['her', 'his', 'their', 'its']);
/** Heads that say a described person's gender ("a woman in her eighties", "her husband"). */
const HEAD_GENDER: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...['woman', 'mother', 'wife', 'daughter', 'sister', 'girl', 'lady', 'grandmother', 'spokeswoman', 'businesswoman', 'chairwoman', 'actress', 'queen', 'princess', 'widow', 'aunt', 'niece', 'girlfriend'].map((w) => [w, 'female'] as const),
  ...['man', 'father', 'husband', 'son', 'brother', 'boy', 'grandfather', 'spokesman', 'businessman', 'chairman', 'actor', 'king', 'prince', 'widower', 'uncle', 'nephew', 'boyfriend'].map((w) => [w, 'male'] as const),
]);
/** Documents and figures that speak as a source does. */
const DOCUMENT_WORDS = 'poll|polls|survey|report|study|data|statement';
/** Nouns that make a description a person or group of people ("a source", "officials"). */
const PERSON_HEADS = new RegExp(`^(?:man|men|woman|women|mother|father|parents?|nurses?|teachers?|students?|workers?|farmers?|team|staff|crew|panel|owners?|customers?|patients?|survivors?|victims?|neighbou?rs?|relatives?|friends?|fans?|citizens?|locals?|shoppers?|drivers?|source|sources|official|officials|spokesperson|spokesman|spokeswoman|publicists?|representatives?|solicitors?|barristers?|aide|aides|person|people|residents?|witness(?:es)?|analysts?|experts?|observers?|critics?|supporters?|voters?|members?|lawmakers?|leaders?|insiders?|diplomats?|officers?|investigators?|prosecutors?|lawyers?|attorneys?|researchers?|scientists?|doctors?|advisers?|advisors?|economists?|activists?|militants?|fighters?|commanders?|soldiers?|police|authorities|government|administration|campaign|agents?|coach(?:es)?|players?|strikers?|captains?|goalkeepers?|referees?|boss|bosses|teammates?|wife|husband|sons?|daughters?|brothers?|sisters?|family|families|passengers?|employees?|staffers?|colleagues?|partners?|protesters?|demonstrators?|campaigners?|organi[sz]ers?|volunteers?|firefighters?|paramedics?|rescuers?|guards?|defendants?|suspects?|plaintiffs?|jurors?|investors?|traders?|bankers?|engineers?|executives?|users?|viewers?|readers?|visitors?|tourists?|spectators?|onlookers?|${DOCUMENT_WORDS})$`);

/** Descriptions that name a document, not a person, though they speak: "the study", "a poll". */
const DOCUMENT_HEADS = new RegExp(`(?:^|\\s)(?:${DOCUMENT_WORDS}|transcript|memo|letter|documents?)$`, 'i');

/**
 * Heads whose modifier names whom they deal with, not whom they speak for: "Skyjet crew union",
 * "rivals of Boeing", "Tesla workers", "Obama's critics" are not on that side.
 */
const OUTSIDE_PARTIES = /^(?:unions?|rivals?|competitors?|critics?|opponents?|customers?|passengers?|fans?|victims?|families|shareholders?|investors?|creditors?|users?|residents?|neighbou?rs?|workers?|employees?|staff|crew|patients?|students?|parents?)$/;

/** Nouns that count what follows "of": "a number of analysts", "a group of lawmakers". */
const QUANTITY_HEADS = /^(?:number|group|couple|lot|lots|majority|minority|handful|dozen|dozens|hundreds|thousands|millions|series|team|panel|coalition|bunch|few|many|some|most|all|none|one|two|three|several)$/;

type SpeakerLexicon = Pick<EntityLexicon, 'isRoleWord' | 'isOrgCue' | 'demonymCountry'>;

export function createSpeakersStage(lexicon: SpeakerLexicon): Stage {
  return {
    name: 'speakers',
    requires: ['quotes', 'mentions', 'entities', 'coref'],
    assigns: ['speakers'],
    apply(doc) {
      indexes.set(doc, mentionIndex(doc));
      let previous: Quote | null = null;
      for (const quote of doc.quotes) {
        if (quote.source) {
          quote.speaker = resolveSource(doc, quote.source, lexicon);
        } else if (quote.cue === null && previous) {
          // A floating quote continues the previous speaker.
          quote.speaker = previous.speaker;
        }
        if (quote.addresseeSource) quote.addressee = entityIn(doc, quote.addresseeSource)?.id ?? null;
        if (quote.speaker) previous = quote;
      }
      indexes.delete(doc);
    },
  };
}

function resolveSource(doc: Doc, source: Span, lexicon: SpeakerLexicon): string | null {
  const words = doc.text.slice(source.start, source.end).toLowerCase();
  // An "I" inside someone's quotation or interview answer is theirs; the reporter's own "I asked
  // him" is the byline's, never the interviewee's.
  if (words === 'i') return enclosingSpeaker(doc, source) ?? bylineEntity(doc);
  const gender = PRONOUN_GENDER[words];
  if (gender !== undefined) return resolvePronoun(doc, source.start, gender, lexicon);
  // "the 26-year-old, who won two silver medals,": the epithet is what stands before its appositive.
  const epithet = words.split(',')[0].trim();
  if (isEpithet(epithet, lexicon)) return resolvePronoun(doc, source.start, /woman$|^the mother/.test(epithet) ? 'female' : /man$|^the father/.test(epithet) ? 'male' : null, lexicon);
  // "a $3 million settlement to a booker who said": the relative pronoun that ends the phrase speaks for its antecedent.
  const lastToken = doc.tokenAt(source.end - 1);
  // Its antecedent's subtree is cut at the phrase's start: "sick, according to parents who say".
  const firstToken = doc.tokenAt(source.start);
  if (!RELATIVE_PRONOUNS.has(words) && lastToken > firstToken && RELATIVE_PRONOUNS.has(doc.tokens.lower[lastToken])) {
    const antecedent = lastToken - 1;
    if (doc.upos(antecedent) !== 'NOUN' && doc.upos(antecedent) !== 'PROPN') return resolveSource(doc, { start: doc.tokens.start[lastToken], end: source.end }, lexicon);
    return resolveAntecedent(doc, Math.max(firstToken, subtreeSpan(doc, antecedent).tokenStart), antecedent, lexicon);
  }
  if (RELATIVE_PRONOUNS.has(words)) {
    // "the officials, who added …" speak for the noun right before the comma, else the noun the
    // parse hangs the clause on (a clause after a quotation may hang on a word inside it).
    const at = doc.tokenAt(source.start);
    // "an analyst who advised … and who has argued": the first of the coordinated clauses follows the antecedent.
    const first = doc.tokens.lower[at - 1] === 'and' ? firstCoordinatedRelative(doc, at) : -1;
    if (first >= 0) return resolveSource(doc, { start: doc.tokens.start[first], end: doc.tokens.end[first] }, lexicon);
    const comma = at > 0 && doc.word(at - 1) === ',' ? at - 2 : at - 1;
    // "a wild swimmer from Cressbrook, who said": "who" is no place a preposition names, but the noun it hangs on.
    const placed = words === 'who' && comma >= 0 && childrenWith(doc, comma, 'case').length > 0 && /^(?:GPE|LOC)$/.test(mentionTypeAt(doc, comma)) && doc.tokens.head[comma] < comma;
    const before = placed ? doc.tokens.head[comma] : comma;
    const nominal = before >= 0 && (doc.upos(before) === 'NOUN' || doc.upos(before) === 'PROPN');
    const antecedent = nominal ? namedByAppositive(doc, before) : antecedentOf(doc, at);
    if (antecedent < 0) return null;
    // "former referee Keith Hackett, who wrote": the name the antecedent ends, whatever its subtree.
    const index = indexes.get(doc) ?? mentionIndex(doc);
    const last = index.firstFrom(doc.tokens.start[antecedent] + 1) - 1;
    const name = last >= 0 ? doc.mentions[index.byStart[last]] : undefined;
    const nameStart = name !== undefined && name.tokenEnd > antecedent ? name.tokenStart : antecedent;
    return resolveAntecedent(doc, Math.min(subtreeSpan(doc, antecedent).tokenStart, nameStart), antecedent, lexicon);
  }
  const head = headToken(doc, source);
  const named = entityIn(doc, source, head);
  // "A spokesperson for Chancellor Rachel Reeves": a person after a preposition is whom the speaker serves.
  // "A lawyer for Mr. Smith, John Doe," is the person in apposition.
  if (named?.type === 'PERSON' && isPersonalHead(doc, head, lexicon)) {
    const people = mentionsIn(doc, source).filter((m) => doc.entities[m.entity].type === 'PERSON');
    const served = people.filter((m) => isPrepositionObject(doc, source, m, lexicon));
    if (served.some((m) => doc.entities[m.entity] === named)) {
      const speaker = people.find((m) => !served.includes(m) && !isPossessor(doc, m, source));
      return speaker ? doc.entities[speaker.entity].id : describedEntity(doc, source, head, named, lexicon);
    }
  }
  // "Fed Chair Jerome Powell", "Treasury Secretary Janet Yellen": the parse may head the phrase with the
  // organisation, but the titled person speaks.
  if (named && named.type !== 'PERSON') {
    const titled = mentionsOutsideClauses(doc, source).find((m) => doc.entities[m.entity].type === 'PERSON' && doc.tokens.start[m.tokenStart] > source.start
      && lexicon.isRoleWord(doc.tokens.lower[m.tokenStart - 1]) && !isPrepositionObject(doc, source, m, lexicon) && !isPossessor(doc, m, source));
    if (titled) return doc.entities[titled.entity].id;
  }
  // "The Zimbabwe army denied", "Zimbabwe Army Denies Coup": a country naming the body that speaks.
  // (A headline parsed as one compound has no head the parse tells; English ends a phrase with it.)
  const inside = mentionsIn(doc, source);
  const body = [head, doc.tokenAt(source.end - 1)].find((k) => k >= 0 && lexicon.isOrgCue(doc.tokens.lower[k]) && !inside.some((m) => k >= m.tokenStart && k < m.tokenEnd));
  // "The Oravian foreign ministry", "the Telmark army": whatever the tagger made of an unknown
  // country's name, when it modifies the body ("Consumer group Which Way" names the group).
  const modifies = (b: number): boolean => named !== undefined && (named.type === 'GPE' || named.type === 'NORP' || inside.every((m) => doc.entities[m.entity] !== named || m.tokenEnd <= b));
  if (named && named.type !== 'PERSON' && body !== undefined && modifies(body)) return describedEntity(doc, source, body, named, lexicon);
  // "a US entertainment site, which cited": a country or nationality modifying a common noun only describes it.
  if (named && (named.type === 'GPE' || named.type === 'NORP') && head >= 0 && doc.upos(head) === 'NOUN' && !inside.some((m) => head >= m.tokenStart && head < m.tokenEnd)) {
    return describedEntity(doc, source, head, named, lexicon);
  }
  // "Skyjet crew union", "the union representing Skyjet cabin crew": a party apart from the one it names.
  // Not a name in apposition: "His rival, Daniel Osei, rejected".
  const apposed = (m: Mention): boolean => m.tokenStart > head && doc.text.slice(doc.tokens.end[head], m.start).includes(',');
  if (named && head >= 0 && OUTSIDE_PARTIES.test(doc.tokens.lower[head]) && !inside.some((m) => (head >= m.tokenStart && head < m.tokenEnd) || (doc.entities[m.entity] === named && apposed(m)))) {
    return describedEntity(doc, source, head, named, lexicon);
  }
  if (named && (named.type === 'PERSON' || !isPersonalHead(doc, head, lexicon))) return named.id;
  // "Halden denies report …": a headline's short form of a firm the article names in full.
  if (!named) {
    const firm = (indexes.get(doc) ?? mentionIndex(doc)).organisationsByFirstWord.get(doc.text.slice(source.start, source.end));
    if (firm) return firm.id;
  }
  return describedEntity(doc, source, head, named ?? possessorIn(doc, source), lexicon);
}

/** The same relative pronoun earlier in the sentence than the one at `at`, or −1. */
function firstCoordinatedRelative(doc: Doc, at: number): number {
  const sentenceStart = doc.sentences[doc.sentenceOf(at)]?.tokenStart ?? 0;
  for (let k = at - 2; k >= sentenceStart; k--) if (doc.tokens.lower[k] === doc.tokens.lower[at]) return k;
  return -1;
}

/**
 * "Piet Aarsen, a spokesman for the state-owned operator, who added": a common noun that ends an
 * appositive (through the prepositions it hangs on) stands for the name the appositive follows.
 */
function namedByAppositive(doc: Doc, noun: number): number {
  if (doc.upos(noun) !== 'NOUN') return noun;
  const { head, deprel } = doc.tokens;
  let k = noun;
  for (let steps = 0; steps < 3 && baseRelation(deprel[k]) === 'nmod' && head[k] >= 0; steps++) k = head[k];
  const name = head[k];
  if (deprel[k] !== 'appos' || name < 0 || name >= k || doc.upos(name) !== 'PROPN') return noun;
  // The name's last word: "Dagny/head Ruud/flat".
  let last = name;
  while (last + 1 < k && head[last + 1] === name && deprel[last + 1] === 'flat') last++;
  return last;
}

/** The speaker a relative pronoun stands for: the phrase from `tokenStart` to its antecedent. */
function resolveAntecedent(doc: Doc, tokenStart: number, antecedent: number, lexicon: SpeakerLexicon): string | null {
  // "welcomed by campaigners, who said": the preposition is the clause's, not the speaker's.
  while (tokenStart < antecedent && doc.upos(tokenStart) === 'ADP') tokenStart++;
  return resolveSource(doc, { start: doc.tokens.start[tokenStart], end: doc.tokens.end[antecedent] }, lexicon);
}

/** Nouns of nationality that are no demonym in the lexicon's sense ("the Frenchman"). */
const NATIONALITY_NOUNS = new Set(['frenchman', 'englishman', 'dutchman', 'welshman', 'irishman', 'scotsman', 'scot', 'spaniard', 'dane', 'swede', 'pole', 'finn', 'swiss', 'frenchwoman', 'englishwoman', 'dutchwoman', 'welshwoman', 'irishwoman', 'scotswoman']);

/**
 * "the Italian said", "the 45-year-old said": an epithet for a person named before, never a speaker
 * of its own. Only "the" and one word: "the Italian government" is a body.
 */
function isEpithet(words: string, lexicon: Pick<EntityLexicon, 'demonymCountry'>): boolean {
  // The tokenizer splits "26-year-old", so a phrase edge may fall inside it.
  if (/^(?:the )?(?:\d+-)?year-old$/.test(words)) return true;
  // "the mother of three", "the father-of-two": a parent by their children's number.
  if (/^the (?:mother|father)(?: of |-of-)(?:two|three|four|five|six|seven|eight|nine|ten|\d+)$/.test(words)) return true;
  const match = /^the (\S+)$/.exec(words);
  if (!match) return false;
  const word = match[1];
  return /^\d+-year-old$/.test(word) || NATIONALITY_NOUNS.has(word) || (!word.endsWith('s') && lexicon.demonymCountry(word) !== null);
}

/**
 * The entity a phrase refers to: the longest mention covering its head token ("The Afghan Taliban"
 * → Taliban, not Afghan), else its first person, else its first non-nationality mention.
 */
export function entityIn(doc: Doc, span: Span, head = headToken(doc, span)): Entity | undefined {
  let best: { entity: Entity; length: number } | undefined;
  let person: Entity | undefined;
  let first: Entity | undefined;
  let nationality: Entity | undefined;
  // "Kall, co-editor of Debating The Donald, said": a name the tagger found no entity for heads the
  // phrase; who its apposition names is not the speaker.
  const unknownName = head >= 0 && doc.upos(head) === 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(doc.word(head)) && /^(?:,|--|—|–)$/.test(doc.word(head + 1)) && !mentionsIn(doc, span).some((m) => head >= m.tokenStart && head < m.tokenEnd);
  for (const m of mentionsOutsideClauses(doc, span)) {
    if (isPossessor(doc, m, span) || (unknownName && m.tokenStart > head)) continue;
    const entity = doc.entities[m.entity];
    if (head >= m.tokenStart && head < m.tokenEnd && (!best || m.end - m.start > best.length)) best = { entity, length: m.end - m.start };
    if (entity.type === 'PERSON') person ??= entity;
    if (entity.type === 'NORP') nationality ??= entity;
    else first ??= entity;
  }
  return best?.entity ?? person ?? first ?? nationality;
}

/** The mentions within a span, in the order of doc.mentions, found through the mention index. */
function mentionsIn(doc: Doc, span: Span): Mention[] {
  const index = indexes.get(doc) ?? mentionIndex(doc);
  const inside: number[] = [];
  for (let j = index.firstFrom(span.start); j < index.byStart.length && doc.mentions[index.byStart[j]].start < span.end; j++) inside.push(index.byStart[j]);
  for (let k = index.indexed; k < doc.mentions.length; k++) if (doc.mentions[k].start >= span.start && doc.mentions[k].start < span.end) inside.push(k);
  return inside.sort((a, b) => a - b).map((k) => doc.mentions[k]).filter((m) => m.end <= span.end);
}

/** The mentions of a phrase that are not inside one of its relative clauses: who the phrase may be. */
function mentionsOutsideClauses(doc: Doc, span: Span): Mention[] {
  const clauses = relativeClauses(doc, span);
  return mentionsIn(doc, span).filter((m) => !clauses.some(([from, to]) => m.tokenStart >= from && m.tokenStart < to));
}

const POSSESSIVE = /^(?:'s?|’s?)$/;

/**
 * "Biden's spokesman", "Williams's sister Venus": a mention with a possessive 's before the rest
 * of the phrase names whose the speaker is, not the speaker.
 */
function isPossessor(doc: Doc, m: Mention, span: Span): boolean {
  return m.tokenEnd < doc.tokenCount && doc.tokens.end[m.tokenEnd] < span.end && POSSESSIVE.test(doc.tokens.lower[m.tokenEnd]);
}

/** The entity of the first possessor mention in a phrase, which the description it heads belongs to. */
function possessorIn(doc: Doc, span: Span): Entity | undefined {
  const m = mentionsIn(doc, span).find((x) => x.end < span.end && isPossessor(doc, x, span));
  return m ? doc.entities[m.entity] : undefined;
}

/** Whether a mention in a phrase follows a preposition, over any titles ("for Chancellor Rachel Reeves", "to Mr Trump"). */
function isPrepositionObject(doc: Doc, span: Span, m: Mention, lexicon: Pick<EntityLexicon, 'isRoleWord'>): boolean {
  let k = m.tokenStart - 1;
  while (k > 0 && doc.tokens.start[k] > span.start && (lexicon.isRoleWord(doc.tokens.lower[k]) || HONORIFICS.has(doc.tokens.lower[k]))) k--;
  return doc.tokens.start[k] > span.start && doc.upos(k) === 'ADP';
}

/**
 * Token ranges of the relative clauses in a phrase (", which has confined Mr Mugabe to his
 * residence,"): who is named there is not who the phrase is ("The army, which …, said").
 */
function relativeClauses(doc: Doc, span: Span): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const last = doc.tokenAt(span.end - 1);
  for (let i = doc.tokenAt(span.start) + 1; i < last; i++) {
    if (doc.word(i) !== ',' || !RELATIVE_PRONOUNS.has(doc.tokens.lower[i + 1])) continue;
    let end = i + 2;
    while (end <= last && doc.word(end) !== ',') end++;
    out.push([i + 1, end]);
    i = end - 1;
  }
  return out;
}

function isPersonalHead(doc: Doc, head: number, lexicon: Pick<EntityLexicon, 'isRoleWord'>): boolean {
  return head >= 0 && (lexicon.isRoleWord(doc.tokens.lower[head]) || PERSON_HEADS.test(doc.tokens.lower[head]));
}

/**
 * Last noun before the first comma or preposition: the head of "a Taliban spokesperson for …";
 * after a quantity, the counted noun ("a number of analysts").
 */
function headToken(doc: Doc, span: Span): number {
  const first = doc.tokenAt(span.start);
  // "Judith Lyle of Lyle & Fenn Management", "Tom Fenwick, a spokesman for … Northern Gas Link":
  // the parse may head the phrase with the firm; the person it opens with speaks.
  const person = mentionsIn(doc, span).find((m) => m.tokenStart === first && doc.entities[m.entity]?.type === 'PERSON');
  const appositive = person !== undefined && doc.word(person.tokenEnd) === ',' && /^(?:a|an|the)$/.test(doc.tokens.lower[person.tokenEnd + 1] ?? '');
  if (person && (doc.tokens.lower[person.tokenEnd] === 'of' || appositive)) return person.tokenEnd - 1;
  const parsed = parsedHead(doc, first, doc.tokenAt(span.end - 1));
  // "Rival Kestrel Auto", "Carmaker Veltro", parsed with the descriptor as head: the name it describes heads.
  const described = parsed >= 0 && descriptorType(doc.tokens.lower[parsed]) !== null ? mentionsIn(doc, span).find((m) => m.tokenStart === parsed + 1 && m.kind === 'name') : undefined;
  if (described) return described.tokenEnd - 1;
  if (parsed >= 0) return parsed;
  let head = -1;
  for (let i = first; i < doc.tokenCount && doc.tokens.end[i] <= span.end; i++) {
    const pos = doc.upos(i);
    if (doc.tokens.lower[i] === 'of' && head >= 0 && QUANTITY_HEADS.test(doc.tokens.lower[head])) continue;
    if (pos === 'ADP' || doc.word(i) === ',') break;
    if (pos === 'NOUN' || pos === 'PROPN' || pos === 'PRON') head = i;
  }
  return head;
}

/**
 * The phrase's head from the parse: its nominal token attached outside it ("Voters I spoke to in
 * Ohio" → Voters), or after a quantity the counted noun. −1 without a parse or such a token.
 */
function parsedHead(doc: Doc, first: number, last: number): number {
  if (!doc.layers.has('deps')) return -1;
  const { head } = doc.tokens;
  let found = -1;
  for (let i = first; i <= last; i++) {
    if (head[i] >= first && head[i] <= last) continue;
    // "Farmers' groups": a possessor is never the head, wherever the parser hung it.
    if (i < last && (doc.tokens.lower[i + 1] === "'s" || doc.tokens.lower[i + 1] === "'")) continue;
    // "Clinton spokesman | Jesse Lehrich", parsed as two subjects: a name after a role is the head.
    // The role may be tagged as an adjective ("Nordvik chief executive Ingrid Halvorsen").
    // "Halvern boss | insists", the parse hanging the noun elsewhere: a phrase's last common noun heads it.
    if (found >= 0) return (doc.upos(i) === 'PROPN' && (doc.upos(i - 1) === 'NOUN' || doc.upos(i - 1) === 'ADJ')) || (doc.upos(i) === 'NOUN' && i === last && i === found + 1) ? i : found;
    // "One of the aides": a number heads the phrase only as a quantity of the counted noun.
    const quantity = QUANTITY_HEADS.test(doc.tokens.lower[i]);
    // "The general urged": a subject the tagger took for an adjective still heads the phrase.
    const adjectiveSubject = doc.upos(i) === 'ADJ' && baseRelation(doc.tokens.deprel[i]) === 'nsubj';
    if (!/^(?:NOUN|PROPN|PRON)$/.test(doc.upos(i)) && !(quantity && doc.upos(i) === 'NUM') && !adjectiveSubject) return -1;
    if (!quantity) {
      found = i;
      continue;
    }
    const counted = childrenWith(doc, i, 'nmod')[0];
    return counted !== undefined && counted <= last ? counted : i;
  }
  // "Skyjet crew union" parsed with the name on top: a run of common nouns ends the phrase, and
  // English heads a compound with its last noun.
  if (found >= 0 && found < last) {
    let k = found + 1;
    while (k <= last && doc.upos(k) === 'NOUN') k++;
    if (k > last) return last;
  }
  return found;
}

/** The country an entity is, or belongs to through its affiliation or relation ("Nigerian" → Nigeria). */
function countryOf(doc: Doc, entity: Entity | undefined, depth = 0): Entity | undefined {
  if (!entity || depth > 2) return undefined;
  if (entity.type === 'GPE') return entity;
  const next = entity.affiliation ?? entity.related;
  return next === null ? undefined : countryOf(doc, doc.entityById(next), depth + 1);
}

/**
 * "Nigeria Army Says …" over "The Nigerian army said": a body the article already describes with
 * the same head (any word for armed forces) and the same country.
 */
function sameCountrysBody(doc: Doc, headWord: string, inner: Entity | undefined): Entity | undefined {
  const country = countryOf(doc, inner);
  if (!country) return undefined;
  const sameKind = (word: string): boolean => word === headWord || (isMilitaryHead(word) && isMilitaryHead(headWord));
  // The article's unnamed entities, which the mention index holds by name.
  const described = (indexes.get(doc) ?? mentionIndex(doc)).unnamed.values();
  for (const e of described) if (e.type === 'ORG' && sameKind(e.name.toLowerCase().split(' ').at(-1) ?? '') && countryOf(doc, e) === country) return e;
  return undefined;
}

/** Short words for a title another sentence gives in full ("Halvern boss" / "manager Tomas Reidy", "the CEO" / "chief executive Nadia Ferreira"). */
const TITLE_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['boss', ['manager', 'head coach', 'coach', 'chief executive', 'chief', 'director', 'head']],
  ['chief', ['chief executive', 'chief constable', 'police chief', 'fire chief']],
  ['ceo', ['chief executive', 'chief executive officer']],
  ['cfo', ['chief financial officer', 'finance chief', 'finance director']],
  ['pm', ['prime minister']],
  ['chief executive', ['ceo']],
  ['chief financial officer', ['cfo']],
]);

/** Makes (or reuses) an unnamed entity for a description such as "a Taliban spokesperson". */
function describedEntity(
  doc: Doc, source: Span, head: number, inner: Entity | undefined, lexicon: SpeakerLexicon,
): string | null {
  if (head < 0) return null;
  const headWord = doc.tokens.lower[head];
  const first = doc.tokenAt(source.start);
  const skipDeterminer = countedNounStart(doc, first, head);
  const bare = doc.text.slice(doc.tokens.start[skipDeterminer], doc.tokens.end[head]);
  const index = indexes.get(doc) ?? mentionIndex(doc);
  // "A spokesperson for Ashby Vale Borough Council": named with whom it speaks for, so two
  // spokespeople for two bodies stay apart; "the spokesperson" later is the last one so named.
  const served = inner && inner.type !== 'PERSON' ? servedMentionEnd(doc, source, head, inner) : -1;
  const name = served > 0 ? doc.text.slice(doc.tokens.start[skipDeterminer], served) : bare;
  // "The prime minister said" after "Prime Minister Keir Starmer": the named holder of the title,
  // even when "a judge" was described before the judge was named; "Her daughter said" after "her
  // daughter, Ngozi Abara-Hill,": the person so introduced.
  const determiner = doc.tokens.lower[first];
  if ((determiner === 'the' && (lexicon.isRoleWord(headWord) || TITLE_VARIANTS.has(headWord))) || (POSSESSIVE_DETERMINERS.has(determiner) && PERSON_HEADS.test(headWord))) {
    // "the CEO" after "chief executive Nadia Ferreira".
    const holder = titleHolder(doc, source.start, [name.toLowerCase(), ...(TITLE_VARIANTS.get(name.toLowerCase()) ?? [])], index) ?? headlineSpeakerForLead(doc, source);
    if (holder) return holder.id;
  }
  // A headline's "Senator Says …": the body names the senator ("Senator Dolores Amberly said"); its
  // "Halvern boss insists" the manager ("manager Tomas Reidy insisted").
  const title = doc.meta.title;
  if (title && source.start >= title.start && source.end <= title.end && (lexicon.isRoleWord(headWord) || TITLE_VARIANTS.has(headWord))) {
    const holder = titleHolderAfter(doc, title.end, [headWord, ...(TITLE_VARIANTS.get(headWord) ?? [])], index);
    if (holder) return holder.id;
  }
  // Keys are lower case: a headline's "Panel Says" and the body's "the panel said" are one.
  const existing = index.unnamed.get(name.toLowerCase()) ?? (served > 0 ? undefined : index.unnamed.get(bare.toLowerCase())) ?? sameCountrysBody(doc, headWord, inner);
  if (existing) return existing.id;
  // "The study said" speaks as a source does, but a document is no person.
  // "Police say", "the government said": a body speaks, typed as one.
  const outside = OUTSIDE_PARTIES.test(headWord);
  // "Kall, co-editor of …": an unknown name whose apposition is a person's description is a person.
  const describedName = doc.upos(head) === 'PROPN' && childrenWith(doc, head, 'appos').some((k) => isPersonalHead(doc, k, lexicon) || /(?:or|er|ist|ant|ent)$/.test(doc.tokens.lower[k]));
  // "Desmond Hale is not dead, his publicist said": one who speaks for the person "his" stands for.
  const represented = !inner && (determiner === 'his' || determiner === 'her') && REPRESENTATIVES.has(headWord) ? doc.entityById(resolvePronoun(doc, source.start, determiner === 'his' ? 'male' : 'female', lexicon)) : undefined;
  inner ??= represented?.type === 'PERSON' ? represented : undefined;
  const isPerson = describedName || ((lexicon.isRoleWord(headWord) || PERSON_HEADS.test(headWord) || DESCRIBED_PEOPLE.test(headWord)) && !DOCUMENT_HEADS.test(headWord) && !lexicon.isOrgCue(headWord));
  const entity: Entity = {
    id: `e${doc.entities.length + 1}`,
    type: isPerson ? 'PERSON' : lexicon.isOrgCue(headWord) ? 'ORG' : 'MISC',
    name,
    aliases: [],
    mentions: [],
    roles: lexicon.isRoleWord(headWord) ? [doc.word(head)] : [],
    affiliation: inner && inner.type !== 'PERSON' && !outside ? inner.id : null,
    // "Biden's spokesman", "Williams's sister": the person the description is defined by.
    related: inner && inner.type === 'PERSON' && !outside ? inner.id : null,
    // "one woman in her eighties" is no "he".
    gender: isPerson ? HEAD_GENDER.get(headWord) ?? null : null,
    unnamed: true,
  };
  entity.mentions.push(doc.mentions.length);
  doc.mentions.push({
    start: source.start, end: doc.tokens.end[head], tokenStart: first, tokenEnd: head + 1, type: entity.type,
    kind: 'nominal', entity: doc.entities.length,
  });
  doc.entities.push(entity);
  index.unnamed.set(name.toLowerCase(), entity);
  if (name !== bare) index.unnamed.set(bare.toLowerCase(), entity);
  // "A Kestrian military source … the source said": the head alone refers back to it.
  const headAlone = doc.word(head);
  if (!index.unnamed.has(headAlone.toLowerCase())) index.unnamed.set(headAlone.toLowerCase(), entity);
  return entity.id;
}

const DETERMINERS = /^(?:a|an|the|another|one|two|three|several|some|many)$/;

/**
 * Where a description's words start after its determiner, and after a quantity of the counted
 * noun: "One of the aides" and "a number of analysts" are described as the aides and the analysts.
 */
function countedNounStart(doc: Doc, first: number, head: number): number {
  const { lower } = doc.tokens;
  let k = DETERMINERS.test(lower[first]) ? first + 1 : first;
  if (k < head && lower[k + 1] === 'of' && QUANTITY_HEADS.test(lower[k])) k += 2;
  else if (k === first + 1 && k < head && lower[k] === 'of') k += 1;
  if (k > first + 1 && k < head && DETERMINERS.test(lower[k])) k++;
  return k;
}

/** Words that join a description to the body it speaks for: "spokesperson for", "analysts at". */
const SERVING = new Set(['for', 'of', 'at', 'from', 'with']);

/** Where the mention of `body` ends when the description's head is followed by "for/of/at … body", else −1. */
function servedMentionEnd(doc: Doc, source: Span, head: number, body: Entity): number {
  if (!SERVING.has(doc.tokens.lower[head + 1] ?? '')) return -1;
  const m = mentionsIn(doc, source).find((x) => doc.entities[x.entity] === body && x.tokenStart > head + 1);
  if (!m || m.tokenStart > head + 4) return -1;
  // "for the Telmark foreign ministry": the body's own head nouns after its name.
  let end = m.tokenEnd;
  while (end < doc.tokenCount && doc.tokens.end[end] <= source.end && /^(?:NOUN|ADJ)$/.test(doc.upos(end))) end++;
  while (end > m.tokenEnd && doc.upos(end - 1) !== 'NOUN') end--;
  return doc.tokens.end[end - 1];
}

/**
 * The most recent named person introduced with the title `title` ("prime minister"): written
 * right before one of their mentions ("Prime Minister Keir Starmer") or recorded as their role.
 */
function titleHolder(doc: Doc, offset: number, titles: readonly string[], index: MentionIndex): Entity | undefined {
  const before = index.firstFrom(offset);
  for (let j = before - 1; j >= 0 && j >= before - MAX_LOOKED_BACK; j--) {
    const m = doc.mentions[index.byStart[j]];
    const entity = doc.entities[m.entity];
    if (entity.type !== 'PERSON' || entity.unnamed || m.end > offset) continue;
    if (titles.some((title) => holdsTitle(doc, m, entity, title))) return entity;
  }
  return undefined;
}

/** "Prime Minister Keir Starmer", or in apposition "her daughter, Ngozi Abara-Hill": a person named with the title, or given it as a role. */
function holdsTitle(doc: Doc, m: Mention, entity: Entity, title: string): boolean {
  const lead = ` ${doc.text.slice(Math.max(0, m.start - title.length - 3), m.start)}`.toLowerCase().replace(/\s+/g, ' ').replace(/,? ?$/, '');
  return lead.endsWith(` ${title}`) || entity.roles.some((r) => r.toLowerCase() === title);
}

/**
 * "Wierzbicki: 'I'm not going anywhere'" over "The country's finance minister has denied …": a
 * headline that quotes a named person, and a lead that opens on a title held by no one named
 * before, describe one speaker.
 */
function headlineSpeakerForLead(doc: Doc, source: Span): Entity | undefined {
  const title = doc.meta.title;
  const quote = doc.quotes[0];
  if (!title || !quote?.cue || doc.slice(quote.cue) !== ':' || quote.content.end > title.end) return undefined;
  const lead = doc.paragraphs.find((p) => p.start >= title.end);
  if (!lead || source.start < lead.start || source.end > lead.end) return undefined;
  const speaker = doc.entityById(quote.speaker);
  return speaker?.type === 'PERSON' && !speaker.unnamed ? speaker : undefined;
}

/** Mentions after a headline that {@link titleHolderAfter} looks through: the lead's. */
const HEADLINE_HOLDER_REACH = 12;

/** The first person after `offset` that holds the title ("Senator Dolores Amberly"). */
function titleHolderAfter(doc: Doc, offset: number, titles: readonly string[], index: MentionIndex): Entity | undefined {
  const from = index.firstFrom(offset);
  for (let j = from; j < index.byStart.length && j < from + HEADLINE_HOLDER_REACH; j++) {
    const m = doc.mentions[index.byStart[j]];
    const entity = doc.entities[m.entity];
    if (entity.type !== 'PERSON' || entity.unnamed) continue;
    if (titles.some((title) => holdsTitle(doc, m, entity, title))) return entity;
  }
  return undefined;
}

/** Quotes before a source that {@link enclosingSpeaker} looks back through. */
const ENCLOSING_LOOKED_BACK = 8;

/** The speaker of a quote, resolved before, whose content holds `source`. */
function enclosingSpeaker(doc: Doc, source: Span): string | null {
  const upTo = quotesUpTo(doc, source.start);
  for (let k = upTo - 1; k >= 0 && k >= upTo - ENCLOSING_LOOKED_BACK; k--) {
    const q = doc.quotes[k];
    if (q.speaker && q.content.end >= source.end && (q.source === null || q.source.start !== source.start)) return q.speaker;
  }
  return null;
}

/** How many quotes' contents start at or before `offset` (quotes are sorted by content start). */
function quotesUpTo(doc: Doc, offset: number): number {
  let low = 0;
  for (let high = doc.quotes.length; low < high; ) {
    const middle = (low + high) >> 1;
    if (doc.quotes[middle].content.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The person in the byline, if the article has one. */
function bylineEntity(doc: Doc): string | null {
  const byline = doc.meta.source;
  if (!byline) return null;
  const index = indexes.get(doc) ?? mentionIndex(doc);
  for (let j = index.firstFrom(byline.start); j < index.byStart.length; j++) {
    const m = doc.mentions[index.byStart[j]];
    if (m.start >= byline.end) break;
    if (m.end <= byline.end && doc.entities[m.entity].type === 'PERSON') return doc.entities[m.entity].id;
  }
  return null;
}

/**
 * The most recent compatible entity, other than `speaker`, whose mention between `from` and
 * `to` is the subject of its clause in the narration (not inside a quote); null when none.
 */
function newerSubject(doc: Doc, from: number, to: number, compatible: (e: Entity) => boolean, speaker: Entity): string | null {
  if (!doc.layers.has('deps')) return null;
  const index = indexes.get(doc) ?? mentionIndex(doc);
  const before = index.firstFrom(to);
  for (let j = before - 1; j >= 0 && j >= before - MAX_LOOKED_BACK; j--) {
    const m = doc.mentions[index.byStart[j]];
    if (m.start < from) break;
    const entity = doc.entities[m.entity];
    if (m.end > to || entity === speaker || entity.unnamed || !compatible(entity) || insideQuote(doc, m.start)) continue;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) {
      const head = doc.tokens.head[i];
      if ((head < m.tokenStart || head >= m.tokenEnd) && isSubject(doc, i)) return entity.id;
    }
  }
  return null;
}

/** A subject, or the name in apposition to one ("Sharks coach/nsubj Peter DeBoer/appos"). */
function isSubject(doc: Doc, i: number): boolean {
  const { head, deprel } = doc.tokens;
  for (let k = i, steps = 0; k >= 0 && steps < 3; k = head[k], steps++) {
    if (deprel[k].startsWith('nsubj')) return true;
    if (!/^(?:appos|flat|compound)/.test(deprel[k])) return false;
  }
  return false;
}

/** Whether `offset` lies in the content of a quote (quotes are sorted by content start). */
function insideQuote(doc: Doc, offset: number): boolean {
  const upTo = quotesUpTo(doc, offset);
  return upTo > 0 && offset < doc.quotes[upTo - 1].content.end;
}

const ASKING_VERBS = new Set(['ask', 'question', 'press']);

/**
 * "When I asked the housing secretary, Angela Reid, whether …, she said": who was asked earlier in
 * the pronoun's sentence answers, before any earlier speaker.
 */
function askedInSentence(doc: Doc, offset: number, compatible: (e: Entity) => boolean): string | null {
  const pronoun = doc.tokenAt(offset);
  const sentence = doc.sentences[doc.sentenceOf(pronoun)];
  for (let k = sentence.tokenStart; k < pronoun; k++) {
    if (doc.upos(k) !== 'VERB' || !ASKING_VERBS.has(doc.tokens.lemma[k])) continue;
    for (const object of [...childrenWith(doc, k, 'iobj'), ...childrenWith(doc, k, 'obj')]) {
      const { tokenStart, tokenEnd } = subtreeSpan(doc, object);
      if (tokenEnd > pronoun) continue;
      const span = { start: doc.tokens.start[tokenStart], end: doc.tokens.end[tokenEnd - 1] };
      const person = mentionsIn(doc, span).map((m) => doc.entities[m.entity]).find(compatible);
      if (person) return person.id;
    }
  }
  return null;
}

/** Quotes opening before a mention that are checked for holding it. */
const QUOTES_HOLDING = 4;

/**
 * "The ruling party accused army chief Constantino Chiwenga of treason after he warned …": the one
 * person the pronoun's sentence names before it, outside quotation marks, when nobody else there
 * could be meant, is meant before any earlier speaker.
 */
function onlyOneInSentence(doc: Doc, offset: number, compatible: (e: Entity) => boolean): string | null {
  const sentence = doc.sentences[doc.sentenceOf(doc.tokenAt(offset))];
  // Not someone a quotation names: "“Ruth is a talented lawyer,” she said". Quotes are sorted by
  // start: the few opening last before the mention are those that may hold it.
  const quoted = (m: Mention): boolean => {
    const upTo = quotesUpTo(doc, m.start);
    return doc.quotes.slice(Math.max(0, upTo - QUOTES_HOLDING), upTo).some((q) => q.kind === 'direct' && m.end <= q.content.end);
  };
  const named = new Set(mentionsIn(doc, { start: sentence.start, end: offset }).filter((m) => !quoted(m)).map((m) => doc.entities[m.entity]).filter(compatible).map((e) => e.id));
  return named.size === 1 ? [...named][0] : null;
}

/** Quotes and mentions a pronoun looks back through at most for its antecedent. */
const MAX_LOOKED_BACK = 500;
/** Quotes past the pronoun checked too: their source may come before it. */
const QUOTES_PAST_OFFSET = 4;

/**
 * The mentions the stage started with, sorted by start (it appends its descriptions' mentions
 * after them), and the unnamed entities by name: lookups that scanned every mention or entity
 * per quote made long texts quadratic.
 */
interface MentionIndex extends MentionOrder {
  /** Mentions from this index on were added after it was made. */
  indexed: number;
  unnamed: Map<string, Entity>;
  /** Organisations of several words by their first word: "Halden" in a headline is Halden Technologies. */
  organisationsByFirstWord: Map<string, Entity>;
}

const indexes = new WeakMap<Doc, MentionIndex>();

function mentionIndex(doc: Doc): MentionIndex {
  const unnamed = new Map<string, Entity>();
  const organisationsByFirstWord = new Map<string, Entity>();
  for (const e of doc.entities) {
    if (e.unnamed && !unnamed.has(e.name.toLowerCase())) unnamed.set(e.name.toLowerCase(), e);
    const first = e.name.split(' ')[0];
    if (!e.unnamed && e.type === 'ORG' && first !== e.name && !organisationsByFirstWord.has(first)) organisationsByFirstWord.set(first, e);
  }
  return { ...mentionOrder(doc), indexed: doc.mentions.length, unnamed, organisationsByFirstWord };
}

/** Who speaks for a person: "his spokesman", "her lawyer said". */
const REPRESENTATIVES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'publicist', 'agent', 'representative', 'rep', 'lawyer', 'attorney', 'solicitor', 'barrister', 'manager', 'aide', 'office', 'camp', 'team', 'family']);

/** People described by a common noun, as a feature's passers-by are ("A teenager waiting at the stop shrugged"); gendered heads count too. */
const DESCRIBED_PEOPLE = /^(?:teenagers?|pensioners?|youths?|child|children|mum|dad|commuters?|parents?|shopkeepers?|villagers?|locals?|retirees?|students?|nurses?|drivers?|workers?|residents?|passers-by|researchers|scientists|doctors|experts|investigators|campaigners|protesters|activists)$/;

/** Singular nouns for people together, whom "they" takes up: "The pair have no children together. They said …". */
const PEOPLE_TOGETHER = new Set(['pair', 'couple', 'duo', 'trio', 'twins']);

/**
 * "A teenager waiting at the stop shrugged. “…,” he said": the person the sentence before a pronoun
 * (or its own) has as subject, described by a common noun, is the pronoun's antecedent when no
 * name or quote of a fitting person stands between them. The phrase, or null.
 */
function describedSubjectBefore(doc: Doc, offset: number, gender: Gender | 'plural' | 'neuter'): Span | null {
  if (!doc.layers.has('deps') || gender === 'neuter' || gender === null) return null;
  const at = doc.tokenAt(offset);
  const own = doc.sentenceOf(at);
  const { tokenStart } = doc.sentences[Math.max(0, own - 1)];
  let subject = -1;
  for (let i = tokenStart; i < at; i++) {
    const word = doc.tokens.lower[i];
    // A root noun too: the parse may make "A teenager … shrugged" a noun phrase.
    if (!/^(?:nsubj|root)/.test(doc.tokens.deprel[i]) || doc.upos(i) !== 'NOUN' || !(DESCRIBED_PEOPLE.test(word) || HEAD_GENDER.has(word) || PEOPLE_TOGETHER.has(word))) continue;
    const plural = (/s$/.test(word) && word !== 'boss') || PEOPLE_TOGETHER.has(word);
    if ((gender === 'plural') !== plural || (gender !== 'plural' && (HEAD_GENDER.get(word) ?? gender) !== gender)) continue;
    if (isMentioned(doc, i) || insideQuote(doc, doc.tokens.start[i])) continue;
    subject = i;
    break;
  }
  if (subject < 0) return null;
  // A named person, or a quote with a speaker, since the subject is the nearer antecedent; not of
  // "they", which no one person is ("The researchers, led by Dr. Marcus Lind, … They cautioned").
  const index = indexes.get(doc) ?? mentionIndex(doc);
  if (gender !== 'plural') {
    for (let j = index.firstFrom(doc.tokens.end[subject]); j < index.byStart.length && doc.mentions[index.byStart[j]].start < offset; j++) {
      if (doc.entities[doc.mentions[index.byStart[j]].entity].type === 'PERSON') return null;
    }
  }
  if (doc.quotes.some((q) => q.speaker !== null && q.cue !== null && q.cue.start > doc.tokens.end[subject] && q.cue.end < offset)) return null;
  let start = subject;
  while (start > tokenStart && /^(?:DET|ADJ|NUM)$/.test(doc.upos(start - 1))) start--;
  return { start: doc.tokens.start[start], end: doc.tokens.end[subject] };
}

/** Whether token `i` lies in a mention. */
function isMentioned(doc: Doc, i: number): boolean {
  const index = indexes.get(doc) ?? mentionIndex(doc);
  const j = index.firstFrom(doc.tokens.start[i] + 1) - 1;
  return j >= 0 && doc.mentions[index.byStart[j]].end > doc.tokens.start[i];
}

/**
 * A pronoun speaker is the most recent compatible speaker before it; failing that, the most recent
 * compatible mention. "he" needs a person not known to be female; "they" and "it" a group.
 */
function resolvePronoun(doc: Doc, offset: number, gender: Gender | 'plural' | 'neuter', lexicon: SpeakerLexicon): string | null {
  const compatible = (e: Entity): boolean => {
    // "she" is never a group described in the plural ("Economists at the Resolution Foundation"),
    // nor a document ("the study").
    if (gender === 'male' || gender === 'female') return e.type === 'PERSON' && (e.gender === null || e.gender === gender) && !(e.unnamed && (/[^s]s$/.test(e.name) || DOCUMENT_HEADS.test(e.name)));
    // "they" is a group: a body, or people described in the plural ("the farmers"), never one named person ("Daniel Reyes").
    if (gender === 'plural') return e.type !== 'PERSON' || (e.unnamed && /s$/.test(e.name)) || / and /.test(e.name);
    if (gender === 'neuter') return e.type !== 'PERSON';
    return e.type === 'PERSON';
  };
  const asked = askedInSentence(doc, offset, compatible) ?? onlyOneInSentence(doc, offset, compatible);
  if (asked) return asked;
  const described = describedSubjectBefore(doc, offset, gender);
  if (described) return resolveSource(doc, described, lexicon);
  // Quotes are in text order: look back from the first that starts at the offset (and a few past
  // it, whose source may come first), through at most MAX_LOOKED_BACK of them.
  const { quotes } = doc;
  const low = quotesUpTo(doc, offset - 1);
  for (let k = Math.min(quotes.length - 1, low + QUOTES_PAST_OFFSET); k >= 0 && k >= low - MAX_LOOKED_BACK; k--) {
    const q = quotes[k];
    if (q.content.start >= offset && (q.source?.start ?? q.content.start) >= offset) continue;
    // "“He said the shark looked like a wet sofa,” she says": a third person inside someone's
    // own words is someone else (in reported speech, "Smith said he told the board", it is Smith).
    if (q.kind === 'direct' && q.content.start <= offset && offset < q.content.end) continue;
    const e = doc.entityById(q.speaker);
    if (!e || !compatible(e)) continue;
    // "Paula Strand said Adeyemi had told her that …. “…,” she said": one reported inside another's
    // report, of unknown gender, is less salient than the one who reports it.
    const outer = k > 0 ? quotes[k - 1] : undefined;
    const outerSpeaker = doc.entityById(outer?.speaker ?? null);
    if (e.gender === null && outer && outerSpeaker && outerSpeaker.gender === gender && outer.content.start <= q.content.start && q.content.end <= outer.content.end) continue;
    // "Coach Peter DeBoer was less happy. “…,” he said": someone made the subject of the story
    // since that quote is the more salient.
    const since = Math.max(q.content.end, q.source?.end ?? 0);
    return newerSubject(doc, since, offset, compatible, e) ?? e.id;
  }
  // Mentions added by this stage (the newest first), then the others back from the offset.
  const index = indexes.get(doc) ?? mentionIndex(doc);
  for (let k = doc.mentions.length - 1; k >= index.indexed; k--) {
    const m = doc.mentions[k];
    if (m.end <= offset && compatible(doc.entities[m.entity])) return doc.entities[m.entity].id;
  }
  const before = index.firstFrom(offset);
  for (let j = before - 1; j >= 0 && j >= before - MAX_LOOKED_BACK; j--) {
    const m = doc.mentions[index.byStart[j]];
    if (m.end <= offset && compatible(doc.entities[m.entity])) return doc.entities[m.entity].id;
  }
  return null;
}
