/**
 * A compact map from content lemmas to CAMEO event codes (CAMEO codebook categories; our own
 * selection of words). Claims carry the codes their proposition evokes, and contradiction
 * detection compares claims on them: "exchange of information" and "channels for exchanging
 * information" both evoke 064 (share intelligence or information).
 */
const CODES: Record<string, string[]> = {
  '040': ['talk', 'talks', 'discuss', 'discussion', 'consult', 'consultation', 'contact', 'communication', 'channel', 'dialogue', 'dialog'],
  '036': ['meet', 'meeting', 'summit'],
  '046': ['negotiate', 'negotiation', 'negotiations', 'mediate', 'mediation'],
  '050': ['cooperate', 'cooperation', 'partner', 'partnership', 'ally', 'alliance', 'collaborate', 'collaboration', 'coordinate', 'coordination'],
  '057': ['treaty', 'agreement', 'deal', 'accord', 'sign'],
  '064': ['intelligence', 'information', 'exchange', 'share', 'sharing'],
  '070': ['aid', 'assistance', 'support', 'help', 'assist', 'fund', 'funding', 'arm', 'weapon', 'weapons'],
  '100': ['demand', 'ultimatum'],
  '111': ['criticize', 'criticise', 'condemn', 'denounce', 'criticism'],
  '112': ['accuse', 'accusation', 'blame', 'allegation'],
  '120': ['reject', 'refuse', 'rejection', 'veto'],
  '130': ['threaten', 'threat', 'warn', 'warning', 'ultimatum'],
  '140': ['protest', 'demonstration', 'rally', 'strike', 'boycott'],
  '160': ['ban', 'sanction', 'sanctions', 'expel', 'suspend', 'embargo'],
  '173': ['arrest', 'detain', 'detention', 'imprison'],
  '180': ['attack', 'bomb', 'bombing', 'kill', 'killing', 'assassinate', 'kidnap', 'hostage'],
  '190': ['fight', 'fighting', 'battle', 'combat', 'war', 'clash', 'offensive', 'airstrike', 'airstrikes', 'invade', 'invasion'],
  '200': ['massacre', 'genocide', 'ethnic cleansing'],
};

const BY_LEMMA = new Map<string, string[]>();
for (const [code, lemmas] of Object.entries(CODES)) {
  for (const lemma of lemmas) BY_LEMMA.set(lemma, [...(BY_LEMMA.get(lemma) ?? []), code]);
}

/** CAMEO codes evoked by a set of lower-cased lemmas, sorted and unique. */
export function cameoCodes(lemmas: Iterable<string>): string[] {
  const codes = new Set<string>();
  for (const lemma of lemmas) for (const code of BY_LEMMA.get(lemma) ?? []) codes.add(code);
  return [...codes].sort();
}

/** The two-digit CAMEO root of a code: "064" → "06". */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}
