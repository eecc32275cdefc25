import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@samenhang/errors';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (['node_modules', 'dist', 'gen', 'test', '.git'].includes(name)) return [];
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('error codes are public API', () => {
  const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');

  it('documents every code in docs/errors.md as a heading', () => {
    const missing = ERROR_CODES.filter((c) => !new RegExp(`^### \`${c}\``, 'm').test(doc));
    expect(missing).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    const documented = [...doc.matchAll(/^### `(ERR_[A-Z_]+)`/gm)].map((m) => m[1]);
    expect(documented.filter((c) => !(ERROR_CODES as readonly string[]).includes(c!))).toEqual([]);
  });

  it('uses in the code base only codes from the one union', () => {
    const used = new Set<string>();
    for (const dir of ['packages', 'services', 'certs-dev']) {
      for (const f of sources(join(root, dir)))
        for (const m of readFileSync(f, 'utf8').matchAll(/'(ERR_[A-Z_]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(15);
    expect([...used].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
