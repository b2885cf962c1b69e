import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createAnalyzer, loadResources } from '../../analyze.js';
import { CoreError } from '../../core/errors.js';
import { repositoryPath, sharedDataPath } from '../../eval/data-path.js';
import { evaluateContradictions, formatContradictionReport } from '../../eval/contradictions.js';
import { evaluateAttribution, formatAttributionErrors, formatAttributionReport, type EvaluateOptions } from '../../eval/evaluate.js';
import { defaultLexicon } from '../../core/lexicon/index.js';
import { evaluateGumNer, formatGumNerReport } from '../../eval/gum-ner.js';
import { evaluateHeadlines, formatHeadlineReport } from '../../eval/headlines.js';
import { evaluateNer, formatNerComparison, formatNerReport, loadNerSystem, type NerReport } from '../../eval/ner.js';
import { evaluateDeps, formatDepsReport, loadDepsSystem } from '../../eval/deps.js';
import { evaluateEvents, evaluatePlover, formatEventReport, formatPloverReport } from '../../eval/events.js';
import { Doc } from '../../core/doc.js';
import type { Stage } from '../../core/pipeline.js';
import { defaultStages } from '../../core/stages/index.js';
import type { ConlluSentence } from '../../core/conllu.js';
import { readConllu, readGumSplit } from '../../train/corpora.js';
import { UsageError, type Command } from '../command.js';

/** One gold format the pipeline can be scored on: `claimgraph eval <name> FILE`. */
interface Evaluator {
  name: string;
  /** What the gold file holds, for the usage text. */
  gold: string;
  /** The gold file `eval all` scores, relative to the shared data folder, or `repository:` and a path in the repository. */
  defaultGold: string[];
  evaluate(file: string, options: EvaluateOptions): Promise<{ report: unknown; table: string }>;
  /**
   * What `eval all` runs instead of scoring `defaultGold` alone, for an evaluator with several
   * default sets (dev and test) shown in one table; null when none of them is present.
   */
  evaluateAll?(options: EvaluateOptions): Promise<{ report: unknown; table: string } | null>;
  /** The gold files `eval all` scores instead of `defaultGold`, each on its own, keyed by `key` in the JSON. */
  defaultSets?: readonly GoldSet[];
}

interface GoldSet {
  name: string;
  key: string;
  gold: string[];
}

/** The attribution gold `eval all` scores: PolNeAR dev (shared data) and our own varied-news check set. */
const ATTRIBUTION_SETS: readonly GoldSet[] = [
  { name: 'PolNeAR dev', key: 'polnearDev', gold: ['polnear', 'dev.jsonl'] },
  { name: 'news check (ours, 14 articles of other genres)', key: 'newsCheck', gold: ['repository:', 'test', 'fixtures', 'attribution', 'check.jsonl'] },
  { name: 'news check 2 (ours, 12 more articles, written blind)', key: 'newsCheck2', gold: ['repository:', 'test', 'fixtures', 'attribution2', 'check.jsonl'] },
  { name: 'news check 3 (ours, 10 more articles, written blind)', key: 'newsCheck3', gold: ['repository:', 'test', 'fixtures', 'attribution3', 'check.jsonl'] },
  { name: 'news check 4 (ours, 10 more genres, written blind)', key: 'newsCheck4', gold: ['repository:', 'test', 'fixtures', 'attribution4', 'check.jsonl'] },
  { name: 'news check 5 (ours, 10 more genres, written blind)', key: 'newsCheck5', gold: ['repository:', 'test', 'fixtures', 'attribution5', 'check.jsonl'] },
  { name: 'news check 6 (ours, 10 more genres, written blind)', key: 'newsCheck6', gold: ['repository:', 'test', 'fixtures', 'attribution6', 'check.jsonl'] },
  { name: 'news check 7 (ours, 10 more genres, written blind)', key: 'newsCheck7', gold: ['repository:', 'test', 'fixtures', 'attribution7', 'check.jsonl'] },
  { name: 'news check 8 (ours, 10 more genres, written blind)', key: 'newsCheck8', gold: ['repository:', 'test', 'fixtures', 'attribution8', 'check.jsonl'] },
  { name: 'news check 9 (ours, 10 more genres, written blind)', key: 'newsCheck9', gold: ['repository:', 'test', 'fixtures', 'attribution9', 'check.jsonl'] },
  { name: 'news check 10 (ours, 10 more genres, written blind)', key: 'newsCheck10', gold: ['repository:', 'test', 'fixtures', 'attribution10', 'check.jsonl'] },
];

/** Our contradiction gold sets, in the repository: the dev gold, then ten written after it. */
const CONTRADICTION_SETS: readonly GoldSet[] = ['dev', 'check', 'check2', 'check3', 'check4', 'check5', 'check6', 'check7', 'check8', 'check9', 'check10', 'check11'].map((key) => ({
  name: key, key, gold: ['repository:', 'test', 'fixtures', 'contradictions', `${key}.jsonl`],
}));

/** Our title-case headline sets, all in the repository. */
const HEADLINE_SETS: readonly GoldSet[] = [
  { name: 'headlines (20, ours)', key: 'first', gold: ['repository:', 'test', 'fixtures', 'headlines.jsonl'] },
  { name: 'headlines (60, written blind)', key: 'blind', gold: ['repository:', 'test', 'fixtures', 'headlines2.jsonl'] },
  { name: 'headlines (60 more, written blind)', key: 'blind2', gold: ['repository:', 'test', 'fixtures', 'headlines3.jsonl'] },
  { name: 'headlines (60 more, title case, written blind)', key: 'blind3', gold: ['repository:', 'test', 'fixtures', 'headlines4.jsonl'] },
  { name: 'headlines (60 more, title case, written blind)', key: 'blind4', gold: ['repository:', 'test', 'fixtures', 'headlines5.jsonl'] },
];

/** CoNLL-2003 English dev and test, scored by `eval all` beside the published test scores, and our encyclopedia-style set. */
const CONLL_SETS = [
  { name: 'CoNLL-2003 testa (dev)', key: 'testa', gold: ['conll2003', 'eng.testa'] },
  { name: 'CoNLL-2003 testb (test)', key: 'testb', gold: ['conll2003', 'eng.testb'] },
  { name: 'Wikipedia-style (ours, written blind)', key: 'wikiCheck', gold: ['repository:', 'test', 'fixtures', 'ner-wiki', 'wiki.conll'] },
  { name: 'Wikipedia-style, second set (ours, written blind)', key: 'wikiCheck2', gold: ['repository:', 'test', 'fixtures', 'ner-wiki2', 'wiki2.conll'] },
  { name: 'Wikipedia-style, third set (ours, written blind)', key: 'wikiCheck3', gold: ['repository:', 'test', 'fixtures', 'ner-wiki3', 'wiki3.conll'] },
];

/** Treebanks `eval all` parses: UD EWT dev (a file) and GUM dev (the documents of its split). */
async function depsSets(): Promise<{ name: string; key: string; sentences: ConlluSentence[] }[]> {
  const sets: { name: string; key: string; sentences: ConlluSentence[] }[] = [];
  const ewtDev = sharedDataPath('ud-ewt', 'en_ewt-ud-dev.conllu');
  if (existsSync(ewtDev)) sets.push({ name: 'UD EWT dev', key: 'ewtDev', sentences: await readConllu(ewtDev) });
  const gum = sharedDataPath('gum');
  if (existsSync(join(gum, 'splits.md'))) sets.push({ name: 'GUM dev', key: 'gumDev', sentences: await readGumSplit(gum, 'dev') });
  return sets;
}

const EVALUATORS: Evaluator[] = [
  {
    name: 'attribution',
    gold: 'gold attribution JSONL (docs/eval.md)',
    defaultGold: ['polnear', 'dev.jsonl'],
    async evaluate(file, options) {
      const report = await evaluateAttribution(file, await createAnalyzer(), options);
      const table = formatAttributionReport(report);
      return { report, table: report.errors ? `${table}\n\n${formatAttributionErrors(report.errors)}` : table };
    },
    // PolNeAR dev when the data folder has it, and always our own news check sets (not PolNeAR's kind).
    defaultSets: ATTRIBUTION_SETS,
  },
  {
    name: 'contradictions',
    gold: 'gold contradiction JSONL: articles, matters, labelled pairs (docs/eval.md)',
    defaultGold: ['repository:', 'test', 'fixtures', 'contradictions', 'dev.jsonl'],
    async evaluate(file, options) {
      const report = await evaluateContradictions(file, await createAnalyzer(), options);
      return { report, table: formatContradictionReport(report) };
    },
    // All four of our sets: the dev gold and the three written after it (README in their folder).
    defaultSets: CONTRADICTION_SETS,
  },
  {
    name: 'ner',
    gold: 'CoNLL-format NER (token first, IOB1/IOB2 tag last)',
    defaultGold: ['conll2003', 'eng.testb'],
    async evaluate(file, options) {
      const report = await evaluateNer(file, await loadNerSystem(), options);
      return { report, table: formatNerReport(report) };
    },
    async evaluateAll(options) {
      const present = CONLL_SETS.filter((set) => existsSync(defaultGoldPath(set.gold)));
      if (present.length === 0) return null;
      const system = await loadNerSystem();
      const rows: { name: string; key: string; report: NerReport }[] = [];
      for (const set of present) rows.push({ ...set, report: await evaluateNer(defaultGoldPath(set.gold), system, options) });
      return { report: Object.fromEntries(rows.map((r) => [r.key, r.report])), table: formatNerComparison(rows) };
    },
  },
  {
    name: 'headlines',
    gold: 'headlines JSONL ({"text", "names"}; test/fixtures/headlines.jsonl): names found, glued, spurious',
    // Our own set, shipped with the tests (an absolute path: sharedDataPath leaves it as it is).
    defaultGold: ['repository:', 'test', 'fixtures', 'headlines.jsonl'],
    async evaluate(file, options) {
      const report = await evaluateHeadlines(file, await createAnalyzer(), options);
      return { report, table: formatHeadlineReport(report) };
    },
    // Both of our sets: the first (a dev set since its first run) and a second written blind.
    defaultSets: HEADLINE_SETS,
  },
  {
    name: 'gum',
    gold: 'GUM folder (dep/*.conllu, splits.md): test split, entities as CoNLL types, per genre',
    defaultGold: ['gum'],
    async evaluate(dir, options) {
      const report = await evaluateGumNer(dir, 'test', await loadNerSystem(), defaultLexicon(), options);
      return { report, table: formatGumNerReport(report) };
    },
  },
  {
    name: 'deps',
    gold: 'CoNLL-U treebank (UD): our tags and parse on its gold words',
    defaultGold: ['ud-ewt', 'en_ewt-ud-dev.conllu'],
    async evaluate(file) {
      const report = evaluateDeps(await readConllu(file), await loadDepsSystem());
      return { report, table: formatDepsReport(file, report) };
    },
    async evaluateAll() {
      const sets = await depsSets();
      if (sets.length === 0) return null;
      const system = await loadDepsSystem();
      const reports = sets.map((set) => ({ ...set, report: evaluateDeps(set.sentences, system) }));
      return {
        report: Object.fromEntries(reports.map((r) => [r.key, r.report])),
        table: reports.map((r) => formatDepsReport(r.name, r.report)).join('\n\n'),
      };
    },
  },
  {
    name: 'events',
    gold: 'PETRARCH validation XML (<Sentence> with <Text> and <EventCoding>)',
    defaultGold: ['petrarch2', 'PETR.UnitTest.records.xml'],
    async evaluate(file, options) {
      const report = await evaluateEvents(file, await parseStages(), options);
      return { report, table: formatEventReport(report) };
    },
  },
  {
    name: 'plover',
    gold: 'PLOVER gold event records (JSON array with text, event type, actor codes)',
    defaultGold: ['plover', 'PLOVER_GSR_CAMEO.txt'],
    async evaluate(file, options) {
      const analyzer = await createAnalyzer();
      const stages = analyzer.stages;
      // Each record is analysed whole, with its date for date-ranged actor codes.
      const run = (text: string, date: string | null): Doc => {
        const doc = new Doc(text);
        for (const stage of stages) {
          stage.apply(doc);
          for (const layer of stage.assigns) doc.layers.add(layer);
          if (stage.name === 'meta' && date) doc.meta.published = date;
        }
        return doc;
      };
      const report = await evaluatePlover(file, run, options);
      return { report, table: formatPloverReport(report) };
    },
  },
];

/** Where an evaluator's default gold file is: in the repository, or in the shared data folder. */
function defaultGoldPath(gold: readonly string[]): string {
  return gold[0] === 'repository:' ? repositoryPath(...gold.slice(1)) : sharedDataPath(...gold);
}

/** The default gold as the usage text names it. */
const showGold = (gold: readonly string[]): string => (gold[0] === 'repository:' ? `${gold.slice(1).join('/')} (in the repository)` : gold.join('/'));

/** Our pipeline up to the dependency parse: what `eval events` codes from. */
async function parseStages(): Promise<Stage[]> {
  const stages = defaultStages(await loadResources());
  return stages.slice(0, stages.findIndex((s) => s.name === 'deps') + 1);
}

const OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  errors: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

/** `node:util` parseArgs with usage errors for the CLI and a checked `--limit`. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { limit } = parsed.values as { limit?: unknown };
  if (limit !== undefined && !(typeof limit === 'string' && /^[1-9]\d*$/.test(limit))) {
    throw new UsageError(`--limit must be a positive integer, not "${String(limit)}"`);
  }
  return { ...parsed, limit: limit === undefined ? undefined : Number(limit) };
}

/** Shows "[n] id" on one stderr line while working, only for a person watching. */
function progressReporter(): ((done: number, label: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, label) => process.stderr.write(`\r\x1b[K[${done}] ${label}`);
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

/** Bad input (a malformed gold or corpus file) is exit 1 with its CG_E… message, not an internal error. */
export async function withInputErrors(command: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    process.stderr.write(`claimgraph ${command}: ${error.message}\n`);
    return 1;
  }
}

async function runEvaluator(evaluator: Evaluator, file: string, limit: number | undefined, errors = false) {
  try {
    return await evaluator.evaluate(file, { limit, errors, onArticle: progressReporter() });
  } finally {
    clearProgress();
  }
}

async function evalOne(evaluator: Evaluator, argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, OPTIONS);
  if (positionals.length !== 1) throw new UsageError(`eval ${evaluator.name} takes one gold file or folder`);
  if (values.errors && evaluator.name !== 'attribution') throw new UsageError('--errors is for eval attribution');
  const { report, table } = await runEvaluator(evaluator, positionals[0], limit, values.errors);
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${table}\n`);
  return 0;
}

/** An evaluator on each of its gold sets that is present; a missing one is skipped with a message. Null when none is. */
async function evaluateSets(evaluator: Evaluator, sets: readonly GoldSet[], limit: number | undefined): Promise<{ report: unknown; table: string } | null> {
  const report: Record<string, unknown> = {};
  const tables: string[] = [];
  for (const set of sets) {
    const file = defaultGoldPath(set.gold);
    if (!existsSync(file)) {
      process.stderr.write(`claimgraph eval: skipping ${evaluator.name} on ${set.name}: ${file} not found (set CLAIMGRAPH_DATA to the data folder)\n`);
      continue;
    }
    const result = await runEvaluator(evaluator, file, limit);
    report[set.key] = result.report;
    tables.push(`${set.name}: ${file}\n${result.table}`);
  }
  return tables.length === 0 ? null : { report, table: tables.join('\n\n') };
}

/** Every evaluator on its default gold file; a missing file is skipped with a message, not an error. */
async function evalAll(argv: string[]): Promise<number> {
  const { values, positionals, limit } = parseOptions(argv, OPTIONS);
  if (positionals.length > 0) throw new UsageError('eval all takes no file: it reads the shared data folder');
  if (values.errors) throw new UsageError('--errors is for eval attribution');
  const reports: Record<string, unknown> = {};
  for (const evaluator of EVALUATORS) {
    const file = defaultGoldPath(evaluator.defaultGold);
    if (evaluator.defaultSets) {
      const result = await evaluateSets(evaluator, evaluator.defaultSets, limit);
      if (result === null) continue;
      reports[evaluator.name] = result.report;
      if (!values.json) process.stdout.write(`== ${evaluator.name}\n${result.table}\n\n`);
      continue;
    }
    if (evaluator.evaluateAll) {
      const result = await evaluator.evaluateAll({ limit });
      if (result === null) {
        process.stderr.write(`claimgraph eval: skipping ${evaluator.name}: ${file} not found (set CLAIMGRAPH_DATA to the data folder)\n`);
        continue;
      }
      reports[evaluator.name] = result.report;
      if (!values.json) process.stdout.write(`== ${evaluator.name}\n${result.table}\n\n`);
      continue;
    }
    if (!existsSync(file)) {
      process.stderr.write(`claimgraph eval: skipping ${evaluator.name}: ${file} not found (set CLAIMGRAPH_DATA to the data folder)\n`);
      continue;
    }
    const { report, table } = await runEvaluator(evaluator, file, limit);
    reports[evaluator.name] = report;
    if (!values.json) process.stdout.write(`== ${evaluator.name}: ${file}\n${table}\n\n`);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(reports)}\n`);
  return 0;
}

export const evalCommand: Command = {
  name: 'eval',
  usage: `Usage: claimgraph eval <evaluator> GOLD [--json] [--limit N]
       claimgraph eval attribution GOLD --errors [--json] [--limit N]
       claimgraph eval all [--json] [--limit N]

Evaluators:
${EVALUATORS.map((e) => `  ${e.name.padEnd(16)}${e.gold}`).join('\n')}
  all             every evaluator on its default gold file in the shared data folder
                  ($CLAIMGRAPH_DATA, else ../shared/data): ${EVALUATORS.map((e) => showGold(e.defaultGold)).join(', ')};
                  for attribution, also test/fixtures/attribution{,2,…,10}/check.jsonl (our own varied news)
                  for headlines, also test/fixtures/headlines2.jsonl to headlines5.jsonl (60 headlines each, written blind)
                  for contradictions, also check.jsonl to check11.jsonl beside dev.jsonl
                  for ner, CoNLL-2003 eng.testa and eng.testb beside published test-set F1, and
                  test/fixtures/ner-wiki/wiki.conll, ner-wiki2/wiki2.conll and ner-wiki3/wiki3.conll (ours, encyclopedia style,
                  scored without the data too)
                  for deps, UD EWT dev and GUM dev

Options:
  --json        print the scores as JSON (eval all: one object keyed by evaluator)
  --limit N     score only the first N articles (ner: documents)
  --errors      attribution: after the scores, list every false, missed and misattributed quote
                with its cue, source and content words, grouped by kind (JSON: an "errors" array)

eval contradictions ingests the gold articles into a temporary corpus and scores its
cross-article contradictions as article pairs: precision, recall, share about the same matter.

eval ner runs the shipped POS and NER models on the gold tokens (no re-tokenizing) and scores
exact typed spans as conlleval does: micro P/R/F1 and per type, in percent. eval gum does the
same on GUM's test documents, whose entity annotation is mapped to PER, ORG, LOC and MISC
(docs/eval.md), per genre.

eval deps tags and parses the gold words of a CoNLL-U file (multiword-token ranges and empty
nodes skipped) and prints UAS, LAS (universal relation, as CoNLL 2018; also with subtypes),
UPOS accuracy and the parser's tokens/s; punctuation counts. eval all parses UD EWT dev and GUM dev.

eval events codes the <Text> of every record of a PETRARCH validation file with our tokenizer,
tagger, parser and event coder (the file's own parse trees are not read), using the dictionaries
its <Environment> names (beside the file), and scores exact (source, target, event code) triples:
{records, expected, predicted, correct, recall, precision, byCategory}, in percent.

eval plover runs the whole pipeline on the records of a PLOVER gold file (PLOVER_GSR_CAMEO) and
compares the PLOVER types of our events with each record's event type, and their source codes
with its source actors' codes: {records, coded, recall, precision, source}, in percent.

Metric definitions and JSON shapes: docs/eval.md.`,
  async run(argv) {
    const [name, ...rest] = argv;
    const evaluator = EVALUATORS.find((e) => e.name === name);
    if (name !== 'all' && !evaluator) {
      throw new UsageError(name === undefined ? 'missing evaluator' : `unknown evaluator "${name}"`);
    }
    return withInputErrors('eval', () => (evaluator ? evalOne(evaluator, rest) : evalAll(rest)));
  },
};
