export { ALLOWED_ALGS, CONSENT_TYP, SIGNAL_TYP, parseProtectedHeader } from './header.js';
export type { Alg, EnvelopeTyp, ProtectedHeader } from './header.js';
export { signEnvelope } from './sign.js';
export type { SignOptions } from './sign.js';
export { CRYPTO_FAILURE_REASON, envelopeSha256, verifyEnvelope } from './verify.js';
export type { VerifiedEnvelope, VerifyContext } from './verify.js';
