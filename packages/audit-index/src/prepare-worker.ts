import { parentPort } from 'node:worker_threads';
import { prepare } from './prepare.js';
import type { PrepareRequest, PrepareReply } from './preparer.js';

/**
 * The worker thread of a long catch-up: prepares each batch it is sent (prepare.ts) while
 * the store writes the one before. The leaf hashes come back in one buffer, so a batch's
 * reply copies a few objects and one block of bytes, not a buffer per record.
 */
parentPort?.on('message', (m: PrepareRequest) => {
  const hashes = new Uint8Array(32 * m.seqs.length);
  const prepared = m.seqs.map((seq, i) => {
    const data = new Uint8Array(m.bytes, m.offsets[i]!, m.offsets[i + 1]! - m.offsets[i]!);
    const p = prepare({ seq, subject: m.subjects[i]!, data });
    if ('checkpoint' in p) return p;
    hashes.set(p.hash, 32 * i);
    return { ...p, hash: null };
  });
  const reply: PrepareReply = { id: m.id, prepared: JSON.stringify(prepared), hashes: hashes.buffer };
  parentPort?.postMessage(reply, [hashes.buffer]);
});
