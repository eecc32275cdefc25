import { createHmac } from 'node:crypto';
import type { HomePaths } from '@samenhang/config';
import { loadBrokerKeys, readIdpInfo } from '@samenhang/service-base';

/**
 * The pseudonymous id the console gives a test user of the development identity provider,
 * computed here from the broker's key and the provider's issuer as docs/console.md states it
 * (not by the console's own code, so the tests check that statement).
 */
export function personOf(paths: HomePaths, login: string): string {
  const key = loadBrokerKeys(paths).pseudonymMaster;
  const mac = createHmac('sha256', key).update(`samenhang person\n${readIdpInfo(paths).issuer}\n${login}`);
  return `person:${mac.digest('hex').slice(0, 24)}`;
}
