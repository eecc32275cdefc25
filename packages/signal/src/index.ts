import { v1 } from '@samenhang/proto';
import { validateSignal as validateWith, type ValidationContext } from './validate.js';

export { isValidBsn } from './bsn.js';
export { ENUMS, enumValueOf, nameOf, namesOf } from './enums.js';
export type { EnumKind } from './enums.js';
export { signalFromJson } from './json.js';
export { DEFAULT_LIMITS } from './limits.js';
export { assertStrict } from './strict-decode.js';
export type { SignalLimits } from './limits.js';
export type { ValidationContext } from './validate.js';

const ENUM_OBJECTS = {
  category: v1.Category,
  severity: v1.Severity,
  legalGround: v1.LegalGround,
  relation: v1.Relation,
};

/** Validates a decoded Signal (see validate.ts); throws SamenhangError with a field path. */
export function validateSignal(signal: v1.Signal, ctx: ValidationContext): void {
  validateWith(signal, ctx, ENUM_OBJECTS);
}
export { consentFromJson, validateConsent } from './consent.js';
export { DEFAULT_REGION_TABLE_FILE, loadRegionTable, parseRegionTable } from './region-table.js';
export type { RegionTable } from './region-table.js';
