/** Checking in and out: checkInShelter, checkOutShelter, findShelterWithRoom, findEvacuees. */
import { invalid } from '@renxing/contracts';
import {
  type AppContext,
  commonErrors,
  errorRef,
  placePath,
  searchText,
  typed,
  uuidParams,
} from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { checkInShelter, checkOutShelter } from '../service/checkins.js';
import { findEvacuees, findShelterWithRoom, type Origin } from '../service/nearest.js';
import { actorOf } from './registry.js';
import { checkInBody, evacueeSchema, people, roomAnswer, stayAnswer } from './schemas.js';
import { view } from './view.js';

export default async function checkInRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;

  api.post(
    '/shelters/:id/check-ins',
    {
      schema: {
        operationId: 'checkInShelter',
        summary: 'Check a person, a household or a number of people into a shelter (audited)',
        description:
          'Refused when the shelter is closed, when available would go below zero (also under concurrent check-ins), ' +
          'or when the person or household is checked in somewhere already.',
        tags: ['shelters'],
        params: uuidParams,
        body: checkInBody,
        response: { 201: stayAnswer, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request, ctx);
      const r = await checkInShelter(db, request.params.id, request.body, actor);
      return reply.code(201).send({ checkIn: r.checkIn, shelter: view(r.shelter, actor.now) });
    },
  );

  api.post(
    '/shelters/check-ins/:id/check-out',
    {
      schema: {
        operationId: 'checkOutShelter',
        summary: 'Check a stay out, freeing its places (audited; checking out twice changes nothing)',
        tags: ['shelters'],
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['checkIn', 'shelter', 'changed'],
            properties: { ...stayAnswer.properties, changed: { type: 'boolean' } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const r = await checkOutShelter(db, request.params.id, actor);
      return { ...r, shelter: view(r.shelter, actor.now) };
    },
  );

  api.get(
    '/shelters/nearest',
    {
      schema: {
        operationId: 'findShelterWithRoom',
        summary:
          'The nearest open shelter with room for a party, from a household’s or person’s home, a place or a point',
        description:
          'Among the open shelters reaching your place with available ≥ people now, the least great-circle distance from the ' +
          'home (its community’s centre: homes have no location of their own), ties by id; with a few alternatives. Give one of ' +
          'household, person, place, or lon and lat.',
        tags: ['shelters'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            people: { ...people, default: 1, description: 'how many need a place (default 1)' },
            household: { type: 'string', format: 'uuid' },
            person: { type: 'string', format: 'uuid' },
            place: placePath,
            lon: { type: 'number', minimum: -180, maximum: 180 },
            lat: { type: 'number', minimum: -90, maximum: 90 },
            alternatives: { type: 'integer', minimum: 0, maximum: 20 },
          },
        } as const,
        response: { 200: roomAnswer, 409: errorRef, ...commonErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request, ctx);
      const q = request.query;
      const given: Origin[] = [];
      if (q.household) given.push({ household: q.household });
      if (q.person) given.push({ person: q.person });
      if (q.place) given.push({ place: q.place });
      if (q.lon !== undefined && q.lat !== undefined) given.push({ lon: q.lon, lat: q.lat });
      if (given.length !== 1 || (q.lon === undefined) !== (q.lat === undefined))
        throw invalid('query', {
          en: 'give one of: household, person, place, or lon and lat',
          'zh-CN': '请给出其一：家庭、人员、地点，或经纬度',
        });
      const answer = await findShelterWithRoom(
        db,
        { people: q.people ?? 1, from: given[0], alternatives: q.alternatives },
        actor,
      );
      return {
        ...answer,
        shelter: answer.shelter && view(answer.shelter, actor.now),
        alternatives: answer.alternatives.map((s) => view(s, actor.now)),
      };
    },
  );

  api.get(
    '/shelters/evacuees',
    {
      schema: {
        operationId: 'findEvacuees',
        summary:
          'People homed within your place by part of the name or a whole phone or ID number, with their household and shelter (audited)',
        tags: ['shelters'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['q'],
          properties: { q: searchText },
        } as const,
        response: { 200: { type: 'array', items: evacueeSchema }, ...commonErrors },
      },
    },
    async (request) =>
      findEvacuees(db, request.query.q, { secret: ctx.citySecret(), actor: actorOf(request, ctx) }),
  );
}
