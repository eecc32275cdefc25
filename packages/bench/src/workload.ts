import { isValidBsn } from '@samenhang/signal';

/** The agencies a synthetic family system hears from, with the category each reports. */
export const WORKLOAD_AGENCIES = {
  'politie-oost-nederland': 'HOUSING_NUISANCE',
  'ggz-centraal': 'PSYCHIATRIC_CRISIS',
  'lokaalteam-ede': 'DEBT',
  'reclassering-nederland': 'CRIMINAL_CASE',
  'rvt-foodvalley': 'DOMESTIC_VIOLENCE',
} as const;

export interface WorkloadItem {
  readonly agency: string;
  /** Signal JSON as an agency would send it (signalFromJson reads it). */
  readonly signal: Record<string, unknown>;
}

export interface WorkloadOptions {
  readonly systems: number;
  /** Signals per family system (default 10). */
  readonly perSystem?: number;
  /** Agencies to spread the signals over (default: all five, in this order). */
  readonly agencies?: readonly string[];
  readonly now?: number;
  /** The first test BSN is searched from here; workloads from different bases never share a person. */
  readonly bsnBase?: number;
}

/** `n` valid test BSNs (they pass the 11-test) starting at `base`. */
export function testBsns(n: number, base = 900_000_000): string[] {
  const out: string[] = [];
  for (let x = base; out.length < n; x++) if (isValidBsn(String(x))) out.push(String(x));
  return out;
}

/** Four-digit postcodes of Food Valley in the development region table, where every workload signal lives. */
const FOODVALLEY_DIGITS = [...range(3770, 3785), ...range(3900, 3929), ...range(6700, 6739)];
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The `n`th distinct Food Valley address of a family (`flat`: a second one per family): the
 * region comes from the address, so every address must lie in the region the signals name.
 */
function foodValleyAddress(n: number, flat = false): { postcode: string; houseNumber: number } {
  const digits = FOODVALLEY_DIGITS[n % FOODVALLEY_DIGITS.length]!;
  const pair = (Math.floor(n / FOODVALLEY_DIGITS.length) % 338) * 2 + (flat ? 1 : 0);
  const letters = `${LETTERS[Math.floor(pair / 26)]}${LETTERS[pair % 26]}`;
  return { postcode: `${digits}${letters}`, houseNumber: 1 + Math.floor(n / (FOODVALLEY_DIGITS.length * 338)) };
}

/**
 * Family systems of three persons (two parents, a child). Each system's signals
 * come from the agencies in turn, name different persons and two addresses, and
 * only two name relations (a partner, a child), so a system forms by merging
 * partial systems in whatever order the signals are processed. The result is
 * round-robin across systems, so concurrent handlers touch the same systems.
 */
export function syntheticWorkload(o: WorkloadOptions): WorkloadItem[] {
  const perSystem = o.perSystem ?? 10;
  const agencies = o.agencies ?? Object.keys(WORKLOAD_AGENCIES);
  const now = o.now ?? Date.now();
  const ids = testBsns(o.systems * 3, o.bsnBase);
  const bySystem: WorkloadItem[][] = [];
  for (let k = 0; k < o.systems; k++) {
    const [a, b, c] = [ids[3 * k]!, ids[3 * k + 1]!, ids[3 * k + 2]!];
    const home = foodValleyAddress(k);
    const flat = foodValleyAddress(k, true);
    const list: WorkloadItem[] = [];
    for (let i = 0; i < perSystem; i++) {
      const agency = agencies[i % agencies.length]!;
      const related =
        i === 4
          ? [{ person: { bsn: a, name: 'P' }, relation: 'PARTNER' }]
          : i === 7
            ? [{ person: { bsn: c, name: 'P' }, relation: 'CHILD' }]
            : [];
      list.push({
        agency,
        signal: {
          signalId: `s-${k}-${i}`,
          agencyId: agency,
          region: 'foodvalley',
          subject: { bsn: [a, b, c][i % 3]!, name: 'X' },
          relatedPersons: related,
          address: i % 4 === 3 ? flat : home,
          category: WORKLOAD_AGENCIES[agency as keyof typeof WORKLOAD_AGENCIES] ?? 'DEBT',
          severity: i === 9 ? 'HIGH' : 'MEDIUM',
          summary: `signal ${i}`,
          legalGround: 'STATUTORY_TASK',
          meldcodeDecision: false,
          observedAt: new Date(now - (perSystem - i) * 86_400_000).toISOString(),
          contact: { name: 'C', phone: '+31 318 000 000' },
        },
      });
    }
    bySystem.push(list);
  }
  return Array.from({ length: perSystem }, (_, i) => bySystem.map((l) => l[i]!)).flat();
}

/**
 * Single ACUTE signals, each about a new person at a new address: each alerts its
 * region at once (alert rule: an ACUTE signal), so its ingress-to-alert latency can
 * be measured on its own.
 */
export function acuteSignals(n: number, o: { now?: number; bsnBase?: number; idPrefix?: string } = {}): WorkloadItem[] {
  const now = o.now ?? Date.now();
  return testBsns(n, o.bsnBase ?? 700_000_000).map((bsn, k) => ({
    agency: 'politie-oost-nederland',
    signal: {
      signalId: `${o.idPrefix ?? 'acute'}-${k}`,
      agencyId: 'politie-oost-nederland',
      region: 'foodvalley',
      subject: { bsn, name: 'X' },
      // House numbers from 100,000 down are not used by the families above.
      address: { ...foodValleyAddress(k), houseNumber: 99_999 - foodValleyAddress(k).houseNumber },
      category: 'DOMESTIC_VIOLENCE',
      severity: 'ACUTE',
      summary: 'acute',
      legalGround: 'VITAL_INTEREST',
      meldcodeDecision: false,
      observedAt: new Date(now - 60_000).toISOString(),
      contact: { name: 'C', phone: '+31 318 000 000' },
    },
  }));
}
