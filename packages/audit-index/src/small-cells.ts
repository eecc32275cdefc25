/**
 * Small-cell suppression (docs/learning.md): a count below SMALL_CELL is never shown, only
 * that it is below it, and no figure is derived from it. A share is shown only when both its
 * part and the rest are at least SMALL_CELL, since the rest can be read off the share too.
 * It does not protect against differencing (subtracting two shown totals that differ by a
 * small group); docs/learning.md says what that leaves open.
 */
export const SMALL_CELL = 10;

/** A count as it may be shown: itself, or only that it is below SMALL_CELL. */
export type Shown = number | '< 10';

export const SUPPRESSED = '< 10' as const;

export const shownCount = (n: number): Shown => (n < SMALL_CELL ? SUPPRESSED : n);

/** A mean of durations (sum over count), or undefined when its count is a small cell. */
export const shownMean = (count: number, sum: number): number | undefined =>
  count < SMALL_CELL ? undefined : sum / count;

/** part / whole, or undefined when the part or the rest is a small cell. */
export const shownShare = (part: number, whole: number): number | undefined =>
  part < SMALL_CELL || whole - part < SMALL_CELL ? undefined : part / whole;
