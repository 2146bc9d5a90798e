/**
 * The health officers' actions, by the contract's rules: designateCloseContact (green or yellow →
 * red, naming the officer's unit; optionally starting the isolation), startIsolation (14 days,
 * then a negative test in its last 24 h → green) and dischargeCase (14 days of monitoring →
 * green). The greens come by rule as time passes (applied on every read of the code). Health
 * officers and city admins, for people whose home place is in their scope; each action carries a
 * written reason and is audited in the same transaction.
 */

import { type Api, commonErrors, errorRef, invalid } from '@renxing/http';
import { userUnit } from '@renxing/modules/access';
import { CLOCK_SKEW } from '../rules/admission.js';
import { presetOf } from '../service/apply.js';
import {
  designateCloseContact,
  dischargeCase,
  type OfficerActionResult,
  startIsolation,
} from '../service/officer.js';
import { type HealthCodeContext, personInScope } from './context.js';
import { COLOUR_ENUM, idParams, reasonText } from './schemas.js';

const instant = (description: string) => ({ type: 'string', format: 'date-time', description }) as const;
const iso = (s: number | null): string | null => (s === null ? null : new Date(s * 1000).toISOString());

const actionResponse = {
  200: {
    type: 'object',
    required: [
      'personId',
      'colour',
      'since',
      'redBasis',
      'isolationStart',
      'isolationEnd',
      'dischargedAt',
      'monitoringEnd',
      'changed',
      'transitions',
    ],
    properties: {
      personId: { type: 'string', format: 'uuid' },
      colour: { type: 'string', enum: COLOUR_ENUM, description: 'the person’s colour after the action' },
      since: { type: ['string', 'null'], format: 'date-time' },
      redBasis: {
        type: ['string', 'null'],
        description: 'why red: case, close_contact, positive or override (null unless red)',
      },
      isolationStart: { type: ['string', 'null'], format: 'date-time' },
      isolationEnd: {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'the earliest end of the isolation; green then with a negative test in its last 24 h',
      },
      dischargedAt: { type: ['string', 'null'], format: 'date-time' },
      monitoringEnd: {
        type: ['string', 'null'],
        format: 'date-time',
        description: 'the end of the monitoring after discharge: green then',
      },
      changed: { type: 'boolean', description: 'false: this repeated what was already recorded' },
      transitions: {
        type: 'array',
        description: 'the changes of colour the action caused',
        items: {
          type: 'object',
          required: ['at', 'from', 'to', 'rule'],
          properties: {
            at: { type: 'string', format: 'date-time' },
            from: { type: 'string', enum: COLOUR_ENUM },
            to: { type: 'string', enum: COLOUR_ENUM },
            rule: { type: 'string' },
          },
        },
      },
    },
  },
  ...commonErrors,
  409: errorRef,
} as const;

/** A body schema: these properties, `required` among them, nothing else (types kept for the handler). */
const body = <const R extends readonly string[], const P extends Record<string, unknown>>(
  required: R,
  properties: P,
) => ({ type: 'object', required, additionalProperties: false, properties }) as const;

export function officerRoutes(api: Api, ctx: HealthCodeContext): void {
  const preset = presetOf(ctx.preset);

  /** An instant from the body: a date-time, not in the future. */
  function past(value: string, field: string): number {
    const ms = Date.parse(value);
    if (!Number.isFinite(ms)) throw invalid(field, 'not a date-time');
    const s = Math.floor(ms / 1000);
    if (s > ctx.now() + CLOCK_SKEW) throw invalid(field, 'is in the future');
    return s;
  }

  function out(personId: string, r: OfficerActionResult) {
    const s = r.state;
    return {
      personId,
      colour: s.colour,
      since: iso(s.since),
      redBasis: s.redBasis,
      isolationStart: iso(s.isolationStart),
      isolationEnd: iso(s.isolationStart === null ? null : s.isolationStart + preset.isolationPeriod),
      dischargedAt: iso(s.dischargedAt),
      monitoringEnd: iso(s.dischargedAt === null ? null : s.dischargedAt + preset.monitoringPeriod),
      changed: r.changed,
      transitions: r.transitions.map((t) => ({ at: iso(t.at), from: t.from, to: t.to, rule: t.rule })),
    };
  }

  api.post(
    '/people/:id/close-contact',
    {
      schema: {
        operationId: 'designateCloseContact',
        summary:
          'Designate a close contact (green or yellow → red, showing your unit), optionally starting the isolation; with a written reason (audited)',
        tags: ['health codes'],
        params: idParams,
        body: body(['reason'], {
          reason: reasonText,
          isolationStart: instant('also start the 14-day isolation then (not in the future)'),
        }),
        response: actionResponse,
      },
    },
    async (request) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      const { reason, isolationStart } = request.body;
      const start = isolationStart === undefined ? null : past(isolationStart, 'body.isolationStart');
      const result = await designateCloseContact(ctx.db, {
        personId,
        officerId: userId,
        officerUnit: (await userUnit(ctx.db, userId)) ?? '',
        reason,
        isolationStart: start,
        preset: ctx.preset,
        now: ctx.now(),
      });
      return out(personId, result);
    },
  );

  api.post(
    '/people/:id/isolation',
    {
      schema: {
        operationId: 'startIsolation',
        summary:
          'Start a designated close contact’s 14-day isolation (green after it, with a negative test in its last 24 h); with a written reason (audited)',
        tags: ['health codes'],
        params: idParams,
        body: body(['startedAt', 'reason'], {
          startedAt: instant('when the isolation began (not in the future)'),
          reason: reasonText,
        }),
        response: actionResponse,
      },
    },
    async (request) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      const startedAt = past(request.body.startedAt, 'body.startedAt');
      const result = await startIsolation(ctx.db, {
        personId,
        officerId: userId,
        reason: request.body.reason,
        startedAt,
        preset: ctx.preset,
        now: ctx.now(),
      });
      return out(personId, result);
    },
  );

  api.post(
    '/people/:id/discharge',
    {
      schema: {
        operationId: 'dischargeCase',
        summary:
          'Discharge a confirmed case: 14 days of monitoring begin, then green by rule; with a written reason (audited)',
        tags: ['health codes'],
        params: idParams,
        body: body(['dischargedAt', 'reason'], {
          dischargedAt: instant('when the case was discharged (not in the future)'),
          reason: reasonText,
        }),
        response: actionResponse,
      },
    },
    async (request) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      const dischargedAt = past(request.body.dischargedAt, 'body.dischargedAt');
      const result = await dischargeCase(ctx.db, {
        personId,
        officerId: userId,
        reason: request.body.reason,
        dischargedAt,
        preset: ctx.preset,
        now: ctx.now(),
      });
      return out(personId, result);
    },
  );
}
