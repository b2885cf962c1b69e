import { PerceptronTrainer, quantiseWeights, type PerceptronModel, type QuantiseOptions, type Trainer } from '../core/perceptron.js';

/**
 * Feature augmentation for training on corpora with different conventions ("frustratingly easy
 * domain adaptation", Daumé 2007): every feature has a shared weight and one per corpus, and an
 * example is scored by the shared weight plus its corpus's. Copies live in regions of a larger
 * table indexed by the shared bucket, so the model of one corpus is the shared region plus that
 * corpus's region, bucket by bucket: a table of the usual size that costs nothing at run time.
 */
export class DomainTrainer implements Trainer {
  readonly classes: readonly string[];
  /** The corpus the next examples come from: 0 … domains − 1. */
  domain = 0;
  private readonly inner: PerceptronTrainer;
  private readonly mask: number;
  private expanded = new Uint32Array(64);

  /** `shipped`: the corpus whose copy {@link toModel} adds to the shared weights (null: shared alone). */
  constructor(
    classes: readonly string[],
    readonly bits: number,
    readonly domains: number,
    readonly shipped: number | null,
  ) {
    if (domains < 1) throw new RangeError('domain adaptation needs at least one domain');
    this.classes = classes;
    this.mask = (1 << bits) - 1;
    this.inner = new PerceptronTrainer(classes, bits + Math.ceil(Math.log2(domains + 1)));
  }

  /** The shared bucket and the current domain's copy of each feature. */
  private expand(features: ArrayLike<number>, n: number): number {
    if (this.expanded.length < 2 * n) this.expanded = new Uint32Array(4 * n);
    const { expanded, mask } = this;
    const region = (this.domain + 1) << this.bits;
    for (let f = 0; f < n; f++) {
      const bucket = features[f] & mask;
      expanded[2 * f] = bucket;
      expanded[2 * f + 1] = (bucket | region) >>> 0;
    }
    return 2 * n;
  }

  scores(features: ArrayLike<number>, n: number, out: Float32Array): void {
    this.inner.scores(this.expanded, this.expand(features, n), out);
  }

  predict(features: ArrayLike<number>, n: number): number {
    return this.inner.predict(this.expanded, this.expand(features, n));
  }

  update(truth: number, guess: number, features: ArrayLike<number>, n: number): void {
    this.inner.update(truth, guess, this.expanded, this.expand(features, n));
  }

  nudge(c: number, delta: number, features: ArrayLike<number>, n: number): void {
    this.inner.nudge(c, delta, this.expanded, this.expand(features, n));
  }

  tick(): void {
    this.inner.tick();
  }

  /** The shared averaged weights plus those of the shipped corpus, over 2^bits buckets. */
  toModel(options: QuantiseOptions): PerceptronModel {
    return this.modelFor(this.shipped, options);
  }

  /** The model of one corpus (null: the shared weights alone, for text unlike every corpus). */
  modelFor(domain: number | null, options: QuantiseOptions): PerceptronModel {
    const all = this.inner.averagedWeights();
    const width = (1 << this.bits) * this.classes.length;
    const folded = all.slice(0, width);
    if (domain !== null) {
      const region = all.subarray((domain + 1) * width, (domain + 2) * width);
      for (let j = 0; j < width; j++) folded[j] += region[j];
    }
    return quantiseWeights(this.classes, this.bits, folded, options);
  }
}
