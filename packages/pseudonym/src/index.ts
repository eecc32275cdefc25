export { createPseudonymizer, normaliseAddress } from './pseudonymizer.js';
export type { AddressInput, Pseudonymizer } from './pseudonymizer.js';
