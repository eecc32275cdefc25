import type { LearningFilter } from '@samenhang/audit-index';
import { SamenhangError } from '@samenhang/errors';

/** The values the figures hold, which are all a filter may choose from. */
export interface Dimensions {
  readonly regions: readonly string[];
  readonly kinds: readonly string[];
  readonly categories: readonly string[];
  readonly months: readonly string[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The filter a GET form asks for. A region, kind or category must be one the figures hold
 * (a value no cell has would show an empty page as if the answer were none); a month is
 * YYYY-MM. Empty fields filter nothing.
 */
export function learningFilter(q: URLSearchParams, dims: Dimensions): LearningFilter {
  const pick = (name: string, allowed: readonly string[]): string | undefined => {
    const v = q.get(name) ?? '';
    if (v === '') return undefined;
    if (!allowed.includes(v)) throw new SamenhangError('ERR_INPUT_INVALID', `${name}: not a value the figures hold`);
    return v;
  };
  const month = (name: string): string | undefined => {
    const v = q.get(name) ?? '';
    if (v === '') return undefined;
    if (!MONTH.test(v)) throw new SamenhangError('ERR_INPUT_INVALID', `${name}: a month is YYYY-MM`);
    return v;
  };
  const region = pick('regio', dims.regions);
  const kind = pick('soort', dims.kinds);
  const category = pick('categorie', dims.categories);
  const from = month('van');
  const to = month('tot');
  return {
    ...(region ? { region } : {}),
    ...(kind ? { kind } : {}),
    ...(category ? { category } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** The filter as a query string, for the charts' addresses (the same figures as the page's tables). */
export function filterQuery(f: LearningFilter): string {
  const q = new URLSearchParams();
  if (f.region) q.set('regio', f.region);
  if (f.kind) q.set('soort', f.kind);
  if (f.category) q.set('categorie', f.category);
  if (f.from) q.set('van', f.from);
  if (f.to) q.set('tot', f.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}
