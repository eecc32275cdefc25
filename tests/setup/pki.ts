import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generatePki } from '@samenhang/certs-dev';
import { homePaths } from '@samenhang/config';
// For the type of what is provided (ProvidedContext).
import type {} from '@samenhang/testkit';

/**
 * Makes the development PKI once for the integration tests; each test home starts from a copy
 * of it (copyRunPki in @samenhang/testkit). Removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'samenhang-test-pki-'));
  const paths = homePaths(root);
  await generatePki(paths);
  project.provide('samenhangPki', paths.pki);
  return () => rmSync(root, { recursive: true, force: true });
}
