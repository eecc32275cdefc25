import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CENSOR, createLogger, redact } from '@samenhang/logging';

describe('logger redaction', () => {
  it('redacts personal fields at any depth and serialises errors without their cause', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const log = createLogger({ service: 'test', destination });
    log.info(
      {
        bsn: '999990007',
        subject: { name: 'M. Visser' },
        signal: { address: { postcode: '6717CD' }, summary: 'secret' },
        agencyId: 'ggz',
      },
      'x',
    );
    log.error({ err: Object.assign(new Error('failed', { cause: 'raw 999990007' }), { code: 'ERR_INTERNAL' }) }, 'y');
    const text = lines.join('');
    for (const v of ['999990007', 'M. Visser', '6717CD', 'secret']) expect(text).not.toContain(v);
    expect(text).toContain('"agencyId":"ggz"');
    expect(text).toContain('ERR_INTERNAL');
  });
});

describe('redact()', () => {
  it('censors personal keys up to two levels down, in objects and arrays, without touching the input', () => {
    const input = {
      agencyId: 'ggz',
      signal: { summary: 's', related: [{ name: 'n', relation: 2 }] },
      list: [{ bsn: '1' }],
    };
    const out = redact(input);
    expect(out).toEqual({
      agencyId: 'ggz',
      signal: { summary: CENSOR, related: [{ name: 'n', relation: 2 }] },
      list: [{ bsn: CENSOR }],
    });
    expect(input.signal.summary).toBe('s');
    expect(input.list[0]!.bsn).toBe('1');
    // depth 3 (signal.related.0.name) is beyond the walk, as pino's `*.*.k` paths were
    expect(redact({ a: { b: { c: { name: 'deep' } } } })).toEqual({ a: { b: { c: { name: 'deep' } } } });
  });

  it('returns the same object when there is nothing to redact, and leaves errors to their serializer', () => {
    const line = { systemId: 'sys_1', region: 'foodvalley', version: 3, entries: 4 };
    expect(redact(line)).toBe(line);
    const err = Object.assign(new Error('x'), { name: 'secret' });
    expect(redact({ err }).err).toBe(err);
  });

  it("censors personal fields in child and grandchild loggers' bindings", () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk)), cb()) });
    const parent = createLogger({ service: 'test', destination }).child({
      subject: { bsn: '999990007' },
      agencyId: 'ggz',
    });
    parent.child({ person: 'M. Visser' }).info({}, 'z');
    expect(lines.join('')).not.toMatch(/999990007|M. Visser/);
    expect(lines.join('')).toContain('"agencyId":"ggz"');
  });
});
