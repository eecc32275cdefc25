// The verification stage in a thread of its own. Its heap holds only the envelopes it
// verifies, as the gateway's does — not the bench's whole signed load, whose size made
// every collection during the stage slower than the stage itself measures.
import { parentPort, workerData } from 'node:worker_threads';
import { CertStore, loadRegistry } from '@samenhang/pki';
import { benchVerify } from './verify-stage.js';

export interface VerifyWorkerData {
  readonly caCert: string;
  readonly identities: string;
  readonly registry: string;
  readonly envelopes: readonly Uint8Array[];
}

const data = workerData as VerifyWorkerData;
const certs = CertStore.load(data.caCert, data.identities, loadRegistry(data.registry));
parentPort!.postMessage(await benchVerify(certs, data.envelopes));
