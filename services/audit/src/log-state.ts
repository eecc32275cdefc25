import type { KV } from 'nats';
import { CompactTree, toHex } from '@samenhang/merkle';

/** What the audit service keeps between restarts: O(log n) plus the leaves not yet checkpointed. */
export interface LogState {
  readonly size: number;
  readonly ranges: readonly string[];
  /** Stream sequence of the last record appended: a redelivery at or below it is skipped. */
  readonly lastSeq: number;
  readonly pending: readonly string[];
  readonly checkpoint: { readonly treeSize: number; readonly rootHash: string } | null;
  /** The JWS of `checkpoint` when it was claimed but is not yet known to be on the stream. */
  readonly unpublished?: string;
}

const KEY = 'log';
const enc = (s: LogState) => new TextEncoder().encode(JSON.stringify(s));

export class LogStore {
  private revision = 0;
  constructor(private readonly kv: KV) {}

  async load(): Promise<LogState> {
    const e = await this.kv.get(KEY);
    if (!e || e.operation !== 'PUT') return { size: 0, ranges: [], lastSeq: 0, pending: [], checkpoint: null };
    this.revision = e.revision;
    return JSON.parse(new TextDecoder().decode(e.value)) as LogState;
  }

  /** Compare-and-set: a second audit instance cannot interleave appends unnoticed. */
  async save(state: LogState): Promise<void> {
    this.revision = this.revision === 0 ? await this.kv.create(KEY, enc(state)) : await this.kv.update(KEY, enc(state), this.revision);
  }
}

export function appendLeaf(state: LogState, seq: number, leaf: Uint8Array): LogState {
  const tree = CompactTree.fromState(state);
  tree.append(leaf);
  return { ...state, ...tree.state(), lastSeq: seq, pending: [...state.pending, toHex(leaf)] };
}

export function rootOf(state: LogState): string {
  return toHex(CompactTree.fromState(state).root());
}
