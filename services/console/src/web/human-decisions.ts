import type { JetStreamClient } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { v1 } from '@samenhang/proto';
import { subjects } from '@samenhang/topology';

/** What a person may decide in the console, by form value. */
export const HUMAN_CHOICES = {
  UPHELD: v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_UPHELD,
  WITHDRAW: v1.HumanDecisionKind.HUMAN_DECISION_KIND_REVIEW_WITHDRAW,
  RELEASE: v1.HumanDecisionKind.HUMAN_DECISION_KIND_HOLD_RELEASE,
  DENY: v1.HumanDecisionKind.HUMAN_DECISION_KIND_HOLD_DENY,
} as const;
export type HumanChoice = keyof typeof HUMAN_CHOICES;

export const isHumanChoice = (x: string): x is HumanChoice => Object.hasOwn(HUMAN_CHOICES, x);

/** A review answers a disclosure whose review is due; a release or denial answers a hold. */
export const choiceFits = (choice: HumanChoice, e: Pick<v1.AlertEntry, 'outcome' | 'obligations'>): boolean =>
  choice === 'RELEASE' || choice === 'DENY'
    ? e.outcome === 'HOLD'
    : e.obligations.some((o) => o.startsWith('HUMAN_REVIEW'));

/**
 * Hands a person's decision to the consent service (stream SIGNALS, in order with the
 * signals), which records it as a decision and changes picture and alerts. Stored once
 * JetStream acknowledges it; without that nothing is said to be decided.
 */
export async function publishHumanDecision(
  js: JetStreamClient,
  region: string,
  d: { systemId: string; decisionId: string; choice: HumanChoice; by: string; organisation: string },
): Promise<void> {
  const bytes = v1.HumanDecision.encode({
    systemId: d.systemId,
    decisionId: d.decisionId,
    kind: HUMAN_CHOICES[d.choice],
    decidedBy: d.by,
    organisation: d.organisation,
  }).finish();
  try {
    // One decision per person, decision and choice: a double submit is stored once.
    await js.publish(subjects.human(region), bytes, {
      msgID: `human.${d.decisionId}.${d.choice}.${d.by}`,
      timeout: 5000,
    });
  } catch (cause) {
    throw new SamenhangError('ERR_INTERNAL', 'the decision could not be stored; nothing was decided', { cause });
  }
}
