/**
 * The city's list and the burden: listDutyItems, importDutyList, approveAdmission, listAdmissions,
 * listDepartments, createDepartment, getBurdenStats.
 */
import {
  type AppContext,
  acceptFileBodies,
  commonErrors,
  errorRef,
  FieldError,
  invalid,
  placePath,
  typed,
} from '@renxing/http';
import { requireInScope } from '@renxing/modules/access';
import { kindOfType, TABLE_TYPES } from '@renxing/sheets';
import type { FastifyInstance } from 'fastify';
import { burden } from '../rules/burden.js';
import { DUTY_LISTS } from '../rules/duty.js';
import { approveAdmission, createDepartment, importDutyList } from '../service/duty-list.js';
import { localDate } from '../service/intake.js';
import {
  currentDutyVersion,
  dutyItems,
  dutyVersions,
  listAdmissions,
  listDepartments,
} from '../store/duty-list.js';
import { burdenCounts } from '../store/requests.js';
import { actorOf } from './requests.js';
import { burdenRow, date, departmentCode, dutyCode, dutyItemSchema, instant, text } from './schemas.js';

export default async function dutyRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  acceptFileBodies(fastify, TABLE_TYPES, 8 * 1024 * 1024);

  api.get(
    '/duty-items',
    {
      schema: {
        operationId: 'listDutyItems',
        summary:
          'The responsibility list in force (or a version): items by code, searchable; and its versions',
        tags: ['inbox'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            version: { type: 'integer', minimum: 1, maximum: 1_000_000 },
            list: { type: 'string', enum: [...DUTY_LISTS] },
            q: { type: 'string', minLength: 1, maxLength: 100 },
            code: dutyCode,
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['version', 'items', 'versions'],
            properties: {
              version: { type: 'integer', description: 'the version shown (0: no list published yet)' },
              items: { type: 'array', items: dutyItemSchema },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    version: { type: 'integer' },
                    publishedAt: instant,
                    publishedBy: { type: ['string', 'null'] },
                    note: { type: ['string', 'null'] },
                    items: { type: 'integer' },
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
      const { version: asked, list, q, code } = request.query;
      const version = asked ?? (await currentDutyVersion(db));
      const items = await dutyItems(db, { version, list, q });
      return {
        version,
        items: code ? items.filter((i) => i.code === code) : items,
        versions: await dutyVersions(db),
      };
    },
  );

  api.post(
    '/duty-items/import',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        operationId: 'importDutyList',
        summary:
          'Publish a new version of the responsibility list from a CSV or XLSX (code,list,title,department,legal_basis)',
        tags: ['inbox'],
        consumes: [...TABLE_TYPES],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { note: text(200) },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['version', 'rows', 'items', 'rejects'],
            properties: {
              version: { type: 'integer' },
              rows: { type: 'integer' },
              items: { type: 'integer' },
              rejects: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    line: { type: 'integer' },
                    field: { type: 'string' },
                    reason: { type: 'string' },
                  },
                },
              },
            },
          },
          413: errorRef,
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw invalid('header.content-type', `send the file as ${TABLE_TYPES.join(', ')}`);
      if (body.length === 0) throw new FieldError('RX_FILE_EMPTY', 'body', { file: 'body' });
      const kind = kindOfType(request.headers['content-type']);
      return ctx.imports.run(actor.userId, () =>
        importDutyList(db, body, {
          kind,
          source: { file: 'body', field: 'body' },
          note: request.query.note ?? null,
          actor,
        }),
      );
    },
  );

  api.post(
    '/admissions',
    {
      schema: {
        operationId: 'approveAdmission',
        summary:
          'A one-off admission (一事一议): one department may send one code outside the list until a date',
        tags: ['inbox'],
        body: {
          type: 'object',
          required: ['department', 'duty', 'reason', 'validUntil'],
          additionalProperties: false,
          properties: { department: departmentCode, duty: dutyCode, reason: text(500), validUntil: instant },
        } as const,
        response: {
          200: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const b = request.body;
      return { id: await approveAdmission(db, { ...b, validUntil: new Date(b.validUntil) }, actor) };
    },
  );

  api.get(
    '/admissions',
    {
      schema: {
        operationId: 'listAdmissions',
        summary: 'One-off admissions, newest first (a department officer: their department’s)',
        tags: ['inbox'],
        response: {
          200: {
            type: 'object',
            required: ['admissions'],
            properties: {
              admissions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    department: { type: 'string' },
                    duty: { type: 'string' },
                    reason: { type: 'string' },
                    approvedBy: { type: ['string', 'null'] },
                    approvedAt: { type: 'integer', description: 'epoch seconds' },
                    validUntil: { type: 'integer', description: 'epoch seconds' },
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
      const actor = await actorOf(request, ctx);
      const all = await listAdmissions(db);
      return {
        admissions: actor.department === null ? all : all.filter((a) => a.department === actor.department),
      };
    },
  );

  api.get(
    '/departments',
    {
      schema: {
        operationId: 'listDepartments',
        summary: 'The departments that send work to communities',
        tags: ['inbox'],
        response: {
          200: {
            type: 'object',
            required: ['departments'],
            properties: {
              departments: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'code', 'name', 'mine'],
                  properties: {
                    id: { type: 'string' },
                    code: { type: 'string' },
                    name: { type: 'string' },
                    nameEn: { type: ['string', 'null'] },
                    mine: { type: 'boolean', description: 'the department a department officer acts for' },
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
      const actor = await actorOf(request, ctx);
      const departments = await listDepartments(db);
      return { departments: departments.map((d) => ({ ...d, mine: d.code === actor.department })) };
    },
  );

  api.post(
    '/departments',
    {
      schema: {
        operationId: 'createDepartment',
        summary: 'Add a department (city admins)',
        tags: ['inbox'],
        body: {
          type: 'object',
          required: ['code', 'name'],
          additionalProperties: false,
          properties: {
            code: departmentCode,
            name: text(100),
            nameEn: { type: ['string', 'null'], maxLength: 100 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['id', 'code', 'name'],
            properties: {
              id: { type: 'string' },
              code: { type: 'string' },
              name: { type: 'string' },
              nameEn: { type: ['string', 'null'] },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => createDepartment(db, request.body, await actorOf(request, ctx)),
  );

  api.get(
    '/burden',
    {
      schema: {
        operationId: 'getBurdenStats',
        summary: 'What departments ask of communities over a period, and what merging and pre-filling saved',
        tags: ['inbox'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { under: placePath, from: date, to: date },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['from', 'to', 'total', 'communities', 'departments'],
            properties: {
              from: date,
              to: date,
              total: burdenRow,
              communities: { type: 'array', items: burdenRow },
              departments: { type: 'array', items: burdenRow },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = await actorOf(request, ctx);
      const under = request.query.under ?? actor.scope;
      requireInScope(under, actor.scope);
      const to = request.query.to ?? localDate(actor.now);
      const from = request.query.from ?? localDate(new Date(actor.now.getTime() - 30 * 86400_000));
      const counts = await burdenCounts(db, { under, from, to });
      const departments = counts.departments.filter(
        (d) => actor.department === null || d.key === actor.department,
      );
      return {
        from,
        to,
        total: burden(counts.total),
        communities: counts.communities.map(burden),
        departments: departments.map(burden),
      };
    },
  );
}
