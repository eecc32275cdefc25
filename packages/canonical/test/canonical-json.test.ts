import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSha256 } from '@samenhang/canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 example exactly', () => {
    // The RFC's first number has more digits than a double holds, on purpose: it must
    // come out as the nearest double, 333333333.3333333. As a literal it would lose them silently.
    const input = {
      numbers: [Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('drops undefined members, writes undefined array items as null, nests, and has no whitespace', () => {
    expect(canonicalJson({ b: [1, undefined, { d: undefined, c: 'x' }], a: undefined, e: {} })).toBe(
      '{"b":[1,null,{"c":"x"}],"e":{}}',
    );
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson('a')).toBe('"a"');
  });

  it('refuses NaN and Infinity', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
  });

  it('hashes equal values alike whatever their key order', () => {
    expect(canonicalSha256({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalSha256({ b: { d: 3, c: 2 }, a: 1 }));
    expect(canonicalSha256({ a: 1 })).not.toBe(canonicalSha256({ a: 2 }));
  });
});

/** RFC 8785 written the plain way, to check the fast path against. */
function reference(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`;
  const r = v as Record<string, unknown>;
  return `{${Object.keys(r)
    .sort()
    .filter((k) => r[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${reference(r[k])}`)
    .join(',')}}`;
}

describe('canonical JSON through JSON.stringify (keys already in order, or a sorted copy)', () => {
  it('writes index-like keys in code-unit order, not the numeric order objects keep them in', () => {
    expect(canonicalJson({ b: 1, 10: 'ten', 9: 'nine', a: { 2: 'x', 10: 'y' } })).toBe(
      '{"10":"ten","9":"nine","a":{"10":"y","2":"x"},"b":1}',
    );
  });

  it('keeps a "__proto__" member a member', () => {
    const v = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}') as unknown;
    expect(canonicalJson(v)).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });

  it('sorts below an object whose own keys are in order, and leaves the value untouched', () => {
    const v = { a: { d: 1, c: [{ f: 1, e: 2 }] }, b: 2 };
    const before = JSON.stringify(v);
    expect(canonicalJson(v)).toBe('{"a":{"c":[{"e":2,"f":1}],"d":1},"b":2}');
    expect(JSON.stringify(v)).toBe(before);
  });

  it('refuses NaN wherever it is, in order or not', () => {
    expect(() => canonicalJson({ a: 1, b: [{ c: Number.NaN }] })).toThrow(TypeError);
    expect(() => canonicalJson({ b: 1, a: [{ c: -Infinity }] })).toThrow(TypeError);
  });

  it('matches the plain definition on 3,000 random values', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const keyPool = [
      'a',
      'b',
      'B',
      'aa',
      '1',
      '10',
      '9',
      '01',
      '4294967295',
      '\u00e9',
      '\ud83d\ude00',
      '\ufb33',
      '\r',
      '',
      '__proto__',
      'toString',
    ];
    const value = (depth: number): unknown => {
      switch (rnd(depth > 3 ? 5 : 8)) {
        case 0:
          return rnd(1000) / (rnd(7) + 1) - 50;
        case 1:
          return `${keyPool[rnd(keyPool.length)]!}"\\\u0001`;
        case 2:
          return rnd(2) === 0;
        case 3:
          return null;
        case 4:
          return undefined;
        case 5:
          return Array.from({ length: rnd(4) }, () => value(depth + 1));
        default: {
          const o: Record<string, unknown> = {};
          for (let i = rnd(6); i > 0; i--)
            Object.defineProperty(o, keyPool[rnd(keyPool.length)]!, {
              value: value(depth + 1),
              enumerable: true,
              writable: true,
              configurable: true,
            });
          return o;
        }
      }
    };
    for (let i = 0; i < 3000; i++) {
      const v = value(0);
      if (v === undefined) continue;
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });
});
