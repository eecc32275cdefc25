import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_FILE,
  DEFAULT_POLICY_PIN_FILE,
  loadDefaultPolicy,
  loadPolicy,
  parsePolicy,
  policySchema,
} from '@samenhang/policy';

const text = readFileSync(DEFAULT_POLICY_FILE, 'utf8');
const pin = readFileSync(DEFAULT_POLICY_PIN_FILE, 'utf8').trim();

describe('policy as data', () => {
  it('loads the default policy pinned to its SHA-256', () => {
    const p = loadDefaultPolicy();
    expect(p.digest).toBe(pin);
    expect(p.rules.map((r) => r.id).sort()).toEqual(['R1', 'R14', 'R15', 'R2', 'R3', 'R5', 'R6', 'R7', 'R8', 'R9']);
    expect(p.failClosed.id).toBe('R0');
    expect(p.minimisation.id).toBe('R13');
    expect(p.retention.defaultMonths).toBe(24);
    expect(Object.isFrozen(p)).toBe(true);
  });
  it('matches the published schema in docs/schemas', () => {
    expect(JSON.parse(readFileSync(join(import.meta.dirname, '../../../docs/schemas/policy.v1.json'), 'utf8'))).toEqual(
      policySchema,
    );
  });
  it('refuses a policy whose bytes differ from the pin, even by one space', () => {
    expect(() => parsePolicy(`${text} `, pin)).toThrow(
      expect.objectContaining({
        code: 'ERR_POLICY_INVALID',
        message: expect.stringContaining('does not match the pinned'),
      }),
    );
  });
  it('refuses a missing file and corrupt JSON', () => {
    expect(() => loadPolicy('/nonexistent/policy.json')).toThrow(
      expect.objectContaining({ code: 'ERR_POLICY_INVALID' }),
    );
    expect(() => parsePolicy(text.slice(0, 200))).toThrow(
      expect.objectContaining({ code: 'ERR_POLICY_INVALID', message: 'policy is not valid JSON' }),
    );
  });
  it.each([
    [(p: any) => (p.rules[0].outcome = 'SHOUT'), '/rules/0/outcome'],
    [(p: any) => p.rules[1].fields.push('bankAccount'), '/rules/1/fields/10'],
    [(p: any) => (p.alert.windowDays = 0), '/alert/windowDays'],
    [(p: any) => (p.rules[2].when.mood = 'bad'), '/rules/2/when'],
    [(p: any) => p.precedence.push('R42'), '/precedence/10'],
    [(p: any) => p.precedence.pop(), '/precedence'],
    [(p: any) => (p.rules[1].id = 'R14'), '/rules/1/id'],
    [(p: any) => delete p.rules[3].fields, '/rules/3/fields'],
  ])('names the failing path of an invalid policy (%#)', (patch, path) => {
    const p = JSON.parse(text);
    patch(p);
    expect(() => parsePolicy(JSON.stringify(p))).toThrow(expect.objectContaining({ code: 'ERR_POLICY_INVALID', path }));
  });
});
