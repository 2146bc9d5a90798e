/** Federation's schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { HANDOFF_KINDS } from '../rules/messages.js';
import { HANDOFF_STATES } from '../store/handoffs.js';

const cityCode = { type: 'string', pattern: '^[a-z][a-z0-9]{0,15}$' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const reason = { type: 'string', minLength: 1, maxLength: 500 } as const;

export const peerSchema = {
  type: 'object',
  required: [
    'code',
    'name',
    'kind',
    'baseUrl',
    'places',
    'shareIdentity',
    'keys',
    'keysFetchedAt',
    'registeredAt',
  ],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['city', 'department'] },
    baseUrl: { type: 'string' },
    places: { type: 'array', items: { type: 'string' } },
    shareIdentity: {
      type: 'boolean',
      description: 'whether names, phones and ID numbers travel (else pseudonyms only)',
    },
    keys: { type: 'array', items: { type: 'string' }, description: 'the key ids of its published keys' },
    keysFetchedAt: nullableInstant,
    registeredAt: instant,
  },
} as const;

export const peerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'baseUrl'],
  properties: {
    code: cityCode,
    name: { type: 'string', minLength: 1, maxLength: 100 },
    kind: { type: 'string', enum: ['city', 'department'] },
    baseUrl: { type: 'string', minLength: 8, maxLength: 500 },
    places: { type: 'array', minItems: 1, maxItems: 200, items: placePath },
    shareIdentity: { type: 'boolean' },
    jwks: {
      type: 'object',
      required: ['keys'],
      properties: {
        keys: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: { type: 'object', additionalProperties: true },
        },
      },
      description: "the peer's keys, when they are not read from <baseUrl>/.well-known/jwks.json",
    },
  },
} as const;

export const sendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['peer', 'kind', 'homePlace', 'reason'],
  properties: {
    peer: cityCode,
    kind: { type: 'string', enum: HANDOFF_KINDS },
    caseId: { type: 'string', format: 'uuid' },
    companionId: { type: 'integer', minimum: 1, maximum: 9_007_199_254_740_991 },
    personId: { type: 'string', format: 'uuid' },
    homePlace: placePath,
    reason,
    purpose: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const readQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    purpose: { type: 'string', minLength: 1, maxLength: 200, description: 'why you read it (audited)' },
  },
} as const;

const person = {
  type: 'object',
  required: ['ref'],
  properties: {
    ref: { type: 'string' },
    name: { type: 'string' },
    phone: { type: 'string' },
    idNumber: { type: 'string' },
  },
} as const;

const delivery = {
  type: 'object',
  required: ['type', 'attempts', 'nextAt', 'deliveredAt', 'refused', 'lastError'],
  properties: {
    type: { type: 'string', enum: ['handoff', 'decision'] },
    attempts: { type: 'integer' },
    nextAt: instant,
    deliveredAt: nullableInstant,
    refused: { type: ['string', 'null'] },
    lastError: { type: ['string', 'null'] },
  },
} as const;

const auditRow = {
  type: 'object',
  required: ['at', 'actor', 'action', 'reason'],
  properties: {
    at: instant,
    actor: { type: 'string' },
    action: { type: 'string' },
    reason: { type: ['string', 'null'] },
  },
} as const;

const handoffProperties = {
  id: { type: 'string', format: 'uuid' },
  direction: { type: 'string', enum: ['out', 'in'] },
  peer: { type: 'string' },
  peerName: { type: 'string' },
  kind: { type: 'string', enum: HANDOFF_KINDS },
  state: { type: 'string', enum: HANDOFF_STATES },
  homePlace: { type: 'string' },
  reason: { type: 'string' },
  purpose: { type: ['string', 'null'] },
  person,
  evidence: { type: 'object', additionalProperties: true },
  decisionReason: { type: ['string', 'null'] },
  decidedAt: nullableInstant,
  caseId: { type: ['string', 'null'] },
  personId: { type: ['string', 'null'] },
  companionId: { type: ['integer', 'null'] },
  createdAt: instant,
  updatedAt: instant,
} as const;

export const handoffSchema = {
  type: 'object',
  required: Object.keys(handoffProperties),
  properties: handoffProperties,
} as const;

export const handoffViewSchema = {
  type: 'object',
  required: [...Object.keys(handoffProperties), 'deliveries', 'trail', 'reads'],
  properties: {
    ...handoffProperties,
    deliveries: { type: 'array', items: delivery },
    trail: { type: 'array', items: auditRow },
    reads: {
      type: 'object',
      required: ['total', 'last'],
      properties: {
        total: { type: 'integer' },
        last: {
          type: 'array',
          items: {
            type: 'object',
            required: ['at', 'actor', 'purpose'],
            properties: { at: instant, actor: { type: 'string' }, purpose: { type: ['string', 'null'] } },
          },
        },
      },
    },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    direction: { type: 'string', enum: ['out', 'in'] },
    state: { type: 'string', enum: HANDOFF_STATES },
    peer: cityCode,
    caseId: { type: 'string', format: 'uuid' },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
  },
} as const;

export const messageBody = {
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: { message: { type: 'string', minLength: 1, maxLength: 65_536, description: 'a compact JWS' } },
} as const;

export const receivedSchema = {
  type: 'object',
  required: ['type', 'id', 'state'],
  properties: {
    type: { type: 'string', enum: ['handoff', 'decision'] },
    id: { type: 'string', format: 'uuid' },
    state: { type: 'string' },
  },
} as const;

export const acceptBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason },
} as const;

export const rejectBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason },
} as const;
