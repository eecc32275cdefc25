import { CHECKPOINT_SUBJECT, type DisclosureRecord, type LogEntry } from '@samenhang/audit-log';
import type { DecisionRecord } from '@samenhang/decision';

/** A small log with what makes the queries hard: re-decided signals, views that name no person, checkpoints between records. */
export function makeLog(seed = 7, count = 300): LogEntry[] {
  let x = seed;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const agencies = ['politie-oost', 'ggz-centraal', 'lokaalteam-ede'];
  const persons = Array.from({ length: 12 }, (_, i) => `person:${i}`);
  const entries: LogEntry[] = [];
  const decisions: DecisionRecord[] = [];
  const push = (r: unknown, subject = 'samenhang.audit.decisions') =>
    entries.push({ seq: entries.length + 1, subject, data: Buffer.from(JSON.stringify(r)) });
  for (let i = 0; i < count; i++) {
    const t = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 7).toISOString();
    const k = rnd(10);
    if (k < 5 || decisions.length < 3) {
      // A new signal, or (one in five) a re-decision of an earlier one.
      const again = decisions.length > 0 && rnd(5) === 0 ? decisions[rnd(decisions.length)]! : undefined;
      const d = {
        type: 'decision',
        decisionId: `dec-${i}`,
        decidedAt: t,
        signalId: again?.signalId ?? `s-${rnd(40)}`,
        sourceAgency: again?.sourceAgency ?? agencies[rnd(3)]!,
        sourceKind: 'POLICE',
        subjectPseudonym: again?.subjectPseudonym ?? persons[rnd(12)]!,
        relatedPseudonyms: again?.relatedPseudonyms ?? (rnd(2) ? [persons[rnd(12)]!] : []),
        householdKey: again?.householdKey ?? `hh-${rnd(4)}`,
        facts: { category: 'DEBT', severity: 'HIGH', observedAt: t },
        recipient: `rvt-${['ijsselland', 'flevoland'][rnd(2)]}`,
        // Some HOLDs with a review due, and re-decisions by a person: the learning figures' open decisions.
        outcome: i % 6 === 0 ? 'HOLD' : 'DISCLOSE',
        obligations: i % 6 === 0 ? [{ dueAt: new Date(Date.parse(t) + 86_400_000).toISOString() }] : [],
        ...(again && i % 2 === 0 ? { human: { of: again.decisionId, kind: 'HOLD_RELEASE' } } : {}),
        decidingRule: 'R7',
        rulesEvaluated: [{ id: 'R7', applies: true, reason: 'long explanation', assumption: i % 4 === 0 }],
      } as unknown as DecisionRecord;
      decisions.push(d);
      push(d);
    } else if (k < 9) {
      const carried = Array.from({ length: 1 + rnd(3) }, () => decisions[rnd(decisions.length)]!);
      const view = rnd(3) === 0;
      const r: Partial<DisclosureRecord> = {
        type: 'disclosure',
        disclosureId: `dis-${i}`,
        kind: view ? 'view' : 'alert',
        time: t,
        recipient: carried[0]!.recipient,
        decisionIds: carried.map((d) => d.decisionId),
        sourceSignals: carried.map((d) => d.signalId),
        legalBasis: carried.map((d) => ({ signalId: d.signalId, rule: 'R7', citation: '', assumption: false })),
        fieldsSent: [],
        // A console view names decisions, not persons.
        pseudonyms: view ? [] : carried.map((d) => d.subjectPseudonym),
        systemId: 'sys',
        ...(view ? { viewer: `person:viewer-${rnd(3)}` } : {}),
      };
      push(r, 'samenhang.audit.disclosures');
    } else push('checkpoint-jws-not-a-record', CHECKPOINT_SUBJECT);
  }
  return entries;
}
