import { articleText } from '../cli/commands/analyze.js';
import type { ArticleInput } from '../ingest/input.js';
import { readSource, type Source, type SourceOptions } from '../ingest/sources.js';
import { contentId } from './ids.js';

/** A document ready for the corpus: its text as stored (headline first) and its content id. */
export interface CorpusDocument {
  path: string;
  input: ArticleInput;
  text: string;
  id: string;
}

/**
 * The documents of `sources` in order, for `ingest` and `enqueue` alike. A document that cannot be
 * read goes to `failed` and the others go on; `onSourceDone` follows each source.
 */
export async function* readDocuments(
  sources: readonly Source[], options: SourceOptions, failed: Array<{ path: string; error: string }>, onSourceDone?: () => void,
): AsyncGenerator<CorpusDocument> {
  for (const source of sources) {
    for await (const item of readSource(source, options)) {
      if (!item.ok) {
        failed.push({ path: item.path, error: item.error });
        continue;
      }
      const { path, input } = item.document;
      const text = articleText(input);
      yield { path, input, text, id: contentId(text) };
    }
    onSourceDone?.();
  }
}
