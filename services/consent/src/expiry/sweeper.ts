import { retentionEnd } from '@samenhang/decision';
import { hasUnsent, redecide, withDecisions } from '@samenhang/family';
import { lastHeaders } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import { publishAlerts } from '../alerts/publish.js';
import { PURPOSE, type ConsentDeps } from '../deps.js';
import { isConflict } from '../family/kv-json.js';
import { withRetries } from '../family/systems.js';
import { dueEntries, EXPIRY_HEADER, sweepReason } from './stamp.js';

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
 * decision record and the audit log stores it once. Their sealed content is erased from the vault.
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
    const current = await d.systems.picture(systemId);
    read++;
    if (!current) continue;
    const due = dueEntries(current.value, policy, now);
    if (due.length === 0) {
      // A version an earlier sweep recorded but did not get to send (it has no message to
      // be redelivered): sent now, whether or not this system ever gets another signal.
      if (hasUnsent(current.value)) await publishAlerts(systemId, { now }, d, current.value);
      // Written back unchanged, so the write carries the current stamp: after an upgrade from
      // stamps of another format each picture is read once, not every sweep.
      else if (reason === 'unstamped' && (await d.systems.rewrite(systemId, current))) stamped++;
      continue;
    }
    // Each expiry is decided as of the moment it expired, without consents (R14 precedes
    // them): every instance computes the same record, and the audit log stores it once.
    const { records, redecided } = redecide(due, {
      registry: d.registry,
      policy,
      purpose: PURPOSE,
      consentsOf: () => [],
      at: (e) => retentionEnd(e, policy),
    });
    for (const r of records) await d.audit.decision(r);
    await withRetries(() => d.systems.change(systemId, (p) => withDecisions(p, redecided))).catch((e: unknown) => {
      if (!isConflict(e)) throw e; // merged meanwhile: the next sweep finds the entries in the target
    });
    // Past retention nothing of them may be shown again: their sealed content is destroyed.
    for (const e of due) await d.vault.eraseSignalContent(e.key);
    await publishAlerts(systemId, { now }, d);
    expired += due.length;
  }
  return { pictures: pass.total, read, stamped, expired };
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
