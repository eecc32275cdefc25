import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SamenhangError } from '@samenhang/errors';
import type { Env } from '@samenhang/config';

export const NATS_INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y nats-server';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds Debian's nats-server: SAMENHANG_NATS_SERVER when set (and only it), else
 * /usr/sbin (not on a user's PATH), /usr/bin, then PATH.
 */
export function findNatsServer(env: Env): string | undefined {
  const explicit = env.SAMENHANG_NATS_SERVER;
  if (explicit !== undefined) return executable(explicit) ? explicit : undefined;
  const candidates = [
    '/usr/sbin/nats-server',
    '/usr/bin/nats-server',
    ...(env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'nats-server')),
  ];
  return candidates.find((c): c is string => c !== undefined && executable(c));
}

export function natsServerVersion(binary: string): string {
  const out = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 5000 });
  const m = /v?(\d+\.\d+\.\d+)/.exec(out);
  return m ? m[1]! : out.trim();
}

/** The nats-server binary, at least 2.9, or an error that says how to install it. */
export function requireNatsServer(env: Env): string {
  const binary = findNatsServer(env);
  if (!binary) {
    throw new SamenhangError('ERR_NATS_SERVER_MISSING', `nats-server is not installed; run: ${NATS_INSTALL_HINT}`);
  }
  const [major, minor] = natsServerVersion(binary).split('.').map(Number);
  if (major! < 2 || (major === 2 && minor! < 9)) {
    throw new SamenhangError(
      'ERR_NATS_SERVER_MISSING',
      `nats-server at ${binary} is older than 2.9; run: ${NATS_INSTALL_HINT}`,
    );
  }
  return binary;
}
