import { describe, expect, it } from 'vitest';
import { NatsError } from 'nats';
import { retryTransient } from '@samenhang/nats';

describe('retryTransient', () => {
  it('tries again while NATS is briefly unavailable, and throws anything else at once', async () => {
    let calls = 0;
    const unavailable = new NatsError('503', '503');
    expect(await retryTransient(async () => (++calls < 3 ? Promise.reject(unavailable) : 'ok'))).toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryTransient(async () => (++calls, Promise.reject(new Error('bad'))))).rejects.toThrow('bad');
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryTransient(async () => (++calls, Promise.reject(unavailable)), 2)).rejects.toBe(unavailable);
    expect(calls).toBe(2);
  });
});
