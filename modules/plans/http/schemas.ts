/** Plans' schemas, written once: validation, types and the OpenAPI document. */
import { ROLES } from '@renxing/contracts';
import { placePath } from '@renxing/http';
import {
  HAZARDS,
  LEVELS,
  MAX_DUE_OFFSET_HOURS,
  MAX_NORMS,
  MAX_PER_RESIDENT,
  MAX_SHELTERS,
  MAX_TASKS,
  TASK_PLACE_LEVELS,
} from '../rules/content.js';
import { TASK_FIELDS } from '../rules/diff.js';
import { ELEMENTS, RATINGS } from '../rules/review.js';
import { MAX_CHANGE_NOTE } from '../service/plans.js';

export const instant = { type: 'string', format: 'date-time' } as const;
export const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;
export const uuid = { type: 'string', format: 'uuid' } as const;
export const nullableUuid = { type: ['string', 'null'], format: 'uuid' } as const;
export const hazard = { type: 'string', enum: HAZARDS } as const;
export const level = {
  type: 'string',
  enum: LEVELS,
  description: 'I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)',
} as const;
export const rating = {
  type: 'string',
  enum: RATINGS,
  description: 'P without challenges, S some challenges, M major challenges, U unable to perform',
} as const;
export const element = {
  type: 'string',
  enum: ELEMENTS,
  description: 'the capability element it improves',
} as const;
const role = { type: 'string', enum: ROLES } as const;
export const objectiveRole = {
  type: ['string', 'null'],
  enum: [...ROLES, null],
  description: "the role, when the objective is a role's task group (its title is then the role)",
} as const;

export const placeRef = {
  type: 'object',
  required: ['path', 'name'],
  properties: { path: { type: 'string' }, name: { type: 'string' } },
} as const;

export const taskSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'title', 'who', 'dueOffsetHours'],
  properties: {
    key: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$',
      description: 'stable across versions: the diff matches tasks by it',
    },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    group: {
      type: 'string',
      maxLength: 100,
      description: "the task group the review rates as one objective (default: the performer's role)",
    },
    who: {
      type: 'object',
      additionalProperties: false,
      required: ['role', 'placeLevel'],
      properties: { role, placeLevel: { type: 'string', enum: TASK_PLACE_LEVELS } },
    },
    dueOffsetHours: {
      type: 'integer',
      minimum: 0,
      maximum: MAX_DUE_OFFSET_HOURS,
      description: 'hours from activation to its due time',
    },
  },
} as const;

export const normSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['item', 'perResident'],
  properties: {
    item: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
      description: "the supplies catalogue's item code",
    },
    perResident: { type: 'number', exclusiveMinimum: 0, maximum: MAX_PER_RESIDENT },
  },
} as const;

const levelContent = {
  type: 'object',
  additionalProperties: false,
  required: ['tasks', 'norms', 'shelters'],
  properties: {
    tasks: { type: 'array', maxItems: MAX_TASKS, items: taskSchema },
    norms: { type: 'array', maxItems: MAX_NORMS, items: normSchema },
    shelters: { type: 'array', maxItems: MAX_SHELTERS, items: uuid, description: 'shelters to open' },
  },
} as const;

export const levelsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['I', 'II', 'III', 'IV'],
  description: 'the response levels, each with its tasks, supply norms and shelters to open',
  properties: { I: levelContent, II: levelContent, III: levelContent, IV: levelContent },
} as const;

export const planBody = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'hazard'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    hazard,
    owner: { ...placePath, description: 'the place that owns the plan (default: yours)' },
    places: {
      type: 'array',
      maxItems: 500,
      items: placePath,
      description: 'the places it covers, at or under the owner (default: the owner)',
    },
  },
} as const;

export const planSchema = {
  type: 'object',
  required: ['id', 'title', 'hazard', 'owner', 'places', 'createdBy', 'createdAt', 'latest', 'draftSavedAt'],
  properties: {
    id: uuid,
    title: { type: 'string' },
    hazard,
    owner: placeRef,
    places: { type: 'array', items: placeRef },
    createdBy: nullableUuid,
    createdAt: instant,
    latest: {
      type: ['object', 'null'],
      description: 'the newest published version; null before the first',
      required: ['number', 'publishedAt'],
      properties: { number: { type: 'integer' }, publishedAt: instant },
    },
    draftSavedAt: { ...nullableInstant, description: 'when its draft was last saved; null without one' },
  },
} as const;

const versionProperties = {
  id: uuid,
  planId: uuid,
  number: { type: 'integer' },
  changeNote: { type: 'string' },
  closes: { type: 'array', items: uuid, description: 'the corrective actions it closed' },
  publishedBy: nullableUuid,
  publishedAt: instant,
} as const;
const versionRequired = [
  'id',
  'planId',
  'number',
  'changeNote',
  'closes',
  'publishedBy',
  'publishedAt',
] as const;

export const versionSummarySchema = {
  type: 'object',
  required: versionRequired,
  properties: versionProperties,
} as const;

export const versionSchema = {
  type: 'object',
  required: [...versionRequired, 'levels'],
  properties: { ...versionProperties, levels: levelsSchema },
} as const;

export const draftSchema = {
  type: 'object',
  required: ['planId', 'levels', 'savedBy', 'savedAt'],
  properties: { planId: uuid, levels: levelsSchema, savedBy: nullableUuid, savedAt: instant },
} as const;

export const planViewSchema = {
  type: 'object',
  required: ['plan', 'versions', 'version', 'draft', 'editable'],
  properties: {
    plan: planSchema,
    versions: { type: 'array', items: versionSummarySchema },
    version: {
      ...versionSchema,
      type: ['object', 'null'],
      description: 'the version asked for (default the newest) with its content',
    },
    draft: { ...draftSchema, type: ['object', 'null'] },
    editable: { type: 'boolean', description: 'whether you may save drafts and publish' },
  },
} as const;

export const draftBody = {
  type: 'object',
  additionalProperties: false,
  required: ['levels'],
  properties: { levels: levelsSchema },
} as const;

export const publishBody = {
  type: 'object',
  additionalProperties: false,
  required: ['levels', 'changeNote'],
  properties: {
    levels: levelsSchema,
    changeNote: {
      type: 'string',
      maxLength: MAX_CHANGE_NOTE,
      description: 'what changed and why (required from the second version on)',
    },
    closes: {
      type: 'array',
      maxItems: 100,
      items: uuid,
      description: 'the corrective actions the change note names: this version closes them',
    },
  },
} as const;

const taskDiff = {
  type: 'object',
  required: ['added', 'removed', 'changed'],
  properties: {
    added: { type: 'array', items: taskSchema },
    removed: { type: 'array', items: taskSchema },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'before', 'after', 'fields'],
        properties: {
          key: { type: 'string' },
          before: taskSchema,
          after: taskSchema,
          fields: { type: 'array', items: { type: 'string', enum: TASK_FIELDS } },
        },
      },
    },
  },
} as const;

const normDiff = {
  type: 'object',
  required: ['added', 'removed', 'changed'],
  properties: {
    added: { type: 'array', items: normSchema },
    removed: { type: 'array', items: normSchema },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['item', 'before', 'after'],
        properties: { item: { type: 'string' }, before: { type: 'number' }, after: { type: 'number' } },
      },
    },
  },
} as const;

const levelDiff = {
  type: 'object',
  required: ['tasks', 'norms', 'shelters'],
  properties: {
    tasks: taskDiff,
    norms: normDiff,
    shelters: {
      type: 'object',
      required: ['added', 'removed'],
      properties: { added: { type: 'array', items: uuid }, removed: { type: 'array', items: uuid } },
    },
  },
} as const;

export const diffSchema = {
  type: 'object',
  required: ['I', 'II', 'III', 'IV'],
  description: 'per level: tasks (by key), norms (by item) and shelters added, removed and changed',
  properties: { I: levelDiff, II: levelDiff, III: levelDiff, IV: levelDiff },
} as const;

export const publishedSchema = {
  type: 'object',
  required: ['version', 'closed', 'diff'],
  properties: {
    version: versionSchema,
    closed: { type: 'array', items: uuid, description: 'the corrective actions it closed' },
    diff: {
      ...diffSchema,
      type: ['object', 'null'],
      description: 'against the version before (null: the first)',
    },
  },
} as const;

export const diffQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      type: 'integer',
      minimum: 1,
      maximum: 1_000_000,
      description: 'default: the version before `to`',
    },
    to: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'default: the newest' },
  },
} as const;

export const diffAnswer = {
  type: 'object',
  required: ['from', 'to', 'diff'],
  properties: { from: versionSummarySchema, to: versionSummarySchema, diff: diffSchema },
} as const;
