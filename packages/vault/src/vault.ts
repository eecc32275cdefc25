import { createHash, randomBytes } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';
import { Lru } from '@samenhang/lru';
import { open, seal } from './seal.js';
import type { VaultStore } from './store.js';

export interface PersonRecord {
  readonly bsn: string;
  readonly name: string;
  readonly birthDate: string;
}

export interface SignalContent {
  readonly summary: string;
  readonly contact: { readonly name: string; readonly phone: string; readonly email: string };
  readonly address: { readonly postcode: string; readonly houseNumber: number; readonly houseNumberSuffix: string };
  /** Who reported it to the agency, when the signal names them: kept sealed, never disclosed (R13). */
  readonly reporter?: { readonly name: string; readonly phone: string; readonly email: string };
}

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const dec = <T>(b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as T;

/** What a vault remembers, and for how long. */
export interface VaultMemory {
  /** How long an unwrapped data key (and the digest of a person record stored under it) is trusted; 0 (default) never. */
  readonly keyCacheMs?: number;
  /** How many data keys are remembered (default 10,000). */
  readonly keyCacheMax?: number;
  /**
   * True while a watch calls `keyRemoved` for every data key purged: a remembered key then
   * stays valid past `keyCacheMs`, until it is purged (or forgotten for room).
   */
  readonly keysFollowed?: () => boolean;
  /**
   * True while a watch calls `recordChanged` for every write of a person record: a record this
   * vault stored is then not stored again, unchanged, until the watch reports another write of it.
   */
  readonly recordsFollowed?: () => boolean;
}

/** A data key remembered, with what this vault knows of the person record under it. */
interface RememberedKey {
  readonly key: Uint8Array;
  readonly until: number;
  readonly followed: boolean;
  /** The record this vault last stored: its digest, until when that is trusted, and its revision if followed. */
  person?: { readonly digest: string; readonly until: number; readonly revision?: number };
  /** The highest revision of the person record a watch reported. */
  personSeen?: number;
}

/**
 * Raw identities and free text, encrypted at rest. Each person has a random data
 * key, itself wrapped with the broker's key-encryption key; erasing a person
 * (AVG art. 17) destroys that key, which makes every record under it unreadable.
 * One signal's content (withdrawn, past retention) is destroyed on its own by erasing
 * its record: no per-signal key, which would cost a write per signal
 * (docs/security.md, "Personal data at rest").
 */
export class Vault {
  /**
   * Unwrapped data keys, briefly: an erasure elsewhere takes effect here within `keyCacheMs`,
   * or, while a watch reports erasures (`keysFollowed`), as soon as it reports one.
   * With each, whether no erasure could have slipped past the watch while it was read, and
   * what is known of the person's record (`RememberedKey`).
   */
  private readonly keyCache: Lru<string, RememberedKey>;
  private readonly loading = new Map<string, { key: Promise<Uint8Array>; create: boolean }>();
  /** Erasures reported (`keyRemoved`): a key read while one arrived is trusted only for `keyCacheMs`. */
  private erasures = 0;

  private readonly keyCacheMs: number;
  private readonly keysFollowed: () => boolean;
  private readonly recordsFollowed: () => boolean;

  constructor(
    private readonly kek: Uint8Array,
    private readonly keys: VaultStore,
    private readonly records: VaultStore,
    o: VaultMemory = {},
  ) {
    if (kek.length !== 32) throw new SamenhangError('ERR_VAULT_KEY_MISSING', 'vault key must be 32 bytes');
    this.keyCacheMs = o.keyCacheMs ?? 0;
    this.keysFollowed = o.keysFollowed ?? (() => false);
    this.recordsFollowed = o.recordsFollowed ?? (() => false);
    // Eight generations: persons named round and round (every alert reads its system's keys again) stay
    // remembered up to 7/8 of the size, not half of it.
    this.keyCache = new Lru(o.keyCacheMax ?? 10_000, { generations: 8 });
  }

  /** The person's data key, created on first use (create-if-absent, so concurrent gateways agree). */
  private async dataKey(pseudonym: string, create: boolean): Promise<Uint8Array> {
    const cached = this.remembered(pseudonym);
    if (cached) return cached.key;
    // A signal stores its subject's record and its content at once: one load serves both.
    const pending = this.loading.get(pseudonym);
    if (pending && (pending.create || !create)) return pending.key;
    const followed = this.keysFollowed();
    const erasures = this.erasures;
    const key = this.loadDataKey(pseudonym, create);
    this.loading.set(pseudonym, { key, create });
    try {
      const loaded = await key;
      if (this.keyCacheMs > 0) {
        // An erasure reported while the key was read may be this person's, answered before it.
        this.keyCache.set(pseudonym, {
          key: loaded,
          until: Date.now() + this.keyCacheMs,
          followed: followed && erasures === this.erasures,
        });
      }
      return loaded;
    } finally {
      if (this.loading.get(pseudonym)?.key === key) this.loading.delete(pseudonym);
    }
  }

  private async loadDataKey(pseudonym: string, create: boolean): Promise<Uint8Array> {
    const aad = `key:${pseudonym}`;
    // A person the store knows to be new gets a key without a read first; if the knowledge
    // was stale the create fails and the key is read (create is false then).
    const existing = create && this.keys.absent?.(pseudonym) ? undefined : await this.keys.get(pseudonym);
    if (existing) return open(this.kek, aad, existing);
    if (!create)
      throw new SamenhangError('ERR_VAULT_KEY_MISSING', 'no data key for this person (erased or never stored)');
    const key = randomBytes(32);
    if (await this.keys.create(pseudonym, seal(this.kek, aad, key))) return key;
    return this.loadDataKey(pseudonym, false);
  }

  /**
   * Stores a person's record, unless this vault stored the very same record under the
   * same remembered key and no one has written it since: within `keyCacheMs`, or for as
   * long as a watch reports every write of it (`recordsFollowed`, `recordChanged`). A person
   * named in every signal of a family is then written once, not once a signal (or a
   * minute). Writing it again would seal the same text under the same key; an erasure
   * meanwhile is honoured exactly as late as it is for the key itself.
   */
  async putPerson(pseudonym: string, person: PersonRecord): Promise<void> {
    const id = `person.${pseudonym}`;
    const plain = enc(person);
    const digest = createHash('sha256').update(plain).digest('base64');
    const stored = this.remembered(pseudonym)?.person;
    if (
      stored &&
      stored.digest === digest &&
      (stored.until > Date.now() || (stored.revision !== undefined && this.recordsFollowed()))
    )
      return;
    const followed = this.recordsFollowed(); // at the start: a write by another after this is then reported
    const key = await this.dataKey(pseudonym, true);
    const revision = await this.records.put(id, seal(key, id, plain));
    const now = this.keyCache.get(pseudonym);
    if (!now || now.key !== key) return;
    // A later write by another, reported before this one's answer, is the one stored now.
    const overtaken = typeof revision === 'number' && (now.personSeen ?? 0) > revision;
    now.person = overtaken
      ? undefined
      : {
          digest,
          until: Date.now() + this.keyCacheMs,
          ...(followed && typeof revision === 'number' ? { revision } : {}),
        };
  }

  /**
   * A watch saw a record written or removed (by this vault or another). For a person's
   * record: unless it is the write this vault remembers, the stored record is no longer known.
   */
  recordChanged(id: string, revision: number): void {
    if (!id.startsWith('person.')) return;
    const c = this.keyCache.get(id.slice('person.'.length));
    if (!c) return;
    c.personSeen = Math.max(c.personSeen ?? 0, revision);
    if (c.person && c.person.revision !== revision) c.person = undefined;
  }

  async getPerson(pseudonym: string): Promise<PersonRecord | undefined> {
    const id = `person.${pseudonym}`;
    return this.read(id, pseudonym, (b) => dec<PersonRecord>(b));
  }

  /** Stores a signal's free text under its subject's data key. */
  async putSignalContent(ref: string, subjectPseudonym: string, content: SignalContent): Promise<void> {
    const id = `signal.${ref}`;
    await this.records.put(id, seal(await this.dataKey(subjectPseudonym, true), id, enc(content)));
  }

  async getSignalContent(ref: string, subjectPseudonym: string): Promise<SignalContent | undefined> {
    const id = `signal.${ref}`;
    return this.read(id, subjectPseudonym, (b) => dec<SignalContent>(b));
  }

  /**
   * A record and its person's data key, read at once (one round trip's wait, not two). A
   * missing key matters only for a record that exists: then it is the error.
   */
  private async read<T>(id: string, pseudonym: string, parse: (plain: Uint8Array) => T): Promise<T | undefined> {
    const key = this.dataKey(pseudonym, false).then(
      (k) => ({ k }),
      (e: unknown) => ({ e }),
    );
    const sealed = await this.records.get(id);
    if (!sealed) return undefined;
    const loaded = await key;
    if ('e' in loaded) throw loaded.e;
    return parse(open(loaded.k, id, sealed));
  }

  /**
   * Crypto-shredding: without the data key, nothing stored under it can be read again. The
   * key and the person's record are erased (bytes overwritten), so neither a copy of the
   * stream files nor the KEK brings them back.
   */
  async erasePerson(pseudonym: string): Promise<void> {
    this.keyRemoved(pseudonym); // and with it the memory of a stored record
    await eraseFrom(this.keys, pseudonym);
    await eraseFrom(this.records, `person.${pseudonym}`);
  }

  /**
   * Destroys one signal's sealed content (a withdrawal, its retention ended): its record is
   * erased with its bytes overwritten, so while the subject's data key stays (for their other
   * signals) nothing opens it again. Every reader that remembers sealed bytes forgets them when
   * its watch reports the removal. Idempotent; afterwards `getSignalContent` finds nothing.
   */
  async eraseSignalContent(ref: string): Promise<void> {
    await eraseFrom(this.records, `signal.${ref}`);
  }

  /** A watch saw the person's data key purged (an erasure, here or elsewhere): forget it at once. */
  keyRemoved(pseudonym: string): void {
    this.erasures++;
    this.keyCache.delete(pseudonym);
  }

  /**
   * A watch handed over a person's data key as written (wrapped): remembered as a read of it
   * would be, so the alert for a new person does not ask for the key its gateway just made.
   * The same watch reports the key's purge, in order, so an erasure is honoured as before.
   */
  keySeen(pseudonym: string, wrapped: Uint8Array): void {
    if (this.keyCacheMs <= 0) return;
    let key: Uint8Array;
    try {
      key = open(this.kek, `key:${pseudonym}`, wrapped);
    } catch {
      return; // not this broker's key: a read reports it where it matters
    }
    const known = this.keyCache.get(pseudonym);
    if (known && Buffer.from(known.key).equals(key)) return; // keep what is known of the person's record
    this.keyCache.set(pseudonym, { key, until: Date.now() + this.keyCacheMs, followed: this.keysFollowed() });
  }

  /** The heap runs short: forget the older half of the remembered data keys. Returns how many. */
  shrinkMemory(): number {
    return this.keyCache.shrink();
  }

  /** A remembered key still valid: within its time limit, or followed by a watch that is still running. */
  private remembered(pseudonym: string) {
    const c = this.keyCache.get(pseudonym);
    return c && (c.until > Date.now() || (c.followed && this.keysFollowed())) ? c : undefined;
  }
}

const eraseFrom = (store: VaultStore, key: string) => (store.erase ? store.erase(key) : store.purge(key));
