import type { X509Certificate } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { SamenhangError } from '@samenhang/errors';

export interface SignatureWorkerData {
  readonly caPem: string;
  readonly trustDomain: string;
}
export interface SignatureRequest {
  readonly id: number;
  readonly jws: string;
}
export interface SignatureReply {
  readonly id: number;
  /** Only `true` when the checkpoint's signatures verify. */
  readonly ok: boolean;
  /** Why they do not. */
  readonly error?: string;
}

/**
 * Checks checkpoint signatures in a worker thread (signature-worker.ts). Verifying a long log
 * reads a checkpoint every few dozen records; checking its JWS and note signature on the
 * verifying thread cost ~90 us there each (decoding the JWS again, preparing the key and the
 * signing input), more than a tenth of the pass. The worker's file is found next to the
 * compiled package (dist), also when this module runs from its source in the tests.
 */
export class SignatureChecker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private next = 0;
  private failed: Error | undefined;

  constructor(trust: { ca: X509Certificate; trustDomain: string }) {
    const workerData: SignatureWorkerData = { caPem: trust.ca.toString(), trustDomain: trust.trustDomain };
    this.worker = new Worker(new URL('../dist/signature-worker.js', import.meta.url), {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    });
    this.worker.on('message', (r: SignatureReply) => {
      const w = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      if (r.ok === true) w?.resolve();
      else w?.reject(new SamenhangError('ERR_AUDIT_LOG_MISMATCH', r.error ?? 'signature invalid'));
    });
    const fail = (e: Error) => {
      this.failed = new SamenhangError('ERR_INTERNAL', 'the checkpoint signature worker stopped', { cause: e });
      for (const w of this.waiting.values()) w.reject(this.failed);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    // Any exit fails what still waits: a worker that stopped verifies nothing.
    this.worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  }

  /** Resolves when the checkpoint's signatures verify; rejects (ERR_AUDIT_LOG_MISMATCH) with why when they do not. */
  check(jws: string): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    const checked = new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: SignatureRequest = { id, jws };
      this.worker.postMessage(request);
    });
    checked.catch(() => undefined);
    return checked;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
