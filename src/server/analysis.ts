import { articleText } from '../cli/commands/analyze.js';
import type { ParseJSON } from '../core/article.js';
import { CorpusEngine } from '../core/corpus/corpus.js';
import type { PreparedArticle } from '../core/corpus/prepare.js';
import { createLexicon, type Lexicon } from '../core/lexicon/index.js';
import type { Pipeline } from '../core/pipeline.js';
import { contentId } from '../corpus/ids.js';
import { createAnalysisPool } from '../corpus/analysis-pool.js';
import { InputError } from '../ingest/errors.js';
import { fetchBytes, type FetchOptions } from '../ingest/fetch.js';
import { readInput, type ArticleInput } from '../ingest/input.js';
import { readRecord, type ArticleRecordFields } from '../ingest/record.js';
import { loadLexiconExtension } from '../lexicon-file.js';
import type { CorpusView } from './corpus-view.js';
import type { ArticleSummaryJSON, CorpusContextJSON } from './types.js';

/**
 * Analysis for the API: the request's article read as the CLI reads one (text, an HTML page, or a
 * URL fetched with a time and size limit), analysed in a worker thread so that a long article does
 * not hold up the requests behind it, and set against the corpus without being stored.
 */

/** `{text | html | url}` and the record fields of a JSONL line (title, source, published). */
export type AnalyseRequest = Omit<ArticleRecordFields, 'id'>;

export interface AnalysisOptions {
  /** Worker threads; 0 analyses on the server's own thread (with `analyzer` when given). */
  workers: number;
  analyzer?: Pipeline;
  lexiconPath?: string;
  /** For URLs and inputs: the time limit and the size limit (bytes). */
  fetch: Required<FetchOptions>;
}

export interface AnalysedArticle {
  /** The id the corpus gives this text. */
  id: string;
  input: ArticleInput;
  prepared: PreparedArticle;
}

export interface Analysis {
  analyse(request: AnalyseRequest): Promise<AnalysedArticle>;
  /** The sentences and dependency parse of a short text, in a worker thread as analyses are. */
  parse(text: string): Promise<ParseJSON>;
  /** Where the article stands in the corpus: stored already, or what it would join and contradict. */
  context(view: CorpusView, article: AnalysedArticle): Promise<CorpusContextJSON>;
  close(): Promise<void>;
}

export async function createAnalysis(options: AnalysisOptions): Promise<Analysis> {
  const [pool, lexicon] = await Promise.all([
    createAnalysisPool({ workers: options.workers, analyzer: options.analyzer, lexiconPath: options.lexiconPath }),
    options.lexiconPath ? loadLexiconExtension(options.lexiconPath).then(createLexicon) : Promise.resolve(createLexicon()),
  ]);
  return {
    async analyse(request) {
      const input = await readRequest(request, options.fetch);
      const text = articleText(input);
      return { id: contentId(text), input, prepared: await pool.analyse(text) };
    },
    parse: (text) => pool.parse(text),
    context: (view, article) => corpusContext(view, lexicon, article),
    close: () => pool.close(),
  };
}

async function readRequest(request: AnalyseRequest, limits: Required<FetchOptions>): Promise<ArticleInput> {
  if (request.text !== undefined || request.html !== undefined || request.url === undefined) return readRecord(request, limits.maxBytes).input;
  const { protocol } = new URL(request.url);
  if (protocol !== 'http:' && protocol !== 'https:') throw new InputError('CG_E009', `only http and https URLs are fetched, not ${protocol}`);
  const page = await fetchBytes(request.url, limits);
  const input = readInput(page.bytes, { name: page.url, contentType: page.contentType, maxBytes: limits.maxBytes });
  return {
    ...input,
    title: request.title ?? input.title,
    source: request.source ?? input.source,
    published: request.published ?? input.published,
  };
}

async function corpusContext(view: CorpusView, lexicon: Lexicon, article: AnalysedArticle): Promise<CorpusContextJSON> {
  const stored = await view.summary(article.id);
  if (stored) return storedContext(view, stored);
  // A throwaway engine resumed from the store decides as an ingest would; its batch is dropped.
  const engine = new CorpusEngine({ lexicon }, await view.store.snapshot());
  if (engine.has(article.id)) {
    // Stored by another process since the view was last refreshed.
    view.invalidate();
    const summary = await view.summary(article.id);
    if (summary) return storedContext(view, summary);
  }
  const { input, prepared, id } = article;
  const record = engine.add({ id, prepared, title: input.title, source: input.source, url: input.url, path: null, published: input.published, ingestedAt: new Date().toISOString() });
  const label = await view.storyLabel(record.story);
  return {
    id,
    stored: false,
    duplicateOf: record.duplicateOf,
    story: label === null ? null : { id: record.story, label },
    contradictions: await view.contradictionsOf(id, engine.takeBatch().edges),
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
