import { ErrorCode, NatsError } from 'nats';
import { describe, expect, it } from 'vitest';
import { quietCancelledErrors } from '../src/quiet-cancel.js';

describe('quietCancelledErrors', () => {
  it('makes one stackless Cancelled error for every settled request; other errors as before', () => {
    quietCancelledErrors();
    const a = NatsError.errorForCode(ErrorCode.Cancelled);
    const b = NatsError.errorForCode(ErrorCode.Cancelled);
    expect(a).toBe(b);
    expect(a.code).toBe(ErrorCode.Cancelled);
    expect(a.stack?.split('\n').filter((l) => l.trim().startsWith('at ')) ?? []).toEqual([]);
    const t1 = NatsError.errorForCode(ErrorCode.Timeout);
    const t2 = NatsError.errorForCode(ErrorCode.Timeout);
    expect(t1).not.toBe(t2);
    expect(t1.code).toBe(ErrorCode.Timeout);
    expect(t1.stack).toMatch(/\n\s+at /);
    const chained = NatsError.errorForCode(ErrorCode.Cancelled, new Error('why'));
    expect(chained).not.toBe(a);
  });
});
