import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import type { Pipeline } from '../src/core/pipeline.js';
import { MAX_CONTRADICTIONS_PER_DENIAL } from '../src/core/stages/contradictions.js';
import { MAX_QUOTE_TOKENS } from '../src/core/stages/quotes.js';
import { MAX_SENTENCE_TOKENS } from '../src/core/stages/segments.js';

/**
 * Bounds that keep analysis linear in article length (time per KB and output per KB are measured
 * by `claimgraph bench`): how far a quote reaches, how long a sentence is, how many assertions one
 * denial is set against.
 */

let analyzer: Pipeline;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});

describe('long articles', () => {
  it('ends a quote mark left open after MAX_QUOTE_TOKENS tokens, not at the end of a long paragraph', () => {
    const filler = 'The committee met again on Monday and the talks went on for hours without a result. '.repeat(100);
    const doc = analyzer.run(`Talks stall\n\nThe minister said: "We will not give up. ${filler}`);
    expect(doc.quotes.length).toBeGreaterThan(0);
    for (const quote of doc.quotes) {
      const tokens = doc.tokenAt(quote.content.end - 1) - doc.tokenAt(quote.content.start) + 1;
      expect(tokens).toBeLessThanOrEqual(MAX_QUOTE_TOKENS);
    }
  });

  it('cuts a text without sentence punctuation into sentences of at most MAX_SENTENCE_TOKENS tokens', () => {
    const doc = analyzer.run(`Results\n\n${'Smith Jones Brown and Taylor won seats in the council vote '.repeat(200)}`);
    expect(doc.sentences.length).toBeGreaterThan(1);
    for (const s of doc.sentences) expect(s.tokenEnd - s.tokenStart).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });

  it('sets one denial against at most MAX_CONTRADICTIONS_PER_DENIAL assertions', () => {
    const assertions = Array.from({ length: 40 }, (_, k) => `Russian official Ivan Petrov${k} said the Taliban shared intelligence with Russia.`).join('\n\n');
    const doc = analyzer.run(`Kabul notebook\n\n${assertions}\n\nTaliban spokesman Zabihullah Mujahid denied that the Taliban shared intelligence with Russia.`);
    const denials = doc.claims.filter((c) => c.stance === 'deny');
    expect(denials).toHaveLength(1);
    expect(doc.claims.filter((c) => c.stance === 'assert').length).toBeGreaterThan(MAX_CONTRADICTIONS_PER_DENIAL);
    expect(doc.contradictions).toHaveLength(MAX_CONTRADICTIONS_PER_DENIAL);
    // The nearest assertions are the ones kept.
    const kept = new Set(doc.contradictions.map((c) => c.claims[0]));
    expect(kept.has(doc.claims[doc.claims.length - 2].id)).toBe(true);
  });
});
