/** Incidents' and the learning loop's schemas, written once: validation, types and the OpenAPI document. */
import { placePath } from '@renxing/http';
import { RATINGS } from '../rules/review.js';
import { EVENT_KINDS, INCIDENT_STATES } from '../store/incidents.js';
import {
  diffSchema,
  element,
  hazard,
  instant,
  level,
  nullableInstant,
  nullableUuid,
  objectiveRole,
  placeRef,
  rating,
  uuid,
} from './schemas.js';

export const activateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['level', 'places'],
  properties: {
    level,
    places: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: placePath,
      description: "places within the plan's and yours",
    },
  },
} as const;

export const incidentSchema = {
  type: 'object',
  required: [
    'id',
    'plan',
    'version',
    'level',
    'state',
    'places',
    'activatedBy',
    'activatedAt',
    'closedBy',
    'closedAt',
  ],
  properties: {
    id: uuid,
    plan: {
      type: 'object',
      required: ['id', 'title', 'hazard'],
      properties: { id: uuid, title: { type: 'string' }, hazard },
    },
    version: {
      type: 'object',
      required: ['id', 'number'],
      properties: { id: uuid, number: { type: 'integer' } },
    },
    level,
    state: { type: 'string', enum: INCIDENT_STATES },
    places: { type: 'array', items: placeRef },
    activatedBy: nullableUuid,
    activatedAt: instant,
    closedBy: nullableUuid,
    closedAt: nullableInstant,
  },
} as const;

const eventSchema = {
  type: 'object',
  required: ['seq', 'at', 'kind', 'actor', 'actorName', 'detail'],
  properties: {
    seq: { type: 'integer' },
    at: instant,
    kind: { type: 'string', enum: EVENT_KINDS },
    actor: nullableUuid,
    actorName: { type: ['string', 'null'] },
    detail: {
      type: 'object',
      additionalProperties: true,
      description: 'what happened: items raised, the gaps, the shelters, the ratings, the actions, …',
    },
  },
} as const;

const objectiveSchema = {
  type: 'object',
  required: [
    'id',
    'position',
    'title',
    'role',
    'source',
    'tasks',
    'rating',
    'note',
    'ratedBy',
    'ratedAt',
    'actions',
  ],
  properties: {
    id: uuid,
    position: { type: 'integer' },
    title: { type: 'string', description: "the task group's name (its role when the group is a role)" },
    role: objectiveRole,
    source: { type: 'string', enum: ['plan', 'reviewers'] },
    tasks: { type: 'array', items: { type: 'string' } },
    rating: { type: ['string', 'null'], enum: [...RATINGS, null] },
    note: { type: ['string', 'null'] },
    ratedBy: nullableUuid,
    ratedAt: nullableInstant,
    actions: { type: 'integer', description: 'its corrective actions' },
  },
} as const;

const actionProperties = {
  id: uuid,
  incidentId: uuid,
  plan: { type: 'object', required: ['id', 'title'], properties: { id: uuid, title: { type: 'string' } } },
  objective: {
    type: 'object',
    required: ['id', 'title', 'role', 'rating'],
    properties: {
      id: uuid,
      title: { type: 'string' },
      role: objectiveRole,
      rating: { type: ['string', 'null'], enum: [...RATINGS, null] },
    },
  },
  title: { type: 'string' },
  owner: { type: 'object', required: ['id', 'name'], properties: { id: uuid, name: { type: 'string' } } },
  due: instant,
  element,
  createdBy: nullableUuid,
  reviewedAt: instant,
  closedBy: {
    type: ['object', 'null'],
    description: 'the published version that closed it; null while open',
    required: ['versionId', 'number', 'changeNote', 'publishedAt'],
    properties: {
      versionId: uuid,
      number: { type: 'integer' },
      changeNote: { type: 'string' },
      publishedAt: instant,
    },
  },
  closedAt: nullableInstant,
} as const;
const actionRequired = [
  'id',
  'incidentId',
  'plan',
  'objective',
  'title',
  'owner',
  'due',
  'element',
  'createdBy',
  'reviewedAt',
  'closedBy',
  'closedAt',
] as const;

const actionSchema = { type: 'object', required: actionRequired, properties: actionProperties } as const;

const missingSchema = {
  type: 'object',
  required: ['unrated', 'withoutAction'],
  description: 'what the review lacks before the incident may close (both empty: nothing)',
  properties: {
    unrated: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'role'],
        properties: { id: uuid, title: { type: 'string' }, role: objectiveRole },
      },
    },
    withoutAction: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'role', 'rating'],
        properties: { id: uuid, title: { type: 'string' }, role: objectiveRole, rating },
      },
    },
  },
} as const;

export const incidentViewSchema = {
  type: 'object',
  required: ['incident', 'events', 'objectives', 'actions', 'missing', 'writable'],
  properties: {
    incident: incidentSchema,
    events: { type: 'array', items: eventSchema, description: 'the timeline, oldest first' },
    objectives: { type: 'array', items: objectiveSchema },
    actions: { type: 'array', items: actionSchema },
    missing: missingSchema,
    writable: { type: 'boolean', description: 'whether you may review and close it' },
  },
} as const;

export const activatedSchema = {
  type: 'object',
  required: ['incident', 'items'],
  properties: {
    incident: incidentViewSchema,
    items: {
      type: 'object',
      required: ['raised', 'tasks', 'communities'],
      properties: {
        raised: { type: 'integer', description: 'inbox items raised: one per task and community' },
        tasks: { type: 'integer' },
        communities: { type: 'integer' },
      },
    },
  },
} as const;

export const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['objectives'],
  properties: {
    objectives: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        description:
          'an objective of the incident by id, or a new one by title; its rating, note and corrective actions',
        properties: {
          id: uuid,
          title: { type: 'string', minLength: 1, maxLength: 200 },
          rating,
          note: { type: 'string', maxLength: 2000 },
          actions: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['title', 'owner', 'due', 'element'],
              properties: {
                title: { type: 'string', minLength: 1, maxLength: 200 },
                owner: { ...uuid, description: 'the user who owns it' },
                due: instant,
                element,
              },
            },
          },
        },
      },
    },
  },
} as const;

export const actionsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    planId: uuid,
    incidentId: uuid,
    state: { type: 'string', enum: ['open', 'closed', 'overdue'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
} as const;

export const actionWithRevisionSchema = {
  type: 'object',
  required: [...actionRequired, 'overdue', 'revision'],
  properties: {
    ...actionProperties,
    overdue: { type: 'boolean' },
    revision: {
      type: ['object', 'null'],
      description: "the closing version's diff against the version before it; null while open",
      required: ['from', 'to', 'diff'],
      properties: { from: { type: ['integer', 'null'] }, to: { type: 'integer' }, diff: diffSchema },
    },
  },
} as const;

const metrics = {
  actions: { type: 'integer' },
  open: { type: 'integer' },
  overdue: { type: 'integer', description: 'open past their due date' },
  closed: { type: 'integer', description: 'closed by a revision (the only way an action closes)' },
  closedShare: { type: ['number', 'null'], description: 'closed / actions; null without actions' },
  medianDaysToRevision: {
    type: ['number', 'null'],
    description: 'median days from the review to the revision that closed it',
  },
} as const;
const metricsRequired = [
  'actions',
  'open',
  'overdue',
  'closed',
  'closedShare',
  'medianDaysToRevision',
] as const;

export const metricsSchema = {
  type: 'object',
  required: ['total', 'byPlan', 'byPlace'],
  properties: {
    total: { type: 'object', required: metricsRequired, properties: metrics },
    byPlan: {
      type: 'array',
      items: {
        type: 'object',
        required: [...metricsRequired, 'plan'],
        properties: {
          ...metrics,
          plan: {
            type: 'object',
            required: ['id', 'title'],
            properties: { id: uuid, title: { type: 'string' } },
          },
        },
      },
    },
    byPlace: {
      type: 'array',
      description: 'by the places incidents were activated for',
      items: {
        type: 'object',
        required: [...metricsRequired, 'place'],
        properties: { ...metrics, place: placeRef },
      },
    },
  },
} as const;
