import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The corpus writer's heap cap. What the writer keeps is bounded by its windows, but V8 lets a
 * heap run far ahead of what is live when nothing makes it collect (docs/scale.md: about 150 MB
 * live, 550 MB of heap and 830 MB of RSS at 10,000 articles). A heap's hard limit
 * (`--max-old-space-size`) can only be set when Node starts, and starting the writer again as a
 * child process would let it outlive a `kill -9` of the process started. So the writer collects
 * itself: between batches, once the heap in use passes the cap, a full collection brings it back
 * to what is live, and V8 gives the freed pages back.
 */

/** The cap (MB) unless `CLAIMGRAPH_WRITER_HEAP_MB` says otherwise (0: none). */
export const DEFAULT_WRITER_HEAP_MB = 256;

/**
 * After a collection the heap is what is live; when that is already near the cap (windows filled
 * beyond it), collecting at every batch would cost much and give back little: the next collection
 * waits until the heap has grown by this factor over what was live.
 */
const GROWTH_OVER_LIVE = 1.5;

export class HeapCap {
  private threshold: number;

  private constructor(
    /** The cap in MB. */
    readonly mb: number,
    private readonly collect: () => void,
  ) {
    this.threshold = mb * 2 ** 20;
  }

  /** The writer's cap from `CLAIMGRAPH_WRITER_HEAP_MB`, or null when it is 0. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): HeapCap | null {
    const setting = env.CLAIMGRAPH_WRITER_HEAP_MB?.trim();
    const mb = setting ? Number(setting) : DEFAULT_WRITER_HEAP_MB;
    if (!Number.isInteger(mb) || mb < 0) throw new Error(`CLAIMGRAPH_WRITER_HEAP_MB must be a whole number of MB (0 for no cap), not "${setting}"`);
    if (mb === 0) return null;
    // The collector is reachable from JavaScript only with this flag; set now, it is available to a new context.
    setFlagsFromString('--expose-gc');
    return new HeapCap(mb, runInNewContext('gc') as () => void);
  }

  /** Between batches: collects when the heap in use has passed the cap. True when it collected. */
  check(): boolean {
    if (getHeapStatistics().used_heap_size <= this.threshold) return false;
    this.collect();
    this.threshold = Math.max(this.mb * 2 ** 20, getHeapStatistics().used_heap_size * GROWTH_OVER_LIVE);
    return true;
  }
}
