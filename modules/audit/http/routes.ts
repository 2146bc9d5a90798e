import { type AppContext, commonErrors, invalid, typed } from '@renxing/http';
import type { FastifyInstance } from 'fastify';
import { type AuditSealing, auditSealing, sealAudit } from '../service/seals.js';
import { verifyAudit } from '../service/verify.js';
import {
  type AuditFilter,
  type AuditRecord,
  appendAudit,
  type ChainCheck,
  listAudit,
  verifyAuditRows,
} from '../store/audit.js';

export const AUDIT_PAGE_MAX = 500;

// No NUL (PostgreSQL text cannot hold it) and nothing absurdly long.
const text = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\x00]*$' } as const;

const chainProperties = {
  ok: {
    type: 'boolean',
    description: 'true when every checked row matches its hash and links to the row before',
  },
  rows: { type: 'integer', description: 'rows checked' },
  seq: { type: 'integer', description: 'the first broken row, or the failing seal (when ok is false)' },
} as const;

const chainCheckSchema = {
  type: 'object',
  required: ['ok', 'rows'],
  properties: {
    ...chainProperties,
    problem: {
      type: 'string',
      enum: ['hash', 'link'],
      description: 'hash: the row was edited; link: rows were removed or inserted before it',
    },
  },
} as const;

const auditCheckSchema = {
  type: 'object',
  required: ['ok', 'rows', 'seals', 'sealedThrough'],
  properties: {
    ...chainProperties,
    seals: { type: 'integer', description: 'seals (kept outside the database) checked' },
    sealedThrough: {
      type: ['integer', 'null'],
      description: 'the last row a good seal vouches for; later rows are checked by the chain alone',
    },
    problem: {
      type: 'string',
      enum: ['hash', 'link', 'seal', 'truncated'],
      description:
        'hash: a row was edited; link: rows were removed or inserted; seal: sealed rows were rewritten and their hashes recomputed; truncated: sealed rows were cut off the end',
    },
  },
} as const;

const rowSchema = {
  type: 'object',
  required: ['seq', 'at', 'actor', 'action', 'subject', 'reason', 'detail', 'hash'],
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', description: 'a user id, or system:<job>' },
    action: { type: 'string' },
    subject: {
      type: ['object', 'null'],
      required: ['type', 'id'],
      properties: { type: { type: ['string', 'null'] }, id: { type: ['string', 'null'] } },
    },
    reason: { type: ['string', 'null'] },
    detail: { type: 'object', additionalProperties: true },
    hash: { type: 'string' },
  },
} as const;

function publicRow(r: AuditRecord) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    subject: r.subjectType === null && r.subjectId === null ? null : { type: r.subjectType, id: r.subjectId },
    reason: r.reason,
    detail: r.detail,
    hash: r.hash,
  };
}

function instant(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  // The schema checks the format; this catches what it lets through but Date cannot hold,
  // and keeps to PostgreSQL's timestamptz range.
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999)
    throw invalid(field, 'not a usable date-time');
  return d;
}

export default async function auditRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = typed(fastify);
  const { db } = ctx;
  let sealing: AuditSealing | undefined;
  const sealingOf = () =>
    (sealing ??= auditSealing({ dataDir: ctx.dataDir, key: ctx.audit.key, dir: ctx.audit.sealDir }));
  startSealing(fastify, ctx, sealingOf);

  api.get(
    '/audit',
    {
      schema: {
        operationId: 'listAudit',
        summary:
          'Audit log rows in seq order (auditor, city_admin), filtered, one keyset page at a time, with the hash check of the page',
        tags: ['audit'],
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            actor: text,
            action: text,
            subject_type: text,
            subject_id: text,
            from: { type: 'string', format: 'date-time', description: 'rows at or after this instant' },
            to: { type: 'string', format: 'date-time', description: 'rows before this instant' },
            after: {
              type: 'integer',
              minimum: 0,
              maximum: Number.MAX_SAFE_INTEGER,
              description: 'rows with seq greater than this (the previous page’s next)',
            },
            limit: { type: 'integer', minimum: 1, maximum: AUDIT_PAGE_MAX, default: 100 },
          },
        } as const,
        response: {
          200: {
            type: 'object',
            required: ['rows', 'next', 'verification'],
            properties: {
              rows: { type: 'array', items: rowSchema },
              next: {
                type: ['integer', 'null'],
                description: 'pass as `after` for the next page; null on the last page',
              },
              verification: { ...chainCheckSchema, description: 'the hash check of the rows on this page' },
            },
          },
          ...commonErrors,
        },
      },
    },
    async (request) => {
      const actor = request.user!.id;
      const q = request.query;
      const limit = q.limit ?? 100;
      const filter: AuditFilter = {
        actor: q.actor,
        action: q.action,
        subjectType: q.subject_type,
        subjectId: q.subject_id,
        from: instant('query.from', q.from),
        to: instant('query.to', q.to),
        afterSeq: q.after,
        // One more than asked tells whether there is a next page.
        limit: limit + 1,
      };
      const found = await listAudit(db, filter);
      const page = found.slice(0, limit);
      const verification = await verifyAuditRows(
        db,
        page.map((r) => r.seq),
      );
      await appendAudit(db, {
        actor,
        action: 'audit.read',
        subjectType: 'audit_log',
        detail: { query: { ...q, limit }, rows: page.length },
      });
      return {
        rows: page.map(publicRow),
        next: found.length > limit ? page[page.length - 1].seq : null,
        verification: checkBody(verification),
      };
    },
  );

  api.get(
    '/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        summary:
          'Checks the whole audit hash chain and its seals kept outside the database (auditor, city_admin)',
        tags: ['audit'],
        response: { 200: auditCheckSchema, ...commonErrors },
      },
    },
    async (request) => {
      const actor = request.user!.id;
      const check = await verifyAudit(db, sealingOf());
      await appendAudit(db, { actor, action: 'audit.verify', subjectType: 'audit_log', detail: check });
      return check;
    },
  );
}

/** Seals the head every `ctx.audit.sealSeconds` (0: never) and once more on close. */
function startSealing(fastify: FastifyInstance, ctx: AppContext, sealingOf: () => AuditSealing): void {
  if (ctx.audit.sealSeconds === 0) return;
  let running: Promise<unknown> = Promise.resolve();
  const seal = () => {
    running = running
      .then(() => sealAudit(ctx.db, sealingOf(), new Date(ctx.now() * 1000)))
      .catch((err) => fastify.log.error({ err }, 'audit seal failed'));
    return running;
  };
  const timer = setInterval(seal, ctx.audit.sealSeconds * 1000);
  timer.unref();
  fastify.addHook('onClose', async () => {
    clearInterval(timer);
    await seal();
  });
}

function checkBody(check: ChainCheck) {
  return check.ok
    ? { ok: true, rows: check.rows }
    : { ok: false, rows: check.rows, seq: check.seq, problem: check.problem };
}
