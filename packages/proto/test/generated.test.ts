import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { v1, toTimestamp, fromTimestamp, enumName } from '@samenhang/proto';

describe('generated wire code', () => {
  it('is up to date with proto/ (npm run proto:gen regenerates it)', () => {
    const root = join(import.meta.dirname, '../../..');
    expect(() =>
      execFileSync('node', ['scripts/proto-gen.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });
  it('round-trips a Signal byte for byte', () => {
    const bytes = v1.Signal.encode({
      signalId: 'x',
      region: 'twente',
      severity: v1.Severity.SEVERITY_ACUTE,
      observedAt: toTimestamp(1_700_000_000_123),
    }).finish();
    const back = v1.Signal.decode(bytes);
    expect(Buffer.from(v1.Signal.encode(back).finish()).equals(Buffer.from(bytes))).toBe(true);
    expect(fromTimestamp(back.observedAt)).toBe(1_700_000_000_123);
  });
  it('keeps proto field numbers stable (wire contract)', () => {
    // signal_id = 1 (tag 0x0a), withdraws_signal_id = 15 (tag 0x7a)
    expect([...v1.Signal.encode({ signalId: 'a' }).finish()]).toEqual([0x0a, 1, 0x61]);
    expect([...v1.Signal.encode({ withdrawsSignalId: 'a' }).finish()]).toEqual([0x7a, 1, 0x61]);
    expect([...v1.SignalEnvelope.encode({ signature: 'a' }).finish()]).toEqual([0x1a, 1, 0x61]);
  });
  it('names enum values without their proto prefix', () => {
    expect(
      enumName(v1.Category as unknown as Record<string, number>, 'CATEGORY_', v1.Category.CATEGORY_DOMESTIC_VIOLENCE),
    ).toBe('DOMESTIC_VIOLENCE');
  });
});
