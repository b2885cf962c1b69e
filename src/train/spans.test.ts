import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeContentSpanModel, encodeContentSpanModel } from '../core/models/content-span.js';
import { createPipeline } from '../core/pipeline.js';
import { defaultStages } from '../core/stages/index.js';
import { loadResources } from '../analyze.js';
import { trainSpans } from './spans.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-spans-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A tiny gold set written here: the annotators end each reported content before a relative clause
 * that describes its last name, which the rules keep.
 */
function goldFile(): string {
  const people = [['Mary Jones', 'Peter Smith'], ['Anna Berg', 'Omar Khan'], ['Lena Petrova', 'Tom Baker'], ['Ines Moreau', 'Jan Novak']];
  const lines = people.map(([speaker, other], k) => {
    const content = `the plan would help ${other}`;
    const text = `${speaker} said ${content}, who is ${60 + k}.`;
    const cue = speaker.length + 1;
    return JSON.stringify({
      id: `a${k}`,
      text,
      attributions: [{
        id: 'E1', type: 'Attribution',
        source: { spans: [[0, speaker.length]], text: speaker },
        cue: { spans: [[cue, cue + 4]], text: 'said' },
        content: { spans: [[cue + 5, cue + 5 + content.length]], text: content },
      }],
    });
  });
  const path = join(dir, 'gold.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('trainSpans', () => {
  it('learns where the gold ends a content, and the model survives a save and load', async () => {
    const gold = goldFile();
    const resources = await loadResources({ withoutSpanModel: true });
    const text = 'Karl Weber said the law would hurt Eva Lind, who is 45.';
    const rulesOnly = createPipeline(defaultStages(resources)).run(text);
    expect(rulesOnly.quotes.map((q) => rulesOnly.slice(q.content))).toEqual(['the law would hurt Eva Lind, who is 45']);

    const { model } = await trainSpans(resources, { train: gold, dev: gold, epochs: 3, seed: 1, bits: 12, log: () => {} });
    const restored = decodeContentSpanModel(encodeContentSpanModel(model));
    expect(restored.threshold).toBe(model.threshold);
    const doc = createPipeline(defaultStages({ ...resources, spanModel: restored })).run(text);
    expect(doc.quotes.map((q) => doc.slice(q.content))).toEqual(['the law would hurt Eva Lind']);
  });
});
