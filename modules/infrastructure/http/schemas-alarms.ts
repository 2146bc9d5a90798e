/** Sensors', readings' and alarms' schemas, written once: validation, types and the OpenAPI document. */
import { MAX_RULES, MAX_TIMEOUT_S } from '../service/sensors.js';

const instant = { type: 'string', format: 'date-time' } as const;
const maybeInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;

/** A sensor's id: one MQTT topic level (and a Sparkplug metric's name). */
export const sensorId = {
  type: 'string',
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$',
  description: 'the last level of its topic renxing/<city>/<asset>/<sensor>: letters, digits, . _ : -',
} as const;

export const sensorParams = {
  type: 'object',
  required: ['id'],
  properties: { id: sensorId },
} as const;

export const assetId = { type: 'string', minLength: 1, maxLength: 64 } as const;

const ruleProperties = {
  op: { type: 'string', enum: ['above', 'below'] },
  threshold: { type: 'number' },
  hysteresis: { type: 'number', minimum: 0, description: 'H ≥ 0: an above alarm clears below T − H' },
  forS: {
    type: 'integer',
    minimum: 0,
    maximum: MAX_TIMEOUT_S,
    description: 'D ≥ 0 s the condition must hold before it raises',
  },
} as const;

export const ruleBody = {
  type: 'object',
  additionalProperties: false,
  required: ['op', 'threshold'],
  properties: ruleProperties,
} as const;

export const combine = {
  type: ['string', 'null'],
  enum: ['any', 'all', null],
  description:
    "any: the rules of the asset's sensors saying any raise one alarm while any holds (OR); all: one while all hold (AND); none: each rule alarms on its own",
} as const;

export const sensorBody = {
  type: 'object',
  additionalProperties: false,
  required: ['assetId', 'quantity', 'timeoutS'],
  properties: {
    assetId,
    quantity: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: 'pressure, level, voltage, flow, …',
    },
    unit: { type: 'string', maxLength: 32 },
    timeoutS: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_TIMEOUT_S,
      description: 'offline after this many seconds without a reading (server clock)',
    },
    rules: { type: 'array', maxItems: MAX_RULES, items: ruleBody },
    combine,
  },
} as const;

const ruleSchema = {
  type: 'object',
  required: ['id', 'op', 'threshold', 'hysteresis', 'forS', 'raised', 'since'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    ...ruleProperties,
    raised: { type: 'boolean' },
    since: { ...maybeInstant, description: 'when the condition started holding, if it does' },
  },
} as const;

export const sensorSchema = {
  type: 'object',
  required: [
    'id',
    'assetId',
    'assetName',
    'assetKind',
    'quantity',
    'unit',
    'timeoutS',
    'combine',
    'last',
    'lastArrival',
    'offline',
    'rules',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    assetId: { type: 'string' },
    assetName: { type: 'string' },
    assetKind: { type: 'string' },
    quantity: { type: 'string' },
    unit: { type: 'string' },
    timeoutS: { type: 'integer' },
    combine: { type: ['string', 'null'], enum: ['any', 'all', null] },
    last: {
      type: ['object', 'null'],
      required: ['ts', 'value'],
      properties: { ts: instant, value: { type: 'number' } },
      description: 'the newest reading by its own time',
    },
    lastArrival: { ...maybeInstant, description: 'when a reading last arrived (server clock)' },
    offline: { type: 'boolean' },
    rules: { type: 'array', items: ruleSchema },
    updatedAt: instant,
  },
} as const;

export const readingsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...instant, description: 'readings at or after (default: the last 24 hours before to)' },
    to: { ...instant, description: 'readings before (default: now)' },
    limit: { type: 'integer', minimum: 1, maximum: 20000, default: 5000 },
  },
} as const;

export const readingsAnswer = {
  type: 'object',
  required: ['sensor', 'from', 'to', 'readings', 'truncated'],
  properties: {
    sensor: sensorSchema,
    from: instant,
    to: instant,
    readings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['ts', 'value', 'receivedAt'],
        properties: { ts: instant, value: { type: 'number' }, receivedAt: instant },
      },
    },
    truncated: {
      type: 'boolean',
      description: 'more readings in the window than limit: the newest are given',
    },
  },
} as const;

/** Most readings one request may carry. */
export const MAX_READINGS = 100_000;

export const readingsBody = {
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['readings'],
      properties: {
        readings: {
          type: 'array',
          maxItems: MAX_READINGS,
          items: {
            type: 'object',
            required: ['sensor', 'ts', 'value'],
            properties: {
              sensor: { type: 'string', maxLength: 200 },
              ts: {
                anyOf: [{ type: 'number' }, { type: 'string', maxLength: 64 }],
                description: 'epoch seconds, or an instant (2026-12-06T08:00:00+08:00; no offset: city time)',
              },
              value: {
                anyOf: [{ type: 'number' }, { type: 'string', maxLength: 64 }],
                description: 'a number (or its decimal text)',
              },
            },
          },
        },
      },
    },
    { type: 'string', description: 'text/csv with the header sensor,ts,value' },
  ],
} as const;

export const ingestAnswer = {
  type: 'object',
  required: ['stored', 'late', 'raised', 'cleared', 'rejects'],
  properties: {
    stored: { type: 'integer', description: 'readings stored' },
    late: {
      type: 'integer',
      description: "stored readings older than their sensor's newest: kept, but they drive no alarm",
    },
    raised: { type: 'integer', description: 'alarm records opened' },
    cleared: { type: 'integer', description: 'alarm records closed' },
    rejects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'message'],
        properties: {
          index: { type: 'integer', description: 'the entry of readings (JSON), from 0' },
          line: { type: 'integer', description: 'the line of the file (CSV), from 1' },
          reason: { type: 'string' },
          message: text,
        },
      },
    },
  },
} as const;

export const ALARM_STATES = ['open', 'acknowledged', 'cleared', 'all'] as const;

export const alarmsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state: {
      type: 'string',
      enum: ALARM_STATES,
      default: 'all',
      description: 'open: not cleared nor acknowledged; acknowledged: not cleared; cleared; all',
    },
    assetId,
    sensorId,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
  },
} as const;

export const alarmSchema = {
  type: 'object',
  required: [
    'id',
    'assetId',
    'assetName',
    'assetKind',
    'sensorId',
    'ruleId',
    'kind',
    'groupOp',
    'rule',
    'raisedAt',
    'raisedValue',
    'raisedReadingTs',
    'recordedAt',
    'clearedAt',
    'clearedValue',
    'clearedReadingTs',
    'clearedReason',
    'acknowledgedBy',
    'acknowledgedByName',
    'acknowledgedAt',
    'places',
    'state',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    assetId: { type: 'string' },
    assetName: { type: 'string' },
    assetKind: { type: 'string' },
    sensorId: { type: ['string', 'null'] },
    ruleId: { type: ['string', 'null'] },
    kind: { type: 'string', enum: ['rule', 'group', 'offline'] },
    groupOp: { type: ['string', 'null'], enum: ['any', 'all', null] },
    rule: {
      type: ['object', 'null'],
      required: ['op', 'threshold', 'hysteresis', 'forS'],
      properties: ruleProperties,
      description: 'the rule as it was when the alarm raised',
    },
    raisedAt: { ...instant, description: 'the raising reading’s time; for offline, last arrival + timeout' },
    raisedValue: { type: ['number', 'null'] },
    raisedReadingTs: maybeInstant,
    recordedAt: { ...instant, description: 'when the server recorded it' },
    clearedAt: maybeInstant,
    clearedValue: { type: ['number', 'null'] },
    clearedReadingTs: maybeInstant,
    clearedReason: {
      type: ['string', 'null'],
      enum: ['reading', 'redefined', null],
      description: 'reading: a reading cleared it; redefined: its rule was changed or removed',
    },
    acknowledgedBy: { type: ['string', 'null'] },
    acknowledgedByName: { type: ['string', 'null'] },
    acknowledgedAt: maybeInstant,
    places: {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      description:
        "the inboxes that got a work item: the asset's operator, the communities that lose a service if it fails",
    },
    state: { type: 'string', enum: ['open', 'acknowledged', 'cleared'] },
  },
} as const;
