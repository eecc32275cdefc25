import type { KV } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { CompactTree, toHex } from '@samenhang/merkle';

/** What the audit service keeps between restarts: O(log n) plus the leaves not yet checkpointed. */
export interface LogState {
  readonly size: number;
  readonly ranges: readonly string[];
  /** Stream sequence of the last record appended: a redelivery at or below it is skipped. */
  readonly lastSeq: number;
  /** Leaf hash (hex) of the record at `lastSeq`, to check the state against the stream (state-check.ts). */
  readonly lastLeaf?: string;
  readonly pending: readonly string[];
  readonly checkpoint: { readonly treeSize: number; readonly rootHash: string } | null;
  /** The JWS of `checkpoint` when it was claimed but is not yet known to be on the stream. */
  readonly unpublished?: string;
}

const KEY = 'log';
export const EMPTY_LOG: LogState = { size: 0, ranges: [], lastSeq: 0, pending: [], checkpoint: null };
const enc = (s: LogState) => new TextEncoder().encode(JSON.stringify(s));

export class LogStore {
  private revision = 0;
  constructor(private readonly kv: KV) {}

  async load(): Promise<LogState> {
    const e = await this.kv.get(KEY);
    this.revision = e?.revision ?? 0;
    // No state (never written, or removed by an operator to rebuild it): the tree is built again from the stream.
    if (e?.operation !== 'PUT') return EMPTY_LOG;
    this.revision = e.revision;
    try {
      const s = JSON.parse(new TextDecoder().decode(e.value)) as LogState;
      if (
        Number.isSafeInteger(s.size) &&
        Number.isSafeInteger(s.lastSeq) &&
        Array.isArray(s.ranges) &&
        Array.isArray(s.pending)
      )
        return s;
    } catch {
      // fall through: not a state this service wrote
    }
    throw new SamenhangError(
      'ERR_AUDIT_STATE',
      `the audit log state (revision ${e.revision}) is not one the audit service wrote`,
    );
  }

  /** Compare-and-set: a second audit instance cannot interleave appends unnoticed. */
  async save(state: LogState): Promise<void> {
    this.revision =
      this.revision === 0
        ? await this.kv.create(KEY, enc(state))
        : await this.kv.update(KEY, enc(state), this.revision);
  }
}

export function appendLeaf(state: LogState, seq: number, leaf: Uint8Array): LogState {
  const tree = CompactTree.fromState(state);
  tree.append(leaf);
  const hex = toHex(leaf);
  return { ...state, ...tree.state(), lastSeq: seq, lastLeaf: hex, pending: [...state.pending, hex] };
}

export function rootOf(state: LogState): string {
  return toHex(CompactTree.fromState(state).root());
}
