import type { Content, Cue, CueClass, Doc, Mention, QuoteKind, Segment, Span } from '../doc.js';
import type { CueCandidate, CueModel } from '../cue-model.js';
import type { Stage } from '../pipeline.js';
import { CUE_READINGS, INVERTIBLE, readsAs, TAKES_OBJECT, takesParticle, type CueReading } from '../cues.js';
import { REPORT_NOUNS } from '../lexicon/predicates.js';
import { isPageLabelWord } from '../lexicon/words.js';
import { isDescribingParticiple, parsedSource, reportRelation, subjectHead } from '../speech-structure.js';
import { baseRelation, children, childrenWith, dominates, FIRST_PERSON, RELATIVE_PRONOUNS, subtreeSpan } from '../syntax.js';
import { mentionTypeAt } from '../cue-model.js';
import { contentEndCandidates, contentStartCandidates, type ContentEdgeChoice, type ContentSpanModel } from '../models/content-span.js';
import {
  QUOTE_MARKS, isQuoteMark, isVerbModifier, nounPhraseEndingAt, nounPhraseStartingAt, speakerPhraseEndingAt, type TokenRange,
} from '../phrases.js';

/**
 * Quotations: direct quotes (quote marks, possibly running over paragraphs), indirect speech
 * around a cue verb ("X said that …", "X denied …", "according to X"), mixed quotes, and
 * floating quotes (a paragraph that is only a quote). This stage finds spans only: cue, source
 * words and content. The speakers stage resolves sources to entities.
 */

/** A stretch of text between quote marks, marks included. `close` is -1 when never closed. */
interface QuoteRegion {
  open: number;
  close: number;
  /** Last token of the region (the closing mark, or the paragraph's last token). */
  last: number;
  /** True when the region continues a quote left open in the previous paragraph. */
  continued: boolean;
}

interface Found {
  cue: Cue | null;
  cueTokens: TokenRange | null;
  source: TokenRange | null;
  content: Span[];
  addressee: TokenRange | null;
  /** End of the cue's sentence (exclusive): quotes that follow it in the paragraph may continue it. */
  sentenceEnd: number;
  /** Verbatim without quote marks (an interview's answers): direct whatever the marks say. */
  verbatim?: boolean;
  /** A passive cue with its agent: a lexicon cue in a shape the cue model never saw, kept. */
  passive?: boolean;
  /** A report inside a quotation: indirect, whatever marks enclose it. */
  quoted?: boolean;
}

const TELL_LIKE = new Set(['tell', 'inform', 'assure', 'notify', 'advise', 'warn', 'ask', 'urge', 'remind', 'brief']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Lead-ins that negate the cue's force: "refused to confirm", "declined to deny". */
const NEGATING_VERBS = new Set(['refuse', 'refused', 'refuses', 'decline', 'declined', 'declines', 'failed', 'fail']);
const CLAUSE_BOUNDARY = new Set([',', '”', '"', "''", ':', '—', '–', '-', ';', '(']);
const SPOKE_TO = new Set(['say', 'speak', 'talk', 'explain', 'write', 'complain', 'admit', 'confide', 'whisper']);
const DASHES = new Set(['―', '—', '–', '-', '--']);
const CLOSING_PREPOSITIONS = new Set(['at', 'during', 'in', 'on', 'before', 'after', 'from', 'outside', 'via']);
/**
 * Prepositions before a gerund cue whose subject is the clause's: "by saying", "before adding";
 * "was criticised for saying" too, or the object's ("criticised him for saying"). Not "from":
 * "refrained from saying" says nothing.
 */
const GERUND_PREPOSITIONS = new Set(['by', 'after', 'before', 'while', 'in', 'without', 'when', 'for']);
const SUBORDINATORS = new Set(['though', 'although', 'while', 'whereas', 'because', 'since', 'if', 'unless', 'as', 'when', 'after', 'before']);
const MEDIUM_LEAD = /^(?:carried|published|broadcast|aired|reported|quoted|cited)$/;

export interface QuotesOptions {
  /**
   * Learned cue filter. With it, any verb with a speaker and content is a candidate and the model
   * decides; without it, only verbs in the cue lexicon are cues.
   */
  cueModel?: CueModel | null;
  /** Sees every candidate and whether the filter kept it (used to collect training data). */
  onCandidate?: (doc: Doc, candidate: CueCandidate) => void;
  /** Learned edges of a content after its cue; without it the rules' span stands. */
  spanModel?: ContentSpanModel | null;
  /** Sees every content edge the rules chose, with the others it could take (training data). */
  onContentEdge?: (doc: Doc, choice: ContentEdgeChoice) => void;
}

export function findQuotes(doc: Doc, options: QuotesOptions = {}): void {
  const regions = quoteRegions(doc);
  const regionOf = new Int32Array(doc.tokenCount).fill(-1);
  regions.forEach((r, k) => {
    for (let i = r.open; i <= r.last; i++) regionOf[i] = k;
  });
  const found: Found[] = [];
  for (const sentence of doc.sentences) {
    let previousSource: TokenRange | null = null;
    for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
      if (regionOf[i] >= 0) continue;
      const hit = cueAt(doc, i, sentence.tokenEnd, options.cueModel != null || options.onCandidate !== undefined);
      if (!hit) continue;
      const result = attribute(doc, hit, sentence.tokenStart, sentence.tokenEnd, regions, regionOf, previousSource);
      if (!result || holdsCueBefore(result, found)) continue;
      if (hit.cue.lemma === 'cite') endAtAside(doc, hit, result, sentence.tokenEnd);
      if (options.onCandidate || options.cueModel) {
        const candidate = candidateOf(doc, hit, result);
        options.onCandidate?.(doc, candidate);
        const keep = options.cueModel
          ? options.cueModel.accepts(doc, candidate) || isNestedReport(doc, hit, result, found) || result.passive === true || isStudyFinding(doc, hit, result) || isPublishedClause(doc, hit, result)
          : hit.lexiconClass !== null;
        if (!keep) continue;
      }
      if (result.source) result.source = coordinatedRelative(doc, result.source);
      found.push(result);
      if (result.source) previousSource = result.source;
      i = hit.tokens.end - 1;
    }
  }
  for (const nested of reportsInQuotations(doc, regions, regionOf)) found.push(nested);
  if (options.spanModel || options.onContentEdge) chooseContentEdges(doc, found, regionOf, options);
  for (const f of found) withCoordinatedThat(doc, f);
  endNestedBeforeOuter(doc, found);
  for (const f of found) endObjectBeforeQuotation(doc, f, regions, regionOf);
  dropRepeatedFrames(doc, found);
  const signed = [...colonAttributions(doc, regionOf, found), ...dashAttributions(doc, regions, found), ...interviewAnswers(doc, found), ...transcriptTurns(doc, found)];
  for (const f of signed) found.push(f);
  continueQuotes(doc, regions, regionOf, found);
  addFloatingQuotes(doc, regions, found);
  found.sort((a, b) => a.content[0].start - b.content[0].start);
  found.forEach((f, k) => {
    const content: Content = { start: f.content[0].start, end: f.content[f.content.length - 1].end };
    if (f.content.length > 1) content.parts = f.content;
    doc.quotes.push({
      id: `q${k + 1}`,
      kind: f.verbatim ? 'direct' : f.quoted ? 'indirect' : quoteKind(doc, content, regions),
      content,
      cue: f.cue,
      source: f.source ? charSpan(doc, f.source) : null,
      speaker: null,
      addressee: null,
      addresseeSource: f.addressee ? charSpan(doc, f.addressee) : null,
    });
  });
}

/**
 * Lets the span model (or the training hook) place the edges of each content that follows its
 * cue: its end first, then its start given that end.
 */
function chooseContentEdges(doc: Doc, found: Found[], regionOf: Int32Array, options: QuotesOptions): void {
  const quoted = (k: number) => regionOf[k] >= 0;
  for (const f of found) {
    if (!f.cueTokens || f.verbatim || f.content.length !== 1) continue;
    const [content] = f.content;
    const ruleStart = doc.tokenAt(content.start);
    const ruleEnd = doc.tokenAt(content.end - 1) + 1;
    if (ruleStart < f.cueTokens.end || ruleEnd > f.sentenceEnd) continue;
    const edges = { cue: f.cueTokens, start: ruleStart, end: ruleEnd, sentenceEnd: f.sentenceEnd };
    const endChoice: ContentEdgeChoice = { ...edges, edge: 'end', rule: ruleEnd, candidates: contentEndCandidates(doc, ruleStart, ruleEnd, f.sentenceEnd, quoted) };
    options.onContentEdge?.(doc, endChoice);
    const end = options.spanModel ? options.spanModel.choose(doc, endChoice) : ruleEnd;
    const startChoice: ContentEdgeChoice = { ...edges, end, edge: 'start', rule: ruleStart, candidates: contentStartCandidates(doc, ruleStart, end, quoted) };
    options.onContentEdge?.(doc, startChoice);
    const start = options.spanModel ? options.spanModel.choose(doc, startChoice) : ruleStart;
    f.content = [{
      start: start === ruleStart ? content.start : doc.tokens.start[start],
      end: end === ruleEnd ? content.end : doc.tokens.end[end - 1],
    }];
  }
}

/**
 * "Daily coffee linked to lower risk of heart failure, study finds": a study, poll or report named
 * after what it found, the headline form the cue model rarely saw.
 */
function isStudyFinding(doc: Doc, hit: CueHit, result: Found): boolean {
  const { source } = result;
  if (hit.lexiconClass === null || !source || source.end !== hit.tokens.start || source.end - source.start > 2) return false;
  return COLON_SPEAKERS.has(doc.tokens.lower[source.end - 1]) && result.content[result.content.length - 1].end <= doc.tokens.start[source.start];
}

/** Verbs of publishing, whose that-clause is what was published ("posting on X that …"). */
const PUBLISHING = new Set(['post', 'tweet', 'write', 'blog', 'publish']);

/**
 * "after posting on X that flood victims …", "wrote on Facebook that …": a verb of publishing with
 * a that-clause and a speaker is a report, though the cue model, which rarely saw social media,
 * may doubt it.
 */
function isPublishedClause(doc: Doc, hit: CueHit, result: Found): boolean {
  if (!PUBLISHING.has(hit.cue.lemma) || !result.source || result.content.length !== 1) return false;
  const first = doc.tokenAt(result.content[0].start);
  return first > hit.tokens.start && doc.tokens.lower[first] === 'that';
}

/**
 * "Halden denies report it will buy …": a speaker phrase that ends with the cue found before it is
 * no speaker ("The Kremlin, which has accused …, said" holds one in a clause, and speaks).
 */
function holdsCueBefore(result: Found, found: readonly Found[]): boolean {
  const cue = found[found.length - 1]?.cueTokens;
  return cue != null && result.source !== null && cue.start >= result.source.start && cue.end === result.source.end;
}

/**
 * "Police said the suspect claimed that he acted alone": a lexicon cue with a that-clause of its own,
 * inside the content of the report just found, is a second attribution, nested in the first.
 * So is a denial of a report ("… said her client had denied the charges"). Annotators mark nested
 * reports unevenly, so the cue model tends to drop them.
 */
function isNestedReport(doc: Doc, hit: CueHit, result: Found, found: readonly Found[]): boolean {
  const outer = found[found.length - 1];
  if (!outer || hit.lexiconClass === null || outer.sentenceEnd !== result.sentenceEnd) return false;
  const at = doc.tokens.start[hit.tokens.start];
  if (!outer.content.some((c) => c.start <= at && at < c.end)) return false;
  const content = result.content[0];
  const range = { start: doc.tokenAt(content.start), end: doc.tokenAt(content.end - 1) + 1 };
  const verb = cueVerb(doc, hit.tokens);
  // "The lawyer said her client had denied the charges": a denial of a report nests, as the denial
  // the contradictions stage matches.
  if (hit.lexiconClass === 'deny' && content.start > at && childrenWith(doc, verb, 'obj').some((o) => REPORT_NOUNS.has(doc.tokens.lemma[o]))) return true;
  // Only with its "that": a bare clause inside a report is more often the outer speaker's words.
  // (Not after a telling to someone: "said Brandt had told colleagues the plan would …".)
  const told = TELL_LIKE.has(hit.cue.lemma) && tellsSomeone(doc, verb) && hasOwnSubject(doc, range);
  if (!(content.start > at && (doc.tokens.lower[range.start] === 'that' || told))) return false;
  return baseRelation(reportRelation(doc, verb, range)) === 'ccomp' || isAddresseeClause(doc, verb, range);
}


/**
 * '"Mr Roper has always maintained that he looked away for no more than a second," Mr Kettle
 * said': a report inside a quotation, with a named speaker of its own and its that-clause, is an
 * attribution nested in the quoted one. Read as the rest of the text is, with
 * the quotation's marks as the sentence's edges.
 */
function reportsInQuotations(doc: Doc, regions: QuoteRegion[], regionOf: Int32Array): Found[] {
  const out: Found[] = [];
  let named: Uint8Array | null = null;
  regions.forEach((region, k) => {
    // Only regions with a lexicon cue in them are read again, and only their own sentences: linear in the text.
    let cued = false;
    for (let i = region.open + 1; i < region.last && !cued; i++) cued = CUE_READINGS.has(doc.tokens.lemma[i] || doc.tokens.lower[i]);
    if (!cued) return;
    const inside = regionOf.slice(region.open, region.last + 1);
    regionOf.fill(-1, region.open, region.last + 1);
    for (let s = doc.sentenceOf(region.open); s < doc.sentences.length && doc.sentences[s].tokenStart <= region.last; s++) {
      const sentence = doc.sentences[s];
      const from = Math.max(sentence.tokenStart, region.open + 1);
      const to = Math.min(sentence.tokenEnd, region.close > region.open ? region.close : region.last + 1);
      for (let i = from; i < to; i++) {
        if (inside[i - region.open] !== k) continue;
        const hit = cueAt(doc, i, to, false);
        if (!hit || hit.lexiconClass === null || hit.lexiconClass === 'other') continue;
        const result = attribute(doc, hit, from, to, regions, regionOf, null);
        if (!result?.source || result.content.length !== 1 || result.source.start < from) continue;
        // A named speaker, or another person's pronoun that says ("He said the shark looked like a
        // wet sofa"). "I think …" is the quotation's own speaker, whose words these are already
        // (PolNeAR does not annotate it: 56 more false reports on its dev set); a description there
        // is the quotation's own voice more often than a report ("They expect that water comes out
        // of the tap", "The evidence will show that").
        if (!named) {
          named = new Uint8Array(doc.tokenCount);
          for (const m of doc.mentions) if (m.kind === 'name') named.fill(1, m.tokenStart, m.tokenEnd);
        }
        const pronoun = result.source.end - result.source.start === 1 && PERSONAL_PRONOUNS.has(doc.tokens.lower[result.source.start]);
        // "our engineers have told us the supports are not safe": telling someone is a report whoever
        // tells; not the quotation's own speaker's ("I must tell you that …").
        const toldSomeone = hit.cue.lemma === 'tell' && tellsSomeone(doc, cueVerb(doc, hit.tokens)) && !/^(?:i|we)$/.test(doc.tokens.lower[result.source.start]);
        if (!named.subarray(result.source.start, result.source.end).includes(1) && !(pronoun && SAYING_VERBS.has(hit.cue.lemma)) && !toldSomeone) continue;
        const range = { start: doc.tokenAt(result.content[0].start), end: doc.tokenAt(result.content[0].end - 1) + 1 };
        if (range.start <= hit.tokens.start || range.end > to || doc.upos(result.source.start) === 'ADP') continue;
        // Without "that", only saying: "the American people need to know if …" knows nothing aloud.
        if (doc.tokens.lower[range.start] !== 'that' && !SAYING_VERBS.has(hit.cue.lemma)) continue;
        // "She has been saying that she thinks that I am not qualified": the "I" is the quotation's
        // speaker, whom a claim of hers would take for herself.
        if (pronoun && hasFirstPerson(doc, range)) continue;
        const verb = cueVerb(doc, hit.tokens);
        // A clause the verb reports, "that" or none; or a pronoun's words after its colon or comma ("He told them: go").
        const signed = /^[,:]$/.test(doc.word(range.start - 1)) && range.start - 1 === hit.tokens.end && pronoun;
        if (!signed && baseRelation(reportRelation(doc, verb, range)) !== 'ccomp') continue;
        out.push({ ...result, content: [untilOwnClause(doc, result.content[0], range)], quoted: true });
        i = hit.tokens.end - 1;
      }
    }
    regionOf.set(inside, region.open);
  });
  return out;
}

/**
 * "our engineers have told us the supports are not safe, and I am not going to gamble …": a
 * clause joined after a comma whose subject is "I" or "we" is the quotation's speaker's again.
 */
function untilOwnClause(doc: Doc, content: Span, range: TokenRange): Span {
  for (let k = range.start + 1; k + 2 < range.end; k++) {
    if (doc.word(k) === ',' && /^(?:and|but)$/.test(doc.tokens.lower[k + 1]) && FIRST_PERSON.has(doc.tokens.lower[k + 2])) return { start: content.start, end: doc.tokens.end[k - 1] };
  }
  return content;
}

function hasFirstPerson(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (FIRST_PERSON.has(doc.tokens.lower[k])) return true;
  return false;
}

/** Pronouns that stand for someone other than the speaker inside a quotation. */
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they']);
/** What such a pronoun reports: saying, not thinking, expecting or showing. */
const SAYING_VERBS = new Set(['say', 'tell', 'claim', 'insist', 'warn', 'admit']);

/**
 * "had told the envoy that the border would reopen", parsed with the clause as a modifier of "the
 * envoy": the clause is the verb's report when it hangs as `acl` off the verb's object.
 */
function isAddresseeClause(doc: Doc, verb: number, range: TokenRange): boolean {
  const clause = doc.tokens.head[range.start];
  if (clause < range.start || clause >= range.end || baseRelation(doc.tokens.deprel[clause]) !== 'acl') return false;
  const object = doc.tokens.head[clause];
  return object >= 0 && doc.tokens.head[object] === verb && /^(?:obj|iobj)$/.test(baseRelation(doc.tokens.deprel[object]));
}

/**
 * "The company wants to expand into Asia, its chief executive said": the inner report's content
 * ("to expand into Asia") ends where the outer report's content ends, before the outer speaker and
 * cue that follow it. Found reports are in text order of their cues, so the reports of one
 * sentence stand together and only they are compared.
 */
function endNestedBeforeOuter(doc: Doc, found: Found[]): void {
  for (let from = 0, to = 0; from < found.length; from = to) {
    while (to < found.length && found[to].sentenceEnd === found[from].sentenceEnd) to++;
    const sentence = found.slice(from, to);
    for (const inner of sentence) endBeforeOuter(doc, inner, sentence);
    for (const outer of sentence) {
      if (!endBeforeMeans(doc, outer, sentence)) continue;
      found.splice(found.indexOf(outer), 1);
      to--;
    }
  }
}

/** Cue classes whose content may be a noun phrase: what is denied, condemned or alleged. */
const OBJECT_CLASSES = new Set(['deny', 'condemn', 'accuse']);

/**
 * "has previously dismissed the story about Clinton's emails, “Now, you famously said, …”": a
 * quotation opening after a comma does not go on the object a denial names; it is someone's words.
 */
function endObjectBeforeQuotation(doc: Doc, f: Found, regions: readonly QuoteRegion[], regionOf: Int32Array): void {
  if (!f.cue || !OBJECT_CLASSES.has(f.cue.class) || f.content.length !== 1) return;
  const [content] = f.content;
  const first = doc.tokenAt(content.start);
  if (regionOf[first] >= 0 || doc.tokens.lower[first] === 'that') return;
  for (let k = first + 1; k + 1 < doc.tokenCount && doc.tokens.end[k + 1] <= content.end; k++) {
    const region = regionOf[k + 1];
    if (doc.word(k) === ',' && region >= 0 && regions[region].open === k + 1) {
      f.content = [{ start: content.start, end: doc.tokens.end[k - 1] }];
      return;
    }
  }
}

/**
 * "dismissed Clinton's charges about his stance by pointing out that she had not always …": the
 * report made "by" saying something is one of its own; the first content ends before "by". What
 * is left says nothing unless it is what a denial or accusation names: "responded to a Gold Star
 * mother Wednesday night by saying …" is one report, the saying's. True when `outer` goes.
 */
function endBeforeMeans(doc: Doc, outer: Found, sentence: readonly Found[]): boolean {
  if (!outer.cueTokens || outer.content.length !== 1) return false;
  const [content] = outer.content;
  for (const means of sentence) {
    const by = means.cueTokens ? means.cueTokens.start - 1 : -1;
    if (means === outer || by <= outer.cueTokens.end || doc.tokens.lower[by] !== 'by' || doc.tokens.tag[by + 1] !== 'VBG') continue;
    const at = doc.tokens.start[by];
    if (at <= content.start || at >= content.end) continue;
    let last = by - 1;
    while (last > outer.cueTokens.end && doc.upos(last) === 'PUNCT' && !QUOTE_MARKS.has(doc.word(last))) last--;
    outer.content = [{ start: content.start, end: doc.tokens.end[last] }];
    return !OBJECT_CLASSES.has(outer.cue?.class ?? '') && !hasVerb(doc, outer.cueTokens.end, last + 1);
  }
  return false;
}

/**
 * "DuVernay said she felt … because “…,” she said.": a second cue whose content holds the first
 * cue, where the first content runs on to the second speaker, repeats the attribution. It is
 * dropped, and the first content ends before it.
 */
function dropRepeatedFrames(doc: Doc, found: Found[]): void {
  const holds = (f: Found, at: number): boolean => f.content.length === 1 && f.content[0].start <= at && at < f.content[0].end;
  for (let k = found.length - 1; k > 0; k--) {
    const first = found[k - 1];
    const repeat = found[k];
    if (first.sentenceEnd !== repeat.sentenceEnd || !first.cueTokens || !repeat.cueTokens || !first.source || !repeat.source || !first.cue || !SAYING.has(first.cue.lemma)) continue;
    // The repeat's speaker is the first one again: a pronoun, or the same head noun.
    const repeatHead = doc.tokens.lower[repeat.source.end - 1];
    if (!SUBJECT_PRONOUNS.has(repeatHead) && repeatHead !== doc.tokens.lower[first.source.end - 1]) continue;
    const repeatStart = Math.min(repeat.source.start, repeat.cueTokens.start);
    if (!holds(repeat, doc.tokens.start[first.cueTokens.start]) || first.content.length !== 1) continue;
    let last = repeatStart - 1;
    while (last > first.cueTokens.end && doc.upos(last) === 'PUNCT' && !QUOTE_MARKS.has(doc.word(last))) last--;
    const end = doc.tokens.end[last];
    // The first content runs on to the repeat, or already ends right before it.
    if (end <= first.content[0].start || first.content[0].end < end || first.content[0].start < doc.tokens.end[first.cueTokens.end - 1]) continue;
    first.content = [{ start: first.content[0].start, end }];
    found.splice(k, 1);
  }
}

function endBeforeOuter(doc: Doc, inner: Found, sentence: readonly Found[]): void {
  if (!inner.cueTokens || inner.content.length !== 1) return;
  const at = doc.tokens.start[inner.cueTokens.start];
  const [content] = inner.content;
  for (const outer of sentence) {
    if (outer === inner || !outer.cueTokens) continue;
    // The part of the outer content that holds the inner cue ("… eat, she says; others …" has two).
    const outerContent = outer.content.find((part) => part.start <= at && at < part.end) ?? outer.content[0];
    if (outer.content.length !== 1 && (outerContent.start > at || at >= outerContent.end)) continue;
    const outerCue = doc.tokens.start[outer.cueTokens.start];
    // The outer content holds the inner cue and ends inside the inner content, before the outer cue.
    if (outerContent.start <= at && at < outerContent.end && outerContent.end > content.start && outerContent.end < content.end && outerCue < content.end && outerCue > outerContent.end) {
      inner.content = [{ start: content.start, end: outerContent.end }];
      return;
    }
    // "Where members of Congress have disavowed Trump, Ferre said Trump …": a report in a clause
    // the outer cue governs ends before the outer speaker.
    const outerSource = outer.source ? doc.tokens.start[outer.source.start] : outerCue;
    if (outerSource > content.start && outerSource < content.end && dominates(doc, outer.cueTokens.start, inner.cueTokens.start)) {
      let last = outer.source ? outer.source.start - 1 : outer.cueTokens.start - 1;
      while (last >= 0 && doc.upos(last) === 'PUNCT' && !QUOTE_MARKS.has(doc.word(last))) last--;
      if (doc.tokens.end[last] > content.start) inner.content = [{ start: content.start, end: doc.tokens.end[last] }];
      return;
    }
  }
}

function charSpan(doc: Doc, range: TokenRange): Span {
  return { start: doc.tokens.start[range.start], end: doc.tokens.end[range.end - 1] };
}

/**
 * Tokens a quote region spans at most: a mark left open (or a pair in a text without paragraphs)
 * would otherwise make one quote of a whole long text, repeated in every claim that cites it.
 * Quoted paragraphs in news run to a few hundred tokens.
 */
export const MAX_QUOTE_TOKENS = 600;

/**
 * Pairs quote marks per paragraph; a quote left open continues into a next paragraph that opens
 * with a mark. A region ends after {@link MAX_QUOTE_TOKENS} tokens, as if left open there.
 */
function quoteRegions(doc: Doc): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let carried = false;
  for (const paragraph of doc.paragraphs) {
    let open = -1;
    let continued = false;
    const first = paragraph.tokenStart;
    const isHeadlineParagraph = doc.meta.title != null && paragraph.start === doc.meta.title.start;
    for (let i = first; i < paragraph.tokenEnd; i++) {
      if (open >= 0 && i - open >= MAX_QUOTE_TOKENS) {
        regions.push({ open, close: -1, last: i - 1, continued });
        open = -1;
      }
      const w = doc.word(i);
      // British single quotes ("‘We will fight on,’ he said"), and a headline's straight ones
      // ("'I was never afraid': …"): a region only when its closing mark is found.
      // In the headline, straight ones anywhere a quotation can open ("Rowe says 'we were not good enough'").
      const headlineQuote = w === "'" && isHeadlineParagraph && (i === first || doc.tokens.start[i] > doc.tokens.end[i - 1]);
      // In the body, straight ones where a quotation opens: a paragraph's or sentence's start, after "said:" or "said,".
      const bodyQuote = w === "'" && !isHeadlineParagraph && (i === first || (QUOTATION_OPENERS.has(doc.word(i - 1)) && doc.tokens.start[i] > doc.tokens.end[i - 1]));
      if (open < 0 && (w === '‘' || bodyQuote || headlineQuote)) {
        const close = singleQuoteClose(doc, i, paragraph.tokenEnd, w === '‘' ? '’' : "'");
        // Straight ones before a colon, or closing a sentence or clause ("'I have not resigned,' he
        // said"); in a headline, a paragraph in them alone is a title ("'All Bets Are Off.'").
        // A paragraph that is a title-case phrase in them alone is a subheading ("'Coal Isn't the Villain.'").
        const subheading = i === first && close === paragraph.tokenEnd - 1 && isTitleCase(doc, i + 1, close);
        const closesClause = bodyQuote && /^[,.?!]$/.test(doc.word(close - 1)) && !subheading;
        if (close > i + 1 && (w === '‘' || doc.word(close + 1) === ':' || closesClause || (headlineQuote && !(i === first && close === paragraph.tokenEnd - 1)))) {
          regions.push({ open: i, close, last: close, continued: false });
          i = close;
        }
        continue;
      }
      if (!QUOTE_MARKS.has(w)) continue;
      // Curly and `` marks have a direction; straight " and '' toggle.
      const direction = w === '“' || w === '``' ? 'open' : w === '”' ? 'close' : 'toggle';
      if (open < 0 && direction !== 'close') {
        open = i;
        continued = carried && i === first;
      } else if (open >= 0 && direction !== 'open') {
        regions.push({ open, close: i, last: i, continued });
        open = -1;
      }
    }
    carried = open >= 0;
    if (open >= 0) regions.push({ open, close: -1, last: paragraph.tokenEnd - 1, continued });
  }
  return regions;
}

/** Marks a straight single quote opens a quotation after: "he said: 'We …'", "he said. 'We …'". */
const QUOTATION_OPENERS = new Set([':', ',', '.', '?', '!']);

/**
 * The mark closing a single quote opened at `open`, or −1. The same mark is an apostrophe too: one
 * after a plural ending in s and before a word is a possessive ("‘The players’ union is strong,’").
 */
function singleQuoteClose(doc: Doc, open: number, end: number, mark: string): number {
  for (let j = open + 1; j < Math.min(end, open + MAX_QUOTE_TOKENS); j++) {
    const w = doc.word(j);
    if (w === '‘') return -1;
    if (w !== mark) continue;
    const possessive = j + 1 < end && doc.upos(j + 1) !== 'PUNCT' && /s$/i.test(doc.word(j - 1));
    if (!possessive) return j;
  }
  return -1;
}

interface CueHit {
  tokens: TokenRange;
  cue: Cue;
  /** The cue lexicon's class, or null for a verb the lexicon does not list. */
  lexiconClass: CueClass | null;
}

function candidateOf(doc: Doc, hit: CueHit, found: Found): CueCandidate {
  return {
    cue: hit.tokens,
    lemma: hit.cue.lemma,
    lexiconClass: hit.lexiconClass,
    negated: hit.cue.negated,
    source: found.source,
    content: found.content.map((c) => ({ start: doc.tokenAt(c.start), end: doc.tokenAt(c.end - 1) + 1 })),
  };
}

/**
 * A cue starting at token `i`: a verb in the lexicon (with its particle), "according to", or —
 * when `anyVerb` — any verb, as a candidate for the learned filter.
 */
/**
 * Verbs of noticing, finding out, deciding and seeming: "noticed that her savings had fallen", "has
 * decided what she will tell them", "appeared at Castlebridge Crown Court charged with fraud" state
 * nothing (PolNeAR's annotators took 12 of 215 of the first kind as cues, and 27 of 161 "decide";
 * dropping it left PolNeAR dev quote F1 as it was).
 */
const UNSAID_VERBS = new Set(['notice', 'realize', 'realise', 'discover', 'forget', 'dream', 'decide', 'order', 'appear', 'seem']);

function cueAt(doc: Doc, i: number, end: number, anyVerb: boolean): CueHit | null {
  const lower = doc.tokens.lower[i];
  if (lower === 'according' && i + 1 < end && doc.tokens.lower[i + 1] === 'to') {
    return makeCue(doc, { start: i, end: i + 2 }, 'according to', 'assert', false);
  }
  const readings = CUE_READINGS.get(doc.tokens.lemma[i] || lower) ?? headlineCueReadings(doc, i);
  if (!readings) {
    // "Storm Idris live: …": a page's label before its colon.
    if (!anyVerb || doc.upos(i) !== 'VERB' || UNSAID_VERBS.has(doc.tokens.lemma[i]) || (isPageLabelWord(lower) && doc.word(i + 1) === ':')) return null;
    const hit = makeCue(doc, { start: i, end: i + 1 }, doc.tokens.lemma[i] || lower, 'other', isNegated(doc, i));
    return { ...hit, lexiconClass: null };
  }
  if (!(doc.upos(i) === 'VERB' || isMistaggedVerb(doc, i, end) || headlineCueReadings(doc, i))) return null;
  for (const reading of readings) {
    if (reading.particle !== null) {
      if (takesParticle(doc.tokens.lower, i, end, reading.particle)) {
        return makeCue(doc, { start: i, end: i + 2 }, reading.lemma, reading.cls, isNegated(doc, i));
      }
      continue;
    }
    return makeCue(doc, { start: i, end: i + 1 }, reading.lemma, asksForAnAct(doc, i, reading.cls) ? 'other' : reading.cls, isNegated(doc, i));
  }
  return null;
}

/** "asked the court to take into account his plea": a request, not a question. */
function asksForAnAct(doc: Doc, i: number, cls: Cue['class']): boolean {
  if (cls !== 'question') return false;
  // The parse hangs the infinitive on the verb or on whom it asks ("the court … to take").
  const asked = [i, ...childrenWith(doc, i, 'obj'), ...childrenWith(doc, i, 'iobj')];
  return asked.some((k) => children(doc, k).some((c) => doc.upos(c) === 'VERB' && children(doc, c).some((m) => doc.tokens.lower[m] === 'to' && doc.tokens.deprel[m] === 'mark')));
}

/**
 * Third-person cue forms a title-case headline capitalises, with their lemma. A Map, as it is asked
 * about nearly every token: a property lookup would intern each word ("constructor" included).
 */
const HEADLINE_CUE_FORMS = new Map(Object.entries({
  says: 'say', said: 'say', tells: 'tell', warns: 'warn', denies: 'deny', claims: 'claim', urges: 'urge', vows: 'vow',
  accuses: 'accuse', rejects: 'reject', threatens: 'threaten', admits: 'admit', slams: 'slam', blasts: 'blast',
  condemns: 'condemn', insists: 'insist', confirms: 'confirm', predicts: 'predict', finds: 'find', shows: 'show',
  reveals: 'reveal', suggests: 'suggest', announces: 'announce', calls: 'call', hails: 'hail', praises: 'praise',
  criticises: 'criticise', criticizes: 'criticize', blames: 'blame', demands: 'demand', pledges: 'pledge', dismisses: 'dismiss',
}));

/** The same cues' base forms, which a plural subject takes ("Officials Say", "Experts Warn"). */
const HEADLINE_PLURAL_CUE_FORMS = new Map(['say', 'warn', 'deny', 'urge', 'claim', 'accuse', 'reject', 'insist', 'confirm', 'find', 'show', 'suggest', 'predict', 'vow', 'admit'].map((form) => [form, form]));

/**
 * "Lindsey Graham Says Trump Could …": in a title-case headline the tagger reads "Says" as part of
 * a name. A capitalised cue form after a name or noun is the verb.
 */
function headlineCueReadings(doc: Doc, i: number): readonly CueReading[] | undefined {
  // "…, Officials Say", "Scientists Find …": a plural subject takes the base form.
  const lemma = HEADLINE_CUE_FORMS.get(doc.tokens.lower[i]) ?? (i > 0 && /s$/.test(doc.tokens.lower[i - 1]) ? HEADLINE_PLURAL_CUE_FORMS.get(doc.tokens.lower[i]) : undefined);
  if (!lemma || i === 0 || doc.upos(i) === 'VERB') return undefined;
  const before = doc.upos(i - 1);
  if (/^[A-Z]/.test(doc.word(i))) return before === 'PROPN' || before === 'NOUN' ? CUE_READINGS.get(lemma) : undefined;
  // "Halden denies report it will buy Quillo": a headline's lone name before a cue form tagged as a
  // plural noun ("Halden/JJ denies/NNS report/VB").
  // "Halvern boss insists title race 'far from over'": after a common noun too, when what follows
  // opens a phrase ("Government claims questioned by MPs" is a noun phrase and its verb).
  const opensPhrase = i + 1 < doc.tokenCount && (/^(?:NOUN|PROPN|DET|NUM|ADJ|PRON)$/.test(doc.upos(i + 1)) || isQuoteMark(doc.word(i + 1)));
  return doc.upos(i) === 'NOUN' && (/^[A-Z]/.test(doc.word(i - 1)) || (before === 'NOUN' && opensPhrase)) && isHeadline(doc, i) ? CUE_READINGS.get(lemma) : undefined;
}

function allCapitalised(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/^\p{Lu}/u.test(doc.word(k))) return false;
  return true;
}

function isHeadline(doc: Doc, i: number): boolean {
  const title = doc.meta.title;
  return title !== null && title !== undefined && doc.tokens.start[i] >= title.start && doc.tokens.end[i] <= title.end;
}

/** "Russia claims to have …": a cue form tagged as a noun but used as a verb between a name and "to"/"that". */
function isMistaggedVerb(doc: Doc, i: number, end: number): boolean {
  if (doc.upos(i) !== 'NOUN' || i === 0 || i + 1 >= end) return false;
  const before = doc.upos(i - 1);
  return (before === 'PROPN' || before === 'PRON') && /^(?:to|that)$/.test(doc.tokens.lower[i + 1]);
}

/**
 * The cue span takes the auxiliaries, adverbs and negation before the verb ("has also said",
 * "did not immediately respond") and a colon right after it ("said:"), as annotators mark cues.
 */
function makeCue(doc: Doc, tokens: TokenRange, lemma: string, cls: Cue['class'], negated: boolean): CueHit {
  let first = tokens.start;
  while (first > 0 && first > tokens.start - 4 && isCueModifier(doc, first - 1)) first--;
  const last = tokens.end < doc.tokenCount && doc.word(tokens.end) === ':' ? tokens.end + 1 : tokens.end;
  const span = charSpan(doc, { start: first, end: last });
  return { tokens, cue: { start: span.start, end: span.end, lemma, class: cls, negated }, lexiconClass: cls };
}

function isCueModifier(doc: Doc, i: number): boolean {
  const pos = doc.upos(i);
  // "a bus driver waiting at the stop outside said": a place adverb ends the phrase before the verb.
  return (pos === 'AUX' || pos === 'ADV' || NEGATORS.has(doc.tokens.lower[i])) && doc.word(i) !== ',' && isVerbModifier(doc, i) && !PLACE_ADVERBS.has(doc.tokens.lower[i]);
}

const PLACE_ADVERBS = new Set(['outside', 'inside', 'nearby', 'here', 'there', 'abroad', 'overseas', 'upstairs', 'downstairs', 'offshore', 'onshore']);

/** "did not deny", "never said", "refused to confirm". */
function isNegated(doc: Doc, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const lower = doc.tokens.lower[k];
    if (NEGATORS.has(lower)) return true;
    if (lower === 'to' && k > 0 && NEGATING_VERBS.has(doc.tokens.lower[k - 1])) return true;
    if (!isVerbModifier(doc, k) && lower !== 'to') return false;
  }
  return false;
}

/** Finds the source and content around one cue; null when the cue has neither. */
function attribute(
  doc: Doc, hit: CueHit, sentStart: number, sentEnd: number,
  regions: QuoteRegion[], regionOf: Int32Array, previousSource: TokenRange | null,
): Found | null {
  if (hit.cue.lemma === 'according to') return accordingTo(doc, hit, sentStart, sentEnd, regions, regionOf);
  // "the ministry was quoted as saying": the cue is the whole phrase, its subject the speaker.
  const quotedAs = quotedAsSaying(doc, hit.tokens.start, sentStart);
  const { tokens: cueTokens, cue } = quotedAs < 0 ? hit
    : makeCue(doc, { start: quotedAs, end: hit.tokens.end }, 'say', 'assert', isNegated(doc, quotedAs));

  // Subject before the cue, skipping auxiliaries and adverbs ("has officially denied") and a
  // parenthesis ("Rep. Gwen Moore (D-Wis.) said").
  let last = cueTokens.start - 1;
  while (last >= sentStart && isVerbModifier(doc, last) && doc.word(last) !== ',') last--;
  // "Wells Fargo just this month announced", "who in 2010 said": a time between the subject and its verb.
  let timed = false;
  for (let k = Math.max(sentStart + 1, last - MAX_TIME_WORDS + 1); k <= last; k++) {
    if (!TIME_OPENERS.test(doc.tokens.lower[k]) || timeAdverbialLength(doc, k, last + 1) !== last + 1 - k) continue;
    last = k - 1;
    timed = true;
    while (last >= sentStart && isVerbModifier(doc, last) && doc.word(last) !== ',') last--;
    break;
  }
  // "Trump took to Twitter overnight to accuse …": an infinitive's speaker is its verb's subject.
  // Not "declined to say whether …", which says nothing.
  const infinitive = !NEGATING_VERBS.has(doc.tokens.lower[last]) && hasInfinitiveMark(doc, last + 1, cueTokens.start);
  const parenthesisEnd = last >= sentStart && doc.word(last) === ')' ? last : -1;
  if (parenthesisEnd >= 0) {
    while (last > sentStart && doc.word(last) !== '(') last--;
    last--;
  }
  const lastWord = last >= sentStart ? doc.tokens.lower[last] : '';
  const participle = lastWord === ',' && doc.tokens.lower[cueTokens.start].endsWith('ing');
  let source = infinitive ? sharedSubject(doc, cueTokens.start, sentStart, regionOf)
    : last >= sentStart && !participle ? speakerPhraseEndingAt(doc, last, sentStart) : null;
  // "A report released last year found": a participle and its time between the subject and its
  // verb (the tagger may take it for a past tense).
  const participleBefore = doc.tokens.tag[last] === 'VBN' || (doc.tokens.tag[last] === 'VBD' && doc.tokens.lower[last].endsWith('ed'));
  if (!source && timed && last > sentStart && !participle && participleBefore && /^(?:NOUN|PROPN)$/.test(doc.upos(last - 1))) {
    const subject = nounPhraseEndingAt(doc, last - 1, sentStart);
    if (subject && (subject.start === sentStart || CLAUSE_BOUNDARY.has(doc.word(subject.start - 1)))) source = { start: subject.start, end: cueTokens.start };
  }
  // "Some argue that …", "Others insist …": a determiner standing alone as the subject.
  if (!source && last >= sentStart && doc.upos(last) === 'DET' && baseRelation(doc.tokens.deprel[last]) === 'nsubj') source = { start: last, end: last + 1 };
  // "Ukraine's military denied": a subject the tagger took for an adjective; the parse knows it.
  if (!source && last >= sentStart && !participle && doc.upos(last) === 'ADJ') {
    const parsed = subjectBefore(doc, cueTokens.start, sentStart, regionOf);
    if (parsed && parsed.end === last + 1) source = parsed;
  }
  // "all the experts I interviewed said": a subject ending in a clause of its own, which the parse knows.
  if (!source && last > sentStart && !participle && doc.upos(last) === 'VERB' && baseRelation(doc.tokens.deprel[last]) === 'acl') {
    const parsed = subjectBefore(doc, cueTokens.start, sentStart, regionOf);
    if (parsed && parsed.end === last + 1) source = parsed;
  }
  // "Halden denies report …": a headline's name the tagger read as an adjective.
  if (!source && last >= sentStart && last - sentStart < 3 && isHeadline(doc, cueTokens.start) && allCapitalised(doc, sentStart, last + 1)) source = { start: sentStart, end: last + 1 };
  if (source) source = withMistaggedNames(doc, source, sentStart);
  if (source) source = withParticiplePhrase(doc, source, sentStart);
  // '"…," retired general Lloyd Newton said': a participle the tagger read as a verb after the
  // quote describes the speaker ("retired", "embattled", "outgoing").
  if (source && source.start - 2 >= sentStart && isDescribingParticiple(doc, source.start - 1) && /^\p{Lu}/u.test(doc.word(source.start)) &&
    (isQuoteMark(doc.word(source.start - 2)) || doc.word(source.start - 2) === ',')) source = { start: source.start - 1, end: source.end };
  if (source && parenthesisEnd >= 0) source = { start: source.start, end: parenthesisEnd + 1 };
  // "Xi, for his part, warned …": an aside between speaker and cue; the parse knows the subject.
  // "Kall -- co-editor of Debating The Donald -- said": an aside between dashes likewise.
  // 'The tabloid, citing "a source on set," reported': an aside that ends in a quotation.
  const asideEnd = lastWord === ',' || DASHES.has(lastWord) || (isQuoteMark(lastWord) && last > sentStart && doc.word(last - 1) === ',');
  if (!source && asideEnd && !participle) source = subjectBefore(doc, cueTokens.start, sentStart, regionOf);
  let afterCue = cueTokens.end;
  let shared = false;
  let contentEnd = sentEnd;
  if (!source && (participle || lastWord === 'and' || lastWord === 'but')) {
    // A participle or a coordinated verb shares the main clause's subject: "…, saying they …",
    // "The IS has emerged … and vowed to …".
    shared = previousSource !== null;
    // "Then she laughed and said": the parse knows the subject an adverb stands before. "Kettle said
    // his client accepted … but denied …": a conjunct shares its own clause's subject, not the report's.
    const parsed = sharedSubject(doc, cueTokens.start, sentStart, regionOf);
    const conjunctOf = doc.tokens.deprel[cueTokens.start] === 'conj' ? doc.tokens.head[cueTokens.start] : -1;
    // Only when that clause reports too ("accepted that …"); "said the plan was sound and added" is the minister's.
    // So is one in the reported clause's tense: "said Pettifer had paid … and had told trustees that …".
    const hasHad = (verb: number): boolean => childrenWith(doc, verb, 'aux').some((a) => doc.tokens.lower[a] === 'had');
    const ownReport = conjunctOf >= 0 && doc.upos(conjunctOf) === 'VERB' && (childrenWith(doc, conjunctOf, 'ccomp').length > 0 || (hasHad(cueTokens.start) && hasHad(conjunctOf)));
    source = (ownReport && parsed && previousSource && parsed.start >= previousSource.end ? parsed : null) ?? previousSource ?? nounPhraseStartingAt(doc, sentStart, last) ?? parsed;
    if (!source) return null;
  } else if (!source && lastWord === 'as' && cue.lemma === 'say' && doc.tokens.lower[cueTokens.start] === 'saying') {
    // "State media quoted the minister as saying …": the one quoted says it.
    source = quotedPerson(doc, last, sentStart);
    if (!source) return null;
    shared = true;
  } else if (!source && GERUND_PREPOSITIONS.has(lastWord) && hit.lexiconClass === 'assert' && doc.tokens.lower[cueTokens.start].endsWith('ing')) {
    // "responded … by saying his refusal was …", "began by saying he would never …": the gerund
    // shares the subject of the verb it hangs on. Only a report: "after rejecting the offer" is an act.
    shared = true;
    source = lastWord === 'for' ? speakerOfBlamed(doc, cueTokens.start, sentStart) : sharedSubject(doc, cueTokens.start, sentStart, regionOf);
    if (!source && last === sentStart) {
      source = subjectAfterOpening(doc, cueTokens.start, sentEnd, regionOf);
      // The content is the opening phrase's, up to its comma.
      if (source) contentEnd = source.start - 1;
    }
    if (!source) return null;
  } else if (!source && INVERTIBLE.has(cue.lemma)) {
    // "“…,” said Kabulov, a Russian envoy."
    const np = nounPhraseStartingAt(doc, cueTokens.end, sentEnd);
    if (!np) return null;
    source = withRelativeClause(doc, extendAppositive(doc, np, sentEnd), sentEnd);
    afterCue = source.end;
  }
  if (quotedAs < 0 && hit.lexiconClass !== null && (!source || isPassive(doc, cueTokens.start, source))) {
    const passive = passiveReport(doc, hit, sentEnd) ?? passiveTelling(doc, hit, sentEnd, regions, regionOf);
    if (passive) return passive;
  }
  if (!source || (quotedAs < 0 && isPassive(doc, cueTokens.start, source))) return null;
  // "the backlash and what he would tell other schools": what is said is the "what", a topic, not given.
  if (childrenWith(doc, cueVerb(doc, cueTokens), 'obj').some((o) => o < cueTokens.start && /^what(?:ever)?$/.test(doc.tokens.lower[o]))) return null;
  // "…, with long queues reported at polling stations": what is reported, not who reports.
  if (source.start > sentStart && doc.tokens.lower[source.start - 1] === 'with' && /ed$/.test(doc.tokens.lower[cueTokens.start])) return null;
  // A headline's "A Curious Plan to Fight Climate Change": "a" and a bare verb form do not agree; a
  // noun phrase. (The body's "A majority of voters expect" does, as meaning goes.)
  if (isHeadline(doc, cueTokens.start) && /^an?$/.test(doc.tokens.lower[source.start]) && source.end === cueTokens.start && doc.tokens.lower[cueTokens.start] === cue.lemma) return null;
  source = antecedentOfRelative(doc, source, sentStart);
  // The previous cue's speaker was sharpened with its own verb; this verb's subject in the parse may
  // be its content's ("after it said profits had doubled, citing …" is not cited by "profits").
  if (!shared) source = sharpenedSource(doc, cueTokens.start, source);
  // "SAN JOSE, Oct 29 (CPA) - Halden Technologies denied": the dateline is no part of the speaker.
  const named = afterDateline(doc, source.start, source.end - 1);
  if (named < source.end) source = { start: named, end: source.end };
  const rest = restAfterCue(doc, afterCue, sentEnd, cue.lemma, regionOf);
  const boundary = Math.min(source.start, cueTokens.start) - 1;
  // A closing mark ends a clause, a single quote's ’ too (an apostrophe elsewhere).
  const closesQuote = boundary >= 0 && regionOf[boundary] >= 0 && regions[regionOf[boundary]].close === boundary;
  // "“Who would have believed …?” Trump said" — the splitter ended a sentence at "?”", so the
  // quote just before this sentence is the content.
  const quoteJustBefore = closesQuote && boundary === sentStart - 1 && doc.paragraphOf(boundary) === doc.paragraphOf(sentStart);
  const hasLeadingContent = quoteJustBefore || (boundary > sentStart && (CLAUSE_BOUNDARY.has(doc.word(boundary)) || closesQuote));
  // "“…,” she said several months later, …": a closing quote right before the speaker settles it.
  // A quote that opens the sentence and ends right before the speaker is the content
  // ("“…,” she said several months later, …"); a quoted title inside an opening phrase is not
  // ("On this weekend’s broadcast of “Fox News Sunday,” Pence said his …").
  const quoteEnd = regionOf[boundary] >= 0 ? boundary : boundary - 1;
  const afterQuote = boundary >= sentStart && hasLeadingContent && quoteEnd >= sentStart && regionOf[quoteEnd] >= 0 &&
    regions[regionOf[quoteEnd]].open <= sentStart + 1;
  // "… Hollande said Friday as he entered the talks": a temporal clause after the cue is no content.
  const closes = (rest.closes && !rest.resumes) || (rest.next < sentEnd && SUBORDINATORS.has(doc.tokens.lower[rest.next]) && !TAKES_OBJECT.has(cue.lemma));
  // "…,” Costa told reporters, adding that …": a participle reports what follows it.
  const participleWithContent = participle && !closes && rest.next < sentEnd;
  // "“Ask me in June,” she said, laughing.": a participle that closes the sentence tells how the
  // cue before it was said, and reports nothing of its own.
  if (participle && shared && rest.next >= sentEnd) return null;
  if (hasLeadingContent && (afterQuote || closes) && !participleWithContent) {
    // The cue closes its clause: the content came before it.
    const content = contentBefore(doc, boundary, sentStart, regions, regionOf);
    if (!content) return null;
    const parts = [content];
    const resumeAt = doc.word(rest.next) === ',' || doc.word(rest.next) === ';' ? rest.next + 1 : rest.next;
    const resume = rest.resumes ? resumedQuote(doc, rest.next, sentEnd, regions, regionOf)
      // "During his years in office, Mr. Obama said, a majority of Americans have …"
      // but not "…, people familiar with the matter said, asking not to be identified".
      // Nor "…, said the officials, who added that …": the relative clause is a report of its own.
      // A "that" after a telling cut short is its clause: "He had told her, she says, that oysters …".
      : rest.next < sentEnd && !afterQuote && !isParticipleCue(doc, resumeAt) && (!RELATIVE_PRONOUNS.has(doc.tokens.lower[resumeAt]) || interruptedReportAt(doc, boundary, resumeAt)) &&
        !isCircumstance(doc, resumeAt) && !opensWithRelative(doc, source) ? contentAfter(doc, resumeAt, sentEnd, 'say', regions, regionOf, false) : null;
    if (resume) parts.push(resume);
    // "…, where, she later said, she was often the only woman": the words before the speaker open
    // a clause the speaker's words complete; they are the writer's.
    if (resume && boundary > sentStart && doc.word(boundary) === ',' && OPENS_CLAUSE.has(doc.tokens.lower[boundary - 1]) && !/^(?:AUX|VERB)$/.test(doc.upos(doc.tokenAt(resume.start)))) parts.shift();
    return { cue, cueTokens, source, content: parts, addressee: rest.addressee, sentenceEnd: sentEnd };
  }
  // "Okello denied that the men had been beaten, as some Kenyan newspapers have reported": what
  // the "as" clause's speaker reported is the clause before it.
  if (rest.next >= sentEnd && boundary > sentStart + 1 && doc.tokens.lower[boundary] === 'as' && doc.word(boundary - 1) === ',' && !participle) {
    const content = contentBefore(doc, boundary - 1, sentStart, regions, regionOf);
    return content ? { cue, cueTokens, source, content: [reportedClauseOf(doc, content)], addressee: rest.addressee, sentenceEnd: sentEnd } : null;
  }
  if (rest.next >= sentEnd) {
    const block = paragraphsAfterColon(doc, sentEnd);
    return block ? { cue, cueTokens, source, content: [block], addressee: rest.addressee, sentenceEnd: sentEnd } : null;
  }
  // "The council said:" and a list, one item a line: each item is a part of what was said.
  const items = rest.next > 0 && doc.word(rest.next - 1) === ':' ? listLinesAfter(doc, doc.tokens.end[rest.next - 1]) : [];
  if (items.length > 1) return { cue, cueTokens, source, content: items, addressee: rest.addressee, sentenceEnd: sentEnd };
  if (afterCue !== cueTokens.end) return null;
  // "Even though Russia claims X, …", "The company, which said X, declined …", "the deal, which
  // analysts say is overpriced, would close": the content ends with the subordinate or relative clause.
  const subordinate = (source.start > sentStart && (SUBORDINATORS.has(doc.tokens.lower[source.start - 1]) || RELATIVE_PRONOUNS.has(doc.tokens.lower[source.start - 1]))) ||
    RELATIVE_PRONOUNS.has(doc.tokens.lower[source.end - 1]);
  // "As the economist John Kay has argued, targets …": the cue's clause is the frame, the main
  // clause after its comma the content.
  const framing = subordinate && doc.word(rest.next) === ',';
  let content = contentAfter(doc, framing ? rest.next + 1 : rest.next, contentEnd, cue.lemma, regions, regionOf, subordinate && !framing);
  // "reported, citing unnamed sources, that …": the participle's content ends with its aside.
  const aside = participle ? citingAsideEnd(doc, cueTokens.start - 1, sentEnd) : -1;
  if (content && aside >= 0 && doc.tokens.start[aside] > content.start && doc.tokens.start[aside] < content.end) content = { start: content.start, end: doc.tokens.start[aside] };
  if (!content || !reportsContent(doc, cueTokens.start, cue.lemma, hit.lexiconClass !== null, content, regionOf)) return null;
  // "has confirmed or denied the report", "told reporters and she said nothing": what follows is
  // the conjunct's, not this cue's.
  if (/^(?:or|nor|and|but)$/.test(doc.tokens.lower[doc.tokenAt(content.start)])) return null;
  content = beforeFramingReport(doc, fromReportedClause(doc, beforeCoordinatedReport(doc, cueTokens.start, content)), regionOf);
  // An infinitive reports a clause, a quotation or a charge ("to accuse X of …"), not a thing
  // ("was quick to praise the visitors' spirit").
  if (infinitive && !CHARGING_CLASSES.has(hit.lexiconClass ?? 'other')) {
    const first = doc.tokenAt(content.start);
    if (regionOf[first] < 0 && doc.tokens.lower[first] !== 'that' && baseRelation(reportRelation(doc, cueTokens.start, { start: first, end: doc.tokenAt(content.end - 1) + 1 })) !== 'ccomp') return null;
  }
  return { cue, cueTokens, source, content: [content], addressee: rest.addressee, sentenceEnd: sentEnd };
}

/** Words between "quoted" and "as saying" at most: "quoted President Hana Seles of Kasmar as saying". */
const MAX_QUOTED_PHRASE = 8;

/** The object of "quoted … as": the noun phrase from after "quoted" up to the "as" at token `as`. */
function quotedPerson(doc: Doc, as: number, sentStart: number): TokenRange | null {
  for (let k = as - 2; k >= sentStart && as - k <= MAX_QUOTED_PHRASE + 1; k--) {
    if (doc.tokens.lemma[k] !== 'quote' || doc.upos(k) !== 'VERB') continue;
    const phrase = nounPhraseStartingAt(doc, k + 1, as);
    return phrase && phrase.end === as ? phrase : null;
  }
  return null;
}

/** The cue's verb, past its auxiliaries ("had told", "would tell"). */
function cueVerb(doc: Doc, cue: TokenRange): number {
  let verb = cue.start;
  while (verb + 1 < cue.end && doc.upos(verb) === 'AUX') verb++;
  return verb;
}

/** Whether an infinitive's "to" stands among tokens `[from, to)`. */
function hasInfinitiveMark(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.tokens.lower[k] === 'to' && doc.upos(k) === 'PART') return true;
  return false;
}

/** Cue classes whose object is a charge or a judgement: "to accuse Clinton's campaign of …", "to deny the report". */
const CHARGING_CLASSES = new Set<CueClass>(['accuse', 'deny', 'condemn']);

/** Words that open a clause and cannot end one: "where", "because" (a resumed clause without a subject has it in them: "which, he said, is"). */
const OPENS_CLAUSE = new Set(['where', 'which', 'who', 'whom', 'when', 'because', 'that', 'if', 'since', 'although', 'though', 'while', 'whereas', 'unless']);

/** Cues whose passive with an agent is a report; not "will be heard by", "were backed by". */
const PASSIVE_REPORTS = new Set([
  'describe', 'call', 'label', 'brand', 'term', 'characterize', 'characterise', 'deny', 'reject', 'dismiss', 'condemn',
  'criticize', 'criticise', 'report', 'announce', 'confirm', 'dispute', 'question', 'praise', 'accuse', 'blame',
]);

/**
 * "The blast was described as heartbreaking by the department", "The report was denied by the
 * ministry": a passive cue with an agent reports what its subject (and its complement) say, and the
 * agent says it.
 */
function passiveReport(doc: Doc, hit: CueHit, sentEnd: number): Found | null {
  if (!PASSIVE_REPORTS.has(hit.cue.lemma)) return null;
  const v = hit.tokens.end - 1;
  // An agent has its "by": the parse may label another phrase so ("criticised for saying … a cure/obl:agent").
  // (Or on the "as" phrase's word, where the parse may hang it: "described as “torn”/advcl by colleagues".)
  const asPhrase = children(doc, v).filter((k) => /^(?:advcl|xcomp|obl)$/.test(baseRelation(doc.tokens.deprel[k])) && children(doc, k).some((c) => doc.tokens.lower[c] === 'as'));
  const agent = [v, ...asPhrase].flatMap((h) => childrenWith(doc, h, 'obl:agent')).find((k) => childrenWith(doc, k, 'case').some((c) => doc.tokens.lower[c] === 'by'));
  const subject = childrenWith(doc, v, 'nsubj:pass')[0];
  if (agent === undefined || subject === undefined || agent < v || subject > v) return null;
  const agentSpan = subtreeSpan(doc, agent);
  const subjectSpan = subtreeSpan(doc, subject);
  if (subjectSpan.tokenEnd > hit.tokens.start || agentSpan.tokenEnd > sentEnd) return null;
  const content = [charSpan(doc, { start: subjectSpan.tokenStart, end: subjectSpan.tokenEnd })];
  // "as heartbreaking": what the cue says of the subject, between the cue and its agent (a
  // particle is the verb's: "called out").
  let complement = hit.tokens.end;
  while (complement < agentSpan.tokenStart && doc.tokens.deprel[complement] === 'compound:prt') complement++;
  if (agentSpan.tokenStart > complement) content.push(charSpan(doc, { start: complement, end: agentSpan.tokenStart }));
  // "was described by officials as a hero": the name after the agent.
  else if (doc.tokens.lower[agentSpan.tokenEnd] === 'as') {
    // Up to the end of the phrase "as" opens, else of its clause.
    const named = doc.tokens.head[agentSpan.tokenEnd];
    let end = named > agentSpan.tokenEnd ? Math.min(subtreeSpan(doc, named).tokenEnd, sentEnd) : agentSpan.tokenEnd + 1;
    if (end <= agentSpan.tokenEnd + 1) while (end < sentEnd && !/^[,;]$/.test(doc.word(end))) end++;
    while (end > agentSpan.tokenEnd + 1 && isTrailingPunctuation(doc, end - 1)) end--;
    content.push(charSpan(doc, { start: agentSpan.tokenEnd, end }));
  }
  // A naming verb says nothing without the name: "He's been called out by fellow doctors" is criticism.
  else if (NAMING_VERBS.has(hit.cue.lemma)) return null;
  return { cue: hit.cue, cueTokens: hit.tokens, source: agentPhrase(doc, agent), content, addressee: null, sentenceEnd: sentEnd, passive: true };
}

/** The agent of a passive without its "by": "by the department" → "the department". */
function agentPhrase(doc: Doc, agent: number): TokenRange {
  const { tokenStart, tokenEnd } = subtreeSpan(doc, agent);
  let start = tokenStart;
  while (start < agent && doc.tokens.deprel[start] === 'case') start++;
  // "were told by managers that the ward would close": the parse may hang the clause on the agent.
  let end = agent + 1;
  while (end < tokenEnd && !(doc.tokens.lower[end] === 'that' && doc.tokens.deprel[end] === 'mark')) end++;
  return { start, end };
}

/** The that-clause a clause reports, if it reports one ("denied that the men had been beaten"), else the clause. */
function reportedClauseOf(doc: Doc, clause: Span): Span {
  for (let k = doc.tokenAt(clause.start); k < doc.tokenCount && doc.tokens.end[k] <= clause.end; k++) {
    if (doc.tokens.lower[k] === 'that' && doc.tokens.deprel[k] === 'mark' && k + 1 < doc.tokenCount) return { start: doc.tokens.start[k + 1], end: clause.end };
  }
  return clause;
}

/** Verbs whose passive reports what the subject was told: "Staff were told that jobs were safe". */
const PASSIVE_TELLING = new Set(['tell', 'inform', 'assure', 'notify', 'advise', 'warn', 'remind', 'brief']);

/**
 * "Staff were told that jobs were safe", "were assured by the manager that …": what was said to
 * the subject, by the agent when one is named, else by nobody the sentence names.
 */
function passiveTelling(doc: Doc, hit: CueHit, sentEnd: number, regions: QuoteRegion[], regionOf: Int32Array): Found | null {
  if (!PASSIVE_TELLING.has(hit.cue.lemma)) return null;
  const v = hit.tokens.end - 1;
  const subject = childrenWith(doc, v, 'nsubj:pass')[0];
  if (subject === undefined || subject > v) return null;
  const agent = childrenWith(doc, v, 'obl:agent').find((a) => a > v);
  let next = hit.tokens.end;
  let source: TokenRange | null = null;
  if (agent !== undefined) {
    // Only an agent right after the cue: "were assured by the council that …".
    if (subtreeSpan(doc, agent).tokenStart !== next) return null;
    source = agentPhrase(doc, agent);
    // "by Harbridge Hospitals Trust": a name's last word the parse hung apart.
    while (source.end < sentEnd && source.end - source.start < 8 && /^\p{Lu}/u.test(doc.word(source.end)) && doc.upos(source.end - 1) === 'PROPN') source = { start: source.start, end: source.end + 1 };
    next = source.end;
  }
  for (let time = timeAdverbialLength(doc, next, sentEnd); time > 0; time = timeAdverbialLength(doc, next, sentEnd)) next += time;
  if (next >= sentEnd || doc.tokens.lower[next] !== 'that') return null;
  const content = contentAfter(doc, next, sentEnd, hit.cue.lemma, regions, regionOf, false);
  if (!content) return null;
  const subjectSpan = subtreeSpan(doc, subject);
  return { cue: hit.cue, cueTokens: hit.tokens, source, content: [content], addressee: { start: subjectSpan.tokenStart, end: subjectSpan.tokenEnd }, sentenceEnd: sentEnd, passive: true };
}

/**
 * "…, her ministry said, days after reports that she had stepped down": a time the narrator adds
 * after the cue is no more of what was said.
 */
function isCircumstance(doc: Doc, i: number): boolean {
  return TEMPORAL_SUBORDINATORS.has(doc.tokens.lower[i]) || isElapsedTime(doc, i);
}

function asksAnonymity(doc: Doc, i: number): boolean {
  const { lower } = doc.tokens;
  const to = lower[i] === 'not' ? i + 1 : i;
  return lower[to] === 'to' && lower[to + 1] === 'be' && /^(?:named|identified|quoted)$/.test(lower[to + 2] ?? '');
}

/** "17 seconds after the restart", "days later": a time counted from an event. */
function isElapsedTime(doc: Doc, i: number): boolean {
  const { lower } = doc.tokens;
  // "replied within five minutes", "hit back inside a minute".
  const within = /^(?:within|inside)$/.test(lower[i]);
  const from = within ? i + 1 : i;
  const unit = doc.upos(from) === 'NUM' || NUMBER_WORDS.has(lower[from]) || (within && /^an?$/.test(lower[from])) ? from + 1 : from;
  // Not "replied within an hour that the claims were false".
  if (within) return UNITS_OF_TIME.has(lower[unit] ?? '') && !/^(?:that|:)$/.test(lower[unit + 1] ?? '');
  return UNITS_OF_TIME.has(lower[unit] ?? '') && /^(?:after|before|later|earlier|ago)$/.test(lower[unit + 1] ?? '');
}

/**
 * Infinitives that make a report only after these verbs: "vowed to fight", "urged them to stop",
 * "denied having"; not "appeared to trip", "is expected to meet", "ordered the firm to pay".
 */
const SPEECH_INFINITIVES = new Set([
  'promise', 'vow', 'threaten', 'pledge', 'swear', 'refuse', 'decline', 'claim', 'deny', 'demand', 'offer', 'agree',
  'propose', 'urge', 'ask', 'warn', 'tell', 'advise', 'remind', 'call on', 'appeal', 'beg', 'implore', 'encourage',
  'instruct', 'request', 'invite', 'profess', 'pretend',
]);
const CLAUSAL_REPORTS = new Set(['ccomp', 'parataxis']);
/** Relations of a verb that modifies a word rather than reports a clause. */
const MODIFYING = new Set(['acl', 'advmod']);
const ANSWERING = new Set(['respond', 'reply', 'react', 'answer']);
/** Infinitive-taking verbs that report only when the infinitive is itself a cue. */
const ACTS_UNLESS_SPEECH = new Set(['refuse', 'decline', 'agree', 'offer']);
/** Recordings, charts and models that show rather than state ("a chart in the report shows", "their computer model suggests"). */
const VISUAL_RECORDS = /^(?:replays?|footage|videos?|images?|pictures?|photos?|photographs?|scans?|cctv|x-rays?|recordings?|clips?|charts?|graphs?|maps?|diagrams?|schedules?|models?|simulations?)$/;
const EVIDENCING = new Set(['show', 'prove', 'demonstrate', 'underline', 'underscore', 'highlight', 'reveal', 'indicate']);
const EVENT_NOUNS = new Set(['operation', 'attack', 'strike', 'raid', 'killing', 'incident', 'move', 'decision', 'win', 'victory', 'defeat', 'episode', 'crisis', 'event', 'war', 'fighting', 'outbreak', 'collapse']);
const CLAUSE_ONLY = new Set(['see', 'hear', 'read', 'watch', 'learn', 'sing', 'celebrate', 'thank', 'offer', 'recall', 'post', 'write', 'share', 'rule', 'allow']);
const NO_COMMENT = new Set(['comment', 'say', 'respond', 'elaborate', 'discuss', 'answer', 'speak', 'talk', 'confirm', 'provide', 'give', 'identify', 'name', 'reveal', 'disclose', 'specify']);
const FRAMING_ONLY = new Set(['obl:tmod', 'obl:unmarked', 'obl:npmod', 'nmod:tmod']);
/** Prepositions of a physical path: "slammed into", "hit against". */
const MOTION_PREPOSITIONS = new Set(['into', 'onto', 'against', 'through', 'across', 'over']);
/** Condemning verbs with a physical sense: "attacked the plan" is a report, "attacked bars" is not. */
const PHYSICAL_SENSE = new Set(['attack', 'blast', 'bash', 'knock', 'slam', 'hammer', 'assail', 'hit', 'pan']);
/** Verbs of harm whose participle makes an attack physical: "…, killing 17 sailors". */
const HARMING = new Set(['kill', 'injure', 'wound', 'destroy', 'damage', 'sink', 'level', 'flatten', 'maim']);
/** Denial verbs that also name a contest: "contesting Ohio". */
const CONTESTING = new Set(['contest', 'challenge', 'dispute']);
const CONTESTED_TYPES = new Set(['GPE', 'LOC', 'PERSON', 'ORG']);
/** Verbs whose object is the one addressed: "asked whether …", "told that …". */
const ADDRESSING = new Set(['ask', 'tell', 'question', 'urge', 'press', 'warn', 'advise', 'invite', 'order', 'instruct', 'remind']);
/** People a report is said to rest on: "citing two people familiar with the talks". */
const CITED_PEOPLE = new Set(['person', 'people', 'source', 'official', 'insider', 'aide', 'diplomat', 'witness', 'executive', 'someone', 'colleague']);
/** Objects a physical-sense verb reports on: what someone said, did or decided, or who did it. */
const REPORTED_OBJECTS = /^(?:decision|plan|policy|policies|move|proposal|remarks?|comments?|statements?|claims?|law|bill|ruling|report|idea|approach|handling|record|response|strategy|deal|budget|leadership|government|administration|rhetoric|stance|position|tactics|actions?|failure|refusal|attempts?)$/;

/**
 * Whether the parse lets cue verb `v` report the content after it: the content must hang off the
 * verb as a clause or object, not as its time or manner ("the Sharks replied 17 seconds later");
 * an infinitive reports only after a speech verb; a physical-sense verb's object must be a
 * statement, decision or actor; a verb outside the cue lexicon needs a clause. Content in quote
 * marks always qualifies.
 */
/** Verbs of knowing, whose question-word complement is a fact known, not a statement. */
const KNOWING_VERBS = new Set(['know', 'understand', 'learn', 'realize', 'realise', 'recognize', 'recognise', 'see', 'hear', 'feel', 'consider']);

function reportsContent(doc: Doc, v: number, lemma: string, inLexicon: boolean, content: Span, regionOf: Int32Array): boolean {
  const range = { start: doc.tokenAt(content.start), end: doc.tokenAt(content.end - 1) + 1 };
  // "the tests were carried out by a laboratory and published “in full”": a participle joined to a
  // passive is passive too; its subject is what was published, not who.
  if (isPassiveConjunct(doc, v)) return false;
  if (regionOf[range.start] >= 0) return true;
  // "The sign read: …" quotes; "Children who read with a parent" only read.
  if (lemma === 'read' && doc.word(v + 1) !== ':') return false;
  // "Kingsbridge replied 17 seconds after the restart": when, not what.
  if (isElapsedTime(doc, range.start)) return false;
  // "who asked not to be named": a condition of anonymity, whatever the parse made of it.
  if (asksAnonymity(doc, range.start)) return false;
  // "Television replays suggested there was no contact": what a picture shows nobody states.
  // An advert's clip that "says" speaks. "Posted photographs of her wheelchair" shares, states nothing.
  if (lemma !== 'say' && childrenWith(doc, v, 'nsubj').some((subject) => VISUAL_RECORDS.test(doc.tokens.lower[subject]))) return false;
  if (childrenWith(doc, v, 'obj').some((object) => object >= range.start && VISUAL_RECORDS.test(doc.tokens.lower[object]))) return false;
  // "the operation showed that terrorism has no safe haven": an event is evidence someone reads, not a source.
  // (The parse may hang the verb on the noun as a clause modifying it: "saying the operation/obj showed/acl".)
  if (EVIDENCING.has(lemma) && [...childrenWith(doc, v, 'nsubj'), ...(doc.tokens.deprel[v] === 'acl' ? [doc.tokens.head[v]] : [])].some((subject) => EVENT_NOUNS.has(doc.tokens.lemma[subject]))) return false;
  // "the figures cited by the minister were wrong", "models opposed to Mexicans": a participle on a
  // noun says what was done to the noun, which says nothing. (Unless a clause follows: then the
  // parse took a verb for a participle, "one study found/acl Trump would raise taxes".) A noun
  // asked or told is addressed, whatever follows: "Brandt, asked whether he intended to resign,".
  if (isReducedPassive(doc, v) && (ADDRESSING.has(lemma) || !holdsClause(doc, range))) return false;
  // "cautioned, however, that the trial was small", "wrote on X that the company would recover":
  // a that-clause right after a cue is what it reports, wherever the parse hung it.
  const parsed = reportRelation(doc, v, withoutTrailingReport(doc, v, range));
  // "urged Telmark on Thursday to withdraw the remarks": the parser may take the infinitive after an
  // object and a time for a clause of purpose; a verb of telling to do governs it.
  // So may "not to" open it: "urged fans not to “pick sides”".
  const toInfinitive = SPEECH_INFINITIVES.has(lemma) && !ACTS_UNLESS_SPEECH.has(lemma) && /^(?:to|not|never)$/.test(doc.tokens.lower[range.start]) &&
    childrenWith(doc, v, 'advcl').some((k) => k >= range.start && k < range.end && childrenWith(doc, k, 'mark').some((m) => doc.tokens.lower[m] === 'to'));
  const relation = toInfinitive ? 'xcomp' : doc.tokens.lower[range.start] === 'that' && inLexicon && !CLAUSAL_REPORTS.has(baseRelation(parsed)) ? 'ccomp' : parsed;
  // "the figures he cites leave out the nurses": a cue modifying a word of what follows (a
  // relative clause, whatever label the parser gave it) reports nothing of it.
  const head = doc.tokens.head[v];
  if (range.start > v && head >= range.start && head < range.end && MODIFYING.has(baseRelation(doc.tokens.deprel[v]))) return false;
  // A verb outside the cue lexicon reports only a clause: "the Senate passed a bill" is an act;
  // so does a perception or performance verb ("saw the tweet", "sings to Clinton", "offered no proof").
  if ((!inLexicon || CLAUSE_ONLY.has(lemma)) && !CLAUSAL_REPORTS.has(baseRelation(relation))) return false;
  // "declined to comment", "refused to say": no statement at all.
  if (relation === 'xcomp' && NO_COMMENT.has(doc.tokens.lemma[childrenWith(doc, v, 'xcomp')[0] ?? v])) return false;
  // "understood how fragile rural incomes were", "knows what it is like": knowing a fact states nothing.
  if (KNOWING_VERBS.has(lemma) && /^(?:how|what|why|where|when|who|which|whether)$/.test(doc.tokens.lower[range.start])) return false;
  // "Thousands told to leave homes": a headline's passive; telling has someone told.
  if (lemma === 'tell' && relation === 'xcomp' && childrenWith(doc, v, 'obj').length === 0 && childrenWith(doc, v, 'iobj').length === 0) return false;
  // "would not predict the result", "did not confirm the figures": a thing left unsaid, no statement.
  if (relation === 'obj' && isNegated(doc, v) && !readsAs(lemma, 'deny') && isLoneObject(doc, v) && !quotesWithin(range, regionOf) &&
    !REPORT_NOUNS.has(doc.tokens.lemma[childrenWith(doc, v, 'obj')[0]])) return false;
  // "did not comment on reports that …": the reports' claim, which the company did not make.
  if ((lemma === 'comment' || lemma === 'elaborate') && isNegated(doc, v)) return false;
  // "called the accusations “pure fiction”", "branded him a liar": a predicate on the object, no infinitive.
  if ((relation === 'xcomp' || relation === 'obj') && NAMING_VERBS.has(lemma) && isNominalPredicate(doc, v)) return true;
  // A lone object with nothing quoted is a phone call or a summons: "called the police", "called an
  // emergency meeting", "called National Guard members to service".
  if (lemma === 'call' && isLoneObject(doc, v) && !quotesWithin(range, regionOf)) return false;
  // A thing wished for is no statement: "residents who want a say", "will still want a charger";
  // nor a thing added: "Ferreira added his second from the penalty spot"; nor a thing declared
  // ("declared a drought emergency", "declared bankruptcy") or agreed ("agreed a £35m deal"): an act.
  // (Not an object the parse took from a clause: "analysts agreed it/obj was still a top-heavy plan".)
  const objectOpensClause = childrenWith(doc, v, 'obj').some((o) => doc.upos(o) === 'PRON' && /^(?:AUX|VERB)$/.test(doc.upos(subtreeSpan(doc, o).tokenEnd)));
  if (relation === 'obj' && ACTS_ON_LONE_OBJECT.has(lemma) && isLoneObject(doc, v) && !quotesWithin(range, regionOf) && !objectOpensClause) return false;
  // "added a second from the penalty spot", "added another": a goal, however the parse hangs what follows.
  if (lemma === 'add' && /^(?:a|his|her|their|its|the)$/.test(doc.tokens.lower[range.start]) && SCORED.has(doc.tokens.lower[range.start + 1] ?? '')) return false;
  if (lemma === 'add' && doc.tokens.lower[range.start] === 'another' && !quotesWithin(range, regionOf)) return false;
  // "claimed five for 38", "claimed victory", "claimed the title": a thing won, no statement.
  if (lemma === 'claim' && !quotesWithin(range, regionOf) &&
    childrenWith(doc, v, 'obj').some((object) => subtreeSpan(doc, object).tokenStart === range.start && (doc.upos(object) === 'NUM' || WON_THINGS.has(doc.tokens.lemma[object])))) return false;
  // "admitted 14 counts of fraud", "admitted manslaughter": a plea in court, not a statement.
  if (relation === 'obj' && lemma === 'admit' && childrenWith(doc, v, 'obj').some((object) => CHARGES.has(doc.tokens.lemma[object]))) return false;
  // "accused the council of “waiting for someone to die”": whom and of what, however the parse
  // hangs the two (it may take the body for a predicate).
  if (readsAs(lemma, 'accuse') && accusedOf(doc, range)) return true;
  if (relation === 'xcomp' || (relation === 'obj' && objectTakesInfinitive(doc, v))) {
    // "refused to open the till", "agreed to raise its offer" are acts; "refused to rule out a
    // strike", "declined to say whether" speak through the verb they govern.
    const infinitive = childrenWith(doc, v, 'xcomp')[0];
    if (ACTS_UNLESS_SPEECH.has(lemma) && infinitive !== undefined) return CUE_READINGS.has(doc.tokens.lemma[infinitive]);
    return SPEECH_INFINITIVES.has(lemma);
  }
  // Time and manner ("replied 17 seconds later", "spoke Friday after Trump tweeted") report nothing;
  // a topic ("complained about his mic", "seized on Trump's claim") is left to the cue model.
  if (FRAMING_ONLY.has(relation) || baseRelation(relation) === 'advmod') return false;
  // "replied 17 seconds later when Couture scored": a temporal clause the parser hung elsewhere;
  // a question's "when" or "if" is its content ("asked when the talks would resume").
  if (relation === 'none' && SUBORDINATORS.has(doc.tokens.lower[range.start]) && !readsAs(lemma, 'question')) return false;
  // "spoke Friday after Trump tweeted" frames; "denied having any contact" (a bare gerund) reports.
  if (baseRelation(relation) === 'advcl' && !isBareGerund(doc, childrenWith(doc, v, 'advcl').find((k) => k >= range.start && k < range.end) ?? -1)) return false;
  // "attacked the USS Cole, killing 17 sailors": harm done is an act, whatever was attacked.
  if (PHYSICAL_SENSE.has(lemma) && childrenWith(doc, v, 'advcl').some((k) => HARMING.has(doc.tokens.lemma[k]))) return false;
  if (relation === 'obj' && PHYSICAL_SENSE.has(lemma)) return objectIsReported(doc, v);
  // "are heavily contesting Ohio", "challenged Wales": a place contested is a race or a match; a
  // person or body challenged alone is a tackle, a contest or a suit ("as he challenged Reyes").
  if (relation === 'obj' && CONTESTING.has(lemma) && isLoneObject(doc, v)) {
    const object = childrenWith(doc, v, 'obj')[0];
    // A capitalised word mid-sentence is a name the tagger may have missed ("Reyes" as a plural).
    if (CONTESTED_TYPES.has(mentionTypeAt(doc, object)) || (/^\p{Lu}/u.test(doc.word(object)) && doc.sentences[doc.sentenceOf(object)].tokenStart !== object)) return false;
  }
  // "would say that to the mayor's face", "I've said that to every volunteer": a pronoun points back
  // at what was said; it is no statement of its own. (Not "said that in 2019 the firm lost money";
  // nor a denial, "A spokesman disputed this", whose stance is news.)
  const clauseEnds = range.end >= doc.tokenCount || /^[.!?;]$/.test(doc.word(range.end));
  const pointsBack = POINTING_PRONOUNS.has(doc.tokens.lower[range.start]) && !quotesWithin(range, regionOf) && clauseEnds &&
    (range.end === range.start + 1 || (doc.upos(range.start + 1) === 'ADP' && !hasVerb(doc, range.start + 1, range.end)));
  if (pointsBack && !readsAs(lemma, 'deny')) return false;
  // "the bug usually announces itself suddenly": what a thing does to itself states nothing.
  if (relation === 'obj' && isLoneObject(doc, v) && REFLEXIVES.has(doc.tokens.lower[childrenWith(doc, v, 'obj')[0]])) return false;
  // "the fight says a lot about how small places compete": telling of, not a statement.
  if (childrenWith(doc, v, 'obj').some((object) => AMOUNTS_TOLD.has(doc.tokens.lemma[object]) && doc.tokens.lower[object + 1] === 'about')) return false;
  // "A mother showed me her son's results": a thing shown to someone is shown, not stated.
  if (lemma === 'show' && relation === 'obj' && childrenWith(doc, v, 'iobj').length > 0) return false;
  // "citing two people who were in the room", "citing sources": whom a report rests on, not what it says.
  if (lemma === 'cite') {
    // The phrase's first noun, whatever the parse made of the aside.
    let noun = range.start;
    while (noun < range.end && /^(?:DET|NUM|ADJ)$/.test(doc.upos(noun))) noun++;
    // (Not a person's words: "cited Trump's past references to Machado".)
    const possessed = /^['’]s?$/.test(doc.tokens.lower[noun + 1] ?? '') || /^['’]s?$/.test(doc.tokens.lower[noun + 2] ?? '');
    if (noun < range.end && (CITED_PEOPLE.has(doc.tokens.lemma[noun]) || (mentionTypeAt(doc, noun) === 'PERSON' && !possessed))) return false;
  }
  // "Detectives have appealed for witnesses": a request for people or help, nothing stated.
  if (lemma === 'appeal' && doc.tokens.lower[range.start] === 'for' && !quotesWithin(range, regionOf)) return false;
  // "What worries me more is the schools": the verb is the subject's own clause.
  if (v > 0 && doc.tokens.lower[v - 1] === 'what' && doc.tokens.head[v - 1] === v) return false;
  // "has not responded to the sugar duties": what is answered, not the answer.
  if (baseRelation(relation) === 'obl' && ANSWERING.has(lemma) && doc.tokens.lower[range.start] === 'to') return false;
  // "Westmoor replied with 251 for nine", "replied with crying emojis": an answer in deeds or runs;
  // "replied with a statement" speaks.
  if (ANSWERING.has(lemma) && doc.tokens.lower[range.start] === 'with' && doc.tokens.head[range.start] >= 0) {
    const answer = doc.tokens.head[range.start];
    const { tokenStart, tokenEnd } = subtreeSpan(doc, answer);
    if (!STATEMENT_NOUNS.test(doc.tokens.lower[answer]) && !quotesWithin({ start: tokenStart, end: tokenEnd }, regionOf)) return false;
  }
  // "The spider supposedly found in a Perth garage never existed": a thing found somewhere, no finding.
  if ((lemma === 'find' || lemma === 'discover') && doc.upos(range.start) === 'ADP') return false;
  // "Seals can tell fishing boats apart": telling apart is distinguishing.
  if (lemma === 'tell' && [...children(doc, v), range.end - 1].some((k) => doc.tokens.lower[k] === 'apart')) return false;
  // "knocked on her door", "slammed into a wall": a physical act on a place reports nothing;
  // "Meteorite Slams Into Peruvian Village", however a headline's parse hangs the place.
  if (PHYSICAL_SENSE.has(lemma) && (baseRelation(relation) === 'obl' || MOTION_PREPOSITIONS.has(doc.tokens.lower[range.start]))) return false;
  return true;
}

/** Whether `range` opens with a noun phrase of at most six words and "of" a charge: "the council of “waiting …”". */
function accusedOf(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start + 1; k < range.end - 1 && k <= range.start + 6; k++) {
    if (doc.tokens.lower[k] !== 'of') continue;
    const next = isQuoteMark(doc.word(k + 1)) ? k + 2 : k + 1;
    return next < range.end && (doc.tokens.tag[next] === 'VBG' || doc.upos(next) === 'NOUN' || doc.upos(next) === 'DET');
  }
  return false;
}

/**
 * "Kenya recalled its ambassador, the ministry said": the parser hangs the outer report on the verb
 * as `parataxis`; it is who said it, not what the verb holds, so the content's relation is read
 * without it (here `obj`: an act, not a report). A headline's "Coffee linked to lower risk, study
 * says" may get it as `ccomp`, which ends the content then.
 */
function withoutTrailingReport(doc: Doc, v: number, range: TokenRange): TokenRange {
  const trailing = [...childrenWith(doc, v, 'parataxis'), ...childrenWith(doc, v, 'ccomp').filter((k) => subtreeSpan(doc, k).tokenEnd >= range.end)];
  for (const k of trailing) {
    if (k <= range.start || k >= range.end || !CUE_READINGS.has(doc.tokens.lemma[k])) continue;
    // Its comma may hang on it or on the verb.
    const { tokenStart } = subtreeSpan(doc, k);
    const comma = doc.tokens.lower[tokenStart] === ',' ? tokenStart : tokenStart - 1;
    if (comma > range.start && doc.tokens.lower[comma] === ',') return { start: range.start, end: comma };
  }
  return range;
}

/**
 * Verbs that report only through a clause, an infinitive or a quotation, not through a lone object:
 * wanting ("want them to leave" is a demand, "want a say" is not) and adding ("added that …").
 */
const ACTS_ON_LONE_OBJECT = new Set(['want', 'wish', 'add', 'declare', 'agree']);

const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves', 'myself', 'ourselves', 'yourself', 'yourselves']);

/** Pronouns that point back at something said: "would say that", "said so". */
const POINTING_PRONOUNS = new Set(['that', 'this', 'it', 'them', 'so']);

/** How much a thing tells of another: "says a lot about", "tells us little about". */
const AMOUNTS_TOLD = new Set(['lot', 'much', 'little', 'something', 'nothing', 'plenty', 'volume', 'more', 'less']);

/** Goals and points one adds: "added a second", "added his third". */
const SCORED = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'late', 'goal', 'try', 'penalty', 'brace', 'header']);

/** What one claims by winning it. */
const WON_THINGS = new Set(['victory', 'win', 'title', 'crown', 'trophy', 'cup', 'medal', 'gold', 'silver', 'bronze', 'prize', 'wicket', 'point', 'seat', 'ball', 'place', 'spot', 'record', 'scalp', 'hat-trick', 'double', 'treble', 'pole', 'life', 'lives', 'top']);

/** What a defendant admits by pleading guilty. */
const CHARGES = new Set(['count', 'charge', 'offence', 'offense', 'crime', 'fraud', 'theft', 'manslaughter', 'murder', 'assault', 'burglary', 'robbery', 'rape', 'bribery', 'perjury', 'negligence']);

/** Verbs that report a judgement as a predicate on their object: "called the report fake". */
const NAMING_VERBS = new Set(['call', 'brand', 'label', 'dub', 'term', 'describe', 'characterize', 'characterise']);

/** The verb's one object, with no second object, predicate or clause beside it. */
function isLoneObject(doc: Doc, v: number): boolean {
  return childrenWith(doc, v, 'obj').length === 1 && !children(doc, v).some((k) => /^(?:xcomp|ccomp|iobj)$/.test(baseRelation(doc.tokens.deprel[k])));
}

function quotesWithin(range: TokenRange, regionOf: Int32Array): boolean {
  for (let i = range.start; i < range.end; i++) if (regionOf[i] >= 0) return true;
  return false;
}

/**
 * The verb has an object and a predicate on it, a common noun or an adjective (not an infinitive,
 * a participle or a name): its xcomp, or a second object where the parser reads two.
 */
function isNominalPredicate(doc: Doc, v: number): boolean {
  const objects = childrenWith(doc, v, 'obj');
  const predicate = objects.length > 1 ? objects[1] : childrenWith(doc, v, 'xcomp')[0];
  return objects.length > 0 && predicate !== undefined && /^(?:NOUN|ADJ)$/.test(doc.upos(predicate));
}

/**
 * A past participle hanging on a noun, with no subject, auxiliary, object or clause of its own:
 * "the figures cited by …". (A verb the tagger and parser took for one keeps its object or clause:
 * "Protesters chanted “What curfew?”".)
 */
function isReducedPassive(doc: Doc, v: number): boolean {
  return doc.tokens.deprel[v] === 'acl' && isBareParticiple(doc, v, /^(?:nsubj|aux|obj|ccomp)/);
}

/** A past participle with no dependent of the relations `own` ("nsubj", "aux", …). */
function isBareParticiple(doc: Doc, v: number, own: RegExp): boolean {
  return doc.tokens.tag[v] === 'VBN' && !children(doc, v).some((k) => own.test(doc.tokens.deprel[k]));
}

/** Tokens of a report set off by commas at `i`: ", she says," (a pronoun or a name of up to three words, then a cue); 0 if none. */
function reportAsideLength(doc: Doc, i: number, end: number): number {
  if (doc.word(i) !== ',') return 0;
  let k = i + 1;
  while (k < end && k - i <= 3 && (doc.upos(k) === 'PROPN' || (k === i + 1 && doc.upos(k) === 'PRON'))) k++;
  if (k === i + 1 || k + 1 >= end || !CUE_READINGS.has(doc.tokens.lemma[k]) || doc.word(k + 1) !== ',') return 0;
  return k + 1 - i;
}

/**
 * A cue ("warned") or a telling ("told her") right before the comma at `comma`, and "that" at
 * `that`: a report whose clause an aside ("she says") interrupts.
 */
function interruptedReportAt(doc: Doc, comma: number, that: number): boolean {
  const { lower, lemma } = doc.tokens;
  if (lower[that] !== 'that' || doc.word(comma) !== ',' || comma < 2) return false;
  const verb = /^(?:her|him|them|me|us|you)$/.test(lower[comma - 1]) ? comma - 2 : comma - 1;
  return doc.upos(verb) === 'VERB' && CUE_READINGS.has(lemma[verb]);
}

/**
 * "said she was sorry to hear it, but that the company's testing had found no link": a second
 * that-clause joined to the content is said too, up to the end of its own clause.
 */
function withCoordinatedThat(doc: Doc, f: Found): void {
  if (!f.cueTokens || f.content.length !== 1 || f.content[0].start < doc.tokens.end[f.cueTokens.end - 1]) return;
  const [content] = f.content;
  const last = doc.tokenAt(content.end - 1);
  let k = last + 1;
  if (doc.word(k) === ',') k++;
  if (k + 1 >= f.sentenceEnd || !/^(?:and|but)$/.test(doc.tokens.lower[k]) || doc.tokens.lower[k + 1] !== 'that') return;
  let end = f.sentenceEnd;
  while (end > k + 2 && isTrailingPunctuation(doc, end - 1)) end--;
  // Not past a following report of the sentence's own: "…, and that …, he added".
  for (let j = k + 2; j < end; j++) if (doc.word(j) === ',' && CUE_READINGS.has(doc.tokens.lemma[j + 2] ?? '')) return;
  f.content = [{ start: content.start, end: doc.tokens.end[end - 1] }];
}

/** Whether verb `v` tells someone, not negated: "told colleagues", not "I cannot tell you". */
function tellsSomeone(doc: Doc, v: number): boolean {
  return !isNegated(doc, v) && children(doc, v).some((c) => /^i?obj$/.test(doc.tokens.deprel[c]));
}

/** Whether a verb of `range` has its subject there too: a clause of its own, "the plan would …". */
function hasOwnSubject(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) {
    if (baseRelation(doc.tokens.deprel[k]) !== 'nsubj') continue;
    const head = doc.tokens.head[k];
    if (head >= range.start && head < range.end) return true;
  }
  return false;
}

/** A past participle joined to a passive verb, with no subject or auxiliary of its own. */
function isPassiveConjunct(doc: Doc, v: number): boolean {
  const head = doc.tokens.head[v];
  return doc.tokens.deprel[v] === 'conj' && head >= 0 && childrenWith(doc, head, 'aux:pass').length > 0 && isBareParticiple(doc, v, /^(?:nsubj|aux)/);
}

/**
 * Whether `range` opens with "that", or holds before its first comma a verb with its own subject or
 * an infinitive's "to" ("found Trump would raise taxes"; not "cited by the minister were wrong, the
 * auditors found").
 */
function holdsClause(doc: Doc, range: TokenRange): boolean {
  if (doc.tokens.lower[range.start] === 'that') return true;
  let end = range.start;
  while (end < range.end && !/^[,;]$/.test(doc.word(end))) end++;
  const inside = (k: number): boolean => k >= range.start && k < end;
  for (let i = range.start; i < end; i++) {
    if (!/^(?:VERB|AUX)$/.test(doc.upos(i))) continue;
    if (children(doc, i).some((k) => inside(k) && (baseRelation(doc.tokens.deprel[k]) === 'nsubj' || (doc.tokens.deprel[k] === 'mark' && doc.tokens.lower[k] === 'to')))) return true;
  }
  return false;
}

/** "…, saying", "…, asking": a participle of a cue verb at token `i`. */
function isParticipleCue(doc: Doc, i: number): boolean {
  return doc.tokens.lower[i].endsWith('ing') && doc.upos(i) === 'VERB' && CUE_READINGS.has(doc.tokens.lemma[i]);
}

/** A gerund clause with no subordinator or subject of its own: "having any contact". */
function isBareGerund(doc: Doc, k: number): boolean {
  if (k < 0 || !doc.tokens.lower[k].endsWith('ing') || doc.upos(k) !== 'VERB') return false;
  return !children(doc, k).some((c) => /^(?:mark|nsubj|advmod)$/.test(baseRelation(doc.tokens.deprel[c])) && c < k);
}

/** "ordered the firm to pay": the parser hangs the infinitive on the object, not on the verb. */
function objectTakesInfinitive(doc: Doc, v: number): boolean {
  const object = childrenWith(doc, v, 'obj')[0];
  return object !== undefined && childrenWith(doc, object, 'acl').some((k) => childrenWith(doc, k, 'mark').some((m) => doc.tokens.lower[m] === 'to'));
}

function objectIsReported(doc: Doc, v: number): boolean {
  const object = childrenWith(doc, v, 'obj')[0];
  if (object === undefined) return true;
  if (REPORTED_OBJECTS.test(doc.tokens.lower[object]) || mentionTypeAt(doc, object) !== doc.upos(object)) return true;
  // "attacked the bill as unconstitutional", "slammed them for …"
  return children(doc, v).some((k) => k > object && children(doc, k).some((c) => /^(?:as|for|over)$/.test(doc.tokens.lower[c])));
}

/** The "quoted" of "quoted as saying" / "cited as saying" before token `saying`, or −1. */
function quotedAsSaying(doc: Doc, saying: number, sentStart: number): number {
  const quoted = saying - 2;
  if (quoted < sentStart || doc.tokens.lower[saying] !== 'saying' || doc.tokens.lower[saying - 1] !== 'as') return -1;
  return /^(?:quoted|cited)$/.test(doc.tokens.lower[quoted]) ? quoted : -1;
}

/**
 * The cue's own subject when it stands before it, outside quote marks, as a phrase; failing the
 * parse (a name it mistags: "Xi/INTJ , for his part ,"), a name that opens the sentence and is
 * closed by a comma. Else null.
 */
function subjectBefore(doc: Doc, v: number, sentStart: number, regionOf: Int32Array): TokenRange | null {
  const subject = childrenWith(doc, v, 'nsubj').find((k) => k >= sentStart && k < v && regionOf[k] < 0);
  // "One of them, Amy Collins, said": a number heads the subject too.
  if (subject !== undefined && /^(?:NOUN|PROPN|PRON|ADJ|NUM)$/.test(doc.upos(subject))) {
    const { tokenStart, tokenEnd } = subtreeSpan(doc, subject);
    return tokenStart >= sentStart && tokenEnd <= v ? { start: tokenStart, end: tokenEnd } : null;
  }
  const name = mentionStartingAt(doc, sentStart);
  return name && name.end < v && doc.word(name.end) === ',' ? name : null;
}

/** The subject verb `v` shares with the verb it is coordinated with or depends on, from the parse. */
function sharedSubject(doc: Doc, v: number, sentStart: number, regionOf: Int32Array): TokenRange | null {
  const subject = subjectHead(doc, v);
  if (subject < sentStart || subject >= v || regionOf[subject] >= 0 || !/^(?:NOUN|PROPN|PRON)$/.test(doc.upos(subject))) return null;
  const { tokenStart, tokenEnd } = subtreeSpan(doc, subject);
  return tokenStart >= sentStart && tokenEnd <= v ? { start: tokenStart, end: tokenEnd } : null;
}

/**
 * "After saying her foot was “so swollen …,” she was taken to hospital": a gerund phrase that
 * opens the sentence shares the subject of the main clause after its comma.
 */
function subjectAfterOpening(doc: Doc, v: number, sentEnd: number, regionOf: Int32Array): TokenRange | null {
  const subject = subjectHead(doc, v);
  if (subject <= v || subject >= sentEnd || regionOf[subject] >= 0 || !/^(?:NOUN|PROPN|PRON)$/.test(doc.upos(subject))) return null;
  const { tokenStart, tokenEnd } = subtreeSpan(doc, subject);
  return doc.word(tokenStart - 1) === ',' && tokenEnd <= sentEnd ? { start: tokenStart, end: tokenEnd } : null;
}

/**
 * "criticised him for saying that …", "was criticised for saying that …", "apologised for saying
 * …": the object of the verb a gerund cue hangs on says it, else that verb's own subject. Not a
 * subject further up ("called on Dean to apologise for suggesting …" is Dean's), and only a
 * clause: "apologise for describing the situation accurately" is no report.
 */
function speakerOfBlamed(doc: Doc, v: number, sentStart: number): TokenRange | null {
  const verb = doc.tokens.head[v];
  if (verb < 0 || !(doc.tokens.lower[v + 1] === 'that' || childrenWith(doc, v, 'ccomp').length > 0)) return null;
  const speaker = childrenWith(doc, verb, 'obj').find((k) => k < v && /^(?:PROPN|PRON)$/.test(doc.upos(k))) ??
    children(doc, verb).find((k) => k < v && SUBJECT_OF_BLAMED.has(doc.tokens.deprel[k]) && /^(?:NOUN|PROPN|PRON)$/.test(doc.upos(k)));
  if (speaker === undefined) return null;
  const { tokenStart, tokenEnd } = subtreeSpan(doc, speaker);
  return tokenStart >= sentStart && tokenEnd <= v ? { start: tokenStart, end: tokenEnd } : null;
}

const SUBJECT_OF_BLAMED = new Set(['nsubj', 'nsubj:pass']);

/** The tokens of the mention that starts at token `i`, if any (mentions are sorted by start). */
function mentionStartingAt(doc: Doc, i: number): TokenRange | null {
  const offset = doc.tokens.start[i];
  let low = 0;
  for (let high = doc.mentions.length; low < high; ) {
    const middle = (low + high) >> 1;
    if (doc.mentions[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  const m = doc.mentions[low];
  return m && m.start === offset ? { start: m.tokenStart, end: m.tokenEnd } : null;
}

/**
 * A passive cue ("was described as", "is expected to", "was told"): its subject is not the
 * speaker. The passive auxiliary must stand between the rule's speaker and the verb, so a
 * misparse elsewhere in the sentence does not count.
 */
function isPassive(doc: Doc, v: number, source: TokenRange): boolean {
  return children(doc, v).some((k) => doc.tokens.deprel[k] === 'aux:pass' && k >= source.end && k < v);
}

/**
 * "“…,” Blackburn manager Jon Dahl Tomasson said": capitalised words the tagger took for verbs or
 * adjectives, between a closing mark or comma and the speaker phrase, are names in it.
 */
function withMistaggedNames(doc: Doc, source: TokenRange, sentStart: number): TokenRange {
  let start = source.start;
  while (start - 1 > sentStart && /^(?:VERB|ADJ)$/.test(doc.upos(start - 1)) && /^\p{Lu}/u.test(doc.word(start - 1))) start--;
  if (start === source.start) return source;
  const before = doc.word(start - 1);
  return QUOTE_MARKS.has(before) || before === ',' ? { start, end: source.end } : source;
}

/**
 * The rule's speaker phrase with the parse's edges: the subject's whole subtree ("A reporter for
 * USA Today", "Rep. Jim Clyburn (D-S.C.), the assistant leader …"), with the comma that closes
 * an appositive before the cue, as annotators mark it.
 */
function sharpenedSource(doc: Doc, verb: number, rule: TokenRange): TokenRange {
  // "As the economist John Kay has argued, …": the subordinator is no part of the speaker.
  const source = SUBORDINATORS.has(doc.tokens.lower[rule.start]) && rule.end - rule.start > 1 ? { start: rule.start + 1, end: rule.end } : rule;
  let parsed = parsedSource(doc, verb, source) ?? source;
  while (parsed.start < source.start && /^(?:case|mark)$/.test(doc.tokens.deprel[parsed.start])) parsed = { start: parsed.start + 1, end: parsed.end };
  // "Farmers' groups said": a possessor the parser hung on the verb is still the speaker's.
  if (parsed.start > source.start && (doc.tokens.lower[parsed.start - 1] === "'s" || doc.tokens.lower[parsed.start - 1] === "'")) parsed = { start: source.start, end: parsed.end };
  // "…, the Metropolitan Police said": the parser may hang the article on the verb; it is the speaker's.
  if (parsed.start - 1 >= source.start && doc.upos(parsed.start - 1) === 'DET' && doc.tokens.head[parsed.start - 1] === verb) parsed = { start: parsed.start - 1, end: parsed.end };
  // "Q: Your opponent, Councilman Greg Pirelli, says": a label before a colon is no part of it.
  for (let k = source.start - 1; k >= parsed.start; k--) {
    if (doc.word(k) === ':') {
      parsed = { start: k + 1, end: parsed.end };
      break;
    }
  }
  // "which it says": the parse may hang the speaker under the relative pronoun.
  if (parsed.end - parsed.start > 1 && RELATIVE_PRONOUNS.has(doc.tokens.lower[parsed.start])) parsed = { start: parsed.start + 1, end: parsed.end };
  parsed = withoutTime(doc, parsed);
  if (parsed.end < verb && doc.word(parsed.end) === ',' && hasComma(doc, parsed)) return { start: parsed.start, end: parsed.end + 1 };
  return parsed;
}

/** Words of a time adverbial between a subject and its verb, at most ("just this month"). */
const MAX_TIME_WORDS = 4;
const TIME_OPENERS = /^(?:at|in|on|this|last|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight)$/;

/** Words a participle phrase between a speaker and its verb runs to at most ("waiting at the stop outside"). */
const MAX_PARTICIPLE_PHRASE = 8;

/**
 * '"Progress," a bus driver waiting at the stop outside said': the phrase before the verb is the
 * object of a participle that describes the speaker, who stands before it after the quotation.
 */
function withParticiplePhrase(doc: Doc, source: TokenRange, sentStart: number): TokenRange {
  if (source.start - 1 <= sentStart || doc.upos(source.start - 1) !== 'ADP') return source;
  for (let k = source.start - 2; k > sentStart && source.start - k <= MAX_PARTICIPLE_PHRASE; k--) {
    if (!/^(?:VBG|VBN)$/.test(doc.tokens.tag[k])) continue;
    const speaker = nounPhraseEndingAt(doc, k - 1, sentStart);
    if (!speaker) return source;
    const before = speaker.start - 1;
    const opens = before < sentStart || isQuoteMark(doc.word(before)) || doc.word(before) === ',';
    return opens ? { start: speaker.start, end: source.end } : source;
  }
  return source;
}

/** Time words that open a clause before its subject: "Today three judges said". */
const LEADING_TIMES = new Set(['today', 'yesterday', 'tonight', 'now']);

/** "The Taliban on Saturday denied", "Federal prosecutors in April said": the time is the verb's, not the speaker's. */
function withoutTime(doc: Doc, source: TokenRange): TokenRange {
  if (source.end - source.start > 1 && LEADING_TIMES.has(doc.tokens.lower[source.start]) && doc.upos(source.start + 1) !== 'PART' && !/^\p{Lu}/u.test(doc.word(source.start + 1))) {
    return withoutTime(doc, { start: source.start + 1, end: source.end });
  }
  for (let k = source.start + 1; k < source.end; k++) {
    // Not a time inside an aside ("Halbrook, which floated in 2019,"), which is the aside's.
    if (doc.word(k) === ',') return source;
    // Not an adverb the time words hold ("A minister, speaking privately,"); one before the time goes with it ("just this month").
    if (!TIME_OPENERS.test(doc.tokens.lower[k])) continue;
    let end = k;
    while (end - 1 > source.start && doc.upos(end - 1) === 'ADV') end--;
    if (!/^(?:NOUN|PROPN)$/.test(doc.upos(end - 1))) continue;
    if (timeAdverbialLength(doc, k, source.end) === source.end - k) return { start: source.start, end };
  }
  return source;
}

function hasComma(doc: Doc, range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (doc.word(k) === ',') return true;
  return false;
}

/**
 * "listeners … who said", "which he said": a relative pronoun stands for the noun phrase before it;
 * a leading relative pronoun is dropped from a longer phrase.
 */
function antecedentOfRelative(doc: Doc, source: TokenRange, sentStart: number): TokenRange {
  if (!RELATIVE_PRONOUNS.has(doc.tokens.lower[source.start])) return source;
  if (source.end - source.start > 1) return { start: source.start + 1, end: source.end };
  let last = source.start - 1;
  if (last >= sentStart && doc.word(last) === ',') last--;
  return (last >= sentStart ? nounPhraseEndingAt(doc, last, sentStart) : null) ?? source;
}

/**
 * "Petrie, whose campaign focused on flood defences, said …": after a relative clause between commas
 * the sentence's own verb goes on; it is no content resumed around a parenthetical cue.
 */
function opensWithRelative(doc: Doc, source: TokenRange): boolean {
  return doc.tokens.lower[source.start] === 'whose' || RELATIVE_PRONOUNS.has(doc.tokens.lower[source.start]);
}

/**
 * "an analyst who advised the previous government and who has argued": the second relative clause's
 * subject is its pronoun alone, which stands for what the first follows (speakers.ts resolves it).
 */
function coordinatedRelative(doc: Doc, source: TokenRange): TokenRange {
  const last = source.end - 1;
  const coordinated = last - 1 > source.start && RELATIVE_PRONOUNS.has(doc.tokens.lower[last]) && doc.tokens.lower[last - 1] === 'and';
  return coordinated ? { start: last, end: source.end } : source;
}

interface RestAfterCue {
  /** First token of the content after the cue, or sentEnd when nothing follows. */
  next: number;
  addressee: TokenRange | null;
  /** True when a comma and a new quote follow: "“A,” he said, “B.”" */
  resumes: boolean;
  /** True when the clause ends after the cue (sentence end or a comma): its content came before. */
  closes: boolean;
}

const CONNECTIVES = new Set(['however', 'though', 'nonetheless', 'nevertheless', 'too', 'also', 'again', 'instead', 'meanwhile', 'moreover', 'furthermore', 'therefore', 'privately', 'publicly']);

/** Skips the addressee ("told Al Jazeera"), the medium, time adverbials and connectives after a cue. */
function restAfterCue(doc: Doc, from: number, sentEnd: number, lemma: string, regionOf: Int32Array): RestAfterCue {
  let i = from;
  let addressee: TokenRange | null = null;
  if (TELL_LIKE.has(lemma) || (doc.tokens.lower[i] === 'to' && SPOKE_TO.has(lemma))) {
    // "told Al Jazeera", "said to the Republican nominee"
    addressee = nounPhraseStartingAt(doc, doc.tokens.lower[i] === 'to' ? i + 1 : i, sentEnd);
    if (addressee) addressee = parsedAddressee(doc, from - 1, addressee);
    // "told an audience of reporters and developers:": whom it was told runs over "and".
    while (addressee && doc.tokens.lower[addressee.end] === 'and') {
      const more = nounPhraseStartingAt(doc, addressee.end + 1, sentEnd);
      // Not the next clause's subject: "told reporters and she said nothing".
      if (!more || (more.end < sentEnd && /^(?:AUX|VERB)$/.test(doc.upos(more.end)))) break;
      addressee = { start: addressee.start, end: more.end };
    }
    // "warned it could climb": a subject pronoun before its verb opens the content.
    if (addressee && addressee.end - addressee.start === 1 && SUBJECT_PRONOUNS.has(doc.tokens.lower[addressee.start]) &&
      addressee.end < sentEnd && /^(?:AUX|VERB)$/.test(doc.upos(addressee.end))) addressee = null;
    if (addressee) i = addressee.end;
  }
  for (;;) {
    const medium = mediumAt(doc, i, sentEnd);
    if (medium) {
      addressee ??= medium.np;
      i = medium.end;
      continue;
    }
    const aside = citingAsideEnd(doc, i, sentEnd);
    if (aside > 0) {
      i = aside + 1;
      continue;
    }
    // "She cautioned, however, that …": a connective set off by commas.
    if (doc.word(i) === ',' && i + 2 < sentEnd && CONNECTIVES.has(doc.tokens.lower[i + 1]) && doc.word(i + 2) === ',') {
      i += 3;
      continue;
    }
    // "He had told her, she says, that …": another's report set off by commas.
    const reportAside = reportAsideLength(doc, i, sentEnd);
    if (reportAside > 0) {
      i += reportAside;
      continue;
    }
    // "told Reuters by phone": how it was said.
    const channel = channelLength(doc, i, sentEnd);
    if (channel > 0) {
      i += channel;
      continue;
    }
    const time = timeAdverbialLength(doc, i, sentEnd);
    if (time === 0) break;
    i += time;
  }
  // "said at a Washington event this month." — a closing place or occasion, then the end.
  if (CLOSING_PREPOSITIONS.has(doc.tokens.lower[i] ?? '')) {
    const np = nounPhraseStartingAt(doc, i + 1, sentEnd);
    if (np) {
      let k = np.end;
      for (let time = timeAdverbialLength(doc, k, sentEnd); time > 0; time = timeAdverbialLength(doc, k, sentEnd)) k += time;
      if (k >= sentEnd || isTrailingPunctuation(doc, k)) i = k;
    }
  }
  // "“…,” she says, heaving a bag onto its side, “until …”": what the speaker does meanwhile, then the quotation again.
  if (doc.word(i) === ',' && doc.tokens.tag[i + 1] === 'VBG' && regionOf[i + 1] < 0) {
    let k = i + 2;
    while (k < sentEnd && doc.word(k) !== ',' && regionOf[k] < 0) k++;
    if (k + 1 < sentEnd && doc.word(k) === ',' && regionOf[k + 1] >= 0) i = k;
  }
  let next = i;
  while (next < sentEnd && isTrailingPunctuation(doc, next) && doc.word(next) !== ':') next++;
  const resumes = next < sentEnd && regionOf[next] >= 0 && i < next;
  const closes = next >= sentEnd || (i < sentEnd && (doc.word(i) === ',' || doc.word(i) === ';'));
  if (next >= sentEnd || resumes) return { next, addressee, resumes, closes };
  if (doc.word(i) === ':') i++;
  return { next: i, addressee, resumes: false, closes };
}

/**
 * "The Daily Ledger, citing three people familiar with the matter, said …": what an aside's
 * "citing" cites ends at the aside's closing comma; the statement after it is the main verb's.
 */
function endAtAside(doc: Doc, hit: CueHit, found: Found, sentEnd: number): void {
  const at = hit.tokens.start;
  if (at === 0 || doc.word(at - 1) !== ',') return;
  for (let k = hit.tokens.end; k < sentEnd; k++) {
    if (doc.word(k) !== ',') continue;
    const end = doc.tokens.start[k];
    const [first] = found.content;
    if (first.start < end && first.end > end) found.content = [{ ...first, end }];
    return;
  }
}

/**
 * "reported on Sunday, citing unnamed sources, that …": at `i` a comma opens a participle aside
 * that a comma and "that" close. The closing comma's index, or −1.
 */
function citingAsideEnd(doc: Doc, i: number, sentEnd: number): number {
  if (doc.word(i) !== ',' || i + 1 >= sentEnd || doc.upos(i + 1) !== 'VERB' || !doc.tokens.lower[i + 1].endsWith('ing')) return -1;
  for (let k = i + 2; k < Math.min(sentEnd - 1, i + 20); k++) {
    if (doc.word(k) === ',') return doc.tokens.lower[k + 1] === 'that' ? k : -1;
  }
  return -1;
}

/**
 * The rule's addressee cut to the parse's object of the cue: "told the court he was innocent"
 * keeps "he" for the content. The rule's phrase stands when the parse has no such object.
 */
function parsedAddressee(doc: Doc, cue: number, rule: TokenRange): TokenRange {
  // A subject pronoun never ends an addressee, however the parser reads it; an article right after
  // a noun opens the next phrase ("told investors the service would launch").
  for (let k = rule.start + 1; k < rule.end; k++) {
    if (doc.upos(k) === 'PRON' && SUBJECT_PRONOUNS.has(doc.tokens.lower[k])) return { start: rule.start, end: k };
    if (ARTICLES.has(doc.tokens.lower[k]) && /^(?:NOUN|PROPN)$/.test(doc.upos(k - 1))) return { start: rule.start, end: k };
  }
  const object = children(doc, cue).find((k) => k >= rule.start && k < rule.end && /^(?:iobj|obj|obl)$/.test(baseRelation(doc.tokens.deprel[k])));
  if (object === undefined) return rule;
  const { tokenStart, tokenEnd } = subtreeSpan(doc, object);
  return tokenStart >= rule.start && tokenEnd < rule.end ? { start: rule.start, end: tokenEnd } : rule;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const ARTICLES = new Set(['the', 'a', 'an']);
const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today',
  'yesterday', 'tonight', 'earlier', 'later', 'recently', 'again', 'repeatedly', 'publicly', 'privately', 'previously',
  'also', 'once', 'then', 'now', 'too', 'instead', 'ago', 'afterwards', 'afterward']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const NUMBER_WORDS = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'several']);
const UNITS_OF_TIME = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const PERIODS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'day', 'time']);
const RELATIVE = new Set(['this', 'last', 'next', 'that', 'each', 'every']);
const PLATFORMS = new Set(['x', 'twitter', 'facebook', 'instagram', 'telegram', 'tiktok', 'linkedin', 'youtube', 'threads', 'bluesky', 'weibo', 'truth', 'social', 'mastodon', 'substack']);
const STATEMENT_NOUNS = /^(?:statement|interview|speech|letter|post|tweet|email|e-mail|call|remarks|comments|briefing|conference|address|video|op-ed|memo|report|filing|release|message|appearance|note|newsletter|column|essay|article|book|memoir|podcast|presentation|submission|affidavit|notice)$/;

/** Length in tokens of a time adverbial or "in a statement" phrase at `i` (0 when none). */
function timeAdverbialLength(doc: Doc, i: number, end: number): number {
  const w = (k: number): string => (k < end ? doc.tokens.lower[k] : '');
  if (DAYS.has(w(i))) {
    let n = 1;
    while (PERIODS.has(w(i + n)) || (RELATIVE.has(w(i + n)) && PERIODS.has(w(i + n + 1)))) n++;
    // "condemned Wednesday's attack": a possessive day opens the object.
    return w(i + n) === "'s" || w(i + n) === '’s' ? 0 : n;
  }
  // "said late Thursday", "said early this week"
  if ((w(i) === 'late' || w(i) === 'early') && (DAYS.has(w(i + 1)) || RELATIVE.has(w(i + 1)) || PERIODS.has(w(i + 1)))) {
    const rest = timeAdverbialLength(doc, i + 1, end);
    return rest > 0 ? rest + 1 : PERIODS.has(w(i + 1)) ? 2 : 0;
  }
  if (RELATIVE.has(w(i)) && PERIODS.has(w(i + 1))) return 2;
  // "replied 17 seconds later", "said two days ago"
  if ((/^\d+$/.test(w(i)) || NUMBER_WORDS.has(w(i))) && UNITS_OF_TIME.has(w(i + 1)) && /^(?:later|earlier|ago)$/.test(w(i + 2))) return 3;
  // "at one point threatened", "at times said", "at first denied"
  if (w(i) === 'at' && w(i + 1) === 'one' && (w(i + 2) === 'point' || w(i + 2) === 'stage')) return 3;
  if (w(i) === 'at' && (w(i + 1) === 'times' || w(i + 1) === 'first')) return 2;
  // "told in September", "said in March 2024"
  if (w(i) === 'in' && MONTHS.has(w(i + 1))) return /^\d{4}$/.test(w(i + 2)) ? 3 : 2;
  // "wrote in 2015"
  if (w(i) === 'in' && /^(?:1[89]|20)\d\d$/.test(w(i + 1))) return 2;
  if (w(i) === 'on' && (DAYS.has(w(i + 1)) || /^\d/.test(w(i + 1)))) {
    let n = 2;
    while (PERIODS.has(w(i + n))) n++;
    return n;
  }
  if ((w(i) === 'in' || w(i) === 'during' || w(i) === 'on') && i + 1 < end) {
    let k = i + 1;
    while (k < end && k < i + 5 && !STATEMENT_NOUNS.test(w(k)) && /^(?:a|an|the|his|her|their|its|a|written|televised|separate|recent|joint|brief|new|phone|radio|tv|television|blog|research)$/.test(w(k))) k++;
    if (STATEMENT_NOUNS.test(w(k))) return k + 1 - i;
  }
  return 0;
}

/** "by phone", "by text message", "by video link": the length of a channel phrase at `i`, or 0. */
function channelLength(doc: Doc, i: number, end: number): number {
  const { lower } = doc.tokens;
  if (lower[i] !== 'by' || i + 1 >= end || !CHANNELS.has(lower[i + 1])) return 0;
  return i + 2 < end && CHANNEL_NOUNS.has(lower[i + 2]) ? 3 : 2;
}
const CHANNELS = new Set(['phone', 'telephone', 'email', 'e-mail', 'text', 'video', 'letter']);
const CHANNEL_NOUNS = new Set(['message', 'link', 'call']);

/** "in remarks carried by Russian media", "…with the BBC": the medium that carried the statement. */
function mediumAt(doc: Doc, i: number, end: number): { np: TokenRange; end: number } | null {
  const w = (k: number): string => (k < end ? doc.tokens.lower[k] : '');
  let k = i;
  const statement = timeAdverbialLength(doc, k, end);
  if (statement > 0 && STATEMENT_NOUNS.test(w(k + statement - 1))) k += statement;
  let lead = -1;
  if (MEDIUM_LEAD.test(w(k)) && w(k + 1) === 'by') lead = k + 2;
  // "he said according to a transcript": the record the words come from, not a second source.
  else if (w(k) === 'according' && w(k + 1) === 'to') lead = k + 2;
  // "was quoted as saying by Interfax"
  else if (w(k) === 'by' && k === i && doc.tokens.lower[i - 1] === 'saying' && doc.tokens.lower[i - 2] === 'as') lead = k + 1;
  else if (k > i && (w(k) === 'with' || w(k) === 'to' || w(k) === 'on')) lead = k + 1;
  // "wrote on X that …", "said on Twitter"
  else if (w(k) === 'on' && PLATFORMS.has(w(k + 1))) lead = k + 1;
  if (lead < 0) return null;
  const np = nounPhraseStartingAt(doc, lead, end);
  if (!np) return null;
  // "according to a transcript released by the court": the medium's own modifiers end with it.
  // A clause after it ("said in a statement that …") is the content, however the parse hangs it.
  if (np.end >= end || doc.tokens.lower[np.end] === 'that' || doc.word(np.end) === ',') return { np, end: np.end };
  const { tokenEnd } = subtreeSpan(doc, np.end - 1);
  return { np, end: Math.min(end, Math.max(np.end, tokenEnd)) };
}

/** Content after the cue: to the end of the sentence, or of the quote it opens. */
function contentAfter(
  doc: Doc, i: number, sentEnd: number, lemma: string, regions: QuoteRegion[], regionOf: Int32Array, toComma: boolean,
): Span | null {
  let end = sentEnd;
  if (regionOf[i] >= 0) {
    end = regions[regionOf[i]].last + 1;
    // 'has warned ministers “for years” that the industry was …': a quoted phrase of time or manner
    // before the verb's that-clause tells when or how; the clause is what was said. (Not a quoted
    // noun the clause completes: 'found “evidence” that Clinton potentially violated …'.)
    const adverbial = /^(?:ADP|ADV)$/.test(doc.upos(regions[regionOf[i]].open + 1));
    if (adverbial && end < sentEnd && doc.tokens.lower[end] === 'that' && regionOf[end] < 0 && doc.tokens.deprel[end] === 'mark') return contentAfter(doc, end, sentEnd, lemma, regions, regionOf, toComma);
  } else {
    // Stop before a following participial cue ("…, saying …"), a contrast (", while the office
    // declined …"), or at the comma closing a subordinate clause.
    for (let k = i + 1; k < sentEnd - 1; k++) {
      // "Israel denies striking aid convoy; UN demands inquiry": a semicolon ends a reported clause.
      if (doc.word(k) === ';' && regionOf[k] < 0) {
        end = k;
        break;
      }
      const next = doc.tokens.lower[k + 1];
      const contrast = next === 'while' || next === 'whereas';
      if (doc.word(k) === ',' && regionOf[k] < 0 && (toComma || contrast || (next.endsWith('ing') && doc.upos(k + 1) === 'VERB' && CUE_READINGS.has(doc.tokens.lemma[k + 1])))) {
        end = k;
        break;
      }
    }
    // A quote that opens inside the content ends with it, even past the sentence.
    if (regionOf[end - 1] >= 0) end = Math.max(end, regions[regionOf[end - 1]].last + 1);
    while (end > i + 1 && isTrailingPunctuation(doc, end - 1) && regionOf[end - 1] < 0) end--;
  }
  const lower = doc.tokens.lower[i];
  // A headline leaves out the verb: "Council leader says bin strike deal ‘within reach’".
  // (A clause the parse hangs on the cue is one whatever its tags: "said the charges related/JJ mainly to …".)
  if (!TAKES_OBJECT.has(lemma) && lower !== 'that' && lower !== 'to' && regionOf[i] < 0 && !hasVerb(doc, i, end) && !isComplementOfEarlier(doc, i, end) &&
    !isTitleCase(doc, i, end) && !(isHeadline(doc, i) && quotesWithin({ start: i, end }, regionOf))) return null;
  return { start: doc.tokens.start[i], end: doc.tokens.end[end - 1] };
}

/** Whether a token of `[from, to)` heads a clause with its own subject there that complements a word before `from`. */
function isComplementOfEarlier(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (doc.tokens.deprel[k] !== 'ccomp' || doc.tokens.head[k] < 0 || doc.tokens.head[k] >= from) continue;
    if (children(doc, k).some((c) => c >= from && baseRelation(doc.tokens.deprel[c]) === 'nsubj')) return true;
  }
  return false;
}

/** Words a title leaves in lower case. */
const TITLE_LOWER_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'as', 'from']);

/**
 * "Obama Says African-American Museum Will Tell of …": in a title-case headline the tagger reads
 * the verbs as names, so a clause is taken on trust. Most words capitalised, at least three.
 */
function isTitleCase(doc: Doc, from: number, to: number): boolean {
  let words = 0;
  let capitalised = 0;
  for (let k = from; k < to; k++) {
    // The small words a title leaves in lower case count neither way ("Legend in the Coal Fields").
    if (!/^\p{L}/u.test(doc.word(k)) || TITLE_LOWER_WORDS.has(doc.word(k))) continue;
    words++;
    if (/^\p{Lu}/u.test(doc.word(k))) capitalised++;
  }
  return words >= 3 && capitalised >= 0.75 * words;
}

function isTrailingPunctuation(doc: Doc, i: number): boolean {
  return /^(?:[.,;:!?…]+)$/.test(doc.word(i));
}

function hasVerb(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.upos(k) === 'VERB' || doc.upos(k) === 'AUX') return true;
  return false;
}

/** "LONDON (AP) — British police …": the dateline and its dash open the paragraph, not the content. */
function afterDateline(doc: Doc, first: number, last: number): number {
  const dateline = doc.meta.dateline;
  if (!dateline || doc.tokens.start[first] > dateline.start || doc.tokens.end[first] <= dateline.start) return first;
  // The agency in parentheses goes with it: "LONDON (AP) —".
  const agency = doc.meta.source;
  const end = agency && agency.start <= dateline.end + 3 ? agency.end : dateline.end;
  let k = first;
  while (k <= last && doc.tokens.start[k] < end) k++;
  while (k <= last && (DASHES.has(doc.word(k)) || /^[:,)]$/.test(doc.word(k)))) k++;
  return k;
}

/** Content before the cue's clause: from the sentence start, or the opening mark of the quote that ends there. */
function contentBefore(doc: Doc, boundary: number, sentStart: number, regions: QuoteRegion[], regionOf: Int32Array): Span | null {
  if (boundary < sentStart) {
    const region = regions[regionOf[boundary]];
    return { start: doc.tokens.start[region.open], end: doc.tokens.end[region.last] };
  }
  let last = boundary;
  if (doc.word(boundary) === ',' && boundary > sentStart && regionOf[boundary - 1] >= 0) last = boundary - 1;
  let first = sentStart;
  if (regionOf[last] >= 0) {
    first = Math.min(first, regions[regionOf[last]].open);
  } else if (doc.word(last) === ',' || !QUOTE_MARKS.has(doc.word(last))) {
    last = boundary - 1;
  }
  if (regionOf[first] >= 0) first = regions[regionOf[first]].open;
  first = afterDateline(doc, first, last);
  // "And Mrs. Clinton now holds …, the poll found": the conjunction links the writer's sentences.
  if (first < last && regionOf[first] < 0 && /^(?:And|But)$/.test(doc.word(first))) first++;
  if (last < first) return null;
  return { start: doc.tokens.start[first], end: doc.tokens.end[last] };
}

/** After "…,” he said": a comma and a new quote continue the same statement. */
function resumedQuote(doc: Doc, from: number, sentEnd: number, regions: QuoteRegion[], regionOf: Int32Array): Span | null {
  let i = from;
  while (i < sentEnd && doc.word(i) === ',') i++;
  const limit = Math.min(doc.tokenCount, sentEnd + 1);
  if (i >= limit || regionOf[i] < 0 || regions[regionOf[i]].open !== i) return null;
  const region = regions[regionOf[i]];
  return { start: doc.tokens.start[region.open], end: doc.tokens.end[region.last] };
}

function extendAppositive(doc: Doc, np: TokenRange, sentEnd: number): TokenRange {
  if (np.end < sentEnd && doc.word(np.end) === ',') {
    const appositive = nounPhraseStartingAt(doc, np.end + 1, sentEnd);
    // "According to the police report, the driver was drunk": a noun phrase followed by its verb
    // is the next clause's subject, not an appositive.
    const next = appositive && appositive.end < sentEnd ? doc.upos(appositive.end) : '';
    if (appositive && next !== 'VERB' && next !== 'AUX') {
      // An appositive is closed by a comma, a relative clause or the sentence's end: "According to
      // the council's own figures, the libraries cost less …" (a verb tagged as a noun) is the next clause.
      const end = withAttachments(doc, appositive.end, sentEnd);
      let rest = end;
      while (rest < sentEnd && isTrailingPunctuation(doc, rest)) rest++;
      if (rest >= sentEnd || doc.word(end) === ',' || RELATIVE_PRONOUNS.has(doc.tokens.lower[end])) return { start: np.start, end };
    }
  }
  return { start: np.start, end: withAttachments(doc, np.end, sentEnd) };
}

/**
 * "…, said Brian Baker, an adviser who oversees the PAC's campaign.": a relative clause that ends
 * the sentence after an inverted speaker describes the speaker, unless it reports speech of its
 * own ("…, said the officials, who added that …").
 */
function withRelativeClause(doc: Doc, source: TokenRange, sentEnd: number): TokenRange {
  if (source.end >= sentEnd || !RELATIVE_PRONOUNS.has(doc.tokens.lower[source.end])) return source;
  let end = sentEnd;
  while (end > source.end && isTrailingPunctuation(doc, end - 1)) end--;
  for (let k = source.end + 1; k < end; k++) {
    if (doc.word(k) === ',' || (/^(?:VERB|AUX)$/.test(doc.upos(k)) && CUE_READINGS.has(doc.tokens.lemma[k]))) return source;
  }
  return { start: source.start, end };
}

/** Prepositions that attach a speaker's organisation or place: "a spokesman for the utility", "an analyst at Harrow Securities". */
const SPEAKER_ATTACHMENTS = new Set(['for', 'at', 'of', 'with', 'from']);

/**
 * Where a speaker phrase ending at `end` ends with the prepositional phrases that say whose or
 * where it is ("…, said a spokesman for the utility."), when the sentence or a relative clause
 * follows them: they are the speaker's, not the content.
 */
function withAttachments(doc: Doc, end: number, sentEnd: number): number {
  let k = end;
  // "an adviser to the family", but not "said Smith to reporters"; "founder and CEO of Iraq and
  // Afghanistan Veterans of America".
  const attaches = (i: number) => SPEAKER_ATTACHMENTS.has(doc.tokens.lower[i]) ||
    ((doc.tokens.lower[i] === 'to' || doc.tokens.lower[i] === 'and') && /^(?:NOUN|PROPN)$/.test(doc.upos(i - 1)));
  while (k < sentEnd && attaches(k)) {
    const np = nounPhraseStartingAt(doc, k + 1, sentEnd);
    if (!np) break;
    k = np.end;
  }
  return k > end && (k >= sentEnd || isTrailingPunctuation(doc, k) || RELATIVE_PRONOUNS.has(doc.tokens.lower[k])) ? k : end;
}

/** Verbs whose report an "according to" after it only sources: "He said …, according to a transcript". */
const SAYING = new Set(['say', 'tell', 'add', 'write', 'state']);

/** "According to X, …" and "…, according to X." */
function accordingTo(
  doc: Doc, hit: CueHit, sentStart: number, sentEnd: number, regions: QuoteRegion[], regionOf: Int32Array,
): Found | null {
  let before = hit.tokens.start - 1;
  if (before > sentStart && doc.word(before) === ',') before--;
  // "he said (,) according to a transcript": the medium of the cue before it (see mediumAt).
  if (before >= sentStart && doc.upos(before) === 'VERB' && CUE_READINGS.has(doc.tokens.lemma[before])) return null;
  // "He said the deal was fair, according to a transcript": the medium of the report before it.
  for (let k = sentStart; k < hit.tokens.start; k++) {
    if (doc.upos(k) === 'VERB' && SAYING.has(doc.tokens.lemma[k]) && childrenWith(doc, k, 'nsubj').some((n) => n < k)) return null;
  }
  // "according to our reporter Nadia Brooks": a possessive pronoun opens the phrase, not all of it.
  const possessive = doc.tokens.tag[hit.tokens.end] === 'PRP$';
  const np = nounPhraseStartingAt(doc, possessive ? hit.tokens.end + 1 : hit.tokens.end, sentEnd);
  if (!np) return null;
  let source = extendAppositive(doc, possessive ? { start: np.start - 1, end: np.end } : np, sentEnd);
  let content: Span | null = null;
  if (hit.tokens.start > sentStart + 1) {
    content = contentBefore(doc, hit.tokens.start - 1, sentStart, regions, regionOf);
  } else {
    // "According to people familiar with the matter, the company …": the source runs to the comma.
    const comma = sourceComma(doc, source.end, sentEnd);
    if (comma > 0) source = { start: source.start, end: comma };
    let i = source.end;
    if (i < sentEnd && doc.word(i) === ',') i++;
    let end = sentEnd;
    while (end > i + 1 && isTrailingPunctuation(doc, end - 1)) end--;
    if (i < end) content = { start: doc.tokens.start[i], end: doc.tokens.end[end - 1] };
  }
  if (!content) return null;
  return { cue: hit.cue, cueTokens: hit.tokens, source, content: [content], addressee: null, sentenceEnd: sentEnd };
}

/** Words a postmodifier of "according to" may run over before its comma: "people familiar with the matter". */
const MAX_SOURCE_MODIFIER = 8;

/**
 * The comma that ends a postmodifier right after an "according to" source ("familiar with the
 * matter", "close to the talks", "briefed on the plan"), or -1: no finite verb may come before it.
 */
function sourceComma(doc: Doc, from: number, sentEnd: number): number {
  if (from >= sentEnd || !/^(?:ADJ|VERB|ADP)$/.test(doc.upos(from))) return -1;
  for (let k = from; k < Math.min(sentEnd, from + MAX_SOURCE_MODIFIER); k++) {
    if (doc.word(k) === ',') return k;
    if (doc.upos(k) === 'AUX' || (doc.upos(k) === 'VERB' && !/^(?:VBN|VBG)$/.test(doc.tokens.tag[k]))) return -1;
  }
  return -1;
}

/** Nouns that can speak through a colon headline: "Poll: Clinton and Trump in dead heat". */
// Not "analysis": "Analysis: Jane Doe, Washington" labels a column.
const COLON_SPEAKERS = new Set(['poll', 'survey', 'study', 'report', 'watch']);

function hasScore(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^\d+-\d+$/.test(doc.word(i))) return true;
  return false;
}

/** "Sanders: Clinton needs to …", "Poll: …" — a short name or poll, a colon, then what they said. */
function colonAttributions(doc: Doc, regionOf: Int32Array, found: Found[]): Found[] {
  const cueStarts = sortedPositions(found.flatMap((f) => (f.cueTokens ? [f.cueTokens.start] : [])));
  const turnColons = new Set(doc.paragraphs.flatMap((p) => transcriptLabel(doc, p)?.colon ?? []));
  const out: Found[] = [];
  for (const sentence of doc.sentences) {
    const { tokenStart, tokenEnd } = sentence;
    let colon = tokenStart + 1;
    while (colon < Math.min(tokenEnd, tokenStart + 7) && doc.word(colon) !== ':') colon++;
    if (colon >= tokenEnd - 3 || doc.word(colon) !== ':' || regionOf[colon] >= 0) continue;
    const headPos = doc.upos(colon - 1);
    if (!(headPos === 'PROPN' || COLON_SPEAKERS.has(doc.tokens.lower[colon - 1]))) continue;
    const dateline = doc.meta.dateline;
    if (dateline && doc.tokens.start[colon] <= dateline.end + 1 && doc.tokens.end[colon - 1] >= dateline.start) continue;
    let source = nounPhraseEndingAt(doc, colon - 1, tokenStart);
    if (!source || source.start !== tokenStart) continue;
    // "A Curious Plan to Fight Climate Change: Buy Mines, Sell Coal": a speaker has a name, not
    // "a"; "A lesson from Loretta Lynch: …" has it after "from".
    if (/^an?$/.test(doc.tokens.lower[tokenStart]) && !COLON_SPEAKERS.has(doc.tokens.lower[colon - 1])) {
      let from = colon - 1;
      while (from > tokenStart && doc.tokens.lower[from] !== 'from') from--;
      if (from === tokenStart || doc.upos(from + 1) !== 'PROPN') continue;
      source = { start: from + 1, end: colon };
    }
    let label = tokenStart;
    while (label < colon && isPageLabelWord(doc.tokens.lower[label])) label++;
    // "Q&A with fire chief Lisa Tran: …" introduces whom a page is with; "Storm Idris live: …" names a live page.
    if (label === colon || (label > tokenStart && doc.tokens.lower[label] === 'with') || (isPageLabelWord(doc.tokens.lower[colon - 1]) && !COLON_SPEAKERS.has(doc.tokens.lower[colon - 1]))) continue;
    // "Hartfield Town 2-2 Kingsbridge Rovers: …": a result, not a speaker.
    if (hasScore(doc, tokenStart, colon)) continue;
    // "TRAN: Because …" opens a transcript turn, which runs to the end of its paragraph.
    if (turnColons.has(colon)) continue;
    if (cueStarts.some(tokenStart, tokenEnd)) continue;
    let end = tokenEnd;
    while (end > colon + 2 && isTrailingPunctuation(doc, end - 1)) end--;
    // "Analysis: Jane Doe, Washington", "Campaign ID: 1234": a label, not a statement. A title-case
    // headline hides its verb from the tagger ("Poll: Wealthy Voters Abandon Republican Party"),
    // so a longer content passes without one.
    if (!hasVerb(doc, colon + 1, end) && (end - colon - 1 < 5 || isStatisticsList(doc, colon + 1, end))) continue;
    const cue = makeCue(doc, { start: colon, end: colon + 1 }, ':', 'assert', false);
    out.push({
      cue: cue.cue, cueTokens: cue.tokens, source, addressee: null, sentenceEnd: tokenEnd,
      content: [{ start: doc.tokens.start[colon + 1], end: doc.tokens.end[end - 1] }],
    });
  }
  return out;
}

/** "Heat: Mbeki 38, Whitlow 19, Adjei 14": a list whose every item ends in a number is a team's figures. */
function isStatisticsList(doc: Doc, from: number, end: number): boolean {
  let items = 0;
  for (let k = from + 1; k <= end; k++) {
    if (k < end && doc.word(k) !== ',') continue;
    if (doc.upos(k - 1) !== 'NUM') return false;
    items++;
  }
  return items >= 2;
}

/**
 * "told reporters in New York that the route had been cleared": a prepositional phrase between the
 * cue and its that-clause belongs to the telling, not to what was told.
 */
function fromReportedClause(doc: Doc, content: Span): Span {
  const start = doc.tokenAt(content.start);
  // A participle describes the medium: "said in a statement released by his lawyer that …".
  const participle = (k: number): boolean => doc.tokens.tag[k] === 'VBN';
  // Only a prepositional phrase: "denied reports that …" denies the reports. The content may start
  // inside one: "said in a statement on its | website that …".
  const insidePhrase = start > 0 && (/^(?:ADP|DET)$/.test(doc.upos(start - 1)) || doc.tokens.tag[start - 1] === 'PRP$');
  if (doc.upos(start) !== 'ADP' && !participle(start) && !insidePhrase) return content;
  for (let k = start; k < doc.tokenCount && doc.tokens.start[k] < content.end; k++) {
    if (doc.tokens.lower[k] === 'that' && baseRelation(doc.tokens.deprel[k]) === 'mark') {
      return k > start ? { start: doc.tokens.start[k], end: content.end } : content;
    }
    // Only a phrase may stand before it: no clause, no quote, no list.
    if (/^(?:VERB|AUX|PUNCT|SCONJ|CCONJ)$/.test(doc.upos(k)) && !participle(k)) return content;
  }
  return content;
}

const TEMPORAL_SUBORDINATORS = new Set(['after', 'before', 'as', 'when', 'while', 'whereas']);
const FINITE_REPORT_TAGS = new Set(['VBD', 'VBZ', 'VBP']);
/** Tokens after a temporal subordinator within which its clause's report verb is looked for. */
const FRAMING_REPORT_REACH = 8;

/**
 * "denied that its forces had fired on the convoy, after the United Nations said …": a temporal
 * clause after a comma that holds a report of its own is the writer's framing, not the content.
 */
function beforeFramingReport(doc: Doc, content: Span, regionOf: Int32Array): Span {
  const start = doc.tokenAt(content.start);
  for (let k = start + 1; k < doc.tokenCount - 1 && doc.tokens.end[k] < content.end; k++) {
    if (doc.word(k) !== ',' || regionOf[k] >= 0 || !TEMPORAL_SUBORDINATORS.has(doc.tokens.lower[k + 1])) continue;
    const { tokenEnd } = subtreeSpan(doc, doc.tokens.head[k + 1] >= 0 ? doc.tokens.head[k + 1] : k + 1);
    // The clause's report, from the parse, or (when the parse broke the clause up: "after a
    // British newspaper/obl reported/punct") a finite report verb right after a noun.
    const reportsAt = (j: number): boolean => doc.upos(j) === 'VERB' && CUE_READINGS.has(doc.tokens.lemma[j]) &&
      (childrenWith(doc, j, 'nsubj').length > 0 || (FINITE_REPORT_TAGS.has(doc.tokens.tag[j]) && /^(?:NOUN|PROPN|PRON)$/.test(doc.upos(j - 1))));
    for (let j = k + 2; j < Math.max(tokenEnd, Math.min(k + FRAMING_REPORT_REACH, doc.tokenCount)) && doc.tokens.end[j] <= content.end; j++) {
      if (reportsAt(j)) return { start: content.start, end: doc.tokens.end[k - 1] };
    }
  }
  return content;
}

/**
 * "Smith said Jones was lying, and Jones said Smith was": a second report coordinated with the
 * cue (a `conj` cue verb in the parse) ends the first one's content, with its "and" and comma.
 */
function beforeCoordinatedReport(doc: Doc, v: number, content: Span): Span {
  // UD hangs every conjunct on the first: a cue that is itself a conjunct has its next ones as siblings.
  const laterConjuncts = baseRelation(doc.tokens.deprel[v]) === 'conj' ? childrenWith(doc, doc.tokens.head[v], 'conj').filter((k) => k > v) : [];
  // "denied the charges against him and will stand trial": a verb coordinated with an object-taking
  // cue right after its object, opened by "and" or "but", is the speaker's next act, not part of
  // what was denied.
  const first = doc.tokenAt(content.start);
  const object = TAKES_OBJECT.has(doc.tokens.lemma[v]) ? childrenWith(doc, v, 'obj').find((o) => subtreeSpan(doc, o).tokenStart === first) : undefined;
  const objectEnd = object === undefined ? -1 : subtreeSpan(doc, object).tokenEnd;
  const nextAct = (k: number): boolean => {
    const opens = subtreeSpan(doc, k).tokenStart;
    const atObjectEnd = opens === objectEnd || (opens === objectEnd + 1 && doc.word(objectEnd) === ',');
    return doc.tokens.head[k] === v && atObjectEnd && /^(?:and|but)$/.test(doc.tokens.lower[opens]) && childrenWith(doc, k, 'nsubj').length === 0 && doc.tokens.tag[k] !== 'VBG';
  };
  for (const k of [...childrenWith(doc, v, 'conj'), ...laterConjuncts, ...speakersSecondReports(doc, v, content)]) {
    if (doc.tokens.start[k] <= content.start || doc.tokens.start[k] >= content.end || doc.upos(k) !== 'VERB') continue;
    const reports = CUE_READINGS.has(doc.tokens.lemma[k]) && !(STATED_ATTITUDES.has(doc.tokens.lemma[k]) && childrenWith(doc, k, 'nsubj').length === 0);
    if (!reports && !(objectEnd >= 0 && nextAct(k))) continue;
    let last = subtreeSpan(doc, k).tokenStart - 1;
    // A closing quotation mark stays with the words it closes: 'had been "punished for one bad minute" and insisted'.
    while (last >= 0 && doc.tokens.start[last] > content.start && (doc.upos(last) === 'PUNCT' || doc.upos(last) === 'CCONJ') && !closesQuotation(doc, last, content.start)) last--;
    if (last >= 0 && doc.tokens.end[last] > content.start) return { start: content.start, end: doc.tokens.end[last] };
  }
  return content;
}

/**
 * "said he was in contact with both parties and hoped a deal could be reached": a hope or an
 * expectation coordinated with the cue, without a subject of its own, is part of what was said.
 */
const STATED_ATTITUDES = new Set(['hope', 'expect', 'believe', 'fear', 'feel', 'think', 'wish', 'doubt']);
/** Intentions, which a report coordinated inside the content states as much as a hope. */
const INTENDING = new Set(['plan', 'intend', 'want', 'aim', 'seek', 'mean']);

/** Whether token `i` closes a quotation opened at or after `from`. */
function closesQuotation(doc: Doc, i: number, from: number): boolean {
  if (doc.tokens.tag[i] !== "''") return false;
  for (let k = i - 1; k >= 0 && doc.tokens.end[k] > from; k--) if (doc.tokens.tag[k] === '``') return true;
  return false;
}

/**
 * "he said negotiators had never signed off on the change and called the claims false": a report
 * verb in the cue's tense, without a subject, coordinated with a verb of the content that reports
 * nothing, is the speaker's next act, though the parse hangs it inside the content.
 */
function speakersSecondReports(doc: Doc, v: number, content: Span): number[] {
  const { head, deprel, lemma, tag } = doc.tokens;
  const found: number[] = [];
  // With "do", the tense is the auxiliary's: "said … but did not mention the depot". A participle
  // without an auxiliary, its own or its first conjunct's ("had knocked … and told"), is a past
  // tense the tagger misread ("… and accused/VBN the council of …").
  const auxiliaries = (k: number): number => children(doc, k).filter((a) => baseRelation(deprel[a]) === 'aux').length;
  const tense = (k: number): string => {
    const own = tag[childrenWith(doc, k, 'aux').find((a) => lemma[a] === 'do') ?? k];
    return own === 'VBN' && auxiliaries(k) === 0 && auxiliaries(head[k]) === 0 ? 'VBD' : own;
  };
  const cueTense = tense(v);
  for (let k = doc.tokenAt(content.start); k < doc.tokenCount && doc.tokens.end[k] <= content.end; k++) {
    // The caller keeps only report verbs, and hopes stay in the content; an intention does too:
    // "had enough cash … and did not plan to raise new equity".
    if (deprel[k] !== 'conj' || INTENDING.has(lemma[k]) || CUE_READINGS.has(lemma[head[k]]) || tense(k) !== cueTense) continue;
    if (doc.tokens.start[head[k]] < content.start || childrenWith(doc, k, 'nsubj').length > 0) continue;
    found.push(k);
  }
  return found;
}

/** A list item's mark: "•", "-", "1.", "(a)". */
const LIST_ITEM = /^(?:[•·▪‣◦*–—-]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s/;

/**
 * The items of a list that starts on the line after `offset` (a colon's end), one a line, each
 * without its marker ("- ", "• ", "1. ") or its final full stop; none unless a line break comes
 * first.
 */
function listLinesAfter(doc: Doc, offset: number): Span[] {
  const { text } = doc;
  let at = offset;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  if (text[at] !== '\n' && text[at] !== '\r') return [];
  const items: Span[] = [];
  for (;;) {
    while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
    const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const marker = LIST_ITEM.exec(text.slice(at, Math.min(lineEnd, at + 6)));
    if (!marker) break;
    let end = lineEnd;
    while (end > at && /[\s.]/.test(text[end - 1])) end--;
    items.push({ start: at + marker[0].length, end });
    // A blank line ends the list.
    if (text.startsWith('\n\n', lineEnd) || text.startsWith('\r\n\r\n', lineEnd)) break;
    at = lineEnd;
  }
  return items;
}

/**
 * "The minister said:" closing its paragraph introduces the next one (a quotation set as a block,
 * or the first of a list of points, which then runs to the list's end). Null unless the sentence
 * ends its paragraph with a colon.
 */
function paragraphsAfterColon(doc: Doc, sentEnd: number): Span | null {
  if (sentEnd >= doc.tokenCount || doc.word(sentEnd - 1) !== ':') return null;
  const paragraph = doc.paragraphOf(sentEnd - 1);
  if (doc.paragraphOf(sentEnd) === paragraph) return null;
  const next = doc.paragraphs[paragraph + 1];
  let last = next;
  const isListItem = (k: number): boolean => k < doc.paragraphs.length && LIST_ITEM.test(doc.text.slice(doc.paragraphs[k].start, doc.paragraphs[k].start + 5));
  // A block that ends with a colon of its own goes on with the list it introduces ("… are advised
  // to observe the following measures:").
  const list = isListItem(paragraph + 1) ? paragraph + 1 : doc.text[next.end - 1] === ':' && isListItem(paragraph + 2) ? paragraph + 2 : -1;
  for (let k = list; k >= 0 && isListItem(k); k++) last = doc.paragraphs[k];
  return { start: next.start, end: last.end };
}

/**
 * "“…” ― Sonya Herridge": a quote signed with a dash and a name; and a headline's "'I was never
 * afraid': Nobel laureate Maria Ressa on press freedom", a quote opening its paragraph, a colon,
 * then the name (found among the mentions: the tagger misreads headlines).
 */
function dashAttributions(doc: Doc, regions: QuoteRegion[], found: Found[]): Found[] {
  const covered = contentCoverage(found);
  const out: Found[] = [];
  let mentionAt: Int32Array | null = null;
  for (const region of regions) {
    const mark = region.last + 1;
    if (region.close < 0 || mark + 1 >= doc.tokenCount) continue;
    const paragraph = doc.paragraphs[doc.paragraphOf(mark)];
    let source: TokenRange | null = null;
    if (DASHES.has(doc.word(mark))) {
      source = nounPhraseStartingAt(doc, mark + 1, paragraph.tokenEnd);
      if (source && doc.upos(source.end - 1) !== 'PROPN') source = null;
    } else if (doc.word(mark) === ':' && region.open === paragraph.tokenStart) {
      mentionAt ??= mentionTokens(doc);
      for (let i = mark + 1; i < Math.min(paragraph.tokenEnd, mark + 1 + HEADLINE_SPEAKER_LEAD); i++) {
        const m = mentionAt[i] >= 0 ? doc.mentions[mentionAt[i]] : null;
        if (m && (m.type === 'PERSON' || m.type === 'ORG')) {
          source = { start: mark + 1, end: m.tokenEnd };
          break;
        }
      }
      // "'We Were Told to Keep Quiet': A Nurse on the Hospital's Staffing Crisis": a description, then "on".
      source ??= describedSigner(doc, mark + 1, paragraph.tokenEnd);
    }
    if (!source) continue;
    const content = { start: doc.tokens.start[region.open], end: doc.tokens.end[region.last] };
    if (covered(content.start, content.end)) continue;
    const cue = makeCue(doc, { start: mark, end: mark + 1 }, doc.word(mark) === ':' ? ':' : '―', 'assert', false);
    out.push({ cue: cue.cue, cueTokens: cue.tokens, source, addressee: null, sentenceEnd: source.end, content: [content] });
  }
  return out;
}

/** What a person tells of in a quote headline's signature: "A farmer's account of the floods". */
const SIGNED_PIECES = new Set(['account', 'story', 'view', 'diary', 'tale', 'testimony', 'memories', 'perspective', 'letter']);

/**
 * "A Nurse on …", "an ICU doctor on …": an article and a noun before "on", as a quote headline
 * signs; or before "'s account" ("A farmer's account of the Calder floods").
 */
function describedSigner(doc: Doc, from: number, end: number): TokenRange | null {
  if (!/^(?:a|an|the)$/.test(doc.tokens.lower[from])) return null;
  for (let i = from + 2; i < Math.min(end, from + HEADLINE_SPEAKER_LEAD); i++) {
    const tells = doc.tokens.lower[i] === "'s" && SIGNED_PIECES.has(doc.tokens.lower[i + 1] ?? '');
    if (doc.tokens.lower[i] === 'on' || tells) return doc.upos(i - 1) === 'NOUN' || doc.upos(i - 1) === 'PROPN' ? { start: from, end: i } : null;
  }
  return null;
}

const QUESTION_LABELS = new Set(['q', 'question']);
const ANSWER_LABELS = new Set(['a', 'answer']);

/**
 * An interview set as "Q: …" and "A: …" paragraphs: each answer is the interviewee's, who is the
 * person the text before the first question names most (first named on a tie). Questions are the
 * interviewer's and no statement.
 */
function interviewAnswers(doc: Doc, found: Found[]): Found[] {
  const labelled = (k: number, labels: ReadonlySet<string>): boolean => {
    const { tokenStart, tokenEnd } = doc.paragraphs[k];
    return tokenEnd - tokenStart > 2 && labels.has(doc.tokens.lower[tokenStart]) && doc.word(tokenStart + 1) === ':';
  };
  const firstQuestion = doc.paragraphs.findIndex((_, k) => labelled(k, QUESTION_LABELS));
  if (firstQuestion < 0) return [];
  // The interviewee: the person named most before the questions, else in the whole text; never the
  // byline's writer, who asks them.
  const byline = doc.meta.source;
  const writes = (m: Mention): boolean => byline !== null && m.start < byline.end && m.end > byline.start;
  const interviewee = mostNamed(doc, doc.paragraphs[firstQuestion].tokenStart, writes) ?? mostNamed(doc, doc.tokenCount, writes);
  if (!interviewee) return [];
  const source = { start: interviewee.tokenStart, end: interviewee.tokenEnd };
  const covered = contentCoverage(found);
  const out: Found[] = [];
  for (let k = firstQuestion + 1; k < doc.paragraphs.length; k++) {
    if (!labelled(k, ANSWER_LABELS)) continue;
    const { tokenStart, tokenEnd } = doc.paragraphs[k];
    const content = { start: doc.tokens.start[tokenStart + 2], end: doc.tokens.end[tokenEnd - 1] };
    if (covered(content.start, content.end)) continue;
    const cue = makeCue(doc, { start: tokenStart, end: tokenStart + 1 }, ':', 'assert', false);
    out.push({ cue: cue.cue, cueTokens: cue.tokens, source, addressee: null, sentenceEnd: tokenEnd, content: [content], verbatim: true });
  }
  return out;
}

/** Longest speaker label of a transcript turn, in words. */
const MAX_LABEL_WORDS = 3;

/**
 * A transcript's turns: a paragraph that opens (after a quote mark, if any) with a speaker's name in
 * capitals and a colon ("WALLACE: Let's start …", "SEN. KAINE: …") is that speaker's, verbatim.
 */
function transcriptTurns(doc: Doc, found: Found[]): Found[] {
  const covered = contentCoverage(found);
  const out: Found[] = [];
  for (const paragraph of doc.paragraphs) {
    const label = transcriptLabel(doc, paragraph);
    if (!label) continue;
    const { first, colon } = label;
    const { tokenEnd } = paragraph;
    let last = tokenEnd - 1;
    if (isQuoteMark(doc.word(last)) && !isQuoteMark(doc.word(colon + 1))) last--;
    const content = { start: doc.tokens.start[colon + 1], end: doc.tokens.end[last] };
    if (content.end <= content.start || covered(content.start, content.end)) continue;
    const cue = makeCue(doc, { start: colon, end: colon + 1 }, ':', 'assert', false);
    out.push({ cue: cue.cue, cueTokens: cue.tokens, source: { start: first, end: colon }, addressee: null, sentenceEnd: tokenEnd, content: [content], verbatim: true });
  }
  markInterviewer(doc, out);
  return out;
}

/**
 * "PRESENTER: … Should the company be fined?": a label most of whose turns end in a question is
 * the interviewer's; its turns are quoted as questions, asserting nothing (what they report, "You
 * told this programme that …", is found by its own cue).
 */
function markInterviewer(doc: Doc, turns: Found[]): void {
  const labels = turns.map(({ source }) => doc.text.slice(doc.tokens.start[(source as TokenRange).start], doc.tokens.end[(source as TokenRange).end - 1]).toLowerCase());
  const asks = new Map<string, [number, number]>();
  turns.forEach((turn, k) => {
    const count = asks.get(labels[k]) ?? [0, 0];
    if (/\?["'”’]?\s*$/.test(doc.slice(turn.content[0]))) count[0]++;
    count[1]++;
    asks.set(labels[k], count);
  });
  turns.forEach((turn, k) => {
    const [questions, all] = asks.get(labels[k]) as [number, number];
    if (all >= 2 && 2 * questions >= all && turn.cue) turn.cue = { ...turn.cue, class: 'question' };
  });
}

/** The speaker label a paragraph opens with ("WALLACE:"), as its first token and its colon. */
function transcriptLabel(doc: Doc, { tokenStart, tokenEnd }: Segment): { first: number; colon: number } | null {
  const first = isQuoteMark(doc.word(tokenStart)) ? tokenStart + 1 : tokenStart;
  let colon = first;
  while (colon < tokenEnd && colon - first < MAX_LABEL_WORDS && isCapitalsWord(doc.word(colon))) colon++;
  // "Ortiz: Yes. We broke records …": in an interview (a question came before), a person's name
  // in title case labels an answer too.
  if (colon === first) colon = intervieweeEnd(doc, first, tokenEnd) ?? first;
  if (colon === first || colon + 1 >= tokenEnd || doc.word(colon) !== ':') return null;
  // "BREAKING: …", "EXCLUSIVE: …", a fact check's "THE CLAIM:" and "OUR VERDICT:": a page's label, not a speaker.
  const lowerFirst = doc.tokens.lower[first];
  if (QUESTION_LABELS.has(lowerFirst) || ANSWER_LABELS.has(lowerFirst)) return null;
  for (let i = first; i < colon; i++) if (isPageLabelWord(doc.tokens.lower[i])) return null;
  return { first, colon };
}

/** Per document: where its first question paragraph ends, and its people's mentions by first token. */
const interviews = new WeakMap<Doc, { afterQuestion: number; people: Map<number, Mention> }>();

/**
 * Where the name ends when a person's name of at most {@link MAX_LABEL_WORDS} words opens the
 * paragraph, before a colon, below a question; else null.
 */
function intervieweeEnd(doc: Doc, first: number, tokenEnd: number): number | null {
  let interview = interviews.get(doc);
  if (!interview) {
    const question = doc.paragraphs.find((p) => doc.word(p.tokenEnd - 1) === '?');
    const people = new Map(doc.mentions.filter((m) => m.type === 'PERSON').map((m) => [m.tokenStart, m]));
    interviews.set(doc, (interview = { afterQuestion: question?.tokenEnd ?? Infinity, people }));
  }
  const name = interview.people.get(first);
  const labels = first >= interview.afterQuestion && name !== undefined && name.tokenEnd - first <= MAX_LABEL_WORDS && name.tokenEnd < tokenEnd && doc.word(name.tokenEnd) === ':';
  return labels ? name.tokenEnd : null;
}

/** A word in capitals: two letters or more, no lower case ("WALLACE", "SEN.", "O'BRIEN"). */
function isCapitalsWord(word: string): boolean {
  return /^\p{Lu}[\p{Lu}.'’-]+$/u.test(word);
}

/** The first mention of the person mentioned most before token `before`, leaving out `skip`; the earlier on a tie. */
function mostNamed(doc: Doc, before: number, skip: (m: Mention) => boolean): Mention | null {
  const counts = new Map<number, { count: number; first: Mention }>();
  for (const m of doc.mentions) {
    if (m.tokenEnd > before || m.type !== 'PERSON' || skip(m)) continue;
    const known = counts.get(m.entity);
    if (known) known.count++;
    else counts.set(m.entity, { count: 1, first: m });
  }
  let most: Mention | null = null;
  let count = 0;
  for (const entry of counts.values()) {
    if (entry.count > count || (entry.count === count && most && entry.first.tokenStart < most.tokenStart)) [most, count] = [entry.first, entry.count];
  }
  return most;
}

/** Words before the name in a quote headline's signature: "Nobel laureate Maria Ressa". */
const HEADLINE_SPEAKER_LEAD = 5;

/** Token → the mention that starts there, or −1. */
function mentionTokens(doc: Doc): Int32Array {
  const at = new Int32Array(doc.tokenCount).fill(-1);
  doc.mentions.forEach((m, k) => {
    if (at[m.tokenStart] < 0) at[m.tokenStart] = k;
  });
  return at;
}

/**
 * "“A,” Graham said. “B. C.”" — quotes that follow an attributed sentence in the same paragraph,
 * with nothing but punctuation between, continue its content.
 */
function continueQuotes(doc: Doc, regions: QuoteRegion[], regionOf: Int32Array, found: Found[]): void {
  const cueStarts = sortedPositions(found.flatMap((f) => (f.cueTokens ? [f.cueTokens.start] : [])));
  const claimed = new Set<number>();
  for (const f of found) for (const part of f.content) claimed.add(doc.tokenAt(part.start));
  for (const f of found) {
    if (!f.cueTokens) continue;
    const paragraph = doc.paragraphs[doc.paragraphOf(f.cueTokens.start)];
    let i = Math.max(f.sentenceEnd, doc.tokenAt(f.content[f.content.length - 1].end));
    for (;;) {
      while (i < paragraph.tokenEnd && regionOf[i] < 0 && /^[.,;:!?—–-]$/.test(doc.word(i))) i++;
      if (i >= paragraph.tokenEnd || regionOf[i] < 0 || claimed.has(i)) break;
      const region = regions[regionOf[i]];
      if (region.open !== i || region.close < 0 && region.last < paragraph.tokenEnd - 1) break;
      // A cue right after the quote gives it its own attribution.
      const sentence = doc.sentences[doc.sentenceOf(region.last)];
      if (sentence.tokenEnd > region.last + 2 && cueStarts.some(region.last + 1, sentence.tokenEnd)) break;
      f.content.push({ start: doc.tokens.start[region.open], end: doc.tokens.end[region.last] });
      claimed.add(i);
      i = region.last + 1;
    }
  }
}

/** Paragraph-long quotes that no cue claimed: floating quotes, spoken by the previous speaker. */
function addFloatingQuotes(doc: Doc, regions: QuoteRegion[], found: Found[]): void {
  const covered = contentCoverage(found);
  // A quote left open at the end of a paragraph goes on in the next one: the same quotation.
  const endingAt = new Map<number, Found>();
  for (const f of found) endingAt.set(f.content[f.content.length - 1].end, f);
  regions.forEach((region, k) => {
    const span = { start: doc.tokens.start[region.open], end: doc.tokens.end[region.last] };
    const paragraph = doc.paragraphs[doc.paragraphOf(region.open)];
    const startsParagraph = region.open === paragraph.tokenStart;
    const endsParagraph = region.last >= paragraph.tokenEnd - 2;
    if (!(startsParagraph && endsParagraph) || covered(span.start, span.end - 1) || transcriptLabel(doc, paragraph)) return;
    const previous = region.continued && k > 0 ? endingAt.get(doc.tokens.end[regions[k - 1].last]) : undefined;
    if (previous) {
      previous.content.push(span);
      endingAt.set(span.end, previous);
      return;
    }
    const floating = { cue: null, cueTokens: null, source: null, content: [span], addressee: null, sentenceEnd: region.last + 1 };
    found.push(floating);
    endingAt.set(span.end, floating);
  });
}

/** Direct when the content is all quoted, mixed when part is, indirect otherwise. */
function quoteKind(doc: Doc, content: Content, regions: QuoteRegion[]): QuoteKind {
  let quoted = 0;
  for (const part of content.parts ?? [content]) {
    // Regions are in text order and do not overlap: start at the last one opening before the part.
    const from = Math.max(0, lastAtOrBefore(regions.length, (k) => doc.tokens.start[regions[k].open] <= part.start));
    for (let k = from; k < regions.length && doc.tokens.start[regions[k].open] < part.end; k++) {
      const r = regions[k];
      const start = Math.max(part.start, doc.tokens.start[r.open]);
      const end = Math.min(part.end, doc.tokens.end[r.last]);
      if (end > start) quoted += end - start;
    }
  }
  const total = (content.parts ?? [content]).reduce((n, p) => n + p.end - p.start, 0);
  if (quoted === 0) return 'indirect';
  return quoted >= total - 2 ? 'direct' : 'mixed';
}

/** The last index below `length` for which `atOrBefore` holds (it holds for a prefix), or -1. */
function lastAtOrBefore(length: number, atOrBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (atOrBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * Whether some content of `found` spans `start` to `end`. Contents are sorted by start, with the
 * furthest end reached so far, so one binary search answers.
 */
function contentCoverage(found: Found[]): (start: number, end: number) => boolean {
  const contents = found.flatMap((f) => f.content).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  contents.forEach((c, k) => reach.push(Math.max(c.end, k > 0 ? reach[k - 1] : -1)));
  return (start, end) => {
    const k = lastAtOrBefore(contents.length, (j) => contents[j].start <= start);
    return k >= 0 && reach[k] >= end;
  };
}

/** Token positions, sorted, asked whether any lies in a range. */
function sortedPositions(positions: number[]): { some(from: number, to: number): boolean } {
  const sorted = Int32Array.from(positions).sort();
  return {
    some(from, to) {
      const k = lastAtOrBefore(sorted.length, (j) => sorted[j] < from) + 1;
      return k < sorted.length && sorted[k] < to;
    },
  };
}

export function createQuotesStage(options: QuotesOptions = {}): Stage {
  return {
    name: 'quotes',
    requires: ['tokens', 'sentences', 'paragraphs', 'pos', 'meta', 'coref'],
    assigns: ['quotes'],
    apply: (doc) => findQuotes(doc, options),
  };
}
