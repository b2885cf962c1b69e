import { ploverOf } from '../cameo.js';
import type { Claim, CodedEvent, Doc, Entity, EventActor, Modality, Span } from '../doc.js';
import { dateNumberOf, EventCoder, type EventArgument, type RawEvent } from '../event-coding.js';
import type { EventDictionaries } from '../lexicon/petrarch.js';
import type { Stage } from '../pipeline.js';

/**
 * Who did what to whom. Codes every clause of the article (its own voice and the contents of
 * quotes) with CAMEO events (event-coding.ts), links each actor phrase to its entity, puts each
 * event under the claim whose content holds it, and gives PERSON/ORG/GPE/NORP entities their
 * dictionary actor code for the article's date. Entities, speakers and claims are used when an
 * earlier stage made them; the parse alone is enough (as in `eval events`).
 */

const CODED_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const WE = new Set(['we', 'us', 'our']);
const I = new Set(['i', 'me', 'my']);

export function createEventsStage(dictionaries: () => EventDictionaries): Stage {
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'pos', 'deps'],
    assigns: ['events'],
    apply(doc) {
      codeEvents(doc, dictionaries());
    },
  };
}

export function codeEvents(doc: Doc, dictionaries: EventDictionaries): void {
  const { dateline } = doc.meta;
  const inDateline = (i: number): boolean => dateline !== null && doc.tokens.start[i] >= dateline.start && doc.tokens.end[i] <= dateline.end;
  const coder = new EventCoder(dictionaries, dateNumberOf(doc.meta.published), inDateline);
  codeEntities(doc, coder);
  doc.events = [];
  if (coder.discardsStory(doc)) return;
  const contents = claimContents(doc);
  const partsOf = new Map<Claim, ClaimContent[]>();
  for (const c of contents) {
    const parts = partsOf.get(c.claim);
    if (parts) parts.push(c);
    else partsOf.set(c.claim, [c]);
  }
  const entities = tokenEntities(doc);
  for (let s = 0; s < doc.sentences.length; s++) {
    for (const raw of coder.codeSentence(doc, s)) {
      const claim = claimOf(contents, doc.tokens.start[raw.predicate]);
      // "“This took far too long,” … Agnes Holm said": what a quotation's words act on is in them;
      // one read in the speaker phrase the parse hung on their verb is a misreading.
      if (claim && raw.target && !inContentOf(partsOf.get(claim) ?? [], doc.tokens.start[raw.target.head])) continue;
      const event = toEvent(doc, entities, raw, `v${doc.events.length + 1}`, s, claim);
      // "Okafor, who joined from Hull": an actor read as its own counterpart is a misreading.
      if (event.source?.entity && event.source.entity === event.target?.entity) continue;
      // "The fine → allowed", "This → took": an event with no actor on either side tells no one what happened.
      if (!isActor(event.source) && !isActor(event.target)) continue;
      doc.events.push(event);
    }
  }
  for (const claim of doc.claims) {
    const own = doc.events.filter((e) => e.claim === claim.id);
    claim.events = own.map((e) => e.id);
    // The claim's CAMEO codes are those of the events between two actors it holds: what
    // contradictions compare ("IS vowed to step up operations" names no counterpart).
    claim.proposition.cameo = [...new Set(own.filter((e) => e.source && e.target).map((e) => e.code))].sort();
  }
}

/** Actor codes of entities: their longest name's dictionary code, else their affiliation's. */
/** An actor: a side that is an entity or has an actor code. */
const isActor = (a: EventActor | null): boolean => a !== null && (a.entity !== null || a.code !== null);

function codeEntities(doc: Doc, coder: EventCoder): void {
  for (const entity of doc.entities) {
    if (!CODED_TYPES.has(entity.type)) continue;
    let best: { length: number; code: string } | null = null;
    for (const k of entity.mentions) {
      const m = doc.mentions[k];
      if (m.kind !== 'name' && !(entity.unnamed && m.kind === 'nominal')) continue;
      const tokens: number[] = [];
      for (let i = m.tokenStart; i < m.tokenEnd; i++) tokens.push(i);
      // A person's name holding a place's ("Constantine Chiwenga") is not that place's actor.
      const [code] = coder.codeTokens(doc, tokens, m.tokenEnd - 1, entity.type === 'PERSON' && !entity.unnamed);
      if (code && !code.startsWith('---') && (!best || m.end - m.start > best.length)) best = { length: m.end - m.start, code };
    }
    entity.code = best?.code ?? null;
  }
  for (const entity of doc.entities) {
    if (!CODED_TYPES.has(entity.type) || entity.code) continue;
    const affiliation = doc.entityById(entity.affiliation);
    entity.code = affiliation?.code ?? null;
  }
}

interface ClaimContent extends Span {
  claim: Claim;
}

function claimContents(doc: Doc): ClaimContent[] {
  const out: ClaimContent[] = [];
  for (const claim of doc.claims) {
    const quote = doc.quotes.find((q) => q.id === claim.quote);
    if (!quote) continue;
    for (const part of quote.content.parts ?? [quote.content]) out.push({ start: part.start, end: part.end, claim });
  }
  return out;
}

/** Whether `offset` lies in one of a claim's content parts (nested claims' contents lie in them too). */
function inContentOf(parts: readonly ClaimContent[], offset: number): boolean {
  return parts.some((c) => offset >= c.start && offset < c.end);
}

/** The claim whose content holds `offset`, the innermost when contents nest. */
function claimOf(contents: ClaimContent[], offset: number): Claim | null {
  let best: ClaimContent | null = null;
  for (const c of contents) {
    if (offset >= c.start && offset < c.end && (!best || c.end - c.start < best.end - best.start)) best = c;
  }
  return best?.claim ?? null;
}

/**
 * The entity each token names or stands for: mentions ("Russia", "the group", "he"), then the
 * speaker phrases of quotes ("he said" → the resolved speaker). Built once per article.
 */
function tokenEntities(doc: Doc): Map<number, Entity> {
  const out = new Map<number, Entity>();
  for (const m of doc.mentions) {
    if (m.entity < 0) continue;
    for (let i = m.tokenStart; i < m.tokenEnd; i++) if (!out.has(i)) out.set(i, doc.entities[m.entity]);
  }
  for (const quote of doc.quotes) {
    const speaker = doc.entityById(quote.speaker);
    if (!quote.source || !speaker) continue;
    for (let i = doc.tokenAt(quote.source.start); i < doc.tokenCount && doc.tokens.start[i] < quote.source.end; i++) if (!out.has(i)) out.set(i, speaker);
  }
  return out;
}

function toEvent(doc: Doc, entities: Map<number, Entity>, raw: RawEvent, id: string, s: number, claim: Claim | null): CodedEvent {
  const i = raw.predicate;
  const sentence = doc.sentences[s];
  // A denial negates what it denies: the events in a denied content did not happen, says the speaker.
  const negated = raw.negated || claim?.stance === 'deny';
  const modality: Modality = raw.modality === 'asserted' && claim ? 'reported' : raw.modality;
  return {
    id,
    code: raw.code,
    plover: ploverOf(raw.code),
    predicate: { start: doc.tokens.start[i], end: doc.tokens.end[i], lemma: doc.tokens.lemma[i] || doc.tokens.lower[i] },
    negated,
    modality,
    source: actor(doc, entities, raw.source, claim),
    target: actor(doc, entities, raw.target, claim),
    claim: claim?.id ?? null,
    sentence: { start: sentence.start, end: sentence.end },
  };
}

/** The phrase's span, its entity (the head's, else the first named inside) and its code. */
function actor(doc: Doc, entities: Map<number, Entity>, argument: EventArgument | null, claim: Claim | null): EventActor | null {
  if (!argument) return null;
  const { tokens } = argument;
  const start = doc.tokens.start[tokens[0]];
  const end = doc.tokens.end[tokens[tokens.length - 1]];
  const entity = entityOf(doc, entities, argument, claim);
  const [phrase] = argument.codes;
  // An agent of no known country ("---MED", a spokesperson) takes its entity's country: AFGREB + MED.
  const code = phrase?.startsWith('---') && entity?.code ? withAgent(entity.code, phrase.slice(3)) : (phrase ?? entity?.code ?? null);
  return { start, end, entity: entity?.id ?? null, code };
}

function entityOf(doc: Doc, entities: Map<number, Entity>, argument: EventArgument, claim: Claim | null): Entity | null {
  const own = entities.get(argument.head);
  if (own) return own;
  for (const i of argument.tokens) {
    const inside = entities.get(i);
    if (inside) return inside;
  }
  // "we" and "I" in a speaker's own words are the speaker's side and the speaker.
  const word = doc.tokens.lower[argument.head];
  const speaker = claim ? doc.entityById(claim.speaker) ?? null : null;
  if (speaker && WE.has(word)) return doc.entityById(speaker.affiliation) ?? speaker;
  if (speaker && I.has(word)) return speaker;
  return null;
}

function withAgent(code: string, agent: string): string {
  return code.endsWith(agent) ? code : code + agent;
}
