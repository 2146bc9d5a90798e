/** Volunteers' schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import {
  DEFAULT_CAPACITY,
  MAX_CAPACITY,
  MAX_NAME,
  ORGANISATION_KINDS,
  SKILLS,
  VOLUNTEER_STATES,
} from '../rules/skills.js';
import { MAX_WINDOWS } from '../rules/windows.js';

const instant = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;

export const windowSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: { from: instant, to: instant },
} as const;

export const windowsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['windows'],
  properties: { windows: { type: 'array', maxItems: MAX_WINDOWS, items: windowSchema } },
} as const;

const skills = {
  type: 'array',
  minItems: 1,
  maxItems: SKILLS.length,
  items: { type: 'string', minLength: 1, maxLength: 40 },
  description: `skills of the vocabulary (${SKILLS.join(', ')}) or their Chinese words`,
} as const;

export const registerBody = {
  type: 'object',
  additionalProperties: false,
  required: ['skills'],
  properties: {
    skills,
    name: { type: 'string', minLength: 1, maxLength: MAX_NAME, description: 'required from staff' },
    phone: {
      type: 'string',
      minLength: 5,
      maxLength: 30,
      description: "required from staff; a resident's defaults to their record's",
    },
    community: {
      ...placePath,
      description:
        'the community they volunteer in (for an official posted down: where posted); required from staff',
    },
    lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
    lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
    capacity: { type: 'integer', minimum: 1, maximum: MAX_CAPACITY, default: DEFAULT_CAPACITY },
    organisationId: { type: ['string', 'null'], format: 'uuid' },
    posted: {
      type: 'boolean',
      description: 'an official posted down (下沉干部); the organisation is their unit',
    },
    personId: { type: ['string', 'null'], format: 'uuid' },
    windows: { type: 'array', maxItems: MAX_WINDOWS, items: windowSchema },
    account: {
      description: "the volunteer's account: a new one (role volunteer) or an existing volunteer account",
      oneOf: [
        {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._@+-]{1,63}$' },
            password: { type: 'string', minLength: 8, maxLength: 200 },
          },
        },
        {
          type: 'object',
          additionalProperties: false,
          required: ['userId'],
          properties: { userId: uuid },
        },
      ],
    },
  },
} as const;

export const volunteerSchema = {
  type: 'object',
  required: [
    'id',
    'personId',
    'name',
    'phoneMasked',
    'skills',
    'lon',
    'lat',
    'community',
    'communityName',
    'capacity',
    'state',
    'verifiedBy',
    'verifiedAt',
    'organisation',
    'posted',
    'userId',
    'createdAt',
    'windows',
    'hours',
  ],
  properties: {
    id: uuid,
    personId: { type: ['string', 'null'] },
    name: { type: 'string' },
    phoneMasked: { type: 'string', description: 'the phone with its middle digits hidden' },
    skills: { type: 'array', items: { type: 'string', enum: SKILLS } },
    lon: { type: 'number' },
    lat: { type: 'number' },
    community: { type: 'string' },
    communityName: { type: 'string' },
    capacity: { type: 'integer', description: 'tasks a day' },
    state: { type: 'string', enum: VOLUNTEER_STATES },
    verifiedBy: { type: ['string', 'null'] },
    verifiedAt: { type: ['string', 'null'], format: 'date-time' },
    organisation: {
      type: ['object', 'null'],
      required: ['id', 'name', 'kind'],
      properties: { id: uuid, name: { type: 'string' }, kind: { type: 'string', enum: ORGANISATION_KINDS } },
    },
    posted: { type: 'boolean' },
    userId: { type: ['string', 'null'] },
    createdAt: instant,
    windows: {
      type: 'array',
      items: { type: 'object', required: ['from', 'to'], properties: { from: instant, to: instant } },
    },
    hours: { type: 'number', description: 'hours served in all' },
  },
} as const;

export const hoursEntrySchema = {
  type: 'object',
  required: ['id', 'date', 'hours', 'source', 'note', 'recordedAt'],
  properties: {
    id: uuid,
    date: { type: 'string', description: 'the city day served, YYYY-MM-DD' },
    hours: { type: 'number' },
    source: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    recordedAt: instant,
  },
} as const;

export const hoursBody = {
  type: 'object',
  additionalProperties: false,
  required: ['hours'],
  properties: {
    hours: { type: 'number', exclusiveMinimum: 0, maximum: 24 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'default today (city time)' },
    source: { type: 'string', minLength: 1, maxLength: 200, description: 'recorded once per volunteer' },
    note: { type: 'string', maxLength: 500 },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    under: { ...placePath, description: 'only those at or under this place (within yours)' },
    skill: { type: 'string', enum: SKILLS },
    state: { type: 'string', enum: VOLUNTEER_STATES },
    organisationId: uuid,
    posted: { type: 'boolean', description: 'only officials posted down (true) or only the others (false)' },
    q: { type: 'string', minLength: 1, maxLength: 50, description: 'part of the name' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const organisationSchema = {
  type: 'object',
  required: ['id', 'name', 'kind', 'place', 'placeName', 'volunteers', 'createdAt'],
  properties: {
    id: uuid,
    name: { type: 'string' },
    kind: { type: 'string', enum: ORGANISATION_KINDS },
    place: { type: 'string' },
    placeName: { type: 'string' },
    volunteers: { type: 'integer' },
    createdAt: instant,
  },
} as const;

export const organisationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'kind', 'place'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { type: 'string', enum: ORGANISATION_KINDS },
    place: { ...placePath, description: 'the place it belongs to (within yours)' },
  },
} as const;

export const importSchema = {
  type: 'object',
  required: ['rows', 'created', 'updated', 'unchanged', 'windows', 'rejects'],
  properties: {
    rows: { type: 'integer', description: 'data rows read (the header not counted)' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
    windows: { type: 'integer', description: 'availability windows added' },
    rejects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'reason', 'message'],
        properties: { line: { type: 'integer' }, reason: { type: 'string' }, message: text },
      },
    },
  },
} as const;
