export {
  PARTICIPANT_KINDS,
  SERVICE_ROLES,
  consentAuthorityOf,
  findParticipant,
  loadRegistry,
  mayPublishForRegion,
  parseRegistry,
  registrySchema,
  rvtOf,
  PERSON_ROLES,
} from './registry.js';
export type {
  IdentityProvider,
  Participant,
  ParticipantKind,
  PersonRole,
  Registry,
  ServiceIdentity,
  ServiceRole,
} from './registry.js';
export { certificateKid, certificateUris, identityUri, parseIdentityUri } from './identity.js';
export type { IdentityType } from './identity.js';
export { CertStore } from './cert-store.js';
export type { IssuedIdentity, KeyType } from './cert-store.js';
export { signRevocationList, verifyRevocationList } from './revocations.js';
export type { Revocation, RevocationList } from './revocations.js';
