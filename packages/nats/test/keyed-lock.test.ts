import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../src/keyed-lock.js';

describe('KeyedLock', () => {
  it('runs holders of one key one at a time in arrival order, other keys alongside', async () => {
    const lock = new KeyedLock();
    const events: string[] = [];
    const job = (name: string, ms: number) => async () => {
      events.push(`${name}+`);
      await sleep(ms);
      events.push(`${name}-`);
      return name;
    };
    const results = await Promise.all([
      lock.run('a', job('a1', 30)),
      lock.run('a', job('a2', 1)),
      lock.run('b', job('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(events.indexOf('a2+')).toBeGreaterThan(events.indexOf('a1-')); // a2 waited for a1
    expect(events.indexOf('b1-')).toBeLessThan(events.indexOf('a1-')); // b did not wait for a
  });

  it('lets the next holder run after one fails', async () => {
    const lock = new KeyedLock();
    const failed = lock.run('a', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(lock.run('a', async () => 'next')).resolves.toBe('next');
  });
});
