import type { ParseJSON } from '../core/article.js';
import { StoredCorpus } from '../corpus/placement.js';
import type { PreparedArticle } from '../core/corpus/prepare.js';
import { createLexicon, type Lexicon } from '../core/lexicon/index.js';
import type { Pipeline } from '../core/pipeline.js';
import { contentId } from '../corpus/ids.js';
import { fetchBytes, type FetchOptions } from '../ingest/fetch.js';
import type { ArticleInput } from '../ingest/input.js';
import type { ArticleRecordFields } from '../ingest/record.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import { createAnalysisJobs, type AnalysisJobsOptions, type JobOptions, type JobSource } from './analysis-jobs.js';
import type { CorpusView } from './corpus-view.js';
import type { ArticleSummaryJSON, CorpusContextJSON } from './types.js';

/**
 * Analysis for the API: the request's article read as the CLI reads one (text, an HTML page, or a
 * URL fetched with a time and size limit), read and analysed in a worker thread with a deadline
 * (analysis-jobs.ts) so that no article holds up the requests behind it, and set against the
 * corpus without being stored.
 */

/** `{text | html | url}` and the record fields of a JSONL line (title, source, published). */
export type AnalyseRequest = Omit<ArticleRecordFields, 'id'>;

export interface AnalysisOptions extends Omit<AnalysisJobsOptions, 'analyzer'> {
  /** A loaded analyser, for `workers: 0` (analysis on the server's own thread). */
  analyzer?: Pipeline;
  /** For URLs and inputs: the time limit, the size limit (bytes) and which URLs may be fetched. */
  fetch: Required<Omit<FetchOptions, 'urlPolicy'>> & Pick<FetchOptions, 'urlPolicy'>;
}

export interface AnalysedArticle {
  /** The id the corpus gives this text. */
  id: string;
  input: ArticleInput;
  prepared: PreparedArticle;
}

export interface Analysis {
  analyse(request: AnalyseRequest, job: JobOptions): Promise<AnalysedArticle>;
  /** The sentences and dependency parse of a short text, in a worker thread as analyses are. */
  parse(text: string, job: JobOptions): Promise<ParseJSON>;
  /** Where the article stands in the corpus: stored already, or what it would join and contradict. */
  context(view: CorpusView, article: AnalysedArticle): Promise<CorpusContextJSON>;
  close(): Promise<void>;
}

export async function createAnalysis(options: AnalysisOptions): Promise<Analysis> {
  const [jobs, lexicon] = await Promise.all([
    createAnalysisJobs(options),
    options.lexiconPath ? loadLexiconExtension(options.lexiconPath).then(createLexicon) : Promise.resolve(createLexicon()),
  ]);
  return {
    async analyse(request, job) {
      const result = await jobs.run(await jobSource(request, options.fetch), job);
      if (result.kind !== 'article') throw new Error('an analysis job returned a parse');
      const { input, prepared } = result;
      const article = request.url !== undefined && request.text === undefined && request.html === undefined
        ? { ...input, title: request.title ?? input.title, source: request.source ?? input.source, published: request.published ?? input.published }
        : input;
      return { id: contentId(prepared.analysis.text), input: article, prepared };
    },
    async parse(text, job) {
      const result = await jobs.run({ kind: 'parse', text }, job);
      if (result.kind !== 'parse') throw new Error('a parse job returned an analysis');
      return result.parse;
    },
    context: (view, article) => corpusContext(view, lexicon, article),
    close: () => jobs.close(),
  };
}

/** A record is read in the worker as it is; a URL is fetched here (waiting on the network holds up nothing). */
async function jobSource(request: AnalyseRequest, limits: AnalysisOptions['fetch']): Promise<JobSource> {
  if (request.text !== undefined || request.html !== undefined || request.url === undefined) return { kind: 'record', record: request, maxBytes: limits.maxBytes };
  const page = await fetchBytes(request.url, limits);
  return { kind: 'page', bytes: page.bytes, url: page.url, contentType: page.contentType, maxBytes: limits.maxBytes };
}

async function corpusContext(view: CorpusView, lexicon: Lexicon, article: AnalysedArticle): Promise<CorpusContextJSON> {
  const stored = await view.summary(article.id);
  if (stored) return storedContext(view, stored);
  // A throwaway engine resumed from the store decides as an ingest would; its batch is dropped.
  const corpus = await StoredCorpus.open(view.store, { lexicon });
  if (await corpus.has(article.id)) {
    // Stored by another process since the view was last refreshed.
    view.invalidate();
    const summary = await view.summary(article.id);
    if (summary) return storedContext(view, summary);
  }
  const { input, prepared, id } = article;
  const record = await corpus.add({ id, prepared, title: input.title, source: input.source, url: input.url, path: null, published: input.published, ingestedAt: new Date().toISOString() });
  const label = await view.storyLabel(record.story);
  return {
    id,
    stored: false,
    duplicateOf: record.duplicateOf,
    story: label === null ? null : { id: record.story, label },
    contradictions: await view.contradictionsOf(id, corpus.takeBatch().edges),
  };
}

async function storedContext(view: CorpusView, summary: ArticleSummaryJSON): Promise<CorpusContextJSON> {
  return {
    id: summary.id,
    stored: true,
    duplicateOf: summary.duplicateOf,
    story: { id: summary.story, label: summary.storyLabel },
    contradictions: await view.contradictionsOf(summary.id),
  };
}
