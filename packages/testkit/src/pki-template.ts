import { cpSync, existsSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the development PKI made once for the test run (tests/setup/pki.ts): a home's `pki`. */
    samenhangPki: string;
  }
}

/**
 * Gives a fresh test home the development PKI made once for the run, when the run made one:
 * generating a PKI (a CA, a server and ~20 identities, each with its RSA key) took ~2.3 s of
 * the ~3.5 s a stack takes to start, and most integration files start one or more. Every home
 * gets its own copy, so a test that revokes or issues a certificate changes only its own. A
 * home that already has a PKI, or a run that made none, is left to `ensurePki`.
 */
export function copyRunPki(paths: HomePaths): void {
  const template = inject('samenhangPki');
  if (!template || existsSync(paths.pki)) return;
  cpSync(template, paths.pki, { recursive: true, errorOnExist: true, force: false });
}
