import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCueModel, encodeCueModel } from '../core/cue-model.js';
import { createPipeline } from '../core/pipeline.js';
import { defaultStages } from '../core/stages/index.js';
import { loadResources } from '../analyze.js';
import { trainCues } from './cues.js';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny gold set written here: "said" introduces attributions, "hoped" (in these texts) does not. */
function goldFile(): string {
  const names = ['Mary Jones', 'Peter Smith', 'Anna Berg', 'Omar Khan', 'Lena Petrova', 'Tom Baker'];
  const lines = names.map((name, k) => {
    const said = `${name} said that the vote was fair.`;
    const hoped = `${name} hoped that the weather would hold on day ${k + 1}.`;
    const text = `${said} ${hoped}`;
    const cue = said.indexOf(' said') + 1;
    return JSON.stringify({
      id: `a${k}`,
      text,
      attributions: [{
        id: 'E1', type: 'Attribution',
        source: { spans: [[0, name.length]], text: name },
        cue: { spans: [[cue, cue + 4]], text: 'said' },
        content: { spans: [[cue + 5, said.length - 1]], text: said.slice(cue + 5, -1) },
      }],
    });
  });
  const path = join(dir, 'gold.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('trainCues', () => {
  it('learns which verbs the gold counts as cues, and the model survives a save and load', async () => {
    const gold = goldFile();
    const resources = await loadResources({ withoutCueModel: true });
    const { model, score } = await trainCues(resources, { train: gold, dev: gold, epochs: 3, seed: 1, bits: 12, log: () => {} });
    expect(score).toBe(100);

    const restored = decodeCueModel(encodeCueModel(model));
    expect(restored.threshold).toBe(model.threshold);
    const pipeline = createPipeline(defaultStages({ ...resources, cueModel: restored }));
    const doc = pipeline.run('Karl Weber said that the count was wrong. Karl Weber hoped that the rain would stop.');
    expect(doc.quotes.map((q) => doc.slice(q.cue!))).toEqual(['said']);
  });
});
