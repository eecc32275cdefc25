import { createHash, type X509Certificate } from 'node:crypto';

/**
 * Certificates name their holder in a URI SAN, spiffe://<trust domain>/<type>/<id>;
 * nats-server maps that URI to a user (verify_and_map) and the gateway maps it to
 * the participant, so both checks read the same name.
 */
export type IdentityType = 'participant' | 'service';

export function identityUri(trustDomain: string, type: IdentityType, id: string): string {
  return `spiffe://${trustDomain}/${type}/${id}`;
}

export function parseIdentityUri(uri: string): { trustDomain: string; type: IdentityType; id: string } | undefined {
  const m = /^spiffe:\/\/([a-z0-9.-]+)\/(participant|service)\/([a-z0-9-]+)$/.exec(uri);
  if (!m) return undefined;
  return { trustDomain: m[1]!, type: m[2] as IdentityType, id: m[3]! };
}

/** The JWS `kid`: hex SHA-256 of the certificate's DER encoding (docs/wire-contract.md). */
export function certificateKid(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('hex');
}

export function certificateUris(cert: X509Certificate): string[] {
  const san = cert.subjectAltName ?? '';
  return san
    .split(/,\s*/)
    .filter((s) => s.startsWith('URI:'))
    .map((s) => s.slice(4));
}
