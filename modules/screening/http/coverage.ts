/** Coverage: getRoundCoverage (counts, per community, countdown), listUntested (JSON or XLSX), getPoolSizeAdvice. */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, placePath, typed, uuidParams } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { tableCsv, tableXlsx, XLSX_TYPE } from '@renxing/sheets';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validPrevalence } from '../rules/pool-size.js';
import { countdown, EXEMPT_REASONS } from '../rules/rounds.js';
import { poolSizeAnswer } from '../service/advice.js';
import { communityCoverage, roundCounts, siteCapacity, untestedPeople } from '../store/coverage.js';
import { roundById } from '../store/rounds.js';
import { countsSchema, coverageRow } from './schemas.js';

const MAX_EXPORT = 200_000;

const underQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { under: { ...placePath, description: 'a place within yours; default your place' } },
} as const;

export default async function coverageRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  /** The round (reaching the caller) and the place the answer is bounded to. */
  async function scoped(request: FastifyRequest, id: string, under: string | undefined) {
    const { scope } = scopeOf(request);
    if (under) requireInScope(under, scope);
    const round = await roundById(db, id, scope);
    if (!round) throw new RenxingError('RX_NOT_FOUND');
    return { round, under: under ?? scope };
  }

  api.get(
    '/screening/rounds/:id/coverage',
    {
      schema: {
        operationId: 'getRoundCoverage',
        summary:
          "A round's coverage: expected, tested and untested people per community, its counts and a countdown",
        tags: ['screening'],
        params: uuidParams,
        querystring: underQuery,
        response: {
          200: {
            type: 'object',
            required: ['roundId', 'under', 'totals', 'counts', 'communities', 'countdown'],
            properties: {
              roundId: { type: 'string' },
              under: { type: 'string' },
              totals: {
                type: 'object',
                required: ['expected', 'exempt', 'tested', 'untested', 'untestedHouseholds'],
                properties: {
                  expected: { type: 'integer' },
                  exempt: { type: 'integer' },
                  tested: { type: 'integer' },
                  untested: { type: 'integer' },
                  untestedHouseholds: { type: 'integer' },
                },
              },
              counts: countsSchema,
              communities: { type: 'array', items: coverageRow },
              countdown: {
                type: 'object',
                required: ['untested', 'hoursNeeded', 'hoursLeft', 'onTrack', 'capacityPerHour', 'endsAt'],
                properties: {
                  untested: { type: 'integer' },
                  hoursNeeded: { type: ['number', 'null'] },
                  hoursLeft: { type: 'number' },
                  onTrack: { type: ['boolean', 'null'] },
                  capacityPerHour: { type: 'integer' },
                  endsAt: { type: 'string', format: 'date-time' },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { round, under } = await scoped(request, request.params.id, request.query.under);
      const [communities, counts, capacity] = await Promise.all([
        communityCoverage(db, round.id, under),
        roundCounts(db, round.id, under),
        siteCapacity(db, round.id),
      ]);
      const totals = { expected: 0, exempt: 0, tested: 0, untested: 0, untestedHouseholds: 0 };
      for (const c of communities) {
        totals.expected += c.expected;
        totals.exempt += c.exempt;
        totals.tested += c.tested;
        totals.untested += c.untested;
        totals.untestedHouseholds += c.untestedHouseholds;
      }
      return {
        roundId: round.id,
        under,
        totals,
        counts,
        communities,
        countdown: {
          ...countdown(totals.untested, capacity, ctx.now(), Math.floor(round.to.getTime() / 1000)),
          capacityPerHour: capacity,
          endsAt: round.to,
        },
      };
    },
  );

  api.get(
    '/screening/rounds/:id/untested',
    {
      schema: {
        operationId: 'listUntested',
        summary:
          'Expected people not yet tested, by community and household (JSON pages, or the whole list as XLSX/CSV for door-to-door work)',
        tags: ['screening'],
        params: uuidParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            under: placePath,
            format: { type: 'string', enum: ['json', 'xlsx', 'csv'], default: 'json' },
            status: {
              type: 'string',
              enum: ['untested', 'exempt'],
              default: 'untested',
              description: 'the untested (default), or those exempted with their reasons',
            },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        produces: ['application/json', XLSX_TYPE, 'text/csv'],
        response: {
          200: {
            type: 'object',
            required: ['total', 'people'],
            properties: {
              total: { type: 'integer' },
              people: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'personId',
                    'name',
                    'phoneMasked',
                    'address',
                    'householdId',
                    'household',
                    'community',
                    'communityName',
                    'exemptReason',
                    'exemptNote',
                  ],
                  properties: {
                    personId: { type: 'string' },
                    name: { type: 'string' },
                    phoneMasked: { type: ['string', 'null'] },
                    address: { type: ['string', 'null'] },
                    householdId: { type: ['string', 'null'] },
                    household: {
                      type: ['string', 'null'],
                      description: 'its address, else its registry key',
                    },
                    exemptReason: { type: ['string', 'null'], enum: [...EXEMPT_REASONS, null] },
                    exemptNote: { type: ['string', 'null'] },
                    community: { type: 'string' },
                    communityName: { type: 'string' },
                  },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { round, under } = await scoped(request, request.params.id, q.under);
      const exempt = q.status === 'exempt';
      if (q.format === 'json' || q.format === undefined) {
        return untestedPeople(db, round.id, under, { limit: q.limit ?? 100, offset: q.offset ?? 0, exempt });
      }
      const { people } = await untestedPeople(db, round.id, under, { limit: MAX_EXPORT, offset: 0, exempt });
      const header = ['community', 'community_name', 'household', 'name', 'phone', 'address'];
      if (exempt) header.push('exempt_reason', 'note');
      const rows = people.map((p) => [
        p.community,
        p.communityName,
        p.household,
        p.name,
        p.phoneMasked,
        p.address,
        ...(exempt ? [p.exemptReason, p.exemptNote] : []),
      ]);
      const name = `untested-${round.id.slice(0, 8)}`;
      if (q.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(tableCsv(header, rows));
      }
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await tableXlsx('未检测名单', header, rows));
    },
  );

  api.get(
    '/screening/pool-size',
    {
      schema: {
        operationId: 'getPoolSizeAdvice',
        summary:
          'The pool size with the fewest expected lab tests at a prevalence (Dorfman), or at the prevalence observed in recent rounds',
        description: 'Members of a positive pooled tube are re-tested in single tubes: never re-pool them.',
        tags: ['screening'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { prevalence: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
        } as const,
        response: {
          200: {
            type: 'object',
            required: [
              'prevalence',
              'k',
              'expectedTests',
              'testsPer10000',
              'pooling',
              'compare',
              'source',
              'observed',
              'warning',
            ],
            properties: {
              prevalence: { type: 'number' },
              k: { type: 'integer' },
              expectedTests: { type: 'number' },
              testsPer10000: { type: 'number' },
              pooling: { type: 'boolean' },
              compare: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['k', 'expectedTests', 'testsPer10000'],
                  properties: {
                    k: { type: 'integer' },
                    expectedTests: { type: 'number' },
                    testsPer10000: { type: 'number' },
                  },
                },
              },
              source: { type: 'string', enum: ['given', 'observed'] },
              warning: {
                type: 'object',
                required: ['en', 'zh-CN'],
                properties: { en: { type: 'string' }, 'zh-CN': { type: 'string' } },
              },
              observed: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['roundId', 'name', 'prevalence', 'tubes'],
                  properties: {
                    roundId: { type: 'string' },
                    name: { type: 'string' },
                    prevalence: { type: ['number', 'null'] },
                    tubes: { type: 'integer' },
                  },
                },
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const p = request.query.prevalence;
      return poolSizeAnswer(
        db,
        scopeOf(request).scope,
        p !== undefined && validPrevalence(p) ? p : undefined,
      );
    },
  );
}
