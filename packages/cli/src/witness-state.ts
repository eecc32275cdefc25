import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifierKey } from '@samenhang/audit-log';
import { SamenhangError } from '@samenhang/errors';
import { usageError } from './output.js';

/** C2SP's signature type of a timestamped Ed25519 cosignature. */
const COSIGNER = 0x04;

/**
 * A witness's own state, in a directory of its own (an agency's privacy officer's machine,
 * never the broker's home): its Ed25519 key, its name, its verifier key to hand to others,
 * and the last checkpoint it cosigned.
 */
const files = (dir: string) => ({
  key: join(dir, 'witness.key'),
  name: join(dir, 'witness.name'),
  vkey: join(dir, 'witness.vkey'),
  cosigned: join(dir, 'cosigned.note'),
});

export function loadWitness(
  dir: string,
  name: string | undefined,
): { name: string; key: KeyObject; previous?: string } {
  const f = files(dir);
  if (!existsSync(f.key)) {
    if (!name) throw usageError(`${dir} holds no witness yet: give it a --name (e.g. witness.politie.example/1)`);
    if (!/^[A-Za-z0-9.\-_/]{1,200}$/.test(name)) throw usageError('--name: letters, digits and . - _ / only');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(f.key, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    writeFileSync(f.name, `${name}\n`);
    writeFileSync(f.vkey, `${verifierKey(name, privateKey, COSIGNER)}\n`);
  }
  const saved = readFileSync(f.name, 'utf8').trim();
  if (name && name !== saved) throw usageError(`${dir} is the witness ${saved}, not ${name}`);
  const key = createPrivateKey(readFileSync(f.key));
  return existsSync(f.cosigned)
    ? { name: saved, key, previous: readFileSync(f.cosigned, 'utf8') }
    : { name: saved, key };
}

export function saveCosigned(dir: string, note: string): void {
  writeFileSync(files(dir).cosigned, note);
}

/** The last note a witness cosigned, as it hands it to whoever verifies (its key they hold already). */
export function cosignedNote(dir: string): string {
  try {
    return readFileSync(files(dir).cosigned, 'utf8');
  } catch (cause) {
    throw new SamenhangError('ERR_INPUT_INVALID', `${dir} holds no cosigned checkpoint of a witness`, { cause });
  }
}
