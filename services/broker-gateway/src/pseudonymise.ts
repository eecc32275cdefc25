import type { Pseudonymizer } from '@samenhang/pseudonym';
import { v1, type protobuf } from '@samenhang/proto';
import type { Vault } from '@samenhang/vault';
import type { CheckedSignal } from './verify-signal.js';

/**
 * Splits a checked signal in two: raw identities and free text go to the vault,
 * encrypted under each person's key; what flows on (SIGNALS) carries pseudonyms,
 * codes and the vault reference only.
 */
export async function pseudonymise(
  checked: CheckedSignal,
  // The subject's pseudonym comes with the meta: the signal index already holds it.
  meta: {
    vaultRef: string;
    envelopeSha256: string;
    receivedAt: protobuf.Timestamp.$Properties;
    ingressSeq: number;
    subjectPseudonym: string;
    withdrawnSubjectPseudonym: string;
  },
  pseudonyms: Pseudonymizer,
  vault: Vault,
): Promise<v1.VerifiedSignal> {
  const s = checked.signal;
  const subject = s.subject!;
  const address = s.address!;
  const subjectPseudonym = meta.subjectPseudonym;
  const related = s.relatedPersons.map((r) => ({
    person: r.person!,
    pseudonym: pseudonyms.person(r.person!.bsn!),
    relation: r.relation!,
  }));

  await Promise.all([
    vault.putPerson(subjectPseudonym, { bsn: subject.bsn!, name: subject.name!, birthDate: subject.birthDate ?? '' }),
    ...related.map((r) =>
      vault.putPerson(r.pseudonym, { bsn: r.person.bsn!, name: r.person.name!, birthDate: r.person.birthDate ?? '' }),
    ),
    vault.putSignalContent(meta.vaultRef, subjectPseudonym, {
      summary: s.summary,
      contact: { name: s.contact?.name ?? '', phone: s.contact?.phone ?? '', email: s.contact?.email ?? '' },
      address: {
        postcode: address.postcode!,
        houseNumber: address.houseNumber!,
        houseNumberSuffix: address.houseNumberSuffix ?? '',
      },
      ...(s.reporter
        ? { reporter: { name: s.reporter.name ?? '', phone: s.reporter.phone ?? '', email: s.reporter.email ?? '' } }
        : {}),
    }),
  ]);
  // A protected address links no one and cannot be searched by: it yields no household key.
  const confidentialAddress = subject.confidentialAddress === true;

  return v1.VerifiedSignal.create({
    signalId: s.signalId,
    agencyId: s.agencyId,
    agencyKind: checked.agency.kind,
    region: s.region,
    subjectPseudonym,
    relatedPersons: related.map((r) => ({ pseudonym: r.pseudonym, relation: r.relation })),
    householdKey: confidentialAddress
      ? ''
      : pseudonyms.household({
          postcode: address.postcode!,
          houseNumber: address.houseNumber!,
          houseNumberSuffix: address.houseNumberSuffix ?? '',
        }),
    category: s.category,
    severity: s.severity,
    legalGround: s.legalGround,
    meldcodeDecision: s.meldcodeDecision,
    observedAt: s.observedAt ?? null,
    expiresAt: s.expiresAt ?? null,
    withdrawsSignalId: s.withdrawsSignalId,
    vaultRef: meta.vaultRef,
    envelopeSha256: meta.envelopeSha256,
    signerKid: checked.signerKid,
    receivedAt: meta.receivedAt,
    ingressSeq: meta.ingressSeq,
    withdrawnSubjectPseudonym: meta.withdrawnSubjectPseudonym,
    confidentialAddress,
    hasReporter: !!s.reporter,
  });
}
