import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { homePaths, identityFiles } from '@samenhang/config';
import { copyRunPki } from '@samenhang/testkit';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});
const home = () => {
  const root = mkdtempSync(join(tmpdir(), 'run-pki-'));
  roots.push(root);
  return homePaths(root);
};

describe('the PKI made once for the test run', () => {
  it('is copied into each test home, keys still readable by the owner alone, and a change stays in its home', () => {
    const template = homePaths(join(inject('samenhangPki'), '..'));
    const [a, b] = [home(), home()];
    copyRunPki(a);
    copyRunPki(b);
    for (const p of [a, b]) {
      expect(readFileSync(p.caCert, 'utf8')).toBe(readFileSync(template.caCert, 'utf8'));
      expect(statSync(p.caKey).mode & 0o777).toBe(0o600);
      expect(statSync(identityFiles(p, 'audit').key).mode & 0o777).toBe(0o600);
      expect(statSync(p.pki).mode & 0o777).toBe(0o700);
      expect(statSync(p.identities).mode & 0o777).toBe(0o700);
    }
    writeFileSync(a.revocations, 'changed in a');
    expect(readFileSync(b.revocations, 'utf8')).toBe(readFileSync(template.revocations, 'utf8'));
  });

  it('leaves a home that has a PKI as it is', () => {
    const a = home();
    copyRunPki(a);
    writeFileSync(a.caCert, 'its own');
    copyRunPki(a);
    expect(readFileSync(a.caCert, 'utf8')).toBe('its own');
  });
});
