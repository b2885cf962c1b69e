import { describe, expect, it } from 'vitest';
import { DomainTrainer } from './domains.js';

describe('DomainTrainer', () => {
  const classes = ['no', 'yes'];
  const feature = Uint32Array.of(0x12345);

  it('keeps what one corpus disagrees on in its own copy: each corpus model follows its own corpus', () => {
    const trainer = new DomainTrainer(classes, 8, 2, 0);
    for (let step = 0; step < 20; step++) {
      trainer.domain = step % 2;
      // Corpus 0 labels the feature "yes", corpus 1 "no".
      const truth = trainer.domain === 0 ? 1 : 0;
      trainer.update(truth, trainer.predict(feature, 1), feature, 1);
      trainer.tick();
    }
    const scores = new Float32Array(2);
    const first = trainer.modelFor(0, { weightBytes: 2 });
    first.scores(feature, 1, scores);
    expect(scores[1]).toBeGreaterThan(scores[0]);
    trainer.modelFor(1, { weightBytes: 2 }).scores(feature, 1, scores);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    // The shipped model is the first corpus's, over the usual number of buckets.
    expect(trainer.toModel({ weightBytes: 2 })).toEqual(first);
    expect(first.bits).toBe(8);
  });

  it('scores an example by the shared weight plus its corpus copy', () => {
    const trainer = new DomainTrainer(classes, 8, 2, null);
    trainer.domain = 1;
    trainer.update(1, 0, feature, 1);
    const scores = new Float32Array(2);
    trainer.scores(feature, 1, scores);
    expect([...scores]).toEqual([-2, 2]);
    trainer.domain = 0;
    trainer.scores(feature, 1, scores);
    expect([...scores]).toEqual([-1, 1]);
  });
});
