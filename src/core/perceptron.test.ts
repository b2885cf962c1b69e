import { describe, expect, it } from 'vitest';
import { CoreError } from './errors.js';
import {
  ByteReader,
  ByteWriter,
  decodePerceptron,
  encodePerceptron,
  hashFeature,
  hashString,
  PerceptronModel,
  PerceptronTrainer,
  type Classifier,
} from './perceptron.js';

/**
 * A synthetic problem: the class of a "word" is decided by its last letter (a–i, j–r, s–z);
 * its first two letters are noise, shared by every class. Class 0 never occurs, so that no
 * letter is learnt by winning the all-zero tie (which averaging would not preserve).
 */
const CLASSES = ['none', 'A', 'B', 'C'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
function example(word: string): { features: number[]; label: number } {
  const features = [hashFeature(1, 0), hashFeature(2, hashString(word.slice(-1))), hashFeature(3, hashString(word.slice(0, 2)))];
  return { features, label: 1 + Math.floor(LETTERS.indexOf(word.slice(-1)) / 9) };
}
const WORDS: string[] = [];
for (const last of LETTERS) for (const first of ['un', 'ba', 'ko', 'pi']) WORDS.push(`${first}x${last}`);

function train(seedOrder: string[], bits = 10): PerceptronTrainer {
  const trainer = new PerceptronTrainer(CLASSES, bits);
  for (let epoch = 0; epoch < 20; epoch++) {
    for (const word of seedOrder) {
      const { features, label } = example(word);
      trainer.update(label, trainer.predict(features, features.length), features, features.length);
      trainer.tick();
    }
  }
  return trainer;
}

function accuracy(classifier: Classifier, words: string[]): number {
  let correct = 0;
  for (const word of words) {
    const { features, label } = example(word);
    if (classifier.predict(features, features.length) === label) correct++;
  }
  return correct / words.length;
}

describe('hashing', () => {
  it('is deterministic and separates templates, values and seeds', () => {
    expect(hashString('said')).toBe(hashString('said'));
    expect(hashString('said')).not.toBe(hashString('says'));
    expect(hashString('said', 1)).not.toBe(hashString('said', 2));
    expect(hashFeature(1, 5)).not.toBe(hashFeature(2, 5));
    expect(hashFeature(1, 5, 6)).not.toBe(hashFeature(1, 6, 5));
    expect(hashFeature(3, 7)).toBeGreaterThanOrEqual(0);
  });

  it('spreads features evenly over buckets', () => {
    const buckets = new Uint32Array(256);
    for (let i = 0; i < 25_600; i++) buckets[hashFeature(9, i) & 255]++;
    expect(Math.max(...buckets)).toBeLessThan(160);
    expect(Math.min(...buckets)).toBeGreaterThan(50);
  });
});

describe('PerceptronTrainer', () => {
  it('learns a small synthetic problem, and the averaged quantised model keeps most of it', () => {
    const trainer = train(WORDS);
    expect(accuracy(trainer, WORDS)).toBe(1);
    // Averaging trades fit for robustness: early, wrong weights count too.
    expect(accuracy(trainer.toModel({ weightBytes: 1 }), WORDS)).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(trainer.toModel({ weightBytes: 2 }), WORDS)).toBeGreaterThanOrEqual(0.95);
  });

  it('scores agree with predict', () => {
    const model = train(WORDS).toModel({ weightBytes: 2 });
    const scores = new Float32Array(CLASSES.length);
    const { features } = example('unxz');
    model.scores(features, features.length, scores);
    expect(scores.indexOf(Math.max(...scores))).toBe(model.predict(features, features.length));
    expect(scores[3]).toBeGreaterThan(0);
  });

  it('is deterministic: the same examples in the same order give the same bytes', () => {
    const a = encodePerceptron(train(WORDS).toModel({ weightBytes: 1 }));
    const b = encodePerceptron(train(WORDS).toModel({ weightBytes: 1 }));
    const c = encodePerceptron(train([...WORDS].reverse()).toModel({ weightBytes: 1 }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('nudges one class at a time, and an update is a nudge up and a nudge down', () => {
    const { features } = example('unxa');
    const nudged = new PerceptronTrainer(CLASSES, 10);
    nudged.nudge(2, 1, features, features.length);
    nudged.nudge(1, -1, features, features.length);
    const updated = new PerceptronTrainer(CLASSES, 10);
    updated.update(2, 1, features, features.length);
    for (const trainer of [nudged, updated]) trainer.tick();
    const scores = (classifier: Classifier) => {
      const out = new Float32Array(CLASSES.length);
      classifier.scores(features, features.length, out);
      return [...out];
    };
    expect(scores(nudged)).toEqual([0, -3, 3, 0]); // three features, one weight each
    expect(scores(updated)).toEqual(scores(nudged));
    expect(encodePerceptron(nudged.toModel({ weightBytes: 1 }))).toEqual(encodePerceptron(updated.toModel({ weightBytes: 1 })));
  });

  it('rejects impossible shapes', () => {
    expect(() => new PerceptronTrainer(['only'], 10)).toThrow(RangeError);
    expect(() => new PerceptronTrainer(CLASSES, 30)).toThrow(RangeError);
  });
});

describe('binary format', () => {
  it('round-trips: the loaded model predicts and scores exactly as the saved one', () => {
    for (const weightBytes of [1, 2] as const) {
      const model = train(WORDS).toModel({ weightBytes });
      const loaded = decodePerceptron(encodePerceptron(model));
      expect(loaded.classes).toEqual(CLASSES);
      expect(loaded.bits).toBe(10);
      expect(loaded.weightBytes).toBe(weightBytes);
      const before = new Float32Array(CLASSES.length);
      const after = new Float32Array(CLASSES.length);
      for (const word of [...WORDS, 'zzzz', 'qqqa']) {
        const { features } = example(word);
        model.scores(features, features.length, before);
        loaded.scores(features, features.length, after);
        expect(after).toEqual(before);
      }
    }
  });

  it('scores an int8 model with packed lanes exactly as the sum of its entries, extremes and long inputs included', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (const nClasses of [2, 3, 17, 46]) {
      const bits = 8;
      const rowStart = new Uint32Array((1 << bits) + 1);
      const entryClass: number[] = [];
      const entryWeight: number[] = [];
      for (let row = 0; row < 1 << bits; row++) {
        rowStart[row] = entryClass.length;
        if (row > 1 && random(4) === 0) continue;
        for (let c = 0; c < nClasses; c++) {
          if (row > 1 && random(3) === 0) continue;
          entryClass.push(c);
          // Row 0 holds the largest weights and row 1 the smallest, where lanes would overflow first.
          entryWeight.push(row === 0 ? 127 : row === 1 ? -128 : random(255) - 127 || 1);
        }
      }
      rowStart[1 << bits] = entryClass.length;
      const classes = Array.from({ length: nClasses }, (_, c) => `c${c}`);
      const model = new PerceptronModel(classes, bits, 0.25, rowStart, Uint8Array.from(entryClass), Int8Array.from(entryWeight));
      const out = new Float32Array(nClasses);
      const inputs = [0, 1, 5, 64, 257, 400].map((n) => Array.from({ length: n }, () => random(2 ** 32)));
      for (const n of [256, 257, 258, 300]) inputs.push(new Array(n).fill(0), new Array(n).fill(1));
      for (const features of inputs) {
        const n = features.length;
        const expected = new Float32Array(nClasses);
        for (const feature of features) {
          const row = feature & ((1 << bits) - 1);
          for (let e = rowStart[row]; e < rowStart[row + 1]; e++) expected[entryClass[e]] += entryWeight[e] * 0.25;
        }
        model.scores(features, n, out);
        expect(out).toEqual(expected);
      }
    }
  });

  it('keeps only non-zero weights', () => {
    const model = train(WORDS).toModel({ weightBytes: 1 });
    expect(model.entryCount).toBeGreaterThan(0);
    expect(model.entryCount).toBeLessThan((1 << 10) * CLASSES.length);
    expect([...model.entryWeight].every((w) => w !== 0)).toBe(true);
  });

  it('fails with CG_E006 on foreign, truncated or padded bytes', () => {
    const bytes = encodePerceptron(train(WORDS).toModel({ weightBytes: 1 }));
    const code = (input: Uint8Array) => {
      try {
        decodePerceptron(input);
        return 'loaded';
      } catch (error) {
        return error instanceof CoreError ? error.code : 'other';
      }
    };
    expect(code(new Uint8Array([1, 2, 3, 4, 5, 6]))).toBe('CG_E006');
    expect(code(bytes.slice(0, bytes.length - 3))).toBe('CG_E006');
    expect(code(new Uint8Array([...bytes, 0]))).toBe('CG_E006');
    const wrongVersion = bytes.slice();
    wrongVersion[4] = 99;
    expect(code(wrongVersion)).toBe('CG_E006');
  });

  it('writes and reads varints and strings, including non-ASCII text', () => {
    const out = new ByteWriter();
    out.varint(0);
    out.varint(300);
    out.varint(2 ** 31 + 5);
    out.string('Łódź “quoted”');
    const input = new ByteReader(out.finish(), 'test');
    expect([input.varint(), input.varint(), input.varint()]).toEqual([0, 300, 2 ** 31 + 5]);
    expect(input.string()).toBe('Łódź “quoted”');
    expect(() => input.u8()).toThrow(/CG_E006: test: truncated/);
  });
});
