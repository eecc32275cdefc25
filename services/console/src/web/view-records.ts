import { randomBytes } from 'node:crypto';
import type { JetStreamClient } from 'nats';
import type { AssignmentRecord, CitizenReport, DisclosureRecord } from '@samenhang/audit-log';
import { canonicalJson, sha256Hex } from '@samenhang/canonical';
import { SamenhangError } from '@samenhang/errors';
import { v1 } from '@samenhang/proto';
import { auditSubjects } from '@samenhang/topology';
import type { Identity } from '../access/identity.js';
import type { Session } from '../access/sessions.js';

/** Decoded alerts carry full entries (protobufjs types them loosely). */
export const entriesOf = (a: v1.HouseholdAlert) => a.entries as v1.AlertEntry[];

/** Which disclosable fields an alert entry carries (what the page shows of it). */
export function fieldsShown(e: v1.AlertEntry): string[] {
  const f: string[] = [];
  if (e.agencyId) f.push('agency');
  if (e.category) f.push('category');
  if (e.observedAt) f.push('observedAt');
  if (e.contact) f.push('contact');
  if (e.severity) f.push('severity');
  if (e.summary) f.push('summary');
  if (e.address) f.push('address');
  if (e.subject?.name) f.push('subject.name');
  if (e.subject?.birthDate) f.push('subject.birthDate');
  if (e.relatedPersons?.length) f.push('relatedPersons');
  return f;
}

/**
 * Who acts in a session, as the audit log names them: the person, by a pseudonymous id from
 * their identity provider, never a name (every session is a person's).
 */
export const actorOf = (s: Session): string => s.person.id;

/** Why the learning figures are looked at: the programme's learning and evaluation (docs/learning.md). */
export const LEARNING_PURPOSE = 'PROGRAMME_LEARNING';
/** Why a privacy officer reads the log's decisions and disclosures: supervising how data are used (AVG art. 39). */
export const SUPERVISION_PURPOSE = 'PRIVACY_SUPERVISION';

/** What every view record starts with: a fresh id, now, the identity, who looked and in which role. */
const viewBase = (who: Identity, session: Session, purpose: string) => ({
  type: 'disclosure' as const,
  disclosureId: `dis_view_${randomBytes(12).toString('hex')}`,
  kind: 'view' as const,
  time: new Date().toISOString(),
  recipient: who.id,
  purpose,
  viewer: actorOf(session),
  viewerRole: session.person.role,
});

/**
 * Audit records of what the console shows and what people decide in it. Each is
 * written (and acknowledged by JetStream) before the page with the content is sent:
 * no record, no page (fail closed). Pseudonyms, ids and hashes only.
 */
export class ConsoleAudit {
  constructor(private readonly js: JetStreamClient) {}

  async viewedAlert(a: v1.HouseholdAlert, who: Identity, session: Session, purpose: string): Promise<void> {
    const entries = entriesOf(a);
    const record: DisclosureRecord = {
      ...viewBase(who, session, purpose),
      decisionIds: entries.map((e) => e.decisionId),
      legalBasis: entries.map((e) => ({
        signalId: e.signalId,
        rule: e.decidingRule,
        citation: e.citation,
        assumption: e.assumption,
      })),
      fieldsSent: entries.map((e) => ({ signalId: e.signalId, fields: fieldsShown(e) })),
      contentSha256: sha256Hex(v1.HouseholdAlert.encode(a).finish()),
      sourceSignals: entries.map((e) => e.signalId),
      pseudonyms: [],
      systemId: a.systemId,
      alertId: a.alertId,
      version: a.version,
      viewOf: a.disclosureId,
    };
    await this.write(auditSubjects.disclosures, record, record.disclosureId);
  }

  /**
   * An access report shown to the privacy officer concerns one person (and, asked by someone
   * else, the requester too): that is a disclosure. Pseudonyms and signal ids only, never
   * the BSN or the copy of the data the report holds; its hash says which report it was.
   */
  async viewedAccessReport(
    r: CitizenReport,
    person: string,
    requester: string | undefined,
    who: Identity,
    session: Session,
  ): Promise<void> {
    const record: DisclosureRecord = {
      ...viewBase(who, session, 'ACCESS_REQUEST'),
      decisionIds: [],
      legalBasis: r.signals.map((s) => ({
        signalId: s.signalId,
        rule: 'AVG-15',
        citation: 'AVG art. 15 (recht van inzage)',
        assumption: false,
      })),
      fieldsSent: r.signals.map((s) => ({
        signalId: s.signalId,
        fields: [
          'agency',
          'category',
          'observedAt',
          ...(s.role === 'subject' ? ['severity'] : []),
          ...(s.summary !== undefined ? ['summary'] : []),
          ...(s.address ? ['address'] : []),
        ],
      })),
      contentSha256: sha256Hex(canonicalJson(r)),
      sourceSignals: r.signals.map((s) => s.signalId),
      pseudonyms: requester && requester !== person ? [person, requester] : [person],
      systemId: '',
    };
    await this.write(auditSubjects.disclosures, record, record.disclosureId);
  }

  /**
   * The learning figures shown to a programme analyst: who looked, when, in which role, and
   * which figures (their hash; the filter is in it). Counts only, so the record names no
   * person, signal, decision or family, as the figures do not.
   */
  async viewedLearning(figures: unknown, who: Identity, session: Session): Promise<void> {
    const record: DisclosureRecord = {
      ...viewBase(who, session, LEARNING_PURPOSE),
      decisionIds: [],
      legalBasis: [],
      fieldsSent: [],
      contentSha256: sha256Hex(canonicalJson(figures)),
      sourceSignals: [],
      pseudonyms: [],
      systemId: '',
    };
    await this.write(auditSubjects.disclosures, record, record.disclosureId);
  }

  /**
   * A page or CSV export of the log's decisions or disclosures shown to a privacy officer:
   * who looked, when, in which role, which list under which filter and how many rows, and the
   * hash of the rows' ids (a CSV export can hold 50,000 rows, more than a record may name).
   * It names no person or decision, so it is found by its viewer, not in a citizen's access
   * report: supervision by the controller's own officer is not a disclosure to a recipient
   * (docs/audit.md).
   */
  async viewedAuditRecords(
    shown: NonNullable<DisclosureRecord['shown']>,
    ids: readonly string[],
    who: Identity,
    session: Session,
  ): Promise<void> {
    const record: DisclosureRecord = {
      ...viewBase(who, session, SUPERVISION_PURPOSE),
      decisionIds: [],
      legalBasis: [],
      fieldsSent: [],
      contentSha256: sha256Hex(canonicalJson(ids)),
      sourceSignals: [],
      pseudonyms: [],
      systemId: '',
      shown,
    };
    await this.write(auditSubjects.disclosures, record, record.disclosureId);
  }

  /** A coordinator assigned a family to a worker: who, to whom, which family; no name. */
  async assigned(
    a: { region: string; systemId: string; assignee: string; localTeamContact: boolean },
    who: Identity,
    session: Session,
    purpose: string,
  ): Promise<void> {
    const record: AssignmentRecord = {
      type: 'assignment',
      assignmentId: `asg_${randomBytes(12).toString('hex')}`,
      time: new Date().toISOString(),
      organisation: who.id,
      ...a,
      by: actorOf(session),
      byRole: session.person.role,
      purpose,
    };
    await this.write(auditSubjects.actions, record, record.assignmentId);
  }

  private async write(subject: string, record: object, id: string): Promise<void> {
    try {
      await this.js.publish(subject, canonicalJson(record), { msgID: id, timeout: 5000 });
    } catch (cause) {
      throw new SamenhangError('ERR_INTERNAL', 'the audit log did not accept the record; nothing is shown', { cause });
    }
  }
}
