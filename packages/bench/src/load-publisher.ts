import { setTimeout as sleep } from 'node:timers/promises';
import type { NatsConnection } from 'nats';
import type { HomePaths } from '@samenhang/config';
import { envelopeSha256, signEnvelope } from '@samenhang/envelope';
import { v1 } from '@samenhang/proto';
import { signalFromJson } from '@samenhang/signal';
import { loadSigner, type SignerKey } from '@samenhang/client';
import { subjects } from '@samenhang/topology';
import type { WorkloadItem } from './workload.js';

export interface SignedItem {
  readonly agency: string;
  readonly envelope: Uint8Array;
}

/** Signs every item with its agency's key (done before a measurement or a fault starts). */
export async function signWorkload(paths: HomePaths, items: readonly WorkloadItem[]): Promise<SignedItem[]> {
  const signers = new Map<string, SignerKey>();
  const signer = (agency: string) => signers.get(agency) ?? signers.set(agency, loadSigner(paths, agency)).get(agency)!;
  return Promise.all(
    items.map(async (x) => {
      const s = signer(x.agency);
      return {
        agency: x.agency,
        envelope: await signEnvelope(v1.Signal.encode(signalFromJson(x.signal)).finish(), { key: s.key, kid: s.kid }),
      };
    }),
  );
}

export interface PublishOptions {
  /** Publishes awaiting their JetStream ack at once (default 256). */
  readonly window?: number;
  /** Tries per envelope before giving up (default 60: a cluster election takes seconds). */
  readonly attempts?: number;
  readonly onPublished?: (count: number) => void;
}

/**
 * Publishes envelopes on their agencies' ingress subjects as an agency system
 * should: with the envelope's SHA-256 as Nats-Msg-Id, retrying until JetStream
 * acknowledges, so a retry after a lost ack is stored once.
 */
export async function publishSigned(
  conns: ReadonlyMap<string, NatsConnection>,
  items: readonly SignedItem[],
  o: PublishOptions = {},
): Promise<void> {
  const window = o.window ?? 256;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const js = conns.get(item.agency)!.jetstream();
      for (let attempt = 1; ; attempt++) {
        try {
          await js.publish(subjects.ingress(item.agency), item.envelope, {
            msgID: envelopeSha256(item.envelope),
            timeout: 5000,
          });
          break;
        } catch (e) {
          if (attempt >= (o.attempts ?? 60)) throw e;
          await sleep(Math.min(1000, 50 * attempt));
        }
      }
      o.onPublished?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, items.length) }, worker));
}
