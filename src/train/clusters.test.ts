import { describe, expect, it } from 'vitest';
import { clusterWords, textSentences } from './clusters.js';

/** Sentences "NAME VERB the NOUN ." from small word classes, in a fixed order. */
function corpus(): string[][] {
  const names = ['Anna', 'Boris', 'Carla', 'Dmitri'];
  const verbs = ['saw', 'met', 'called', 'praised'];
  const nouns = ['minister', 'team', 'court', 'bank'];
  const sentences: string[][] = [];
  for (let k = 0; k < 400; k++) {
    sentences.push([names[k % 4], verbs[Math.floor(k / 4) % 4], 'the', nouns[Math.floor(k / 16) % 4], '.']);
  }
  return sentences;
}

describe('clusterWords', () => {
  const options = { depth: 4, minCount: 2, maxPasses: 10 };
  const { paths } = clusterWords(corpus(), options);

  it('gives every frequent word a path of the requested depth', () => {
    expect(paths.size).toBe(14);
    for (const path of paths.values()) expect(path).toMatch(/^[01]{4}$/);
  });

  it('puts words of the same class closer in the tree than words of different classes', () => {
    const classes = [['Anna', 'Boris', 'Carla', 'Dmitri'], ['saw', 'met', 'called', 'praised'], ['minister', 'team', 'court', 'bank']];
    const shared = (a: string, b: string): number => {
      const [p, q] = [paths.get(a) as string, paths.get(b) as string];
      let k = 0;
      while (k < p.length && p[k] === q[k]) k++;
      return k;
    };
    for (const words of classes) {
      const within = Math.min(...words.flatMap((a) => words.map((b) => shared(a, b))));
      const others = classes.filter((c) => c !== words).flat();
      const across = Math.max(...words.flatMap((a) => others.map((b) => shared(a, b))));
      expect(within, words.join(' ')).toBeGreaterThan(across);
    }
  });

  it('leaves out words below the count threshold and is deterministic', () => {
    const rare = [...corpus(), ['Zed', 'saw', 'the', 'bank', '.']];
    const again = clusterWords(rare, options);
    expect(again.paths.has('Zed')).toBe(false);
    expect(clusterWords(rare, options)).toEqual(again);
  });
});

describe('textSentences', () => {
  it('splits text with the pipeline tokenizer and segmenter', () => {
    expect(textSentences("Mr. Smith didn't go. He stayed.")).toEqual([['Mr.', 'Smith', 'did', "n't", 'go', '.'], ['He', 'stayed', '.']]);
  });
});
