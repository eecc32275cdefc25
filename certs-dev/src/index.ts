export { DEFAULT_REGISTRY_FILE, ensurePki, generatePki, issueIdentity } from './generate.js';
export type { IssueOptions } from './generate.js';
export { issueCertificate } from './forge-cert.js';
export type { CertRequest } from './forge-cert.js';
export { revokeCertificate, revokeIdentity } from './revoke.js';
