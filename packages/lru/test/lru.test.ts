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

  it('shrink forgets the older half of the generations and keeps the recently used', () => {
    const lru = new Lru<number, number>(800, { generations: 8 });
    for (let i = 0; i < 750; i++) lru.set(i, i); // seven generations of 100 and a younger one of 50
    lru.get(5); // used again: counted in the youngest
    const forgotten = lru.shrink(); // the four oldest: 0–399 but 5
    expect(forgotten).toBe(399);
    expect(lru.size).toBe(351);
    expect(lru.has(5) && lru.has(749) && lru.has(400)).toBe(true);
    expect(lru.has(6) || lru.has(399)).toBe(false);
    // Still bounded and working afterwards.
    for (let i = 1000; i < 3000; i++) lru.set(i, i);
    expect(lru.size).toBeLessThanOrEqual(800);
    expect(lru.get(2999)).toBe(2999);
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

  it("stays bounded over a long stream of inserts at the consent service's size", () => {
    const lru = new Lru<string, number>(50_000);
    for (let i = 0; i < 200_000; i++) lru.set(`signal.${i}`, i);
    expect(lru.size).toBeLessThanOrEqual(50_000);
    expect(lru.get('signal.199999')).toBe(199_999);
    expect(lru.get('signal.0')).toBeUndefined();
  });

  it('with g generations every entry survives (g−1)·max/g insertions of other keys after its last use', () => {
    const lru = new Lru<number, number>(80, { generations: 8 });
    for (let i = 0; i < 1000; i++) {
      lru.set(i, i);
      for (let j = Math.max(0, i - 70); j <= i; j++) expect(lru.has(j), `entry ${j} at ${i}`).toBe(true);
      expect(lru.size).toBeLessThanOrEqual(80);
    }
  });

  it('keeps a working set walked round and round that two generations of the same size lose', () => {
    const walk = (lru: Lru<number, number>) => {
      let misses = 0;
      for (let round = 0; round < 5; round++)
        for (let k = 0; k < 120; k++) if (lru.get(k) === undefined) misses++, lru.set(k, k);
      return misses;
    };
    expect(walk(new Lru(150, { generations: 8 }))).toBe(120); // only the first round misses
    expect(walk(new Lru(150))).toBeGreaterThan(300);
  });

  it("counts weights against max (bytes, say), and a moved or deleted entry's weight with it", () => {
    const lru = new Lru<string, string>(100, { generations: 4, weight: (k, v) => k.length + v.length });
    for (let i = 0; i < 100; i++) lru.set(`k${i % 10}${i}`, 'x'.repeat(i % 7));
    let total = 0;
    for (let i = 0; i < 100; i++) {
      const k = `k${i % 10}${i}`;
      if (lru.has(k)) total += k.length + (i % 7);
    }
    expect(total).toBeLessThanOrEqual(100);
    const big = new Lru<string, string>(40, { generations: 2, weight: (_, v) => v.length });
    big.set('a', 'x'.repeat(15)).set('b', 'x'.repeat(15)); // 30 > 20: b starts a generation
    big.set('a', 'x'); // replaced in place: the young generation now weighs 15 + 1
    expect(big.get('a')).toBe('x');
    big.set('c', 'x'.repeat(4)); // 15 + 1 + 4 = 20: still fits the young generation
    expect(big.has('b') && big.has('c')).toBe(true);
    expect(big.delete('c')).toBe(true);
    big.set('d', 'x'.repeat(4)).set('e', 'x'); // 16 + 4 = 20, then 21 > 20: a new generation
    expect(big.has('b')).toBe(true);
  });

  it('an entry read in each generation, or deleted and set again, outlives the generation it was first counted in', () => {
    const lru = new Lru<string, number>(8, { generations: 4 }); // two entries per generation
    lru.set('read', 0).set('reset', 0);
    for (let i = 0; i < 40; i++) {
      lru.set(`x${i}`, i);
      if (i % 2 === 0) {
        expect(lru.get('read'), `at ${i}`).toBe(0); // listed again in the young generation
        lru.delete('reset');
        lru.set('reset', i);
      }
      expect(lru.size).toBeLessThanOrEqual(8);
    }
    expect(lru.get('reset')).toBe(38);
    expect(lru.has('x0')).toBe(false);
  });

  it('a read while the youngest generation is full keeps the entry being read, even from the oldest', () => {
    const lru = new Lru<string, number>(4, { generations: 2 });
    lru.set('a', 1).set('b', 2); // a, b young and full
    lru.set('c', 3).set('d', 4); // a, b old; c, d young and full
    expect(lru.get('a')).toBe(1); // starts a generation: b goes, a moves
    expect(lru.has('a')).toBe(true);
    expect(lru.has('b')).toBe(false);
    expect(lru.size).toBe(3);
  });

  it('refuses fewer than 2 generations', () => {
    expect(() => new Lru(10, { generations: 1 })).toThrow(RangeError);
    expect(() => new Lru(3, { generations: 4 })).toThrow(RangeError);
  });
});
