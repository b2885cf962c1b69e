import type { CueClass } from './doc.js';

/**
 * Attribution cue lexicon: verbs (and a few multi-word expressions) that introduce what someone
 * said, believes or reported, each with its communication class, listed by lemma.
 */

const LEXICON: Record<CueClass, string[]> = {
  assert: [
    'say', 'tell', 'state', 'add', 'note', 'claim', 'assert', 'insist', 'maintain', 'confirm', 'report',
    'announce', 'declare', 'explain', 'argue', 'write', 'stress', 'emphasize', 'emphasise', 'acknowledge',
    'admit', 'reveal', 'believe', 'think', 'suggest', 'predict', 'estimate', 'show', 'find', 'recall',
    'point out', 'indicate', 'mention', 'remark', 'comment', 'reply', 'respond', 'answer', 'testify',
    'tweet', 'post', 'contend', 'concede', 'agree', 'conclude', 'observe', 'quip', 'joke', 'recount',
    'continue', 'learn', 'disclose', 'assure', 'reiterate', 'repeat', 'affirm', 'allow',
    'hint', 'imply', 'signal', 'describe', 'call', 'brand', 'label', 'dub', 'brag', 'boast', 'concur', 'figure', 'guess', 'reckon', 'hope',
    'expect', 'fear', 'feel', 'know', 'understand', 'hear', 'read', 'suspect', 'worry', 'caution',
    'tout', 'highlight', 'cite', 'characterize', 'characterise', 'proclaim', 'inform', 'notify', 'advise',
    'forecast', 'calculate', 'project', 'speculate', 'theorize', 'surmise', 'posit', 'opine',
    'counter', 'retort', 'shoot back', 'fire back', 'chime in', 'weigh in', 'sing', 'preach', 'lament',
    'complain', 'grumble', 'protest', 'celebrate', 'praise', 'applaud', 'hail', 'laud', 'thank',
    'confide', 'whisper', 'shout', 'yell', 'scream', 'cry', 'exclaim', 'muse', 'ponder', 'recognize',
    'recognise', 'tell of', 'speak', 'talk', 'detail', 'outline', 'summarize', 'add to', 'elaborate',
    'clarify', 'specify', 'certify', 'verify', 'corroborate', 'attest', 'vouch', 'rule', 'remind',
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
  // Threats and commitments only: a wish, plan, offer or request is no threat ("the rebels want a
  // ceasefire and offer talks"); those are `other` below. "Order" is left out: "the judge ordered
  // the firm to pay" is a ruling, not a report.
  threaten: ['threaten', 'warn', 'vow', 'pledge', 'promise', 'swear', 'commit', 'resolve'],
  question: ['ask', 'question', 'wonder', 'query', 'doubt', 'inquire', 'enquire'],
  other: [
    'support', 'oppose', 'back', 'endorse', 'favor', 'favour', 'consider', 'regard', 'view', 'see', 'deem',
    'intend', 'plan', 'aim', 'seek', 'propose', 'demand', 'urge', 'call for', 'call on', 'appeal', 'ask for',
    'push for', 'press for', 'want', 'wish', 'insist on', 'instruct', 'recommend', 'encourage',
    'advocate', 'request', 'beg', 'implore', 'invite', 'offer', 'decline', 'refuse',
  ],
};

export interface CueReading {
  lemma: string;
  cls: CueClass;
  /** Lower-cased particle that must follow the verb, if any. */
  particle: string | null;
}

/**
 * Verb lemma → the cue readings it can start. Forms are not listed: the POS stage lemmatises
 * ("said" → "say", "bragged" → "brag").
 */
export const CUE_READINGS: ReadonlyMap<string, readonly CueReading[]> = buildReadings();

function buildReadings(): Map<string, CueReading[]> {
  const readings = new Map<string, CueReading[]>();
  for (const [cls, entries] of Object.entries(LEXICON) as Array<[CueClass, string[]]>) {
    for (const lemma of entries) {
      const [verb, particle = null] = lemma.split(' ') as [string, string?];
      const list = readings.get(verb) ?? [];
      if (!list.some((r) => r.lemma === lemma)) list.push({ lemma, cls, particle });
      readings.set(verb, list);
    }
  }
  // Longer readings ("call for") before bare ones ("call"), so the first that fits wins.
  for (const list of readings.values()) list.sort((x, y) => Number(y.particle !== null) - Number(x.particle !== null));
  return readings;
}

/** Whether a lemma has a cue reading of class `cls` ("reject" reads as `deny`). */
export function readsAs(lemma: string, cls: CueClass): boolean {
  return CUE_READINGS.get(lemma)?.some((r) => r.cls === cls) ?? false;
}

/**
 * Whether the verb at `i` takes a reading's particle: the particle follows it, and not "of" after
 * that ("Quenta ruled out of cup final", "pulled out of the race" move someone, report nothing).
 */
export function takesParticle(lower: readonly string[], i: number, end: number, particle: string): boolean {
  return i + 1 < end && lower[i + 1] === particle && lower[i + 2] !== 'of';
}

/** Cue verbs whose source may follow them in inverted order: "…,” said Kabulov." */
export const INVERTIBLE = new Set([
  'say', 'add', 'tell', 'write', 'note', 'explain', 'continue', 'ask', 'reply', 'respond', 'insist',
  'argue', 'warn', 'claim', 'declare', 'announce', 'report', 'recall', 'conclude', 'observe', 'quip',
  'counter', 'retort', 'state', 'confirm', 'suggest', 'acknowledge', 'concede', 'stress', 'answer',
  'instruct', 'urge', 'demand', 'shout', 'yell', 'scream', 'whisper', 'exclaim', 'admit', 'recount', 'predict',
  'promise', 'joke', 'muse', 'reiterate', 'remark', 'emphasize', 'emphasise', 'point out', 'caution',
]);

/** Verbs that take their content as a noun-phrase object: "denied any negotiations", "condemned X". */
export const TAKES_OBJECT = new Set([
  ...LEXICON.deny, ...LEXICON.accuse, ...LEXICON.condemn,
  'announce', 'confirm', 'report', 'reveal', 'acknowledge', 'admit', 'cite', 'describe', 'call for', 'call on',
  'demand', 'urge', 'propose', 'support', 'oppose', 'back', 'endorse', 'threaten', 'promise', 'pledge',
  'question', 'praise', 'applaud', 'hail', 'laud', 'highlight', 'tout', 'predict', 'estimate',
  'find', 'recall', 'mention', 'disclose', 'request', 'seek', 'offer', 'call', 'brand', 'label', 'dub',
]);
