import { emptyTally, judge, replayBatch, type StoredDecision } from '@samenhang/decision';
import type { JetStreamClient } from 'nats';
import type { LoadedPolicy } from '@samenhang/policy';
import type { Registry } from '@samenhang/pki';
import { WORKLOAD_AGENCIES } from './workload.js';
import { Progress } from './progress.js';
import { perSecond } from './stats.js';

export interface ReplayBenchResult {
  readonly decisions: number;
  readonly ms: number;
  readonly decisionsPerSecond: number;
  readonly changed: number;
}

/** `samenhang replay` over what the pipeline stored: reading every picture and consent, and evaluating. */
export interface StoredReplayResult extends ReplayBenchResult {
  readonly pictures: number;
  /** The evaluation alone, as the in-process figure measures it. */
  readonly evaluationPerSecond: number;
}

/**
 * `samenhang replay`'s own work over stored pictures, as the bench calls it: the CLI passes
 * its replay in (the CLI runs the bench, so the bench cannot depend on the CLI).
 */
export type StoredReplayFn = (
  js: JetStreamClient,
  o: { policy: LoadedPolicy; registry: Registry; asOf: number; progress?: string },
) => Promise<{
  readonly tally: { readonly evaluated: number; readonly changed: number };
  readonly pictures: number;
  readonly ms: number;
  readonly evaluationMs: number;
}>;

/** The replay command's work over the stack's stored pictures, under the policy they were decided by. */
export async function benchStoredReplay(
  replayStored: StoredReplayFn,
  js: JetStreamClient,
  registry: Registry,
  policy: LoadedPolicy,
): Promise<StoredReplayResult> {
  const r = await replayStored(js, { policy, registry, asOf: Date.now(), progress: 'replay (stored)' });
  return {
    decisions: r.tally.evaluated,
    pictures: r.pictures,
    ms: r.ms,
    changed: r.tally.changed,
    decisionsPerSecond: perSecond(r.tally.evaluated, r.ms),
    evaluationPerSecond: perSecond(r.tally.evaluated, r.evaluationMs),
  };
}

const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'ACUTE'] as const;
const KINDS: Record<string, string> = {
  'politie-oost-nederland': 'POLICE',
  'ggz-centraal': 'MENTAL_HEALTH',
  'lokaalteam-ede': 'LOCAL_TEAM',
  'reclassering-nederland': 'JUSTICE',
  'rvt-foodvalley': 'RVT',
};

/** Stored facts as the consent service keeps them (pseudonyms and codes), made up in bulk. */
function storedBatch(from: number, count: number, policy: LoadedPolicy, now: number): StoredDecision[] {
  const agencies = Object.keys(WORKLOAD_AGENCIES);
  return Array.from({ length: count }, (_, j) => {
    const i = from + j;
    const agency = agencies[i % agencies.length]!;
    const system = Math.floor(i / 5);
    const facts = {
      signalId: `s-${i}`,
      agencyId: agency,
      agencyKind: KINDS[agency]!,
      region: 'foodvalley',
      subjectPseudonym: `p_${system}_${i % 3}`,
      relatedPseudonyms: [],
      householdKey: `h_${system}`,
      category: WORKLOAD_AGENCIES[agency as keyof typeof WORKLOAD_AGENCIES],
      severity: SEVERITIES[i % 4]!,
      legalGround: i % 2 ? 'STATUTORY_TASK' : 'VITAL_INTEREST',
      meldcodeDecision: i % 7 === 0,
      observedAt: now - (i % 60) * 86_400_000,
    };
    const recipient = { id: 'rvt-foodvalley', region: 'foodvalley' };
    // What is live now: decided under the current policy when the signal came in.
    const current = judge({ signal: facts, consents: [], recipient, purpose: 'SAFETY_ASSESSMENT', now }, policy);
    return { facts, consents: [], recipient, purpose: 'SAFETY_ASSESSMENT', current };
  });
}

/**
 * `replay`'s evaluation over `n` stored signals, in batches of 10,000: the facts are made
 * outside the measured time, the decisions inside it. `whatIf` is the policy replayed
 * against (the current one again by default: then nothing changes).
 */
export function benchReplay(n: number, policy: LoadedPolicy, whatIf: LoadedPolicy = policy): ReplayBenchResult {
  const tally = emptyTally();
  const progress = new Progress('replay', n);
  const now = Date.now();
  let ms = 0;
  for (let i = 0; i < n; i += 10_000) {
    const batch = storedBatch(i, Math.min(10_000, n - i), policy, now);
    const t = performance.now();
    replayBatch(batch, whatIf, now, tally);
    ms += performance.now() - t;
    progress.update(i + batch.length);
  }
  progress.done(`${perSecond(n, ms)} decisions/s`);
  return { decisions: n, ms, decisionsPerSecond: perSecond(n, ms), changed: tally.changed };
}
