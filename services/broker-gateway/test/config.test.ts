import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';

const env = { SAMENHANG_HOME: '/tmp/x', SAMENHANG_SERVERS: 'tls://127.0.0.1:4222' };

describe('gateway configuration', () => {
  it('has documented defaults and is frozen', () => {
    const { config } = loadGatewayConfig(env, '/');
    expect(config).toMatchObject({
      maxEnvelopeBytes: 65536,
      concurrency: 64,
      logLevel: 'info',
      maxSummaryChars: 2000,
      servers: ['tls://127.0.0.1:4222'],
    });
    expect(Object.isFrozen(config)).toBe(true);
  });
  it.each([
    [{ SAMENHANG_MAX_ENVELOPE_BYTES: 'lots' }, '/maxEnvelopeBytes'],
    [{ SAMENHANG_GATEWAY_CONCURRENCY: '0' }, '/concurrency'],
    [{ SAMENHANG_LOG_LEVEL: 'loud' }, '/logLevel'],
    [{ SAMENHANG_SERVERS: 'http://example' }, '/servers/0'],
  ])('rejects %j naming %s', (over, path) => {
    expect(() => loadGatewayConfig({ ...env, ...over }, '/')).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path }),
    );
  });
});
