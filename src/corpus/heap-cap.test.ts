import { describe, expect, it } from 'vitest';
import { DEFAULT_WRITER_HEAP_MB, HeapCap } from './heap-cap.js';

describe('the writer’s heap cap', () => {
  it('is set by CLAIMGRAPH_WRITER_HEAP_MB, 0 turning it off', () => {
    expect(HeapCap.fromEnvironment({})?.mb).toBe(DEFAULT_WRITER_HEAP_MB);
    expect(HeapCap.fromEnvironment({ CLAIMGRAPH_WRITER_HEAP_MB: '700' })?.mb).toBe(700);
    expect(HeapCap.fromEnvironment({ CLAIMGRAPH_WRITER_HEAP_MB: '0' })).toBeNull();
    expect(() => HeapCap.fromEnvironment({ CLAIMGRAPH_WRITER_HEAP_MB: 'lots' })).toThrow(/CLAIMGRAPH_WRITER_HEAP_MB must be a whole number/);
  });

  it('collects once the heap in use passes the cap, then not again until the heap has grown over what was live', () => {
    // A cap of 1 MB: the heap of any process is over it.
    const cap = HeapCap.fromEnvironment({ CLAIMGRAPH_WRITER_HEAP_MB: '1' }) as HeapCap;
    expect(cap.check()).toBe(true);
    expect(cap.check()).toBe(false);
  });
});
