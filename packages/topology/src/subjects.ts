/** The public subject families (docs/wire-contract.md). */
export const subjects = {
  ingress: (agencyId: string) => `samenhang.ingress.${agencyId}`,
  consent: (agencyId: string) => `samenhang.consent.${agencyId}`,
  receipts: (agencyId: string) => `samenhang.receipts.${agencyId}`,
  signals: (region: string) => `samenhang.signals.${region}`,
  /** Internal: verified, pseudonymised consent records (stream SIGNALS, in order with signals). */
  consents: (agencyId: string) => `samenhang.consents.${agencyId}`,
  /** A person's decision about an alert entry of this region (stream SIGNALS; published by the console). */
  human: (region: string) => `samenhang.human.${region}`,
  alerts: (region: string) => `samenhang.alerts.${region}`,
  picture: (region: string) => `samenhang.picture.${region}`,
  /**
   * Internal: a request to erase a person (request/reply, never stored). Only the operator
   * (admin) and the console (for the broker's privacy officer) may publish it; the consent
   * service answers.
   */
  erasure: 'samenhang.erasure',
} as const;

/**
 * The audit log's subjects, all on stream AUDIT: `all` is the whole log (the stream's
 * subjects, the audit consumer's filter, what a privacy officer may read); the others
 * are one kind of record each. Checkpoints are `CHECKPOINT_SUBJECT` of @samenhang/audit-log,
 * which lies under `all` (test/subjects.test.ts).
 */
export const auditSubjects = {
  all: 'samenhang.audit.>',
  decisions: 'samenhang.audit.decisions',
  disclosures: 'samenhang.audit.disclosures',
  /** What people do in the console besides deciding and looking: assignments. */
  actions: 'samenhang.audit.actions',
  /** Tombstones of erased persons, written by the consent service. */
  erasures: 'samenhang.audit.erasures',
} as const;

/** Each service registers as NATS service `samenhang-<service>` ($SRV.PING finds its instances). */
export const HEALTH_SERVICE_PREFIX = 'samenhang-';
/** The subject on which one instance of a service answers with its health report. */
export const healthSubject = (service: string) => `samenhang.health.${service}`;

/** The agency id of an ingress or consent subject, e.g. samenhang.ingress.ggz-centraal. */
export function agencyOfSubject(subject: string): string | undefined {
  const m = /^samenhang\.(?:ingress|consent)\.([a-z0-9-]+)$/.exec(subject);
  return m ? m[1] : undefined;
}
