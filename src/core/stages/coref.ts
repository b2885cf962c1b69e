import { descriptorType, isMediaNoun } from '../lexicon/words.js';
import type { Doc, Entity, Mention } from '../doc.js';
import type { Stage } from '../pipeline.js';
import type { EntityLexicon } from './entities.js';
import { PLACE_NOUNS } from '../lexicon/predicates.js';
import { isMilitaryHead } from '../lexicon/words.js';
import { baseRelation } from '../syntax.js';

/**
 * Coreference of definite descriptions ("the group" → the Taliban, "the channel" → Al Jazeera,
 * "the village" → the village of Petrivka named before)
 * and appositive roles and affiliations ("Abdul Manan Niazi, spokesperson for the group," gets
 * the role and an affiliation to whatever "the group" refers to). Pronouns are resolved where
 * they matter, for speakers, in speakers.ts.
 */

/** Words right before a mention of an addressee or medium. */
const ADDRESSEE_LEADS = new Set(['told', 'tell', 'tells', 'telling', 'to', 'with']);

export function createCorefStage(lexicon: Pick<EntityLexicon, 'isOrgCue' | 'isRoleWord'>): Stage {
  return {
    name: 'coref',
    requires: ['tokens', 'pos', 'mentions', 'entities'],
    assigns: ['coref'],
    apply(doc) {
      resolveDefiniteDescriptions(doc, lexicon);
      attachAppositives(doc, lexicon);
    },
  };
}

function resolveDefiniteDescriptions(doc: Doc, lexicon: Pick<EntityLexicon, 'isOrgCue'>): void {
  const { lower } = doc.tokens;
  const taken = new Uint8Array(doc.tokenCount);
  for (const m of doc.mentions) for (let i = m.tokenStart; i < m.tokenEnd; i++) taken[i] = 1;
  const added: Mention[] = [];
  for (let i = 1; i < doc.tokenCount; i++) {
    const place = PLACE_NOUNS.has(lower[i]);
    // "the carmaker", "the utility": a business by its trade is the last organisation that was a subject.
    const business = descriptorType(lower[i]) === 'ORG';
    if (lower[i - 1] !== 'the' || taken[i] || !(lexicon.isOrgCue(lower[i]) || business || isMediaNoun(lower[i]) || KIND_NAME_WORDS.has(lower[i]) || place)) continue;
    if (doc.upos(i) !== 'NOUN') continue;
    // "The developer, Kenmore Homes,": the name in apposition says who.
    if (i + 2 < doc.tokenCount && doc.word(i + 1) === ',' && taken[i + 2]) continue;
    const antecedent = place ? lastPlaceNamedAs(doc, i, lower[i]) : isMediaNoun(lower[i]) ? lastAddressee(doc, i) : lastSubjectOrganisation(doc, i, lower[i]);
    if (antecedent < 0) continue;
    added.push({
      start: doc.tokens.start[i - 1], end: doc.tokens.end[i], tokenStart: i - 1, tokenEnd: i + 1,
      type: doc.entities[antecedent].type, kind: 'nominal', entity: antecedent,
    });
  }
  if (added.length === 0) return;
  // Keep mentions in text order; entity mention lists are rebuilt to match.
  doc.mentions = [...doc.mentions, ...added].sort((a, b) => a.start - b.start);
  for (const e of doc.entities) e.mentions = [];
  doc.mentions.forEach((m, k) => doc.entities[m.entity].mentions.push(k));
}

/** The most recent organisation mentioned as the one spoken to: "told Al Jazeera". */
function lastAddressee(doc: Doc, before: number): number {
  const last = mentionsBefore(doc, before) - 1;
  for (let k = last; k >= 0 && k > last - MAX_MENTIONS_BACK; k--) {
    const m = doc.mentions[k];
    if (m.tokenEnd > before || doc.entities[m.entity].type !== 'ORG') continue;
    if (m.tokenStart > 0 && ADDRESSEE_LEADS.has(doc.tokens.lower[m.tokenStart - 1])) return m.entity;
  }
  return -1;
}

/**
 * The most recent place introduced with the same noun ("the village of Petrivka", "Petrivka
 * village"), which a later "the village" refers to.
 */
function lastPlaceNamedAs(doc: Doc, before: number, noun: string): number {
  const { lower } = doc.tokens;
  const last = mentionsBefore(doc, before) - 1;
  for (let k = last; k >= 0 && k > last - MAX_MENTIONS_BACK; k--) {
    const m = doc.mentions[k];
    const type = doc.entities[m.entity].type;
    if (m.tokenEnd > before || (type !== 'GPE' && type !== 'LOC')) continue;
    const namedOf = m.tokenStart >= 2 && lower[m.tokenStart - 1] === 'of' && lower[m.tokenStart - 2] === noun;
    if (namedOf || lower[m.tokenEnd] === noun) return m.entity;
  }
  return -1;
}

/**
 * Mentions a description ("the group", "the agency") looks back through at most: an article's
 * antecedent is close by, and an unbounded search made analysis quadratic in article length.
 */
const MAX_MENTIONS_BACK = 500;

/**
 * How many mentions (in text order, as the entities stage lists them) start before token `before`:
 * the backward searches start there rather than at the end of the text.
 */
function mentionsBefore(doc: Doc, before: number): number {
  let low = 0;
  let high = doc.mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (doc.mentions[middle].tokenStart < before) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Heads that can refer to any organisation ("the group" → the Taliban). Any other head names a
 * kind of body, and refers back only to one named or described with it: "the army" is Zimbabwe's
 * army or the Zimbabwe National Army, never the Movement for Democratic Change; "the coalition"
 * is a coalition, never the Iraqi command that reported its strike.
 */
const GENERIC_HEADS = new Set(['group', 'groups', 'organisation', 'organization', 'movement', 'faction', 'company', 'firm']);

/**
 * Kinds of business and the words their names use: "the airline" is Skyline Air, "the utility"
 * Severn Vale Water, "the miner" Minera Cordillera.
 */
const KIND_NAME_WORDS = new Map<string, readonly string[]>([
  ['airline', ['air', 'airlines', 'airways', 'aviation', 'jet']],
  ['carrier', ['air', 'airlines', 'airways', 'aviation', 'jet', 'telecom', 'mobile']],
  ['utility', ['water', 'energy', 'power', 'electric', 'electricity', 'gas', 'utilities']],
  ['bank', ['bank', 'banco', 'banca', 'banque', 'bancorp']],
  ['lender', ['bank', 'banco', 'banca', 'banque', 'bancorp', 'financial', 'credit']],
  ['insurer', ['insurance', 'assurance', 'mutual']],
  ['carmaker', ['motors', 'motor', 'automotive', 'auto', 'cars']],
  ['automaker', ['motors', 'motor', 'automotive', 'auto', 'cars']],
  ['miner', ['mining', 'minera', 'mines', 'resources', 'metals', 'copper', 'gold']],
  ['retailer', ['stores', 'retail', 'mart', 'market', 'foods', 'supermarkets']],
  ['broadcaster', ['tv', 'television', 'broadcasting', 'radio', 'media']],
  ['operator', ['energy', 'power', 'rail', 'railway', 'railways', 'nuclear', 'electric']],
]);

/** Whether "the <head>" can refer back to `entity`. */
function headFits(head: string, entity: Entity): boolean {
  // "the carmaker", "the utility": any organisation may be called by its trade.
  if (GENERIC_HEADS.has(head) || descriptorType(head) === 'ORG') return true;
  const words = [entity.name, ...entity.aliases].flatMap((n) => n.toLowerCase().split(/[^\p{L}]+/u));
  const kind = KIND_NAME_WORDS.get(head);
  return words.includes(head) || (kind !== undefined && words.some((w) => kind.includes(w))) ||
    (isMilitaryHead(head) && words.some(isMilitaryHead));
}

/**
 * The most recent organisation named with the head ("the Islamic State group"), else the most recent
 * one, fit for the head, that was the subject of a clause: the salient one.
 */
function lastSubjectOrganisation(doc: Doc, before: number, head: string): number {
  let fallback = -1;
  const last = mentionsBefore(doc, before) - 1;
  let subject = -1;
  for (let k = last; k >= 0 && k > last - MAX_MENTIONS_BACK; k--) {
    const m = doc.mentions[k];
    if (m.tokenEnd > before || doc.entities[m.entity].type !== 'ORG' || !headFits(head, doc.entities[m.entity])) continue;
    // "the Islamic State group's deputy leader … the group": named with the head itself.
    if (m.kind === 'name' && doc.tokens.lower[m.tokenEnd] === head) return m.entity;
    if (fallback < 0) fallback = m.entity;
    if (subject < 0 && isSubject(doc, m)) subject = m.entity;
  }
  return subject >= 0 ? subject : fallback;
}

/**
 * Whether the mention heads a clause's subject in the parse: "Bayer, which makes aspirin, said"
 * is one; "Dr. Khera of UT Southwestern Medical Center called it" is not, though a verb follows
 * the name.
 */
function isSubject(doc: Doc, m: Mention): boolean {
  if (!doc.layers.has('deps')) return false;
  const { head, deprel } = doc.tokens;
  for (let i = m.tokenStart; i < m.tokenEnd; i++) {
    if ((head[i] < m.tokenStart || head[i] >= m.tokenEnd) && baseRelation(deprel[i]) === 'nsubj') return true;
  }
  return false;
}

/**
 * "NAME, ROLE …," — roles and affiliation from an appositive: "Zamir Kabulov, official at the
 * Russian foreign ministry and President Vladimir Putin's special representative for Afghanistan,".
 */
function attachAppositives(doc: Doc, lexicon: Pick<EntityLexicon, 'isRoleWord'>): void {
  const mentionAtToken = new Int32Array(doc.tokenCount).fill(-1);
  doc.mentions.forEach((m, k) => {
    for (let i = m.tokenStart; i < m.tokenEnd; i++) mentionAtToken[i] = k;
  });
  for (const mention of doc.mentions) {
    const person = doc.entities[mention.entity];
    if (person.type !== 'PERSON' || mention.kind !== 'name') continue;
    attachTitle(doc, mention, person, mentionAtToken, lexicon);
    const comma = mention.tokenEnd;
    if (comma >= doc.tokenCount || doc.word(comma) !== ',') continue;
    const sentence = doc.sentences[doc.sentenceOf(comma)];
    let end = comma + 1;
    while (end < sentence.tokenEnd && doc.word(end) !== ',' && doc.upos(end) !== 'VERB') end++;
    const roleTokens = [];
    for (let i = comma + 1; i < end; i++) {
      // "President Vladimir Putin's special representative": the title belongs to Putin.
      const title = doc.upos(i + 1) === 'PROPN' && /^\p{Lu}/u.test(doc.word(i));
      if (lexicon.isRoleWord(doc.tokens.lower[i]) && !title) roleTokens.push(i);
    }
    if (roleTokens.length === 0) continue;
    for (const i of roleTokens) {
      const role = roleWithModifiers(doc, i, comma + 1, lexicon);
      if (!person.roles.includes(role)) person.roles.push(role);
    }
    if (person.affiliation === null) {
      for (let i = comma + 1; i < end; i++) {
        const k = mentionAtToken[i];
        if (k < 0) continue;
        const other = doc.entities[doc.mentions[k].entity];
        if (other !== person && other.type !== 'PERSON') {
          person.affiliation = other.id;
          break;
        }
      }
    }
  }
}

/** Words of a title of several words that the tagger may take for a name: "Chief Financial Officer". */
const TITLE_WORDS = new Set(['chief', 'financial', 'operating', 'executive', 'technology', 'foreign', 'prime', 'deputy', 'vice', 'senior', 'general', 'acting', 'interim', 'managing']);

/**
 * A role written before the name: "foreign ministry spokeswoman Yelena Markova", "Taliban spokesman
 * Zabihullah Mujahid" (affiliation: the Taliban), "Russian President Vladimir Putin" (Russia).
 */
function attachTitle(
  doc: Doc, mention: Mention, person: Entity, mentionAtToken: Int32Array, lexicon: Pick<EntityLexicon, 'isRoleWord'>,
): void {
  let start = mention.tokenStart;
  let hasRole = false;
  // Within the name's paragraph: a byline's "Sports Correspondent" is no title of the lead's first name.
  const paragraphStart = doc.paragraphs[doc.paragraphOf(mention.tokenStart)].tokenStart;
  while (start > paragraphStart && mentionAtToken[start - 1] < 0 && start > mention.tokenStart - 5) {
    const i = start - 1;
    const role = lexicon.isRoleWord(doc.tokens.lower[i]);
    // "Chief Financial Officer Anke Weiss": a title's words tagged as a name are still the title.
    if (!role && !/^(?:NOUN|ADJ)$/.test(doc.upos(i)) && !TITLE_WORDS.has(doc.tokens.lower[i])) break;
    hasRole ||= role;
    start = i;
  }
  if (!hasRole) return;
  const role = doc.text.slice(doc.tokens.start[start], doc.tokens.end[mention.tokenStart - 1]);
  // The whole title stands for its last word, which the name's own typing may have kept ("Officer").
  person.roles = person.roles.filter((r) => !role.endsWith(` ${r}`));
  if (!person.roles.includes(role)) person.roles.push(role);
  const before = start > 0 ? mentionAtToken[start - 1] : -1;
  if (person.affiliation !== null || before < 0) return;
  const group = doc.entities[doc.mentions[before].entity];
  if (group.type === 'PERSON') return;
  // A nationality stands for its country when the article names it.
  person.affiliation = group.type === 'NORP' && group.related ? group.related : group.id;
}

/** The role word with its modifiers and a following "for/of/at X": "special representative for Afghanistan". */
function roleWithModifiers(doc: Doc, i: number, from: number, lexicon: Pick<EntityLexicon, 'isRoleWord'>): string {
  let start = i;
  while (start > from && doc.upos(start - 1) === 'ADJ') start--;
  let end = i + 1;
  if (end < doc.tokenCount && /^(?:for|of|at|to)$/.test(doc.tokens.lower[end])) {
    let k = end + 1;
    while (k < doc.tokenCount && /^(?:DET|ADJ|PROPN|NOUN)$/.test(doc.upos(k)) && !lexicon.isRoleWord(doc.tokens.lower[k])) k++;
    if (k > end + 1) end = k;
  }
  return doc.text.slice(doc.tokens.start[start], doc.tokens.end[end - 1]);
}
