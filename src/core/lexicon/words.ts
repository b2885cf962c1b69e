import { ORG_CUE_WORDS, ROLE_WORDS, UNISEX_FIRST_NAMES } from './curated.js';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './generated/first-names.js';

/** Single-word lookups: organisation cue nouns, person roles, first-name gender. */

export type NameGender = 'male' | 'female' | 'unisex';

const ORG_CUES = new Set(ORG_CUE_WORDS);
const ROLES = new Set(ROLE_WORDS);

/** `lower` itself, then the singulars a regular or -men plural could come from. */
function inSingularOrPlural(words: ReadonlySet<string>, lower: string): boolean {
  if (words.has(lower)) return true;
  if (lower.endsWith('men')) return words.has(`${lower.slice(0, -3)}man`);
  if (lower.endsWith('ies')) return words.has(`${lower.slice(0, -3)}y`);
  if (!lower.endsWith('s')) return false;
  return words.has(lower.slice(0, -1)) || (lower.endsWith('es') && words.has(lower.slice(0, -2)));
}

export function isOrgCue(lower: string): boolean {
  return inSingularOrPlural(ORG_CUES, lower);
}

export function isRoleWord(lower: string): boolean {
  return inSingularOrPlural(ROLES, lower);
}

let genders: Map<string, NameGender> | null = null;

/** Built on first use: 32k names are not needed by pipelines that never ask. */
function genderMap(): Map<string, NameGender> {
  if (genders) return genders;
  genders = new Map();
  for (const name of FEMALE_FIRST_NAMES.split(' ')) genders.set(name, 'female');
  for (const name of MALE_FIRST_NAMES.split(' ')) genders.set(name, 'male');
  for (const name of UNISEX_FIRST_NAMES) genders.set(name, 'unisex');
  return genders;
}

export function firstNameGender(lower: string): NameGender | null {
  return genderMap().get(lower) ?? null;
}

/** A name as written without accents and special letters ("Łódź" → "Lodz"): the cities' ASCII aliases. */
export function foldToAscii(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/Ł/g, 'L')
    .replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/đ/g, 'd').replace(/ß/g, 'ss');
}

/** Words of a page's labels before a colon ("Q&A:", "Explainer:", "Watch:", "Live updates:", "THE CLAIM:"): no speaker and no name. */
const PAGE_LABEL_WORDS = new Set([
  'q&a', 'explainer', 'factbox', 'fact', 'check', 'analysis', 'live', 'updates', 'update', 'watch', 'video', 'photos', 'opinion',
  'exclusive', 'breaking', 'news', 'editorial', 'review', 'interview', 'timeline', 'podcast', 'listen', 'comment', 'profile',
  'obituary', 'preview', 'recap', 'correction', 'graphic', 'quiz', 'newsletter', 'in', 'pictures', 'focus',
  // A fact check's parts: "THE CLAIM:", "OUR VERDICT:", "Rating:".
  'claim', 'verdict', 'rating', 'ruling', 'facts', 'context', 'background', 'summary',
  // A transcript's title and a picture's caption: "TRANSCRIPT: …", "Photo: …".
  'transcript', 'photo', 'photograph', 'picture', 'image', 'caption',
]);

export function isPageLabelWord(lower: string): boolean {
  return PAGE_LABEL_WORDS.has(lower);
}

/**
 * Common nouns for a news medium: "the newspaper", "the broadcaster"; before a name, they say it is
 * one ("the journal Lancet Neurology").
 */
const MEDIA_NOUNS = new Set([
  'channel', 'network', 'newspaper', 'paper', 'broadcaster', 'station', 'outlet', 'magazine', 'daily', 'agency', 'website',
  'journal', 'tabloid', 'weekly', 'broadsheet',
]);

export function isMediaNoun(lower: string): boolean {
  return MEDIA_NOUNS.has(lower);
}

/** Heads that name a country's armed forces, whichever word the writer used. */
const MILITARY_HEADS = new Set(['army', 'military', 'forces', 'force']);

export function isMilitaryHead(lower: string): boolean {
  return MILITARY_HEADS.has(lower);
}

/**
 * Common nouns that describe whom a name names, written before it ("Carmaker Veltro", "Singer Lena
 * Marsh"); at a sentence's start they are capitalised like the name, but are no part of it.
 */
const BUSINESS_DESCRIPTORS = new Set([
  'carmaker', 'automaker', 'chipmaker', 'drugmaker', 'planemaker', 'airline', 'retailer', 'miner', 'insurer', 'lender',
  'broadcaster', 'brewer', 'supermarket', 'publisher', 'conglomerate', 'startup', 'start-up', 'regulator', 'watchdog',
  'developer', 'housebuilder', 'homebuilder', 'builder', 'utility', 'firm', 'manufacturer', 'operator', 'giant',
]);
const PERSON_DESCRIPTORS = new Set([
  'singer', 'rapper', 'actor', 'actress', 'footballer', 'striker', 'midfielder', 'defender', 'goalkeeper', 'boxer',
  'golfer', 'author', 'novelist', 'filmmaker', 'comedian', 'musician', 'guitarist', 'drummer', 'chef', 'designer',
  'artist', 'poet', 'composer', 'dancer', 'businessman', 'businesswoman', 'billionaire', 'entrepreneur', 'tycoon',
  'presenter', 'broadcaster', 'historian', 'scientist', 'astronaut', 'cyclist', 'sprinter', 'swimmer', 'athlete',
  'librarian', 'teacher', 'farmer', 'baker', 'shopkeeper', 'firefighter', 'pilot', 'nurse',
  // The people a reporter stops in the street: "Student Ben Osei said …", "Pensioner Mary Hale …".
  'student', 'pensioner', 'commuter', 'driver', 'resident', 'shopper', 'worker', 'parent', 'grandmother',
  'grandfather', 'widow', 'retiree', 'volunteer', 'campaigner', 'carer', 'cleaner', 'plumber', 'electrician',
  'photographer', 'witness', 'passenger', 'patient', 'midwife', 'paramedic', 'landlord', 'tenant', 'fan',
]);

/** Descriptors that say nothing of the kind: "Rival Kestrel Auto", "Fellow striker Tom Reddick", "Embattled Lumen". */
const KINDLESS_DESCRIPTORS = new Set([
  'rival', 'fellow', 'veteran', 'embattled', 'beleaguered', 'struggling', 'troubled', 'ailing', 'defending', 'reigning',
  'outgoing', 'incoming', 'disgraced', 'jailed', 'fugitive', 'exiled',
]);

/**
 * The kind of entity a descriptor before a name says it is: 'ORG', 'PERSON', 'ANY' for one that
 * says nothing of the kind ("rival"), or null for any other word.
 */
export function descriptorType(lower: string): 'ORG' | 'PERSON' | 'ANY' | null {
  return BUSINESS_DESCRIPTORS.has(lower) ? 'ORG' : PERSON_DESCRIPTORS.has(lower) ? 'PERSON' : KINDLESS_DESCRIPTORS.has(lower) ? 'ANY' : null;
}
