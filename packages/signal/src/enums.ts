import { enumName, enumValue, v1 } from '@samenhang/proto';

/** Enum types of the wire contract with the prefix their values carry in proto. */
export const ENUMS = {
  category: { values: v1.Category as unknown as Record<string, number>, prefix: 'CATEGORY_' },
  severity: { values: v1.Severity as unknown as Record<string, number>, prefix: 'SEVERITY_' },
  legalGround: { values: v1.LegalGround as unknown as Record<string, number>, prefix: 'LEGAL_GROUND_' },
  relation: { values: v1.Relation as unknown as Record<string, number>, prefix: 'RELATION_' },
  purpose: { values: v1.Purpose as unknown as Record<string, number>, prefix: 'PURPOSE_' },
  consentStatus: { values: v1.ConsentStatus as unknown as Record<string, number>, prefix: 'CONSENT_STATUS_' },
  receiptStatus: { values: v1.ReceiptStatus as unknown as Record<string, number>, prefix: 'RECEIPT_STATUS_' },
} as const;

export type EnumKind = keyof typeof ENUMS;

export function nameOf(kind: EnumKind, value: number): string {
  return enumName(ENUMS[kind].values, ENUMS[kind].prefix, value);
}

export function enumValueOf(kind: EnumKind, name: string): number | undefined {
  return enumValue(ENUMS[kind].values, ENUMS[kind].prefix, name);
}

/** The bare names a person may write, e.g. DOMESTIC_VIOLENCE. */
export function namesOf(kind: EnumKind): string[] {
  const { values, prefix } = ENUMS[kind];
  return Object.keys(values)
    .filter((k) => Number.isNaN(Number(k)) && values[k] !== 0)
    .map((k) => k.slice(prefix.length));
}
