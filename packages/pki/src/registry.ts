import { readFileSync } from 'node:fs';
import { compileValidator } from '@samenhang/config';
import { SamenhangError } from '@samenhang/errors';

export const PARTICIPANT_KINDS = [
  'POLICE',
  'MENTAL_HEALTH',
  'LOCAL_TEAM',
  'RVT',
  'JUSTICE',
  'PRIVACY_OFFICER',
  // The broker's operators: no rights on the broker's subjects; in the console, health without personal data.
  'OPERATOR',
  // The reform programme's analysts: no rights on the broker's subjects; in the console, learning figures without personal data.
  'PROGRAMME_OFFICE',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export interface Participant {
  readonly id: string;
  readonly kind: ParticipantKind;
  /** Regions this participant may publish about; "all" for national agencies. */
  readonly regions: readonly string[] | 'all';
  readonly displayName: string;
  /**
   * Agencies whose signals this participant may register consent or an objection for,
   * besides its own (none unless named): a role that answers for others must be granted.
   */
  readonly consentFor?: readonly string[];
  /** Where its people sign in to the console (OpenID Connect), and how their claims map to roles. */
  readonly identityProvider?: IdentityProvider;
}

/** What a person may be in the console; one table of what each may do: services/console/src/access/roles.ts. */
export const PERSON_ROLES = [
  'rvt-worker',
  'rvt-coordinator',
  'privacy-officer',
  'agency-privacy-officer',
  'operator',
  'programme-analyst',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface IdentityProvider {
  /** The provider's issuer URL; `embedded`: the development identity provider `samenhang up` starts. */
  readonly issuer: string;
  /** The claim that names the person's role, and which of its values is which role (others: no access). */
  readonly roleClaim: string;
  readonly roles: Readonly<Record<string, PersonRole>>;
  /**
   * The console's client id at this provider (required for any but the embedded one); its
   * secret is the home's, in keys/idp-clients.json, never in the registry.
   */
  readonly clientId?: string;
  /**
   * For a provider several organisations share (the development one): the claim naming the
   * organisation, which must be this participant. Without it, everyone the provider signs in
   * belongs to this participant.
   */
  readonly organisationClaim?: string;
}

/**
 * `responder`: the consent service's second identity, which answers picture requests and
 * may publish nothing but into the inboxes of those who may ask (docs/security.md).
 */
export const SERVICE_ROLES = ['gateway', 'consent', 'responder', 'audit', 'console', 'admin'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

export interface ServiceIdentity {
  readonly id: string;
  readonly role: ServiceRole;
}

export interface Registry {
  readonly version: 1;
  readonly trustDomain: string;
  readonly regions: readonly string[];
  readonly participants: readonly Participant[];
  readonly services: readonly ServiceIdentity[];
}

const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' };

export const registrySchema = {
  $id: 'https://samenhang.dev/schemas/registry.v1.json',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'trustDomain', 'regions', 'participants', 'services'],
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    trustDomain: { type: 'string', pattern: '^[a-z0-9.-]+$' },
    regions: { type: 'array', minItems: 1, uniqueItems: true, items: ID },
    participants: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'regions', 'displayName'],
        properties: {
          id: ID,
          kind: { enum: [...PARTICIPANT_KINDS] },
          regions: { oneOf: [{ const: 'all' }, { type: 'array', uniqueItems: true, items: ID }] },
          displayName: { type: 'string', minLength: 1, maxLength: 200 },
          consentFor: { type: 'array', uniqueItems: true, items: ID },
          identityProvider: {
            type: 'object',
            additionalProperties: false,
            required: ['issuer', 'roleClaim', 'roles'],
            // An organisation's own provider knows the console by the client id it registered.
            anyOf: [
              { required: ['issuer'], properties: { issuer: { const: 'embedded' } } },
              { required: ['clientId'], properties: { clientId: { type: 'string' } } },
            ],
            properties: {
              issuer: { type: 'string', pattern: '^(embedded|https://[^\\s]+)$' },
              clientId: { type: 'string', minLength: 1, maxLength: 200 },
              roleClaim: { type: 'string', minLength: 1, maxLength: 100 },
              roles: {
                type: 'object',
                minProperties: 1,
                additionalProperties: { enum: [...PERSON_ROLES] },
              },
              organisationClaim: { type: 'string', minLength: 1, maxLength: 100 },
            },
          },
        },
      },
    },
    services: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'role'],
        properties: { id: ID, role: { enum: [...SERVICE_ROLES] } },
      },
    },
  },
};

const validateRegistry = compileValidator<Registry>(registrySchema, 'participant registry', 'ERR_REGISTRY_INVALID');

/** Validates a registry: schema first, then cross-references (unique ids, known regions). */
export function parseRegistry(value: unknown): Registry {
  const registry = validateRegistry(value);
  const ids = new Set<string>();
  for (const [i, p] of [...registry.participants, ...registry.services].entries()) {
    if (ids.has(p.id)) {
      throw new SamenhangError('ERR_REGISTRY_INVALID', `participant registry is invalid: duplicate id at entry ${i}`, {
        path: `/participants/${i}/id`,
      });
    }
    ids.add(p.id);
  }
  registry.participants.forEach((p, i) => {
    p.consentFor?.forEach((a, j) => {
      if (!registry.participants.some((q) => q.id === a)) {
        throw new SamenhangError(
          'ERR_REGISTRY_INVALID',
          `participant registry is invalid: /participants/${i}/consentFor/${j} is not a participant`,
          {
            path: `/participants/${i}/consentFor/${j}`,
          },
        );
      }
    });
    if (p.regions === 'all') return;
    p.regions.forEach((r, j) => {
      if (!registry.regions.includes(r)) {
        throw new SamenhangError(
          'ERR_REGISTRY_INVALID',
          `participant registry is invalid: /participants/${i}/regions/${j} is not a known region`,
          {
            path: `/participants/${i}/regions/${j}`,
          },
        );
      }
    });
  });
  return registry;
}

export function loadRegistry(file: string): Registry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new SamenhangError('ERR_REGISTRY_INVALID', `participant registry ${file} cannot be read as JSON`, { cause });
  }
  return parseRegistry(raw);
}

export function findParticipant(registry: Registry, id: string): Participant | undefined {
  return registry.participants.find((p) => p.id === id);
}

/** The agencies whose signals `p` may register consent or an objection for: its own, and what the registry grants. */
export function consentAuthorityOf(p: Participant): readonly string[] {
  return [p.id, ...(p.consentFor ?? [])];
}

export function mayPublishForRegion(p: Participant, region: string): boolean {
  return p.regions === 'all' || p.regions.includes(region);
}

/** The RVT participant of a region, by convention `rvt-<region>`. */
export function rvtOf(registry: Registry, region: string): Participant | undefined {
  return registry.participants.find((p) => p.kind === 'RVT' && p.regions !== 'all' && p.regions.includes(region));
}
