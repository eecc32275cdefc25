import type { ParticipantKind, PersonRole, Registry } from '@samenhang/pki';
import type { Identity } from './identity.js';
import { alertRegions, mayReadAudit } from './may.js';

/**
 * What each role may do in the console: the one table every check derives from. A role
 * acts only for an organisation of the kinds it names, and sees no more than that
 * organisation's own rights allow (access/may.ts). The agency's privacy officer and the
 * operator have no views here yet: they are refused rather than shown more than their task.
 */
export const ROLE_TABLE: Readonly<Record<PersonRole, { readonly kinds: readonly ParticipantKind[] }>> = {
  'rvt-worker': { kinds: ['RVT'] },
  'rvt-coordinator': { kinds: ['RVT'] },
  'privacy-officer': { kinds: ['PRIVACY_OFFICER'] },
  'agency-privacy-officer': { kinds: [] },
  operator: { kinds: [] },
};

/** Whether a person in `role` may use the console for `who`, and it gives them something to see. */
export function roleFits(role: PersonRole, who: Identity, registry: Registry): boolean {
  if (!ROLE_TABLE[role].kinds.includes(who.kind)) return false;
  return alertRegions(who, registry).length > 0 || mayReadAudit(who);
}
