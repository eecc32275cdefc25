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
} as const;

/** The agency id of an ingress or consent subject, e.g. samenhang.ingress.ggz-centraal. */
export function agencyOfSubject(subject: string): string | undefined {
  const m = /^samenhang\.(?:ingress|consent)\.([a-z0-9-]+)$/.exec(subject);
  return m ? m[1] : undefined;
}
