/** Every personal value in scenario signals: BSNs, names, birth dates, postcodes, free text, contacts (and summary fragments). */
export function personalValues(signals: readonly Record<string, unknown>[]): string[] {
  const values = new Set<string>();
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string' && ['bsn', 'name', 'birthDate', 'postcode', 'summary', 'phone', 'email'].includes(key))
      values.add(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  for (const s of signals) walk(s);
  // Also fragments: a summary must not leak in pieces either.
  for (const s of signals) values.add(String(s.summary).split(' ').slice(0, 3).join(' '));
  return [...values];
}
