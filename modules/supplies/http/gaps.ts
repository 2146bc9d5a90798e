/** Gaps, the export and alerts: getSupplyGaps, exportSupplies (XLSX), listSupplyAlerts, raiseSupplyAlerts. */
import { invalid } from '@renxing/contracts';
import { type AppContext, commonErrors, placePath, typed } from '@renxing/http';
import { XLSX_TYPE } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { raiseSupplyAlerts, supplyAlerts } from '../service/alerts.js';
import { exportSupplies } from '../service/export.js';
import { supplyGaps } from '../service/gaps.js';
import { actorOf, underOf } from './actor.js';
import { alertsSchema, gapsSchema, itemCode, raisedSchema } from './schemas.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Horizons the database can hold and people mean: 1900 to 9999. */
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/**
 * The horizon a query names: `YYYY-MM-DD` reads as the end of that day in the city (+08:00), so a
 * lot counts when it is usable the whole day; an instant as given; none: now.
 */
export function horizonOf(text: string | undefined, now: Date): Date {
  if (text === undefined || text === '') return now;
  const day = DATE.exec(text);
  const t = day ? Date.parse(`${text}T00:00:00+08:00`) + 86_400_000 : Date.parse(text);
  if (
    Number.isNaN(t) ||
    t < EARLIEST ||
    t > LATEST ||
    (day && new Date(t - 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10) !== text)
  )
    throw invalid('query.horizon', {
      en: 'a date (YYYY-MM-DD) or an instant',
      'zh-CN': '应为日期（YYYY-MM-DD）或时间',
    });
  return new Date(t);
}

const horizon = {
  type: 'string',
  maxLength: 40,
  description: 'YYYY-MM-DD (through the end of that day, city time) or an instant; default now',
} as const;

export default async function gapRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  const now = () => new Date(ctx.now() * 1000);

  api.get(
    '/supplies/gaps',
    {
      schema: {
        operationId: 'getSupplyGaps',
        summary:
          'Supply gaps at a horizon: per community requirement, usable stock and gap; per street, district and city its own stock against the gaps below it',
        description:
          "A community's requirement for an item: Σ over the norms covering it of the norm per resident × residents " +
          'homed there; usable stock: lots in stores at or under it not expired at the horizon; gap = max(0, ' +
          'requirement − stock). A higher place covers the gaps of the places under it with its own stores: its gap = ' +
          'max(0, gaps below − own stock).',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            under: { ...placePath, description: 'a place within yours; default your place' },
            horizon,
            item: itemCode,
          },
        } as const,
        response: { 200: gapsSchema, ...commonErrors },
      },
    },
    async (request) => {
      const q = request.query;
      return supplyGaps(db, {
        under: underOf(request, q.under),
        horizon: horizonOf(q.horizon, now()),
        item: q.item,
      });
    },
  );

  api.get(
    '/supplies/export',
    {
      schema: {
        operationId: 'exportSupplies',
        summary: 'The stock (lots) and the gaps at or under a place within yours, as an XLSX workbook',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: placePath, horizon },
        } as const,
        produces: [XLSX_TYPE],
        response: { 200: { type: 'string', format: 'binary' }, ...commonErrors },
      },
    },
    async (request, reply) => {
      const under = underOf(request, request.query.under);
      const at = horizonOf(request.query.horizon, now());
      const file = await exportSupplies(db, { under, horizon: at });
      const name = `supplies-${under}-${at.toISOString().slice(0, 10)}.xlsx`;
      return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  );

  api.get(
    '/supplies/alerts',
    {
      schema: {
        operationId: 'listSupplyAlerts',
        summary:
          'Alerts standing now: lots expiring within 30 days, gaps above zero, stores below an item’s minimum',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: placePath },
        } as const,
        response: { 200: alertsSchema, ...commonErrors },
      },
    },
    async (request) => supplyAlerts(db, { under: underOf(request, request.query.under), now: now() }),
  );

  api.post(
    '/supplies/alerts/raise',
    {
      schema: {
        operationId: 'raiseSupplyAlerts',
        summary: "The alerts standing now raised as items in the inbox of each store's or place's place",
        description: 'An alert raised before (same origin and reference) is not raised again.',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: placePath },
        } as const,
        response: { 200: raisedSchema, ...commonErrors },
      },
    },
    async (request) => {
      const under = underOf(request, request.query.under);
      return raiseSupplyAlerts(db, now(), { under, actor: actorOf(request, ctx).userId });
    },
  );
}
