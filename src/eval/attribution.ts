import type { Doc } from '../core/doc.js';
import { charSet, intersection, jaccard, sameChars, size, type CharSet } from './charset.js';
import type { GoldArticle, GoldRole } from './gold.js';
import { matchGreedy, type Pair } from './match.js';
import { sameSpeaker } from './speaker-name.js';

/**
 * Attribution metrics (pure; definitions in docs/eval.md). Every score is micro-averaged: a
 * document's gold and predicted attributions are matched within that document, counts are summed
 * over documents, and P/R/F1 are computed once from the sums.
 */

export const ROLES = ['cue', 'source', 'content'] as const;
export type Role = (typeof ROLES)[number];

/** One attribution reduced to what the metrics compare; built from gold or from our quotes. */
export interface Attribution {
  cue: CharSet | null;
  source: CharSet | null;
  content: CharSet | null;
  /** Cue words, lower-cased, parts joined by one space; null without a cue. */
  cueText: string | null;
  /** Resolved speaker: the gold `reference`, or the canonical name of our speaker entity. */
  speaker: string | null;
}

/** `hit` out of `predicted` gives precision, out of `gold` recall: counts for exact, characters for overlap. */
export interface Tally {
  hit: number;
  predicted: number;
  gold: number;
}

export interface Ratio {
  hit: number;
  total: number;
}

export type Scored = Role | 'triple';

export interface AttributionCounts {
  articles: number;
  quote30: Tally;
  quote80: Tally;
  speaker: Ratio;
  verb: Ratio;
  reference: Ratio;
  exact: Record<Scored, Tally>;
  overlap: Record<Scored, Tally>;
}

/** Percentages with one decimal. */
export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export type RoleScores = Record<Scored, PRF>;

/** The `eval attribution --json` shape. Ratios are null when nothing qualifies for them. */
export interface AttributionReport {
  articles: number;
  'quote@0.3': PRF;
  'quote@0.8': PRF;
  speakerMatch: number | null;
  verbMatch: number | null;
  referenceAccuracy: number | null;
  exact: RoleScores;
  overlap: RoleScores;
}

/** Quote-match thresholds of the Gender Gap Tracker: share of the gold quote's characters covered. */
export const QUOTE_THRESHOLDS = [0.3, 0.8] as const;

function cueText(text: string, cue: CharSet): string {
  return cue
    .map((s) => text.slice(s.start, s.end))
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function attribution(text: string, roles: Record<Role, CharSet | null>, speaker: string | null): Attribution {
  return { ...roles, cueText: roles.cue && cueText(text, roles.cue), speaker };
}

function goldRole(role: GoldRole | undefined): CharSet | null {
  return role ? charSet(role.spans.map(([start, end]) => ({ start, end }))) : null;
}

/** Gold attributions of an article; one with no role at all (PolNeAR has a few) marks nothing and is dropped. */
export function fromGold(article: GoldArticle): Attribution[] {
  return article.attributions
    .filter((a) => a.cue || a.source || a.content)
    .map((a) =>
      attribution(
        article.text,
        { cue: goldRole(a.cue), source: goldRole(a.source), content: goldRole(a.content) },
        a.reference ?? null,
      ),
    );
}

/** Our attributions: one per `doc.quotes` entry; a split content counts as its parts. */
export function fromDoc(doc: Doc): Attribution[] {
  return doc.quotes.map((q) =>
    attribution(
      doc.text,
      {
        cue: q.cue && charSet([q.cue]),
        source: q.source && charSet([q.source]),
        content: charSet(q.content.parts ?? [q.content]),
      },
      resolvedSpeaker(doc, q.speaker),
    ),
  );
}

const SPOKESPEOPLE = /^spokes(?:man|woman|person|people|men|women)$/i;

/**
 * The name a quote's speaker resolves to: the entity's, or for an unnamed spokesperson of a body
 * ("a Taliban spokesperson", "A spokeswoman for the company") the body's, as gold references name it.
 */
function resolvedSpeaker(doc: Doc, id: string | null): string | null {
  const speaker = doc.entityById(id);
  if (!speaker) return null;
  const body = speaker.unnamed && speaker.roles.some((role) => SPOKESPEOPLE.test(role)) ? doc.entityById(speaker.affiliation) : undefined;
  return (body ?? speaker).name;
}

const tally = (): Tally => ({ hit: 0, predicted: 0, gold: 0 });
const ratio = (): Ratio => ({ hit: 0, total: 0 });
const byScored = (): Record<Scored, Tally> => ({ cue: tally(), source: tally(), content: tally(), triple: tally() });

export function emptyCounts(): AttributionCounts {
  return {
    articles: 0,
    quote30: tally(),
    quote80: tally(),
    speaker: ratio(),
    verb: ratio(),
    reference: ratio(),
    exact: byScored(),
    overlap: byScored(),
  };
}

/** Adds one document's counts to `into`. */
export function tallyDocument(into: AttributionCounts, gold: readonly Attribution[], predicted: readonly Attribution[]): void {
  into.articles += 1;
  const matched30 = tallyQuotes(into.quote30, gold, predicted, QUOTE_THRESHOLDS[0]);
  tallyQuotes(into.quote80, gold, predicted, QUOTE_THRESHOLDS[1]);
  tallyMatchedQuotes(into, gold, predicted, matched30);
  for (const role of ROLES) tallyRole(into, role, gold, predicted);
  tallyTriples(into.exact.triple, gold, predicted, sameChars);
  tallyTriples(into.overlap.triple, gold, predicted, (a, b) => intersection(a, b) > 0);
}

/**
 * GGT quote match on contents: |gold ∩ predicted| / |gold| ≥ threshold; of equal coverage, the
 * closer fit (Jaccard) first, so a turn that holds a nested report does not take that report's
 * gold from our own quote of it. Returns the matched pairs (original indexes).
 */
function tallyQuotes(into: Tally, gold: readonly Attribution[], predicted: readonly Attribution[], threshold: number): Pair[] {
  const goldQuotes = withRole(gold, 'content');
  const predictedQuotes = withRole(predicted, 'content');
  const contents = (g: number, p: number) => [gold[goldQuotes[g]].content!, predicted[predictedQuotes[p]].content!] as const;
  const pairs = matchGreedy(
    goldQuotes.length,
    predictedQuotes.length,
    (g, p) => {
      const [goldContent, predictedContent] = contents(g, p);
      return intersection(goldContent, predictedContent) / size(goldContent);
    },
    threshold,
    (g, p) => jaccard(...contents(g, p)),
  );
  into.hit += pairs.length;
  into.predicted += predictedQuotes.length;
  into.gold += goldQuotes.length;
  return pairs.map((pair) => ({ ...pair, gold: goldQuotes[pair.gold], predicted: predictedQuotes[pair.predicted] }));
}

/** Speaker and verb match over quotes matched at 0.3; reference accuracy over every gold attribution with a reference. */
function tallyMatchedQuotes(into: AttributionCounts, gold: readonly Attribution[], predicted: readonly Attribution[], pairs: Pair[]): void {
  const partner = new Map(pairs.map((pair) => [pair.gold, predicted[pair.predicted]]));
  gold.forEach((g, i) => {
    const p = partner.get(i);
    if (g.speaker !== null) {
      into.reference.total += 1;
      if (p?.speaker && sameSpeaker(p.speaker, g.speaker)) into.reference.hit += 1;
    }
    if (!p) return;
    if (g.source) {
      into.speaker.total += 1;
      if (p.source && intersection(g.source, p.source) > 0) into.speaker.hit += 1;
    }
    if (g.cueText !== null) {
      into.verb.total += 1;
      if (p.cueText === g.cueText) into.verb.hit += 1;
    }
  });
}

/** Per role: match role sets one to one by descending Jaccard; exact counts identical pairs, overlap shared characters. */
function tallyRole(into: AttributionCounts, role: Role, gold: readonly Attribution[], predicted: readonly Attribution[]): void {
  const goldSets = roleSets(gold, role);
  const predictedSets = roleSets(predicted, role);
  const pairs = matchGreedy(goldSets.length, predictedSets.length, (g, p) => jaccard(goldSets[g], predictedSets[p]));
  const exact = into.exact[role];
  const overlap = into.overlap[role];
  for (const { gold: g, predicted: p } of pairs) {
    if (sameChars(goldSets[g], predictedSets[p])) exact.hit += 1;
    overlap.hit += intersection(goldSets[g], predictedSets[p]);
  }
  exact.predicted += predictedSets.length;
  exact.gold += goldSets.length;
  for (const set of predictedSets) overlap.predicted += size(set);
  for (const set of goldSets) overlap.gold += size(set);
}

/**
 * Whole triples: a pair is a candidate when every role agrees (absent on both sides, or present on
 * both and `agree`), ranked by mean Jaccard over the roles present; hits are the matched pairs.
 */
function tallyTriples(
  into: Tally,
  gold: readonly Attribution[],
  predicted: readonly Attribution[],
  agree: (a: CharSet, b: CharSet) => boolean,
): void {
  const pairs = matchGreedy(gold.length, predicted.length, (g, p) => {
    let total = 0;
    let present = 0;
    for (const role of ROLES) {
      const a = gold[g][role];
      const b = predicted[p][role];
      if (a === null && b === null) continue;
      if (a === null || b === null || !agree(a, b)) return 0;
      total += jaccard(a, b);
      present += 1;
    }
    return present === 0 ? 0 : total / present;
  });
  into.hit += pairs.length;
  into.predicted += predicted.length;
  into.gold += gold.length;
}

function roleSets(attributions: readonly Attribution[], role: Role): CharSet[] {
  return attributions.map((a) => a[role]).filter((set): set is CharSet => set !== null);
}

function withRole(attributions: readonly Attribution[], role: Role): number[] {
  const indexes: number[] = [];
  attributions.forEach((a, i) => {
    if (a[role]) indexes.push(i);
  });
  return indexes;
}

const percent = (fraction: number): number => Math.round(fraction * 1000) / 10;

/** P = hit / predicted, R = hit / gold; each is 0 when its denominator is 0, and F1 is 0 when P + R is. */
export function prf(t: Tally): PRF {
  const p = t.predicted === 0 ? 0 : t.hit / t.predicted;
  const r = t.gold === 0 ? 0 : t.hit / t.gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p: percent(p), r: percent(r), f1: percent(f1) };
}

function share(r: Ratio): number | null {
  return r.total === 0 ? null : percent(r.hit / r.total);
}

function roleScores(tallies: Record<Scored, Tally>): RoleScores {
  return { cue: prf(tallies.cue), source: prf(tallies.source), content: prf(tallies.content), triple: prf(tallies.triple) };
}

export function report(counts: AttributionCounts): AttributionReport {
  return {
    articles: counts.articles,
    'quote@0.3': prf(counts.quote30),
    'quote@0.8': prf(counts.quote80),
    speakerMatch: share(counts.speaker),
    verbMatch: share(counts.verb),
    referenceAccuracy: share(counts.reference),
    exact: roleScores(counts.exact),
    overlap: roleScores(counts.overlap),
  };
}

/** Why a quote counts against us, for `eval attribution --errors`. */
export const ERROR_KINDS = {
  falseCue: 'false: a verb read as a cue where the gold has none',
  falseSpan: 'false: a gold cue, but content the gold does not hold',
  falseUncued: 'false: a quote without cue (floating or continued)',
  missedCue: 'missed: cue not found',
  missedSpan: 'missed: cue found, content too short or elsewhere',
  missedUncued: 'missed: a gold quote without cue',
  wrongSpeaker: 'matched, but the speaker words differ',
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

/** One false, missed or misattributed quote with its words; roles absent on that side are null. */
export interface AttributionError {
  kind: ErrorKind;
  article: string;
  cue: string | null;
  source: string | null;
  content: string | null;
  /** For a wrong speaker: the gold's speaker words. */
  goldSource?: string | null;
}

/** Characters shown of a content in an error listing. */
const SHOWN_CONTENT = 200;

function words(text: string, set: CharSet | null, limit = Infinity): string | null {
  if (!set) return null;
  const joined = set.map((s) => text.slice(s.start, s.end)).join(' … ').replace(/\s+/g, ' ');
  return joined.length > limit ? `${joined.slice(0, limit)}…` : joined;
}

/**
 * The errors of one document, with the quote match of the @0.3 score: predicted quotes left
 * unmatched are false, gold quotes left unmatched are missed, and matched pairs whose speaker
 * words share no character have the wrong speaker. Each is told apart by whether the cue was right.
 */
export function attributionErrors(article: string, text: string, gold: readonly Attribution[], predicted: readonly Attribution[]): AttributionError[] {
  const pairs = tallyQuotes(tally(), gold, predicted, QUOTE_THRESHOLDS[0]);
  const matchedGold = new Map(pairs.map((pair) => [pair.gold, pair.predicted]));
  const matchedPredicted = new Set(pairs.map((pair) => pair.predicted));
  const overlapsCue = (cue: CharSet | null, others: readonly Attribution[]): boolean =>
    cue !== null && others.some((o) => o.cue !== null && intersection(cue, o.cue) > 0);
  const entry = (kind: ErrorKind, a: Attribution): AttributionError => ({
    kind, article, cue: words(text, a.cue), source: words(text, a.source), content: words(text, a.content, SHOWN_CONTENT),
  });
  const errors: AttributionError[] = [];
  predicted.forEach((p, i) => {
    if (matchedPredicted.has(i) || !p.content) return;
    errors.push(entry(!p.cue ? 'falseUncued' : overlapsCue(p.cue, gold) ? 'falseSpan' : 'falseCue', p));
  });
  gold.forEach((g, i) => {
    const partner = matchedGold.get(i);
    if (partner === undefined) {
      if (g.content) errors.push(entry(!g.cue ? 'missedUncued' : overlapsCue(g.cue, predicted) ? 'missedSpan' : 'missedCue', g));
      return;
    }
    const p = predicted[partner];
    if (g.source && !(p.source && intersection(g.source, p.source) > 0)) {
      errors.push({ ...entry('wrongSpeaker', p), goldSource: words(text, g.source) });
    }
  });
  return errors;
}
