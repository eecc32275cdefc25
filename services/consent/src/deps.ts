import type { JetStreamClient } from 'nats';
import type { Logger } from '@samenhang/logging';
import type { Registry } from '@samenhang/pki';
import type { Vault } from '@samenhang/vault';
import type { AuditWriter } from './deciding/audit-records.js';
import type { ConsentStore } from './deciding/consent-store.js';
import type { FamilySystems } from './family/systems.js';
import type { PolicyHolder } from './deciding/policy-holder.js';
import type { KeyedLock } from '@samenhang/nats';

export const PURPOSE = 'SAFETY_ASSESSMENT';

/** One handling of a message (or a sweep): when it decides, and what it claims. */
export interface Handling {
  /** Decisions are timed by when the gateway stored the signal: a redelivery decides alike. */
  readonly now: number;
  /** The message's SIGNALS stream sequence: alert versions this handling records are its to send (region-view.ts). */
  readonly claim?: number;
}

/** Everything the consent service's handlers need, wired once in main.ts. */
export interface ConsentDeps {
  readonly js: JetStreamClient;
  readonly registry: Registry;
  readonly policy: PolicyHolder;
  readonly consents: ConsentStore;
  readonly systems: FamilySystems;
  readonly vault: Vault;
  readonly audit: AuditWriter;
  readonly log: Logger;
  /** Sends one system's alerts to one region in order: never an older version after a newer one. */
  readonly alertLock: KeyedLock;
}
