/**
 * SLAs, statistics and early warnings: listReportSlas, setReportSla, getParticipationStats,
 * listEarlyWarnings, runEarlyWarnings. While the app runs (from ready to close), the early warning
 * is checked every `ctx.earlyWarningSeconds` (off in apps built without a configuration).
 */
import { type AppContext, commonErrors, typed } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { setReportSla } from '../service/slas.js';
import { getParticipationStats } from '../service/stats.js';
import { checkEarlyWarnings } from '../service/warnings.js';
import { listReports } from '../store/reports.js';
import { listSlas } from '../store/slas.js';
import { listWarnings } from '../store/warnings.js';
import { actorOf, staffScope } from './actor.js';
import {
  checkSchema,
  slaBody,
  slaListSchema,
  slaParams,
  statsQuery,
  statsSchema,
  warningsQuery,
  warningsSchema,
} from './schemas.js';

/** The statistics' default period: the 30 days before `to`. */
const STATS_DAYS = 30;

/** Runs the early-warning check on a timer for the app's lifetime. */
function runTicker(fastify: FastifyInstance, ctx: AppContext): void {
  const seconds = ctx.earlyWarningSeconds ?? 0;
  if (seconds <= 0) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = checkEarlyWarnings(ctx.db, ctx.notifier, new Date(ctx.now() * 1000))
      .then((raised) => {
        if (raised.length > 0)
          fastify.log.warn(
            { warnings: raised.map((w) => ({ id: w.id, place: w.placePath, n: w.n })) },
            'early warnings raised',
          );
      })
      .catch((err) => fastify.log.error({ err }, 'early warning check failed'));
  };
  fastify.addHook('onReady', async () => {
    tick();
    timer = setInterval(tick, seconds * 1000);
    timer.unref();
  });
  fastify.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}

export default async function oversightRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  runTicker(fastify, ctx);

  api.get(
    '/participation/slas',
    {
      schema: {
        operationId: 'listReportSlas',
        summary:
          'Service levels per report category: hours to acknowledge and to respond (defaults 24 and 72)',
        tags: ['participation'],
        response: { 200: slaListSchema, ...commonErrors },
      },
    },
    async () => ({ slas: await listSlas(db) }),
  );

  api.put(
    '/participation/slas/:category',
    {
      schema: {
        operationId: 'setReportSla',
        summary: 'Set a category’s service level (the city)',
        tags: ['participation'],
        params: slaParams,
        body: slaBody,
        response: { 200: slaListSchema, ...commonErrors },
      },
    },
    async (request) => ({
      slas: await setReportSla(db, actorOf(request, ctx), {
        category: request.params.category,
        ...request.body,
      }),
    }),
  );

  api.get(
    '/participation/stats',
    {
      schema: {
        operationId: 'getParticipationStats',
        summary: 'Per place and period: counts by state, share within SLA, median hours to respond, breaches',
        tags: ['participation'],
        querystring: statsQuery,
        response: { 200: statsSchema, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const now = new Date(ctx.now() * 1000);
      const to = q.to === undefined ? now : new Date(q.to);
      return getParticipationStats(db, {
        scope: staffScope(request, q.placePath),
        from: q.from === undefined ? new Date(to.getTime() - STATS_DAYS * 86_400_000) : new Date(q.from),
        to,
        now,
      });
    },
  );

  api.get(
    '/participation/early-warnings',
    {
      schema: {
        operationId: 'listEarlyWarnings',
        summary:
          'Early warnings raised from residents’ symptom reports within your place, with the reports behind them',
        tags: ['participation'],
        querystring: warningsQuery,
        response: { 200: warningsSchema, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      const scope = staffScope(request, q.placePath);
      const warnings = await listWarnings(db, {
        scope,
        from: q.from === undefined ? undefined : new Date(q.from),
        to: q.to === undefined ? undefined : new Date(q.to),
        limit: q.limit ?? 100,
      });
      if (!q.withReports) return { warnings };
      const out = [];
      for (const w of warnings) {
        const ids = new Set(w.reportIds);
        const { reports } = await listReports(db, {
          scope: w.placePath,
          category: 'health_symptom',
          from: new Date(w.raisedAt.getTime() - 24 * 3_600_000),
          to: new Date(w.raisedAt.getTime() + 1),
          limit: 500,
          offset: 0,
        });
        out.push({ ...w, reports: reports.filter((r) => ids.has(r.id)) });
      }
      return { warnings: out };
    },
  );

  api.post(
    '/participation/early-warnings/check',
    {
      schema: {
        operationId: 'runEarlyWarnings',
        summary: 'Run the early-warning rule now for every community (it also runs hourly)',
        tags: ['participation'],
        response: { 200: checkSchema, ...commonErrors },
      },
    },
    async () => ({ raised: await checkEarlyWarnings(db, ctx.notifier, new Date(ctx.now() * 1000)) }),
  );
}
