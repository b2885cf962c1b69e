import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { prepareArticle } from '../core/corpus/prepare.js';
import { packPrepared, unpackPrepared } from './prepared-codec.js';

describe('packPrepared', () => {
  it('gives back maps, sets and MinHash words as they were, in the same order', async () => {
    const analyzer = await createAnalyzer();
    const prepared = prepareArticle(analyzer.run(`Russia says it shares information with Taliban

Russian envoy Zamir Kabulov said on Monday that Russia and the Taliban have channels for exchanging information about ISIL.`));
    const back = unpackPrepared(packPrepared(prepared));
    expect(back).toEqual(prepared);
    expect(back.signature).toBeInstanceOf(Uint32Array);
    expect([...back.features.body.keys()]).toEqual([...prepared.features.body.keys()]);
    expect([...back.features.title]).toEqual([...prepared.features.title]);
  });
});
