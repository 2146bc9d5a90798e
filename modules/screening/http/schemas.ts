/** Screening's schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { EXEMPT_REASONS, ZONES } from '../rules/rounds.js';
import { MAX_TUBE_SIZE, TUBE_RESULTS } from '../rules/types.js';

const instant = { type: 'string', format: 'date-time' } as const;
const zone = { type: 'string', enum: ZONES } as const;
const hhmm = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;
const tubeSize = { type: 'integer', minimum: 1, maximum: MAX_TUBE_SIZE } as const;
export const barcode = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[^\\x00-\\x1f\\x7f]+$',
} as const;

export const pooling = {
  type: 'object',
  additionalProperties: false,
  required: ['sealed', 'controlled', 'prevention'],
  properties: { sealed: tubeSize, controlled: tubeSize, prevention: tubeSize },
} as const;

export const siteBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'place', 'opens', 'closes', 'capacityPerHour'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    place: placePath,
    zone,
    lon: { type: 'number', minimum: -180, maximum: 180 },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    opens: hhmm,
    closes: hhmm,
    capacityPerHour: { type: 'integer', minimum: 1, maximum: 100_000 },
  },
} as const;

export const roundBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'from', 'to', 'places'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    from: instant,
    to: instant,
    pooling: { ...pooling, required: [] },
    places: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'zone'],
        properties: { path: placePath, zone },
      },
    },
    sites: { type: 'array', maxItems: 500, items: siteBody },
  },
} as const;

export const siteSchema = {
  type: 'object',
  required: ['id', 'roundId', 'name', 'place', 'zone', 'lon', 'lat', 'opens', 'closes', 'capacityPerHour'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    roundId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    place: { type: 'string' },
    zone,
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    opens: { type: 'string' },
    closes: { type: 'string' },
    capacityPerHour: { type: 'integer' },
  },
} as const;

export const roundSchema = {
  type: 'object',
  required: ['id', 'name', 'from', 'to', 'pooling', 'places', 'createdBy', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    from: instant,
    to: instant,
    pooling,
    places: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'name', 'zone'],
        properties: { path: { type: 'string' }, name: { type: 'string' }, zone },
      },
    },
    createdBy: { type: ['string', 'null'] },
    createdAt: instant,
  },
} as const;

export const countsSchema = {
  type: 'object',
  required: [
    'peopleSampled',
    'tubes',
    'sealedTubes',
    'labTests',
    'resolved',
    'awaitingRetest',
    'positives',
    'positivePools',
    'pending',
  ],
  properties: {
    peopleSampled: {
      type: 'integer',
      description: 'distinct people in the tubes (someone sampled twice counts once)',
    },
    tubes: { type: 'integer' },
    sealedTubes: { type: 'integer' },
    labTests: { type: 'integer', description: 'one per tube with a result' },
    resolved: {
      type: 'integer',
      description: 'individual results: members of negative tubes and of positive single tubes',
    },
    awaitingRetest: {
      type: 'integer',
      description: 'people of positive pools still awaiting a single-tube re-test',
    },
    positives: { type: 'integer', description: 'people with a positive single tube' },
    positivePools: { type: 'integer' },
    pending: { type: 'integer', description: 'tubes without a result yet' },
  },
} as const;

export const coverageRow = {
  type: 'object',
  required: ['path', 'name', 'lon', 'lat', 'expected', 'exempt', 'tested', 'untested', 'untestedHouseholds'],
  properties: {
    path: { type: 'string', description: "the community's path ('' for people homed above community level)" },
    name: { type: 'string' },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    expected: { type: 'integer', description: 'residents expected, exemptions excluded' },
    exempt: { type: 'integer' },
    tested: { type: 'integer' },
    untested: { type: 'integer' },
    untestedHouseholds: { type: 'integer', description: 'households where nobody expected was tested' },
  },
} as const;

export const scanBody = {
  type: 'object',
  additionalProperties: false,
  required: ['siteId', 'tube', 'person'],
  properties: {
    siteId: { type: 'string', format: 'uuid' },
    tube: barcode,
    k: {
      ...tubeSize,
      description: "the tube's size when this scan opens it (default: the site's pooling); 1 for a re-test",
    },
    person: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      description: 'exactly one of: the registry id, the ID number, the phone, or the health-code QR token',
      properties: {
        id: { type: 'string', format: 'uuid' },
        idNumber: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z]+$' },
        phone: { type: 'string', minLength: 5, maxLength: 24, pattern: '^\\+?[0-9 -]+$' },
        token: { type: 'string', minLength: 1, maxLength: 2000 },
      },
    },
  },
} as const;

export const scanSchema = {
  type: 'object',
  required: ['tube', 'person', 'position', 'duplicate', 'alsoInRound'],
  properties: {
    tube: {
      type: 'object',
      required: ['barcode', 'k', 'members', 'full', 'sealed', 'sampledAt'],
      properties: {
        barcode: { type: 'string' },
        k: { type: 'integer' },
        members: { type: 'integer' },
        full: { type: 'boolean' },
        sealed: { type: 'boolean' },
        sampledAt: instant,
      },
    },
    person: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
    },
    position: { type: 'integer' },
    duplicate: { type: 'boolean', description: 'already in this tube: nothing changed' },
    alsoInRound: {
      type: 'array',
      description: "the person's other tubes in this round",
      items: {
        type: 'object',
        required: ['barcode', 'sampledAt'],
        properties: { barcode: { type: 'string' }, sampledAt: instant },
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
  required: [
    'importId',
    'rows',
    'accepted',
    'unchanged',
    'rejects',
    'tubes',
    'members',
    'healthCodeChanges',
    'itemsRaised',
    'itemsClosed',
  ],
  properties: {
    importId: { type: 'string', format: 'uuid' },
    rows: { type: 'integer', description: 'data rows read (the header not counted)' },
    accepted: { type: 'integer', description: 'new results set on tubes' },
    unchanged: { type: 'integer', description: "rows repeating a tube's result" },
    rejects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['line', 'reason', 'message'],
        properties: { line: { type: 'integer' }, reason: { type: 'string' }, message: text },
      },
    },
    tubes: {
      type: 'object',
      required: ['negative', 'positive', 'invalid'],
      properties: {
        negative: { type: 'integer' },
        positive: { type: 'integer' },
        invalid: { type: 'integer' },
      },
    },
    members: {
      type: 'object',
      required: ['negative', 'positive', 'awaitingRetest', 'resample'],
      properties: {
        negative: { type: 'integer' },
        positive: { type: 'integer' },
        awaitingRetest: { type: 'integer' },
        resample: { type: 'integer' },
      },
    },
    healthCodeChanges: { type: 'integer' },
    itemsRaised: { type: 'integer' },
    itemsClosed: { type: 'integer' },
  },
} as const;

export const exemptionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      enum: [...EXEMPT_REASONS, 'none'],
      description: "why the person is not expected; 'none' clears it",
    },
    note: { type: 'string', maxLength: 1000 },
  },
} as const;

export const tubeSchema = {
  type: 'object',
  required: [
    'barcode',
    'roundId',
    'siteId',
    'k',
    'sampledAt',
    'members',
    'sealedAt',
    'result',
    'reportedAt',
    'people',
  ],
  properties: {
    barcode: { type: 'string' },
    roundId: { type: ['string', 'null'] },
    siteId: { type: ['string', 'null'] },
    k: { type: 'integer' },
    sampledAt: instant,
    members: { type: 'integer' },
    sealedAt: { type: ['string', 'null'], format: 'date-time' },
    result: { type: ['string', 'null'], enum: [...TUBE_RESULTS, null] },
    reportedAt: { type: ['string', 'null'], format: 'date-time' },
    people: {
      type: 'array',
      items: {
        type: 'object',
        required: ['personId', 'name', 'position', 'scannedAt'],
        properties: {
          personId: { type: 'string' },
          name: { type: 'string' },
          position: { type: 'integer' },
          scannedAt: instant,
        },
      },
    },
  },
} as const;
