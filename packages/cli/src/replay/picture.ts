import {
  alertDue,
  replayBatch,
  type ConsentFact,
  type DecisionRecord,
  type ReplayedDecision,
  type ReplayTally,
  type StoredDecision,
} from '@samenhang/decision';
import type { LoadedPolicy } from '@samenhang/policy';
import { rvtOf, type Registry } from '@samenhang/pki';

/** The part of a stored picture replay reads (codes, pseudonyms and live decisions). */
export interface StoredPicture {
  readonly systemId: string;
  readonly mergedInto?: string;
  readonly entries: Record<
    string,
    {
      signalId: string;
      agencyId: string;
      agencyKind: string;
      region: string;
      subjectPseudonym: string;
      related: { pseudonym: string }[];
      householdKey: string;
      category: string;
      severity: string;
      legalGround: string;
      meldcodeDecision: boolean;
      observedAt: number;
      expiresAt?: number;
      decision: Pick<DecisionRecord, 'outcome' | 'shownAs' | 'decidingRule'>;
    }
  >;
  readonly alerts: Record<string, { version: number }>;
}

export interface AlertChange {
  readonly systemId: string;
  readonly region: string;
  readonly change: 'would start' | 'would stop' | 'would show other signals';
}

/** What replaying some pictures found: `replayPicture` adds to it. */
export interface ReplayFindings {
  readonly tally: ReplayTally;
  readonly changes: ReplayedDecision[];
  readonly alertChanges: AlertChange[];
  /** Live pictures replayed (merged-away ones are skipped). */
  pictures: number;
}

export interface ReplayInputs {
  readonly policy: LoadedPolicy;
  readonly asOf: number;
  readonly consents: ReadonlyMap<string, ConsentFact[]>;
}

/** The recipient per region, looked up once: the registry's lookup was 4 % of a replay. */
export function recipients(registry: Registry): (region: string) => StoredDecision['recipient'] {
  const known = new Map<string, StoredDecision['recipient']>();
  return (region) => {
    let r = known.get(region);
    if (!r) {
      const rvt = rvtOf(registry, region);
      known.set(region, (r = { id: rvt?.id ?? 'none', region: rvt ? region : 'none' }));
    }
    return r;
  };
}

/**
 * Re-decides one picture's unexpired entries (one batch) and checks its alerts: what
 * each region's RVT would see, and whether the alert rule would still hold. Pure.
 */
export function replayPicture(
  p: StoredPicture,
  inputs: ReplayInputs,
  recipientOf: (region: string) => StoredDecision['recipient'],
  found: ReplayFindings,
): void {
  if (p.mergedInto) return;
  found.pictures++;
  const { policy, asOf } = inputs;
  const live = Object.values(p.entries).filter((x) => x.expiresAt === undefined || x.expiresAt > asOf);
  const batch: StoredDecision[] = live.map((x) => ({
    facts: {
      signalId: x.signalId,
      agencyId: x.agencyId,
      agencyKind: x.agencyKind,
      region: x.region,
      subjectPseudonym: x.subjectPseudonym,
      relatedPseudonyms: x.related.map((r) => r.pseudonym),
      householdKey: x.householdKey,
      category: x.category,
      severity: x.severity,
      legalGround: x.legalGround,
      meldcodeDecision: x.meldcodeDecision,
      observedAt: x.observedAt,
      ...(x.expiresAt !== undefined ? { expiresAt: x.expiresAt } : {}),
    },
    consents: inputs.consents.get(x.subjectPseudonym) ?? [],
    recipient: recipientOf(x.region),
    purpose: policy.purpose, // the one purpose signals are decided for (docs/policy.md)
    current: { outcome: x.decision.outcome, shownAs: x.decision.shownAs, decidingRule: x.decision.decidingRule },
  }));
  const replayed = replayBatch(batch, policy, asOf, found.tally);
  for (const r of replayed) if (r.from.outcome !== r.to.outcome || r.from.rule !== r.to.rule) found.changes.push(r);
  for (const region of new Set(live.map((x) => x.region))) {
    const visible = (shown: (j: number) => string) =>
      live.map((x, j) => ({ x, j })).filter(({ x, j }) => x.region === region && shown(j) !== 'DENY');
    const before = visible((j) => batch[j]!.current.shownAs);
    const after = visible((j) => replayed[j]!.to.shownAs);
    const alerted = p.alerts[region] !== undefined;
    const due = alertDue(
      after.map(({ x }) => ({
        signalId: x.signalId,
        agencyId: x.agencyId,
        severity: x.severity,
        observedAt: x.observedAt,
      })),
      policy,
      asOf,
    ).due;
    const same = before.map((b) => b.x.signalId).join() === after.map((a) => a.x.signalId).join();
    if (!alerted && due) found.alertChanges.push({ systemId: p.systemId, region, change: 'would start' });
    else if (alerted && !due) found.alertChanges.push({ systemId: p.systemId, region, change: 'would stop' });
    else if (alerted && !same)
      found.alertChanges.push({ systemId: p.systemId, region, change: 'would show other signals' });
  }
}
