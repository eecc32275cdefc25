import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { CertStore, loadRegistry, signRevocationList, verifyRevocationList, type Revocation } from '@samenhang/pki';

async function appendRevocations(paths: HomePaths, select: (store: CertStore) => Revocation[]): Promise<Revocation[]> {
  const registry = loadRegistry(paths.registry);
  const store = CertStore.load(paths.caCert, paths.identities, registry);
  const caKey = createPrivateKey(readFileSync(paths.caKey));
  const current = await verifyRevocationList(readFileSync(paths.revocations, 'utf8'), createPublicKey(caKey));
  const known = new Set(current.revoked.map((r) => r.kid));
  const added = select(store).filter((r) => !known.has(r.kid));
  const next = { version: 1 as const, issuedAt: new Date().toISOString(), revoked: [...current.revoked, ...added] };
  writeFileSync(paths.revocations, await signRevocationList(next, caKey));
  return added;
}

/**
 * Revokes every certificate of an identity. The nats-server configuration leaves
 * out fully revoked identities, so after a reload the identity cannot connect either.
 */
export async function revokeIdentity(paths: HomePaths, id: string): Promise<Revocation[]> {
  const revokedAt = new Date().toISOString();
  const added = await appendRevocations(paths, (store) =>
    store
      .all()
      .filter((i) => i.id === id)
      .map((i) => ({ kid: i.kid, id, revokedAt, scope: 'identity' as const })),
  );
  if (added.length === 0) throw new SamenhangError('ERR_INPUT_INVALID', `no unrevoked certificate for '${id}'`);
  return added;
}

/** Revokes one certificate (a compromised or rotated key); the identity keeps access. */
export async function revokeCertificate(paths: HomePaths, kid: string): Promise<Revocation[]> {
  const revokedAt = new Date().toISOString();
  return appendRevocations(paths, (store) => {
    const identity = store.get(kid);
    if (!identity) throw new SamenhangError('ERR_INPUT_INVALID', `no certificate with kid ${kid}`);
    return [{ kid, id: identity.id, revokedAt, scope: 'certificate' as const }];
  });
}
