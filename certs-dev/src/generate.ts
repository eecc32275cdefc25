import { generateKeyPair, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { identityFiles, type HomePaths } from '@samenhang/config';
import {
  certificateKid,
  identityUri,
  loadRegistry,
  signRevocationList,
  type IdentityType,
  type Registry,
} from '@samenhang/pki';
import { issueCertificate } from './forge-cert.js';

const genKeyPair = promisify(generateKeyPair);
const DAY = 86_400_000;

/** The registry shipped with the repository (the development participants, docs/wire-contract.md). */
export const DEFAULT_REGISTRY_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'registry.json');

async function rsaKey(): Promise<KeyObject> {
  const { privateKey } = await genKeyPair('rsa', { modulusLength: 2048 });
  return privateKey;
}

function writeSecret(file: string, pem: string): void {
  writeFileSync(file, pem, { mode: 0o600 });
}

function keyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs1', format: 'pem' }).toString();
}

function loadCa(paths: HomePaths): { cert: string; key: KeyObject } {
  return { cert: readFileSync(paths.caCert, 'utf8'), key: createPrivateKey(readFileSync(paths.caKey)) };
}

export interface IssueOptions {
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** File name suffix for an additional certificate of the same identity (rotation, tests). */
  readonly suffix?: string;
}

/** Issues a client certificate naming `id`; returns its kid and the files written. */
export async function issueIdentity(
  paths: HomePaths,
  registry: Registry,
  type: IdentityType,
  id: string,
  options: IssueOptions = {},
): Promise<{ kid: string; cert: string; key: string }> {
  const key = await rsaKey();
  const now = Date.now();
  const pem = issueCertificate(
    {
      commonName: id,
      uris: [identityUri(registry.trustDomain, type, id)],
      clientAuth: true,
      notBefore: options.notBefore ?? new Date(now - 60_000),
      notAfter: options.notAfter ?? new Date(now + 365 * DAY),
    },
    key,
    loadCa(paths),
  );
  const base = identityFiles(paths, options.suffix ? `${id}.${options.suffix}` : id);
  writeFileSync(base.cert, pem);
  writeSecret(base.key, keyPem(key));
  return { kid: certificateKid(new X509Certificate(pem)), cert: base.cert, key: base.key };
}

/**
 * Creates a complete development PKI under the home: CA, nats-server certificate,
 * one client certificate per participant and service, an empty signed revocation
 * list, and a validated copy of the registry. Replaces any PKI that was there.
 */
export async function generatePki(paths: HomePaths, registryFile: string = DEFAULT_REGISTRY_FILE): Promise<Registry> {
  const registry = loadRegistry(registryFile);
  rmSync(paths.pki, { recursive: true, force: true });
  mkdirSync(paths.identities, { recursive: true, mode: 0o700 });
  writeFileSync(paths.registry, `${JSON.stringify(registry, null, 2)}\n`);

  const now = Date.now();
  const [caKey, serverKey] = await Promise.all([rsaKey(), rsaKey()]);
  const caPem = issueCertificate(
    {
      commonName: 'Samenhang development CA',
      isCa: true,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 5 * 365 * DAY),
    },
    caKey,
    'self',
  );
  writeFileSync(paths.caCert, caPem);
  writeSecret(paths.caKey, keyPem(caKey));

  // Cluster routes reuse the server certificate, so it needs clientAuth too (NOTES).
  const serverPem = issueCertificate(
    {
      commonName: 'nats-server',
      dnsNames: ['localhost', 'nats-1', 'nats-2', 'nats-3'],
      ips: ['127.0.0.1'],
      serverAuth: true,
      clientAuth: true,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 365 * DAY),
    },
    serverKey,
    { cert: caPem, key: caKey },
  );
  writeFileSync(paths.serverCert, serverPem);
  writeSecret(paths.serverKey, keyPem(serverKey));

  await Promise.all([
    ...registry.participants.map((p) => issueIdentity(paths, registry, 'participant', p.id)),
    ...registry.services.map((s) => issueIdentity(paths, registry, 'service', s.id)),
  ]);
  writeFileSync(
    paths.revocations,
    await signRevocationList({ version: 1, issuedAt: new Date().toISOString(), revoked: [] }, caKey),
  );
  return registry;
}

/** Creates the PKI on first use; an existing one is left alone. */
export async function ensurePki(paths: HomePaths, registryFile?: string): Promise<boolean> {
  if (existsSync(paths.caCert) && existsSync(paths.revocations) && existsSync(paths.registry)) return false;
  await generatePki(paths, registryFile);
  return true;
}
