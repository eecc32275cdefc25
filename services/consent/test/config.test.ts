import { describe, expect, it } from 'vitest';
import { loadConsentConfig } from '../src/config.js';

const env = { SAMENHANG_HOME: '/tmp/x', SAMENHANG_SERVERS: 'tls://127.0.0.1:4222', SAMENHANG_INSTANCE: 'consent-1' };

describe('consent configuration', () => {
  it('has the shared settings and documented defaults, and is frozen', () => {
    const { config } = loadConsentConfig(env, '/');
    expect(config).toEqual({
      home: '/tmp/x',
      servers: ['tls://127.0.0.1:4222'],
      instance: 'consent-1',
      logLevel: 'info',
      concurrency: 64,
      expirySweepMs: 3_600_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });
  it('takes numbers from the environment', () => {
    const { config } = loadConsentConfig(
      { ...env, SAMENHANG_CONSENT_CONCURRENCY: '8', SAMENHANG_EXPIRY_SWEEP_MS: '1000', SAMENHANG_LOG_LEVEL: 'warn' },
      '/',
    );
    expect(config).toMatchObject({ concurrency: 8, expirySweepMs: 1000, logLevel: 'warn' });
  });
  it.each([
    [{ SAMENHANG_CONSENT_CONCURRENCY: 'many' }, '/concurrency'],
    [{ SAMENHANG_EXPIRY_SWEEP_MS: '' }, '/expirySweepMs'],
    [{ SAMENHANG_INSTANCE: 'Consent 1' }, '/instance'],
  ])('rejects %j naming %s', (over, path) => {
    expect(() => loadConsentConfig({ ...env, ...over }, '/')).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path }),
    );
  });
});
