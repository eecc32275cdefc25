import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : d.isFile() ? [p] : [];
  });
}

/** Every file under `root` whose bytes contain any of `needles` (as UTF-8): personal data left in the clear. */
export function filesContaining(root: string, needles: readonly string[]): string[] {
  const wanted = needles.map((n) => Buffer.from(n, 'utf8'));
  return filesUnder(root).filter((f) => statSync(f).size > 0 && wanted.some((w) => readFileSync(f).includes(w)));
}
