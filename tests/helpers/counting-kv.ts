import type { KV } from 'nats';

/** Counts the key reads that reach the server (the KV itself is real). */
export function countingGets(kv: KV): { kv: KV; gets: () => number } {
  let n = 0;
  const counted = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'get') return (...a: Parameters<KV['get']>) => (n++, target.get(...a));
      return typeof value === 'function' ? (value as (...x: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { kv: counted, gets: () => n };
}
