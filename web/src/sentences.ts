import { createPipeline } from '../../src/core/pipeline.js';
import { segmentsStage } from '../../src/core/stages/segments.js';
import { tokensStage } from '../../src/core/stages/tokens.js';

/**
 * The article's sentences, cut in the browser by the engine's own tokenizer and segmenter (pure
 * core code, no model): the same sentences the server parses, known before any request, so every
 * sentence can be offered for a parse at once.
 */

const splitter = createPipeline([tokensStage, segmentsStage]);

export interface SentenceSpan {
  start: number;
  end: number;
}

export function sentenceSpans(text: string): SentenceSpan[] {
  return splitter.run(text).sentences.map(({ start, end }) => ({ start, end }));
}
