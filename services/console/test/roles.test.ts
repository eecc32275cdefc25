import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry, PERSON_ROLES } from '@samenhang/pki';
import { participant } from '../src/access/identity.js';
import { auditScope, mayAssign, mayLearn, mayOperate, roleFits } from '../src/access/roles.js';
import type { Session } from '../src/access/sessions.js';

const registry = loadRegistry(join(import.meta.dirname, '../../../certs-dev/registry.json'));

describe('which role may use the console for which organisation, cell by cell', () => {
  const organisations = [
    'rvt-foodvalley',
    'rvt-twente',
    'privacy-officer',
    'politie-oost-nederland',
    'ggz-centraal',
    'beheer',
    'leren',
  ];
  // Only these cells let a person in; every other combination is refused.
  const allowed = new Set([
    'rvt-worker × rvt-foodvalley',
    'rvt-worker × rvt-twente',
    'rvt-coordinator × rvt-foodvalley',
    'rvt-coordinator × rvt-twente',
    'privacy-officer × privacy-officer',
    'agency-privacy-officer × politie-oost-nederland',
    'agency-privacy-officer × ggz-centraal',
    'operator × beheer',
    'programme-analyst × leren',
  ]);
  for (const role of PERSON_ROLES)
    for (const org of organisations)
      it(`${role} × ${org}`, () =>
        expect(roleFits(role, participant(registry, org), registry)).toBe(allowed.has(`${role} × ${org}`)));
});

describe('who may assign families to workers, role by role', () => {
  for (const role of PERSON_ROLES)
    it(`${role}`, () =>
      expect(
        mayAssign({
          id: 's',
          identity: 'rvt-foodvalley',
          person: { id: 'person:1', organisation: 'x', role },
        } as Session),
      ).toBe(role === 'rvt-coordinator'));
});

describe('who sees the broker’s health, and who reads the log: role by role, organisation by organisation', () => {
  const session = (role: (typeof PERSON_ROLES)[number], organisation: string) =>
    ({ id: 's', identity: organisation, person: { id: 'person:1', organisation, role } }) as Session;
  for (const role of PERSON_ROLES)
    for (const org of ['beheer', 'leren', 'privacy-officer', 'rvt-foodvalley', 'politie-oost-nederland']) {
      it(`${role} × ${org}`, () => {
        const who = participant(registry, org);
        expect(mayOperate(session(role, org), who)).toBe(role === 'operator' && org === 'beheer');
        // The learning figures: the programme analyst of the programme office, and no one else.
        expect(mayLearn(session(role, org), who)).toBe(role === 'programme-analyst' && org === 'leren');
        // The operator and the analyst read no part of the audit log, whatever organisation they claim.
        if (role === 'operator' || role === 'programme-analyst')
          expect(auditScope(session(role, org), who)).toBeUndefined();
      });
    }
});
