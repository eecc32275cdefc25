import { type AuditMeasureInput, measureAuditLog } from './audit-measure.js';

/**
 * The process `bench audit` measures in: started with the node options the console runs
 * with (its heap cap), told what to measure over IPC, and replying with the figures, so its
 * peak resident memory is that of the work measured, not of making the log.
 */
process.once('message', (input: AuditMeasureInput) => {
  measureAuditLog(input).then(
    (figures) => process.send?.({ figures }, undefined, {}, () => process.exit(0)),
    (e: unknown) => process.send?.({ error: (e as Error).stack ?? String(e) }, undefined, {}, () => process.exit(1)),
  );
});
