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
 * A session as the bucket holds it, or undefined: unreadable, or naming no person (one an
 * older console stored for a sign-in by an organisation's link), it is no way in.
 */
export function storedSession(value: Uint8Array): StoredSession | undefined {
  try {
    const s = JSON.parse(new TextDecoder().decode(value)) as Partial<StoredSession>;
    return typeof s.person?.id === 'string' ? (s as StoredSession) : undefined;
  } catch {
    return undefined;
  }
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
        const s = storedSession(e.value);
        if (s) sessions.seen(e.key, s);
        else sessions.gone(e.key);
      } else sessions.gone(e.key);
    }
  })().catch(onEnd);
  await ready;
  return () => watch.stop();
}
