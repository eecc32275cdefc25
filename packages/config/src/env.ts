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
