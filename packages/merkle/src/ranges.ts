import { split } from './hash.js';

/**
 * The subtrees whose hashes make up PATH(m, D[0:size]) (RFC 9162 §2.1.3.1), as
 * [start, end) leaf ranges, in the order the proof lists them.
 */
export function inclusionRanges(m: number, size: number): [number, number][] {
  if (!Number.isInteger(m) || m < 0 || m >= size) throw new RangeError(`leaf ${m} is not in a tree of ${size}`);
  const path = (i: number, start: number, end: number): [number, number][] => {
    const n = end - start;
    if (n === 1) return [];
    const k = split(n);
    return i < k
      ? [...path(i, start, start + k), [start + k, end]]
      : [...path(i - k, start + k, end), [start, start + k]];
  };
  return path(m, 0, size);
}
