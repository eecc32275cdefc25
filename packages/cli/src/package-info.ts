import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly engines?: { readonly node?: string };
  readonly workspaces?: readonly string[];
}

/** This package's directory: src/ and dist/ both sit directly under it. */
const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

const read = (dir: string): PackageJson => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;

/** The version of the package the `samenhang` command is (what `--version` prints). */
export function cliVersion(): string {
  return read(PACKAGE_DIR).version ?? 'unknown';
}

/**
 * The Node.js versions the project supports, as its package.json `engines` says: this
 * package's own, else the workspace root's (where npm reads it), so the requirement is
 * written in one place.
 */
export function nodeRequirement(): string | undefined {
  for (let dir = PACKAGE_DIR; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const p = read(dir);
      if (p.engines?.node) return p.engines.node;
      if (p.workspaces) return undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const parts = (v: string) =>
  v
    .replace(/^v/, '')
    .split('.')
    .map((x) => Number.parseInt(x, 10) || 0);

/** Compares the parts `b` gives: `20.12.1` against `20` is equal (`20` means any 20.x). */
function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < y.length; i++) if ((x[i] ?? 0) !== y[i]) return (x[i] ?? 0) - y[i]!;
  return 0;
}

/**
 * Whether `version` satisfies `range`: space-separated comparators (`>=20.12`, `<23`,
 * `=20.12.1`, a bare version), all of which must hold, and `||` between alternatives — the
 * forms an `engines` field uses. Undefined for a range written otherwise (`^`, `~`, `x`).
 */
export function satisfies(version: string, range: string): boolean | undefined {
  let any = false;
  for (const alt of range.split('||')) {
    let all = true;
    for (const c of alt.trim().split(/\s+/).filter(Boolean)) {
      const m = /^(>=|<=|>|<|=)?v?(\d+(?:\.\d+){0,2})$/.exec(c);
      if (!m) return undefined;
      const d = compare(version, m[2]!);
      const op = m[1] ?? '=';
      const ok = op === '>=' ? d >= 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : op === '<' ? d < 0 : d === 0;
      all &&= ok;
    }
    any ||= all;
  }
  return any;
}
