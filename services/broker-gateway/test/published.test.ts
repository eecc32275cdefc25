import { describe, expect, it } from 'vitest';
import { claimState } from '../src/published.js';

const entry = { signalId: 's-1', ingressSeq: 42, envelopeSha256: 'ab' };

describe('claimState: whether a withdrawal may name a claimed signal', () => {
  it('is unknown without an index entry, and then asks nothing', async () => {
    const asked: number[] = [];
    expect(await claimState(undefined, async (seq) => (asked.push(seq), true))).toBe('unknown');
    expect(asked).toEqual([]);
  });

  it('is in flight while INGRESS still holds the claiming message', async () => {
    const asked: number[] = [];
    expect(await claimState(entry, async (seq) => (asked.push(seq), true))).toBe('in-flight');
    expect(asked).toEqual([42]);
  });

  it('is published once that message was acknowledged (gone from the work queue)', async () => {
    expect(await claimState(entry, async () => false)).toBe('published');
  });

  it('trusts an entry an older version marked published, without asking', async () => {
    expect(
      await claimState({ ...entry, state: 'published' }, async () => {
        throw new Error('asked');
      }),
    ).toBe('published');
  });

  it('passes on a failure to ask (the withdrawal is retried, never accepted blind)', async () => {
    await expect(
      claimState(entry, async () => {
        throw new Error('503');
      }),
    ).rejects.toThrow('503');
  });
});
