/** Mutual aid's schemas, written once: validation, types and the OpenAPI document. */
import { SKILLS } from '@renxing/modules/volunteers';
import { UNMATCHED_REASONS } from '../rules/match-types.js';

const instant = { type: 'string', format: 'date-time' } as const;
const maybeInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

export const REQUEST_STATES = ['open', 'matched', 'accepted', 'done', 'cancelled', 'expired'] as const;
export const OFFER_STATES = ['offered', 'accepted', 'declined', 'expired', 'done', 'cancelled'] as const;

export const need = {
  type: 'string',
  enum: SKILLS,
  description: 'one skill of the city vocabulary',
} as const;
export const urgency = { type: 'string', enum: ['urgent', 'normal'] } as const;

const windowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: instant, to: instant },
} as const;

const point = {
  type: 'object',
  additionalProperties: false,
  required: ['lon', 'lat'],
  properties: {
    lon: { type: 'number', minimum: -180, maximum: 180 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
  },
} as const;

export const createBody = {
  type: 'object',
  additionalProperties: false,
  required: ['need', 'urgency', 'window'],
  properties: {
    personId: {
      ...uuid,
      description: 'the person helped (staff); a resident asks for themself and may omit it',
    },
    need,
    urgency,
    window: windowSchema,
    location: {
      ...point,
      type: ['object', 'null'],
      description: "a point; default the home's (the centre of the person's home place)",
    },
    notes: { type: 'string', maxLength: 2000 },
  },
} as const;

export const duplicateQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['need', 'from', 'to'],
  properties: {
    personId: uuid,
    need,
    from: instant,
    to: instant,
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'array', items: { type: 'string', enum: REQUEST_STATES }, maxItems: 6 },
    need,
    personId: uuid,
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;

export const requestSchema = {
  type: 'object',
  required: [
    'id',
    'requesterId',
    'requesterName',
    'need',
    'urgency',
    'lon',
    'lat',
    'atHome',
    'placeId',
    'placePath',
    'placeName',
    'address',
    'from',
    'to',
    'notes',
    'state',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: uuid,
    requesterId: uuid,
    requesterName: { type: 'string' },
    createdBy: { type: ['string', 'null'] },
    need: { type: 'string' },
    urgency,
    lon: { type: 'number' },
    lat: { type: 'number' },
    atHome: { type: 'boolean', description: "whether the point is the home's" },
    placeId: uuid,
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    address: { type: ['string', 'null'] },
    from: instant,
    to: instant,
    notes: { type: 'string' },
    state: { type: 'string', enum: REQUEST_STATES },
    createdAt: instant,
    updatedAt: instant,
  },
} as const;

const eventSchema = {
  type: 'object',
  required: ['state', 'at', 'byUser', 'offerId', 'note'],
  properties: {
    state: { type: 'string', enum: [...REQUEST_STATES, 'declined'] },
    at: instant,
    byUser: { type: ['string', 'null'] },
    offerId: { type: ['string', 'null'] },
    note: { type: 'string' },
  },
} as const;

export const offerSchema = {
  type: 'object',
  required: [
    'id',
    'volunteerId',
    'volunteerName',
    'volunteerPhone',
    'distanceM',
    'state',
    'at',
    'answeredAt',
    'runId',
  ],
  properties: {
    id: uuid,
    volunteerId: uuid,
    volunteerName: { type: 'string' },
    volunteerPhone: { type: ['string', 'null'], description: 'only once the volunteer accepted' },
    distanceM: { type: 'number' },
    state: { type: 'string', enum: OFFER_STATES },
    at: instant,
    answeredAt: maybeInstant,
    runId: { type: ['string', 'null'] },
  },
} as const;

export const detailSchema = {
  type: 'object',
  required: ['request', 'events', 'offers'],
  properties: {
    request: requestSchema,
    events: { type: 'array', items: eventSchema },
    offers: { type: 'array', items: offerSchema },
  },
} as const;

export const createdSchema = {
  type: 'object',
  required: ['request', 'created', 'duplicateOf'],
  properties: {
    request: requestSchema,
    created: { type: 'boolean' },
    duplicateOf: {
      type: ['string', 'null'],
      description: 'the live request this one duplicates (nothing new was created), or null',
    },
  },
} as const;

export const reasonBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', maxLength: 500 } },
} as const;

export const completeBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    hours: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 24,
      description: "hours served (default: the window's length, at most 2)",
    },
    note: { type: 'string', maxLength: 500 },
  },
} as const;

export const matchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxKm: { type: 'number', exclusiveMinimum: 0, maximum: 50, description: 'max_km (default 3)' },
  },
} as const;

export const runSchema = {
  type: 'object',
  required: [
    'id',
    'at',
    'requests',
    'volunteers',
    'matched',
    'weight',
    'distanceM',
    'ms',
    'trigger',
    'maxKm',
    'unmatchedCount',
  ],
  properties: {
    id: uuid,
    at: instant,
    requests: { type: 'integer' },
    volunteers: { type: 'integer' },
    matched: { type: 'integer' },
    weight: {
      type: 'integer',
      description: 'sum of the weights of the matched requests (urgent 3, normal 1)',
    },
    distanceM: { type: 'number', description: 'total distance of the matches, metres' },
    ms: { type: 'number', description: 'time the matching took' },
    trigger: { type: 'string', enum: ['on_demand', 'scheduled'] },
    maxKm: { type: 'number' },
    unmatchedCount: { type: 'integer' },
  },
} as const;

/** A match or an unmatched request as the board shows it: the request (within the caller's place) and the outcome. */
const boardRowSchema = {
  type: 'object',
  required: [
    'request',
    'requesterName',
    'need',
    'urgency',
    'placeName',
    'volunteer',
    'volunteerName',
    'distanceM',
    'reason',
    'state',
  ],
  properties: {
    request: uuid,
    requesterName: { type: 'string' },
    need: { type: 'string' },
    urgency,
    placeName: { type: 'string' },
    volunteer: { type: ['string', 'null'] },
    volunteerName: { type: ['string', 'null'] },
    distanceM: { type: ['number', 'null'] },
    reason: { type: ['string', 'null'], enum: [...UNMATCHED_REASONS, null] },
    state: { type: 'string', enum: REQUEST_STATES, description: "the request's state now" },
  },
} as const;

export const runResultSchema = {
  type: 'object',
  required: ['run', 'rows', 'expired'],
  properties: {
    run: runSchema,
    rows: {
      type: 'array',
      items: boardRowSchema,
      description: 'the requests of your place: matches first, then unmatched',
    },
    expired: { type: 'array', items: uuid, description: 'requests the sweep before the run expired' },
  },
} as const;

export const runsAnswer = {
  type: 'object',
  required: ['runs', 'latest'],
  properties: {
    runs: { type: 'array', items: runSchema },
    latest: {
      type: ['object', 'null'],
      required: ['run', 'rows', 'expired'],
      properties: runResultSchema.properties,
      description: 'the newest run with its matches and unmatched requests (of your place)',
    },
  },
} as const;

export const myOfferSchema = {
  type: 'object',
  required: ['id', 'state', 'at', 'answeredAt', 'distanceM', 'request'],
  properties: {
    id: uuid,
    state: { type: 'string', enum: OFFER_STATES },
    at: instant,
    answeredAt: maybeInstant,
    distanceM: { type: 'number' },
    request: {
      type: 'object',
      required: [
        'id',
        'state',
        'need',
        'urgency',
        'from',
        'to',
        'notes',
        'requesterName',
        'address',
        'placeName',
        'lon',
        'lat',
        'phone',
      ],
      properties: {
        id: uuid,
        state: { type: 'string', enum: REQUEST_STATES },
        need: { type: 'string' },
        urgency,
        from: instant,
        to: instant,
        notes: { type: 'string' },
        requesterName: { type: 'string' },
        address: { type: ['string', 'null'] },
        placeName: { type: 'string' },
        lon: { type: 'number' },
        lat: { type: 'number' },
        phone: { type: ['string', 'null'], description: "the requester's phone: only once you accepted" },
      },
    },
  },
} as const;

export const offersQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'array', items: { type: 'string', enum: OFFER_STATES }, maxItems: 6 },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;

export const respondBody = {
  type: 'object',
  additionalProperties: false,
  required: ['answer'],
  properties: {
    answer: { type: 'string', enum: ['accept', 'decline'] },
    note: { type: 'string', maxLength: 500 },
  },
} as const;
