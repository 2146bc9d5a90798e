/** Participation's schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { CATEGORIES, STATES } from '../store/reports.js';

const instant = { type: 'string', format: 'date-time' } as const;
const maybeInstant = { type: ['string', 'null'], format: 'date-time' } as const;
const maybeText = { type: ['string', 'null'] } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

export const category = { type: 'string', enum: [...CATEGORIES] } as const;
export const state = { type: 'string', enum: [...STATES] } as const;

export const reportSchema = {
  type: 'object',
  required: ['id', 'category', 'text', 'state', 'placePath', 'placeName', 'submittedAt', 'supporters'],
  properties: {
    id: uuid,
    reporterPersonId: uuid,
    reporterName: { type: 'string' },
    submittedBy: { type: ['string', 'null'] },
    category,
    text: { type: 'string', description: 'plain text as the resident wrote it (never HTML)' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    lon: { type: ['number', 'null'] },
    lat: { type: ['number', 'null'] },
    contactEmail: maybeText,
    allowPublic: { type: 'boolean' },
    state,
    duplicateOf: { type: ['string', 'null'], description: 'the earlier report of the same issue' },
    assignedTo: maybeText,
    response: maybeText,
    responsePublic: { type: 'boolean' },
    submittedAt: instant,
    acknowledgedAt: maybeInstant,
    assignedAt: maybeInstant,
    respondedAt: maybeInstant,
    closedAt: maybeInstant,
    reopenedAt: maybeInstant,
    reopenCount: { type: 'integer' },
    hasPhoto: { type: 'boolean' },
    supporters: {
      type: 'integer',
      description: 'distinct residents behind the issue (the original and its near-duplicates)',
    },
  },
} as const;

export const eventSchema = {
  type: 'object',
  required: ['at', 'action', 'toState'],
  properties: {
    at: instant,
    actor: { type: 'string' },
    action: { type: 'string', enum: ['submit', 'acknowledge', 'assign', 'respond', 'close', 'reopen'] },
    fromState: { type: ['string', 'null'] },
    toState: state,
    text: maybeText,
    public: { type: 'boolean' },
  },
} as const;

export const reportPageSchema = {
  type: 'object',
  required: ['report', 'events'],
  properties: { report: reportSchema, events: { type: 'array', items: eventSchema } },
} as const;

export const submitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'text'],
  properties: {
    category,
    text: { type: 'string', minLength: 1, maxLength: 4000 },
    placePath: {
      ...placePath,
      description: 'a community (or a place under it); default the reporter’s home community',
    },
    lon: { type: ['number', 'null'], minimum: -180, maximum: 180 },
    lat: { type: ['number', 'null'], minimum: -90, maximum: 90 },
    contactEmail: { type: ['string', 'null'], format: 'email', maxLength: 254 },
    allowPublic: { type: 'boolean', description: 'the response may be shown publicly' },
    personId: { ...uuid, description: 'staff: the resident reported for' },
  },
} as const;

export const submittedSchema = {
  type: 'object',
  required: ['report', 'duplicateOf'],
  properties: { report: reportSchema, duplicateOf: { type: ['string', 'null'] } },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    category,
    state,
    placePath,
    from: instant,
    to: instant,
    originalsOnly: { type: 'boolean', description: 'issues only: near-duplicates counted on their original' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const listSchema = {
  type: 'object',
  required: ['reports', 'total'],
  properties: { reports: { type: 'array', items: reportSchema }, total: { type: 'integer' } },
} as const;

export const respondBody = {
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: { type: 'string', enum: ['acknowledge', 'assign', 'respond', 'close'] },
    text: { type: ['string', 'null'], maxLength: 4000 },
    public: {
      type: 'boolean',
      description: 'the response may be public (shown only if the reporter allowed it)',
    },
    assignee: { type: ['string', 'null'], maxLength: 200 },
  },
} as const;

export const reopenBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: ['string', 'null'], maxLength: 2000 } },
} as const;

export const photoSchema = {
  type: 'object',
  required: ['contentType', 'size', 'sha256'],
  properties: {
    contentType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp'] },
    size: { type: 'integer' },
    sha256: { type: 'string' },
  },
} as const;

export const publicResponseSchema = {
  type: 'object',
  required: [
    'id',
    'category',
    'text',
    'response',
    'placePath',
    'placeName',
    'state',
    'submittedAt',
    'supporters',
  ],
  properties: {
    id: uuid,
    category,
    text: { type: 'string' },
    response: { type: 'string' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    state,
    submittedAt: instant,
    respondedAt: maybeInstant,
    supporters: { type: 'integer' },
  },
} as const;

export const publicQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    placePath,
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const slaSchema = {
  type: 'object',
  required: ['category', 'ackHours', 'respondHours', 'set'],
  properties: {
    category,
    ackHours: { type: 'number' },
    respondHours: { type: 'number' },
    set: { type: 'boolean', description: 'false: the defaults (24 h, 72 h)' },
    updatedAt: maybeInstant,
  },
} as const;

export const slaListSchema = {
  type: 'object',
  required: ['slas'],
  properties: { slas: { type: 'array', items: slaSchema } },
} as const;

export const slaParams = {
  type: 'object',
  required: ['category'],
  properties: { category },
} as const;

export const slaBody = {
  type: 'object',
  additionalProperties: false,
  required: ['ackHours', 'respondHours'],
  properties: {
    ackHours: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
    respondHours: { type: 'number', exclusiveMinimum: 0, maximum: 8760 },
  },
} as const;

/** The period: `from` (default 30 days before `to`) to `to` (default now). */
export const statsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { placePath, from: instant, to: instant },
} as const;

const stateCounts = {
  type: 'object',
  required: [...STATES],
  properties: Object.fromEntries(STATES.map((s) => [s, { type: 'integer' }])) as Record<
    (typeof STATES)[number],
    { type: 'integer' }
  >,
} as const;

const summary = {
  total: { type: 'integer' },
  byState: stateCounts,
  decided: { type: 'integer', description: 'reports whose deadlines are met or missed (not pending)' },
  withinSla: { type: 'integer' },
  shareWithinSla: { type: ['number', 'null'] },
  medianHoursToRespond: { type: ['number', 'null'] },
  breaches: { type: 'integer' },
} as const;

export const statsSchema = {
  type: 'object',
  required: [
    'scope',
    'from',
    'to',
    'total',
    'byState',
    'shareWithinSla',
    'medianHoursToRespond',
    'byPlace',
    'breachList',
  ],
  properties: {
    scope: { type: 'string' },
    from: instant,
    to: instant,
    ...summary,
    truncated: { type: 'boolean' },
    byPlace: {
      type: 'array',
      items: {
        type: 'object',
        required: ['placePath', 'placeName', 'total'],
        properties: {
          placeId: uuid,
          placePath: { type: 'string' },
          placeName: { type: 'string' },
          ...summary,
        },
      },
    },
    breachList: {
      type: 'array',
      items: {
        type: 'object',
        required: ['report', 'missed', 'ackDue', 'respondDue'],
        properties: {
          report: reportSchema,
          missed: { type: 'array', items: { type: 'string', enum: ['acknowledge', 'respond'] } },
          ackDue: instant,
          respondDue: instant,
        },
      },
    },
  },
} as const;

export const warningSchema = {
  type: 'object',
  required: ['id', 'placePath', 'placeName', 'hour', 'n', 'm', 's', 'threshold', 'reportIds', 'raisedAt'],
  properties: {
    id: uuid,
    placeId: uuid,
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    hour: instant,
    n: { type: 'integer', description: 'distinct residents with a health_symptom report in the last 24 h' },
    m: { type: 'number', description: 'the baseline mean (same hour, previous 14 days)' },
    s: { type: 'number', description: 'the baseline population standard deviation' },
    threshold: { type: 'number', description: 'max(3, m + 3s)' },
    reportIds: { type: 'array', items: uuid },
    reports: { type: 'array', items: reportSchema },
    raisedAt: instant,
  },
} as const;

export const warningsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    placePath,
    from: instant,
    to: instant,
    withReports: { type: 'boolean', default: false },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const warningsSchema = {
  type: 'object',
  required: ['warnings'],
  properties: { warnings: { type: 'array', items: warningSchema } },
} as const;

export const checkSchema = {
  type: 'object',
  required: ['raised'],
  properties: {
    raised: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'placePath', 'n', 'threshold', 'reportIds', 'alerted'],
        properties: {
          id: uuid,
          placePath: { type: 'string' },
          n: { type: 'integer' },
          threshold: { type: 'number' },
          reportIds: { type: 'array', items: uuid },
          alerted: { type: 'integer' },
        },
      },
    },
  },
} as const;

export const notificationSchema = {
  type: 'object',
  required: ['id', 'kind', 'subject', 'text', 'ref', 'createdAt', 'readAt'],
  properties: {
    id: uuid,
    kind: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    ref: maybeText,
    createdAt: instant,
    readAt: maybeInstant,
  },
} as const;

export const notificationsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unreadOnly: { type: 'boolean', default: false },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
} as const;

export const notificationsSchema = {
  type: 'object',
  required: ['notifications', 'unread'],
  properties: { notifications: { type: 'array', items: notificationSchema }, unread: { type: 'integer' } },
} as const;

export const markBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ids: { type: 'array', items: uuid, minItems: 1, maxItems: 500 },
    all: { type: 'boolean' },
  },
} as const;

export const markedSchema = {
  type: 'object',
  required: ['marked', 'unread'],
  properties: { marked: { type: 'integer' }, unread: { type: 'integer' } },
} as const;
