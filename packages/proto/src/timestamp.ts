import type { google } from '../gen/samenhang.js';

type Ts = google.protobuf.Timestamp.$Properties;

export function toTimestamp(ms: number): Ts {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

/** Milliseconds since the epoch, or undefined for an absent timestamp. */
export function fromTimestamp(ts: Ts | null | undefined): number | undefined {
  if (ts === null || ts === undefined) return undefined;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}
