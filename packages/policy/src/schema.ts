import { CONSENT_STATES, DISCLOSABLE_FIELDS, OUTCOMES, SEVERITIES } from './types.js';

const str = { type: 'string', minLength: 1 };
const strs = { type: 'array', items: str, uniqueItems: true };
const condition = {
  type: 'object',
  additionalProperties: false,
  properties: {
    agencyKinds: strs,
    categories: strs,
    severities: { type: 'array', items: { enum: [...SEVERITIES] }, uniqueItems: true },
    severityAtLeast: { enum: [...SEVERITIES] },
    meldcodeDecision: { type: 'boolean' },
    sourceIsRecipient: { type: 'boolean' },
    consent: { type: 'array', items: { enum: [...CONSENT_STATES] }, uniqueItems: true },
    expired: { type: 'boolean' },
  },
};
const fields = { type: 'array', items: { enum: [...DISCLOSABLE_FIELDS] }, uniqueItems: true };

/** JSON schema of a policy file, published as docs/schemas/policy.v1.json. */
export const policySchema = {
  $id: 'https://samenhang.dev/schemas/policy.v1.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'policyVersion',
    'purpose',
    'agencyKinds',
    'categories',
    'precedence',
    'failClosed',
    'rules',
    'indexFields',
    'minimisation',
    'retention',
    'alert',
    'linking',
  ],
  properties: {
    $schema: { type: 'string' },
    policyVersion: str,
    purpose: str,
    agencyKinds: strs,
    categories: strs,
    precedence: { type: 'array', items: str, uniqueItems: true, minItems: 1 },
    failClosed: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'citation'],
      properties: { id: str, citation: str },
    },
    rules: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'when', 'outcome', 'citation', 'assumption'],
        properties: {
          id: { type: 'string', pattern: '^R[0-9]+$' },
          title: str,
          when: condition,
          outcome: { enum: [...OUTCOMES] },
          discloseWhen: condition,
          fields,
          indexFields: fields,
          explanation: {
            type: 'object',
            additionalProperties: false,
            required: ['nl', 'en'],
            properties: { nl: str, en: str },
          },
          obligation: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'dueHours', 'description'],
            properties: {
              type: { type: 'string', pattern: '^[A-Z0-9_]+$' },
              dueHours: { type: 'number', exclusiveMinimum: 0 },
              description: str,
            },
          },
          citation: str,
          assumption: { type: 'boolean' },
          assumptionNote: str,
        },
      },
    },
    indexFields: fields,
    minimisation: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'citation', 'keepRelatedPersonsWhen', 'neverDisclose'],
      properties: {
        id: str,
        citation: str,
        keepRelatedPersonsWhen: { type: 'array', items: condition },
        neverDisclose: fields,
      },
    },
    retention: {
      type: 'object',
      additionalProperties: false,
      required: ['defaultMonths', 'byCategory'],
      properties: {
        defaultMonths: { type: 'integer', minimum: 1, maximum: 240 },
        byCategory: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 240 } },
      },
    },
    alert: {
      type: 'object',
      additionalProperties: false,
      required: ['onAcute', 'minDistinctAgencies', 'windowDays', 'minSignals'],
      properties: {
        onAcute: { type: 'boolean' },
        minDistinctAgencies: { type: 'integer', minimum: 1 },
        windowDays: { type: 'integer', minimum: 1 },
        minSignals: {
          type: 'object',
          additionalProperties: false,
          required: ['count', 'severityAtLeast'],
          properties: { count: { type: 'integer', minimum: 1 }, severityAtLeast: { enum: [...SEVERITIES] } },
        },
      },
    },
    linking: {
      type: 'object',
      additionalProperties: false,
      required: ['maxPersonsPerAddress'],
      properties: { maxPersonsPerAddress: { type: 'integer', minimum: 1 } },
    },
  },
};
