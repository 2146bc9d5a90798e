/**
 * importPeople and getPerson.
 *
 * `POST /api/people/import` takes the file itself as the request body (no multipart): a CSV as
 * `text/csv` (UTF-8), an XLSX workbook as
 * `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, or either as
 * `application/octet-stream` (told apart by the ZIP signature). Up to 32 MiB. Columns: name,
 * phone, id_number (optional), address, community (place path or code), household (optional key).
 * Only people whose community lies under the caller's place are stored; others are rejected as an
 * unknown community. The answer counts rows, additions and updates and lists the rejects (line,
 * field, reason). Re-sending the same file after a failure neither loses nor duplicates anyone.
 *
 * `GET /api/people?q=&under=&offset=&limit=` (listPeople) finds people whose home lies under the
 * caller's place (or `under`, which must lie within it): `q` matches part of the name, or exactly a
 * phone number (by its pseudonym) or an ID number. It answers names, masked phones, home places and
 * health-code colours, a page at a time with the total; every search is audited (`people.search`).
 *
 * `GET /api/people/:id` returns one person, including the raw phone, only if their home place
 * lies under the caller's place (anything else reads as 404), and writes the read to the audit
 * log first (who, which person, why: `?reason=`).
 */
import { RenxingError } from '@renxing/contracts';
import {
  type AppContext,
  acceptFileBodies,
  commonErrors,
  errorRef,
  FieldError,
  invalid,
  placePath,
  typed,
  uuidParams,
} from '@renxing/http';
import { requireInScope, scopeOf } from '@renxing/modules/access';
import { appendAudit } from '@renxing/modules/audit';
import { isWithin } from '@renxing/modules/places';
import { kindOfType, TABLE_TYPES, XLSX_TYPE } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { importPeopleFile } from '../service/people-import.js';
import { personById } from '../store/people.js';
import { auditedQuery, searchPeople } from '../store/people-search.js';

const MAX_REJECTS = 1000;

const rejectSchema = {
  type: 'object',
  required: ['line', 'field', 'reason'],
  properties: { line: { type: 'integer' }, field: { type: 'string' }, reason: { type: 'string' } },
} as const;

const personSchema = {
  type: 'object',
  required: ['id', 'name', 'phone', 'idNumber', 'address', 'homePlacePath', 'householdKey'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    phone: { type: ['string', 'null'] },
    idNumber: { type: ['string', 'null'] },
    address: { type: ['string', 'null'] },
    homePlacePath: { type: ['string', 'null'] },
    householdId: { type: ['string', 'null'] },
    householdKey: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const hitSchema = {
  type: 'object',
  required: ['id', 'name', 'phoneMasked', 'homePlacePath', 'homePlaceName', 'colour'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    phoneMasked: { type: ['string', 'null'], description: '138****8000; the full number through getPerson' },
    homePlacePath: { type: 'string' },
    homePlaceName: { type: 'string' },
    colour: { type: 'string', enum: ['green', 'yellow', 'red'], description: 'the current health code' },
  },
} as const;

const reasonQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export default async function peopleRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  // Raw file bodies, in this plugin only.
  acceptFileBodies(fastify, TABLE_TYPES);

  api.post(
    '/people/import',
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        operationId: 'importPeople',
        summary: 'Import people from a CSV or XLSX file sent as the body; bad rows come back as rejects',
        tags: ['people'],
        querystring: reasonQuery,
        consumes: [...TABLE_TYPES],
        response: {
          200: {
            type: 'object',
            required: ['rows', 'inserted', 'updated', 'rejected', 'rejects', 'rejectsTruncated'],
            properties: {
              rows: { type: 'integer', description: 'data rows read (the header not counted)' },
              inserted: { type: 'integer' },
              updated: { type: 'integer' },
              rejected: { type: 'integer' },
              rejects: { type: 'array', items: rejectSchema, description: `the first ${MAX_REJECTS}` },
              rejectsTruncated: { type: 'boolean' },
            },
          },
          413: errorRef,
          429: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw invalid(
          'header.content-type',
          `send the file as text/csv, ${XLSX_TYPE} or application/octet-stream`,
        );
      }
      if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      const kind = kindOfType(request.headers['content-type']);
      const result = await ctx.imports.run(user.id, () =>
        importPeopleFile(ctx.db, body, {
          secret: ctx.citySecret(),
          within: scope,
          kind,
          file: 'body',
          field: 'body',
          audit: { actor: user.id, reason: request.query.reason ?? 'bulk import' },
        }),
      );
      return {
        rows: result.rows,
        inserted: result.inserted,
        updated: result.updated,
        rejected: result.rejects.length,
        rejects: result.rejects.slice(0, MAX_REJECTS),
        rejectsTruncated: result.rejects.length > MAX_REJECTS,
      };
    },
  );

  api.get(
    '/people',
    {
      schema: {
        operationId: 'listPeople',
        summary: 'Find people in your area by name, phone or ID number; every search is audited',
        tags: ['people'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: {
              type: 'string',
              maxLength: 50,
              pattern: '^[^\\x00]*$',
              description: 'part of the name, or a whole phone number or ID number; blank: everyone',
            },
            under: { ...placePath, description: 'a place within yours; default your place' },
            offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['total', 'people'],
            properties: {
              total: { type: 'integer', description: 'how many match in all' },
              people: { type: 'array', items: hitSchema },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const { q, under = scope, offset = 0, limit = 50 } = request.query;
      requireInScope(under, scope);
      const found = await searchPeople(ctx.db, { under, q, secret: ctx.citySecret(), offset, limit });
      await appendAudit(ctx.db, {
        actor: user.id,
        action: 'people.search',
        reason: 'searched the people register',
        detail: {
          ...auditedQuery(q, ctx.citySecret()),
          under,
          offset,
          limit,
          total: found.total,
          shown: found.people.length,
          personIds: found.people.map((p) => p.id),
        },
      });
      return found;
    },
  );

  api.get(
    '/people/:id',
    {
      schema: {
        operationId: 'getPerson',
        summary: 'One person in your area, phone included; every read is audited',
        tags: ['people'],
        params: uuidParams,
        querystring: reasonQuery,
        response: { 200: personSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { user, scope } = scopeOf(request);
      const person = await personById(ctx.db, request.params.id);
      // Outside the caller's place reads exactly like a person who does not exist.
      if (!person?.homePlacePath || !isWithin(person.homePlacePath, scope))
        throw new RenxingError('RX_NOT_FOUND');
      await appendAudit(ctx.db, {
        actor: user.id,
        action: 'person.read',
        subjectType: 'person',
        subjectId: person.id,
        reason: request.query.reason ?? 'viewed the person record',
        detail: { via: 'getPerson', fields: ['name', 'phone', 'id_number', 'address', 'household'] },
      });
      const { phonePseudonym: _hidden, homePlaceId: _place, ...shown } = person;
      return shown;
    },
  );
}
