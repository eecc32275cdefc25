import { createPublicKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { HomePaths } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { verifyRevocationList } from '@samenhang/pki';

/**
 * The current revocation list, re-read when its file changes. If a changed list
 * cannot be verified, `isRevoked` throws ERR_TRANSIENT: the gateway then leaves
 * signals unacknowledged rather than accept one a revoked key signed (fail closed).
 */
export class RevocationWatch {
  private revoked = new Set<string>();
  private mtimeMs = -1;
  private broken: unknown;
  private lastStat = 0;

  constructor(private readonly paths: HomePaths) {}

  async refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastStat < 1000) return;
    this.lastStat = now;
    try {
      const mtime = statSync(this.paths.revocations).mtimeMs;
      if (!force && mtime === this.mtimeMs) return;
      const ca = createPublicKey(readFileSync(this.paths.caCert));
      const list = await verifyRevocationList(readFileSync(this.paths.revocations, 'utf8'), ca);
      this.revoked = new Set(list.revoked.map((r) => r.kid));
      this.mtimeMs = mtime;
      this.broken = undefined;
    } catch (e) {
      this.broken = e;
    }
  }

  isRevoked = (kid: string): boolean => {
    if (this.broken !== undefined)
      throw new SamenhangError('ERR_TRANSIENT', 'revocation list unavailable', { cause: this.broken });
    return this.revoked.has(kid);
  };
}
