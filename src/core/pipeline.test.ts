import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.js';
import { createPipeline, pipelineThrough, type Stage } from './pipeline.js';
import { segmentsStage } from './stages/segments.js';
import { tokensStage } from './stages/tokens.js';

describe('createPipeline', () => {
  it('refuses a stage whose required layer no earlier stage assigns (CG_E001)', () => {
    expect(() => createPipeline([segmentsStage])).toThrow(CoreError);
    expect(() => createPipeline([segmentsStage])).toThrow(/CG_E001.*segments.*tokens/);
  });

  it('runs stages in order and records the layers they assign', () => {
    const seen: string[] = [];
    const spy: Stage = { name: 'spy', requires: ['sentences'], assigns: [], apply: (doc) => { seen.push(`${doc.sentences.length}`); } };
    const doc = createPipeline([tokensStage, segmentsStage, spy]).run('One. Two.');
    expect(seen).toEqual(['2']);
    expect([...doc.layers]).toEqual(['tokens', 'paragraphs', 'sentences']);
  });

  it('cuts a pipeline after the stage that assigns a layer, and refuses a layer none assigns', () => {
    const ran: string[] = [];
    const after: Stage = { name: 'after', requires: ['sentences'], assigns: ['claims'], apply: () => { ran.push('after'); } };
    const full = createPipeline([tokensStage, segmentsStage, after]);
    const cut = pipelineThrough(full, 'sentences');
    expect(cut.stages.map((s) => s.name)).toEqual(['tokens', 'segments']);
    expect(cut.run('One. Two.').sentences).toHaveLength(2);
    expect(ran).toEqual([]);
    expect(() => pipelineThrough(full, 'deps')).toThrow(/CG_E001.*deps/);
  });
});
