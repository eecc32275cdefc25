import {
  type ConsentFact,
  type ReplayedDecision,
  type ReplayTally,
  replayBatch,
  type StoredDecision,
} from '@samenhang/decision';
import {
  alertReason,
  deriveSystems,
  factsOfEntry,
  type FamilySystem,
  type Picture,
  type PictureEntry,
  recipientFor,
  regionEntries,
} from '@samenhang/family';
import type { Registry } from '@samenhang/pki';
import type { LoadedPolicy } from '@samenhang/policy';

export interface AlertChange {
  readonly systemId: string;
  readonly region: string;
  readonly change: 'would start' | 'would stop' | 'would show other signals' | 'would split';
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
    const r = known.get(region) ?? recipientFor(registry, region);
    known.set(region, r);
    return r;
  };
}

const visible = (s: FamilySystem | undefined, region: string) =>
  regionEntries(s?.entries ?? [], region)
    .map((e) => e.key)
    .join();

/**
 * Re-decides one picture's unexpired entries (one batch) and checks its alerts: the family
 * systems are derived (the consent service's own derivation) from the decisions as stored
 * and as replayed, and per system and region it says whether the alert rule would start or
 * stop holding, what the RVT would see change, or that an alerted system would split. Pure.
 */
export function replayPicture(
  p: Picture,
  inputs: ReplayInputs,
  recipientOf: (region: string) => StoredDecision['recipient'],
  found: ReplayFindings,
): void {
  if (p.mergedInto) return;
  found.pictures++;
  const { policy, asOf } = inputs;
  const live = Object.values(p.entries).filter((x) => x.expiresAt === undefined || x.expiresAt > asOf);
  const batch: StoredDecision[] = live.map((x) => ({
    facts: factsOfEntry(x),
    consents: inputs.consents.get(x.subjectPseudonym) ?? [],
    recipient: recipientOf(x.region),
    purpose: policy.purpose, // the one purpose signals are decided for (docs/policy.md)
    current: {
      outcome: x.decision.outcome,
      shownAs: x.decision.shownAs,
      decidingRule: x.decision.decidingRule,
      fields: x.decision.fields,
    },
  }));
  const replayed = replayBatch(batch, policy, asOf, found.tally);
  for (const r of replayed) if (r.from.outcome !== r.to.outcome || r.from.rule !== r.to.rule) found.changes.push(r);
  const cap = policy.linking.maxPersonsPerAddress;
  const entries = (decided: (x: PictureEntry, j: number) => PictureEntry) =>
    Object.fromEntries(live.map((x, j) => [x.key, decided(x, j)]));
  const capped = p.capped ? { capped: p.capped } : {};
  const same = replayed.every((r, j) => r.to.shownAs === live[j]!.decision.shownAs);
  // No entry shown otherwise: the systems are the ones stored (most pictures, most replays).
  const before = deriveSystems({ entries: entries((x) => x), ...capped }, cap);
  const after = same
    ? before
    : deriveSystems(
        {
          entries: entries((x, j) => ({
            ...x,
            decision: {
              ...x.decision,
              outcome: replayed[j]!.to.outcome,
              shownAs: replayed[j]!.to.shownAs as PictureEntry['decision']['shownAs'],
            },
          })),
          ...capped,
        },
        cap,
      );
  for (const [systemId, state] of Object.entries(p.systems)) {
    if (state.replacedBy) continue;
    const now = after.find((s) => s.id === systemId);
    const split = !now && state.persons.some((x) => after.some((s) => s.persons.includes(x)));
    for (const region of Object.keys(state.alerts)) {
      const change = split
        ? 'would split'
        : !now || !alertReason(now.entries, region, policy, asOf).due
          ? 'would stop'
          : visible(
                before.find((s) => s.id === systemId),
                region,
              ) !== visible(now, region)
            ? 'would show other signals'
            : undefined;
      if (change) found.alertChanges.push({ systemId, region, change });
    }
  }
  for (const s of after)
    for (const region of new Set(s.entries.map((e) => e.region)))
      if (!p.systems[s.id]?.alerts[region] && alertReason(s.entries, region, policy, asOf).due)
        found.alertChanges.push({ systemId: s.id, region, change: 'would start' });
}
