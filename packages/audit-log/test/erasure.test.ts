import { describe, expect, it } from 'vitest';
import {
  encodeErasureRequest,
  erasureGroundsProblem,
  parseErasureRequest,
  parseErasureResult,
  parseRecords,
} from '@samenhang/audit-log';

const PERSON = 'p'.repeat(43);
const asBytes = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('erasure requests and tombstones', () => {
  it('needs a known reason, and an order reference for a court order', () => {
    expect(erasureGroundsProblem('AVG17_REQUEST', undefined)).toBeUndefined();
    expect(erasureGroundsProblem('UNLAWFUL_PROCESSING', undefined)).toBeUndefined();
    expect(erasureGroundsProblem('COURT_ORDER', 'ECLI:NL:RBGEL:2026:4711')).toBeUndefined();
    expect(erasureGroundsProblem('COURT_ORDER', undefined)).toMatch(/--order/);
    expect(erasureGroundsProblem('COURT_ORDER', '')).toMatch(/--order/);
    expect(erasureGroundsProblem('BECAUSE', undefined)).toMatch(/reason must be one of/);
    // An order reference cannot carry free text (it is recorded): no names with newlines, no long prose.
    expect(erasureGroundsProblem('COURT_ORDER', 'Jan\nJansen')).toBeDefined();
    expect(erasureGroundsProblem('COURT_ORDER', 'x'.repeat(81))).toBeDefined();
  });

  it('round-trips a request, and refuses one that is malformed whole', () => {
    const req = {
      person: PERSON,
      reason: 'COURT_ORDER',
      order: 'ECLI:1',
      by: 'broker-admin',
      byRole: 'operator',
    } as const;
    expect(parseErasureRequest(encodeErasureRequest(req))).toEqual(req);
    for (const bad of [
      'not json',
      { ...req, person: '999990007' }, // a BSN is not a pseudonym
      { ...req, order: undefined },
      { ...req, reason: 'AVG17' },
      { ...req, by: '' },
      { ...req, byRole: 'a b' },
    ])
      expect(() => parseErasureRequest(typeof bad === 'string' ? Buffer.from(bad) : asBytes(bad))).toThrow(
        expect.objectContaining({ code: 'ERR_ERASURE_INVALID' }),
      );
  });

  it('reads an unreadable answer as a failure (fail closed)', () => {
    expect(parseErasureResult(Buffer.from('?'))).toMatchObject({ ok: false, code: 'ERR_ERASURE_FAILED' });
    expect(parseErasureResult(asBytes({ ok: true }))).toMatchObject({ ok: false });
    expect(parseErasureResult(asBytes({ ok: false, code: 'ERR_ERASURE_INVALID', message: 'm' }))).toMatchObject({
      code: 'ERR_ERASURE_INVALID',
    });
  });

  it('is parsed from the log as an erasure record', () => {
    const tombstone = { type: 'erasure', erasureId: 'era_1', person: PERSON, signals: 2, reason: 'AVG17_REQUEST' };
    const records = parseRecords([{ seq: 1, subject: 'samenhang.audit.erasures', data: asBytes(tombstone) }]);
    expect(records.erasures).toEqual([tombstone]);
    expect(records.decisions).toEqual([]);
  });
});
