/**
 * Stores, stock and movements: listSupplyStores, createSupplyStore, listStock, listMovements,
 * receiveStock, issueStock, transferStock, adjustStock, expireStock.
 */
import { RenxingError } from '@renxing/contracts';
import { type AppContext, commonErrors, errorRef, placePath, typed } from '@renxing/http';
import { isWithin } from '@renxing/modules/places';
import type { FastifyInstance } from 'fastify';
import { adjustStock, expireStock, issueStock, receiveStock, transferStock } from '../service/movements.js';
import { createSupplyStore } from '../service/stores.js';
import { listMovements, listStock } from '../store/lots.js';
import { listStores, storeById } from '../store/stores.js';
import { actorOf, underOf } from './actor.js';
import {
  adjustBody,
  expireBody,
  issueBody,
  itemCode,
  lotSchema,
  movementSchema,
  receiveBody,
  storeBody,
  storeSchema,
  transferBody,
} from './schemas.js';

const filters = {
  under: { ...placePath, description: 'a place within yours; default your place' },
  store: { type: 'string', format: 'uuid' },
  item: itemCode,
} as const;

const conflict = { 409: errorRef } as const;

export default async function stockRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  /** The store filter, if any, when it lies within the caller's place (404 otherwise). */
  async function storeFilter(under: string, store: string | undefined): Promise<string | undefined> {
    if (store === undefined) return undefined;
    const found = await storeById(db, store);
    if (!found || !isWithin(found.placePath, under)) throw new RenxingError('RX_NOT_FOUND');
    return found.id;
  }

  api.get(
    '/supplies/stores',
    {
      schema: {
        operationId: 'listSupplyStores',
        summary: 'The stores at or under a place within yours',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: filters.under },
        } as const,
        response: { 200: { type: 'array', items: storeSchema }, ...commonErrors },
      },
    },
    async (request) => listStores(db, underOf(request, request.query.under)),
  );

  api.post(
    '/supplies/stores',
    {
      schema: {
        operationId: 'createSupplyStore',
        summary: 'A store at a place within yours (city, district, street, community or grid)',
        tags: ['supplies'],
        body: storeBody,
        response: { 201: storeSchema, 409: conflict[409], ...commonErrors },
      },
    },
    async (request, reply) => {
      const store = await createSupplyStore(db, request.body, actorOf(request, ctx));
      return reply.code(201).send(store);
    },
  );

  api.get(
    '/supplies/stock',
    {
      schema: {
        operationId: 'listStock',
        summary:
          'The lots holding stock in stores at or under a place within yours, by store, item and expiry',
        tags: ['supplies'],
        querystring: { type: 'object', additionalProperties: false, properties: filters } as const,
        response: { 200: { type: 'array', items: lotSchema }, ...commonErrors },
      },
    },
    async (request) => {
      const under = underOf(request, request.query.under);
      return listStock(db, {
        scope: under,
        storeId: await storeFilter(under, request.query.store),
        item: request.query.item,
      });
    },
  );

  api.get(
    '/supplies/movements',
    {
      schema: {
        operationId: 'listMovements',
        summary: 'Movements in or out of stores at or under a place within yours, newest first',
        tags: ['supplies'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...filters,
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'movements'],
            properties: { total: { type: 'integer' }, movements: { type: 'array', items: movementSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const under = underOf(request, q.under);
      return listMovements(db, {
        scope: under,
        storeId: await storeFilter(under, q.store),
        item: q.item,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
    },
  );

  const movementResponse = { 201: movementSchema, ...conflict, ...commonErrors } as const;
  const expiry = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null ? null : new Date(v);

  api.post(
    '/supplies/receipts',
    {
      schema: {
        operationId: 'receiveStock',
        summary: 'Stock received into a store (a lot; more of the lot with the same expiry)',
        tags: ['supplies'],
        body: receiveBody,
        response: movementResponse,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const m = await receiveStock(
        db,
        {
          store: b.store,
          item: b.item,
          quantity: b.quantity,
          expiresAt: expiry(b.expiresAt),
          reason: b.reason,
        },
        actorOf(request, ctx),
      );
      return reply.code(201).send(m);
    },
  );

  api.post(
    '/supplies/issues',
    {
      schema: {
        operationId: 'issueStock',
        summary: 'Stock issued from a store, the lots expiring first taken first (FEFO)',
        description:
          'Refused whole (409 RX_SUPPLY_INSUFFICIENT, naming the item, the store and what is usable) when the store ' +
          'holds less usable stock than asked; expired lots are never issued.',
        tags: ['supplies'],
        body: issueBody,
        response: movementResponse,
      },
    },
    async (request, reply) => reply.code(201).send(await issueStock(db, request.body, actorOf(request, ctx))),
  );

  api.post(
    '/supplies/transfers',
    {
      schema: {
        operationId: 'transferStock',
        summary: 'Stock out of one store into another in one transaction (FEFO; each lot keeps its expiry)',
        tags: ['supplies'],
        body: transferBody,
        response: movementResponse,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await transferStock(db, request.body, actorOf(request, ctx))),
  );

  api.post(
    '/supplies/adjustments',
    {
      schema: {
        operationId: 'adjustStock',
        summary:
          'The books set right after a count, with a written reason (one lot, or the item in the store)',
        tags: ['supplies'],
        body: adjustBody,
        response: movementResponse,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const m = await adjustStock(
        db,
        {
          store: b.store,
          item: b.item,
          delta: b.delta,
          reason: b.reason,
          lot: b.lot,
          expiresAt: expiry(b.expiresAt),
        },
        actorOf(request, ctx),
      );
      return reply.code(201).send(m);
    },
  );

  api.post(
    '/supplies/expiries',
    {
      schema: {
        operationId: 'expireStock',
        summary:
          'Writes off what is past its expiry: one lot, or every expired lot of a store (a movement per lot)',
        tags: ['supplies'],
        body: expireBody,
        response: { 200: { type: 'array', items: movementSchema }, ...conflict, ...commonErrors },
      },
    },
    async (request) => expireStock(db, request.body, actorOf(request, ctx)),
  );
}
