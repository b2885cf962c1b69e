import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyze.js';
import type { Doc } from '../doc.js';
import type { Pipeline } from '../pipeline.js';
import { contentEndCandidates, contentStartCandidates } from './content-span.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await createAnalyzer();
});

const words = (doc: Doc, from: number, to: number) => doc.text.slice(doc.tokens.start[from], doc.tokens.end[to - 1]);

describe('content edge candidates', () => {
  it('ends a content at clause breaks outside quote marks and before the final stop', () => {
    const doc = pipeline.run('Lena said the deal, which "was, frankly, fair", would hold, but not for long.');
    const start = 2;
    const quoted = (k: number) => {
      const open = doc.text.indexOf('"');
      const close = doc.text.lastIndexOf('"');
      return doc.tokens.start[k] >= open && doc.tokens.start[k] <= close;
    };
    const ends = contentEndCandidates(doc, start, doc.tokenCount - 1, doc.tokenCount, quoted);
    expect(ends.map((e) => words(doc, start, e))).toEqual([
      'the deal',
      'the deal, which "was, frankly, fair"',
      'the deal, which "was, frankly, fair", would hold',
      'the deal, which "was, frankly, fair", would hold, but not for long',
    ]);
  });

  it('starts a content at the rules\' start or up to twelve tokens later, never inside a quotation', () => {
    const doc = pipeline.run('She urged voters in the state to "stay calm and vote".');
    const quoted = (k: number) => doc.tokens.start[k] > doc.text.indexOf('"');
    const starts = contentStartCandidates(doc, 2, doc.tokenCount - 1, quoted);
    expect(starts.map((s) => doc.word(s))).toEqual(['voters', 'in', 'the', 'state', 'to', '"', 'stay']);
  });

  it('never starts a content past a noun its clause complements', () => {
    const doc = pipeline.run('Officials refuted claims that the minister had resigned.');
    const starts = contentStartCandidates(doc, 2, doc.tokenCount - 1, () => false);
    expect(starts.map((s) => doc.word(s))).toEqual(['claims']);
  });
});
