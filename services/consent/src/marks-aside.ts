import type { KV } from 'nats';
import type { KnownKeys } from '@samenhang/stack';

const enc = (v: number) => new TextEncoder().encode(String(v));

/**
 * "Published" marks the flusher set aside: per system and region, the last alert version
 * sent, as a key of its own (`<systemId>.<region>` → version). A mark used to be stored in
 * its picture, one read and rewrite of ~11 KB; when a system's next signal is minutes away
 * (200,000 systems) nearly every alert needed that, as many picture rewrites as signals.
 * A key of ~50 bytes is one write and no read.
 *
 * It is read only for a version that the handling at hand did not create and that no
 * remembered mark covers, and only when the key was ever written (KeyWatch): at the
 * defaults nothing is set aside and nothing is read. A mark found is remembered again,
 * so the picture's next write carries it and the key is not read for it after that.
 *
 * Keys are written without a read: two instances setting aside different versions of one
 * system at once may leave the lower. As with a lost mark, that version may then be sent
 * again, with its message id (the streams' duplicate windows drop it within the hour).
 */
export class MarksAside {
  constructor(private readonly kv: KV, private readonly known?: KnownKeys) {}

  async store(systemId: string, versions: Readonly<Record<string, number>>): Promise<void> {
    for (const [region, version] of Object.entries(versions)) {
      const key = `${systemId}.${region}`;
      await this.kv.put(key, enc(version));
      this.known?.saw(key);
    }
  }

  /** The last version set aside as sent to the region; 0 when none (a key never written is not read). */
  async sent(systemId: string, region: string): Promise<number> {
    const key = `${systemId}.${region}`;
    if (this.known?.absentUpTo(key) !== undefined) return 0;
    const e = await this.kv.get(key);
    const v = e?.operation === 'PUT' ? Number(new TextDecoder().decode(e.value)) : 0;
    return Number.isSafeInteger(v) && v > 0 ? v : 0;
  }
}
