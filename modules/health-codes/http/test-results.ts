/**
 * PCR results: recordTestResult stores a result (once per lab, sample and person) and applies it
 * to the person's code at once; listTestResults reads a person's results. Lab users and health
 * officers, for people whose home place is in their scope; both audited.
 */

import { type Api, commonErrors, errorRef, invalid } from '@renxing/http';
import { appendAudit } from '@renxing/modules/audit';
import { CLOCK_SKEW } from '../rules/admission.js';
import { recordPcrResult } from '../service/test-results.js';
import { testResultsOf } from '../store/test-results.js';
import { type HealthCodeContext, personInScope } from './context.js';
import { COLOUR_ENUM, idParams, readQuery, testResultOut, testResultSchema } from './schemas.js';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

const recordedSchema = {
  type: 'object',
  required: ['testResult', 'inserted', 'colour', 'transition'],
  properties: {
    testResult: testResultSchema,
    inserted: { type: 'boolean', description: 'false: this sample was already recorded (nothing changed)' },
    colour: { type: 'string', enum: COLOUR_ENUM, description: 'the person’s colour after the result' },
    transition: {
      type: ['object', 'null'],
      properties: { from: { type: 'string' }, to: { type: 'string' }, rule: { type: 'string' } },
    },
  },
} as const;

export function testResultRoutes(api: Api, ctx: HealthCodeContext): void {
  api.post(
    '/test-results',
    {
      schema: {
        operationId: 'recordTestResult',
        summary:
          'Record a PCR result and apply it to the person’s code; re-sending the same sample changes nothing',
        tags: ['health codes'],
        body: {
          type: 'object',
          required: ['personId', 'result', 'sampledAt', 'lab', 'sampleId'],
          additionalProperties: false,
          properties: {
            personId: { type: 'string', format: 'uuid' },
            result: { type: 'string', enum: ['negative', 'positive'] },
            sampledAt: { type: 'string', format: 'date-time', description: 'when the sample was taken' },
            lab: text(100),
            sampleId: text(100),
            poolId: text(100),
          },
        } as const,
        response: {
          201: recordedSchema,
          200: recordedSchema,
          ...commonErrors,
          409: errorRef,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const sampled = Date.parse(body.sampledAt);
      if (!Number.isFinite(sampled)) throw invalid('body.sampledAt', 'not a date-time');
      if (sampled / 1000 > ctx.now() + CLOCK_SKEW) throw invalid('body.sampledAt', 'is in the future');
      const { userId, personId } = await personInScope(ctx.db, request, body.personId);
      const recorded = await recordPcrResult(
        ctx.db,
        {
          personId,
          result: body.result,
          sampledAt: new Date(sampled),
          lab: body.lab.trim(),
          sampleId: body.sampleId.trim(),
          poolId: body.poolId?.trim() ?? null,
          recordedBy: userId,
          reportedAt: new Date(Math.max(ctx.now() * 1000, sampled)),
          now: ctx.now(),
        },
        { preset: ctx.preset },
      );
      return reply.code(recorded.inserted ? 201 : 200).send({
        testResult: testResultOut(recorded.test),
        inserted: recorded.inserted,
        colour: recorded.state.colour,
        transition: recorded.transition
          ? { from: recorded.transition.from, to: recorded.transition.to, rule: recorded.transition.rule }
          : null,
      });
    },
  );

  api.get(
    '/people/:id/test-results',
    {
      schema: {
        operationId: 'listTestResults',
        summary: 'A person’s test results, by sampling time (audited)',
        tags: ['health codes'],
        params: idParams,
        querystring: readQuery,
        response: {
          200: {
            type: 'object',
            required: ['testResults'],
            properties: { testResults: { type: 'array', items: testResultSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { userId, personId } = await personInScope(ctx.db, request, request.params.id);
      await appendAudit(ctx.db, {
        actor: userId,
        action: 'test_result.read',
        subjectType: 'person',
        subjectId: personId,
        reason: request.query.reason ?? 'viewed test results',
      });
      return { testResults: (await testResultsOf(ctx.db, personId)).map(testResultOut) };
    },
  );
}
