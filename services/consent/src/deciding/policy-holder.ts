import { SamenhangError } from '@samenhang/errors';
import { loadDefaultPolicy, loadPolicy, type LoadedPolicy } from '@samenhang/policy';

/**
 * The policy in force, or why there is none. Without a valid policy the service
 * keeps running and decides every signal DENY under R0 (fail closed).
 */
export interface PolicyHolder {
  readonly policy: LoadedPolicy | undefined;
  readonly problem: string | undefined;
}

export function holdPolicy(file: string | undefined, pin: string | undefined): PolicyHolder {
  try {
    return { policy: file ? loadPolicy(file, pin) : loadDefaultPolicy(), problem: undefined };
  } catch (e) {
    const code = e instanceof SamenhangError ? e.code : 'ERR_POLICY_INVALID';
    return { policy: undefined, problem: `${code}: ${(e as Error).message}` };
  }
}
