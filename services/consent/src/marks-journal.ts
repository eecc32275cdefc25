import type { KV } from 'nats';
import type { PublishedMarks } from './published-marks.js';

/**
 * "Published" marks a stopping consent instance could not leave in their pictures.
 * Storing them there at shutdown meant one picture read and rewrite per system: up to
 * 20,000 of them, 10,200 took 4.5 s on an idle machine, and under a slower day's load
 * the 10 s grace ran out and the process was killed with every mark lost. Written
 * instead as a few values of a few thousand systems each, they take milliseconds.
 *
 * Any consent instance adopts what it finds (at start and on each flusher round) and
 * removes it: two instances adopting the same journal both hold true facts ("version v
 * was sent"), and a mark only ever raises a picture's `published`.
 */
const PER_VALUE = 4_000; // ~55 B a system: ~220 KB a value, under the 1 MB message limit

type Journal = { readonly marks: readonly (readonly [string, Readonly<Record<string, number>>])[] };

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** Writes every waiting mark to the journal bucket; returns how many systems it wrote. */
export async function saveMarks(kv: KV, marks: PublishedMarks, instance: string, now = Date.now()): Promise<number> {
  const all = [...marks.waiting()];
  for (let i = 0; i * PER_VALUE < all.length; i++) {
    const journal: Journal = { marks: all.slice(i * PER_VALUE, (i + 1) * PER_VALUE) };
    await kv.put(`${instance}.${now}.${i}`, enc(journal));
  }
  return all.length;
}

/**
 * Takes every journal value into `marks` as due at once (the flusher stores them in
 * their pictures on its next round) and deletes it; returns how many systems it took.
 * A value that is not a journal is deleted too: it can only be damage, and it would
 * otherwise be read on every round.
 */
export async function adoptMarks(kv: KV, marks: PublishedMarks): Promise<number> {
  const keys: string[] = [];
  for await (const k of await kv.keys()) keys.push(k);
  let adopted = 0;
  for (const key of keys) {
    const e = await kv.get(key);
    if (e?.operation === 'PUT') {
      for (const [systemId, versions] of parse(e.value)) {
        for (const [region, version] of Object.entries(versions)) marks.add(systemId, region, version, 0);
        adopted++;
      }
    }
    await kv.delete(key);
  }
  return adopted;
}

function parse(b: Uint8Array): Journal['marks'] {
  try {
    const j = JSON.parse(new TextDecoder().decode(b)) as Partial<Journal>;
    if (!Array.isArray(j.marks)) return [];
    return j.marks.filter(
      (m): m is [string, Record<string, number>] =>
        Array.isArray(m) && typeof m[0] === 'string' && typeof m[1] === 'object' && m[1] !== null && Object.values(m[1]).every((v) => Number.isInteger(v)),
    );
  } catch {
    return [];
  }
}
