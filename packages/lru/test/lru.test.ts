import { describe, expect, it } from 'vitest';
import { Lru } from '../src/index.js';

describe('Lru', () => {
  it('keeps at most max entries and forgets the least recently used first', () => {
    const lru = new Lru<string, number>(4);
    for (const [i, k] of ['a', 'b', 'c', 'd', 'e'].entries()) lru.set(k, i);
    expect(lru.size).toBeLessThanOrEqual(4);
    expect(lru.get('a')).toBeUndefined();
    expect(lru.get('e')).toBe(4);
  });

  it('a read keeps an entry alive; an unread one of the same age is dropped', () => {
    const lru = new Lru<string, number>(4);
    lru.set('kept', 1).set('dropped', 2); // both old after the next two inserts
    lru.set('x', 3).set('y', 4);
    expect(lru.get('kept')).toBe(1); // moved back to the young generation
    lru.set('z', 5).set('w', 6);
    expect(lru.has('kept')).toBe(true);
    expect(lru.has('dropped')).toBe(false);
  });

  it('every entry survives max/2 insertions of other keys after its last use', () => {
    const lru = new Lru<number, number>(100);
    for (let i = 0; i < 1000; i++) {
      lru.set(i, i);
      for (let j = Math.max(0, i - 50); j <= i; j++) expect(lru.has(j), `entry ${j} at ${i}`).toBe(true);
      expect(lru.size).toBeLessThanOrEqual(100);
    }
  });

  it('set overwrites, delete removes from either generation, undefined means absent', () => {
    const lru = new Lru<string, string>(4);
    lru.set('a', '1').set('b', '2').set('c', '3'); // a, b old
    lru.set('a', 'one');
    expect(lru.get('a')).toBe('one');
    expect(lru.delete('b')).toBe(true);
    expect(lru.delete('b')).toBe(false);
    expect(lru.get('b')).toBeUndefined();
    lru.clear();
    expect(lru.size).toBe(0);
  });

  it('refuses a capacity below 2', () => {
    expect(() => new Lru(1)).toThrow(RangeError);
    expect(() => new Lru(2.5)).toThrow(RangeError);
  });

  it('stays bounded over a long stream of inserts at the consent service\'s size', () => {
    const lru = new Lru<string, number>(50_000);
    for (let i = 0; i < 200_000; i++) lru.set(`signal.${i}`, i);
    expect(lru.size).toBeLessThanOrEqual(50_000);
    expect(lru.get('signal.199999')).toBe(199_999);
    expect(lru.get('signal.0')).toBeUndefined();
  });
});
