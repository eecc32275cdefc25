import type { PersonRole } from '@samenhang/pki';
import type { SealedKv } from './sealed-kv.js';

/** A member of staff as the console knows them: a pseudonymous id, their name and role. */
export interface StaffMember {
  readonly id: string;
  readonly organisation: string;
  readonly role: PersonRole;
  readonly name: string;
}

const keyOf = (organisation: string, personId: string) => `${organisation}.${personId.replace(/^person:/, '')}`;

/**
 * The people who signed in, per organisation, so a coordinator can assign a family to a
 * named colleague. Filled at sign-in from the provider's name claim and sealed at rest; the
 * bucket forgets whoever has not signed in for its time to live (topology), so someone who
 * left drops off the list by themselves. The audit log names people by id only.
 */
export class People {
  constructor(private readonly store: SealedKv<StaffMember>) {}

  async signedIn(member: StaffMember): Promise<void> {
    await this.store.put(keyOf(member.organisation, member.id), member);
  }

  async of(organisation: string): Promise<StaffMember[]> {
    const all = await this.store.under(organisation);
    return all.filter((m) => m.organisation === organisation).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  async get(organisation: string, personId: string): Promise<StaffMember | undefined> {
    const m = await this.store.get(keyOf(organisation, personId));
    return m?.organisation === organisation ? m : undefined;
  }
}
