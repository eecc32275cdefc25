import type { DecisionRecord } from '@samenhang/decision';
import type { DisclosureRecord } from '../records.js';
import type { AuditRecords } from '../reports.js';
import { concerning, signalOf } from './concerning.js';
import type { CitizenReport, CitizenSignal, HeldData, RecipientGroup, RequesterKind, Withheld } from './model.js';

/** What the report needs besides the log and the vault: the registry's names and the policy's retention. */
export interface ReportContext {
  readonly now: Date;
  readonly retention: { readonly defaultMonths: number; readonly byCategory: Readonly<Record<string, number>> };
  /** A participant's display name (the id itself when the registry does not know it). */
  readonly nameOf: (id: string) => string;
  /** Where to send a request: the broker's privacy officer. */
  readonly contact: string;
  readonly requester: {
    readonly kind: RequesterKind;
    /** The requester's own pseudonym, when someone else than the person asks. */
    readonly pseudonym?: string;
    readonly checkedBy?: string;
  };
}

/** Fields of a disclosure that are about the subject of the signal, and the one about its related persons. */
const RELATED_FIELD = 'relatedPersons';

/** The age at which a child exercises their own rights (WGBO, Jeugdwet 7.3.1: 16). */
const OWN_RIGHTS_AGE = 16;

function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

function ageAt(birthDate: string, now: Date): number | undefined {
  const b = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(b.getTime())) return undefined;
  let age = now.getUTCFullYear() - b.getUTCFullYear();
  if (now.getUTCMonth() * 100 + now.getUTCDate() < b.getUTCMonth() * 100 + b.getUTCDate()) age--;
  return age;
}

/**
 * Repeated disclosures to one recipient fold into one line: "shown to X, N times, between A
 * and B". Only fields about this person are kept: for a related person that is the related
 * persons' list, and nothing at all where minimisation (R13) stripped it.
 */
function recipientsOf(
  x: readonly DisclosureRecord[],
  ids: ReadonlySet<string>,
  role: CitizenSignal['role'],
  byId: ReadonlyMap<string, DisclosureRecord>,
  nameOf: (id: string) => string,
): RecipientGroup[] {
  const groups = new Map<
    string,
    { g: Omit<RecipientGroup, 'fields' | 'viewers'>; fields: Set<string>; viewers: Set<string> }
  >();
  const fieldsIn = (r: DisclosureRecord | undefined) => {
    const i = r ? r.decisionIds.findIndex((id) => ids.has(id)) : -1;
    return r && i >= 0 ? r.fieldsSent[i]?.fields : undefined;
  };
  for (const d of x) {
    if (!d.decisionIds.some((id) => ids.has(id))) continue;
    const how = d.kind === 'view' ? ('viewed' as const) : ('sent' as const);
    const key = `${how} ${d.recipient}`;
    const all = fieldsIn(d) ?? fieldsIn(d.viewOf ? byId.get(d.viewOf) : undefined) ?? [];
    const about = role === 'related' ? all.filter((f) => f === RELATED_FIELD) : all.filter((f) => f !== RELATED_FIELD);
    const cur = groups.get(key);
    if (!cur) {
      groups.set(key, {
        g: { recipient: d.recipient, recipientName: nameOf(d.recipient), how, times: 1, first: d.time, last: d.time },
        fields: new Set(about),
        viewers: new Set(d.viewer ? [d.viewer] : []),
      });
      continue;
    }
    cur.g = {
      ...cur.g,
      times: cur.g.times + 1,
      first: d.time < cur.g.first ? d.time : cur.g.first,
      last: d.time > cur.g.last ? d.time : cur.g.last,
    };
    for (const f of about) cur.fields.add(f);
    if (d.viewer) cur.viewers.add(d.viewer);
  }
  return [...groups.values()]
    .map(({ g, fields, viewers }) => ({ ...g, viewers: viewers.size, fields: [...fields].sort() }))
    .sort((a, b) => a.first.localeCompare(b.first) || a.how.localeCompare(b.how));
}

/** The requester is themselves the subject of, or named in, this signal about the person. */
const involves = (d: DecisionRecord, requester: string | undefined) =>
  requester !== undefined && (d.subjectPseudonym === requester || d.relatedPseudonyms.includes(requester));

/**
 * The access report for one person (a pseudonym) as a citizen reads it (AVG art. 15): per
 * signal its source, purpose, legal basis, recipients (grouped), retention, and a copy of
 * the data the vault holds. Pure: the log, the vault's data and the context go in.
 */
export function citizenReport(
  records: AuditRecords,
  person: string,
  held: HeldData,
  ctx: ReportContext,
): CitizenReport {
  const c = concerning(records, person);
  const byId = new Map(records.disclosures.map((x) => [x.disclosureId, x]));
  const other = ctx.requester.kind !== 'self';
  const withheldForRequester = other ? c.signals.filter((d) => involves(d, ctx.requester.pseudonym)) : [];
  const shown = c.signals.filter((d) => !withheldForRequester.includes(d));
  // A protected address goes to no one but the person: not to a parent, guardian or representative.
  const hidesAddress = (d: DecisionRecord) => other && d.facts.confidentialAddress === true;
  const signals: CitizenSignal[] = shown.map((d) => {
    const rule = d.rulesEvaluated.find((r) => r.id === d.decidingRule);
    const role = d.subjectPseudonym === person ? ('subject' as const) : ('related' as const);
    const months = ctx.retention.byCategory[d.facts.category] ?? ctx.retention.defaultMonths;
    const content = role === 'subject' ? held.content.get(signalOf(d)) : undefined;
    return {
      signalId: d.signalId,
      agency: d.sourceAgency,
      agencyName: ctx.nameOf(d.sourceAgency),
      role,
      category: d.facts.category,
      severity: d.facts.severity,
      observedAt: d.facts.observedAt,
      purpose: d.purpose,
      outcome: d.outcome,
      rule: d.decidingRule,
      citation: rule?.citation ?? '',
      assumption: rule?.assumption ?? false,
      retentionMonths: months,
      keptUntil: addMonths(d.facts.observedAt, months),
      ...(content ? { summary: content.summary, ...(hidesAddress(d) ? {} : { address: content.address }) } : {}),
      recipients: recipientsOf(c.disclosures, c.decisionIds.get(signalOf(d))!, role, byId, ctx.nameOf),
    };
  });
  // Other signals shown in the same disclosures: other persons' data (AVG 15(4)).
  const mine = new Set([...c.decisionIds.values()].flatMap((s) => [...s]));
  const signalById = new Map(records.decisions.map((d) => [d.decisionId, signalOf(d)]));
  const others = new Set(
    c.disclosures.flatMap((x) =>
      x.decisionIds.some((id) => mine.has(id))
        ? x.decisionIds.filter((id) => !mine.has(id)).map((id) => signalById.get(id) ?? id)
        : [],
    ),
  );
  const withheld: Withheld[] = [
    ...(withheldForRequester.length
      ? [{ reason: 'requester-involved' as const, count: withheldForRequester.length }]
      : []),
    ...(others.size ? [{ reason: 'others' as const, count: others.size }] : []),
    ...(shown.some(hidesAddress)
      ? [{ reason: 'protected-address' as const, count: shown.filter(hidesAddress).length }]
      : []),
    { reason: 'reporter', count: 0 },
  ];
  const age = held.person ? ageAt(held.person.birthDate, ctx.now) : undefined;
  const parental = ctx.requester.kind === 'parent' || ctx.requester.kind === 'guardian';
  return {
    generatedAt: ctx.now.toISOString(),
    requester: {
      kind: ctx.requester.kind,
      needsCheck: other,
      ...(ctx.requester.checkedBy ? { checkedBy: ctx.requester.checkedBy } : {}),
      ...(parental && age !== undefined && age >= OWN_RIGHTS_AGE ? { subjectAdult: true } : {}),
    },
    ...(held.person ? { person: held.person } : {}),
    contact: ctx.contact,
    signals,
    withheld,
  };
}
