import type { X509Certificate } from 'node:crypto';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { certificateUris, parseIdentityUri, type Participant, type Registry } from '@samenhang/pki';
import { revokedIdentityIds } from '@samenhang/topology';

/** Who is asking: a participant of the registry (services never sign in). */
export type Identity = Participant;

export function participant(registry: Registry, id: string): Identity {
  const p = registry.participants.find((x) => x.id === id);
  if (!p) throw new SamenhangError('ERR_FORBIDDEN', 'this identity may not use the console');
  return p;
}

/**
 * The identity of an agency system's client certificate. The TLS handshake has
 * already checked it chains to the broker's CA; here its URI SAN must name a
 * participant of this trust domain that is not revoked.
 */
export function peerIdentity(
  cert: X509Certificate | undefined,
  registry: Registry,
  revoked: ReadonlySet<string>,
): Identity {
  if (!cert) throw new SamenhangError('ERR_UNAUTHENTICATED', 'a client certificate issued by the broker is required');
  const name = certificateUris(cert)
    .map(parseIdentityUri)
    .find((u) => u?.trustDomain === registry.trustDomain);
  if (name?.type !== 'participant') throw new SamenhangError('ERR_FORBIDDEN', 'the certificate names no participant');
  if (revoked.has(name.id)) throw new SamenhangError('ERR_CERT_REVOKED', 'the certificate is revoked');
  return participant(registry, name.id);
}

/** The CA-signed revocation list, re-read at most once a second (as the gateway picks up revocations). */
export class Revocations {
  private cached: { at: number; ids: ReadonlySet<string> } | undefined;

  constructor(private readonly paths: HomePaths) {}

  async current(): Promise<ReadonlySet<string>> {
    if (this.cached && Date.now() - this.cached.at < 1000) return this.cached.ids;
    // Fail closed: an unreadable or forged list lets no one in.
    const ids = await revokedIdentityIds(this.paths).catch((cause: unknown) => {
      throw new SamenhangError('ERR_PKI_MISSING', 'the revocation list cannot be verified', { cause });
    });
    this.cached = { at: Date.now(), ids };
    return ids;
  }
}
