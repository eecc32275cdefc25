import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '@samenhang/canonical';
import { compileValidator } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';
import { policySchema } from './schema.js';
import type { LoadedPolicy, Policy } from './types.js';

const validate = compileValidator<Policy>(policySchema, 'policy', 'ERR_POLICY_INVALID');

const here = dirname(fileURLToPath(import.meta.url));
/** The default policy shipped with Samenhang and the digest it is pinned to. */
export const DEFAULT_POLICY_FILE = join(here, '..', 'policies', 'default.json');
export const DEFAULT_POLICY_PIN_FILE = join(here, '..', 'policies', 'default.sha256');

/** Checks what the schema cannot: references between rules, precedence and the fail-closed rule. */
function checkReferences(p: Policy): void {
  const ids = new Set<string>();
  p.rules.forEach((r, i) => {
    if (ids.has(r.id))
      throw new SamenhangError('ERR_POLICY_INVALID', `policy is invalid: duplicate rule id at /rules/${i}/id`, {
        path: `/rules/${i}/id`,
      });
    ids.add(r.id);
    if (r.outcome === 'DISCLOSE' && !r.fields?.length) {
      throw new SamenhangError('ERR_POLICY_INVALID', `policy is invalid: /rules/${i} discloses but lists no fields`, {
        path: `/rules/${i}/fields`,
      });
    }
  });
  p.precedence.forEach((id, i) => {
    if (!ids.has(id))
      throw new SamenhangError('ERR_POLICY_INVALID', `policy is invalid: /precedence/${i} names no rule`, {
        path: `/precedence/${i}`,
      });
  });
  const unordered = p.rules.filter((r) => !p.precedence.includes(r.id));
  if (unordered.length > 0) {
    throw new SamenhangError(
      'ERR_POLICY_INVALID',
      `policy is invalid: rule ${unordered[0]!.id} is missing from /precedence`,
      { path: '/precedence' },
    );
  }
}

/**
 * Parses policy bytes: JSON, schema, references, and — when a pin is given —
 * the SHA-256 of the exact bytes. Any failure throws ERR_POLICY_INVALID, which
 * callers turn into "disclose nothing" (fail closed).
 */
export function parsePolicy(bytes: Uint8Array | string, expectedSha256?: string): LoadedPolicy {
  const digest = sha256Hex(bytes);
  if (expectedSha256 !== undefined && digest !== expectedSha256.trim().toLowerCase()) {
    throw new SamenhangError(
      'ERR_POLICY_INVALID',
      `policy digest ${digest} does not match the pinned ${expectedSha256.trim()}`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_POLICY_INVALID', 'policy is not valid JSON', { cause });
  }
  const policy = validate(raw);
  checkReferences(policy);
  return Object.freeze({ ...policy, digest });
}

export function loadPolicy(file: string, expectedSha256?: string): LoadedPolicy {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new SamenhangError('ERR_POLICY_INVALID', `policy file ${file} cannot be read`, { cause });
  }
  return parsePolicy(bytes, expectedSha256);
}

/** The shipped default policy, checked against its pinned digest. */
export function loadDefaultPolicy(): LoadedPolicy {
  return loadPolicy(DEFAULT_POLICY_FILE, readFileSync(DEFAULT_POLICY_PIN_FILE, 'utf8'));
}
