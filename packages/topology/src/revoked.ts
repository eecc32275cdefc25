import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { verifyRevocationList } from '@samenhang/pki';

/**
 * Identities whose access was revoked as a whole (`samenhang certs --revoke <id>`):
 * left out of the nats-server users (natsUsers), and refused by the console.
 */
export async function revokedIdentityIds(paths: HomePaths): Promise<Set<string>> {
  const ca = createPublicKey(readFileSync(paths.caCert));
  const list = await verifyRevocationList(readFileSync(paths.revocations, 'utf8'), ca);
  return new Set(list.revoked.filter((r) => r.scope === 'identity').map((r) => r.id));
}
