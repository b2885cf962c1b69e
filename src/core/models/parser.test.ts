import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParserModel, loadPosModel } from '../../models.js';
import { createPipeline, type Pipeline } from '../pipeline.js';
import { createDepsStage } from '../stages/deps.js';
import { createPosStage } from '../stages/pos.js';
import { segmentsStage } from '../stages/segments.js';
import { tokensStage } from '../stages/tokens.js';
import { children, clauseHead } from '../syntax.js';
import { decodeParserModel, encodeParserModel, type ParserModel } from './parser.js';

let model: ParserModel;
let pipeline: Pipeline;
beforeAll(async () => {
  model = await loadParserModel();
  pipeline = createPipeline([tokensStage, segmentsStage, createPosStage(await loadPosModel()), createDepsStage(model)]);
});

/** `word:relation>headword` for every token of `text`. */
function arcs(text: string): string[] {
  const doc = pipeline.run(text);
  const { head, deprel } = doc.tokens;
  return doc.tokens.start.map((_, i) => `${doc.word(i)}:${deprel[i]}>${head[i] < 0 ? 'ROOT' : doc.word(head[i])}`);
}

describe('the shipped dependency parser', () => {
  it('round-trips its file byte for byte and rejects a damaged one with CG_E006', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../models/deps-en.bin', import.meta.url)));
    // Buffer.equals: a deep toEqual over megabytes of bytes takes minutes.
    expect(Buffer.from(encodeParserModel(decodeParserModel(bytes))).equals(bytes)).toBe(true);
    expect(() => decodeParserModel(bytes.subarray(0, bytes.length - 3))).toThrow(/CG_E006/);
    expect(model.labeller.classes[0]).toBe('root');
    expect(model.labeller.classes).toContain('nsubj:pass');
  });

  it('parses a reported statement: the cue is the root, the speaker its subject, the report its complement', () => {
    const parsed = arcs('Kabulov said Russia exchanged information with the Taliban.');
    expect(parsed).toContain('said:root>ROOT');
    expect(parsed).toContain('Kabulov:nsubj>said');
    expect(parsed).toContain('exchanged:ccomp>said');
    expect(parsed).toContain('Russia:nsubj>exchanged');
    expect(parsed).toContain('information:obj>exchanged');
    expect(parsed).toContain('.:punct>said');
    const denial = arcs('The Taliban denied that it shared intelligence with Russia.');
    expect(denial).toContain('that:mark>shared');
    expect(denial).toContain('shared:ccomp>denied');
    expect(denial).toContain('Russia:obl>shared');
  });

  it('tells a passive subject and its agent apart', () => {
    const parsed = arcs('The claims were denied by the Taliban.');
    expect(parsed).toContain('claims:nsubj:pass>denied');
    expect(parsed).toContain('were:aux:pass>denied');
    expect(parsed).toContain('Taliban:obl:agent>denied');
  });

  it('gives every sentence one root and keeps heads inside their sentence', () => {
    const doc = pipeline.run('He left. "We have talks," a spokesperson said on Friday.\n\nNo.');
    for (const { tokenStart, tokenEnd } of doc.sentences) {
      const roots = doc.tokens.head.slice(tokenStart, tokenEnd).filter((h) => h === -1);
      expect(roots).toHaveLength(1);
      for (let i = tokenStart; i < tokenEnd; i++) {
        const h = doc.tokens.head[i];
        if (h >= 0) expect(h >= tokenStart && h < tokenEnd && h !== i).toBe(true);
      }
    }
    const said = doc.tokens.lower.indexOf('said');
    expect(clauseHead(doc, doc.tokens.lower.indexOf('talks'))).not.toBe(said);
    expect(children(doc, said).map((k) => doc.word(k))).toContain('spokesperson');
  });
});
