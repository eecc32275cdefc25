import type { JetStreamClient } from 'nats';
import { emptyTally, type ConsentFact } from '@samenhang/decision';
import type { LoadedPolicy } from '@samenhang/policy';
import type { Registry } from '@samenhang/pki';
import { Progress } from '@samenhang/bench';
import { forEachLast } from '@samenhang/nats';
import { BUCKETS } from '@samenhang/topology';
import type { Picture } from '@samenhang/family';
import { recipients, replayPicture, type ReplayFindings } from './picture.js';

export interface StoredReplay extends ReplayFindings {
  /** The whole replay: reading consents and pictures, and evaluating. */
  readonly ms: number;
  /** The evaluation alone. */
  readonly evaluationMs: number;
}

const dec = <T>(b: Uint8Array) => JSON.parse(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8')) as T;

/**
 * Re-decides every stored, unexpired signal under `policy`, in memory, one picture (one
 * batch of decisions) at a time as the pictures stream in: pictures and consents are read
 * as their buckets' last writes, never a request per key (4× faster), and never all at
 * once (200,000 pictures are ~2 GB of JSON). Parsing and evaluating in a worker thread
 * was slower than here (docs/performance.md). Reads only; writes and discloses nothing.
 */
export async function replayStored(
  js: JetStreamClient,
  o: { policy: LoadedPolicy; registry: Registry; asOf: number; progress?: string },
): Promise<StoredReplay> {
  const started = performance.now();
  const consents = new Map<string, ConsentFact[]>();
  await forEachLast(
    js,
    BUCKETS.CONSENTS,
    { headersOnly: false },
    (w) => void consents.set(w.key, dec<ConsentFact[]>(w.data)),
  );
  const inputs = { policy: o.policy, asOf: o.asOf, consents };
  const recipientOf = recipients(o.registry);
  const found: ReplayFindings = { tally: emptyTally(), changes: [], alertChanges: [], pictures: 0 };
  let evaluationMs = 0;
  let progress: Progress | undefined;
  let seen = 0;
  await forEachLast(js, BUCKETS.PICTURES, { headersOnly: false }, (w, left) => {
    if (o.progress !== undefined) progress ??= new Progress(o.progress, left + 1);
    if (++seen % 100 === 0) progress?.update(seen);
    const p = dec<Picture>(w.data);
    const t = performance.now();
    replayPicture(p, inputs, recipientOf, found);
    evaluationMs += performance.now() - t;
  });
  const ms = performance.now() - started;
  progress?.done(
    `${found.tally.evaluated} decisions in ${Math.round(ms)} ms (evaluating ${Math.round(evaluationMs)} ms)`,
  );
  return { ...found, ms, evaluationMs };
}
