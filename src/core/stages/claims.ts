import type { Claim, Doc, Quote, Span, Stance } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { CUE_READINGS, takesParticle } from '../cues.js';
import { REPORT_NOUNS } from '../lexicon/predicates.js';
import { mentionOrder, type MentionOrder } from '../mention-order.js';
import { frameOf, polarityOf, restsOnNegation, withholds, type Frame } from '../proposition.js';
import { side } from './contradictions.js';

/**
 * Claims: one per attributed statement, and one per unattributed sentence of the headline and lead,
 * which the outlet asserts in its own voice ("Apple will release a smartwatch next month"). Each
 * has a speaker (null for the outlet), the stance taken and why, and the proposition: entities,
 * content terms, CAMEO codes and its frame (predicate classes, negation; src/core/proposition.ts).
 *
 * Stance: the cue's class; a negated cue ("did not deny") is no stance of its own. An assertion
 * whose predicate is negated ("I have not resigned") or that calls something untrue ("the story
 * is fake", "there was no truth in a report that …") is a denial of the un-negated proposition. A
 * denial that names only a report ("dismissed the claims") denies the article's matter: the first
 * claim of the headline or lead with a predicate of its own.
 */

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const LIGHT_LEMMAS = new Set(['be', 'have', 'do', 'say', 'get', 'make', 'go', 'take', 'come', 'will', 'would', 'can', 'that', 'thing']);
/** A lead paragraph shorter than this is a byline or a dateline, not the lead. */
const MIN_LEAD_TOKENS = 8;
/**
 * "SAN FRANCISCO, Aug. 3 — ", "KABUL: ", "OSLO, May 20 (Meridian Wire) - ", "(Meridian Wire) - "
 * before a lead, or as a sentence of its own.
 */
const DATELINE = /^\s*(?:[A-Z][A-Z .'’-]+(?:,[^—–:\n]{0,40}?)?\s*(?:\([^)\n]{0,40}\))?\s*[—–:-]+(?:\s+|$)|\([^)\n]{0,40}\)\s*[—–-]+(?:\s+|$))/;

export function buildClaims(doc: Doc): void {
  const order = mentionOrder(doc);
  const lastCued = new Map<string | null, Quote>();
  const anaphoric = new Set<string>();
  doc.quotes.forEach((quote, k) => {
    const parts = quote.content.parts ?? [quote.content];
    const frame = frameOf(doc, parts);
    if (frame.anaphoric) anaphoric.add(`c${k + 1}`);
    const refined = refine(stanceOf(doc, quote, lastCued.get(quote.speaker)), frame);
    // "rejected a request", "is challenging McCain": a thing refused is no proposition denied.
    const { stance, basis } = refined.stance === 'deny' && refusesAThing(doc, quote, parts) ? { ...refined, stance: 'other' as const }
      : refined.stance === 'threaten' ? { ...refined, stance: threatOrCommitment(doc, quote, parts) } : refined;
    if (quote.cue) lastCued.set(quote.speaker, quote);
    doc.claims.push({ id: `c${k + 1}`, quote: quote.id, speaker: quote.speaker, stance, basis, proposition: proposition(doc, order, parts, frame, quote.speaker), events: [] });
  });
  for (const span of outletSentences(doc)) {
    const frame = frameOf(doc, [span]);
    if (frame.predicates.length === 0) continue;
    const verb = denialVerb(doc, span, span.start === doc.meta.title?.start);
    const { stance, basis } = verb ? { stance: 'deny' as const, basis: `"${verb}"` } : refine({ stance: 'assert', cue: '' }, frame);
    doc.claims.push({ id: `c${doc.claims.length + 1}`, quote: null, speaker: null, stance, basis: basis || 'the outlet', proposition: proposition(doc, order, [span], frame, null), events: [] });
  }
  resolveTopics(doc, anaphoric, order);
}

/** The cue's class; a floating quote continues the stance of its speaker's previous statement with a cue. */
function stanceOf(doc: Doc, quote: Quote, previous: Quote | undefined): { stance: Stance; cue: string } {
  const cued = quote.cue ? quote : previous;
  if (!cued?.cue) return { stance: 'assert', cue: '' };
  return { stance: cued.cue.negated ? 'other' : cued.cue.class, cue: doc.slice(cued.cue) };
}

/** Harm a vow or a warning may hold: "vowed to retaliate", "warned of consequences". */
const HARM = new Set([
  'attack', 'strike', 'kill', 'destroy', 'crush', 'punish', 'retaliate', 'retaliation', 'revenge', 'avenge', 'sanction',
  'consequence', 'war', 'fight', 'bomb', 'invade', 'sue', 'prosecute', 'arrest', 'expel', 'jail', 'shoot', 'target',
  'eliminate', 'annihilate', 'wipe', 'hunt', 'boycott', 'blockade', 'seize', 'raid', 'force', 'veto', 'block',
  'impeach', 'oust', 'topple', 'invasion', 'reprisal', 'response', 'escalate', 'escalation', 'nuclear', 'weapon',
  'operation', 'offensive', 'assault', 'violence', 'jihad', 'insurgency', 'battle', 'resist', 'defeat',
]);

/** What a warning points out rather than threatens: "the risks of", "the danger of". */
const DANGERS = new Set(['risk', 'danger', 'hazard', 'peril', 'threat', 'possibility', 'prospect', 'likelihood', 'chance']);

/**
 * A threat-class cue's stance from its sense in context: "threatened" and a vow or warning of harm
 * ("vowed to retaliate", "warned of severe consequences") threaten; a promise of something good
 * ("promised emergency funds", "pledged to rebuild") is a commitment (`other`); a warning of what
 * will happen ("warned that prices would rise") asserts it.
 */
function threatOrCommitment(doc: Doc, quote: Quote, parts: readonly Span[]): Stance {
  const cue = quote.cue;
  if (!cue) return 'threaten';
  const cueLemma = cue.lemma;
  if (cueLemma === 'threaten') return 'threaten';
  const warning = cueLemma === 'warn' || cueLemma === 'caution';
  for (const part of parts) {
    for (let i = doc.tokenAt(part.start); i < doc.tokenCount && doc.tokens.end[i] <= part.end; i++) {
      const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
      // "warned about the risks of fighting near nuclear plants": a danger pointed out, no threat.
      if (warning && DANGERS.has(lemma)) return 'assert';
      if (HARM.has(lemma)) return 'threaten';
    }
  }
  return warning ? 'assert' : 'other';
}

/** Denial cues that also refuse or oppose a thing: "rejected a request", "is challenging McCain for the seat". */
const REFUSING_CUES = new Set(['reject', 'challenge', 'dismiss', 'contest', 'dispute', 'rebuff', 'spurn', 'discount', 'repudiate']);
/** What "deny" refuses rather than calls untrue: "denied bail", "denied class-action status". */
const REFUSED_THINGS = new Set(['bail', 'status', 'access', 'request', 'permission', 'entry', 'visa', 'application', 'appeal', 'motion', 'petition', 'parole', 'asylum', 'license', 'licence', 'permit']);
/** Nouns that name something said: rejecting one denies it ("rejected Trump's remarks", "dismissed the idea"). */
const SAID_NOUNS = new Set([
  ...REPORT_NOUNS, 'remark', 'comment', 'statement', 'idea', 'notion', 'characterization', 'characterisation', 'criticism',
  'assessment', 'conclusion', 'finding', 'version', 'narrative', 'theory', 'view', 'premise', 'description', 'portrayal',
  'label', 'argument', 'interpretation', 'analysis', 'estimate', 'figure', 'number', 'assertion', 'insinuation', 'charge',
  'talk', 'chatter', 'gossip', 'hype',
]);

/**
 * Whether a denial cue refuses a thing rather than denies a proposition: its content (on the
 * parse) is a noun phrase naming no report or statement, after a refusing cue ("rejected a
 * request from Democrats", "is challenging McCain") or after "deny" for what is granted ("denied
 * class-action status"). "Denied any negotiations" and "rejected the report" stay denials.
 */
function refusesAThing(doc: Doc, quote: Quote, parts: readonly Span[]): boolean {
  if (!quote.cue || !doc.layers.has('deps')) return false;
  // The cue's verb, past its auxiliaries and adverbs ("is challenging", "forcefully rejected").
  let verb = '';
  for (let i = doc.tokenAt(quote.cue.start); i < doc.tokenCount && doc.tokens.end[i] <= quote.cue.end && verb === ''; i++) {
    const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
    if (REFUSING_CUES.has(lemma) || lemma === 'deny') verb = lemma;
  }
  const tokens: number[] = [];
  for (let i = doc.tokenAt(parts[0].start); i < doc.tokenCount && doc.tokens.end[i] <= parts[0].end; i++) tokens.push(i);
  const inside = new Set(tokens);
  const top = tokens.find((i) => !inside.has(doc.tokens.head[i]));
  if (top === undefined || (doc.upos(top) !== 'NOUN' && doc.upos(top) !== 'PROPN')) return false;
  const noun = doc.tokens.lemma[top] || doc.tokens.lower[top];
  if (SAID_NOUNS.has(noun)) return false;
  return REFUSING_CUES.has(verb) || (verb === 'deny' && REFUSED_THINGS.has(noun));
}

/** An assertion that negates its predicate or calls something untrue is a denial. */
function refine({ stance, cue }: { stance: Stance; cue: string }, frame: Frame): { stance: Stance; basis: string } {
  // "Kestrel rejected the report that it would buy Bluewing, the company said": a denial reported, no takeover asserted.
  if (stance === 'assert' && frame.reportsDenial) return { stance: 'other', basis: cue ? `cue "${cue}"` : '' };
  if (stance === 'assert' && frame.denial) return { stance: 'deny', basis: `"${frame.denial}"` };
  // "Tributes pour in as reports of his death spread": the report is mentioned, not made.
  if (stance === 'assert' && frame.hearsay) return { stance: 'other', basis: 'a report mentioned' };
  return { stance, basis: cue ? `cue "${cue}"` : '' };
}

function proposition(doc: Doc, order: MentionOrder, parts: Span[], frame: Frame, speaker: string | null): Claim['proposition'] {
  const { byStart } = order;
  const entities = new Set<string>();
  const terms = new Set<string>();
  for (const part of parts) {
    // Mentions by start offset, so a long article is not rescanned per claim.
    for (let j = order.firstFrom(part.start); j < byStart.length && doc.mentions[byStart[j]].start < part.end; j++) {
      const m = doc.mentions[byStart[j]];
      const ofSource = frame.reportSource !== null && m.start >= frame.reportSource.start && m.end <= frame.reportSource.end;
      if (m.end <= part.end && m.entity >= 0 && !ofSource) entities.add(doc.entities[m.entity].id);
    }
    for (let i = doc.tokenAt(part.start); i < doc.tokenCount && doc.tokens.end[i] <= part.end; i++) {
      if (!CONTENT_POS.has(doc.upos(i))) continue;
      const lemma = doc.tokens.lemma[i] || doc.tokens.lower[i];
      if (!LIGHT_LEMMAS.has(lemma) && /\p{L}/u.test(lemma)) terms.add(lemma);
    }
  }
  return {
    start: parts[0].start,
    end: parts[parts.length - 1].end,
    entities: [...entities],
    terms: [...terms].sort(),
    // The CAMEO codes of the events the content holds, set by the events stage.
    cameo: [],
    predicates: frame.anaphoric ? [] : frame.predicates,
    predicate: frame.anaphoric ? '' : frame.words,
    negated: frame.negated,
    self: frame.self,
    agent: frame.agent ?? (frame.self ? speaker : null),
    topic: null,
  };
}

/**
 * The headline and the lead's first sentence where no quote covers them: what the outlet says in
 * its own voice. The lead is the first paragraph after the headline long enough not to be a byline;
 * a dateline before it is left out.
 */
function outletSentences(doc: Doc): Span[] {
  const covered = (s: Span): boolean => doc.quotes.some((q) => q.content.start < s.end && q.content.end > s.start) || doc.quotes.some((q) => q.cue !== null && q.cue.start < s.end && q.cue.end > s.start);
  const spans: Span[] = [];
  const title = doc.meta.title;
  if (title) spans.push(title);
  const lead = doc.paragraphs.find((p) => (!title || p.start >= title.end) && p.tokenEnd - p.tokenStart >= MIN_LEAD_TOKENS && !/^(?:by|posted)\b/i.test(doc.slice(p)));
  if (lead) {
    // The dateline may be a sentence of its own (the meta stage ends it at its separator).
    for (let k = doc.sentenceOf(lead.tokenStart); k < doc.sentences.length && doc.sentences[k].end <= lead.end; k++) {
      const sentence = doc.sentences[k];
      const skip = DATELINE.exec(doc.slice(sentence))?.[0].length ?? 0;
      if (sentence.start + skip >= sentence.end) continue;
      spans.push({ start: sentence.start + skip, end: sentence.end });
      break;
    }
  }
  return spans.map((s) => afterQuestion(doc, s)).filter((s) => s.end > s.start && !covered(s));
}

/**
 * A question asserts nothing: "Is Lila Moor leaving Glasshouse? What we know so far" says only
 * what comes after its last question mark.
 */
function afterQuestion(doc: Doc, span: Span): Span {
  const asked = doc.text.lastIndexOf('?', span.end - 1);
  if (asked < span.start) return span;
  let start = asked + 1;
  while (start < span.end && /\s/.test(doc.text[start])) start++;
  return { start, end: span.end };
}

/** A denial verb the outlet reports ("Real Castilla refute transfer report"): its sentence denies. */
function denialVerb(doc: Doc, span: Span, headline: boolean): string | null {
  const { lower, lemma } = doc.tokens;
  for (let i = doc.tokenAt(span.start); i < doc.tokenCount && doc.tokens.end[i] <= span.end; i++) {
    // Headlines are often tagged as noun phrases ("Kestrel rejects takeover report"): a verb, or in
    // a headline a word right after a name; "two contests this weekend", "three Democratic
    // contests" in a lead are no denial.
    if (doc.upos(i) !== 'VERB' && !(headline && i > 0 && doc.upos(i - 1) === 'PROPN')) continue;
    const readings = CUE_READINGS.get(lemma[i] || lower[i]) ?? [];
    if (readings.some((r) => r.cls === 'deny' && (r.particle === null || takesParticle(lower, i, doc.tokenCount, r.particle))) && !withholds(doc, i)) return doc.word(i);
  }
  return null;
}

/**
 * A denial of "the claims" or "the report" (claims `anaphoric` by id) takes the proposition of the
 * article's matter, when the matter (or whoever states it) involves the denier or someone its
 * sentence names: "Nordvik Bank dismissed the report" denies "Nordvik chief will step down"; "Jeff
 * Weaver dismissed that suggestion" does not deny the headline "Clinton looks for pace to quicken".
 */
function resolveTopics(doc: Doc, anaphoric: ReadonlySet<string>, order: MentionOrder): void {
  const lead = leadEnd(doc);
  const ordered = [...doc.claims].sort((a, b) => a.proposition.start - b.proposition.start);
  const states = (c: Claim): boolean => c.proposition.predicates.length > 0 && c.proposition.predicate !== '';
  const matter = ordered.find((c) => c.proposition.start < lead && states(c));
  const quotes = new Map(doc.quotes.map((q) => [q.id, q]));
  for (const claim of doc.claims) {
    // Only a denial that names a report stands for the matter: "denied class-action status" has a
    // predicate of its own, though of no class, and denies nothing the headline says; nor does a
    // negation alone ("wouldn't recognize it").
    if (claim.stance !== 'deny' || !anaphoric.has(claim.id) || restsOnNegation(claim.basis)) continue;
    // "The Financial Times reported that BuzzFeed missed its targets. BuzzFeed denied the report":
    // a report just before is the one denied, else the article's matter.
    const topic = reportBefore(doc, ordered, claim, states) ?? matter;
    if (topic === undefined || topic === claim) continue;
    const t = topic.proposition;
    // Whom the matter involves, and who said it ("Patricia Smith rejected Clinton's claim").
    const involved = sidesOf(doc, [...t.entities, ...(topic.speaker ? [topic.speaker] : [])]);
    const quote = claim.quote === null ? undefined : quotes.get(claim.quote);
    const denier = sidesOf(doc, [...(claim.speaker ? [claim.speaker] : []), ...sentenceEntities(doc, order, quote?.cue ?? quote?.content ?? claim.proposition)]);
    if (![...denier].some((k) => involved.has(k))) continue;
    const p = claim.proposition;
    claim.proposition = { ...p, topic: topic.id, entities: [...new Set([...p.entities, ...t.entities])], terms: t.terms, cameo: t.cameo, predicates: t.predicates, predicate: t.predicate, agent: t.agent };
  }
}

/** Sentences back a denial of "the report" looks for the report it denies. */
const REPORT_REACH = 2;

/**
 * The last claim that states something, made by another speaker within {@link REPORT_REACH}
 * sentences before `claim` in its paragraph: the report "the report" names.
 */
function reportBefore(doc: Doc, ordered: readonly Claim[], claim: Claim, states: (c: Claim) => boolean): Claim | undefined {
  const at = doc.tokenAt(claim.proposition.start);
  const sentence = doc.sentenceOf(at);
  const paragraph = doc.paragraphOf(at);
  let found: Claim | undefined;
  for (const c of ordered) {
    if (c.proposition.end > claim.proposition.start) break;
    const i = doc.tokenAt(c.proposition.start);
    const near = doc.paragraphOf(i) === paragraph && sentence - doc.sentenceOf(i) <= REPORT_REACH;
    if (near && c.speaker !== claim.speaker && polarityOf(c.stance) === 'affirm' && states(c)) found = c;
  }
  return found;
}

/** Everyone the entities speak for, as side keys (stages/contradictions.ts). */
function sidesOf(doc: Doc, ids: readonly string[]): Set<string> {
  return new Set(ids.flatMap((id) => [...side(doc, doc.entityById(id))]));
}

/** The entities named in the sentence that holds `at` (a claim's cue, else its content). */
function sentenceEntities(doc: Doc, order: MentionOrder, at: Span): string[] {
  const sentence = doc.sentences[doc.sentenceOf(doc.tokenAt(at.start))];
  if (!sentence) return [];
  const { byStart } = order;
  const ids: string[] = [];
  for (let j = order.firstFrom(sentence.start); j < byStart.length && doc.mentions[byStart[j]].start < sentence.end; j++) {
    const m = doc.mentions[byStart[j]];
    if (m.entity >= 0) ids.push(doc.entities[m.entity].id);
  }
  return ids;
}

/** Where the lead ends: the end of the first paragraph after the headline that is not a byline. */
function leadEnd(doc: Doc): number {
  const title = doc.meta.title;
  const lead = doc.paragraphs.find((p) => (!title || p.start >= title.end) && p.tokenEnd - p.tokenStart >= MIN_LEAD_TOKENS);
  return lead?.end ?? title?.end ?? 0;
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['quotes', 'speakers', 'pos', 'meta'],
  assigns: ['claims'],
  apply: buildClaims,
};
