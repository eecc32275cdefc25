import { createHash, randomBytes } from 'node:crypto';
import type { Person } from './oidc.js';

export interface Session {
  /** The cookie's value: known to the browser and to this request only, never stored. */
  readonly id: string;
  readonly identity: string;
  /** Sent with every form, checked on every POST (defence in depth besides SameSite=Strict). */
  readonly csrf: string;
  /** Who signed in (OpenID Connect): every session is a person's, acting for `identity`. */
  readonly person: Person;
  readonly createdAt: number;
  /** The last request seen (at most a renewal interval ago): the idle timeout counts from it. */
  readonly lastSeen: number;
  /** The absolute limit: no renewal goes past it. */
  readonly until: number;
}

/** A session as stored, under a hash of its id: whoever reads the store cannot use it as a cookie. */
export type StoredSession = Omit<Session, 'id'>;

/** Where sessions are kept for every console instance and across restarts (NATS KV in the service). */
export interface SessionStore {
  put(key: string, s: StoredSession): Promise<void>;
  remove(key: string): Promise<void>;
}

/** How often a session's last request is written back: sliding renewal without a write per request. */
const RENEW_MS = 30_000;

const keyOf = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Browser sessions: an idle timeout that slides with use, and an absolute limit. Expiry is
 * enforced here, not by the browser, so a copied cookie stops working on time. Kept in a
 * store all console instances share (`seen`/`gone` bring in what others wrote), so a restart
 * or another instance keeps a person signed in; without a store, in this process only.
 */
export class Sessions {
  private readonly byKey = new Map<string, StoredSession>();

  constructor(
    private readonly idleMs: number,
    private readonly maxMs = 12 * 3_600_000,
    private readonly store?: SessionStore,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** A session of `person`, acting for their organisation (the console's identity for them). */
  async create(person: Person, now = Date.now()): Promise<Session> {
    this.sweep(now);
    const id = randomBytes(32).toString('base64url');
    const s: StoredSession = {
      identity: person.organisation,
      csrf: randomBytes(16).toString('base64url'),
      person,
      createdAt: now,
      lastSeen: now,
      until: now + this.maxMs,
    };
    this.byKey.set(keyOf(id), s);
    await this.store?.put(keyOf(id), s);
    return { id, ...s };
  }

  /** Whether a session is still valid, without counting this as its use (a live page's check). */
  valid(id: string, now = Date.now()): boolean {
    const s = this.byKey.get(keyOf(id));
    return s !== undefined && now < s.until && now < s.lastSeen + this.idleMs;
  }

  /** The session of a request: a use, which renews its idle timeout (unless `renew` is false: a live page reconnecting). */
  get(id: string | undefined, now = Date.now(), renew = true): Session | undefined {
    if (!id) return undefined;
    const key = keyOf(id);
    const s = this.byKey.get(key);
    if (!s) return undefined;
    if (now >= s.until || now >= s.lastSeen + this.idleMs) {
      this.byKey.delete(key);
      this.store?.remove(key).catch(this.onError);
      return undefined;
    }
    if (renew && now - s.lastSeen >= Math.min(RENEW_MS, this.idleMs / 4)) {
      const renewed = { ...s, lastSeen: now };
      this.byKey.set(key, renewed);
      this.store?.put(key, renewed).catch(this.onError);
      return { id, ...renewed };
    }
    return { id, ...s };
  }

  async end(id: string): Promise<void> {
    this.byKey.delete(keyOf(id));
    await this.store?.remove(keyOf(id));
  }

  /** Signs a person out of every session they have, on every console instance. Returns how many. */
  async endEverywhere(personId: string): Promise<number> {
    const keys = [...this.byKey].filter(([, s]) => s.person.id === personId).map(([k]) => k);
    for (const k of keys) {
      this.byKey.delete(k);
      await this.store?.remove(k);
    }
    return keys.length;
  }

  /** How many sessions are valid now, on every instance (the operator's figure; no one is named). */
  active(now = Date.now()): number {
    this.sweep(now);
    return this.byKey.size;
  }

  /** Another instance (or an earlier run) stored or renewed a session. */
  seen(key: string, s: StoredSession): void {
    const known = this.byKey.get(key);
    if (!known || known.lastSeen <= s.lastSeen) this.byKey.set(key, s);
  }

  /** Another instance ended a session. */
  gone(key: string): void {
    this.byKey.delete(key);
  }

  cookie(s: Session): string {
    return `samenhang_session=${s.id}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${Math.ceil(this.maxMs / 1000)}`;
  }

  private sweep(now: number): void {
    for (const [k, s] of this.byKey) if (now >= s.until || now >= s.lastSeen + this.idleMs) this.byKey.delete(k);
  }
}
