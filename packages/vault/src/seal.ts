import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';
import { SamenhangError } from '@samenhang/errors';

const VERSION = 1;
const IV = 12;
const TAG = 16;

/**
 * AES-256-GCM with a random 96-bit IV. The AAD binds a ciphertext to the record it
 * belongs to, so ciphertexts cannot be swapped between records unnoticed.
 * Layout: version(1) | iv(12) | tag(16) | ciphertext.
 */
export function seal(key: Uint8Array, aad: string, plaintext: Uint8Array): Uint8Array {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ct]);
}

/**
 * IVs are cut from a block of random bytes drawn 256 at a time, each handed out once:
 * one randomFillSync per 12 bytes cost the gateway more than 3 % of its CPU
 * (docs/history/performance-rounds.md). The bytes are the same CSPRNG's either way.
 */
const IV_BLOCK = IV * 256;
let ivs = Buffer.alloc(0);
let ivAt = 0;
function freshIv(): Buffer {
  if (ivAt + IV > ivs.length) {
    ivs = randomFillSync(Buffer.allocUnsafeSlow(IV_BLOCK));
    ivAt = 0;
  }
  const iv = ivs.subarray(ivAt, ivAt + IV);
  ivAt += IV;
  return iv;
}

/**
 * The plaintext in bytes of its own. Why a copy: `Buffer.concat` of a small result is a
 * view into Node's shared 8 KB pool, and a remembered 32-byte data key would keep its
 * whole 8 KB block alive (40,000 remembered keys: up to hundreds of MB outside the heap).
 */
export function open(key: Uint8Array, aad: string, sealed: Uint8Array): Uint8Array {
  try {
    const buf = Buffer.from(sealed);
    if (buf[0] !== VERSION || buf.length < 1 + IV + TAG)
      throw new SamenhangError('ERR_VAULT_DECRYPT', 'unknown format');
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + IV));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(buf.subarray(1 + IV, 1 + IV + TAG));
    return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(1 + IV + TAG)), decipher.final()]));
  } catch (cause) {
    throw new SamenhangError('ERR_VAULT_DECRYPT', 'vault record cannot be decrypted', { cause });
  }
}
