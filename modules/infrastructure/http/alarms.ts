/**
 * Sensors and alarms: listSensors, defineSensor, listReadings, ingestReadings (JSON or CSV),
 * listAlarms, acknowledgeAlarm. The plugin also runs the live feed while the app is up: the MQTT
 * adapter when `ctx.sensors.mqttUrl` is set, the offline ticker when `offlineTickSeconds` > 0.
 */
import { invalid, RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import { scopeOf } from '@renxing/modules/access';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditActor, type InfraActor } from '../service/actor.js';
import { acknowledgeAlarm } from '../service/alarms.js';
import { type SensorFeed, startSensorFeed } from '../service/mqtt.js';
import { ingestReadings, ingestReadingsCsv } from '../service/readings.js';
import { defineSensor } from '../service/sensors.js';
import { type Alarm, listAlarms } from '../store/alarms.js';
import { readingsOf } from '../store/readings.js';
import { assetInScopeById, listSensors, type Sensor, sensorById } from '../store/sensors.js';
import {
  alarmSchema,
  alarmsQuery,
  assetId,
  ingestAnswer,
  readingsAnswer,
  readingsBody,
  readingsQuery,
  sensorBody,
  sensorParams,
  sensorSchema,
} from './schemas-alarms.js';

/** Largest readings upload (JSON or CSV). */
const MAX_BYTES = 16 * 1024 * 1024;
const DAY_MS = 86_400_000;
const MAX_MS = 253_402_300_799_000;

function actorOf(request: FastifyRequest, ctx: AppContext): InfraActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

/** A sensor as the API shows it (a rule's `since` as an instant). */
export function sensorView(s: Sensor) {
  return {
    ...s,
    rules: s.rules.map((r) => ({
      id: r.id,
      op: r.op,
      threshold: r.threshold,
      hysteresis: r.hysteresis,
      forS: r.forS,
      raised: r.state.raised,
      since: r.state.since === null ? null : new Date(r.state.since * 1000),
    })),
  };
}

const alarmView = (a: Alarm) => a;

/** 404 for an asset the caller does not see (a filter naming it must not tell it exists). */
async function requireAsset(ctx: AppContext, assetId: string | undefined, scope: string): Promise<void> {
  if (assetId !== undefined && !(await assetInScopeById(ctx.db, assetId, scope)))
    throw new RenxingError('RX_NO_SUCH_ASSET', { asset: assetId }, 'query.assetId');
}

/** Runs the live feed for the app's lifetime (from ready to close). */
function runFeed(fastify: FastifyInstance, ctx: AppContext): void {
  const { mqttUrl, city, offlineTickSeconds } = ctx.sensors;
  if (!mqttUrl && offlineTickSeconds <= 0) return;
  let feed: SensorFeed | null = null;
  fastify.addHook('onReady', async () => {
    feed = startSensorFeed({
      db: ctx.db,
      url: mqttUrl,
      city,
      now: ctx.now,
      offlineTickSeconds,
      log: fastify.log.child({ feed: 'sensors' }),
    });
  });
  fastify.addHook('onClose', async () => {
    await feed?.stop();
  });
}

export default async function alarmRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  runFeed(fastify, ctx);
  api.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_BYTES }, (_r, body, done) =>
    done(null, body),
  );

  api.get(
    '/infra/sensors',
    {
      schema: {
        operationId: 'listSensors',
        summary: 'Sensors of the assets within your place, with their newest reading, offline flag and rules',
        tags: ['infrastructure'],
        description: 'An assetId outside your place reads as no such asset (404).',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { assetId },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['sensors'],
            properties: { sensors: { type: 'array', items: sensorSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      await requireAsset(ctx, request.query.assetId, scope);
      const sensors = await listSensors(db, { scope, assetId: request.query.assetId });
      return { sensors: sensors.map(sensorView) };
    },
  );

  api.put(
    '/infra/sensors/:id',
    {
      schema: {
        operationId: 'defineSensor',
        summary: 'Create or redefine a sensor of an asset: quantity, unit, offline timeout, rules (audited)',
        description:
          'Rules are above T or below T with hysteresis H ≥ 0 and for D ≥ 0 seconds. Redefining keeps the unchanged rules with ' +
          'their state; a changed or removed rule closes its open alarm. combine any/all joins the rules into the asset’s OR/AND alarm.',
        tags: ['infrastructure'],
        params: sensorParams,
        body: sensorBody,
        response: {
          200: {
            type: 'object',
            required: ['sensor', 'created'],
            properties: { sensor: sensorSchema, created: { type: 'boolean' } },
          },
          201: {
            type: 'object',
            required: ['sensor', 'created'],
            properties: { sensor: sensorSchema, created: { type: 'boolean' } },
          },
          409: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request, ctx);
      const b = request.body;
      const r = await defineSensor(
        db,
        {
          id: request.params.id,
          assetId: b.assetId,
          quantity: b.quantity,
          unit: b.unit ?? '',
          timeoutS: b.timeoutS,
          rules: (b.rules ?? []).map((x) => ({
            op: x.op,
            threshold: x.threshold,
            hysteresis: x.hysteresis ?? 0,
            forS: x.forS ?? 0,
          })),
          combine: b.combine ?? null,
        },
        actor,
      );
      return reply.code(r.created ? 201 : 200).send({ sensor: sensorView(r.sensor), created: r.created });
    },
  );

  api.get(
    '/infra/sensors/:id/readings',
    {
      schema: {
        operationId: 'listReadings',
        summary: "A sensor's readings in a time window, in time order (a chart's series)",
        tags: ['infrastructure'],
        params: sensorParams,
        querystring: readingsQuery,
        response: { 200: readingsAnswer, ...commonErrors },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const sensor = await sensorById(db, request.params.id, { scope });
      if (!sensor) throw new RenxingError('RX_NO_SUCH_SENSOR', { sensor: request.params.id });
      const q = request.query;
      // Readings lie between 1970 and 9999 (ingest refuses the rest): so does the window.
      const clamp = (ms: number) => new Date(Math.min(Math.max(ms, 0), MAX_MS));
      const instant = (text: string, field: string) => {
        const ms = Date.parse(text);
        if (Number.isNaN(ms))
          throw invalid(`query.${field}`, { en: 'not an instant', 'zh-CN': '不是有效时间' });
        return ms;
      };
      const to = clamp(q.to ? instant(q.to, 'to') : ctx.now() * 1000 + 1000);
      const from = clamp(q.from ? instant(q.from, 'from') : to.getTime() - DAY_MS);
      if (from.getTime() > to.getTime()) throw invalid('query.from', { en: 'after to', 'zh-CN': '晚于 to' });
      const r = await readingsOf(db, sensor.id, { from, to, limit: q.limit ?? 5000 });
      return { sensor: sensorView(sensor), from, to, ...r };
    },
  );

  api.post(
    '/infra/readings',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'ingestReadings',
        summary: 'Readings by file: JSON {readings:[{sensor,ts,value}]} or CSV sensor,ts,value (one batch)',
        description:
          'Every good reading is stored; one older than its sensor’s newest is kept but drives no alarm. The rest drive the ' +
          'sensors’ rules, raising and clearing alarms. Bad entries come back by index (JSON) or line (CSV) with the reason; ' +
          'sensors outside your place read as unknown.',
        tags: ['infrastructure'],
        consumes: ['application/json', 'text/csv'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200, description: "the file's name, for the audit trail" },
          },
        } as const,
        body: readingsBody,
        response: { 200: ingestAnswer, 413: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const o = { actor: auditActor(actor), scope: actor.scope ?? undefined };
      const body = request.body;
      if (typeof body === 'string') {
        if (body.trim() === '') throw new RenxingError('RX_FILE_EMPTY', { file: 'body' }, 'body');
        return ingestReadingsCsv(db, body, actor.now, { ...o, file: request.query.name });
      }
      const { rejected, ...r } = await ingestReadings(db, body.readings, actor.now, { ...o, source: 'http' });
      return { ...r, rejects: rejected };
    },
  );

  api.get(
    '/infra/alarms',
    {
      schema: {
        operationId: 'listAlarms',
        summary: 'Alarms of the assets within your place, newest raise first',
        tags: ['infrastructure'],
        querystring: alarmsQuery,
        response: {
          200: {
            type: 'object',
            required: ['alarms', 'total'],
            properties: {
              alarms: { type: 'array', items: alarmSchema },
              total: { type: 'integer', description: 'how many match (limit aside)' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const q = request.query;
      await requireAsset(ctx, q.assetId, scope);
      const r = await listAlarms(db, {
        scope,
        state: q.state ?? 'all',
        assetId: q.assetId,
        sensorId: q.sensorId,
        limit: q.limit ?? 200,
      });
      return { alarms: r.alarms.map(alarmView), total: r.total };
    },
  );

  api.post(
    '/infra/alarms/:id/acknowledge',
    {
      schema: {
        operationId: 'acknowledgeAlarm',
        summary: 'Acknowledge an alarm: who saw it, and when (audited; again changes nothing)',
        tags: ['infrastructure'],
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['alarm', 'changed'],
            properties: { alarm: alarmSchema, changed: { type: 'boolean' } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const r = await acknowledgeAlarm(db, request.params.id, actor);
      return { alarm: alarmView(r.alarm), changed: r.changed };
    },
  );
}
