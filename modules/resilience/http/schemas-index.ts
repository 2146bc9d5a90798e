/** The resilience index's schemas, written once: validation, types and the OpenAPI document. */
import { DIRECTIONS, MECHANISMS, TRAITS } from '@renxing/contracts';
import { placePath } from '@renxing/http';

export const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;
export const instant = { type: 'string', format: 'date-time' } as const;
export const cityDate = {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'a city date (YYYY-MM-DD, +08:00)',
} as const;
export const indicatorKey = {
  type: 'string',
  minLength: 3,
  maxLength: 100,
  pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$',
  description: 'an indicator key, `area.what`',
} as const;
export const score = { type: ['number', 'null'], description: 'null: no indicator of that group' } as const;
export const key = { type: 'string' } as const;

export const pathParams = {
  type: 'object',
  required: ['path'],
  properties: { path: { ...placePath, description: "the community's place path" } },
} as const;

export const keyParams = {
  type: 'object',
  required: ['key'],
  properties: { key: indicatorKey },
} as const;

export const indicatorSchema = {
  type: 'object',
  required: [
    'key',
    'mechanism',
    'trait',
    'direction',
    'unit',
    'title',
    'definition',
    'source',
    'enabled',
    'communities',
  ],
  properties: {
    key,
    mechanism: { type: 'string', enum: MECHANISMS },
    trait: { type: 'string', enum: TRAITS },
    direction: { type: 'string', enum: DIRECTIONS },
    unit: { type: 'string' },
    title: text,
    definition: text,
    source: {
      type: 'string',
      enum: ['platform', 'city'],
      description: "the platform's own, or the city's upload",
    },
    enabled: { type: 'boolean' },
    communities: { type: 'integer', description: 'communities with a value in the latest run' },
  },
} as const;

export const indicatorsSchema = {
  type: 'object',
  required: ['indicators', 'hazards'],
  properties: {
    indicators: { type: 'array', items: indicatorSchema },
    hazards: {
      type: 'array',
      items: { type: 'string' },
      description: 'the hazards the city lists (plan.coverage)',
    },
  },
} as const;

export const updateIndicatorBody = {
  type: 'object',
  additionalProperties: false,
  required: ['enabled'],
  properties: { enabled: { type: 'boolean' } },
} as const;

export const importQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: {
      type: 'string',
      maxLength: 200,
      pattern: '^[^\\x00]*$',
      description: "the file's name, for the audit trail",
    },
  },
} as const;

export const importSchema = {
  type: 'object',
  required: ['rows', 'saved', 'rejects'],
  properties: {
    rows: { type: 'integer', description: 'data rows read (the header not counted)' },
    saved: { type: 'integer' },
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

export const runSchema = {
  type: 'object',
  required: ['date', 'computedAt', 'communities', 'indicators', 'disabled', 'absent', 'ms'],
  properties: {
    date: { type: 'string' },
    computedAt: instant,
    communities: { type: 'integer' },
    indicators: { type: 'array', items: key, description: 'the enabled indicators computed' },
    disabled: { type: 'array', items: key, description: 'indicators the city switched off' },
    absent: { type: 'array', items: key, description: 'enabled indicators with no value anywhere' },
    ms: { type: 'integer', description: 'how long the computation took' },
  },
} as const;

export const computeBody = {
  type: 'object',
  additionalProperties: false,
  properties: { date: { ...cityDate, description: 'the city date to compute (default today)' } },
} as const;

export const scoreFields = {
  engineering: score,
  institutional: score,
  social: score,
  index: { type: ['number', 'null'], description: 'the sum of the mechanisms present (0 to 3)' },
  self_organisation: score,
  redundancy: score,
  adaptability: score,
} as const;
export const scoreKeys = [
  'engineering',
  'institutional',
  'social',
  'index',
  'self_organisation',
  'redundancy',
  'adaptability',
] as const;

export const communitySchema = {
  type: 'object',
  required: [
    'id',
    'path',
    'name',
    'nameEn',
    'lon',
    'lat',
    'street',
    'streetName',
    'district',
    'districtName',
    'residents',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    path: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    street: { type: ['string', 'null'], description: "the street's path" },
    streetName: { type: ['string', 'null'] },
    district: { type: ['string', 'null'], description: "the district's path" },
    districtName: { type: ['string', 'null'] },
    residents: { type: 'integer' },
  },
} as const;

export const rowSchema = {
  type: 'object',
  required: ['community', ...scoreKeys, 'rank', 'indicators'],
  properties: {
    community: communitySchema,
    ...scoreFields,
    rank: { type: ['integer', 'null'], description: '1 = the highest index in the city; ties share a rank' },
    indicators: { type: 'integer', description: 'indicators with a value' },
  },
} as const;

export const indexQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { ...cityDate, description: 'default: the latest computed date' },
    under: { ...placePath, description: 'only communities at or under this place (within yours)' },
    level: {
      type: 'string',
      enum: ['community'],
      description: 'rows are communities (the only level scored)',
    },
  },
} as const;

export const indexSchema = {
  type: 'object',
  required: ['run', 'dates', 'rows'],
  properties: {
    run: { anyOf: [runSchema, { type: 'null' }] },
    dates: { type: 'array', items: { type: 'string' }, description: 'recent computed dates, newest first' },
    rows: { type: 'array', items: rowSchema },
  },
} as const;
