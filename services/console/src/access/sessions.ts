import { randomBytes } from 'node:crypto';
import type { Person } from './oidc.js';

export interface Session {
  readonly id: string;
  readonly identity: string;
  readonly expiresAt: number;
  /** Sent with every form, checked on every POST (defence in depth besides SameSite=Strict). */
  readonly csrf: string;
  /** Signed in as a person (OpenID Connect); without it, an organisation's one-time link. */
  readonly person?: Person;
}

/**
 * Browser sessions, held only in the console's memory: a restart signs everyone out.
 * Expiry is enforced here, not by the browser, so a copied cookie stops working on time.
 */
export class Sessions {
  private readonly byId = new Map<string, Session>();
  /** Login assertions already used, until they would have expired anyway. */
  private readonly usedLogins = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  create(identity: string, now = Date.now(), person?: Person): Session {
    this.sweep(now);
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      identity,
      expiresAt: now + this.ttlMs,
      csrf: randomBytes(16).toString('base64url'),
      ...(person ? { person } : {}),
    };
    this.byId.set(s.id, s);
    return s;
  }

  get(id: string | undefined, now = Date.now()): Session | undefined {
    if (!id) return undefined;
    const s = this.byId.get(id);
    if (!s) return undefined;
    if (s.expiresAt <= now) {
      this.byId.delete(id);
      return undefined;
    }
    return s;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  /** True the first time a login assertion id is seen; false on any replay. */
  firstUse(jti: string, expiresAtMs: number, now = Date.now()): boolean {
    this.sweep(now);
    if (this.usedLogins.has(jti)) return false;
    this.usedLogins.set(jti, expiresAtMs);
    return true;
  }

  cookie(s: Session): string {
    return `samenhang_session=${s.id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${Math.ceil(this.ttlMs / 1000)}`;
  }

  private sweep(now: number): void {
    for (const [k, s] of this.byId) if (s.expiresAt <= now) this.byId.delete(k);
    for (const [k, exp] of this.usedLogins) if (exp < now) this.usedLogins.delete(k);
  }
}
