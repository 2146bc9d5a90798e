/** Self-assessments' schemas, written once: validation, types and the OpenAPI document. */
import { MECHANISMS, TRAITS } from '@renxing/contracts';
import { placePath } from '@renxing/http';
import { MAX_EVIDENCE_CHARS, MAX_NOTE_CHARS } from '../rules/banks.js';
import { ASSESSMENT_STATES } from '../store/assessments.js';

const text = {
  type: 'object',
  required: ['en', 'zh-CN'],
  properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
} as const;
const instant = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const share = {
  type: ['number', 'null'],
  description: '0–1: the mean answer normalised; null: the bank asks nothing of it',
} as const;
const bankId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } as const;
const state = { type: 'string', enum: [...ASSESSMENT_STATES] } as const;

const questionSchema = {
  type: 'object',
  required: ['id', 'text', 'evidence', 'mechanism', 'trait'],
  properties: {
    id: { type: 'string' },
    text,
    evidence: { ...text, description: 'the evidence asked for' },
    mechanism: { type: 'string', enum: [...MECHANISMS] },
    trait: { type: 'string', enum: [...TRAITS] },
  },
} as const;

export const bankSchema = {
  type: 'object',
  required: ['id', 'version', 'title', 'source', 'scale', 'sections'],
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    title: text,
    source: text,
    scale: {
      type: 'object',
      required: ['min', 'max', 'labels'],
      properties: {
        min: { type: 'integer' },
        max: { type: 'integer' },
        labels: {
          type: 'array',
          items: {
            type: 'object',
            required: ['score', 'text'],
            properties: { score: { type: 'integer' }, text },
          },
        },
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'questions'],
        properties: {
          id: { type: 'string' },
          title: text,
          questions: { type: 'array', items: questionSchema },
        },
      },
    },
  },
} as const;

export const banksSchema = {
  type: 'object',
  required: ['banks'],
  properties: { banks: { type: 'array', items: bankSchema } },
} as const;

export const summarySchema = {
  type: 'object',
  required: ['mechanisms', 'traits', 'sections', 'overall', 'answered'],
  properties: {
    mechanisms: {
      type: 'object',
      required: [...MECHANISMS],
      properties: { engineering: share, institutional: share, social: share },
    },
    traits: {
      type: 'object',
      required: [...TRAITS],
      properties: { self_organisation: share, redundancy: share, adaptability: share },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'score'],
        properties: { id: { type: 'string' }, score: share },
      },
    },
    overall: share,
    answered: { type: 'integer' },
  },
} as const;

const placeRef = {
  type: 'object',
  required: ['id', 'path', 'name', 'nameEn', 'level'],
  properties: {
    id: uuid,
    path: { type: 'string' },
    name: { type: 'string' },
    nameEn: { type: ['string', 'null'] },
    level: { type: 'string' },
  },
} as const;

const userRef = {
  type: ['object', 'null'],
  required: ['id', 'name'],
  properties: { id: uuid, name: { type: 'string', description: 'display name, else user name' } },
} as const;

const headProperties = {
  id: uuid,
  place: placeRef,
  bank: {
    type: 'object',
    required: ['id', 'version', 'title'],
    properties: { id: { type: 'string' }, version: { type: 'integer' }, title: text },
  },
  state,
  submittedBy: { ...userRef, description: 'null: submitted by the system (demo, CLI)' },
  submittedAt: instant,
  reviewer: {
    ...userRef,
    description: 'the reviewer named at submission; null: any official above the place',
  },
  reviewedBy: userRef,
  reviewedAt: { type: ['string', 'null'], format: 'date-time' },
  reviewNote: { type: ['string', 'null'] },
  summary: summarySchema,
  canReview: { type: 'boolean', description: 'whether you may approve or return it now' },
} as const;
const headRequired = [
  'id',
  'place',
  'bank',
  'state',
  'submittedBy',
  'submittedAt',
  'reviewer',
  'reviewedBy',
  'reviewedAt',
  'reviewNote',
  'summary',
  'canReview',
] as const;

export const assessmentHeadSchema = {
  type: 'object',
  required: headRequired,
  properties: headProperties,
} as const;

export const assessmentSchema = {
  type: 'object',
  required: [...headRequired, 'answers'],
  properties: {
    ...headProperties,
    answers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['question', 'score', 'evidence'],
        properties: {
          question: { type: 'string' },
          score: { type: 'integer' },
          evidence: { type: 'string' },
        },
      },
    },
  },
} as const;

export const submitBody = {
  type: 'object',
  additionalProperties: false,
  required: ['place', 'bank', 'version', 'answers'],
  properties: {
    place: { ...placePath, description: 'the community or street answering (within your place)' },
    bank: { ...bankId, description: 'the question bank id' },
    version: { type: 'integer', minimum: 1, maximum: 1000 },
    answers: {
      type: 'array',
      maxItems: 1000,
      description: 'every question of the bank, once',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['question', 'score'],
        properties: {
          question: { type: 'string', minLength: 1, maxLength: 100 },
          score: { type: 'integer', minimum: -1000, maximum: 1000 },
          evidence: {
            type: ['string', 'null'],
            maxLength: MAX_EVIDENCE_CHARS,
            description: "required when the score is above the scale's minimum",
          },
        },
      },
    },
    reviewer: {
      type: ['string', 'null'],
      format: 'uuid',
      description:
        'the user who reviews it (an official whose place is above the place); default: any such official',
    },
  },
} as const;

export const assessmentPathParams = {
  type: 'object',
  required: ['path'],
  properties: { path: { ...placePath, description: 'the community or street' } },
} as const;

export const getQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { bank: { ...bankId, description: 'only answers to this bank' } },
} as const;

export const placeAssessmentsSchema = {
  type: 'object',
  required: ['place', 'latest', 'history'],
  properties: {
    place: placeRef,
    latest: { anyOf: [assessmentSchema, { type: 'null' }] },
    history: { type: 'array', items: assessmentSchema, description: 'every submission, newest first' },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    state,
    under: { ...placePath, description: 'only places at or under this one (within yours)' },
    bank: bankId,
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const listSchema = {
  type: 'object',
  required: ['total', 'assessments'],
  properties: {
    total: { type: 'integer' },
    assessments: { type: 'array', items: assessmentHeadSchema, description: 'newest first' },
  },
} as const;

export const reviewBody = {
  type: 'object',
  additionalProperties: false,
  required: ['decision'],
  properties: {
    decision: { type: 'string', enum: ['approve', 'return'] },
    note: {
      type: ['string', 'null'],
      maxLength: MAX_NOTE_CHARS,
      description: 'why (required to return: what to answer again)',
    },
  },
} as const;
