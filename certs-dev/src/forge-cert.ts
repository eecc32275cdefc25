import forge from 'node-forge';
import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto';

export interface CertRequest {
  readonly commonName: string;
  readonly organization?: string;
  readonly uris?: readonly string[];
  readonly dnsNames?: readonly string[];
  readonly ips?: readonly string[];
  readonly isCa?: boolean;
  readonly serverAuth?: boolean;
  readonly clientAuth?: boolean;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

function toForgePublic(key: KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString());
}

function toForgePrivate(key: KeyObject): forge.pki.rsa.PrivateKey {
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
}

/**
 * Builds and signs one X.509 certificate with node-forge (which can only make RSA
 * certificates). Keys come from node:crypto: generating RSA keys in forge is ~50×
 * slower. Returns the certificate as PEM.
 */
export function issueCertificate(
  req: CertRequest,
  subjectKey: KeyObject,
  issuer: { cert: string; key: KeyObject } | 'self',
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = toForgePublic(subjectKey);
  // Positive 16-byte serial (RFC 5280 §4.1.2.2).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = req.notBefore;
  cert.validity.notAfter = req.notAfter;
  const subject = [
    { name: 'commonName', value: req.commonName },
    { name: 'organizationName', value: req.organization ?? 'Samenhang development PKI' },
  ];
  cert.setSubject(subject);
  const issuerCert = issuer === 'self' ? undefined : forge.pki.certificateFromPem(issuer.cert);
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);

  const altNames = [
    ...(req.uris ?? []).map((value) => ({ type: 6, value })),
    ...(req.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(req.ips ?? []).map((ip) => ({ type: 7, ip })),
  ];
  const extensions: object[] = [
    { name: 'basicConstraints', cA: req.isCa === true, critical: true },
    req.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!req.isCa)
    extensions.push({ name: 'extKeyUsage', serverAuth: req.serverAuth === true, clientAuth: req.clientAuth === true });
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  cert.setExtensions(extensions);

  const signingKey = issuer === 'self' ? subjectKey : issuer.key;
  cert.sign(toForgePrivate(signingKey), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
