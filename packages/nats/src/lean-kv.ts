import {
  Empty,
  checkJsError,
  headers,
  type KV,
  type KvEntry,
  type KvPutOptions,
  type Msg,
  type MsgHdrs,
  type NatsConnection,
  type NatsError,
  type Payload,
} from 'nats';

/** nats.js's own rule for a key (`validateKey`): a wildcard must never reach a subject. */
const VALID_KEY = /^[-/=.\w]+$/;
const TIMEOUT_MS = 5_000;
/** JSStreamWrongLastSequenceErr: what a compare-and-set that lost says. */
const WRONG_LAST_SEQUENCE = 10071;
const decoder = new TextDecoder();

// The errors thrown here stay plain Errors, as nats.js's own KV throws them: the console answers
// a SamenhangError with its message (services/console/src/http.ts), and a store's key or reply
// must never reach a caller; any other Error it answers as 'internal error'.
function checkKey(k: string): void {
  if (!VALID_KEY.test(k) || k.startsWith('.') || k.endsWith('.')) throw new Error(`invalid key: ${k}`);
}

/** The error nats.js would throw for a JetStream API error, with its `api_error`, as KV's put rewrites it. */
function apiError(e: { code: number; err_code?: number; description: string }): NatsError {
  const err = checkJsError({
    data: Empty,
    headers: { code: e.code, description: e.description },
  } as unknown as Msg) as NatsError & { api_error?: unknown };
  err.api_error = e;
  err.message = e.description;
  err.code = `${e.code}`;
  return err;
}

/**
 * Headers a write carries besides the value, for a headers-only pass over the bucket
 * (`lastHeaders`) to read without the values: the consent service stamps each picture
 * with when its next signal expires. nats.js's own KV has no place for them.
 */
export type ExtraHeaders = Readonly<Record<string, string>>;

/** A KV whose compare-and-set writes may carry extra headers (a `leanKv`). */
export interface StampedWrites {
  create(k: string, data: Payload, extra?: ExtraHeaders): Promise<number>;
  update(k: string, data: Payload, version: number, extra?: ExtraHeaders): Promise<number>;
}

function entry(bucket: string, key: string, m: Msg): KvEntry {
  const h = m.headers!;
  const value = m.data;
  return {
    bucket,
    key,
    value,
    revision: Number(h.last('Nats-Sequence')),
    operation: (h.last('KV-Operation') || 'PUT') as KvEntry['operation'],
    delta: 0,
    length: value.length,
    get created() {
      return new Date(Date.parse(h.last('Nats-Time-Stamp')));
    },
    json: <T>() => JSON.parse(decoder.decode(value)) as T,
    string: () => decoder.decode(value),
  };
}

/**
 * A KV bucket whose reads, writes and creates go as bare core requests — the same
 * subjects, headers and answers as nats.js's own, without its layers around them: a
 * read costs the client ~0.03 ms less (a missing key ~0.05, nats.js throws and catches
 * for it), a write ~0.02 (docs/history/performance-rounds.md). Everything else (watches,
 * deletes, purges, status) is nats.js's. Errors are nats.js's too: a lost
 * compare-and-set carries `api_error.err_code` 10071 and its message, a stream
 * without a responder rejects with code 503.
 *
 * `direct`: the bucket answers direct gets (one replica); otherwise reads stay nats.js's,
 * which ask the stream leader.
 */
export function leanKv(nc: NatsConnection, kv: KV, bucket: string, direct: boolean): KV {
  const getPrefix = `$JS.API.DIRECT.GET.KV_${bucket}.$KV.${bucket}.`;
  const putPrefix = `$KV.${bucket}.`;

  async function get(k: string): Promise<KvEntry | null> {
    checkKey(k);
    const m = await nc.request(getPrefix + k, Empty, { timeout: TIMEOUT_MS });
    const code = m.headers?.code ?? 0;
    if (code === 404) return null;
    if (code >= 300 || !m.headers) throw checkJsError(m) ?? new Error('direct get: headers expected');
    return entry(bucket, k, m);
  }

  async function put(k: string, data: Payload, o?: Partial<KvPutOptions>, extra?: ExtraHeaders): Promise<number> {
    checkKey(k);
    let h: MsgHdrs | undefined;
    if (o?.previousSeq !== undefined || extra) {
      h = headers();
      if (o?.previousSeq !== undefined) h.set('Nats-Expected-Last-Subject-Sequence', `${o.previousSeq}`);
      for (const [name, value] of Object.entries(extra ?? {})) h.set(name, value);
    }
    const m = await nc.request(putPrefix + k, data, h ? { timeout: TIMEOUT_MS, headers: h } : { timeout: TIMEOUT_MS });
    const ack = JSON.parse(decoder.decode(m.data)) as {
      seq?: number;
      error?: { code: number; err_code?: number; description: string };
    };
    if (ack.error) throw apiError(ack.error);
    if (typeof ack.seq !== 'number') throw new Error('put: no sequence in the acknowledgement');
    return ack.seq;
  }

  /** As nats.js: a key deleted or purged may be created again, on the marker's revision. */
  async function create(k: string, data: Payload, extra?: ExtraHeaders): Promise<number> {
    try {
      return await put(k, data, { previousSeq: 0 }, extra);
    } catch (e) {
      if ((e as { api_error?: { err_code?: number } }).api_error?.err_code !== WRONG_LAST_SEQUENCE) throw e;
      const cur = await (direct ? get(k) : kv.get(k));
      if (cur && cur.operation !== 'PUT') return put(k, data, { previousSeq: cur.revision }, extra);
      throw e;
    }
  }

  async function update(k: string, data: Payload, version: number, extra?: ExtraHeaders): Promise<number> {
    if (version <= 0) throw new Error('version must be greater than 0');
    return put(k, data, { previousSeq: version }, extra);
  }

  const own: Partial<Record<keyof KV, unknown>> = {
    put,
    create,
    update,
    ...(direct ? { get: (k: string, o?: { revision: number }) => (o?.revision ? kv.get(k, o) : get(k)) } : {}),
  };
  return new Proxy(kv, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in own) return own[prop as keyof KV];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
