import { CHECKPOINT_SUBJECT } from '@samenhang/audit-log';
import { leafHash, toHex } from '@samenhang/merkle';
import type { LogState } from './log-state.js';

/** The AUDIT stream as the check needs it: the message at a sequence, or undefined where there is none. */
export type StreamAt = (seq: number) => Promise<{ subject: string; data: Uint8Array } | undefined>;

/**
 * Whether the log state and the stream agree: the record the state says it appended last
 * is on the stream at that sequence, with the same leaf hash. Undefined when they agree,
 * else why not, in words for the log and for `samenhang health`.
 *
 * The state is the audit service's only memory of what it appended; if someone overwrote it
 * (a larger `lastSeq` makes every record look appended already) or rolled the stream back
 * under it, appending on would acknowledge records that never reach the log, while
 * checkpoints went on being signed. So a disagreement stops appending instead.
 */
export async function stateDisagreement(state: LogState, at: StreamAt): Promise<string | undefined> {
  if (state.lastSeq === 0)
    return state.size === 0 ? undefined : `the log state holds ${state.size} records but no last stream sequence`;
  const m = await at(state.lastSeq);
  if (!m)
    return `the AUDIT stream has no message at sequence ${state.lastSeq}, the log's last record (stream rolled back or state overwritten)`;
  if (m.subject === CHECKPOINT_SUBJECT)
    return `sequence ${state.lastSeq}, the log's last record, is a checkpoint on the stream`;
  if (state.lastLeaf !== undefined && toHex(leafHash(m.data)) !== state.lastLeaf) {
    return `the record at sequence ${state.lastSeq} is not the one the log appended (stream rewritten or state overwritten)`;
  }
  return undefined;
}
