import { X509Certificate } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { CheckpointCache, readCheckpoint } from './checkpoint.js';
import type { SignatureReply, SignatureRequest, SignatureWorkerData } from './signature-checker.js';

/** Checks the signatures of the checkpoints it is sent (signature-checker.ts), each as readCheckpoint does. */
const { caPem, trustDomain } = workerData as SignatureWorkerData;
const ca = new X509Certificate(caPem);
const cache = new CheckpointCache();

parentPort?.on('message', (m: SignatureRequest) => {
  const reply = (r: SignatureReply) => parentPort?.postMessage(r);
  try {
    readCheckpoint(m.jws, ca, trustDomain, cache).signed.then(
      () => reply({ id: m.id, ok: true }),
      (e: unknown) => reply({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  } catch (e) {
    reply({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
