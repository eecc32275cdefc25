import { describe, expect, it } from 'vitest';
import { isValidBsn } from '@samenhang/signal';

describe('BSN 11-test', () => {
  it.each([
    '999990007',
    '999990019',
    '999990020',
    '999990032',
    '999990044',
    '999990056',
    '999990068',
    '999990081',
    '999990093',
    '999990111',
    '111222333',
  ])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each([
    ['999990008', 'fails the 11-test'],
    ['12345', 'too short'],
    ['9999900070', 'too long'],
    ['99999000a', 'not digits'],
    ['000000000', 'all zeros'],
    [' 99999000', 'whitespace'],
    ['', 'empty'],
  ])('rejects %s (%s)', (bsn) => expect(isValidBsn(bsn)).toBe(false));

  it('rejects every single-digit change of a valid BSN', () => {
    const valid = '999990007';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = valid.slice(0, i) + d + valid.slice(i + 1);
        if (changed !== valid) expect(isValidBsn(changed), changed).toBe(false);
      }
    }
  });
});
