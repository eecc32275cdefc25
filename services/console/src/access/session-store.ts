import type { JetStreamClient, KV } from 'nats';
import { bindKv } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import type { SessionStore, Sessions, StoredSession } from './sessions.js';

const enc = (s: StoredSession) => new TextEncoder().encode(JSON.stringify(s));

/** The sessions bucket: what one console instance writes, every instance reads. */
export async function sessionStore(js: JetStreamClient): Promise<{ kv: KV; store: SessionStore }> {
  const kv = await bindKv(js, BUCKETS.CONSOLE_SESSIONS);
  return {
    kv,
    store: {
      put: async (key, s) => void (await kv.put(key, enc(s))),
      // Purged: no earlier value of it stays in the bucket.
      remove: async (key) => void (await kv.purge(key)),
    },
  };
}

/**
 * Follows the bucket into `sessions`: the sessions stored before this start, then every
 * change any instance makes. Resolves once the stored ones are in (before the console
 * answers anyone); returns how to stop following.
 */
export async function followSessions(kv: KV, sessions: Sessions, onEnd: (e: unknown) => void): Promise<() => void> {
  let initialised!: () => void;
  const ready = new Promise<void>((resolve) => {
    initialised = resolve;
  });
  const watch = await kv.watch({ initializedFn: () => initialised() });
  void (async () => {
    for await (const e of watch) {
      if (e.operation === 'PUT') {
        try {
          sessions.seen(e.key, JSON.parse(new TextDecoder().decode(e.value)) as StoredSession);
        } catch {
          sessions.gone(e.key); // unreadable: no session
        }
      } else sessions.gone(e.key);
    }
  })().catch(onEnd);
  await ready;
  return () => watch.stop();
}
