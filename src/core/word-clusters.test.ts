import { describe, expect, it } from 'vitest';
import { clusterKey, clusterPath, decodeWordClusters, encodeWordClusters } from './word-clusters.js';

const clusters = { paths: new Map([['Japan', '0101'], ['said', '11'], ['000', '0011'], ['the', '']]) };

describe('word clusters', () => {
  it('keys numbers by their shape', () => {
    expect(clusterKey('1996')).toBe('0000');
    expect(clusterPath(clusters, '742')).toBe('0011');
  });

  it('falls back from the written form to title case and lower case', () => {
    expect(clusterPath(clusters, 'Japan')).toBe('0101');
    expect(clusterPath(clusters, 'JAPAN')).toBe('0101');
    expect(clusterPath(clusters, 'SAID')).toBe('11');
    expect(clusterPath(clusters, 'Kyoto')).toBeUndefined();
  });

  it('round-trips through the binary format, leading zeros and empty paths included', () => {
    const bytes = encodeWordClusters(clusters);
    expect(decodeWordClusters(bytes).paths).toEqual(clusters.paths);
    expect(() => decodeWordClusters(bytes.subarray(0, bytes.length - 1))).toThrow(/CG_E006: word clusters: truncated/);
  });

  it('refuses paths that are not bit strings of at most 31 bits', () => {
    expect(() => encodeWordClusters({ paths: new Map([['x', '012']]) })).toThrow(RangeError);
    expect(() => encodeWordClusters({ paths: new Map([['x', '1'.repeat(32)]]) })).toThrow(RangeError);
  });
});
