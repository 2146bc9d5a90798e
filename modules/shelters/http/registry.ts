/** The registry: listShelters, getShelter, createShelter, updateShelter, setShelterState, importShelters. */
import { FieldError, invalid, RenxingError } from '@renxing/contracts';
import {
  type AppContext,
  acceptFileBodies,
  commonErrors,
  errorRef,
  placePath,
  typed,
  uuidParams,
} from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { isWithin } from '@renxing/modules/places';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { periodAt, periodEndsAt } from '../rules/capacity.js';
import { SHELTER_STATES } from '../rules/types.js';
import { importShelters } from '../service/import.js';
import { createShelter, type ShelterActor, setShelterState, updateShelter } from '../service/shelters.js';
import { occupantsOf } from '../store/checkins.js';
import { listShelters, shelterById } from '../store/shelters.js';
import {
  importSchema,
  occupantSchema,
  shelterBody,
  shelterPatch,
  shelterSchema,
  stateBody,
} from './schemas.js';
import { totals, view } from './view.js';

const MAX_BYTES = 16 * 1024 * 1024;

/** The caller as shelters' services see them. */
export function actorOf(request: FastifyRequest, ctx: AppContext): ShelterActor {
  const { user, scope } = scopeOf(request);
  return { userId: user.id, scope, now: new Date(ctx.now() * 1000) };
}

export default async function registryRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  acceptFileBodies(fastify, TABLE_TYPES, MAX_BYTES);

  api.get(
    '/shelters',
    {
      schema: {
        operationId: 'listShelters',
        summary:
          'Shelters reaching your place (at, under or above it) with their places left now, and totals',
        description:
          'Available = capacity − occupancy, the night capacity from 20:00 to 08:00 city time and the day capacity otherwise.',
        tags: ['shelters'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            under: { ...placePath, description: 'only those at or under this place (within yours)' },
            state: { type: 'string', enum: SHELTER_STATES },
            q: { type: 'string', maxLength: 100, description: 'part of the name or address' },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['at', 'period', 'periodEndsAt', 'totals', 'shelters'],
            properties: {
              at: { type: 'string', format: 'date-time' },
              period: shelterSchema.properties.period,
              periodEndsAt: {
                type: 'string',
                format: 'date-time',
                description: 'when the other capacity takes over',
              },
              totals: {
                type: 'object',
                required: ['shelters', 'open', 'capacity', 'occupancy', 'available'],
                properties: {
                  shelters: { type: 'integer' },
                  open: { type: 'integer' },
                  capacity: { type: 'integer', description: "the shelters' capacities now" },
                  occupancy: { type: 'integer' },
                  available: { type: 'integer', description: 'places left in the open shelters' },
                },
              },
              shelters: { type: 'array', items: shelterSchema },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const q = request.query;
      if (q.under) requireInScope(q.under, scope);
      const now = new Date(ctx.now() * 1000);
      const shelters = await listShelters(db, { scope, under: q.under, state: q.state, q: q.q });
      return {
        at: now,
        period: periodAt(now),
        periodEndsAt: periodEndsAt(now),
        totals: totals(shelters, now),
        shelters: shelters.map((s) => view(s, now)),
      };
    },
  );

  api.get(
    '/shelters/:id',
    {
      schema: {
        operationId: 'getShelter',
        summary: 'A shelter with the people checked in now',
        description:
          'A shelter above your place lists the people homed within yours and those you checked in; the others are counted only.',
        tags: ['shelters'],
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['shelter', 'occupants', 'others'],
            properties: {
              shelter: shelterSchema,
              occupants: { type: 'array', items: occupantSchema },
              others: {
                type: 'integer',
                description: 'people checked in who are not listed (homed outside your place)',
              },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const shelter = await shelterById(db, request.params.id, { scope });
      if (!shelter) throw new RenxingError('RX_NOT_FOUND');
      const all = isWithin(shelter.place, scope);
      const occupants = await occupantsOf(db, shelter.id, all ? undefined : { scope, userId: user.id });
      const listed = occupants.reduce((n, o) => n + o.people, 0);
      return {
        shelter: view(shelter, new Date(ctx.now() * 1000)),
        occupants,
        others: Math.max(0, shelter.occupancy - listed),
      };
    },
  );

  api.post(
    '/shelters',
    {
      schema: {
        operationId: 'createShelter',
        summary: 'Register a shelter at a place within yours (closed until opened; audited)',
        tags: ['shelters'],
        body: shelterBody,
        response: { 201: shelterSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const actor = actorOf(request, ctx);
      const created = await createShelter(
        db,
        { ...b, address: b.address ?? null, offers: b.offers ?? [] },
        actor,
      );
      return reply.code(201).send(view(created, actor.now));
    },
  );

  api.patch(
    '/shelters/:id',
    {
      schema: {
        operationId: 'updateShelter',
        summary: "Change a shelter's entry: name, place, location, capacities, type, offers (audited)",
        description:
          'A capacity lowered below the people inside leaves available below zero: nobody more comes in.',
        tags: ['shelters'],
        params: uuidParams,
        body: shelterPatch,
        response: { 200: shelterSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const b = request.body;
      const patch = { ...b, offers: b.offers ? [...b.offers] : undefined };
      return view(await updateShelter(db, request.params.id, patch, actor), actor.now);
    },
  );

  api.post(
    '/shelters/:id/state',
    {
      schema: {
        operationId: 'setShelterState',
        summary: 'Open or close a shelter within your place (audited; the same state again changes nothing)',
        description: 'A closed shelter takes nobody in; those inside stay until they check out.',
        tags: ['shelters'],
        params: uuidParams,
        body: stateBody,
        response: {
          200: {
            type: 'object',
            required: ['shelter', 'changed'],
            properties: { shelter: shelterSchema, changed: { type: 'boolean' } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const r = await setShelterState(
        db,
        request.params.id,
        request.body.state,
        actor,
        request.body.reason ?? null,
      );
      return { shelter: view(r.shelter, actor.now), changed: r.changed };
    },
  );

  api.post(
    '/shelters/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importShelters',
        summary:
          'A shelters file (CSV or XLSX: place,name,lon,lat,capacity_day,capacity_night,type[,offers,address]) creating or updating shelters',
        description:
          'A row names a shelter by its place and name: a new one is created (closed), a known one updated. Rows that cannot be used come ' +
          'back as rejects with their line and reason; the rest is kept. Type: indoor/outdoor (室内/室外); offers: beds, accessible, ' +
          'medical, pets (床位、无障碍、医疗、宠物). The same file again changes nothing.',
        tags: ['shelters'],
        consumes: [...TABLE_TYPES],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            name: { type: 'string', maxLength: 200, description: "the file's name, for the audit trail" },
          },
        } as const,
        response: { 200: importSchema, 413: errorRef, 429: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw invalid('header.content-type', `send the file as ${TABLE_TYPES.join(', ')}`);
      if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      return ctx.imports.run(actor.userId, () =>
        importShelters(db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor,
        }),
      );
    },
  );
}
