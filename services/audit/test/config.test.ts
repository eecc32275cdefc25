import { describe, expect, it } from 'vitest';
import { loadAuditConfig } from '../src/config.js';

const env = {
  SAMENHANG_HOME: '/tmp/x',
  SAMENHANG_SERVERS: 'tls://127.0.0.1:4222, tls://127.0.0.1:4223',
  SAMENHANG_INSTANCE: 'audit-1',
};

describe('audit configuration', () => {
  it('has the shared settings and documented defaults, and is frozen', () => {
    const { config, paths } = loadAuditConfig(env, '/');
    expect(config).toEqual({
      home: '/tmp/x',
      servers: ['tls://127.0.0.1:4222', 'tls://127.0.0.1:4223'],
      instance: 'audit-1',
      logLevel: 'info',
      checkpointEvery: 64,
      checkpointMs: 5000,
    });
    expect(paths.root).toBe('/tmp/x');
    expect(Object.isFrozen(config)).toBe(true);
  });
  it.each([
    [{ SAMENHANG_CHECKPOINT_EVERY: 'often' }, '/checkpointEvery'],
    [{ SAMENHANG_CHECKPOINT_MS: '50' }, '/checkpointMs'],
    [{ SAMENHANG_LOG_LEVEL: 'chatty' }, '/logLevel'],
  ])('rejects %j naming %s', (over, path) => {
    expect(() => loadAuditConfig({ ...env, ...over }, '/')).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path }),
    );
  });
});
