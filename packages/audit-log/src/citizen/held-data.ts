import { SamenhangError } from '@samenhang/errors';
import type { DecisionRecord } from '@samenhang/decision';
import type { AuditRecords } from '../reports.js';
import { concerning, signalOf } from './concerning.js';
import type { HeldAddress, HeldData } from './model.js';

/** The reads of @samenhang/vault's Vault this needs (its shape: the log package does not depend on the vault). */
export interface VaultReader {
  getPerson(pseudonym: string): Promise<{ readonly name: string; readonly birthDate: string } | undefined>;
  getSignalContent(
    ref: string,
    subjectPseudonym: string,
  ): Promise<{ readonly summary: string; readonly address: HeldAddress } | undefined>;
}

/**
 * An erased person's data key is gone (crypto-shredding): what was sealed under it reads as
 * not held. Any other failure is an error: a report that silently shows less is wrong.
 */
function erasedIsAbsent(e: unknown): undefined {
  if (e instanceof SamenhangError && (e.code === 'ERR_VAULT_KEY_MISSING' || e.code === 'ERR_VAULT_DECRYPT'))
    return undefined;
  throw e;
}

/**
 * Reads what the vault holds of the person: their own record, and the sealed content of the
 * signals they are the subject of (a related person's copy is their own record only: the
 * signal's text is about someone else). `refOf` is the signal's vault reference
 * (@samenhang/topology's signalKey).
 */
export async function readHeldData(
  vault: VaultReader,
  records: AuditRecords,
  person: string,
  refOf: (agency: string, signalId: string) => string,
): Promise<HeldData> {
  const own = concerning(records, person).signals.filter((d: DecisionRecord) => d.subjectPseudonym === person);
  const [record, ...contents] = await Promise.all([
    vault.getPerson(person).catch(erasedIsAbsent),
    ...own.map((d) => vault.getSignalContent(refOf(d.sourceAgency, d.signalId), person).catch(erasedIsAbsent)),
  ]);
  const content = new Map<string, { summary: string; address: HeldAddress }>();
  own.forEach((d, i) => {
    const c = contents[i] as { summary: string; address: HeldAddress } | undefined;
    if (c) content.set(signalOf(d), { summary: c.summary, address: c.address });
  });
  return { ...(record ? { person: { name: record.name, birthDate: record.birthDate } } : {}), content };
}
