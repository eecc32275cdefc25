import { readFileSync } from 'node:fs';
import { compileValidator } from '@samenhang/config';
import { PERSON_ROLES, type PersonRole } from '@samenhang/pki';

export interface DevUser {
  readonly login: string;
  /** A participant of the registry (or broker-admin for the operator). */
  readonly organisation: string;
  readonly role: PersonRole;
  /** A made-up name: the console's staff list shows it, so a coordinator can pick a colleague. */
  readonly name: string;
}

const ID = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' };
const validate = compileValidator<{ users: DevUser[] }>(
  {
    type: 'object',
    additionalProperties: false,
    required: ['users'],
    properties: {
      $comment: { type: 'string' },
      users: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['login', 'organisation', 'role', 'name'],
          properties: {
            login: ID,
            organisation: ID,
            role: { enum: [...PERSON_ROLES] },
            name: { type: 'string', minLength: 1, maxLength: 120 },
          },
        },
      },
    },
  },
  'development users',
);

/** The named test users, validated once and frozen. */
export function loadUsers(file: string): ReadonlyMap<string, DevUser> {
  const { users } = validate(JSON.parse(readFileSync(file, 'utf8')));
  return new Map(users.map((u) => [u.login, u]));
}
