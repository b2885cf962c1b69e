import { CAMEO_VERBS, PHOENIX_ACTORS, PHOENIX_AGENTS, PHOENIX_DISCARDS } from './generated/petrarch.js';
import { readDictionaries, type EventDictionaries } from './petrarch.js';

/**
 * claimgraph's additions to CAMEO.2.0, in its own pattern format, inserted after a block's
 * header. The codebook defines 064 as "share intelligence or information", yet CAMEO.2.0 codes
 * "exchange information" as plain trade (060) and "share" only with evidence.
 */
const ADDED_PATTERNS: Record<string, string[]> = {
  '--- TRADE [060] ---': ['- * &INFORMATION [064:064]'],
  '--- SHARE [---] ---': ['- * &INFORMATION [064:064]'],
};

/** Verb lines given their codebook code: CAMEO 046 is "engage in negotiation", which CAMEO.2.0 files under yield (080). */
const RECODED_VERBS: Record<string, string> = { NEGOTIATE: '046' };

let cached: EventDictionaries | null = null;

/** The shipped dictionaries (CAMEO.2.0 verbs, Phoenix actors, agents, discards), read once on first use. */
export function phoenixDictionaries(): EventDictionaries {
  if (cached) return cached;
  let verbs = CAMEO_VERBS;
  for (const [header, patterns] of Object.entries(ADDED_PATTERNS)) verbs = verbs.replace(header, `${header}\n${patterns.join('\n')}`);
  for (const [verb, code] of Object.entries(RECODED_VERBS)) verbs = verbs.replace(new RegExp(`^${verb}$`, 'm'), `${verb} [${code}]`);
  cached = readDictionaries({ verbs, actors: [...PHOENIX_ACTORS], agents: PHOENIX_AGENTS, discards: PHOENIX_DISCARDS });
  return cached;
}
