import { describe, expect, it } from 'vitest';
import { v1 } from '@samenhang/proto';
import { consentFromJson, validateConsent } from '@samenhang/signal';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const participants = ['lokaalteam-almere', 'ggz-centraal', 'politie-oost-nederland'];
const record = (scope: string[]) =>
  v1.ConsentRecord.create(
    consentFromJson({
      consentId: 'c-1',
      agencyId: 'lokaalteam-almere',
      bsn: '999990019',
      purpose: 'SAFETY_ASSESSMENT',
      scope,
      status: 'GIVEN',
      recordedAt: new Date(NOW - 60_000).toISOString(),
    }),
  );

describe('consent authority', () => {
  it('accepts a consent for the registering agency’s own signals', () => {
    expect(() =>
      validateConsent(record(['lokaalteam-almere']), { now: NOW, participants, mayCover: ['lokaalteam-almere'] }),
    ).not.toThrow();
  });
  it('rejects a scope naming another agency with ERR_CONSENT_SCOPE and the path', () => {
    expect(() =>
      validateConsent(record(['lokaalteam-almere', 'ggz-centraal']), {
        now: NOW,
        participants,
        mayCover: ['lokaalteam-almere'],
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_CONSENT_SCOPE', path: '/scope/1' }));
  });
  it('accepts another agency only where the registry grants it', () => {
    expect(() =>
      validateConsent(record(['ggz-centraal']), {
        now: NOW,
        participants,
        mayCover: ['lokaalteam-almere', 'ggz-centraal'],
      }),
    ).not.toThrow();
  });
});
