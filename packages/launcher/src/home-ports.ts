import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HomePaths } from '@samenhang/config';
import { freePort, portFree } from './ports.js';

/** Where a home keeps the ports it listens on between starts (kept when the stack stops). */
export const portsFile = (paths: HomePaths) => join(paths.root, 'ports.json');

/**
 * The TCP ports of one home, chosen once and reused on every later start, so URLs,
 * bookmarks and agency configurations stay valid across restarts. Keys name what
 * listens (`nats-1.client`, `nats-1.monitor`, `nats-1.route`, `console.web`, `console.api`).
 * A recorded port that something else holds now is replaced by a fresh one, and `note`
 * says which: the home then keeps the new one.
 */
export class HomePorts {
  private readonly recorded: Record<string, number>;
  /** Ports handed out in this process, so two keys of one home never share one. */
  private readonly given = new Map<number, string>();

  private constructor(
    private readonly file: string,
    recorded: Record<string, number>,
    private readonly note: (msg: string, fields: Record<string, unknown>) => void,
  ) {
    this.recorded = recorded;
  }

  static open(
    paths: HomePaths,
    note: (msg: string, fields: Record<string, unknown>) => void = () => undefined,
  ): HomePorts {
    let recorded: Record<string, number> = {};
    try {
      const parsed = JSON.parse(readFileSync(portsFile(paths), 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') {
        recorded = Object.fromEntries(
          Object.entries(parsed).filter(
            (e): e is [string, number] => Number.isInteger(e[1]) && e[1] > 0 && e[1] < 65536,
          ),
        );
      }
    } catch {
      // First start of this home, or an unreadable file: every port is chosen afresh.
    }
    return new HomePorts(portsFile(paths), recorded, note);
  }

  /**
   * The port recorded for `key` if nothing listens there now, else a fresh free one. Asked
   * again (a restarted console), the port is looked at again: its own process has exited,
   * so it is free unless something else took it meanwhile.
   */
  async take(key: string, o: { fresh?: boolean } = {}): Promise<number> {
    const was = this.recorded[key];
    if (was !== undefined && !o.fresh && (this.given.get(was) ?? key) === key && (await portFree(was))) {
      this.given.set(was, key);
      return was;
    }
    let port = await freePort();
    while (this.given.has(port) && this.given.get(port) !== key) port = await freePort();
    for (const [p, k] of this.given) if (k === key) this.given.delete(p);
    this.given.set(port, key);
    if (was !== undefined && was !== port) {
      this.note(
        o.fresh
          ? 'port changed: a start on the recorded ports failed'
          : 'port changed: the recorded one is in use by another process',
        { what: key, recorded: was, port },
      );
    }
    this.recorded[key] = port;
    return port;
  }

  /** Records what was taken, for the next start of this home (write and rename: never half a file). */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const sorted = Object.fromEntries(Object.entries(this.recorded).sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(tmp, `${JSON.stringify(sorted, null, 2)}\n`);
    renameSync(tmp, this.file);
  }
}
