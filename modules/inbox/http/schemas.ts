/** The inbox's JSON schemas, written once: validation, types and /openapi.json come from them. */
import { placePath } from '@renxing/http';
import { DUTY_LISTS } from '../rules/duty.js';
import {
  FIELD_TYPES,
  ITEM_STATES,
  ORIGIN_MAX,
  ORIGIN_PATTERN,
  PRIORITIES,
  WORK_KINDS,
} from '../rules/items.js';

const date = { type: 'string', format: 'date' } as const;
const instant = { type: 'string', format: 'date-time' } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
export const departmentCode = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,31}$' } as const;
export const dutyCode = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\s]+$' } as const;
/** The area that raised a platform item, `area.what` (open: each area adds its own). */
export const originCode = {
  type: 'string',
  pattern: ORIGIN_PATTERN,
  maxLength: ORIGIN_MAX,
  description: "the area that raised it: 'screening.retest', 'screening.resample', …",
} as const;
const windowSchema = {
  type: ['object', 'null'],
  required: ['from', 'to'],
  additionalProperties: false,
  properties: { from: date, to: date },
} as const;
const fieldSpec = {
  type: 'object',
  required: ['key', 'label', 'type'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$', maxLength: 100 },
    label: text(200),
    type: { type: 'string', enum: [...FIELD_TYPES] },
  },
} as const;

export const requestBody = {
  type: 'object',
  required: ['department', 'duty', 'kind', 'title', 'targets', 'due'],
  additionalProperties: false,
  properties: {
    department: departmentCode,
    duty: dutyCode,
    kind: { type: 'string', enum: [...WORK_KINDS] },
    title: text(200),
    targets: { type: 'array', items: placePath, minItems: 1, maxItems: 500 },
    due: instant,
    window: windowSchema,
    priority: { type: 'string', enum: [...PRIORITIES], default: 'normal' },
    resources: { type: ['string', 'null'], maxLength: 2000 },
    admission: { type: ['string', 'null'], format: 'uuid' },
    fields: { type: 'array', items: fieldSpec, maxItems: 200, default: [] },
  },
} as const;

export const submittedSchema = {
  type: 'object',
  required: ['id', 'status', 'dutyVersion', 'communities'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['accepted'] },
    dutyVersion: { type: 'integer' },
    communities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'name', 'itemId', 'joined'],
        properties: {
          path: { type: 'string' },
          name: { type: 'string' },
          itemId: { type: 'string', format: 'uuid' },
          joined: { type: 'boolean', description: 'the demand joined an item already open (merged)' },
        },
      },
    },
  },
} as const;

export const workRequestSchema = {
  $id: 'WorkRequest',
  type: 'object',
  required: [
    'id',
    'department',
    'duty',
    'kind',
    'title',
    'targets',
    'due',
    'priority',
    'status',
    'submittedAt',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    department: { type: 'string' },
    duty: { type: 'string' },
    kind: { type: 'string', enum: [...WORK_KINDS] },
    title: { type: 'string' },
    targets: { type: 'array', items: { type: 'string' } },
    due: instant,
    window: windowSchema,
    priority: { type: 'string', enum: [...PRIORITIES] },
    resources: { type: ['string', 'null'] },
    admission: { type: ['string', 'null'] },
    fields: { type: 'array', items: fieldSpec },
    dutyVersion: { type: ['integer', 'null'] },
    status: { type: 'string', enum: ['accepted', 'refused'] },
    refusalCode: { type: ['string', 'null'] },
    refusalReason: { type: ['string', 'null'] },
    submittedBy: { type: ['string', 'null'] },
    submittedAt: instant,
    communities: { type: 'integer' },
    done: { type: 'integer' },
  },
} as const;

export const workItemSchema = {
  $id: 'WorkItem',
  type: 'object',
  required: [
    'id',
    'placePath',
    'placeName',
    'duty',
    'kind',
    'title',
    'state',
    'due',
    'priority',
    'departments',
    'origin',
    'originRef',
    'detail',
    'subject',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    placePath: { type: 'string' },
    placeName: { type: 'string' },
    duty: { type: 'string' },
    kind: { type: 'string', enum: [...WORK_KINDS] },
    title: { type: 'string' },
    state: { type: 'string', enum: [...ITEM_STATES] },
    due: instant,
    priority: { type: 'string', enum: [...PRIORITIES] },
    departments: { type: 'array', items: { type: 'string' } },
    window: { type: 'object', required: ['from', 'to'], properties: { from: date, to: date } },
    conflicts: { type: 'boolean' },
    demands: { type: 'integer', description: 'requests gathered in this item' },
    overdue: { type: 'boolean', description: 'past due and not done: escalated to the street' },
    createdAt: instant,
    updatedAt: instant,
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    origin: {
      type: ['string', 'null'],
      description:
        "the area that raised it ('screening.retest', 'screening.resample'); null: departments' demands",
    },
    originRef: {
      type: ['string', 'null'],
      description:
        'what it is about in the area that raised it (a tube barcode); null for departments’ items',
    },
    detail: {
      type: 'object',
      additionalProperties: true,
      description:
        'what the area that raised it tells the community (barcode, round, …); {} for departments’ items',
    },
    subject: {
      type: ['object', 'null'],
      description: 'the person a platform item is for; the phone masked as community screens show it',
      required: ['id', 'name', 'phoneMasked'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        phoneMasked: { type: ['string', 'null'], description: '138****8000' },
      },
    },
  },
} as const;

const anyValue = { type: ['string', 'number', 'boolean'] } as const;

export const workItemViewSchema = {
  type: 'object',
  required: [...workItemSchema.required, 'fields', 'demandList', 'conflictList'],
  properties: {
    ...workItemSchema.properties,
    demandList: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'requestId', 'department', 'title', 'due', 'priority', 'window', 'state'],
        properties: {
          id: { type: 'string' },
          requestId: { type: 'string' },
          department: { type: 'string' },
          title: { type: 'string' },
          due: { type: 'integer', description: 'epoch seconds' },
          priority: { type: 'string', enum: [...PRIORITIES] },
          window: windowSchema,
          state: { type: 'string', enum: ['open', 'done'] },
        },
      },
    },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'label', 'type', 'answerKey', 'departments'],
        properties: {
          key: { type: 'string' },
          label: { type: 'string' },
          type: { type: 'string', enum: [...FIELD_TYPES] },
          answerKey: {
            type: 'string',
            description: 'the key its answer goes under (key:type in a conflict)',
          },
          departments: { type: 'array', items: { type: 'string' } },
          prefill: {
            type: ['object', 'null'],
            required: ['value', 'source', 'date'],
            properties: { value: anyValue, source: { type: 'string' }, date: { type: 'string' } },
          },
          answer: {
            type: ['object', 'null'],
            required: ['value', 'prefilled', 'at'],
            properties: { value: anyValue, prefilled: { type: 'boolean' }, at: instant },
          },
        },
      },
    },
    conflictList: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'types'],
        properties: {
          key: { type: 'string' },
          types: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'departments'],
              properties: {
                type: { type: 'string', enum: [...FIELD_TYPES] },
                departments: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const dutyItemSchema = {
  type: 'object',
  required: ['code', 'list', 'title', 'department', 'legalBasis'],
  properties: {
    code: { type: 'string' },
    list: { type: 'string', enum: [...DUTY_LISTS] },
    title: { type: 'string' },
    department: { type: 'string' },
    legalBasis: { type: 'string' },
  },
} as const;

const counts = {
  key: { type: 'string' },
  name: { type: 'string' },
  demands: { type: 'integer' },
  items: { type: 'integer' },
  fieldsRequested: { type: 'integer' },
  fieldsEntered: { type: 'integer' },
  fieldsPrefilled: { type: 'integer' },
  itemsSaved: { type: 'number', description: '1 − items / demands' },
  fieldsSaved: { type: 'number', description: '1 − fields_entered / fields_requested' },
} as const;
export const burdenRow = {
  type: 'object',
  required: Object.keys(counts) as (keyof typeof counts)[],
  properties: counts,
} as const;
export { date, instant, text };
