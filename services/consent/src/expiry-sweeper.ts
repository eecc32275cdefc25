import { decide, retentionEnd } from '@samenhang/decision';
import { rvtOf } from '@samenhang/pki';
import { BUCKETS, lastHeaders } from '@samenhang/stack';
import { PURPOSE, type ConsentDeps } from './deps.js';
import { EXPIRY_HEADER, dueEntries, hasUnsent, sweepReason } from './expiry-stamp.js';
import { factsOfEntry } from './facts.js';
import { withRetries } from './family/systems.js';
import { pictureDecision, type Picture } from './family/picture.js';
import { Conflict, type Read } from './kv-json.js';
import { publishAlerts } from './publish-alerts.js';

/** What one sweep did. */
export interface Sweep {
  /** Pictures in the bucket, seen by their stamps only (headers, no values). */
  readonly pictures: number;
  /** Pictures read: their stamp says something is due, or they have no valid stamp. */
  readonly read: number;
  /** Read for want of a stamp, nothing due: written back stamped, so later sweeps skip them. */
  readonly stamped: number;
  readonly expired: number;
}

/**
 * Takes signals past their retention out of every picture (rule R14). Each expiry
 * is decided as of the moment it expired, so every instance computes the same
 * decision record and the audit log stores it once.
 */
export async function sweepExpired(now: number, d: ConsentDeps): Promise<Sweep> {
  const policy = d.policy.policy;
  if (!policy) return { pictures: 0, read: 0, stamped: 0, expired: 0 };
  let expired = 0;
  let read = 0;
  let stamped = 0;
  const pass = await lastHeaders(
    d.js,
    BUCKETS.PICTURES,
    EXPIRY_HEADER,
    (k) => sweepReason(k.header, policy, now) !== false,
  );
  for (const { key: systemId, header } of pass.kept) {
    const reason = sweepReason(header, policy, now);
    const current = await d.systems.pictures.get(systemId);
    read++;
    if (!current) continue;
    const due = dueEntries(current.value, policy, now);
    if (due.length === 0) {
      // A version an earlier sweep recorded but did not get to send (it has no message to
      // be redelivered): sent now, whether or not this system ever gets another signal.
      if (hasUnsent(current.value)) await publishAlerts(systemId, { now }, d, current.value);
      else if (reason === 'unstamped' && (await stamp(systemId, current, d))) stamped++;
      continue;
    }
    const decisions = due.map((e) => ({
      key: e.key,
      from: e.decision.decisionId,
      decision: decide(
        {
          signal: factsOfEntry(e),
          consents: [],
          recipient: { id: rvtOf(d.registry, e.region)?.id ?? 'none', region: e.region },
          purpose: PURPOSE,
          now: retentionEnd(e, policy),
        },
        policy,
      ),
    }));
    for (const x of decisions) await d.audit.decision(x.decision);
    await withRetries(() =>
      d.systems.change(systemId, (p) => {
        const entries = { ...p.entries };
        let changed = false;
        for (const x of decisions) {
          if (entries[x.key]?.decision.decisionId === x.from) {
            entries[x.key] = { ...entries[x.key]!, decision: pictureDecision(x.decision) };
            changed = true;
          }
        }
        return changed ? { ...p, entries } : undefined;
      }),
    ).catch(() => undefined); // merged meanwhile: the next sweep finds the entries in the target
    await publishAlerts(systemId, { now }, d);
    expired += due.length;
  }
  return { pictures: pass.total, read, stamped, expired };
}

/**
 * Writes a picture back unchanged, so the write carries the current stamp: after an
 * upgrade from stamps of another format each picture is read once, not every sweep (a
 * policy change reads none: stamps do not depend on it). A picture written meanwhile
 * has a stamp already.
 */
async function stamp(systemId: string, current: Read<Picture>, d: ConsentDeps): Promise<boolean> {
  try {
    await d.systems.pictures.cas(systemId, current.value, current.revision);
    return true;
  } catch (e) {
    if (e instanceof Conflict) return false;
    throw e;
  }
}

/** Sweeps on start and then every `intervalMs`; returns a function that stops it. */
export function startExpirySweeper(intervalMs: number, d: ConsentDeps): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      const done = await sweepExpired(started, d);
      // Every sweep, so an operator sees what it costs: before stamps it read every picture
      // (at 200,000 systems ~9.5 minutes of each hour, docs/history/performance-rounds.md).
      d.log.info({ ...done, ms: Date.now() - started }, 'expiry sweep done');
    } catch (e) {
      d.log.warn({ err: e }, 'expiry sweep failed; will try again');
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  return () => clearInterval(timer);
}
