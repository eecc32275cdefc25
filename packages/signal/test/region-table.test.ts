import { describe, expect, it } from 'vitest';
import { DEFAULT_REGION_TABLE_FILE, loadRegionTable, parseRegionTable } from '@samenhang/signal';

const REGIONS = ['foodvalley', 'flevoland', 'twente'];

describe('the region table', () => {
  const table = loadRegionTable(DEFAULT_REGION_TABLE_FILE, REGIONS);
  it('names the responsible region of a postcode, or none', () => {
    expect(table.regionOf('6717CD')).toBe('foodvalley'); // Ede
    expect(table.regionOf('7607AB')).toBe('twente'); // Almelo
    expect(table.regionOf('1315AA')).toBe('flevoland'); // Almere
    expect(table.regionOf('1012AB')).toBeUndefined(); // Amsterdam: no pilot region
  });
  it('refuses, at start, a table naming an unknown region, a backwards range, or two regions for one postcode', () => {
    const bad = (regions: Record<string, number[][]>) => () => parseRegionTable({ version: 1, regions }, REGIONS);
    expect(bad({ atlantis: [[1000, 1099]] })).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path: '/regions/atlantis' }),
    );
    expect(bad({ twente: [[7699, 7460]] })).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID', path: '/regions/twente/0' }),
    );
    expect(bad({ twente: [[7460, 7699]], foodvalley: [[7600, 7610]] })).toThrow(/overlaps/);
    expect(bad({ twente: [[999, 1000]] })).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
  });
});
