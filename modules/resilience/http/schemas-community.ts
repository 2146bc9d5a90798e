/** The community page's, the explanation's and the task's schemas (the index's shared fragments in schemas-index.ts). */
import { DIRECTIONS, MECHANISMS, TRAITS } from '@renxing/contracts';
import { summarySchema } from './schemas-assessments.js';
import {
  cityDate,
  communitySchema,
  indicatorKey,
  instant,
  key,
  rowSchema,
  runSchema,
  scoreFields,
  scoreKeys,
  text,
} from './schemas-index.js';

export const dateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { date: { ...cityDate, description: 'default: the latest computed date' } },
} as const;

const nextSchema = {
  type: 'object',
  required: ['key', 'current', 'target', 'targetOf', 'gain', 'advice'],
  properties: {
    key,
    current: { type: 'number' },
    target: { type: 'number' },
    targetOf: { type: 'string', enum: ['street_median', 'city_median', 'city_best'] },
    gain: { type: 'number', description: 'index points gained' },
    advice: {
      anyOf: [
        {
          type: 'object',
          required: ['amount', 'text'],
          properties: { amount: { type: 'number' }, text },
        },
        { type: 'null' },
      ],
    },
  },
} as const;

export const communityResilienceSchema = {
  type: 'object',
  required: ['community', 'run', 'scores', 'values', 'missing', 'history', 'next', 'assessment'],
  properties: {
    community: communitySchema,
    run: { anyOf: [runSchema, { type: 'null' }] },
    scores: {
      anyOf: [
        {
          type: 'object',
          required: [...scoreKeys, 'rank', 'indicators'],
          properties: { ...scoreFields, rank: rowSchema.properties.rank, indicators: { type: 'integer' } },
        },
        { type: 'null' },
      ],
    },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'value', 'normalised', 'summary', 'recordCount'],
        properties: {
          key,
          value: { type: 'number' },
          normalised: { type: ['number', 'null'] },
          summary: text,
          recordCount: { type: 'integer' },
        },
      },
    },
    missing: { type: 'array', items: key, description: 'enabled indicators it has no value for' },
    history: {
      type: 'array',
      description: 'the last 90 computed dates, oldest first',
      items: {
        type: 'object',
        required: ['date', ...scoreKeys],
        properties: { date: { type: 'string' }, ...scoreFields },
      },
    },
    next: {
      type: 'array',
      items: nextSchema,
      description: 'the (at most 3) moves that would raise its index most',
    },
    assessment: {
      description: 'the latest approved self-assessment, else the latest submitted one (null: none)',
      anyOf: [
        {
          type: 'object',
          required: ['id', 'bank', 'state', 'submittedAt', 'reviewedAt', 'summary'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            bank: {
              type: 'object',
              required: ['id', 'version', 'title'],
              properties: { id: { type: 'string' }, version: { type: 'integer' }, title: text },
            },
            state: { type: 'string', enum: ['approved', 'submitted'] },
            submittedAt: instant,
            reviewedAt: { type: ['string', 'null'], format: 'date-time' },
            summary: summarySchema,
          },
        },
        { type: 'null' },
      ],
    },
  },
} as const;

export const explainQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { ...cityDate, description: 'default: the latest computed date' },
    key: { ...indicatorKey, description: 'one indicator: its records too' },
  },
} as const;

const evidenceSchema = {
  type: 'object',
  required: ['kind', 'id', 'label'],
  properties: {
    kind: { type: 'string' },
    id: { type: 'string' },
    label: { type: 'string' },
    value: { type: 'number' },
    note: text,
  },
} as const;

const explainedIndicator = {
  type: 'object',
  required: [
    'key',
    'mechanism',
    'trait',
    'direction',
    'unit',
    'title',
    'value',
    'normalised',
    'min',
    'max',
    'count',
    'summary',
    'missing',
  ],
  properties: {
    key,
    mechanism: { type: 'string', enum: MECHANISMS },
    trait: { type: 'string', enum: TRAITS },
    direction: { type: 'string', enum: DIRECTIONS },
    unit: { type: 'string' },
    title: text,
    value: { type: ['number', 'null'] },
    normalised: { type: ['number', 'null'] },
    min: { type: ['number', 'null'], description: 'the lowest value in the city' },
    max: { type: ['number', 'null'] },
    count: { type: 'integer', description: 'communities with a value' },
    summary: { anyOf: [text, { type: 'null' }] },
    missing: { type: 'boolean', description: 'no value: left out of its means' },
    numerator: { type: ['number', 'null'] },
    denominator: { type: ['number', 'null'] },
    records: { type: 'array', items: evidenceSchema },
    recordCount: { type: 'integer' },
  },
} as const;

export const explainSchema = {
  type: 'object',
  required: ['community', 'date', 'index', 'mechanisms', 'traits'],
  properties: {
    community: communitySchema,
    date: { type: 'string' },
    index: { type: ['number', 'null'] },
    mechanisms: {
      type: 'array',
      items: {
        type: 'object',
        required: ['mechanism', 'score', 'indicators'],
        properties: {
          mechanism: { type: 'string', enum: MECHANISMS },
          score: { type: ['number', 'null'] },
          indicators: { type: 'array', items: explainedIndicator },
        },
      },
    },
    traits: {
      type: 'array',
      items: {
        type: 'object',
        required: ['trait', 'score', 'indicators'],
        properties: {
          trait: { type: 'string', enum: TRAITS },
          score: { type: ['number', 'null'] },
          indicators: { type: 'array', items: key },
        },
      },
    },
    indicator: { ...explainedIndicator, description: 'with `key`: that indicator with its records' },
  },
} as const;

export const taskBody = {
  type: 'object',
  additionalProperties: false,
  required: ['key'],
  properties: { key: indicatorKey, date: { ...cityDate, description: 'default: the latest computed date' } },
} as const;

export const taskSchema = {
  type: 'object',
  required: ['raised', 'item'],
  properties: {
    raised: { type: 'boolean', description: 'false: the same task was sent before' },
    item: {
      type: 'object',
      required: ['id', 'placeId', 'placePath', 'title', 'state', 'due', 'origin', 'originRef', 'detail'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        placeId: { type: 'string' },
        placePath: { type: 'string' },
        title: { type: 'string' },
        state: { type: 'string' },
        due: instant,
        origin: { type: 'string' },
        originRef: { type: 'string' },
        detail: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;
