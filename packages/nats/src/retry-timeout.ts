/**
 * Runs `f` again when NATS answers TIMEOUT (up to `attempts` times). nats-server 2.9 may
 * place a one-replica consumer of a replicated stream — a filtered reader, a KV key
 * listing — on a cluster peer that is down; its creation then times out, and a new
 * consumer is placed afresh. Any other error is thrown at once.
 */
export async function retryOnTimeout<T>(f: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await f();
    } catch (e) {
      if (i >= attempts || (e as { code?: string }).code !== 'TIMEOUT') throw e;
    }
  }
}
