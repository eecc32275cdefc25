/**
 * The only module that reads process.env. Everything else receives a frozen
 * snapshot, so configuration is read once, at start-up, in one place. GOMAXPROCS is
 * Go's own setting: an operator's value is left to the nats-server this stack starts.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export function readEnv(): Env {
  const snapshot: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('SAMENHANG_') || k === 'CI' || k === 'HOME' || k === 'PATH' || k === 'GOMAXPROCS') snapshot[k] = v;
  }
  return Object.freeze(snapshot);
}

/**
 * A numeric setting: `fallback` when unset. Not a number stays NaN, so the schema
 * rejects it with the setting's path instead of a default silently taking its place.
 */
export function envNumber(value: string | undefined, fallback: number): number {
  return value === undefined ? fallback : Number(value);
}

/**
 * The environment a child process starts with: all this process was given, plus `extra`.
 * Children (services, nats-server) inherit as they would by default; only here is
 * process.env read for it.
 */
export function childEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
