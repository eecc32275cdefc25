import { retentionEnd } from '@samenhang/decision';
import type { LoadedPolicy } from '@samenhang/policy';
import type { ExtraHeaders } from '@samenhang/stack';
import type { Picture, PictureEntry } from './family/picture.js';
import { toSend } from './region-view.js';

/**
 * Every picture write carries, in this header, when the expiry sweep next has something
 * to do for it, under which policy: "<policy digest> <ms since epoch | none>". The sweep
 * reads the headers only (`lastHeaders`) and fetches just the pictures that are due,
 * instead of all of them every hour (200,000 reads, ~9.5 minutes, stop 28).
 */
export const EXPIRY_HEADER = 'Samenhang-Expiry';

/** An entry the sweep still has to take out one day: not yet expired under R14. */
const unexpired = (e: PictureEntry) => e.decision.decidingRule !== 'R14';

/** An alert version the sweeper recorded and has not sent (a merged-away picture sends nothing). */
export function hasUnsent(p: Picture): boolean {
  return !p.mergedInto && Object.values(p.alerts).some((a) => toSend(a));
}

/** The entries of a live picture past their retention at `now` and not yet expired. */
export function dueEntries(p: Picture, policy: LoadedPolicy, now: number): PictureEntry[] {
  return p.mergedInto ? [] : Object.values(p.entries).filter((e) => unexpired(e) && retentionEnd(e, policy) <= now);
}

/**
 * When the sweep must next look at `p`: its first unexpired signal's retention end, at
 * once (0) for an unsent version, or never (undefined) for a merged-away or empty picture.
 * The sweep decides with `dueEntries` and `hasUnsent`: the same tests, so a stamp never
 * says "nothing due" for a picture the sweep would act on.
 */
export function nextDue(p: Picture, policy: LoadedPolicy): number | undefined {
  if (p.mergedInto) return undefined;
  if (hasUnsent(p)) return 0;
  let due: number | undefined;
  for (const e of Object.values(p.entries)) {
    if (!unexpired(e)) continue;
    const end = retentionEnd(e, policy);
    if (due === undefined || end < due) due = end;
  }
  return due;
}

/** The header a write of `p` carries; none without a policy (the sweep then reads it). */
export function expiryStamp(p: Picture, policy: LoadedPolicy | undefined): ExtraHeaders | undefined {
  return policy && { [EXPIRY_HEADER]: `${policy.digest} ${nextDue(p, policy) ?? 'none'}` };
}

/**
 * Why the sweep must read a picture: its stamp says something is due by `now`, or the
 * stamp is missing, unreadable or made under another policy ("unstamped": retention
 * depends on the policy). False: the stamp vouches that nothing is due.
 */
export function sweepReason(stamp: string | undefined, policy: LoadedPolicy, now: number): 'due' | 'unstamped' | false {
  const [digest, due, extra] = stamp?.split(' ') ?? [];
  if (digest !== policy.digest || due === undefined || extra !== undefined) return 'unstamped';
  if (due === 'none') return false;
  const at = Number(due);
  if (!/^\d+$/.test(due) || !Number.isSafeInteger(at)) return 'unstamped';
  return at <= now ? 'due' : false;
}
