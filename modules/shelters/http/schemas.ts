/** Shelters' schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { MAX_CAPACITY, MAX_NAME } from '../rules/registry.js';
import { MAX_PARTY, OFFERS, PERIODS, SHELTER_STATES, SHELTER_TYPES } from '../rules/types.js';

const instant = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const capacity = { type: 'integer', minimum: 0, maximum: MAX_CAPACITY } as const;
const state = { type: 'string', enum: SHELTER_STATES } as const;
const offers = {
  type: 'array',
  maxItems: OFFERS.length,
  uniqueItems: true,
  items: { type: 'string', enum: OFFERS },
} as const;
const people = { type: 'integer', minimum: 1, maximum: MAX_PARTY } as const;

const entry = {
  place: { ...placePath, description: 'the place it belongs to (within yours)' },
  name: { type: 'string', minLength: 1, maxLength: MAX_NAME },
  address: { type: ['string', 'null'], maxLength: 500 },
  lon: { type: 'number', minimum: -180, maximum: 180 },
  lat: { type: 'number', minimum: -90, maximum: 90 },
  capacityDay: { ...capacity, description: 'people it takes from 08:00 to 20:00 city time' },
  capacityNight: { ...capacity, description: 'people it takes from 20:00 to 08:00 city time' },
  type: { type: 'string', enum: SHELTER_TYPES },
  offers,
} as const;

export const shelterBody = {
  type: 'object',
  additionalProperties: false,
  required: ['place', 'name', 'lon', 'lat', 'capacityDay', 'capacityNight', 'type'],
  properties: entry,
} as const;

export const shelterPatch = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: entry,
} as const;

export const stateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['state'],
  properties: { state, reason: { type: 'string', maxLength: 500 } },
} as const;

export const shelterSchema = {
  type: 'object',
  required: [
    'id',
    'place',
    'placeName',
    'name',
    'address',
    'lon',
    'lat',
    'type',
    'offers',
    'capacityDay',
    'capacityNight',
    'state',
    'stateChangedAt',
    'occupancy',
    'period',
    'capacity',
    'available',
    'updatedAt',
  ],
  properties: {
    id: uuid,
    place: { type: 'string' },
    placeName: { type: 'string' },
    name: { type: 'string' },
    address: { type: ['string', 'null'] },
    lon: { type: 'number' },
    lat: { type: 'number' },
    type: { type: 'string', enum: SHELTER_TYPES },
    offers: { type: 'array', items: { type: 'string', enum: OFFERS } },
    capacityDay: { type: 'integer' },
    capacityNight: { type: 'integer' },
    state,
    stateChangedAt: { type: ['string', 'null'], format: 'date-time' },
    occupancy: { type: 'integer', description: 'people checked in and not yet out' },
    period: { type: 'string', enum: PERIODS, description: 'night from 20:00 to 08:00 city time' },
    capacity: { type: 'integer', description: "the period's capacity" },
    available: {
      type: 'integer',
      description:
        'capacity − occupancy now (below zero when the night capacity is smaller than the people in)',
    },
    updatedAt: instant,
  },
} as const;

export const checkInBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description:
    'one of: a registry person; a registry household (its members, or `people`); a name with a number of people',
  properties: {
    person: uuid,
    household: uuid,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    people,
    note: { type: 'string', maxLength: 500 },
  },
} as const;

export const checkInSchema = {
  type: 'object',
  required: [
    'id',
    'shelterId',
    'personId',
    'householdId',
    'name',
    'people',
    'note',
    'checkedInAt',
    'checkedInBy',
    'checkedOutAt',
    'checkedOutBy',
  ],
  properties: {
    id: uuid,
    shelterId: uuid,
    personId: { type: ['string', 'null'] },
    householdId: { type: ['string', 'null'] },
    name: { type: 'string' },
    people: { type: 'integer' },
    note: { type: ['string', 'null'] },
    checkedInAt: instant,
    checkedInBy: { type: ['string', 'null'] },
    checkedOutAt: { type: ['string', 'null'], format: 'date-time' },
    checkedOutBy: { type: ['string', 'null'] },
  },
} as const;

export const occupantSchema = {
  type: 'object',
  required: [...checkInSchema.required, 'homePath', 'homeName', 'checkedInByName'],
  properties: {
    ...checkInSchema.properties,
    homePath: { type: ['string', 'null'] },
    homeName: { type: ['string', 'null'] },
    checkedInByName: { type: ['string', 'null'] },
  },
} as const;

export const stayAnswer = {
  type: 'object',
  required: ['checkIn', 'shelter'],
  properties: { checkIn: checkInSchema, shelter: shelterSchema },
} as const;

const ranked = {
  type: 'object',
  required: [...shelterSchema.required, 'distanceM'],
  properties: {
    ...shelterSchema.properties,
    distanceM: { type: 'integer', description: 'great-circle, metres' },
  },
} as const;

export const roomAnswer = {
  type: 'object',
  required: ['from', 'people', 'shelter', 'alternatives'],
  properties: {
    from: {
      type: 'object',
      required: ['lon', 'lat', 'source', 'place', 'placeName'],
      properties: {
        lon: { type: 'number' },
        lat: { type: 'number' },
        source: {
          type: 'string',
          enum: ['given', 'community', 'place'],
          description: "the point given, the home's community centre, or the nearest place above with one",
        },
        place: { type: ['string', 'null'] },
        placeName: { type: ['string', 'null'] },
      },
    },
    people: { type: 'integer' },
    shelter: { ...ranked, type: ['object', 'null'] },
    alternatives: { type: 'array', items: ranked },
  },
} as const;

export const evacueeSchema = {
  type: 'object',
  required: ['id', 'name', 'phoneMasked', 'homePath', 'homeName', 'household', 'checkIn'],
  properties: {
    id: uuid,
    name: { type: 'string' },
    phoneMasked: { type: ['string', 'null'] },
    homePath: { type: 'string' },
    homeName: { type: 'string' },
    household: {
      type: ['object', 'null'],
      required: ['id', 'members', 'address', 'names'],
      properties: {
        id: uuid,
        members: { type: 'integer' },
        address: { type: ['string', 'null'] },
        names: { type: 'array', items: { type: 'string' } },
      },
    },
    checkIn: {
      type: ['object', 'null'],
      required: ['id', 'shelterId', 'shelter', 'people', 'as'],
      properties: {
        id: uuid,
        shelterId: uuid,
        shelter: { type: 'string' },
        people: { type: 'integer' },
        as: { type: 'string', enum: ['person', 'household'] },
      },
    },
  },
} as const;

const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;

export const importSchema = {
  type: 'object',
  required: ['rows', 'created', 'updated', 'unchanged', 'rejects'],
  properties: {
    rows: { type: 'integer', description: 'data rows read (the header not counted)' },
    created: { type: 'integer' },
    updated: { type: 'integer' },
    unchanged: { type: 'integer' },
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

export { people };
