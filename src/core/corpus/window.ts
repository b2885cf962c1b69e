/**
 * Keyed state the corpus engine reads synchronously. An engine without a store holds all of it
 * (no capacity): a key it has never seen has no value. A store-backed engine holds a window of the
 * store's table: the node side loads every key an article will read before the engine reads it
 * (reading a key not loaded is an error, never a silent "none"), the least recently used keys are
 * dropped when a batch is taken (never between, so what the batch changed stays until the store has it).
 */
export class StateWindow<K, V> {
  private readonly entries = new Map<K, V>();
  /** Keys used since the last {@link settle}: already last in the order, so a key is moved once per batch, not at every read. */
  private readonly used = new Set<K>();

  constructor(
    private readonly name: string,
    /** Keys kept after a batch; null keeps every key (the engine without a store). */
    private readonly capacity: number | null,
  ) {}

  /** The value of `key`, or undefined when it has none; a windowed key must have been loaded. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (this.capacity === null) return value;
    if (value === undefined && !this.entries.has(key)) throw new Error(`corpus state: ${this.name} ${String(key)} was read before it was loaded`);
    // Most recently used last (by batch: keys are dropped only between batches): the order settle() evicts in.
    if (!this.used.has(key)) {
      this.used.add(key);
      this.entries.delete(key);
      this.entries.set(key, value as V);
    }
    return value;
  }

  /** The value if held, without counting as a use (for writes that need no complete value). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
  }

  /** Forgets a key for good (a story merged away): the store drops it in the same batch. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** The keys among `keys` the node side must load. */
  missing(keys: Iterable<K>): K[] {
    if (this.capacity === null) return [];
    return [...new Set(keys)].filter((key) => !this.entries.has(key));
  }

  /** A value as the store has it; a key already held is as new or newer, and is kept. */
  load(key: K, value: V): void {
    if (!this.entries.has(key)) this.entries.set(key, value);
  }

  /**
   * A batch was taken, with every change so far: the least recently used keys beyond capacity go.
   * The batch must be written before the next load, or a key loaded again would miss its changes.
   */
  settle(): void {
    if (this.capacity === null) return;
    this.used.clear();
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(key);
    }
  }

  /** The values held, least recently used first. */
  values(): IterableIterator<V> {
    return this.entries.values();
  }

  /** True without a store: every key is held. */
  get holdsAll(): boolean {
    return this.capacity === null;
  }
}

/**
 * A bounded cache of a pure function's results (lexicon lookups by name): once full, the oldest
 * entry goes. A result computed again is the same, so what is cached never changes a decision.
 */
export class Memo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, value);
    }
    return value;
  }
}
