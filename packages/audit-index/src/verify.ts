import type { X509Certificate } from 'node:crypto';
import { CHECKPOINT_SUBJECT, LogVerifier, type LogEntry, type VerifyReport } from '@samenhang/audit-log';
import { IndexComparer, type IndexComparison } from './compare.js';
import type { AuditIndex } from './store.js';

/**
 * Verifies the log as it is read (once, in memory that does not grow with it) and compares
 * the index with it row by row in the same pass, with the leaf hashes the verification
 * computed anyway.
 */
export async function verifyWithIndex(
  entries: Iterable<LogEntry> | AsyncIterable<LogEntry>,
  trust: { ca: X509Certificate; trustDomain: string },
  remembered: { treeSize: number; rootHash: string } | null,
  index: AuditIndex,
): Promise<{ report: VerifyReport; index: IndexComparison }> {
  const verifier = new LogVerifier(trust, remembered);
  const comparer = new IndexComparer(index);
  try {
    const take = (e: LogEntry) => {
      if (e.subject === CHECKPOINT_SUBJECT) return verifier.checkpoint(e);
      comparer.add(verifier.record(e), e);
      return undefined;
    };
    // Records synchronously where the entries allow it: only checkpoints wait.
    if (Symbol.iterator in entries)
      for (const e of entries) {
        await take(e);
        if (verifier.failed) break;
      }
    else
      for await (const e of entries) {
        await take(e);
        if (verifier.failed) break;
      }
    return { report: await verifier.report(), index: comparer.report() };
  } finally {
    comparer.close();
    await verifier.close();
  }
}
