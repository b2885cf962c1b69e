import { createAnalyzer } from '../analyze.js';
import { CoreError } from '../core/errors.js';
import { readJsonLines } from '../eval/jsonl.js';
import { formatTable } from '../eval/table.js';
import { runEventsBenchmark, type EventsBenchReport } from './events.js';
import { runParserBenchmark } from './deps.js';
import { runNerBenchmark, type NerBenchReport } from './ner.js';

/** The `bench --json` shape. `seconds` is the wall time of one pass of our pipeline over the corpus. */
export interface BenchReport {
  articles: number;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
  articlesPerSecond: number;
  /** Peak resident set size of the process, read before the peer library is loaded. */
  peakRssMB: number;
  peer: { name: string; tokensPerSecond: number };
  /** Our tokens per second over the peer's, on the same texts and the same token count. */
  speedup: number;
  /** The NER tagger alone, and NER on CoNLL-2003 test beside compromise (src/bench/ner.ts). */
  ner: NerBenchReport;
  /** The dependency parser alone (src/bench/deps.ts). */
  parserTokensPerSecond: number;
  /** The events stage alone and its share of the pipeline's time (goal: at most 10 %). */
  events: EventsBenchReport;
}

export const TARGETS = { tokensPerSecond: 100_000, peakRssMB: 400, speedup: 3.5, nerTokensPerSecond: 300_000, parserTokensPerSecond: 150_000, conllF1: 88, eventsShare: 10 };

/** Texts run untimed first, so JIT compilation and lazy loading are not timed. */
const WARMUP_ARTICLES = 20;
/** Small corpora are passed over repeatedly until this much time has gone by, for a stable rate. */
const MIN_SECONDS = 1;

/** The `text` of every line of a JSONL corpus (gold files qualify); anything else is CG_E007. */
export async function readCorpusTexts(path: string, limit = Infinity): Promise<string[]> {
  const texts: string[] = [];
  if (limit <= 0) return texts;
  for await (const { value, where } of readJsonLines(path)) {
    const text = (value as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new CoreError('CG_E007', `${where}: expected an object with a string "text"`);
    texts.push(text);
    if (texts.length >= limit) break;
  }
  return texts;
}

export interface Measurement {
  /** Wall time of one pass over the texts. */
  seconds: number;
  /** Sum of what `work` returned over one pass. */
  total: number;
}

/** Warms `work` up on a few texts (or Docs), then times whole passes over them until `minSeconds` have gone by. */
export function measure<T>(work: (text: T) => number, texts: readonly T[], minSeconds = MIN_SECONDS): Measurement {
  for (const text of texts.slice(0, WARMUP_ARTICLES)) work(text);
  let total = 0;
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    total = 0;
    for (const text of texts) total += work(text);
    passes += 1;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return { seconds: elapsed / passes, total };
}

/** Times our full pipeline, reads peak RSS, then loads and times compromise on the same texts. */
export async function runBenchmark(texts: readonly string[], onPhase?: (phase: string) => void): Promise<BenchReport> {
  if (texts.length === 0) throw new CoreError('CG_E007', 'the corpus holds no texts');
  onPhase?.('claimgraph pipeline');
  const pipeline = await createAnalyzer();
  const ours = measure((text) => pipeline.run(text).tokenCount, texts);
  // maxRSS is the process peak (KB): reading it before compromise loads keeps it ours.
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  onPhase?.('events stage');
  const events = runEventsBenchmark(texts, pipeline.stages, ours.seconds);
  const ner = await runNerBenchmark(texts, onPhase);
  onPhase?.('parser alone');
  const parserTokensPerSecond = await runParserBenchmark(texts);

  onPhase?.('compromise');
  const { default: nlp } = await import('compromise');
  const peer = measure((text) => {
    const doc = nlp(text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    doc.quotations().out('array');
    return 0;
  }, texts);

  return {
    articles: texts.length,
    tokens: ours.total,
    seconds: Number(ours.seconds.toPrecision(4)),
    tokensPerSecond: Math.round(ours.total / ours.seconds),
    articlesPerSecond: round(texts.length / ours.seconds, 1),
    peakRssMB: round(peakRssMB, 1),
    peer: { name: 'compromise', tokensPerSecond: Math.round(ours.total / peer.seconds) },
    speedup: round(peer.seconds / ours.seconds, 2),
    ner,
    parserTokensPerSecond,
    events,
  };
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
const count = (value: number): string => value.toLocaleString('en-US');
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');

export function formatBenchReport(r: BenchReport): string {
  return formatTable([
    ['metric', 'measured', 'target', 'status'],
    ['articles', count(r.articles), '', ''],
    ['tokens (our tokenizer)', count(r.tokens), '', ''],
    ['seconds per pass', String(r.seconds), '', ''],
    ['tokens/s, full pipeline', count(r.tokensPerSecond), `≥ ${count(TARGETS.tokensPerSecond)}`, verdict(r.tokensPerSecond >= TARGETS.tokensPerSecond)],
    ['articles/s, full pipeline', r.articlesPerSecond.toFixed(1), '', ''],
    ['peak RSS', `${r.peakRssMB.toFixed(1)} MB`, `≤ ${TARGETS.peakRssMB} MB`, verdict(r.peakRssMB <= TARGETS.peakRssMB)],
    [`tokens/s, ${r.peer.name}`, count(r.peer.tokensPerSecond), '', ''],
    [`speedup over ${r.peer.name}`, `${r.speedup.toFixed(2)}×`, `≥ ${TARGETS.speedup}×`, verdict(r.speedup >= TARGETS.speedup)],
    ['events stage, % of pipeline time', r.events.share.toFixed(1), `≤ ${TARGETS.eventsShare}`, verdict(r.events.share <= TARGETS.eventsShare)],
    ['tokens/s, NER alone', count(r.ner.tokensPerSecond), `≥ ${count(TARGETS.nerTokensPerSecond)}`, verdict(r.ner.tokensPerSecond >= TARGETS.nerTokensPerSecond)],
    ['tokens/s, parser alone', count(r.parserTokensPerSecond), `≥ ${count(TARGETS.parserTokensPerSecond)}`, verdict(r.parserTokensPerSecond >= TARGETS.parserTokensPerSecond)],
    ...conllRows(r.ner),
  ]);
}

/** CoNLL-2003 testb rows: F1 and tokens/s of our NER and of compromise (people, places, organizations). */
function conllRows({ conll }: NerBenchReport): string[][] {
  if (conll === null) return [['CoNLL-2003 testb', 'not found', '', '']];
  const { ours, compromise } = conll;
  return [
    ['CoNLL testb F1, claimgraph NER', ours.f1.toFixed(2), `≥ ${TARGETS.conllF1}`, verdict(ours.f1 >= TARGETS.conllF1)],
    ['CoNLL testb tokens/s, claimgraph NER', count(ours.tokensPerSecond), '', ''],
    ['CoNLL testb F1, compromise', compromise.f1.toFixed(2), '', ''],
    ['CoNLL testb tokens/s, compromise', count(compromise.tokensPerSecond), '', ''],
  ];
}
