/**
 * Volunteers: registerVolunteer, listVolunteers, getVolunteer, verifyVolunteer, setVolunteerWindows,
 * recordVolunteerHours, importVolunteers; a volunteer's own record: getMyVolunteer,
 * setMyVolunteerWindows.
 */
import { FieldError, invalid, RenxingError } from '@renxing/contracts';
import { type AppContext, acceptFileBodies, commonErrors, errorRef, typed, uuidParams } from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { recordHours } from '../service/hours.js';
import { importVolunteers } from '../service/import.js';
import { volunteerOfUser } from '../service/lookup.js';
import { registerVolunteer, setVolunteerWindows, verifyVolunteer } from '../service/volunteers.js';
import { hoursOf } from '../store/hours.js';
import { listVolunteers, volunteerById } from '../store/volunteers.js';
import {
  hoursBody,
  hoursEntrySchema,
  importSchema,
  listQuery,
  registerBody,
  volunteerSchema,
  windowsBody,
} from './schemas.js';
import { actorOf, windowsOf } from './view.js';

const MAX_BYTES = 8 * 1024 * 1024;
const TAGS = ['volunteers'];

export default async function volunteerRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  acceptFileBodies(fastify, TABLE_TYPES, MAX_BYTES);
  const now = () => new Date(ctx.now() * 1000);

  api.get(
    '/volunteers',
    {
      schema: {
        operationId: 'listVolunteers',
        summary:
          'Volunteers of the communities within your place (phones masked), with rosters of officials posted down',
        tags: TAGS,
        querystring: listQuery,
        response: {
          200: {
            type: 'object',
            required: ['total', 'volunteers'],
            properties: { total: { type: 'integer' }, volunteers: { type: 'array', items: volunteerSchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const q = request.query;
      if (q.under) requireInScope(q.under, scope);
      return listVolunteers(db, { scope, ...q });
    },
  );

  api.post(
    '/volunteers',
    {
      schema: {
        operationId: 'registerVolunteer',
        summary:
          'Register a volunteer (unverified): staff for someone of a community within their place, a resident for themself',
        description:
          "Staff give name, phone, skills and community, and may create the volunteer's account (role volunteer) or link an existing " +
          'volunteer account, or post an official down (posted, with their unit as organisation). A resident gives skills (and a ' +
          "phone, location, capacity, windows): the rest comes from their record, and their own account becomes the volunteer's. One " +
          'phone, person or account is one volunteer (409).',
        tags: TAGS,
        body: registerBody,
        response: { 201: volunteerSchema, 409: errorRef, ...commonErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const input = { ...b, skills: [...b.skills], windows: windowsOf(b.windows) };
      const user = request.user;
      let created: Awaited<ReturnType<typeof registerVolunteer>>;
      if (user?.role === 'resident') {
        if (!user.personId) throw new RenxingError('RX_NOT_FOUND');
        created = await registerVolunteer(db, input, {
          kind: 'self',
          userId: user.id,
          personId: user.personId,
          now: now(),
        });
      } else created = await registerVolunteer(db, input, { kind: 'staff', actor: actorOf(request, ctx) });
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/volunteers/me',
    {
      schema: {
        operationId: 'getMyVolunteer',
        summary: 'Your own volunteer record (your account as a volunteer), with your hours served',
        tags: TAGS,
        response: {
          200: {
            type: 'object',
            required: ['volunteer', 'hours'],
            properties: { volunteer: volunteerSchema, hours: { type: 'array', items: hoursEntrySchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const v = request.user && (await volunteerOfUser(db, request.user.id));
      if (!v) throw new RenxingError('RX_NOT_FOUND');
      return { volunteer: v, hours: await hoursOf(db, v.id) };
    },
  );

  api.put(
    '/volunteers/me/windows',
    {
      schema: {
        operationId: 'setMyVolunteerWindows',
        summary: 'Replace your availability windows (merged where they overlap; audited)',
        tags: TAGS,
        body: windowsBody,
        response: { 200: volunteerSchema, ...commonErrors },
      },
    },
    async (request) => {
      const user = request.user;
      const v = user && (await volunteerOfUser(db, user.id));
      if (!user || !v) throw new RenxingError('RX_NOT_FOUND');
      return setVolunteerWindows(db, v.id, windowsOf(request.body.windows), {
        userId: user.id,
        scope: null,
        now: now(),
      });
    },
  );

  api.get(
    '/volunteers/:id',
    {
      schema: {
        operationId: 'getVolunteer',
        summary: 'A volunteer of a community within your place (phone masked), with their hours served',
        tags: TAGS,
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['volunteer', 'hours'],
            properties: { volunteer: volunteerSchema, hours: { type: 'array', items: hoursEntrySchema } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { scope } = scopeOf(request);
      const v = await volunteerById(db, request.params.id, { scope });
      if (!v) throw new RenxingError('RX_NOT_FOUND');
      return { volunteer: v, hours: await hoursOf(db, v.id) };
    },
  );

  api.post(
    '/volunteers/:id/verify',
    {
      schema: {
        operationId: 'verifyVolunteer',
        summary:
          'Verify a volunteer of a community within your place: only verified volunteers are matched (audited)',
        description: 'Verifying a verified volunteer again changes nothing (changed false).',
        tags: TAGS,
        params: uuidParams,
        response: {
          200: {
            type: 'object',
            required: ['volunteer', 'changed'],
            properties: { volunteer: volunteerSchema, changed: { type: 'boolean' } },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => verifyVolunteer(db, request.params.id, actorOf(request, ctx)),
  );

  api.put(
    '/volunteers/:id/windows',
    {
      schema: {
        operationId: 'setVolunteerWindows',
        summary: "Replace a volunteer's availability windows (merged where they overlap; audited)",
        tags: TAGS,
        params: uuidParams,
        body: windowsBody,
        response: { 200: volunteerSchema, ...commonErrors },
      },
    },
    async (request) =>
      setVolunteerWindows(db, request.params.id, windowsOf(request.body.windows), actorOf(request, ctx)),
  );

  api.post(
    '/volunteers/:id/hours',
    {
      schema: {
        operationId: 'recordVolunteerHours',
        summary:
          'Record hours served by a volunteer of a community within your place (audited; a source is recorded once)',
        tags: TAGS,
        params: uuidParams,
        body: hoursBody,
        response: {
          200: {
            type: 'object',
            required: ['recorded', 'entry'],
            properties: {
              recorded: { type: 'boolean', description: 'false: this source was recorded before' },
              entry: { anyOf: [hoursEntrySchema, { type: 'null' }] },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) =>
      recordHours(db, { volunteerId: request.params.id, ...request.body }, actorOf(request, ctx)),
  );

  api.post(
    '/volunteers/import',
    {
      bodyLimit: MAX_BYTES,
      schema: {
        operationId: 'importVolunteers',
        summary:
          'A volunteers file (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,from,to]) registering or updating volunteers',
        description:
          'A row names a volunteer by phone: a new one is registered (unverified), a known one updated. Several rows with one phone add ' +
          'availability windows (from,to: instants, or city time YYYY-MM-DD HH:mm). Skills separated by ; (codes or Chinese words); ' +
          "organisation by its name; lon,lat default to the community's centre; capacity default 2. Rows that cannot be used come back " +
          'as rejects with their line and reason; the rest is kept. The same file again changes nothing.',
        tags: TAGS,
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
      return ctx.imports.run(actor.userId!, () =>
        importVolunteers(db, body, {
          kind: kindOfType(request.headers['content-type']),
          source: { file: request.query.name ?? 'body', field: 'body' },
          actor,
        }),
      );
    },
  );
}
