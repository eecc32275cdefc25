import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BloomKeys } from '../src/bloom-keys.js';

// Keys shaped like the services' (base64url pseudonyms), derived, so every run is the same.
const key = (prefix: string, i: number) => createHash('sha256').update(`${prefix}${i}`).digest('base64url');

describe('BloomKeys: which keys were ever written, in fixed memory', () => {
  it('never says no for a key it was given', () => {
    const b = new BloomKeys(20);
    const added = Array.from({ length: 50_000 }, (_, i) => key('a', i));
    for (const k of added) b.add(k);
    expect(added.filter((k) => !b.has(k))).toEqual([]);
  });

  it('says no for most keys it was not given (false positives near the design rate)', () => {
    const b = new BloomKeys(); // 2^23 bits, 5 probes
    for (let i = 0; i < 600_000; i++) b.add(key('p', i));
    let yes = 0;
    for (let i = 0; i < 50_000; i++) if (b.has(key('q', i))) yes++;
    expect(yes / 50_000).toBeLessThan(0.01); // designed ~0.3 % at 600,000 keys
    expect(new BloomKeys().has(key('q', 0))).toBe(false);
  });

  it('spreads similar keys over the filter (household keys differ in few characters)', () => {
    const b = new BloomKeys(16);
    for (let i = 0; i < 2_000; i++) b.add(`hh-7511AA-${i}`);
    let yes = 0;
    for (let i = 2_000; i < 12_000; i++) if (b.has(`hh-7511AA-${i}`)) yes++;
    expect(yes / 10_000).toBeLessThan(0.02);
  });
});
