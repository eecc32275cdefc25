import { createHash, type KeyObject } from 'node:crypto';
import { ORIGIN, signCheckpoint, type DisclosureRecord, type LogEntry } from '@samenhang/audit-log';
import { decide, type DecisionRecord } from '@samenhang/decision';
import { CompactTree, leafHash, toHex } from '@samenhang/merkle';
import type { LoadedPolicy } from '@samenhang/policy';

/**
 * A national-scale audit log made up in bulk: decision records as the decision engine writes
 * them (real records of the default policy, re-labelled per signal), alerts carrying a family
 * system's recent decisions, console views of them, and a checkpoint signed with the audit
 * service's key every CHECKPOINT_EVERY records, as the service does under load. Spread evenly
 * over three years, 25 regions, 20 agencies, and family systems of three people.
 */
export const CHECKPOINT_EVERY = 64;
const REGIONS = 25;
const AGENCIES: readonly { id: string; kind: string; category: string }[] = Array.from({ length: 20 }, (_, i) => {
  const kinds = [
    ['POLICE', 'HOUSING_NUISANCE'],
    ['MENTAL_HEALTH', 'PSYCHIATRIC_CRISIS'],
    ['LOCAL_TEAM', 'DEBT'],
    ['JUSTICE', 'CRIMINAL_CASE'],
    ['POLICE', 'DOMESTIC_VIOLENCE'],
  ] as const;
  const [kind, category] = kinds[i % kinds.length]!;
  return { id: `${kind.toLowerCase().replace('_', '-')}-${i}`, kind, category };
});
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'ACUTE'] as const;
const SPAN_MS = 3 * 365 * 86_400_000;

/** A pseudonym-shaped id (as long as the broker's), made cheaply and repeatably. */
const pseudonym = (kind: string, n: number) =>
  `${kind}_${createHash('sha256').update(`${kind}${n}`).digest('base64url')}`;

/** What the bench asks about later: a person with signals, a signal, a recipient and a month of the log. */
export interface LogShape {
  readonly records: number;
  readonly checkpoints: number;
  readonly bytes: number;
  readonly person: string;
  readonly signal: { readonly agency: string; readonly signalId: string };
  readonly recipient: string;
  readonly month: { readonly since: string; readonly until: string };
  /** A record in the middle of the log, to prove. */
  readonly middleRecord: string;
}

/** Real decision records of the default policy, one per agency kind and severity, to re-label. */
function templates(policy: LoadedPolicy, now: number): DecisionRecord[] {
  return AGENCIES.slice(0, 5).flatMap((a) =>
    SEVERITIES.map((severity) =>
      decide(
        {
          signal: {
            signalId: 's',
            agencyId: a.id,
            agencyKind: a.kind,
            region: 'r0',
            subjectPseudonym: pseudonym('p', 0),
            relatedPseudonyms: [pseudonym('p', 1)],
            householdKey: pseudonym('h', 0),
            category: a.category,
            severity,
            legalGround: 'STATUTORY_TASK',
            meldcodeDecision: false,
            observedAt: now,
          },
          consents: [],
          recipient: { id: 'rvt-r0', region: 'r0' },
          purpose: 'SAFETY_ASSESSMENT',
          now,
        },
        policy,
      ),
    ),
  );
}

/**
 * Writes `n` records (and their checkpoints) to `sink` in log order. The records cost what
 * real ones cost to hash, index and verify: the same shapes and sizes.
 */
export async function buildAuditLog(
  n: number,
  policy: LoadedPolicy,
  signer: { key: KeyObject; certPem: string },
  sink: { write(e: LogEntry): void; readonly bytes: number },
  progress: (done: number) => void,
): Promise<LogShape> {
  const now = Date.now();
  const start = now - SPAN_MS;
  const forms = templates(policy, now);
  const persons = Math.max(30, Math.floor(n / 20));
  const systems = Math.floor(persons / 3);
  const people = Array.from({ length: persons }, (_, i) => pseudonym('p', i));
  const homes = Array.from({ length: systems }, (_, i) => pseudonym('h', i));
  const tree = CompactTree.empty();
  let pending: string[] = [];
  let previous: { treeSize: number; rootHash: string } | null = null;
  let seq = 0;
  let records = 0;
  let checkpoints = 0;
  /** Each system's latest decisions, carried by its next alert. */
  const recent = new Map<number, { id: string; signalId: string }[]>();
  let middleRecord = '';
  let signal = { agency: '', signalId: '' };

  const append = async (record: object) => {
    const data = Buffer.from(JSON.stringify(record));
    const subject =
      (record as { type: string }).type === 'decision' ? 'samenhang.audit.decisions' : 'samenhang.audit.disclosures';
    sink.write({ seq: ++seq, subject, data });
    const leaf = leafHash(data);
    tree.append(leaf);
    pending.push(toHex(leaf));
    records++;
    if (records === Math.floor(n / 2))
      middleRecord =
        (record as { decisionId?: string; disclosureId?: string }).decisionId ??
        (record as { disclosureId: string }).disclosureId;
    if (pending.length === CHECKPOINT_EVERY || records === n) {
      const head = { treeSize: tree.size, rootHash: toHex(tree.root()) };
      const jws = await signCheckpoint(
        {
          origin: ORIGIN,
          ...head,
          time: new Date(start + (records / n) * SPAN_MS).toISOString(),
          previous,
          leaves: pending,
        },
        signer.key,
        signer.certPem,
      );
      sink.write({ seq: ++seq, subject: 'samenhang.audit.checkpoints', data: Buffer.from(jws) });
      previous = head;
      pending = [];
      checkpoints++;
    }
    if (records % 100_000 === 0) progress(records);
  };

  for (let i = 0; records < n; i++) {
    const time = new Date(start + (records / n) * SPAN_MS).toISOString();
    const system = (i * 7919) % systems;
    const region = system % REGIONS;
    const agency = AGENCIES[i % AGENCIES.length]!;
    const form = forms[(i % 5) * 4 + (i % 4)]!;
    const decisionId = `dec_${i.toString(36).padStart(8, '0')}`;
    const signalId = `s-${i}`;
    if (i === Math.floor(n / 4)) signal = { agency: agency.id, signalId };
    const decision: DecisionRecord = {
      ...form,
      decisionId,
      decidedAt: time,
      signalId,
      sourceAgency: agency.id,
      sourceKind: agency.kind,
      subjectPseudonym: people[system * 3 + (i % 3)]!,
      relatedPseudonyms: [people[system * 3 + ((i + 1) % 3)]!],
      householdKey: homes[system]!,
      facts: { ...form.facts, observedAt: time },
      recipient: `rvt-r${region}`,
    };
    await append(decision);
    const carried = [{ id: decisionId, signalId }, ...(recent.get(system) ?? [])].slice(0, 4);
    recent.set(system, carried);
    if (records < n && i % 5 < 3) {
      // Most signals lead to an alert to the region's RVT, carrying the system's recent decisions.
      const alert: DisclosureRecord = {
        type: 'disclosure',
        disclosureId: `dis_${i.toString(36).padStart(8, '0')}`,
        kind: 'alert',
        time,
        recipient: `rvt-r${region}`,
        purpose: 'SAFETY_ASSESSMENT',
        decisionIds: carried.map((c) => c.id),
        legalBasis: carried.map((c) => ({
          signalId: c.signalId,
          rule: form.decidingRule,
          citation: 'Wet op de veiligheidsregio’s art. 10',
          assumption: false,
        })),
        fieldsSent: carried.map((c) => ({ signalId: c.signalId, fields: ['category', 'severity', 'observedAt'] })),
        contentSha256: toHex(leafHash(Buffer.from(decisionId))),
        sourceSignals: carried.map((c) => c.signalId),
        pseudonyms: [decision.subjectPseudonym, ...decision.relatedPseudonyms],
        systemId: `sys_${homes[system]!.slice(2, 24)}`,
        alertId: `alert_${system}`,
        version: carried.length,
      };
      await append(alert);
      if (records < n && i % 5 === 0) {
        // A worker looks at it in the console: a view names the decisions it showed, not persons.
        await append({
          ...alert,
          disclosureId: `view_${i.toString(36).padStart(8, '0')}`,
          kind: 'view',
          pseudonyms: [],
          viewOf: alert.disclosureId,
          viewer: `person:${pseudonym('w', region * 10 + (i % 10))}`,
          viewerRole: 'rvt-worker',
        });
      }
    }
  }
  const mid = new Date(start + SPAN_MS / 2);
  const monthStart = new Date(Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth() + 1, 1) - 1);
  return {
    records,
    checkpoints,
    bytes: sink.bytes,
    person: people[0]!,
    signal,
    recipient: 'rvt-r0',
    month: { since: monthStart.toISOString(), until: monthEnd.toISOString() },
    middleRecord,
  };
}
