import type { Span } from '../core/doc.js';

/** A set of characters as sorted, disjoint, non-touching `[start, end)` ranges: equal sets are equal arrays. */
export type CharSet = readonly Span[];

/** The union of `spans`, normalised so that equal character sets compare equal. */
export function charSet(spans: readonly Span[]): CharSet {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

export function size(set: CharSet): number {
  let total = 0;
  for (const span of set) total += span.end - span.start;
  return total;
}

/** Number of characters two sets share. */
export function intersection(a: CharSet, b: CharSet): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    shared += Math.max(0, Math.min(a[i].end, b[j].end) - Math.max(a[i].start, b[j].start));
    if (a[i].end < b[j].end) i += 1;
    else j += 1;
  }
  return shared;
}

export function sameChars(a: CharSet, b: CharSet): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i].start && s.end === b[i].end);
}

/** Shared characters over characters in either set; 0 for disjoint sets. */
export function jaccard(a: CharSet, b: CharSet): number {
  const shared = intersection(a, b);
  return shared === 0 ? 0 : shared / (size(a) + size(b) - shared);
}
