import { existsSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { generatePki, revokeIdentity } from '@samenhang/certs-dev';
import { refreshNatsUsers } from '@samenhang/launcher';
import { readStackInfo } from '@samenhang/service-base';
import { EXIT, out } from '../output.js';

/** `samenhang certs [--revoke <id>]`: (re)create the development PKI or revoke an identity. */
export async function certs(paths: HomePaths, flags: { revoke?: string; registry?: string }): Promise<number> {
  if (flags.revoke) {
    const added = await revokeIdentity(paths, flags.revoke);
    out(`revoked ${flags.revoke}: ${added.map((r) => r.kid.slice(0, 16)).join(', ')}`);
    if (existsSync(paths.stackFile)) {
      await refreshNatsUsers(paths, readStackInfo(paths).natsNodes);
      out('running nats-server reloaded: the identity can no longer connect');
    }
    return EXIT.OK;
  }
  const registry = await generatePki(paths, flags.registry);
  out(
    `development PKI written to ${paths.pki}: CA, nats-server, ${registry.participants.length} participants, ${registry.services.length} services`,
  );
  if (existsSync(paths.stackFile)) out('a stack is running with the old PKI: restart it (samenhang up)');
  return EXIT.OK;
}
