import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliVersion, nodeRequirement, satisfies } from '../src/package-info.js';

const json = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8'));

describe('package info', () => {
  it("reads the version from this package's package.json and the Node requirement from the root's engines", () => {
    expect(cliVersion()).toBe(json('../package.json').version);
    expect(nodeRequirement()).toBe(json('../../../package.json').engines.node);
  });

  it('checks a version against the range forms an engines field uses', () => {
    expect(satisfies('20.12.0', '>=20.12')).toBe(true);
    expect(satisfies('20.11.1', '>=20.12')).toBe(false);
    expect(satisfies('22.1.0', '>=20.12')).toBe(true);
    expect(satisfies('20.10.0', '>=20.12 <23')).toBe(false);
    expect(satisfies('23.0.0', '>=20.12 <23')).toBe(false);
    expect(satisfies('18.20.0', '^18.20 || >=20.12')).toBeUndefined(); // a caret range is not understood: said so, not guessed
    expect(satisfies('18.20.0', '18 || >=20.12')).toBe(true);
    expect(satisfies('20.12.1', '>20.12')).toBe(false); // ">20.12" is 20.13 and later
  });
});
