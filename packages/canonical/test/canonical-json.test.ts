import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSha256 } from '@samenhang/canonical';

describe('canonical JSON (RFC 8785)', () => {
  it('serialises the RFC 8785 §3.2.2 example exactly', () => {
    const input = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('drops undefined members, writes undefined array items as null, nests, and has no whitespace', () => {
    expect(canonicalJson({ b: [1, undefined, { d: undefined, c: 'x' }], a: undefined, e: {} })).toBe('{"b":[1,null,{"c":"x"}],"e":{}}');
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
