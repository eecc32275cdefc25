import { join, resolve } from 'node:path';
import type { Env } from './env.js';

/**
 * All state of one stack lives under one home directory (docs/wire-contract.md): NATS store,
 * generated PKI, broker keys, logs and the running stack's address.
 */
export interface HomePaths {
  readonly root: string;
  readonly pki: string;
  readonly caCert: string;
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly registry: string;
  readonly revocations: string;
  readonly identities: string;
  readonly keys: string;
  readonly brokerKeys: string;
  readonly nats: string;
  readonly natsConfig: string;
  readonly natsStore: string;
  readonly logs: string;
  readonly stackFile: string;
  /** Read models derived from the streams (disposable: rebuilt from them at any time). */
  readonly indexes: string;
  /** The audit log's read model (SQLite), for the privacy officer's queries and the learning figures. */
  readonly auditIndex: string;
}

export function resolveHome(explicit: string | undefined, env: Env, cwd: string): string {
  return resolve(cwd, explicit ?? env.SAMENHANG_HOME ?? '.samenhang');
}

export function homePaths(root: string): HomePaths {
  const pki = join(root, 'pki');
  const nats = join(root, 'nats');
  const keys = join(root, 'keys');
  return Object.freeze({
    root,
    pki,
    caCert: join(pki, 'ca.crt'),
    caKey: join(pki, 'ca.key'),
    serverCert: join(pki, 'server.crt'),
    serverKey: join(pki, 'server.key'),
    registry: join(pki, 'registry.json'),
    revocations: join(pki, 'revocations.jws'),
    identities: join(pki, 'identities'),
    keys,
    brokerKeys: join(keys, 'broker.json'),
    nats,
    natsConfig: join(nats, 'server.conf'),
    natsStore: join(nats, 'store'),
    logs: join(root, 'logs'),
    stackFile: join(root, 'stack.json'),
    indexes: join(root, 'index'),
    auditIndex: join(root, 'index', 'audit.sqlite'),
  });
}

/** Certificate and key of one identity (participant or service). */
export function identityFiles(paths: HomePaths, id: string): { cert: string; key: string } {
  return { cert: join(paths.identities, `${id}.crt`), key: join(paths.identities, `${id}.key`) };
}
