import { describe, expect, it } from 'vitest';
import { compileValidator, envNumber } from '@samenhang/config';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['nats'],
  properties: {
    nats: {
      type: 'object',
      additionalProperties: false,
      required: ['port'],
      properties: { port: { type: 'integer', minimum: 1 } },
    },
    secret: { type: 'string', minLength: 12 },
    level: { enum: ['info', 'debug'], default: 'info' },
  },
};
const validate = compileValidator<{ nats: { port: number }; secret?: string; level: string }>(
  schema,
  'test configuration',
);

describe('configuration validation', () => {
  it('applies defaults and freezes the result deeply', () => {
    const c = validate({ nats: { port: 4222 } });
    expect(c.level).toBe('info');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.nats)).toBe(true);
  });
  it('does not change its input', () => {
    const input = { nats: { port: 4222 } };
    validate(input);
    expect(input).toEqual({ nats: { port: 4222 } });
  });
  it.each([
    [{ nats: { port: 'x' } }, '/nats/port'],
    [{ nats: { port: 4222 }, extra: true }, '/'],
    [{ nats: { port: 4222, tls: true } }, '/nats'],
    [{}, '/'],
  ])('rejects %j naming the failing path %s', (input, path) => {
    expect(() => validate(input)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path }));
  });
  it('names unknown properties and lists every failure', () => {
    expect(() => validate({ nats: { port: 0 }, extra: 1 })).toThrow(
      /\/nats\/port must be >= 1.*must NOT have additional properties 'extra'|must NOT have additional properties 'extra'.*\/nats\/port must be >= 1/,
    );
  });
  it('never echoes a secret value', () => {
    expect(() => validate({ nats: { port: 1 }, secret: 'hunter2' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});

describe('numeric settings from the environment', () => {
  it('falls back only when unset, and keeps what is no number as NaN for the schema to reject', () => {
    expect(envNumber(undefined, 64)).toBe(64);
    expect(envNumber('8', 64)).toBe(8);
    expect(envNumber('lots', 64)).toBeNaN();
    expect(() => validate({ nats: { port: envNumber('lots', 4222) } })).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path: '/nats/port' }),
    );
  });
});
