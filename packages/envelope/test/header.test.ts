import { describe, expect, it } from 'vitest';
import { CONSENT_TYP, SIGNAL_TYP, parseProtectedHeader } from '@samenhang/envelope';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const KID = 'a'.repeat(64);

describe('protected header (checked once per exact text)', () => {
  it('answers an accepted header again without re-checking, for the same typ only', () => {
    const text = b64({ alg: 'PS256', kid: KID, typ: SIGNAL_TYP });
    const first = parseProtectedHeader(text, SIGNAL_TYP);
    expect(first).toEqual({ alg: 'PS256', kid: KID, typ: SIGNAL_TYP });
    expect(parseProtectedHeader(text, SIGNAL_TYP)).toBe(first);
    // The same text where a consent envelope is expected is still refused.
    expect(() => parseProtectedHeader(text, CONSENT_TYP)).toThrow(
      expect.objectContaining({ code: 'ERR_HEADER_INVALID', path: '/typ' }),
    );
  });

  it('refuses a bad header every time (failures are not remembered)', () => {
    const text = b64({ alg: 'none', kid: KID, typ: SIGNAL_TYP });
    for (let i = 0; i < 2; i++)
      expect(() => parseProtectedHeader(text, SIGNAL_TYP)).toThrow(
        expect.objectContaining({ code: 'ERR_ALG_NOT_ALLOWED' }),
      );
    const extra = b64({ alg: 'PS256', kid: KID, typ: SIGNAL_TYP, crit: ['exp'] });
    for (let i = 0; i < 2; i++)
      expect(() => parseProtectedHeader(extra, SIGNAL_TYP)).toThrow(
        expect.objectContaining({ code: 'ERR_HEADER_INVALID' }),
      );
  });
});
