import type { Doc, Entity, EntityType, Gender, Mention } from '../doc.js';
import { UPOS } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { tagEntities, type NerModel, type NerSpan } from '../ner.js';
import type { Lexicon } from '../lexicon/index.js';
import { NAME_TITLES } from '../lexicon/curated.js';
import { PLACE_NOUNS } from '../lexicon/predicates.js';
import { descriptorType, isMediaNoun, isPageLabelWord } from '../lexicon/words.js';
import { lineCase, NAME_PARTICLES, readsAsVerb } from '../ner-casing.js';
import { CUE_READINGS } from '../cues.js';
import { lemmatize } from '../lemma.js';
import { initials } from '../corpus/names.js';
import { isScore } from '../phrases.js';

/**
 * Entity mentions and document entities (v0: gazetteers plus rules; a statistical tagger can
 * replace `findNames`). Adds name mentions, organisation descriptions ("the Russian foreign
 * ministry", "a Taliban breakaway faction") and groups mentions into entities ("Kabulov" joins
 * "Zamir Kabulov"). Coreference of descriptions and appositive roles follow in coref.ts.
 */

/** What this stage needs from the lexicon (see src/core/lexicon). */
export interface EntityLexicon {
  matchAt(
    lower: readonly string[], i: number, surface?: (token: number) => string,
  ): { length: number; kind: string; type: EntityType; canonical: string; country: string | null } | null;
  firstNameGender(lower: string): 'male' | 'female' | 'unisex' | null;
  isOrgCue(lower: string): boolean;
  isRoleWord(lower: string): boolean;
  demonymCountry(lower: string): string | null;
}

interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name from the lexicon, or null to use the surface form. */
  canonical: string | null;
  kind: Mention['kind'];
  gender: Gender;
  /** Title or role written before the name ("President", "Mullah"). */
  title: string | null;
  /** An unnamed entity introduced by an indefinite description; never merged by name. */
  unnamed: boolean;
  /** For nationalities and places, the country they belong to ("Russian" → "Russia"). */
  country?: string | null;
  /** Character range when the mention is part of a token ("Taliban" in "Russian-Taliban"). */
  chars?: { start: number; end: number };
  /** A side of a result line ("Liverpool 2-1 Aston Villa"): a club wherever its name recurs. */
  side?: boolean;
}

const PROPN = UPOS.indexOf('PROPN');
/** Capitalised words that open sentences or titles but are not names by themselves. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'if', 'in', 'on', 'at', 'for', 'of', 'to', 'by', 'with', 'from', 'as',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these',
  'those', 'there', 'here', 'when', 'while', 'after', 'before', 'since', 'even', 'earlier', 'later', 'both',
  'some', 'many', 'most', 'all', 'no', 'not', 'one', 'what', 'who', 'why', 'how', 'yes', 'so', 'yet', 'also',
  'however', 'meanwhile', 'still', 'now', 'then', 'mr.', 'mrs.', 'ms.', 'dr.', 'read', 'more', 'said', 'says',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tonight',
]);
export const HONORIFICS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['mr.', 'male'], ['mr', 'male'], ['mrs.', 'female'], ['mrs', 'female'], ['ms.', 'female'], ['ms', 'female'],
  ['sir', 'male'], ['lady', 'female'], ['dr.', null], ['prof.', null], ['gen.', null], ['lt.', null],
  ['col.', null], ['sen.', null], ['rep.', null], ['gov.', null], ['sgt.', null], ['capt.', null],
]);
/** Particles inside personal names ("Osama bin Laden", "Ludwig van Beethoven"), and "abu" before a name. */
const PERSON_PARTICLES = new Set([...NAME_PARTICLES, 'abu']);
/** A word opening with a particle joined by a hyphen: "al-Baghdadi", "Al-Assad", "bin-Salman". */
const PARTICLE_WORD = /^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|abu|ben)[-\u2010\u2011]\p{Lu}/iu;
const TITLES_OF_NAMES = new Set(NAME_TITLES);
const ADMINISTRATIVE_UNITS = new Set(['province', 'district', 'governorate', 'oblast', 'prefecture', 'county', 'region']);
const CLOSING_BRACKET = /^[)\]]$/;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'into', 'outside', 'inside', 'to']);

/**
 * With a NER model (the default pipeline), the model finds and types names and the lexicon gives
 * canonical names and nationalities; without one, capitalisation rules find names.
 */
export function createEntitiesStage(lexicon: Lexicon, nerModel: NerModel | null): Stage {
  return {
    name: 'entities',
    requires: ['tokens', 'sentences', 'pos', 'meta'],
    assigns: ['mentions', 'entities'],
    apply(doc) {
      const spans = nerModel ? joinInstitutionsFor(doc, splitNamedPlaces(doc, lexicon, splitPersonOfOrganisation(doc, lexicon, tagEntities(doc, nerModel, lexicon)))) : null;
      const candidates = resultSides(doc, joinSaintsPossessions(doc, withoutPostNominals(doc, withoutDescriptors(doc, joinNameParts(doc, findNames(doc, lexicon, spans))))));
      candidates.push(...findDescriptions(doc, lexicon, candidates));
      candidates.push(...repeatedNames(doc, candidates));
      if (nerModel) candidates.push(...headlineSubject(doc, lexicon, nerModel.lowercase, candidates));
      candidates.sort((a, b) => a.start - b.start);
      for (const c of candidates) {
        // The recogniser's decision supersedes the tagger: "IS" in "the IS" is a name, not a verb.
        if (c.kind === 'name') for (let i = c.start; i < c.end; i++) doc.tokens.pos[i] = PROPN;
      }
      const named = typeSurnames(doc, lexicon, joinEpithets(doc, lexicon, oneTypeOfMost(doc, oneTypePerName(doc, lexicon, candidates))));
      nameAppositions(doc, named);
      shareSurnames(doc, lexicon, named);
      groupEntities(doc, lexicon, named);
      mergeHeadlineShortNames(doc);
      relateNationalities(doc, named);
    },
  };
}

/**
 * "Merkel Warns EU Leaders …", "Starmer says Labour will …": a headline that opens with a word the
 * text never writes in lower case, then a verb, opens with a name the tagger may miss without a
 * body to read it in. A person when the verb reports speech ("Newsom Declares"), else a name of no
 * known type ("Djokovic Battles Past Alcaraz").
 */
function headlineSubject(doc: Doc, lexicon: EntityLexicon, written: ReadonlySet<string>, candidates: Candidate[]): Candidate[] {
  // A text of one line is a headline too.
  const title = doc.meta.title ?? (doc.paragraphs.length === 1 && doc.sentences.length === 1 ? doc.paragraphs[0] : null);
  if (!title || written.size === 0) return [];
  const first = doc.tokenAt(title.start);
  const next = first + 1;
  if (first < 0 || next >= doc.tokenCount || doc.tokens.end[next] > title.end) return [];
  const word = doc.word(first);
  const lower = doc.tokens.lower[first];
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(word) || written.has(lower) || lexicon.isRoleWord(lower) || lexicon.isOrgCue(lower) || lexicon.matchAt(doc.tokens.lower, first)) return [];
  const verb = doc.tokens.lower[next];
  // "Heatwave Warning Issued", "Wildfire Forces Evacuations": two verb-like words running on are a noun compound and its verb.
  const after = next + 1 < doc.tokenCount && doc.tokens.end[next + 1] <= title.end ? doc.tokens.lower[next + 1] : '';
  if (!readsAsVerb(verb, written) || readsAsVerb(after, written)) return [];
  // The first tagging may have read the verb as a name too: its lemma as a verb's.
  const lemma = lemmatize(verb, verb.endsWith('s') ? 'VBZ' : verb.endsWith('ed') ? 'VBD' : 'VBP');
  const type: EntityType = CUE_READINGS.has(lemma) ? 'PERSON' : 'MISC';
  // The descriptions found it as a bare noun ("Merkel" read as a common word): a name now.
  const described = candidates.find((c) => c.start === first && c.end === next && c.kind === 'nominal');
  if (described) {
    Object.assign(described, { kind: 'name', type, unnamed: false });
    return [];
  }
  if (candidates.some((c) => c.start <= first && first < c.end)) return [];
  return [{ start: first, end: next, type, canonical: null, kind: 'name', gender: null, title: null, unnamed: false }];
}

/** Verbs of a result between its two sides ("Reading Stun Leeds 3-1"), as headlines write them. */
const RESULT_VERBS = new Set(['beat', 'beats', 'stun', 'stuns', 'thrash', 'thrashes', 'edge', 'edges', 'rout', 'routs', 'sink', 'sinks', 'down', 'downs', 'hammer', 'hammers', 'crush', 'crushes', 'upset', 'upsets', 'overcome', 'overcomes', 'see', 'sees', 'hold', 'holds']);

/** Capitalised words a side's name runs to at most. */
const MAX_SIDE_WORDS = 4;

/**
 * "Manchester United 3-1 Arsenal: …", "CITY 2-2 LIVERPOOL": the capitalised words right before and
 * after a score are the two sides, each one organisation, whatever the gazetteer or the tagger
 * made of their words ("Manchester" alone a city).
 */
function resultSides(doc: Doc, candidates: Candidate[]): Candidate[] {
  const sides: Candidate[] = [];
  for (let i = 1; i + 1 < doc.tokenCount; i++) {
    if (!isScore(doc.word(i))) continue;
    const { tokenStart, tokenEnd } = doc.sentences[doc.sentenceOf(i)];
    let before = i;
    while (before > tokenStart && i - before < MAX_SIDE_WORDS && isCapitalised(doc, before - 1)) before--;
    let after = i + 1;
    while (after < tokenEnd && after - i - 1 < MAX_SIDE_WORDS && isCapitalised(doc, after)) after++;
    // "Reading Stun Leeds 3-1", "Liverpool Beat Real Madrid 2-0 To Reach …": a result verb between
    // the sides, the score after them (title case runs the verb into the capitalised words).
    let first = i;
    while (first > tokenStart && i - first < 2 * MAX_SIDE_WORDS + 1 && (isCapitalised(doc, first - 1) || RESULT_VERBS.has(doc.tokens.lower[first - 1]))) first--;
    let verb = -1;
    for (let k = first + 1; k < i - 1 && verb < 0; k++) if (RESULT_VERBS.has(doc.tokens.lower[k])) verb = k;
    if (first === tokenStart && verb > first && verb - first <= MAX_SIDE_WORDS && i - verb - 1 <= MAX_SIDE_WORDS) {
      for (const [start, end] of [[first, verb], [verb + 1, i]]) {
        sides.push({ start, end, type: 'ORG', canonical: null, kind: 'name', gender: null, title: null, unnamed: false, side: true });
      }
      continue;
    }
    // Both sides named, the first from the line's start: a result, not "won 3-1 against Chelsea".
    if (before === i || after === i + 1 || before !== tokenStart) continue;
    for (const [start, end] of [[before, i], [i + 1, after]]) {
      sides.push({ start, end, type: 'ORG', canonical: null, kind: 'name', gender: null, title: null, unnamed: false, side: true });
    }
  }
  if (sides.length === 0) return candidates;
  const covered = (c: Candidate): boolean => sides.some((side) => c.start < side.end && c.end > side.start);
  return [...candidates.filter((c) => !covered(c)), ...sides].sort((a, b) => a.start - b.start);
}

/**
 * "the brothers Alan and Pete Corrigan", "Sarah and James Holt": a given name before "and" and a
 * full name shares its surname.
 */
function shareSurnames(doc: Doc, lexicon: EntityLexicon, candidates: Candidate[]): void {
  for (let k = 0; k + 1 < candidates.length; k++) {
    const [given, full] = [candidates[k], candidates[k + 1]];
    if (given.type !== 'PERSON' || full.type !== 'PERSON' || given.end - given.start !== 1 || full.end - full.start < 2 || given.canonical !== null) continue;
    if (full.start !== given.end + 1 || !/^(?:and|&)$/.test(doc.tokens.lower[given.end])) continue;
    if (lexicon.firstNameGender(doc.tokens.lower[given.start]) === null || lexicon.firstNameGender(doc.tokens.lower[full.start]) === null) continue;
    given.canonical = `${doc.word(given.start)} ${doc.text.slice(doc.tokens.start[full.start + 1], doc.tokens.end[full.end - 1])}`;
  }
}

/**
 * A name in the dateline is a place ("LITTLE HARBOUR, Newfoundland —"), and a name the dateline
 * or the lexicon types keeps that type wherever the article repeats it: the tagger, reading
 * "Little Harbour had 340 residents", may call it a person.
 */
function oneTypePerName(doc: Doc, lexicon: EntityLexicon, candidates: Candidate[]): Candidate[] {
  const dateline = doc.meta.dateline;
  const inDateline = (c: Candidate): boolean => dateline !== null && dateline !== undefined && doc.tokens.start[c.start] >= dateline.start && doc.tokens.end[c.end - 1] <= dateline.end;
  const nameOf = (c: Candidate): string => candidateName(doc, c);
  const settled = new Map<string, EntityType>();
  // A side of a result line is a club wherever the report names it, though the gazetteer has the town.
  const sides = new Set(candidates.filter((c) => c.side).map(nameOf));
  for (const c of candidates) {
    if (c.kind !== 'name' || c.unnamed || c.chars || !sides.has(nameOf(c))) continue;
    c.type = 'ORG';
    c.canonical = null;
  }
  for (const c of candidates) {
    if (c.kind !== 'name' || c.unnamed || c.chars || sides.has(nameOf(c))) continue;
    if (inDateline(c) && c.type !== 'GPE' && c.type !== 'LOC') c.type = 'LOC';
    if (inDateline(c) || c.canonical !== null) settled.set(nameOf(c), c.type);
  }
  // "PORT CALDER — …": the dateline's place in capitals, which the tagger may leave unnamed, is
  // the place the body names ("Port Calder has had the same mayor", not a person).
  if (dateline) {
    const place = doc.text.slice(dateline.start, dateline.end).split(',')[0].trim().toLowerCase();
    if (place.length > 0 && !settled.has(place) && candidates.some((c) => c.kind === 'name' && !c.chars && nameOf(c) === place)) settled.set(place, 'LOC');
  }
  // "The village of Little Ashby", "has lived in Little Ashby": a name the article puts on the map
  // is a place wherever the model took it for a person ("Little Ashby had 340 residents").
  const placed = new Set<string>();
  for (const c of candidates) {
    if (c.kind !== 'name' || c.unnamed || c.chars || c.canonical !== null || settled.has(nameOf(c)) || !isPlaced(doc, c)) continue;
    if (lexicon.firstNameGender(doc.tokens.lower[c.start]) === null) placed.add(nameOf(c));
  }
  // "Quillfield, the Oakland-based maker of e-readers,": a name the article describes as a business
  // is one wherever the model took it for a person or a place.
  const firms = new Set<string>();
  for (const c of candidates) {
    if (c.kind !== 'name' || c.unnamed || c.chars || c.canonical !== null || settled.has(nameOf(c)) || c.type === 'GPE' || c.type === 'NORP') continue;
    if (isDescribedAsFirm(doc, c)) firms.add(nameOf(c));
  }
  if (settled.size === 0 && placed.size === 0 && firms.size === 0) return candidates;
  for (const c of candidates) {
    if (c.kind !== 'name' || c.unnamed || c.chars || c.canonical !== null) continue;
    const type = settled.get(nameOf(c));
    if (type !== undefined) c.type = type;
    else if (firms.has(nameOf(c)) && c.type !== 'GPE' && c.type !== 'NORP') c.type = 'ORG';
    else if (placed.has(nameOf(c)) && (c.type === 'PERSON' || c.type === 'MISC')) c.type = 'LOC';
  }
  return candidates;
}

/** A candidate's words, lower-cased: what one type per name is kept by. */
function candidateName(doc: Doc, c: Candidate): string {
  return doc.text.slice(doc.tokens.start[c.start], doc.tokens.end[c.end - 1]).toLowerCase();
}

/**
 * "Karvelia denies moving troops …", "Karvelia’s foreign minister", "in Karvelia": a name the
 * lexicon does not know, typed three ways by the tagger, made three entities. It takes the type
 * most of its mentions have (the first mention's on a tie), so the article holds one entity.
 */
function oneTypeOfMost(doc: Doc, candidates: Candidate[]): Candidate[] {
  const nameOf = (c: Candidate): string => candidateName(doc, c);
  const counts = new Map<string, Map<EntityType, number>>();
  const free = (c: Candidate): boolean => c.kind === 'name' && !c.unnamed && !c.chars && !c.side && c.canonical === null;
  // A title-case or capitals line is weak evidence ("Okafor Double Seals …" read as a body): its
  // mentions count only for a name the text writes nowhere else.
  const casedOnes = new Set(candidates.filter((c) => free(c) && inCasedLine(doc, c.start)));
  const cased = (c: Candidate): boolean => casedOnes.has(c);
  const inText = new Set(candidates.filter((c) => free(c) && !cased(c)).map(nameOf));
  for (const c of candidates) {
    if (!free(c) || (cased(c) && inText.has(nameOf(c)))) continue;
    const types = counts.get(nameOf(c)) ?? new Map<EntityType, number>();
    types.set(c.type, (types.get(c.type) ?? 0) + 1);
    counts.set(nameOf(c), types);
  }
  for (const c of candidates) {
    const types = free(c) ? counts.get(nameOf(c)) : undefined;
    if (!types || (types.size < 2 && !(cased(c) && inText.has(nameOf(c))))) continue;
    // Map order is first-mention order, so a tie keeps the first mention's type.
    c.type = [...types].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  }
  return candidates;
}

/** Head nouns of an apposition that make the name before it a business. */
const FIRM_NOUNS = new Set([
  'maker', 'manufacturer', 'company', 'firm', 'group', 'retailer', 'chain', 'operator', 'developer', 'start-up', 'startup',
  'bank', 'lender', 'insurer', 'airline', 'carmaker', 'automaker', 'publisher', 'producer', 'supplier', 'provider',
  'subsidiary', 'unit', 'conglomerate', 'brand', 'grocer', 'supermarket', 'broadcaster', 'studio', 'label', 'distributor',
  'builder', 'miner', 'utility', 'consultancy', 'agency', 'outfit', 'platform', 'app', 'website', 'charity',
]);
/** How many words an apposition runs to before its head noun. */
const APPOSITION_WORDS = 6;

/** "Quillfield, the Oakland-based maker of e-readers,": described by a business noun after a comma. */
function isDescribedAsFirm(doc: Doc, c: Candidate): boolean {
  const { lower } = doc.tokens;
  if (doc.word(c.end) !== ',' || !/^(?:the|a|an)$/.test(lower[c.end + 1] ?? '')) return false;
  let head = -1;
  for (let k = c.end + 2; k < doc.tokenCount && k <= c.end + 1 + APPOSITION_WORDS; k++) {
    if (/^(?:of|that|which|who|,|\.|;|in|with|for|to)$/.test(lower[k])) break;
    if (doc.upos(k) === 'NOUN') head = k;
  }
  return head >= 0 && FIRM_NOUNS.has(lower[head]);
}

const INSIDE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside']);

/** "in Little Ashby", "the village of Little Ashby": a preposition of place or a kind of place before the name. */
function isPlaced(doc: Doc, { start, end }: Candidate): boolean {
  const { lower } = doc.tokens;
  // Not "to" or "from", which take people as readily ("passed to Okoro", "a letter from Haddad").
  return (INSIDE_PREPOSITIONS.has(lower[start - 1] ?? '') && lower[end] !== "'s") || (lower[start - 1] === 'of' && PLACE_NOUNS.has(lower[start - 2] ?? ''));
}

/**
 * "St. Jude's Medical Center", "St. Luke's Health", "St. Jude's said": a saint's name, its "'s" and
 * the capitalised words after it are one institution, which the model reads as a place and a second name.
 */
function joinSaintsPossessions(doc: Doc, candidates: Candidate[]): Candidate[] {
  const { lower } = doc.tokens;
  const out: Candidate[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.kind !== 'name' || c.chars || !SAINTS.has(lower[c.start]) || lower[c.end] !== "'s") {
      out.push(c);
      continue;
    }
    // "St. Jude's said": the institution by its short name.
    let end = c.end + 1;
    while (end < doc.tokenCount && isCapitalised(doc, end) && /\p{L}/u.test(lower[end])) end++;
    const place = PLACE_INSTITUTIONS.has(lower[end - 1]);
    out.push({ ...c, end, type: place ? 'LOC' : 'ORG', canonical: null, country: null });
    while (k + 1 < candidates.length && candidates[k + 1].start < end) k++;
  }
  return out;
}
const SAINTS = new Set(['st.', 'st', 'saint']);
const PLACE_INSTITUTIONS = new Set(['square', 'basilica', 'cathedral', 'park', 'island', 'bay']);

/**
 * "Carmaker Veltro said", "Singer Lena Marsh …": a descriptor that opens a sentence is capitalised
 * like the name after it, and the tagger takes both as one name (typed as a person more often than
 * not). The name starts after it, of the kind the descriptor says.
 */
/** Letters after a name for an office or honour: "Jonathan Mereweather KC", "Keir Starmer MP". */
const POST_NOMINALS = new Set(['kc', 'qc', 'mp', 'mep', 'msp', 'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'frs', 'phd', 'esq']);

/**
 * A person's name ends before the letters after it, which are no part of it and name nothing
 * alone ("John Smith QC").
 */
function withoutPostNominals(doc: Doc, candidates: Candidate[]): Candidate[] {
  // Written in capitals ("KC", "MP", "PhD"), not a name's own word.
  const postNominal = (i: number): boolean => POST_NOMINALS.has(doc.tokens.lower[i]) && /^[A-Z][A-Za-z]*[A-Z]$/.test(doc.word(i));
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.kind !== 'name' || c.chars) {
      out.push(c);
      continue;
    }
    const previous = out.at(-1);
    if (c.end - c.start === 1 && postNominal(c.start) && previous?.type === 'PERSON' && previous.end === c.start) continue;
    if (c.type === 'PERSON' && c.end - c.start >= 3 && postNominal(c.end - 1)) c.end -= 1;
    out.push(c);
  }
  return out;
}

function withoutDescriptors(doc: Doc, candidates: Candidate[]): Candidate[] {
  const sentenceStart = sentenceStarts(doc);
  // Where capitals say nothing: a sentence's start, after a label's colon ("Q&A: Librarian Tomasz
  // Brenner on …"), a title-case line.
  const capitalsSayNothing = (i: number): boolean => sentenceStart[i] === 1 || doc.word(i - 1) === ':' || inCasedLine(doc, i);
  const out: Candidate[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    const type = c.kind === 'name' && c.canonical === null && !c.chars ? descriptorType(doc.tokens.lower[c.start]) : null;
    if (type === null || !capitalsSayNothing(c.start)) {
      out.push(c);
      continue;
    }
    // "Librarian | Tomasz Brenner", two names to the tagger: the descriptor alone is none.
    if (c.end - c.start === 1) {
      if (candidates[k + 1]?.start !== c.end) out.push(c);
      continue;
    }
    if (isCapitalised(doc, c.start + 1)) {
      c.start++;
      if (type !== 'ANY') c.type = type;
    }
    out.push(c);
  }
  return out;
}

/** Tags a capitalised word never takes as a one-word name, wherever a name like it was found. */
const NOT_NAME_POS = new Set(['VERB', 'AUX', 'ADP', 'DET', 'PRON', 'ADV', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT']);

/**
 * One name, one sense in an article: a one-word name found mid-sentence ("its SunnyMeadow
 * formula") is that name where the tagger missed it too ("SunnyMeadow infant formula has …" at a
 * sentence's start, where capitals say nothing).
 */
function repeatedNames(doc: Doc, candidates: readonly Candidate[]): Candidate[] {
  const sentenceStart = sentenceStarts(doc);
  const covered = new Uint8Array(doc.tokenCount);
  const names = new Map<string, Candidate>();
  for (const c of candidates) {
    covered.fill(1, c.start, c.end);
    if (c.kind === 'name' && !c.unnamed && !c.chars && c.end - c.start === 1 && !sentenceStart[c.start]) names.set(doc.word(c.start), c);
  }
  const out: Candidate[] = [];
  if (names.size === 0) return out;
  for (let i = 0; i < doc.tokenCount; i++) {
    const found = covered[i] === 0 && !NOT_NAME_POS.has(doc.upos(i)) ? names.get(doc.word(i)) : undefined;
    if (found) out.push({ ...found, start: i, end: i + 1 });
  }
  return out;
}

/** 1 at each token that opens a sentence. */
function sentenceStarts(doc: Doc): Uint8Array {
  const starts = new Uint8Array(doc.tokenCount);
  for (const s of doc.sentences) starts[s.tokenStart] = 1;
  return starts;
}

function isCapitalised(doc: Doc, i: number): boolean {
  const code = doc.text.charCodeAt(doc.tokens.start[i]);
  return (code >= 65 && code <= 90) || (code > 127 && /\p{Lu}/u.test(doc.text[doc.tokens.start[i]]));
}

const PLACE_KINDS = new Set([...PLACE_NOUNS, 'island', 'peninsula', 'county', 'state', 'coast', 'resort']);

/**
 * "Greek Island of Rhodes", "Syrian City of Aleppo": a headline's nationality, a kind of place and
 * its name, which the tagger may read as one name; it is the nationality and the place.
 */
function splitNamedPlaces(doc: Doc, lexicon: EntityLexicon, spans: NerSpan[]): NerSpan[] {
  const { lower } = doc.tokens;
  return spans.flatMap((span) => {
    const nationality = lexicon.matchAt(lower, span.start, (i) => doc.word(i));
    if (nationality?.kind !== 'demonym' || nationality.length !== 1 || span.end - span.start < 4) return [span];
    const of = span.start + 2;
    if (lower[of] !== 'of' || !PLACE_KINDS.has(lower[of - 1])) return [span];
    return [{ start: span.start, end: span.start + 1, type: 'MISC' as const }, { start: of + 1, end: span.end, type: 'LOC' as const }];
  });
}

/** Last words of bodies whose names go on with "for" and what they are for. */
const BODIES_FOR = new Set([
  'institute', 'centre', 'center', 'council', 'foundation', 'society', 'association', 'commission', 'agency', 'fund',
  'alliance', 'coalition', 'committee', 'campaign', 'school', 'college', 'museum', 'league', 'office', 'bureau',
  'department', 'ministry', 'organisation', 'organization', 'trust', 'federation', 'network', 'forum', 'partnership',
]);

/**
 * "the Marrin Institute for Border Studies", "the Centre for Strategic and International Studies":
 * a body's name goes on over "for" and the capitalised words after it; the tagger cuts it there.
 */
function joinInstitutionsFor(doc: Doc, spans: NerSpan[]): NerSpan[] {
  const { lower } = doc.tokens;
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    out.push(span);
    const at = span.end;
    if (span.type !== 'ORG' || !BODIES_FOR.has(lower[at - 1]) || lower[at] !== 'for') continue;
    const sentenceEnd = doc.sentences[doc.sentenceOf(at)]?.tokenEnd ?? doc.tokenCount;
    const capitalised = (i: number): boolean => i < sentenceEnd && isCapitalised(doc, i);
    if (!capitalised(at + 1)) continue;
    // "and" inside the name joins modifiers of a last word ("Strategic and International Studies"),
    // not a second name ("the Fund for Peace and Oxfam").
    const joins = (i: number): boolean => (lower[i] === 'of' && capitalised(i + 1)) || (/^(?:and|&)$/.test(lower[i]) && capitalised(i + 1) && capitalised(i + 2));
    let end = at + 1;
    while (end < sentenceEnd && (capitalised(end) || joins(end))) end++;
    out[out.length - 1] = { start: span.start, end, type: 'ORG' };
    while (k + 1 < spans.length && spans[k + 1].start < end) k++;
  }
  return out;
}

/**
 * "Judith Lyle of Fenn Management": a person named with a first name, then "of" and where she
 * works. The tagger may read the whole as one name; it is two.
 */
function splitPersonOfOrganisation(doc: Doc, lexicon: EntityLexicon, spans: NerSpan[]): NerSpan[] {
  const { lower } = doc.tokens;
  return spans.flatMap((span) => {
    let of = span.start + 2;
    while (of < span.end - 1 && lower[of] !== 'of') of++;
    if (of >= span.end - 1) return [span];
    // A given name opens a person; failing that, a firm's last word closes the employer ("Jun Tanaka of Meridale Securities").
    const last = lower[span.end - 1];
    if (lexicon.firstNameGender(lower[span.start]) === null && !(of - span.start === 2 && (BUSINESS_WORDS.has(last) || lexicon.isOrgCue(last)))) return [span];
    for (let i = span.start; i < span.end; i++) if (i !== of && !isCapitalised(doc, i) && lower[i] !== '&') return [span];
    // "of London" names a place the gazetteer knows; any other "of" names an employer.
    const place = lexicon.matchAt(lower, of + 1, (i) => doc.word(i));
    const type = place !== null && place.kind !== 'organization' && of + 1 + place.length === span.end ? 'LOC' : 'ORG';
    return [{ start: span.start, end: of, type: 'PER' as const }, { start: of + 1, end: span.end, type }];
  });
}

/** Runs of capitalised tokens, typed by the lexicon and by context. */
function findNames(doc: Doc, lexicon: EntityLexicon, spans: NerSpan[] | null): Candidate[] {
  const out: Candidate[] = [];
  const { lower } = doc.tokens;
  const n = doc.tokenCount;
  const sentenceStart = sentenceStarts(doc);
  const spanAt = new Int32Array(n).fill(-1);
  spans?.forEach((span, k) => {
    spanAt[span.start] = k;
  });
  const surface = (token: number): string => doc.word(token);
  for (let i = 0; i < n; i++) {
    const parts = isCapitalised(doc, i) || PREFIXED_NAME.test(doc.word(i)) ? compoundParts(doc, lexicon, i) : null;
    if (parts) {
      out.push(...parts);
      i = parts[parts.length - 1].end - 1;
      continue;
    }
    const match = lexicon.matchAt(lower, i, surface);
    // "Sainsbury's", "Sotheby's": a name the lexicon knows with its "'s", which the model leaves out.
    const possessiveName = match !== null && spanAt[i] >= 0 && match.length === spans![spanAt[i]].end - i + 1 && lower[i + match.length - 1] === "'s";
    const span = spanAt[i] >= 0 && !possessiveName ? spans![spanAt[i]] : null;
    // "Afghan Taliban": a nationality before a name the lexicon knows is two entities.
    const rest = span && match?.kind === 'demonym' && match.length === 1 ? lexicon.matchAt(lower, i + 1, surface) : null;
    if (span && rest && i + 1 + rest.length === span.end) spanAt[i + 1] = -1;
    // "Bush said": a town of the gazetteer ("Būsh") the tagger reads as a person is the person,
    // unless a preposition of place puts it on the map ("from Orlando").
    // "Plymouth 4 Exeter 1": a town the tagger reads as a body, with its score, is its club.
    else if (span && !(match && match.length === span.end - span.start && !(match.kind === 'city' && ((span.type === 'ORG' && isScored(doc, span.end)) || (span.type === 'PER' && !PLACE_PREPOSITIONS.has(lower[i - 1] ?? '')))))) {
      // "Officials said …": a role word alone is no name; nor is a page's label ("Q&A: …", "Analysis: …").
      const words = lower.slice(span.start, span.end);
      const label = doc.word(span.end) === ':' && words.every(isPageLabelWord);
      // "Their MP, Claire Booth,": after a determiner a role word is no name, whatever type the model gave it.
      const roleOnly = words.every((w) => lexicon.isRoleWord(w)) && (span.type === 'PER' || DETERMINERS_OF_ROLES.has(lower[span.start - 1] ?? ''));
      // "Hannah Osei, Health Reporter": a title after a person's name and comma is the person's.
      const previous = out.at(-1);
      const title = lexicon.isRoleWord(words[words.length - 1]) && lower[span.start - 1] === ',' && previous?.type === 'PERSON' && previous.end === span.start - 1;
      if (!label && !roleOnly && !title) out.push(typeNerSpan(doc, lexicon, span, out));
      i = span.end - 1;
      continue;
    }
    // The lexicon names the entity the model found, or one it missed ("IS" → Islamic State). A
    // demonym that is also a common noun ("pole", "swede") names people only written as one, and
    // not in a title-case line ("Leclerc Takes Pole in Monaco").
    const commonDemonym = match?.kind === 'demonym' && match.length === 1 && COMMON_NOUN_DEMONYMS.has(lower[i]) && (!isCapitalised(doc, i) || inCasedLine(doc, i));
    if (match && (isCapitalised(doc, i) || match.kind === 'demonym') && !commonDemonym) {
      // "the Amazon rainforest": an organisation's name before a feature of the land names the land.
      const land = match.kind === 'organization' && LANDFORMS.has(lower[i + match.length] ?? '');
      out.push({
        start: i, end: i + match.length, type: land ? 'LOC' : match.type, canonical: land ? null : match.canonical, kind: 'name',
        gender: null, title: null, unnamed: false, country: match.country,
      });
      i += match.length - 1;
      continue;
    }
    // "iPhone", "eBay": a brand written with a lower-case first letter and capitals inside.
    if (CAMEL_BRAND.test(doc.word(i))) {
      out.push({ start: i, end: i + 1, type: 'MISC', canonical: null, kind: 'name', gender: null, title: null, unnamed: false });
      continue;
    }
    if (!isCapitalised(doc, i) || NOT_NAMES.has(lower[i]) || !/\p{L}/u.test(lower[i])) continue;
    if (spans) {
      // A family name of someone named before, wherever the model missed it ("Xi, for his part,"
      // after "Xi Jinping", tagged as an interjection; "Biden" after "Joe Biden").
      if ((hasEarlierPerson(doc, out, lower[i]) || isFamilyNameFirst(doc, out, i)) && !(i + 1 < n && isCapitalised(doc, i + 1))) {
        out.push({ ...typeName(doc, lexicon, i, i + 1, out), type: 'PERSON' });
      }
      continue;
    }
    if (sentenceStart[i] && doc.tokens.pos[i] !== PROPN) continue;
    if (lexicon.isRoleWord(lower[i]) && i + 1 < n && isCapitalised(doc, i + 1)) continue; // a title: "President Putin"
    let end = i + 1;
    while (end < n && !lexicon.matchAt(lower, end, surface) && !NOT_NAMES.has(lower[end]) &&
      (isCapitalised(doc, end) || (PERSON_PARTICLES.has(lower[end]) && end + 1 < n && isCapitalised(doc, end + 1)))) end++;
    out.push(typeName(doc, lexicon, i, end, out));
    i = end - 1;
  }
  return out;
}

/** Whether token `i` is a side's score in a result line: "Plymouth 4 Exeter 1", "Leeds 2, Hull 0". */
function isScored(doc: Doc, i: number): boolean {
  return i < doc.tokenCount && /^\d{1,3}$/.test(doc.word(i)) && (i + 1 === doc.tokenCount || !/^\p{L}/u.test(doc.word(i + 1)) || isCapitalised(doc, i + 1));
}

/**
 * A person's name continues over particles: "Osama" + "bin Laden", "Ursula" + "von der Leyen",
 * "Abu Bakr" + "al-Baghdadi" (whatever the model made of the rest). Across a closing bracket, as
 * in "(IS leader Abu Bakr) Al-Baghdadi", the two parts stay separate mentions of one person named
 * by both.
 */
function joinNameParts(doc: Doc, candidates: Candidate[]): Candidate[] {
  const { lower } = doc.tokens;
  const n = doc.tokenCount;
  const out: Candidate[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    out.push(c);
    if (c.type !== 'PERSON' || c.kind !== 'name' || c.chars) continue;
    let end = c.end;
    for (;;) {
      if (end < n && PARTICLE_WORD.test(doc.word(end))) {
        end++;
        continue;
      }
      // One particle or a run of them: "bin Laden", "von der Leyen", "de la Peña".
      let particles = end;
      while (particles < n && PERSON_PARTICLES.has(lower[particles]) && !isCapitalised(doc, particles)) particles++;
      if (particles === end || particles >= n || !isCapitalised(doc, particles)) break;
      end = particles + 1;
    }
    if (end > c.end) {
      c.end = end;
      while (k + 1 < candidates.length && candidates[k + 1].start < end) k++;
      continue;
    }
    const next = candidates[k + 1];
    if (next && c.end + 1 < n && CLOSING_BRACKET.test(doc.word(c.end)) && next.start === c.end + 1 && PARTICLE_WORD.test(doc.word(next.start))) {
      const full = `${c.canonical ?? doc.text.slice(doc.tokens.start[c.start], doc.tokens.end[c.end - 1])} ${doc.text.slice(doc.tokens.start[next.start], doc.tokens.end[next.end - 1])}`;
      c.canonical = full;
      out.push({ ...next, type: 'PERSON', canonical: full, gender: c.gender, country: null });
      k++;
    }
  }
  return out;
}

/** A name the model found: its type mapped to ours, with titles and first-name gender for people. */
/**
 * Last words of business names the tagger may read as a person's surname. Not the organisation
 * cue words the tagger has as a feature (curated.ts): it was trained with those.
 */
/** Last words of clubs, which name them alone too ("Northgate Rovers", "Rovers"; "Wigan Athletic"). */
const CLUB_WORDS = ['united', 'rovers', 'athletic', 'wanderers', 'albion', 'rangers'];
const BUSINESS_WORDS = new Set([
  'logistics', 'airlines', 'motors', 'securities', 'partners', 'capital', 'energy', 'pharmaceuticals', 'pharma',
  'systems', 'technologies', 'technology', 'foods', 'labs', 'laboratories', 'software', 'telecom', 'communications',
  'entertainment', 'insurance', 'bancorp', 'ventures', 'enterprises', 'brands', 'robotics', 'aerospace',
  'semiconductor', 'semiconductors', 'chemicals', 'resources', 'mining', 'petroleum', 'airways', 'shipping',
  'investments', 'solutions', 'electronics', 'automotive', 'biotech', 'therapeutics', 'retail', 'stores',
  'homes', 'properties', 'developments', 'construction', 'hotspur', 'fc', 'events', 'promotions', 'productions',
  'studios', 'records', 'auto', 'autos', 'steel', 'oil', 'devices', 'networks', 'instruments', ...CLUB_WORDS,
]);
/** Roles held at an employer, not at a post ("the ambassador at Geneva"). */
const EMPLOYEES = new Set(['analyst', 'analysts', 'economist', 'economists', 'strategist', 'researcher', 'researchers', 'professor', 'executive', 'director', 'manager', 'engineer', 'partner', 'lawyer', 'spokesman', 'spokeswoman', 'spokesperson', 'trader', 'banker']);
const PROGRAMME_WORDS = new Set(['program', 'programme', 'mission', 'missions', 'project', 'spacecraft', 'rocket', 'satellite', 'probe', 'operation']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest']);
/** Last words of places and clubs alike ("Mexico City", "Orlando City"): never a person's. */
const PLACE_OR_CLUB_WORDS = new Set(['city', 'town']);
/** Demonyms that are also common nouns: "the south pole", "mashed swede". */
const COMMON_NOUN_DEMONYMS = new Set(['pole', 'poles', 'swede', 'swedes', 'dane', 'danes', 'finn', 'finns']);
const DETERMINERS_OF_ROLES = new Set(['the', 'a', 'an', 'their', 'his', 'her', 'our', 'its', 'my', 'your', 'this', 'that', 'local']);
const VENUE_WORDS = new Set(['arena', 'stadium', 'theatre', 'theater', 'auditorium', 'coliseum', 'velodrome', 'racecourse']);

const LANDFORMS = new Set(['rainforest', 'forest', 'river', 'basin', 'jungle', 'delta', 'valley', 'region']);
const STREET_WORDS = new Set(['lane', 'road', 'street', 'avenue', 'boulevard', 'crescent', 'terrace', 'parade', 'square', 'highway', 'motorway']);

/** Heads of "X of <name>" where the name is a place: its residents, its mayor, the town it is. */
const RESIDENCE_HEADS = new Set(['residents', 'inhabitants', 'villagers', 'townspeople', 'citizens', 'people', 'mayor', 'town', 'village', 'city', 'suburb', 'outskirts', 'streets']);

/** What is printed in a publication: "a report in Handelsblatt", "an interview in Le Monde". */
const PRINTED_PIECES = new Set(['report', 'article', 'interview', 'story', 'column', 'editorial', 'op-ed', 'piece', 'letter', 'advertisement', 'ad', 'essay']);

/** Words that make a name a publication or a news service ("Meridian Wire", "the Gazette", "Dallas Morning Herald"): its publisher speaks. */
const PUBLICATION_WORDS = new Set([
  'journal', 'annals', 'proceedings', 'gazette', 'herald', 'tribune', 'magazine', 'chronicle', 'quarterly', 'bulletin', 'wire', 'newswire',
  'courier', 'telegraph', 'dispatch', 'sentinel', 'inquirer', 'examiner', 'gleaner', 'echo', 'argus', 'advertiser', 'clarion',
]);

function typeNerSpan(doc: Doc, lexicon: EntityLexicon, span: NerSpan, earlier: Candidate[]): Candidate {
  const { lower } = doc.tokens;
  let { start } = span;
  // "President Vladimir Putin": the title is a role, not part of the name; "Mullah Omar" keeps his.
  const roleTitle = (i: number): boolean => !TITLES_OF_NAMES.has(lower[i]) && (lexicon.isRoleWord(lower[i]) || HONORIFICS.has(lower[i]));
  while (span.type === 'PER' && start + 1 < span.end && roleTitle(start)) start++;
  while (span.type === 'PER' && start > 0 && TITLES_OF_NAMES.has(lower[start - 1]) && isCapitalised(doc, start - 1)) start--;
  const candidate: Candidate = { start, end: span.end, type: 'MISC', canonical: null, kind: 'name', gender: null, title: null, unnamed: false };
  const place = lexicon.matchAt(lower, start, (t) => doc.word(t));
  // "Mrs Mugabe" tagged as a place: an honorific opens a person's name, whatever the model said.
  if (span.type !== 'PER' && HONORIFICS.has(lower[start]) && span.end - start >= 2) {
    return { ...typeName(doc, lexicon, start + 1, span.end, earlier), type: 'PERSON' };
  }
  // "Northwind Logistics", "Kestrel Airlines": a business's last word makes it one, whatever the model said.
  if (span.end - start >= 2 && BUSINESS_WORDS.has(lower[span.end - 1]) && isCapitalised(doc, span.end - 1)) return { ...candidate, type: 'ORG' };
  for (let i = start; span.end - start >= 2 && i < span.end; i++) if (PUBLICATION_WORDS.has(lower[i]) && isCapitalised(doc, i)) return { ...candidate, type: 'ORG' };
  // "told the Gazette": a publication named by its kind alone.
  if (span.end - start === 1 && lower[start - 1] === 'the' && PUBLICATION_WORDS.has(lower[start]) && isCapitalised(doc, start)) return { ...candidate, type: 'ORG' };
  // "a report in Handelsblatt", "analysts polled by Refinitiv": a publication, a pollster.
  // (Over a "the": "reports in the Evening Courier".)
  const printedAt = lower[start - 1] === 'the' ? start - 2 : start - 1;
  const printedIn = lower[printedAt] === 'in' && PRINTED_PIECES.has(doc.tokens.lemma[printedAt - 1] ?? '');
  // "the journal Lancet Neurology", "the newspaper Le Monde": whatever the model said.
  const kindNamed = isMediaNoun(lower[start - 1] ?? '') && lower[start - 2] === 'the';
  const polledBy = lower[start - 1] === 'by' && (lower[start - 2] === 'polled' || lower[start - 2] === 'surveyed');
  if (!place && ((printedIn && span.type !== 'PER') || polledBy || kindNamed)) return { ...candidate, type: 'ORG' };
  // "an analyst at Bernstein", "a strategist at Peel Hunt": a role at a name the gazetteer does
  // not place is at an employer ("a researcher at Cambridge" stays in the town).
  if (span.type === 'LOC' && !place && lower[start - 1] === 'at' && EMPLOYEES.has(lower[start - 2] ?? '')) return { ...candidate, type: 'ORG' };
  // "Residents of Lower Marsh", "the mayor of Kingsbridge": whoever lives there lives in a place.
  if (span.type !== 'LOC' && lower[start - 1] === 'of' && RESIDENCE_HEADS.has(lower[start - 2] ?? '') && !place) return { ...candidate, type: 'LOC' };
  // "Mill Lane", "Castle Road": a street, whatever the model said; "Calder County" a place unless
  // the model saw a body there ("Stockport County", a football club).
  const last = lower[span.end - 1];
  const placeName = STREET_WORDS.has(last) || (ADMINISTRATIVE_UNITS.has(last) && span.type !== 'ORG');
  if (span.end - start >= 2 && placeName && isCapitalised(doc, span.end - 1)) return { ...candidate, type: 'LOC' };
  if (span.type === 'PER' && span.end - start >= 2 && PLACE_OR_CLUB_WORDS.has(last) && isCapitalised(doc, span.end - 1)) return { ...candidate, type: 'ORG' };
  // "the O2 Arena", "Wembley Stadium": a venue is a place; a name of letters and digits before it is its own.
  if (span.type !== 'LOC' && VENUE_WORDS.has(last) && isCapitalised(doc, span.end - 1)) {
    const opens = start > 0 && /^\p{Lu}[\p{L}\d]*\d[\p{L}\d]*$/u.test(doc.word(start - 1)) ? start - 1 : start;
    if (span.end - opens >= 2) return { ...candidate, start: opens, type: 'LOC' };
  }
  // "NASA's Apollo program", "the Apollo 11 mission": a named programme, not a person.
  const after = /^\d+$/.test(lower[span.end] ?? '') ? span.end + 1 : span.end;
  if (span.type === 'PER' && PROGRAMME_WORDS.has(lower[after] ?? '')) return { ...candidate, type: 'MISC' };
  // "North Rhine-Westphalia", "South Kordofan": no one's given name is a point of the compass.
  if (span.type === 'PER' && span.end - start >= 2 && COMPASS.has(lower[start])) return { ...candidate, type: 'LOC' };
  if (span.type === 'PER') {
    const typed = typeName(doc, lexicon, start, span.end, earlier);
    return { ...typed, type: 'PERSON' };
  }
  // "Osama bin Laden", "Mohammed bin Salman": "son of" inside a name makes a person, whatever the model said.
  if (lower.slice(start + 1, span.end - 1).some((w) => w === 'bin' || w === 'ibn' || w === 'bint')) {
    return { ...typeName(doc, lexicon, start, span.end, earlier), type: 'PERSON' };
  }
  // "Nangarhar (province)", "Helmand province": a name before an administrative unit is a place.
  const unit = lower[span.end] === '(' ? lower[span.end + 1] : lower[span.end];
  if (span.type !== 'LOC' && span.end - start === 1 && ADMINISTRATIVE_UNITS.has(unit ?? '')) return { ...candidate, type: 'LOC' };
  // "the brothers Alan and Pete Corrigan": a given name alone the model left untyped is a person's.
  if (span.type === 'MISC' && span.end - start === 1 && !place && lexicon.firstNameGender(lower[start]) !== null) return { ...candidate, type: 'PERSON' };
  if (span.type === 'ORG') candidate.type = 'ORG';
  else if (span.type === 'LOC') candidate.type = place && (place.kind === 'country' || place.kind === 'city') ? 'GPE' : place?.type ?? 'LOC';
  else candidate.type = place?.kind === 'demonym' ? 'NORP' : 'MISC';
  if (place && place.length === span.end - start) {
    candidate.canonical = place.canonical;
    candidate.country = place.country;
  }
  return candidate;
}

/** "Russian-Taliban": a hyphenated token whose every part is a known name gives one mention per part. */
function compoundParts(doc: Doc, lexicon: EntityLexicon, i: number): Candidate[] | null {
  const word = doc.word(i);
  if (!word.includes('-')) return null;
  const out: Candidate[] = [];
  let offset = doc.tokens.start[i];
  const parts = word.split('-');
  // "Ex-Google engineer", "anti-Kremlin protests": a prefix before a name the lexicon knows.
  const prefixed = parts.length === 2 && NAME_PREFIXES.has(parts[0].toLowerCase());
  if (prefixed) offset += (parts.shift() as string).length + 1;
  // "Ex-Goldman Sachs banker": a prefix before a name of several words the lexicon knows.
  if (prefixed && /^\p{Lu}/u.test(parts[0])) {
    const words = [parts[0].toLowerCase(), ...doc.tokens.lower.slice(i + 1, i + 6)];
    const match = lexicon.matchAt(words, 0, (k) => (k === 0 ? parts[0] : doc.word(i + k)));
    if (match && match.length > 1) {
      return [{
        start: i, end: i + match.length, type: match.type, canonical: match.canonical, kind: 'name', gender: null, title: null,
        unnamed: false, country: match.country, chars: { start: offset, end: doc.tokens.end[i + match.length - 1] },
      }];
    }
  }
  for (const part of parts) {
    const match = lexicon.matchAt([part.toLowerCase().replace(/’/g, "'")], 0, () => part);
    if (!match || match.length !== 1 || !/^\p{Lu}/u.test(part)) return null;
    out.push({
      start: i, end: i + 1, type: match.type, canonical: match.canonical, kind: 'name', gender: null, title: null,
      unnamed: false, country: match.country, chars: { start: offset, end: offset + part.length },
    });
    offset += part.length + 1;
  }
  return out.length > 1 || (prefixed && out.length === 1) ? out : null;
}

/** Whether token `i` stands in a title-case or capitals line, where capitals say nothing. */
function inCasedLine(doc: Doc, i: number): boolean {
  const { tokenStart, tokenEnd } = doc.sentences[doc.sentenceOf(i)];
  return lineCase(doc, tokenStart, tokenEnd) !== null;
}

/** A brand's camel case: a lower-case letter or three, then a capitalised word ("iPhone", "eBay"); not "mRNA" or "kWh". */
const CAMEL_BRAND = /^\p{Ll}{1,3}\p{Lu}\p{Ll}{2}[\p{L}\d]*$/u;

/** Prefixes a hyphen joins to a name: "ex-Google", "pro-Kremlin", "anti-Trump", "non-EU". */
const NAME_PREFIXES = new Set(['ex', 'pro', 'anti', 'non', 'post', 'pre', 'neo', 'pan']);
const PREFIXED_NAME = new RegExp(`^(?:${[...NAME_PREFIXES].join('|')})-\\p{Lu}`, 'u');

function typeName(doc: Doc, lexicon: EntityLexicon, start: number, end: number, earlier: Candidate[]): Candidate {
  const { lower } = doc.tokens;
  const candidate: Candidate = { start, end, type: 'MISC', canonical: null, kind: 'name', gender: null, title: null, unnamed: false };
  const before = start > 0 ? lower[start - 1] : '';
  const honorific = HONORIFICS.get(before);
  const gender = lexicon.firstNameGender(lower[start]);
  const surface = doc.text.slice(doc.tokens.start[start], doc.tokens.end[end - 1]);
  if (TITLES_OF_NAMES.has(lower[start]) && end - start >= 2) {
    candidate.type = 'PERSON';
  } else if (honorific !== undefined || (start > 0 && lexicon.isRoleWord(before) && isCapitalised(doc, start - 1))) {
    candidate.type = 'PERSON';
    candidate.gender = honorific ?? (gender === 'male' || gender === 'female' ? gender : null);
    candidate.title = doc.word(start - 1);
  } else if (lexicon.isOrgCue(lower[end - 1])) {
    candidate.type = 'ORG';
  } else if (/^\p{Lu}{2,6}$/u.test(surface)) {
    candidate.type = 'ORG';
  } else if (gender !== null && end - start >= 2) {
    candidate.type = 'PERSON';
    candidate.gender = gender === 'unisex' ? null : gender;
  } else if (end - start === 1 && hasEarlierPerson(doc, earlier, lower[end - 1])) {
    candidate.type = 'PERSON';
  } else if (end - start === 1 && PLACE_PREPOSITIONS.has(before)) {
    candidate.type = 'LOC';
  } else if (end - start >= 2 && end - start <= 4) {
    candidate.type = 'PERSON';
  }
  return candidate;
}

/**
 * Organisation descriptions built on a demonym or name: "the Russian foreign ministry",
 * "Russia's foreign ministry", "Russian media", "a Taliban breakaway faction".
 */
function findDescriptions(doc: Doc, lexicon: EntityLexicon, names: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const { lower } = doc.tokens;
  for (const name of names) {
    if (name.type !== 'NORP' && name.type !== 'ORG' && name.type !== 'GPE') continue;
    const possessive = lower[name.end] === "'s";
    let end = possessive ? name.end + 1 : name.end;
    while (end < doc.tokenCount && end < name.end + 4 && /^(?:ADJ|NOUN)$/.test(doc.upos(end)) && !isCapitalised(doc, end) &&
      !lexicon.isOrgCue(lower[end]) && !lexicon.isRoleWord(lower[end])) end++;
    if (end >= doc.tokenCount || !(lexicon.isOrgCue(lower[end]) || lower[end] === 'media')) continue;
    const head = end + 1;
    const determiner = name.start > 0 ? lower[name.start - 1] : '';
    const indefinite = determiner === 'a' || determiner === 'an';
    // "the Islamic State terror group" is the name itself; a demonym, a possessive ("Russia's
    // foreign ministry") or an indefinite makes a new entity.
    if (name.type !== 'NORP' && !indefinite && !possessive) continue;
    out.push({
      start: name.start, end: head, type: 'ORG', canonical: null, kind: 'nominal', gender: null, title: null,
      unnamed: true,
    });
  }
  return out;
}

const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

/**
 * A quoted nickname or epithet inside a person's name is no entity of its own: 'Emmerson "the
 * Crocodile" Mnangagwa' is one person, named Emmerson Mnangagwa, with the quoted form as an alias.
 */
function joinEpithets(doc: Doc, lexicon: EntityLexicon, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const words = (from: number, to: number): string => doc.text.slice(doc.tokens.start[from], doc.tokens.end[to - 1]);
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    out.push(c);
    const open = c.end;
    if (c.kind !== 'name' || c.chars || c.end - c.start > 2 || open >= doc.tokenCount || !QUOTES.has(doc.word(open))) continue;
    const given = lexicon.firstNameGender(doc.tokens.lower[c.start]);
    if (c.type !== 'PERSON' && given === null) continue;
    let close = open + 1;
    while (close < doc.tokenCount && close <= open + 4 && !QUOTES.has(doc.word(close))) close++;
    let next = k + 1;
    while (next < candidates.length && candidates[next].start <= close) next++;
    const surname = candidates[next];
    if (close > open + 4 || close === open + 1 || !surname || surname.start !== close + 1 || surname.kind !== 'name' || surname.chars) continue;
    // "Lila Moor 'to quit band'" ending a headline, then "Lila Moor will …": an epithet stands inside one sentence.
    if (doc.sentenceOf(surname.start) !== doc.sentenceOf(c.start)) continue;
    if (surname.type !== 'PERSON' && surname.end - surname.start !== 1) continue;
    c.canonical = `${words(c.start, c.end)} ${words(surname.start, surname.end)}`;
    c.end = surname.end;
    c.type = 'PERSON';
    c.gender ??= given === 'male' || given === 'female' ? given : null;
    k = next;
  }
  return out;
}

/**
 * A lone word the tagger took for a place or thing that is the surname of a person the article
 * names in full is that person: "Mugabe" in the headline "Army takes control, says Mugabe is safe".
 */
function typeSurnames(doc: Doc, lexicon: EntityLexicon, candidates: Candidate[]): Candidate[] {
  const { lower } = doc.tokens;
  const surnames = new Set(candidates.filter((c) => c.type === 'PERSON' && c.end - c.start >= 2 && !c.chars).map((c) => lower[c.end - 1]));
  const title = doc.meta.title;
  // In a title-case headline the tagger may also take a surname for an organisation ("Starmer and Macron Pledge …").
  const inTitle = (c: Candidate): boolean => title !== null && doc.tokens.start[c.start] >= title.start && doc.tokens.end[c.start] <= title.end;
  for (const c of candidates) {
    if (c.kind !== 'name' || c.chars || c.end - c.start !== 1 || !surnames.has(lower[c.start])) continue;
    if ((c.type === 'LOC' || c.type === 'MISC' || (c.type === 'ORG' && inTitle(c))) && c.canonical === null && !lexicon.matchAt(lower, c.start)) c.type = 'PERSON';
    // "Margaret Hamilton … Hamilton was born in Paoli": a town of the gazetteer that is the surname
    // of someone the article names is that person, unless a preposition of place puts it on the map.
    else if ((c.type === 'GPE' || c.type === 'LOC') && lexicon.matchAt(lower, c.start)?.kind === 'city' && !PLACE_PREPOSITIONS.has(lower[c.start - 1] ?? '')) {
      Object.assign(c, { type: 'PERSON', canonical: null, country: null });
    }
  }
  if (title === null || surnames.size === 0) return candidates;
  // A headline's surname the tagger found no name in at all ("Starmer and Macron Pledge …"), when
  // the article names that person in full.
  const covered = new Uint8Array(doc.tokenCount);
  for (const c of candidates) covered.fill(1, c.start, c.end);
  const added: Candidate[] = [];
  for (let i = doc.tokenAt(title.start); i < doc.tokenCount && doc.tokens.end[i] <= title.end; i++) {
    if (covered[i] || !surnames.has(lower[i]) || !isCapitalised(doc, i) || lexicon.matchAt(lower, i)) continue;
    added.push({ start: i, end: i + 1, type: 'PERSON', canonical: null, kind: 'name', gender: null, title: null, unnamed: false });
    doc.tokens.pos[i] = PROPN;
  }
  return added.length === 0 ? candidates : [...candidates, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Names and descriptions that name the same thing side by side, which become mentions of the
 * named entity: an acronym in brackets after a name whose initials it spells ("the Zimbabwe
 * Defence Forces (ZDF)"), and a definite or possessive description right before an
 * organisation's name ("Russia's space agency Roscosmos"), which also relates it to the country.
 */
function nameAppositions(doc: Doc, candidates: Candidate[]): void {
  const surface = (c: Candidate): string => doc.text.slice(doc.tokens.start[c.start], doc.tokens.end[c.end - 1]);
  for (let k = 1; k < candidates.length; k++) {
    const c = candidates[k];
    if (c.kind !== 'name' || c.chars) continue;
    const bracketed = c.end - c.start === 1 && doc.word(c.start - 1) === '(' && doc.word(c.end) === ')';
    // Looked for only before a bracket: scanning back from every name made long articles quadratic.
    const before = bracketed ? nameBefore(candidates, k) : undefined;
    if (before && before.end === c.start - 1 && before.type !== 'PERSON' && initials(surface(before)) === surface(c)) {
      c.canonical = before.canonical ?? surface(before);
      c.type = before.type;
      continue;
    }
    const description = candidates[k - 1];
    if (c.type !== 'ORG' || !description.unnamed || description.kind !== 'nominal' || description.end !== c.start) continue;
    const determiner = description.start > 0 ? doc.tokens.lower[description.start - 1] : '';
    if (determiner === 'a' || determiner === 'an') continue;
    description.unnamed = false;
    description.canonical = c.canonical ?? surface(c);
  }
}

/** The nearest name before candidate `k` that ends before it starts. */
function nameBefore(candidates: Candidate[], k: number): Candidate | undefined {
  const c = candidates[k];
  for (let j = k - 1; j >= 0; j--) {
    const o = candidates[j];
    if (o.kind === 'name' && !o.chars && o.end <= c.start) return o;
  }
  return undefined;
}

/** Last words of the PERSON candidates found so far, indexed as the list of candidates grows. */
const personLastWords = new WeakMap<Candidate[], { seen: number; words: Set<string> }>();

/**
 * Whether token `i` is the first of an earlier two-word person's name that is not a known first
 * name: "Xi" of "Xi Jinping", where the family name comes first. Looks back a bounded way.
 */
function isFamilyNameFirst(doc: Doc, earlier: Candidate[], i: number): boolean {
  const word = doc.tokens.lower[i];
  for (let k = earlier.length - 1; k >= 0 && k >= earlier.length - FAMILY_NAME_LOOKBACK; k--) {
    const c = earlier[k];
    if (c.type === 'PERSON' && c.end - c.start === 2 && doc.tokens.lower[c.start] === word && c.gender === null) return true;
  }
  return false;
}
const FAMILY_NAME_LOOKBACK = 50;

/** Whether an earlier candidate is a person whose name ends with `word` (a surname seen before). */
function hasEarlierPerson(doc: Doc, earlier: Candidate[], word: string): boolean {
  let index = personLastWords.get(earlier);
  if (!index) personLastWords.set(earlier, (index = { seen: 0, words: new Set() }));
  for (; index.seen < earlier.length; index.seen++) {
    const c = earlier[index.seen];
    if (c.type === 'PERSON') index.words.add(doc.tokens.lower[c.end - 1]);
  }
  return index.words.has(word);
}

/** Groups name mentions into entities: same canonical name, or a surname of an earlier full name. */
function groupEntities(doc: Doc, lexicon: EntityLexicon, candidates: Candidate[]): void {
  const byKey = new Map<string, number>();
  for (const c of candidates) {
    const surface = c.chars ? doc.text.slice(c.chars.start, c.chars.end) : doc.text.slice(doc.tokens.start[c.start], doc.tokens.end[c.end - 1]);
    const name = c.canonical ?? surface;
    const key = `${c.type}|${name.toLowerCase()}`;
    const known = c.unnamed ? undefined : byKey.get(key);
    let index = known !== undefined && !conflictingGender(doc.entities[known], c) ? known
      : c.unnamed ? undefined : findByPart(doc, c, name) ?? findBusinessByFirstWords(doc, c, name) ?? findBodyByHead(doc, lexicon, c, name);
    if (index === undefined) {
      index = doc.entities.length;
      doc.entities.push({
        id: `e${index + 1}`, type: c.type, name, aliases: [], mentions: [], roles: [], affiliation: null,
        related: null, gender: c.gender, unnamed: c.unnamed,
      });
      if (c.title && !doc.entities[index].roles.includes(c.title)) doc.entities[index].roles.push(c.title);
      relateDescription(doc, doc.entities[index], c, candidates);
    }
    const entity = doc.entities[index];
    // "Mrs Mugabe" names one of the Mugabes by her title: a bare "Mugabe" later need not be her.
    if (!c.unnamed && !(c.title && HONORIFICS.get(c.title.toLowerCase()))) byKey.set(key, index);
    const mention: Mention = {
      start: c.chars?.start ?? doc.tokens.start[c.start], end: c.chars?.end ?? doc.tokens.end[c.end - 1],
      tokenStart: c.start, tokenEnd: c.end, type: c.type, kind: c.kind, entity: index,
    };
    entity.mentions.push(doc.mentions.length);
    doc.mentions.push(mention);
    if (surface !== entity.name && !entity.aliases.includes(surface)) entity.aliases.push(surface);
    // "the Zimbabwe Defence Forces (ZDF) … the ZDF": a name given in brackets names it from then on.
    if (c.kind === 'name' && c.type !== 'PERSON' && c.canonical !== null && surface !== c.canonical) byKey.set(`${c.type}|${surface.toLowerCase()}`, index);
    // A longer form of the same person becomes the canonical name: "Kabulov" → "Zamir Kabulov",
    // a capitals headline's "MBEKI" → "Jonah Mbeki"; and a name written as the body writes it
    // replaces the headline's capitals ("HEAT" → "Heat").
    const longer = c.type === 'PERSON' && surface.length > entity.name.length && surface.toLowerCase().endsWith(entity.name.toLowerCase());
    const recased = isAllCapitals(entity.name) && !isAllCapitals(surface) && surface.toLowerCase() === entity.name.toLowerCase();
    if (!c.canonical && (longer || recased)) {
      if (!entity.aliases.includes(entity.name)) entity.aliases.push(entity.name);
      entity.name = surface;
    }
    entity.gender ??= c.gender;
  }
}

/** "MBEKI", "HEAT": a word in capitals that is no acronym's length. */
function isAllCapitals(name: string): boolean {
  return name.length > 4 && name === name.toUpperCase() && /\p{Lu}/u.test(name);
}

/**
 * Named people {@link findByPart} looks back through at most: a surname refers to someone named
 * recently, and looking through every earlier entity made long texts quadratic.
 */
const MAX_PEOPLE_LOOKED_BACK = 256;
/**
 * Entities of any kind a given name or a business's first words look back through, so that few
 * people among many bodies stay cheap.
 */
const MAX_ENTITIES_LOOKED_BACK = 2048;

/** An earlier person whose name ends with this one ("Kabulov" → "Zamir Kabulov"). */
function findByPart(doc: Doc, c: Candidate, name: string): number | undefined {
  if (c.type !== 'PERSON' && c.type !== 'MISC') return undefined;
  const lower = name.toLowerCase();
  let people = 0;
  for (let k = doc.entities.length - 1; k >= 0 && people < MAX_PEOPLE_LOOKED_BACK; k--) {
    const e = doc.entities[k];
    if (e.type !== 'PERSON' || e.unnamed) continue;
    people += 1;
    if (conflictingGender(e, c)) continue;
    const full = e.name.toLowerCase();
    // "Kabulov" of "Zamir Kabulov"; "Xi" of "Xi Jinping" (two words, no known first name).
    const familyFirst = c.end - c.start === 1 && e.gender === null && full.startsWith(`${lower} `) && full.indexOf(' ') === full.lastIndexOf(' ');
    if (full === lower || full.endsWith(` ${lower}`) || lower.endsWith(` ${full}`) || familyFirst) {
      c.type = 'PERSON';
      return k;
    }
  }
  return c.end - c.start === 1 ? findByGivenName(doc, c, lower) : undefined;
}

/**
 * "the Commission" after "the European Commission", "the Council" after "Ashby Vale Borough
 * Council": a body named again by its head word is the last body so named.
 */
function findBodyByHead(doc: Doc, lexicon: EntityLexicon, c: Candidate, name: string): number | undefined {
  // Only a word for a kind of body: "the Taliban" after "the Afghan Taliban" is a name of its own.
  if (c.type !== 'ORG' || c.end - c.start !== 1 || doc.tokens.lower[c.start - 1] !== 'the' || !lexicon.isOrgCue(name.toLowerCase())) return undefined;
  const suffix = ` ${name.toLowerCase()}`;
  for (let k = doc.entities.length - 1; k >= 0 && doc.entities.length - k <= MAX_ENTITIES_LOOKED_BACK; k--) {
    const e = doc.entities[k];
    if (e.type === 'ORG' && !e.unnamed && e.name.toLowerCase().endsWith(suffix)) return k;
  }
  return undefined;
}

/**
 * "Emeka was outstanding", after "Emeka Okafor": a given name alone is the one person named
 * before with it, when only one was.
 */
function findByGivenName(doc: Doc, c: Candidate, lower: string): number | undefined {
  let found: number | undefined;
  let people = 0;
  for (let k = doc.entities.length - 1; k >= 0 && people < MAX_PEOPLE_LOOKED_BACK && k >= doc.entities.length - MAX_ENTITIES_LOOKED_BACK; k--) {
    const e = doc.entities[k];
    if (e.type !== 'PERSON' || e.unnamed) continue;
    people += 1;
    if (!e.name.toLowerCase().startsWith(`${lower} `) || conflictingGender(e, c)) continue;
    if (found !== undefined) return undefined;
    found = k;
  }
  if (found !== undefined) c.type = 'PERSON';
  return found;
}

/**
 * An earlier business this name opens ("Northwind" → "Northwind Logistics", "Halvern" → "Halvern
 * Athletic"): the words it leaves out are a business's or a club's last word.
 */
function findBusinessByFirstWords(doc: Doc, c: Candidate, name: string): number | undefined {
  if (c.type === 'GPE' || c.type === 'NORP') return undefined;
  const lower = `${name.toLowerCase()} `;
  // "Rovers" and "City" after "Northgate Rovers" and "Harbour City": a club by its last word.
  const clubWord = CLUB_SHORT_NAMES.has(lower.trim()) ? ` ${lower.trim()}` : null;
  for (let k = doc.entities.length - 1; k >= 0 && k >= doc.entities.length - MAX_ENTITIES_LOOKED_BACK; k--) {
    const e = doc.entities[k];
    if (e.type !== 'ORG' || e.unnamed) continue;
    const full = e.name.toLowerCase();
    if (opensFirmName(lower.trim(), full) || (clubWord !== null && full.endsWith(clubWord))) {
      c.type = 'ORG';
      return k;
    }
  }
  return undefined;
}

/** A firm's legal form after its name: "Kestrel Devices Inc", "Halbrook Foods plc". */
const LEGAL_FORMS = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'plc', 'corp', 'corp.', 'co', 'co.', 'llc', 'ag', 'sa', 'gmbh', 'nv']);

/**
 * Whether a one-word name opens a firm's or club's name (both lower case) and leaves out only its
 * business word and legal form: "kestrel" of "kestrel devices inc", "halvern" of "halvern athletic".
 */
function opensFirmName(short: string, full: string): boolean {
  if (!full.startsWith(`${short} `)) return false;
  const rest = full.slice(short.length + 1).split(' ');
  if (rest.length === 2 && LEGAL_FORMS.has(rest[1])) rest.pop();
  return rest.length === 1 && (BUSINESS_WORDS.has(rest[0]) || CLUB_WORDS.includes(rest[0]));
}

/** Last words a club is called by alone. */
const CLUB_SHORT_NAMES = new Set([...CLUB_WORDS, ...PLACE_OR_CLUB_WORDS]);

/**
 * "Shares in Halbrook Slump" above "Shares in Halbrook Foods fell": a one-word name only the
 * headline uses is the firm or person the body names in full. Entities are grouped in text order,
 * so the headline's comes first and found nothing to join; it joins now.
 */
function mergeHeadlineShortNames(doc: Doc): void {
  const title = doc.meta.title;
  if (!title) return;
  const inTitle = (k: number): boolean => doc.mentions[k].start >= title.start && doc.mentions[k].end <= title.end;
  for (let from = doc.entities.length - 1; from >= 0; from--) {
    const short = doc.entities[from];
    if (short.unnamed || short.type === 'GPE' || short.type === 'NORP' || /\s/.test(short.name) || !inTitle(short.mentions[0])) continue;
    // A firm's or club's first word may recur in the body ("Halvern led at the break"); a surname joins only from the headline.
    const headlineOnly = short.mentions.every(inTitle);
    const lower = short.name.toLowerCase();
    const into = doc.entities.findIndex((full, k) => {
      if (k === from || full.unnamed) return false;
      const name = full.name.toLowerCase();
      if (full.type === 'PERSON') return headlineOnly && name.endsWith(` ${lower}`);
      return full.type === 'ORG' && opensFirmName(lower, name);
    });
    if (into >= 0) mergeEntity(doc, from, into);
  }
}

/**
 * Moves every mention of entity `from` to entity `into`, and drops `from`. The entities after it
 * move up one place and are renumbered: an entity's id is its place (`e1` first, Doc.entityById).
 */
function mergeEntity(doc: Doc, from: number, into: number): void {
  const [gone, kept] = [doc.entities[from], doc.entities[into]];
  for (const k of gone.mentions) Object.assign(doc.mentions[k], { entity: into, type: kept.type });
  kept.mentions = [...kept.mentions, ...gone.mentions].sort((a, b) => a - b);
  if (!kept.aliases.includes(gone.name)) kept.aliases.push(gone.name);
  doc.entities.splice(from, 1);
  for (const m of doc.mentions) if (m.entity > from) m.entity--;
  const renamed = new Map<string, string>();
  doc.entities.forEach((e, k) => {
    if (k >= from) renamed.set(e.id, `e${k + 1}`);
  });
  renamed.set(gone.id, renamed.get(kept.id) ?? kept.id);
  for (const e of doc.entities) {
    e.id = renamed.get(e.id) ?? e.id;
    if (e.affiliation !== null) e.affiliation = renamed.get(e.affiliation) ?? e.affiliation;
    if (e.related !== null) e.related = renamed.get(e.related) ?? e.related;
  }
}

/** "Mrs Mugabe" is not Robert Mugabe: a gender known on both sides (title, first name) differs. */
function conflictingGender(entity: Entity, c: Candidate): boolean {
  return entity.gender !== null && c.gender !== null && entity.gender !== c.gender;
}

/** "a Taliban breakaway faction" is related to the Taliban; "the Russian foreign ministry" belongs to Russia. */
function relateDescription(doc: Doc, entity: Entity, c: Candidate, candidates: Candidate[]): void {
  if (c.kind !== 'nominal') return;
  // A description naming an organisation ("Russia's space agency Roscosmos") leaves it its name.
  if (c.canonical === null) entity.name = doc.text.slice(doc.tokens.start[c.start], doc.tokens.end[c.end - 1]);
  // Candidates are sorted by start: look only at those that start inside the description.
  let first = 0;
  for (let high = candidates.length; first < high; ) {
    const middle = (first + high) >> 1;
    if (candidates[middle].start < c.start) first = middle + 1;
    else high = middle;
  }
  let inner: Candidate | undefined;
  for (let k = first; k < candidates.length && candidates[k].start < c.end && !inner; k++) {
    const o = candidates[k];
    if (o !== c && o.kind === 'name' && o.end <= c.end) inner = o;
  }
  if (!inner) return;
  const innerName = (inner.canonical ?? doc.text.slice(doc.tokens.start[inner.start], doc.tokens.end[inner.end - 1])).toLowerCase();
  const target = doc.entities.find((e) => e.name.toLowerCase() === innerName && e.type === inner.type);
  if (target) entity.related = target.id;
}

/** A nationality relates to its country when the article names it: "Russian" → Russia. */
function relateNationalities(doc: Doc, candidates: Candidate[]): void {
  // The first entity of each type and name, as a search from the start finds it.
  const named = new Map<string, Entity>();
  for (const e of doc.entities) if (!named.has(`${e.type}|${e.name}`)) named.set(`${e.type}|${e.name}`, e);
  for (const c of candidates) {
    if (c.type !== 'NORP' || !c.country) continue;
    const nationality = named.get(`NORP|${c.canonical}`);
    const country = named.get(`GPE|${c.country}`);
    if (nationality && country) nationality.related ??= country.id;
  }
}
