import { describe, expect, it } from 'vitest';
import { LshIndex, SIGNATURE_SIZE, estimateJaccard, minhash, shingles } from './minhash.js';

const ARTICLE = `Kabul: The Afghan Taliban has officially denied any negotiations or exchange of information with
Russia to fight the spread of the IS terror group in Afghanistan. The group dismissed the claims on Saturday,
saying they did not need anyone's support to fight and eliminate the presence of IS. "We are having talks, but
not about fighting the IS. We want foreign forces out of our country," a Taliban spokesperson told Al Jazeera.
Zamir Kabulov, official at the Russian foreign ministry, said earlier this week that the Taliban interest
objectively coincides with Russia's, and that Moscow and the Taliban have channels for exchanging information.`;

/** Exact Jaccard of the shingle sets, to compare the estimate with. */
function jaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  const common = [...x].filter((s) => y.has(s)).length;
  return common / (x.size + y.size - common);
}

describe('shingles and minhash', () => {
  it('ignores case and punctuation, not word order', () => {
    expect(shingles('The Taliban, said: "no".')).toEqual(shingles('the taliban said no'));
    expect(shingles('a b c d')).not.toEqual(shingles('d c b a'));
    expect(shingles('two words').size).toBe(1);
    expect(shingles('').size).toBe(0);
  });

  it('estimates the Jaccard similarity of the shingle sets', () => {
    const copy = `New headline for the copy\n\n${ARTICLE.replace(/\bIS\b/g, 'ISIL')}`;
    const exact = jaccard(ARTICLE, copy);
    const estimate = estimateJaccard(minhash(shingles(ARTICLE)), minhash(shingles(copy)));
    expect(exact).toBeGreaterThan(0.5);
    expect(exact).toBeLessThan(0.95);
    // Three standard errors of an estimate from SIGNATURE_SIZE hashes.
    expect(Math.abs(estimate - exact)).toBeLessThan(3 * Math.sqrt((exact * (1 - exact)) / SIGNATURE_SIZE));
    expect(estimateJaccard(minhash(shingles(ARTICLE)), minhash(shingles(ARTICLE)))).toBe(1);
  });
});

describe('LshIndex', () => {
  it('finds a near copy above the threshold, the earliest on ties, and not an unrelated text', () => {
    const index = new LshIndex();
    const texts = { original: ARTICLE, 'same-again': ARTICLE, unrelated: 'Farmers in the Rift Valley said months without rain had cut their maize harvest by half.' };
    Object.entries(texts).forEach(([id, text], i) => index.add({ id, seq: i + 1, story: `s${id}`, signature: minhash(shingles(text)) }));
    const copy = minhash(shingles(`${ARTICLE} Reporting by the wire desk.`));
    expect(index.nearest(copy, 0.7)?.member.id).toBe('original');
    expect(index.nearest(minhash(shingles('Bakers in Utrecht say flour prices doubled since the summer.')), 0.3)).toBeNull();
  });
});
