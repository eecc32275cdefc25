import { signalFromJson } from '@samenhang/signal';

/**
 * A police ACUTE signal for Twente, observed a minute ago, with `over` on top (its id, subject,
 * address, relations): what the family-system tests send to link, split and correct families.
 */
export function policeAcute(over: Record<string, unknown>) {
  return signalFromJson({
    agencyId: 'politie-oost-nederland',
    region: 'twente',
    category: 'DOMESTIC_VIOLENCE',
    severity: 'ACUTE',
    summary: 'incident',
    legalGround: 'VITAL_INTEREST',
    observedAt: new Date(Date.now() - 60_000).toISOString(),
    contact: { name: 'F. Dijkstra', phone: '+31 900 000 007' },
    ...over,
  });
}
