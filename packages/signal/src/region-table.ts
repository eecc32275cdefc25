import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileValidator } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

/** The development table shipped with the broker; a deployment names its own (SAMENHANG_REGION_TABLE). */
export const DEFAULT_REGION_TABLE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'regions',
  'region-table.json',
);

/**
 * Which region's RVT is responsible for an address: postcode ranges (the four digits,
 * inclusive) per region. The region of a signal comes from its address, not from the
 * sending agency's claim, so that an alert goes to the RVT responsible for the family.
 */
export interface RegionTable {
  /** The region whose ranges hold this postcode (`1234AB`), or undefined: no pilot region is responsible. */
  regionOf(postcode: string): string | undefined;
}

interface RegionTableFile {
  readonly version: 1;
  readonly regions: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'regions'],
  properties: {
    $comment: { type: 'string' },
    version: { const: 1 },
    regions: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z0-9][a-z0-9-]{1,62}$' },
      additionalProperties: {
        type: 'array',
        minItems: 1,
        items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: 1000, maximum: 9999 } },
      },
    },
  },
};

const validate = compileValidator<RegionTableFile>(schema, 'region table');

/**
 * Validates a region table against its schema and the registry's regions: every region it
 * names is known, every range runs forward, and no postcode belongs to two regions.
 */
export function parseRegionTable(value: unknown, knownRegions: readonly string[]): RegionTable {
  const invalid = (path: string, what: string): never => {
    throw new SamenhangError('ERR_CONFIG_INVALID', `region table is invalid: ${path} ${what}`, { path });
  };
  const table = validate(value);
  const ranges: { from: number; to: number; region: string }[] = [];
  for (const [region, list] of Object.entries(table.regions)) {
    if (!knownRegions.includes(region)) invalid(`/regions/${region}`, 'is not a region of the registry');
    list.forEach(([from, to], i) => {
      if (from > to) invalid(`/regions/${region}/${i}`, 'runs backwards');
      ranges.push({ from, to, region });
    });
  }
  ranges.sort((a, b) => a.from - b.from);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.from <= ranges[i - 1]!.to)
      invalid(`/regions/${ranges[i]!.region}`, `overlaps ${ranges[i - 1]!.region} at ${ranges[i]!.from}`);
  }
  // Four digits index a flat array: one lookup per signal, no search.
  const byDigits: (string | undefined)[] = new Array(10_000);
  for (const r of ranges) for (let d = r.from; d <= r.to; d++) byDigits[d] = r.region;
  return {
    regionOf(postcode) {
      const digits = Number.parseInt(postcode.slice(0, 4), 10);
      return Number.isInteger(digits) ? byDigits[digits] : undefined;
    },
  };
}

export function loadRegionTable(file: string, knownRegions: readonly string[]): RegionTable {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_CONFIG_INVALID', `region table ${file} cannot be read as JSON`, { cause });
  }
  return parseRegionTable(raw, knownRegions);
}
