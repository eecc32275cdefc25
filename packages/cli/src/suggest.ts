/**
 * Edit distance with adjacent transpositions (optimal string alignment): "aletrs" is one
 * edit from "alerts", the kind of slip a hand makes on a keyboard.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Farther than this, a suggestion is more often wrong than helpful. */
export const MAX_SUGGESTION_DISTANCE = 2;

/**
 * The candidates closest to what was typed, at most two edits away and fewer edits than
 * the word has letters (so "xy" does not become "up"); ties are all returned, in the
 * candidates' order. Case is ignored: "Alerts" is "alerts".
 */
export function suggest(typed: string, candidates: readonly string[]): string[] {
  const word = typed.toLowerCase();
  let best = Infinity;
  let found: string[] = [];
  for (const c of candidates) {
    const n = editDistance(word, c.toLowerCase());
    if (n > MAX_SUGGESTION_DISTANCE || n >= word.length) continue;
    if (n < best) [best, found] = [n, [c]];
    else if (n === best) found.push(c);
  }
  return found;
}

/** `; did you mean "alerts"?`, or nothing when no candidate is close. */
export function didYouMean(
  typed: string,
  candidates: readonly string[],
  quote: (s: string) => string = (s) => `"${s}"`,
): string {
  const s = suggest(typed, candidates);
  return s.length === 0 ? '' : `; did you mean ${s.map(quote).join(' or ')}?`;
}
