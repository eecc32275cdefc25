import { Worker } from 'node:worker_threads';
import type { LogEntry } from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import type { Prepared } from './prepare.js';

export interface PrepareRequest {
  readonly id: number;
  readonly seqs: readonly number[];
  readonly subjects: readonly string[];
  /** The batch's bytes, one after the other (moved to the worker, not copied). */
  readonly bytes: ArrayBuffer;
  /** Where each entry's bytes start in `bytes`, and where the last one ends. */
  readonly offsets: readonly number[];
}

export interface PrepareReply {
  readonly id: number;
  /** The prepared entries as JSON, their hashes left out: a string crosses threads cheaper than many small objects. */
  readonly prepared: string;
  /** Each entry's leaf hash at 32 × its place (a checkpoint's place is left empty). */
  readonly hashes: ArrayBuffer;
}

/**
 * Prepares batches of the log in a worker thread (prepare-worker.ts): parsing and hashing
 * a record costs about as much as writing its row, so a long catch-up uses both cores.
 * The worker's file is found next to the compiled package (dist), also when this module
 * runs from its source in the tests.
 */
export class Preparer {
  private readonly worker = new Worker(new URL('../dist/prepare-worker.js', import.meta.url), {
    // A batch is at most CATCH_UP_BATCH_BYTES of records: its strings and objects fit with room to spare.
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
  });
  private readonly waiting = new Map<
    number,
    { resolve: (p: readonly Prepared[]) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private failed: Error | undefined;

  constructor() {
    this.worker.on('message', (r: PrepareReply) => {
      const hashes = Buffer.from(r.hashes);
      const prepared = (JSON.parse(r.prepared) as Prepared[]).map((p, i) =>
        'checkpoint' in p ? p : { ...p, hash: hashes.subarray(32 * i, 32 * i + 32) },
      );
      this.waiting.get(r.id)?.resolve(prepared);
      this.waiting.delete(r.id);
    });
    const fail = (e: Error) => {
      this.failed = new SamenhangError('ERR_AUDIT_INDEX', 'the audit index worker stopped', { cause: e });
      for (const w of this.waiting.values()) w.reject(this.failed);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    // Any exit fails what still waits: a worker that stopped answers nothing.
    this.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  }

  /** `entries` prepared (prepare.ts), in their order. */
  prepare(entries: readonly LogEntry[]): Promise<readonly Prepared[]> {
    if (this.failed) return Promise.reject(this.failed);
    const offsets = [0];
    let end = 0;
    for (const e of entries) {
      end += e.data.length;
      offsets.push(end);
    }
    const bytes = new Uint8Array(end);
    for (let i = 0; i < entries.length; i++) bytes.set(entries[i]!.data, offsets[i]);
    const request: PrepareRequest = {
      id: this.next++,
      seqs: entries.map((e) => e.seq),
      subjects: entries.map((e) => e.subject),
      bytes: bytes.buffer,
      offsets,
    };
    const prepared = new Promise<readonly Prepared[]>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.worker.postMessage(request, [bytes.buffer]);
    });
    // Awaited later (after the batch before is written): a failure meanwhile is not unhandled.
    prepared.catch(() => undefined);
    return prepared;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
