import { retentionEnd } from '@samenhang/decision';
import type { LoadedPolicy } from '@samenhang/policy';
import type { ExtraHeaders } from '@samenhang/nats';
import { hasUnsent, type Picture, type PictureEntry } from '@samenhang/family';

/**
 * Every picture write carries, in this header, what the expiry sweep needs to know when
 * the picture is next due, under whichever policy is in force then: "now" (an alert
 * version to send), "none", or the times retention counts from, as `name=<ms>` tokens:
 * `at` the earliest explicit expiry, `<CATEGORY>` the earliest observation in that
 * category, `<CATEGORY>+` the earliest in the calendar month after that one (below). The
 * sweep reads the headers only (`lastHeaders`) and fetches just the pictures that are due,
 * instead of all of them every hour (200,000 reads, ~9.5 minutes); a policy
 * change does not make every stamp stale, as a stamp holding the policy's own result did.
 */
export const EXPIRY_HEADER = 'Samenhang-Expiry';

/** An entry the sweep still has to take out one day: not yet expired under R14. */
const unexpired = (e: PictureEntry) => e.decision.decidingRule !== 'R14';

/** The entries of a live picture past their retention at `now` and not yet expired. */
export function dueEntries(p: Picture, policy: LoadedPolicy, now: number): PictureEntry[] {
  return p.mergedInto ? [] : Object.values(p.entries).filter((e) => unexpired(e) && retentionEnd(e, policy) <= now);
}

/** Months since year 0 of a time, in UTC: the calendar month retention counts from. */
const monthOf = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** A category as a token name; signal validation only lets enum names through. */
const CATEGORY = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * What `p`'s stamp says, independent of any policy. Retention ends at observation plus the
 * category's months, and adding months in UTC is monotonic within one calendar month but
 * not across two: 31 January + 1 month is 3 March, 1 February + 1 month is 1 March. So the
 * first end in a category is that of its earliest observation or of the earliest in the
 * month after (later months end later still): the stamp keeps both.
 */
export function expiryFacts(p: Picture): string {
  if (p.mergedInto) return 'none';
  if (hasUnsent(p)) return 'now';
  let at: number | undefined;
  const first = new Map<string, number>();
  const live = Object.values(p.entries).filter(unexpired);
  for (const e of live) {
    if (e.expiresAt !== undefined) at = Math.min(at ?? e.expiresAt, e.expiresAt);
    else if (!CATEGORY.test(e.category))
      return 'now'; // cannot be named: the sweep reads it
    else first.set(e.category, Math.min(first.get(e.category) ?? e.observedAt, e.observedAt));
  }
  const next = new Map<string, number>();
  for (const e of live) {
    const f = e.expiresAt === undefined ? first.get(e.category) : undefined;
    if (f !== undefined && monthOf(e.observedAt) === monthOf(f) + 1)
      next.set(e.category, Math.min(next.get(e.category) ?? e.observedAt, e.observedAt));
  }
  const tokens = [
    ...(at !== undefined ? [`at=${at}`] : []),
    ...[...first].map(([c, t]) => `${c}=${t}`),
    ...[...next].map(([c, t]) => `${c}+=${t}`),
  ];
  return tokens.length === 0 ? 'none' : tokens.sort().join(' ');
}

/** The header every write of `p` carries. */
export function expiryStamp(p: Picture): ExtraHeaders {
  return { [EXPIRY_HEADER]: expiryFacts(p) };
}

const TOKEN = /^(at|[A-Z][A-Z0-9_]{0,63}\+?)=(\d{1,16})$/;

/**
 * When a stamp says its picture is due under `policy`: 0 for "now", undefined for "none"
 * (never), false for a stamp that cannot be read.
 */
export function stampDue(stamp: string | undefined, policy: LoadedPolicy): number | undefined | false {
  if (stamp === 'now') return 0;
  if (stamp === 'none') return undefined;
  if (!stamp) return false;
  let due: number | undefined;
  for (const token of stamp.split(' ')) {
    const m = TOKEN.exec(token);
    const ms = m ? Number(m[2]) : NaN;
    if (!m || !Number.isSafeInteger(ms)) return false;
    const name = m[1]!;
    const end =
      name === 'at'
        ? ms
        : retentionEnd({ category: name.endsWith('+') ? name.slice(0, -1) : name, observedAt: ms }, policy);
    due = Math.min(due ?? end, end);
  }
  return due;
}

/**
 * Why the sweep must read a picture: its stamp says something is due by `now` under
 * `policy`, or the stamp is missing or unreadable ("unstamped", as are stamps of older versions,
 * which named a policy digest). False: the stamp vouches that nothing is due.
 */
export function sweepReason(stamp: string | undefined, policy: LoadedPolicy, now: number): 'due' | 'unstamped' | false {
  const due = stampDue(stamp, policy);
  if (due === false) return 'unstamped';
  return due !== undefined && due <= now ? 'due' : false;
}
