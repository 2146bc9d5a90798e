/** JSON schemas and their mappers for the health-code routes. */

import type { HealthCodeView } from '../service/view.js';
import type { StoredHealthCodeTransition } from '../store/health-codes.js';
import type { StoredOverrideRequest } from '../store/override-requests.js';
import type { StoredTestResult } from '../store/test-results.js';

export const COLOUR_ENUM = ['green', 'yellow', 'red'] as const;

const iso = (s: number | null): string | null => (s === null ? null : new Date(s * 1000).toISOString());

export const idParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

/** A written reason: at least one non-space character. */
export const reasonText = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;

export const readQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const anyObject = { type: 'object', additionalProperties: true } as const;

const transitionSchema = {
  type: 'object',
  required: ['at', 'from', 'to', 'rule', 'preset', 'reason'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    from: { type: 'string', enum: COLOUR_ENUM },
    to: { type: 'string', enum: COLOUR_ENUM },
    rule: {
      type: 'string',
      description: 'a stable rule id, e.g. companion_yellow, two_negatives_green, override',
    },
    preset: { type: 'string' },
    reason: { ...anyObject, description: 'what the person is shown (structured)' },
    evidence: { ...anyObject, description: 'what the rule relied on (staff only)' },
    actors: { type: 'array', items: { type: 'string' }, description: 'staff only' },
    caseId: { type: ['string', 'null'], description: 'staff only' },
    overrideRequestId: { type: ['string', 'null'], description: 'staff only' },
  },
} as const;

export const overrideSchema = {
  type: 'object',
  required: ['id', 'personId', 'to', 'state', 'requestedBy', 'reason', 'requestedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    personId: { type: 'string', format: 'uuid' },
    to: { type: 'string', enum: COLOUR_ENUM },
    state: { type: 'string', enum: ['pending', 'approved', 'rejected', 'withdrawn'] },
    requestedBy: { type: 'string' },
    reason: { type: 'string' },
    requestedAt: { type: 'string', format: 'date-time' },
    decidedBy: { type: ['string', 'null'] },
    decisionReason: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    homePlacePath: { type: ['string', 'null'] },
  },
} as const;

export const healthCodeSchema = {
  type: 'object',
  required: ['personId', 'colour', 'since', 'preset', 'reason', 'locale', 'explanation', 'history'],
  properties: {
    personId: { type: 'string', format: 'uuid' },
    colour: { type: 'string', enum: COLOUR_ENUM },
    since: { type: ['string', 'null'], format: 'date-time', description: 'null: green from the start' },
    preset: { type: 'string' },
    reason: { ...anyObject, description: 'the structured reason (kind and its facts)' },
    locale: { type: 'string', enum: ['zh-CN', 'en'], description: 'from Accept-Language' },
    explanation: {
      type: 'object',
      required: ['headline', 'why', 'toGreen', 'timeline'],
      properties: {
        headline: { type: 'string' },
        why: { type: 'array', items: { type: 'string' } },
        toGreen: { type: 'array', items: { type: 'string' }, description: 'what turns it green' },
        timeline: { type: 'array', items: { type: 'string' } },
      },
    },
    history: { type: 'array', items: transitionSchema },
    pendingOverrides: { type: 'array', items: overrideSchema, description: 'staff only' },
  },
} as const;

export const tokenSchema = {
  type: 'object',
  required: ['token', 'colour', 'pid', 'iat', 'exp'],
  properties: {
    token: { type: 'string', description: 'JWS compact, EdDSA; verify with /.well-known/jwks.json' },
    colour: { type: 'string', enum: COLOUR_ENUM },
    pid: { type: 'string' },
    iat: { type: 'integer' },
    exp: { type: 'integer' },
  },
} as const;

export const qrQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['png', 'json'], default: 'png' },
    reason: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const testResultSchema = {
  type: 'object',
  required: ['id', 'personId', 'result', 'sampledAt', 'reportedAt', 'lab', 'sampleId', 'poolId'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    personId: { type: 'string', format: 'uuid' },
    kind: { type: 'string' },
    result: { type: 'string', enum: ['negative', 'positive', 'invalid'] },
    sampledAt: { type: 'string', format: 'date-time' },
    reportedAt: { type: 'string', format: 'date-time' },
    lab: { type: 'string' },
    sampleId: { type: 'string' },
    poolId: { type: ['string', 'null'] },
  },
} as const;

export function transitionOut(t: StoredHealthCodeTransition, staff: boolean) {
  const shown = { at: iso(t.at), from: t.from, to: t.to, rule: t.rule, preset: t.preset, reason: t.reason };
  return staff
    ? {
        ...shown,
        evidence: t.evidence,
        actors: t.actors,
        caseId: t.caseId,
        overrideRequestId: t.overrideRequestId,
      }
    : shown;
}

export function overrideOut(o: StoredOverrideRequest) {
  return {
    ...o,
    requestedAt: o.requestedAt.toISOString(),
    decidedAt: o.decidedAt ? o.decidedAt.toISOString() : null,
  };
}

/** The view for staff (everything) or for the person themself (no evidence, actors or overrides). */
export function viewOut(v: HealthCodeView, staff: boolean) {
  const out = {
    personId: v.personId,
    colour: v.colour,
    since: iso(v.since),
    preset: v.preset,
    reason: v.reason,
    locale: v.locale,
    explanation: v.explanation,
    history: v.history.map((t) => transitionOut(t, staff)),
  };
  return staff ? { ...out, pendingOverrides: v.pendingOverrides.map(overrideOut) } : out;
}

export function testResultOut(t: StoredTestResult) {
  return { ...t, sampledAt: t.sampledAt.toISOString(), reportedAt: t.reportedAt.toISOString() };
}
