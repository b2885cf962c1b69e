import type { CueClass } from './doc.js';

/**
 * Attribution cue lexicon: verbs (and a few multi-word expressions) that introduce what someone
 * said, believes or reported, each with its communication class. Inflected forms are generated,
 * so the lexicon lists lemmas only.
 */

const LEXICON: Record<CueClass, string[]> = {
  assert: [
    'say', 'tell', 'state', 'add', 'note', 'claim', 'assert', 'insist', 'maintain', 'confirm', 'report',
    'announce', 'declare', 'explain', 'argue', 'write', 'stress', 'emphasize', 'emphasise', 'acknowledge',
    'admit', 'reveal', 'believe', 'think', 'suggest', 'predict', 'estimate', 'show', 'find', 'recall',
    'point out', 'indicate', 'mention', 'remark', 'comment', 'reply', 'respond', 'answer', 'testify',
    'tweet', 'post', 'contend', 'concede', 'agree', 'conclude', 'observe', 'quip', 'joke', 'recount',
    'continue', 'conclude', 'learn', 'disclose', 'assure', 'reiterate', 'repeat', 'affirm', 'allow',
    'hint', 'imply', 'signal', 'describe', 'call', 'brag', 'boast', 'concur', 'figure', 'guess', 'hope',
    'expect', 'fear', 'feel', 'know', 'understand', 'hear', 'read', 'suspect', 'worry', 'argue', 'caution',
    'tout', 'highlight', 'cite', 'characterize', 'characterise', 'proclaim', 'inform', 'notify', 'advise',
    'predict', 'forecast', 'calculate', 'project', 'speculate', 'theorize', 'surmise', 'posit', 'opine',
    'counter', 'retort', 'shoot back', 'fire back', 'chime in', 'weigh in', 'sing', 'preach', 'lament',
    'complain', 'grumble', 'protest', 'celebrate', 'praise', 'applaud', 'hail', 'laud', 'thank',
    'confide', 'whisper', 'shout', 'yell', 'scream', 'cry', 'exclaim', 'muse', 'ponder', 'recognize',
    'recognise', 'tell of', 'speak', 'talk', 'detail', 'outline', 'summarize', 'add to', 'elaborate',
    'clarify', 'specify', 'certify', 'verify', 'corroborate', 'attest', 'swear', 'testify', 'vouch',
  ],
  deny: [
    'deny', 'dismiss', 'reject', 'refute', 'rebut', 'dispute', 'contradict', 'disavow', 'rule out',
    'brush off', 'brush aside', 'shrug off', 'downplay', 'play down', 'disagree', 'debunk', 'discount',
    'repudiate', 'negate', 'disclaim', 'wave off', 'scoff at', 'push back', 'contest', 'challenge',
  ],
  accuse: [
    'accuse', 'blame', 'allege', 'charge', 'fault', 'implicate', 'incriminate', 'finger', 'indict',
  ],
  condemn: [
    'condemn', 'denounce', 'criticize', 'criticise', 'slam', 'blast', 'decry', 'deplore', 'lambast',
    'lambaste', 'castigate', 'censure', 'rebuke', 'attack', 'assail', 'excoriate', 'chide', 'scold',
    'berate', 'bash', 'knock', 'pan', 'ridicule', 'mock', 'deride', 'rail against', 'lash out',
  ],
  threaten: [
    'threaten', 'warn', 'vow', 'pledge', 'promise', 'intend', 'plan', 'swear', 'commit', 'vow',
    'resolve', 'aim', 'seek', 'propose', 'demand', 'urge', 'call for', 'call on', 'appeal', 'ask for',
    'push for', 'press for', 'want', 'wish', 'insist on', 'order', 'instruct', 'recommend', 'encourage',
    'advocate', 'request', 'beg', 'implore', 'invite', 'offer', 'decline', 'refuse',
  ],
  question: ['ask', 'question', 'wonder', 'query', 'doubt', 'inquire', 'enquire', 'challenge'],
  other: ['support', 'oppose', 'back', 'endorse', 'favor', 'favour', 'consider', 'regard', 'view', 'see', 'deem'],
};

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  think: ['thinks', 'thought', 'thinking'],
  find: ['finds', 'found', 'finding'],
  show: ['shows', 'showed', 'shown', 'showing'],
  know: ['knows', 'knew', 'known', 'knowing'],
  understand: ['understands', 'understood', 'understanding'],
  hear: ['hears', 'heard', 'hearing'],
  read: ['reads', 'read', 'reading'],
  feel: ['feels', 'felt', 'feeling'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  sing: ['sings', 'sang', 'sung', 'singing'],
  seek: ['seeks', 'sought', 'seeking'],
  shoot: ['shoots', 'shot', 'shooting'],
  fire: ['fires', 'fired', 'firing'],
  forecast: ['forecasts', 'forecast', 'forecasting'],
  learn: ['learns', 'learned', 'learnt', 'learning'],
  cry: ['cries', 'cried', 'crying'],
  lash: ['lashes', 'lashed', 'lashing'],
  knock: ['knocks', 'knocked', 'knocking'],
  pan: ['pans', 'panned', 'panning'],
  plan: ['plans', 'planned', 'planning'],
  admit: ['admits', 'admitted', 'admitting'],
  commit: ['commits', 'committed', 'committing'],
  rebut: ['rebuts', 'rebutted', 'rebutting'],
  quip: ['quips', 'quipped', 'quipping'],
  allow: ['allows', 'allowed', 'allowing'],
  prefer: ['prefers', 'preferred', 'preferring'],
  scoff: ['scoffs', 'scoffed', 'scoffing'],
  slam: ['slams', 'slammed', 'slamming'],
  beg: ['begs', 'begged', 'begging'],
  chime: ['chimes', 'chimed', 'chiming'],
  weigh: ['weighs', 'weighed', 'weighing'],
  wave: ['waves', 'waved', 'waving'],
  push: ['pushes', 'pushed', 'pushing'],
  press: ['presses', 'pressed', 'pressing'],
  rail: ['rails', 'railed', 'railing'],
  play: ['plays', 'played', 'playing'],
  shrug: ['shrugs', 'shrugged', 'shrugging'],
  brush: ['brushes', 'brushed', 'brushing'],
  rule: ['rules', 'ruled', 'ruling'],
};

/** Regular inflections: 3rd person singular, past/participle, gerund. */
export function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const consonantY = /[^aeiou]y$/.test(lemma);
  const sibilant = /(?:s|sh|ch|x|z)$/.test(lemma);
  const third = consonantY ? `${lemma.slice(0, -1)}ies` : sibilant ? `${lemma}es` : `${lemma}s`;
  const past = lemma.endsWith('e') ? `${lemma}d` : consonantY ? `${lemma.slice(0, -1)}ied` : `${lemma}ed`;
  const gerund = lemma.endsWith('ee') ? `${lemma}ing` : lemma.endsWith('e') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  return [third, past, gerund];
}

export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** Lower-cased particle that must follow the verb, if any. */
  particle: string | null;
}

/** Inflected lower-case verb form → the cue readings it can start. */
export const CUE_FORMS: ReadonlyMap<string, readonly CueForm[]> = buildForms();

function buildForms(): Map<string, CueForm[]> {
  const forms = new Map<string, CueForm[]>();
  for (const [cls, entries] of Object.entries(LEXICON) as Array<[CueClass, string[]]>) {
    for (const entry of entries) {
      const [verb, particle = null] = entry.split(' ') as [string, string?];
      const lemma = entry;
      for (const form of [verb, ...inflect(verb)]) {
        const list = forms.get(form) ?? [];
        if (!list.some((f) => f.lemma === lemma)) list.push({ lemma, cls, particle });
        forms.set(form, list);
      }
    }
  }
  // Longer readings ("call for") before bare ones ("call"), so the first that fits wins.
  for (const list of forms.values()) list.sort((a, b) => Number(b.particle !== null) - Number(a.particle !== null));
  return forms;
}

/** Cue verbs whose source may follow them in inverted order: "…,” said Kabulov." */
export const INVERTIBLE = new Set([
  'say', 'add', 'tell', 'write', 'note', 'explain', 'continue', 'ask', 'reply', 'respond', 'insist',
  'argue', 'warn', 'claim', 'declare', 'announce', 'report', 'recall', 'conclude', 'observe', 'quip',
  'counter', 'retort', 'state', 'confirm', 'suggest', 'acknowledge', 'concede', 'stress', 'answer',
]);

/** Verbs that take their content as a noun-phrase object: "denied any negotiations", "condemned X". */
export const TAKES_OBJECT = new Set([
  ...LEXICON.deny, ...LEXICON.accuse, ...LEXICON.condemn,
  'announce', 'confirm', 'report', 'reveal', 'acknowledge', 'admit', 'cite', 'describe', 'call for', 'call on',
  'demand', 'urge', 'propose', 'support', 'oppose', 'back', 'endorse', 'threaten', 'promise', 'pledge',
  'question', 'praise', 'applaud', 'hail', 'laud', 'highlight', 'tout', 'predict', 'estimate', 'show',
  'find', 'recall', 'mention', 'disclose', 'want', 'request', 'seek', 'offer', 'recommend', 'call',
]);
