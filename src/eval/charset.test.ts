import { describe, expect, it } from 'vitest';
import { charSet, intersection, jaccard, sameChars, size, type CharSet } from './charset.js';

const chars = (...ranges: [number, number][]): CharSet => charSet(ranges.map(([start, end]) => ({ start, end })));

describe('character sets', () => {
  it('sorts and merges overlapping and touching ranges, dropping empty ones', () => {
    expect(chars([5, 8], [0, 3], [3, 4], [7, 10], [12, 12])).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 10 },
    ]);
  });

  it('measures size and shared characters across discontinuous ranges', () => {
    const a = chars([0, 4], [5, 10]);
    expect(size(a)).toBe(9);
    expect(intersection(a, chars([2, 6]))).toBe(3); // 2, 3 and 5
    expect(intersection(a, chars([4, 5], [10, 12]))).toBe(0);
  });

  it('scores Jaccard similarity as shared over united characters', () => {
    expect(jaccard(chars([0, 4]), chars([2, 8]))).toBe(2 / 8);
    expect(jaccard(chars([0, 4]), chars([4, 8]))).toBe(0);
  });

  it('treats a range split in two touching parts as the same set', () => {
    expect(sameChars(chars([0, 5], [5, 10]), chars([0, 10]))).toBe(true);
    expect(sameChars(chars([0, 10]), chars([0, 9]))).toBe(false);
  });
});
