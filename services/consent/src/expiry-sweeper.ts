import { decide, retentionEnd } from '@samenhang/decision';
import { rvtOf } from '@samenhang/pki';
import { PURPOSE, type ConsentDeps } from './deps.js';
import { factsOfEntry } from './facts.js';
import { withRetries } from './family/systems.js';
import { pictureDecision } from './family/picture.js';
import { publishAlerts } from './publish-alerts.js';
import { toSend } from './region-view.js';

/** What one sweep did: pictures read from the server (every one, each sweep), signals expired. */
export interface Sweep {
  readonly read: number;
  readonly expired: number;
}

/**
 * Takes signals past their retention out of every picture (rule R14). Each expiry
 * is decided as of the moment it expired, so every instance computes the same
 * decision record and the audit log stores it once.
 */
export async function sweepExpired(now: number, d: ConsentDeps): Promise<Sweep> {
  const policy = d.policy.policy;
  if (!policy) return { read: 0, expired: 0 };
  let expired = 0;
  let read = 0;
  for (const systemId of await d.systems.pictures.keys()) {
    const current = await d.systems.pictures.get(systemId);
    read++;
    if (!current || current.value.mergedInto) continue;
    const due = Object.values(current.value.entries).filter((e) => e.decision.decidingRule !== 'R14' && retentionEnd(factsOfEntry(e), policy) <= now);
    if (due.length === 0) {
      // A version an earlier sweep recorded but did not get to send (it has no message to
      // be redelivered): sent now, whether or not this system ever gets another signal.
      if (Object.values(current.value.alerts).some((a) => toSend(a))) await publishAlerts(systemId, { now }, d, current.value);
      continue;
    }
    const decisions = due.map((e) => ({
      key: e.key,
      from: e.decision.decisionId,
      decision: decide(
        { signal: factsOfEntry(e), consents: [], recipient: { id: rvtOf(d.registry, e.region)?.id ?? 'none', region: e.region }, purpose: PURPOSE, now: retentionEnd(factsOfEntry(e), policy) },
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
  return { read, expired };
}

/** Sweeps on start and then every `intervalMs`; returns a function that stops it. */
export function startExpirySweeper(intervalMs: number, d: ConsentDeps): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const started = Date.now();
      const { read, expired } = await sweepExpired(started, d);
      // Every sweep, so an operator sees what it costs: it reads every picture (at 200,000
      // systems ~9.5 minutes of each hour, docs/performance.md, stop 28).
      d.log.info({ pictures: read, expired, ms: Date.now() - started }, 'expiry sweep done');
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
