import { canonicalSha256, sha256Hex } from '@samenhang/canonical';
import { SamenhangError } from '@samenhang/errors';
import { alertReason, type PictureEntry, regionEntries } from '@samenhang/family';
import type { DisclosableField, Policy } from '@samenhang/policy';
import { toTimestamp, v1 } from '@samenhang/proto';
import { enumValueOf } from '@samenhang/signal';
import type { PersonRecord, Vault } from '@samenhang/vault';
import type { DisclosureRecord } from '../deciding/audit-records.js';
import { explanation } from './explain.js';

/**
 * What an alert notice on the ALERTS stream may carry of an entry's allowed fields: facts
 * about the signal, never content. Everything else is fetched on demand (a `picture`).
 */
const NOTICE_FIELDS: readonly DisclosableField[] = ['agency', 'category', 'observedAt', 'severity'];

/** One family system as an alert shows it. */
export interface SystemView {
  readonly id: string;
  /** Its live signals (none: it no longer exists). */
  readonly entries: readonly PictureEntry[];
  readonly persons: readonly string[];
  /** The persons its earlier versions stood for: a correction concerns them too. */
  readonly shownBefore?: readonly string[];
  readonly mergedFrom: readonly string[];
  /** This version corrects the earlier ones; `replacedBy`: where its persons are now, if it no longer exists. */
  readonly correction?: { readonly replacedBy: readonly string[] };
}

/**
 * An erased person's data key is gone (crypto-shredding): what was sealed under it reads as
 * absent — no key, or (once a new signal made them a new key) a record the new key cannot
 * open. Any other failure is an error: the answer fails rather than silently showing less.
 */
function erasedIsAbsent(e: unknown): undefined {
  if (e instanceof SamenhangError && (e.code === 'ERR_VAULT_KEY_MISSING' || e.code === 'ERR_VAULT_DECRYPT'))
    return undefined;
  throw e;
}

const CORRECTION =
  'correction: persons that earlier versions showed as one family system are no longer linked; those versions were wrong or are out of date';

/**
 * Builds the message an RVT receives. An `alert` is a notice for the ALERTS stream: no
 * content, and no vault read. A `picture` (answered on request) carries the content each
 * entry's decision allows, read from the vault now. Also returns the disclosure record for
 * it, and the bytes to send: the record's hash is over exactly these, encoded once.
 */
export async function buildAlert(
  p: SystemView,
  o: {
    region: string;
    recipient: string;
    version: number;
    now: number;
    kind: 'alert' | 'picture';
    purpose: string;
  },
  policy: Policy,
  vault: Vault,
): Promise<{ notice: v1.HouseholdAlert; bytes: Uint8Array; disclosure: DisclosureRecord }> {
  const entries = regionEntries(p.entries, o.region);
  const reason = p.correction ? CORRECTION : alertReason(p.entries, o.region, policy, o.now).reason;
  const sent = (e: PictureEntry) =>
    o.kind === 'picture' ? e.decision.fields : e.decision.fields.filter((f) => NOTICE_FIELDS.includes(f));
  // A system's few persons are named in most of its entries: each record is read and
  // opened once per alert, not once per entry that names it (docs/history/performance-rounds.md).
  const persons = new Map<string, Promise<PersonRecord | undefined>>();
  const person = (pseudonym: string) => {
    const read = persons.get(pseudonym) ?? vault.getPerson(pseudonym).catch(erasedIsAbsent);
    persons.set(pseudonym, read);
    return read;
  };
  // Entries are read from the vault in parallel: an alert re-reads every entry it shows.
  const out: v1.AlertEntry.$Properties[] = await Promise.all(
    entries.map(async (e) => {
      const d = e.decision;
      const fields = sent(e);
      const has = (f: DisclosableField) => fields.includes(f);
      // Content and names are read at once (each with its data key): one round trip's wait.
      const showsSubject = d.shownAs === 'DISCLOSE' && (has('subject.name') || has('subject.birthDate'));
      const subjectRead = showsSubject ? person(e.subjectPseudonym) : undefined;
      const relatedRead =
        d.shownAs === 'DISCLOSE' && has('relatedPersons') ? e.related.map((r) => person(r.pseudonym)) : [];
      // The signal's free text only when the decision shows some of it: the vault is read for
      // what may be disclosed, nothing more (and an INDEX entry costs no read).
      const showsContent = has('contact') || (d.shownAs === 'DISCLOSE' && (has('summary') || has('address')));
      const content = showsContent
        ? await vault.getSignalContent(e.key, e.subjectPseudonym).catch(erasedIsAbsent)
        : undefined;
      const entry: v1.AlertEntry.$Properties = {
        signalId: e.signalId,
        agencyId: has('agency') ? e.agencyId : '',
        agencyKind: e.agencyKind,
        category: has('category') ? (enumValueOf('category', e.category) ?? 0) : 0,
        observedAt: has('observedAt') ? toTimestamp(e.observedAt) : null,
        contact: has('contact') && content ? content.contact : null,
        shownAs: d.shownAs,
        outcome: d.outcome,
        decisionId: d.decisionId,
        decidingRule: d.decidingRule,
        citation: d.rule?.citation ?? '',
        assumption: d.rule?.assumption ?? false,
        explanation: explanation(e, policy, 'en'),
        explanationNl: explanation(e, policy, 'nl'),
        obligations: d.obligations.map((x) => `${x.type} due ${x.dueAt}`),
      };
      if (d.shownAs === 'DISCLOSE') {
        if (has('severity')) entry.severity = enumValueOf('severity', e.severity) ?? 0;
        if (has('summary') && content) entry.summary = content.summary;
        if (has('address') && content) entry.address = content.address;
        if (subjectRead) {
          const person = await subjectRead;
          if (person)
            entry.subject = {
              name: has('subject.name') ? person.name : '',
              birthDate: has('subject.birthDate') ? person.birthDate : '',
            };
        }
        if (has('relatedPersons')) {
          entry.relatedPersons = [];
          for (const [i, r] of e.related.entries()) {
            const person = await relatedRead[i];
            if (person)
              entry.relatedPersons.push({ name: person.name, birthDate: person.birthDate, relation: r.relation });
          }
        }
      }
      return entry;
    }),
  );
  const alertId = `alr_${canonicalSha256({ at: o.kind === 'picture' ? o.now : 0, kind: o.kind, region: o.region, systemId: p.id, version: o.version }).slice(0, 32)}`;
  const disclosureId = `dis_${alertId.slice(4)}`;
  const alert: v1.HouseholdAlert.$Properties = {
    alertId,
    systemId: p.id,
    region: o.region,
    version: o.version,
    createdAt: toTimestamp(o.now),
    reason,
    entries: out,
    mergedFrom: [...p.mergedFrom],
    persons: p.persons.length,
    disclosureId,
    correction: p.correction !== undefined,
    replacedBy: [...(p.correction?.replacedBy ?? [])],
  };
  const message = v1.HouseholdAlert.create(alert);
  const bytes = v1.HouseholdAlert.encode(message).finish();
  // Keys in canonical order, here and below: the audit writer's canonical JSON is then one
  // JSON.stringify (docs/history/performance-rounds.md).
  const disclosure: DisclosureRecord = {
    alertId,
    // A hash of what was sent, never the content itself.
    contentSha256: sha256Hex(bytes),
    ...(p.correction ? { correction: { replacedBy: [...p.correction.replacedBy] } } : {}),
    decisionIds: entries.map((e) => e.decision.decisionId),
    disclosureId,
    fieldsSent: entries.map((e) => ({ fields: [...sent(e)], signalId: e.signalId })),
    kind: o.kind,
    legalBasis: entries.map((e) => ({
      assumption: e.decision.rule?.assumption ?? false,
      citation: e.decision.rule?.citation ?? '',
      rule: e.decision.decidingRule,
      signalId: e.signalId,
    })),
    // A correction concerns everyone the earlier versions showed (AVG 19: they may ask whom it was sent to).
    pseudonyms: p.correction ? [...new Set([...p.persons, ...(p.shownBefore ?? [])])].sort() : [...p.persons],
    purpose: o.purpose,
    recipient: o.recipient,
    sourceSignals: entries.map((e) => e.signalId),
    systemId: p.id,
    time: new Date(o.now).toISOString(),
    type: 'disclosure',
    ...(o.kind === 'alert' ? { version: o.version } : {}),
  };
  return { notice: message, bytes, disclosure };
}
