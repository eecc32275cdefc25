import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const checker = join(repo, 'scripts', 'check-deps.mjs');

function check(root: string): { status: number | null; lines: string[] } {
  const r = spawnSync(process.execPath, [checker, '--root', root], { encoding: 'utf8' });
  return { status: r.status, lines: `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '') };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A fake workspace: `files` maps paths to contents; objects are written as JSON. */
function workspace(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-deps-'));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

const pkg = (name: string, dependencies: Record<string, string> = {}, devDependencies?: Record<string, string>) => ({
  name,
  version: '0.1.0',
  dependencies,
  ...(devDependencies ? { devDependencies } : {}),
});

// core: @x/a and @x/b; top: @x/c. Everything in order.
const good = {
  'package.json': { name: 'x', private: true, workspaces: ['packages/*'], devDependencies: { vitest: '4' } },
  'layers.json': {
    layers: [
      { name: 'core', packages: ['@x/a', '@x/b'] },
      { name: 'top', packages: ['@x/c'] },
    ],
  },
  'packages/a/package.json': pkg('@x/a'),
  'packages/a/src/index.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
  'packages/b/package.json': pkg('@x/b', { '@x/a': '0.1.0', jose: '6' }),
  'packages/b/src/index.ts': [
    '// import { nothing } from "commented-out";',
    'import {',
    '  a,',
    "} from '@x/a';",
    "import type { JWK } from 'jose';",
    'export const b = (k: JWK) => [a, k];',
  ].join('\n'),
  'packages/c/package.json': pkg('@x/c', { '@x/b': '0.1.0' }, { '@x/a': '0.1.0' }),
  'packages/c/src/index.ts': "export async function c() {\n  return import('@x/b');\n}\n",
  'packages/c/test/c.test.ts': "import { it } from 'vitest';\nimport { a } from '@x/a';\nit('a', () => a);\n",
};

describe('check-deps', () => {
  it('passes a workspace in order', () => {
    const r = check(workspace(good));
    expect(r.lines.join('\n')).toContain('check-deps: every package');
    expect(r.status).toBe(0);
  });

  it('reports an import the package does not declare (type-only and multi-line too)', () => {
    const r = check(
      workspace({
        ...good,
        'packages/a/src/extra.ts': "export type {\n  Logger,\n} from 'pino';\n",
        'packages/c/test/c.test.ts': "import { it } from 'vitest';\nimport { x } from 'nats';\nit('x', () => x);\n",
      }),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      'check-deps: packages/a/src/extra.ts:3: imports pino, which packages/a/package.json does not declare in dependencies',
    );
    expect(r.lines).toContain(
      'check-deps: packages/c/test/c.test.ts:2: test imports nats, which packages/c/package.json does not declare in dependencies or devDependencies',
    );
  });

  it('counts a package resolved through createRequire as imported', () => {
    const r = check(
      workspace({
        ...good,
        'packages/c/src/index.ts':
          "import { createRequire } from 'node:module';\nimport { b } from '@x/b';\nexport const c = [b, createRequire(import.meta.url).resolve('@x/a/main')];\n",
        'packages/c/package.json': pkg('@x/c', { '@x/a': '0.1.0', '@x/b': '0.1.0' }),
      }),
    );
    expect(r.lines.join('\n')).toContain('check-deps: every package');
    expect(r.status).toBe(0);
  });

  it('reports a declared dependency nothing imports', () => {
    const r = check(workspace({ ...good, 'packages/a/package.json': pkg('@x/a', { ajv: '8' }) }));
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      'check-deps: packages/a/package.json: declares ajv in dependencies, but no file of @x/a imports it: remove it',
    );
  });

  it('reports a lower layer importing a higher one, and a cycle within a layer', () => {
    const r = check(
      workspace({
        ...good,
        'packages/a/package.json': pkg('@x/a', { '@x/b': '0.1.0', '@x/c': '0.1.0' }),
        'packages/a/src/index.ts': "export * from '@x/c';\nexport { b } from '@x/b';\n",
      }),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      "check-deps: packages/a/src/index.ts:1: @x/a (layer 'core') imports @x/c from the higher layer 'top' (see layers.json)",
    );
    expect(r.lines.some((l) => l.includes('dependency cycle: @x/a → @x/b → @x/a'))).toBe(true);
  });

  it('names a package missing from the layer table', () => {
    const r = check(
      workspace({ ...good, 'packages/d/package.json': pkg('@x/d'), 'packages/d/src/index.ts': 'export {};\n' }),
    );
    expect(r.status).toBe(1);
    expect(r.lines).toContain(
      'check-deps: package @x/d (packages/d) is not in the layer table layers.json: add it to one of its layers (core, top, lowest first)',
    );
  });

  it('passes the real repository', () => {
    const r = check(repo);
    expect(r.lines.join('\n')).not.toMatch(/problem/);
    expect(r.status).toBe(0);
  });
});
