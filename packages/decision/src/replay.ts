import type { LoadedPolicy, Outcome } from '@samenhang/policy';
import { judge } from './decide.js';
import type { ConsentFact, Recipient, SignalFacts } from './facts.js';

/** A signal as stored, with the decision that is live for it now. */
export interface StoredDecision {
  readonly facts: SignalFacts;
  readonly consents: readonly ConsentFact[];
  readonly recipient: Recipient;
  readonly purpose: string;
  readonly current: {
    readonly outcome: Outcome;
    readonly shownAs: Outcome;
    readonly decidingRule: string;
    /** What the recipient sees now; a change to it alone is a change too. */
    readonly fields: readonly string[];
  };
}

export interface ReplayedDecision {
  readonly signalId: string;
  readonly agencyId: string;
  readonly from: { readonly outcome: Outcome; readonly rule: string };
  readonly to: { readonly outcome: Outcome; readonly shownAs: Outcome; readonly rule: string };
  /** Fields the recipient would no longer see, and would newly see (empty when none). */
  readonly fields: { readonly removed: readonly string[]; readonly added: readonly string[] };
}

/** Counts of a replay: how many were evaluated, and changes as "R5 INDEX → R2 DISCLOSE" or "R5 INDEX → R5 INDEX (−category)". */
export interface ReplayTally {
  evaluated: number;
  changed: number;
  readonly byChange: Record<string, number>;
}

export const emptyTally = (): ReplayTally => ({ evaluated: 0, changed: 0, byChange: {} });

/**
 * Re-decides stored signals under another policy as of a moment, in memory: pure, no
 * record written, nothing disclosed. Returns each decision as it would be and adds
 * the changes to the tally.
 */
export function replayBatch(
  batch: readonly StoredDecision[],
  policy: LoadedPolicy,
  asOf: number,
  tally: ReplayTally,
): ReplayedDecision[] {
  const out: ReplayedDecision[] = [];
  for (const s of batch) {
    const d = judge(
      { signal: s.facts, consents: s.consents, recipient: s.recipient, purpose: s.purpose, now: asOf },
      policy,
    );
    const removed = s.current.fields.filter((f) => !d.fields.includes(f as never));
    const added = d.fields.filter((f) => !s.current.fields.includes(f));
    const r: ReplayedDecision = {
      signalId: s.facts.signalId,
      agencyId: s.facts.agencyId,
      from: { outcome: s.current.outcome, rule: s.current.decidingRule },
      to: { outcome: d.outcome, shownAs: d.shownAs, rule: d.decidingRule },
      fields: { removed, added },
    };
    tally.evaluated++;
    if (r.from.outcome !== r.to.outcome || r.from.rule !== r.to.rule || removed.length + added.length > 0) {
      tally.changed++;
      const delta = [...removed.map((f) => `−${f}`), ...added.map((f) => `+${f}`)].join(', ');
      const key = `${r.from.rule} ${r.from.outcome} → ${r.to.rule} ${r.to.outcome}${delta ? ` (${delta})` : ''}`;
      tally.byChange[key] = (tally.byChange[key] ?? 0) + 1;
    }
    out.push(r);
  }
  return out;
}
