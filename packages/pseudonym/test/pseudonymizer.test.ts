import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPseudonymizer, normaliseAddress } from '@samenhang/pseudonym';

const master = Buffer.alloc(32, 7);

describe('pseudonyms', () => {
  it('are stable: the same BSN and key give the same pseudonym, across instances', () => {
    expect(createPseudonymizer(master).person('999990007')).toBe(
      createPseudonymizer(Buffer.from(master)).person('999990007'),
    );
  });
  it('follow the documented construction: HMAC-SHA256 under an HKDF-SHA256 purpose key', () => {
    const key = Buffer.from(
      hkdfSync('sha256', master, Buffer.from('samenhang/v1'), 'samenhang/v1/pseudonym/person', 32),
    );
    const expected = `p_${createHmac('sha256', key).update('999990007').digest('base64url')}`;
    expect(createPseudonymizer(master).person('999990007')).toBe(expected);
    // Pinned: changing the construction would silently unlink every stored pseudonym.
    expect(expected).toBe('p_EJjGX7crYFo3-fwF-8hfeJunttmEOxlLBw9T-PHqcdA');
  });
  it('differ per person and never contain the BSN', () => {
    const p = createPseudonymizer(master);
    expect(p.person('999990007')).not.toBe(p.person('999990019'));
    expect(p.person('999990007')).not.toContain('999990007');
    expect(p.person('999990007')).toMatch(/^p_[A-Za-z0-9_-]{43}$/);
  });
  it('differ under another broker key (key separation between brokers)', () => {
    expect(createPseudonymizer(master).person('999990007')).not.toBe(
      createPseudonymizer(randomBytes(32)).person('999990007'),
    );
  });
  it('use separate purpose keys for persons and households', () => {
    const p = createPseudonymizer(master);
    // The same input string under the two purposes must not give the same MAC.
    const asAddress = p.household({ postcode: '999990007', houseNumber: 0 }).slice(2);
    expect(asAddress).not.toBe(p.person(normaliseAddress({ postcode: '999990007', houseNumber: 0 })).slice(2));
  });
  it('give one household key for one dwelling however it is written', () => {
    const p = createPseudonymizer(master);
    const a = p.household({ postcode: '6717CD', houseNumber: 3, houseNumberSuffix: 'B' });
    expect(p.household({ postcode: '6717 cd', houseNumber: 3, houseNumberSuffix: 'b' })).toBe(a);
    expect(p.household({ postcode: '6717CD', houseNumber: 3, houseNumberSuffix: '-B' })).toBe(a);
    expect(p.household({ postcode: '6717CD', houseNumber: 3 })).not.toBe(a);
    expect(p.household({ postcode: '6717CD', houseNumber: 31 })).not.toBe(
      p.household({ postcode: '6717CD', houseNumber: 3, houseNumberSuffix: '1' }),
    );
  });
  it('refuse a short master secret', () => expect(() => createPseudonymizer(Buffer.alloc(16))).toThrow());
});
