import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

/**
 * The broker's secrets: one master secret for pseudonyms (purpose keys are derived
 * from it with HKDF) and one key-encryption key for the vault. Created on first use,
 * readable by the owner only, never logged.
 */
export interface BrokerKeys {
  readonly pseudonymMaster: Buffer;
  readonly vaultKek: Buffer;
}

export function ensureBrokerKeys(paths: HomePaths): void {
  if (existsSync(paths.brokerKeys)) return;
  mkdirSync(paths.keys, { recursive: true, mode: 0o700 });
  const file = {
    version: 1,
    pseudonymMaster: randomBytes(32).toString('base64'),
    vaultKek: randomBytes(32).toString('base64'),
  };
  writeFileSync(paths.brokerKeys, `${JSON.stringify(file)}\n`, { mode: 0o600, flag: 'wx' });
}

export function loadBrokerKeys(paths: HomePaths): BrokerKeys {
  try {
    const raw = JSON.parse(readFileSync(paths.brokerKeys, 'utf8')) as { pseudonymMaster: string; vaultKek: string };
    const keys = {
      pseudonymMaster: Buffer.from(raw.pseudonymMaster, 'base64'),
      vaultKek: Buffer.from(raw.vaultKek, 'base64'),
    };
    if (keys.pseudonymMaster.length !== 32 || keys.vaultKek.length !== 32)
      throw new SamenhangError('ERR_VAULT_KEY_MISSING', 'wrong key length');
    return keys;
  } catch (cause) {
    // Fail closed: without its keys the broker cannot pseudonymise, so it does not start.
    throw new SamenhangError('ERR_VAULT_KEY_MISSING', `broker keys in ${paths.brokerKeys} are missing or invalid`, {
      cause,
    });
  }
}
