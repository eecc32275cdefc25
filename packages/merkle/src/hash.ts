import { createHash, hash } from 'node:crypto';

const LEAF = Uint8Array.of(0);
/** The prefixed bytes are put together here, not in a new buffer per hash (hashing is synchronous). */
const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * RFC 9162 §2.1.1: leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right).
 * One-shot `crypto.hash` over the prefixed bytes: a hash object per call cost about as much
 * as hashing a whole record (audit verify hashes two per record).
 */
export function leafHash(data: Uint8Array): Uint8Array {
  if (data.length >= scratch.length) return hash('sha256', Buffer.concat([LEAF, data]), 'buffer');
  scratch[0] = 0;
  scratch.set(data, 1);
  return hash('sha256', scratch.subarray(0, data.length + 1), 'buffer');
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  scratch[0] = 1;
  scratch.set(left, 1);
  scratch.set(right, 1 + left.length);
  return hash('sha256', scratch.subarray(0, 1 + left.length + right.length), 'buffer');
}

/** The hash of an empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = createHash('sha256').digest();

export const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const fromHex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'hex'));

export function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree. */
export function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
