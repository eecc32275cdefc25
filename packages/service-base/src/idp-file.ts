import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

/** The OpenID Connect client the console is at the development identity provider. */
export interface IdpClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** The development identity provider of a home, as it runs: where it is, and the console's client. */
export interface IdpInfo extends IdpClient {
  readonly issuer: string;
}

const clientFile = (paths: HomePaths) => join(paths.keys, 'idp-client.json');
const infoFile = (paths: HomePaths) => join(paths.root, 'idp.json');

/**
 * The console's client secret at the development identity provider: made on first use,
 * readable by the owner only (like the broker keys), shared by the two services of one home.
 */
export function ensureIdpClient(paths: HomePaths): IdpClient {
  const file = clientFile(paths);
  if (!existsSync(file)) {
    mkdirSync(paths.keys, { recursive: true, mode: 0o700 });
    const client = { clientId: 'samenhang-console', clientSecret: randomBytes(32).toString('base64url') };
    try {
      writeFileSync(file, `${JSON.stringify(client)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e; // the other service made it meanwhile
    }
  }
  return JSON.parse(readFileSync(file, 'utf8')) as IdpClient;
}

/** Written by the development identity provider once it listens; removed when it stops. */
export function writeIdpInfo(paths: HomePaths, issuer: string): void {
  writeFileSync(infoFile(paths), `${JSON.stringify({ issuer })}\n`, { mode: 0o644 });
}

/** Where the home's development identity provider runs, with the console's client; ERR_NOT_FOUND when it does not. */
export function readIdpInfo(paths: HomePaths): IdpInfo {
  let issuer: string;
  try {
    issuer = (JSON.parse(readFileSync(infoFile(paths), 'utf8')) as { issuer: string }).issuer;
  } catch (cause) {
    throw new SamenhangError('ERR_NOT_FOUND', 'the development identity provider is not running', { cause });
  }
  return { issuer, ...ensureIdpClient(paths) };
}

const clientsFile = (paths: HomePaths) => join(paths.keys, 'idp-clients.json');

/**
 * The console's client secret at an organisation's own identity provider, by issuer, from
 * `keys/idp-clients.json` (`{ "<issuer>": { "clientSecret": "…" } }`, owner-readable only, put
 * there by the operator who registered the console at that provider). ERR_CONFIG_INVALID when
 * there is none: nobody signs in through a provider the console has no client at.
 */
export function readIdpClientSecret(paths: HomePaths, issuer: string): string {
  let clients: Record<string, { clientSecret?: unknown }>;
  try {
    clients = JSON.parse(readFileSync(clientsFile(paths), 'utf8')) as typeof clients;
  } catch (cause) {
    throw new SamenhangError(
      'ERR_CONFIG_INVALID',
      `no client secrets for identity providers in ${clientsFile(paths)}`,
      {
        cause,
      },
    );
  }
  const secret = Object.hasOwn(clients, issuer) ? clients[issuer]?.clientSecret : undefined;
  if (typeof secret !== 'string' || secret.length < 16)
    throw new SamenhangError('ERR_CONFIG_INVALID', `no client secret for identity provider ${issuer}`);
  return secret;
}
