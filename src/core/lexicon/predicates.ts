/**
 * Predicate classes: what a proposition says happens, so that paraphrases meet ("shared
 * intelligence", "exchange information", "channels for exchanging information" are all
 * `share-information`). Our own small table of the events news rumours and denials are about;
 * each entry is a lemma or a two-word lemma sequence ("step down"). A word may evoke several
 * classes ("takeover": a company's or an army's). Classes of one family are near-synonyms
 * ("contact", "negotiate", "share-information"; "sign-deal", "join", "acquire": a player's move
 * to a club and his sale are one transfer): a weaker match than the same class. Every other class is a family of its own: dying and being in hospital are not related.
 */
const CLASSES: Record<string, { family?: string; words: string[] }> = {
  'share-information': { family: 'cooperation', words: ['intelligence', 'information', 'data', 'share intelligence', 'share information', 'exchange information', 'pass intelligence', 'pass information'] },
  contact: { family: 'cooperation', words: ['contact', 'channel', 'communication', 'tie', 'ties', 'link', 'liaison'] },
  negotiate: { family: 'cooperation', words: ['talk', 'talks', 'negotiate', 'negotiation', 'discussion', 'discuss', 'dialogue', 'dialog', 'mediate'] },
  meet: { words: ['meet', 'meeting', 'summit', 'visit'] },
  cooperate: { family: 'cooperation', words: ['cooperate', 'cooperation', 'partnership', 'alliance', 'collaborate', 'coordinate'] },
  support: { words: ['aid', 'assist', 'assistance', 'fund', 'finance', 'arm', 'supply'] },
  resign: { words: ['resign', 'resignation', 'quit', 'step down', 'stand down', 'depart', 'departure', 'leave', 'exit', 'successor', 'way out', 'oust', 'fire', 'sack', 'dismissal', 'go anywhere'] },
  appoint: { words: ['appoint', 'appointment', 'name', 'nominate', 'hire', 'elect'] },
  die: { words: ['die', 'dead', 'death', 'pass away', 'alive', 'obituary'] },
  // Existence rumours: "giant spider found in garage", "the spider never existed".
  exist: { words: ['exist', 'existence', 'find', 'discover', 'discovery', 'spot', 'sighting'] },
  // An animal or a prisoner loose: "a lion has escaped from the zoo", "the inmate is on the run".
  escape: { words: ['escape', 'break out', 'breakout', 'on the loose', 'on the run', 'abscond', 'roam'] },
  hospital: { words: ['hospital', 'hospitalise', 'hospitalize', 'ill', 'illness', 'sick', 'sicken', 'sickness', 'ambulance'] },
  launch: { words: ['release', 'launch', 'unveil', 'introduce', 'debut', 'on sale', 'ship', 'roll out', 'rollout'] },
  acquire: { family: 'deal', words: ['buy', 'acquire', 'acquisition', 'takeover', 'take over', 'bid', 'purchase', 'merge', 'merger', 'combination', 'sell', 'sale', 'swoop'] },
  'sign-deal': { family: 'deal', words: ['sign', 'agreement', 'deal', 'contract', 'accept', 'treaty', 'accord'] },
  join: { family: 'deal', words: ['join', 'move', 'transfer', 'leave', 'sign for', 'head to', 'head for'] },
  sideline: { words: ['miss', 'sideline'] },
  halt: { family: 'stop', words: ['halt', 'suspend', 'suspension', 'pause', 'freeze', 'shelve'] },
  abolish: { family: 'stop', words: ['scrap', 'abolish', 'abolition', 'axe', 'repeal'] },
  cast: { words: ['cast', 'casting', 'land role', 'land part'] },
  'seize-power': { words: ['coup', 'seize', 'seizure', 'takeover', 'take over', 'take power', 'overthrow', 'putsch', 'take control', 'topple'] },
  'capture-ground': { words: ['capture', 'recapture', 'seize', 'take control', 'overrun', 'fall', 'occupy', 'occupation', 'liberate', 'retake'] },
  detain: { words: ['arrest', 'detain', 'detention', 'custody', 'confine', 'jail', 'imprison', 'house arrest', 'captive', 'hostage', 'hold'] },
  attack: { words: ['bomb', 'bombing', 'shoot', 'shooting', 'airstrike', 'raid', 'kill', 'killing', 'assassinate', 'invade', 'invasion'] },
  leak: { words: ['leak', 'spill', 'contaminate', 'contamination', 'pollute', 'pollution', 'discharge', 'chemical'] },
  'cut-jobs': { words: ['redundancy', 'layoff', 'lay off', 'cut job', 'cut jobs', 'sack workers', 'job cut', 'job loss', 'axe job', 'shed job', 'slash job', 'eliminate job'] },
  'close-down': { words: ['close', 'close down', 'closure', 'shut', 'shut down', 'shutdown', 'bankrupt', 'bankruptcy', 'collapse'] },
  ban: { words: ['ban', 'prohibit', 'outlaw', 'forbid', 'block'] },
  // A truce: "agree a ceasefire", "There is no ceasefire".
  ceasefire: { words: ['ceasefire', 'cease-fire', 'truce', 'armistice'] },
  hack: { words: ['hack', 'breach', 'cyberattack', 'steal', 'theft'] },
  marry: { words: ['marry', 'marriage', 'wedding', 'pregnant', 'pregnancy', 'expect baby', 'expect child', 'give birth'] },
  // A couple parting: "have split", "are not splitting up", "have not separated", "divorce".
  'split-up': { words: ['split', 'split up', 'separate', 'separation', 'divorce', 'break up', 'breakup', 'estrange'] },
  plot: { words: ['plot', 'conspire', 'conspiracy', 'scheme'] },
  interfere: { words: ['interfere', 'interference', 'meddle', 'meddling', 'rig', 'fraud', 'manipulate', 'manipulation', 'falsify', 'doctor'] },
};

export interface PredicateClass {
  name: string;
  family: string;
}

/** Lemma (or "lemma lemma") → the classes it evokes. */
export const PREDICATE_CLASSES: ReadonlyMap<string, readonly PredicateClass[]> = (() => {
  const map = new Map<string, PredicateClass[]>();
  for (const [name, { family = name, words }] of Object.entries(CLASSES)) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), { name, family }]);
  }
  return map;
})();

/**
 * Words that evoke their class only as verbs: "signed a contract" but "no signs of", "named a
 * successor" but "by name", "fired the chief" but "feet to the fire", "will move" but "the move",
 * "have separated" but "two separate incidents", "supplied weapons" but "the water supply".
 */
export const VERB_ONLY = new Set(['sign', 'name', 'fire', 'move', 'ship', 'leave', 'close', 'block', 'separate', 'supply']);

/**
 * Verbs that let their object's event through as the proposition: "preparing a takeover bid",
 * "held talks", "struck a deal" (besides the light verbs of {@link NOT_PREDICATES}).
 */
export const PASS_THROUGH_VERBS = new Set([
  'prepare', 'consider', 'seek', 'start', 'hold', 'conduct', 'finalise', 'finalize', 'complete', 'reach', 'strike',
  'agree', 'announce', 'propose', 'pursue', 'open', 'enter', 'mount', 'carry', 'stage', 'launch', 'plan', 'arrange',
]);

/** Words that evoke their class only as nouns: "in talks to buy" but "isn't talking to the public"; "ties to" but "tied rubber bands". */
export const NOUN_ONLY = new Set(['talk', 'tie']);

/** Verbs of passing something on. */
const PASSING_VERBS = new Set(['share', 'exchange', 'pass', 'provide', 'give', 'hand', 'supply', 'trade', 'swap', 'transfer', 'send', 'feed', 'offer', 'receive']);

/**
 * Nouns that evoke their class only as what a verb of the set governs: "sharing IS intelligence"
 * and "provided information" are sharing; "mishandled classified information" is not.
 */
export const GOVERNED_BY: ReadonlyMap<string, ReadonlySet<string>> = new Map(['intelligence', 'information', 'data'].map((w) => [w, PASSING_VERBS]));

/**
 * Words that evoke their class only with one of these as what they act on (object, "of" phrase or
 * compound): "stole the personal data", "theft of 2 million records", "data theft" are hacks;
 * "stealing seats" is not.
 */
export const OBJECT_GOVERNED: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const data = new Set(['data', 'record', 'information', 'file', 'email', 'password', 'detail', 'document', 'credential', 'identity']);
  // "held by police", "held in a cell": "held talks" holds nobody.
  const captors = new Set(['police', 'officer', 'authority', 'custody', 'cell', 'prison', 'jail', 'detention', 'headquarters', 'kidnapper', 'captor', 'militant', 'rebel']);
  return new Map([['steal', data], ['theft', data], ['hold', captors]]);
})();

/**
 * Words that evoke their class only with a place as subject: "the village had fallen" was
 * captured, "shares fell" was not.
 */
export const PLACE_SUBJECT_ONLY = new Set(['fall']);

/** Words that evoke their class only with a place taken: "captured the town", not "captured the support of voters". */
export const PLACE_OBJECT_ONLY = new Set(['capture', 'recapture', 'overrun', 'occupy', 'retake', 'liberate']);

/** Nouns for places an army takes: a subject of {@link PLACE_SUBJECT_ONLY} words, besides named places. */
export const PLACE_NOUNS = new Set([
  'village', 'town', 'city', 'base', 'airport', 'airfield', 'port', 'region', 'district', 'capital', 'stronghold',
  'settlement', 'hub', 'bridge', 'position', 'outpost', 'province', 'territory', 'enclave', 'hill', 'garrison',
]);

/** The family of a class name (the class itself when it has none), or undefined for a bare lemma used as predicate. */
export function familyOf(name: string): string | undefined {
  const entry = CLASSES[name];
  return entry ? (entry.family ?? name) : undefined;
}

/** Words that deny the class they stand beside ("alive" denies `die`). */
export const ANTONYMS: ReadonlyMap<string, string> = new Map([['alive', 'die'], ['open', 'close-down'], ['together', 'split-up']]);

/**
 * Nouns that name a report rather than what it reports: "denied reports that …", "dismissed the
 * claims". A proposition made only of these (and light words) is about the article's matter.
 */
export const REPORT_NOUNS = new Set([
  'report', 'claim', 'rumour', 'rumor', 'story', 'allegation', 'speculation', 'suggestion', 'news', 'article',
  'account', 'assertion', 'charge', 'accusation', 'gossip', 'reporting', 'media', 'thing', 'this', 'it', 'chatter',
]);

/**
 * Nouns that name a report only as a subject: "the information about the capture is not true",
 * but "mishandled classified information about the bid" is about information.
 */
export const SUBJECT_REPORT_NOUNS = new Set(['information']);

/**
 * Words and phrases that call what they are about untrue: "turned out to be a hoax", "there is no
 * truth in", "dismissed as baseless". In a claim's content they make the claim a denial.
 */
export const DENIAL_MARKERS: readonly string[] = [
  'fake', 'hoax', 'baseless', 'false', 'untrue', 'unfounded', 'groundless', 'nonsense', 'propaganda', 'fabrication',
  'fabricated', 'lie', 'lies', 'mischief', 'rubbish', 'misinformation', 'disinformation', 'inaccurate', 'wrong',
  'no truth', 'not true', 'not accurate', 'without foundation', 'not the case', 'no basis', 'made up', 'does not exist', 'never existed', 'did not exist', "did n't exist",
  'fiction', 'invention', 'fantasy', 'fairy tale', 'garbage',
  'no evidence', 'no indication', 'no record', 'satire', 'satirical', 'spoof', 'parody', 'prank', 'photoshop', 'photoshopped',
  // "It never happened", "Arrest Report 'Never Happened'": said of a report, the event did not take place.
  'never happened', 'did not happen', "did n't happen", 'never took place', 'did not take place', "did n't take place", 'no such incident',
];

/** Negators: a proposition whose predicate one of these governs (or directly precedes) is negated. */
export const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without']);

/** Verbs of saying and light verbs: never the predicate of a proposition. */
export const NOT_PREDICATES = new Set([
  'be', 'have', 'do', 'say', 'tell', 'comment', 'report', 'state', 'get', 'make', 'go', 'take', 'come', 'will', 'would',
  'can', 'could', 'may', 'might', 'should', 'must', 'know', 'think', 'want', 'need', 'turn', 'prove', 'call', 'add',
  'respond', 'confirm', 'deny', 'expect', 'seem', 'appear', 'continue', 'begin', 'plan', 'intend', 'set',
  'see', 'hear', 'feel', 'remember', 'understand', 'like', 'imagine', 'believe',
  // Verbs of going on or stopping pass to their object or complement: "never stopped believing" denies nothing.
  'stop', 'keep', 'cease', 'try',
]);
