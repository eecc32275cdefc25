import type { ParticipantKind, PersonRole, Registry } from '@samenhang/pki';
import type { Identity } from './identity.js';
import { alertRegions, mayReadAudit } from './may.js';
import type { Session } from './sessions.js';

const AGENCIES: readonly ParticipantKind[] = ['POLICE', 'MENTAL_HEALTH', 'LOCAL_TEAM', 'JUSTICE'];

/**
 * What each role may do in the console: the one table every check derives from. A role
 * acts only for an organisation of the kinds it names, and sees no more than that
 * organisation's own rights allow (access/may.ts), except the agency's privacy officer, who
 * sees the part of the audit log that concerns their own agency's signals, and the operator,
 * whose organisation has no rights on the broker's subjects at all and who sees the broker's
 * health in counts (no person, family or signal), and the programme analyst, whose programme
 * office has no rights there either and who sees the learning figures (counts per month,
 * region, agency kind and category, small cells suppressed) and nothing else.
 */
export const ROLE_TABLE: Readonly<
  Record<PersonRole, { readonly kinds: readonly ParticipantKind[]; readonly assigns: boolean }>
> = {
  'rvt-worker': { kinds: ['RVT'], assigns: false },
  'rvt-coordinator': { kinds: ['RVT'], assigns: true },
  'privacy-officer': { kinds: ['PRIVACY_OFFICER'], assigns: false },
  'agency-privacy-officer': { kinds: AGENCIES, assigns: false },
  operator: { kinds: ['OPERATOR'], assigns: false },
  'programme-analyst': { kinds: ['PROGRAMME_OFFICE'], assigns: false },
};

/** Whether a session may assign its RVT's families to workers (the coordinator). */
export const mayAssign = (session: Session): boolean => ROLE_TABLE[session.person.role].assigns;

/** Whether a person in `role` may use the console for `who`, and it gives them something to see. */
export function roleFits(role: PersonRole, who: Identity, registry: Registry): boolean {
  if (!ROLE_TABLE[role].kinds.includes(who.kind)) return false;
  if (role === 'agency-privacy-officer' || role === 'operator' || role === 'programme-analyst') return true;
  return alertRegions(who, registry).length > 0 || mayReadAudit(who);
}

/** Whether a session may see the broker's health (the operator's page). */
export const mayOperate = (session: Session, who: Identity): boolean =>
  session.person.role === 'operator' && ROLE_TABLE.operator.kinds.includes(who.kind);

/** Whether a session may see the learning figures (the programme analyst's page, and only theirs). */
export const mayLearn = (session: Session, who: Identity): boolean =>
  session.person.role === 'programme-analyst' && ROLE_TABLE['programme-analyst'].kinds.includes(who.kind);

/** How much of the audit log a session may read: all of it, what concerns one agency, or none. */
export type AuditScope = 'all' | { readonly agency: string } | undefined;

export function auditScope(session: Session, who: Identity): AuditScope {
  if (session.person.role === 'agency-privacy-officer') return { agency: who.id };
  if (session.person.role !== 'privacy-officer') return undefined;
  return mayReadAudit(who) ? 'all' : undefined;
}
