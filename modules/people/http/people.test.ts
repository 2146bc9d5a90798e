import { authHeaders, login, PASSWORD, type Session, seedCity, testApp } from '@renxing/api/testing';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { auditTrail } from '@renxing/modules/audit';
import { bombData, emptyRows, zipOf } from '@renxing/sheets/testing';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { peopleUnder } from '../store/people.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = [
  'name,phone,id_number,address,community,household',
  '甲,13800000001,,解放碑路1号,cq.yz.jd01.sq01,h1',
  '乙,13800000002,,解放碑路1号,sq01,h1',
  '丙,13800000003,,朝天门路3号,cq.yz.jd02.sq03,', // outside street1's place
  '丁,12,,路4号,sq02,',
  '',
].join('\n');

beforeAll(() => {
  vi.stubEnv('RENXING_CITY_SECRET', 'test-city-secret-test-city-secret-0001');
});

forEachDatabase(
  'people api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });
    async function setup(): Promise<{ a: FastifyInstance; street: Session; admin: Session }> {
      await seedCity(t.db);
      app = await testApp(t.db);
      return { a: app, street: await login(app, 'street1'), admin: await login(app, 'admin') };
    }
    const upload = (a: FastifyInstance, s: Session, body: string | Buffer, type = 'text/csv') =>
      a.inject({
        method: 'POST',
        url: '/api/people/import?reason=census%202026',
        headers: { ...authHeaders(s), 'content-type': type },
        payload: body,
      });

    it('imports a CSV within the caller’s place, with rejects by line, and re-imports idempotently', async () => {
      const { a, street } = await setup();
      const res = await upload(a, street, CSV);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        rows: 4,
        inserted: 2,
        updated: 0,
        rejected: 2,
        rejects: [
          { line: 4, field: 'community', reason: 'unknown community cq.yz.jd02.sq03' },
          { line: 5, field: 'phone', reason: 'not a phone number: 12' },
        ],
        rejectsTruncated: false,
      });
      const again = await upload(a, street, Buffer.from(CSV), 'application/octet-stream');
      expect(again.json()).toMatchObject({ inserted: 0, updated: 2, rejected: 2 });
      expect((await peopleUnder(t.db, 'cq')).people).toHaveLength(2);
      const { rows } = await t.db.query<{ n: number }>(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'people.import' AND reason = 'census 2026'",
      );
      expect(rows[0].n).toBe(2);
    });

    it('imports an XLSX body', async () => {
      const { a, admin } = await setup();
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('people');
      sheet.addRow(['name', 'phone', 'address', 'community']);
      sheet.addRow(['甲', 13800000001, '路1号', 'sq03']);
      sheet.addRow(['乙', '13800000002', '路2号', 'nowhere']);
      const res = await upload(a, admin, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        rows: 2,
        inserted: 1,
        rejects: [{ line: 3, field: 'community', reason: 'unknown community nowhere' }],
      });
    });

    it('answers bad input with a 4xx naming the field', async () => {
      const { a, street } = await setup();
      const cases: [string | Buffer, string, number, string][] = [
        ['name,phone,address\n甲,13800000001,x\n', 'text/csv', 400, 'body.community'],
        ['', 'text/csv', 400, 'body'],
        [Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]), XLSX, 400, 'body'],
        [Buffer.from([0xff, 0xfe, 0x00]), 'text/csv', 400, 'body'],
        ['{"a":1}', 'application/json', 400, 'header.content-type'],
        ['x', 'image/png', 400, 'header.content-type'],
      ];
      for (const [body, type, status, field] of cases) {
        const res = await upload(a, street, body, type);
        expect({ type, status: res.statusCode, field: res.json().field }).toEqual({ type, status, field });
      }
      const noCsrf = await a.inject({
        method: 'POST',
        url: '/api/people/import',
        headers: { cookie: street.cookie, 'content-type': 'text/csv' },
        payload: CSV,
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('refuses an XLSX zip bomb with 413 and a burst of them with 429, and keeps answering', async () => {
      const { a, street, admin } = await setup();
      // The attack: 1.5 GiB of <row/> in a 2.3 MB file, posted four times at once by one
      // worker while an admin imports too.
      const bomb = zipOf([
        { name: 'xl/worksheets/sheet1.xml', data: bombData(emptyRows(), 1500), declaredSize: 4096 },
      ]);
      const answers = await Promise.all([
        ...Array.from({ length: 4 }, () => upload(a, street, bomb, XLSX)),
        upload(a, admin, bomb, XLSX),
      ]);
      const seen = answers.map((r) => [r.statusCode, r.json().code, r.json().field]);
      expect(seen.slice(0, 4).sort()).toEqual([
        [413, 'RX_UNPACKED_TOO_LARGE', 'body'],
        [429, 'RX_IMPORT_BUSY', undefined],
        [429, 'RX_IMPORT_BUSY', undefined],
        [429, 'RX_IMPORT_BUSY', undefined],
      ]);
      expect(seen[4]).toEqual([413, 'RX_UNPACKED_TOO_LARGE', 'body']);
      expect(answers[4].json().message).toMatch(/unpacks to more than 256 MiB/);
      // The places are free again, and nothing was imported by the refused files.
      expect((await upload(a, street, CSV)).json()).toMatchObject({ inserted: 2 });
    });

    it('getPerson: in scope with an audit row, out of scope 404, bad id 400', async () => {
      const { a, street, admin } = await setup();
      await upload(a, admin, CSV);
      const { people } = await peopleUnder(t.db, 'cq', { limit: 10 });
      const inside = people.find((p) => p.name === '甲')!;
      const outside = people.find((p) => p.homePlacePath === 'cq.yz.jd02.sq03')!;

      const get = (s: Session, id: string, q = '') =>
        a.inject({ method: 'GET', url: `/api/people/${id}${q}`, headers: { cookie: s.cookie } });
      const res = await get(street, inside.id, '?reason=follow-up%20call');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: inside.id,
        name: '甲',
        phone: '13800000001',
        householdKey: 'h1',
      });
      expect(res.json().phonePseudonym).toBeUndefined();
      const trail = await auditTrail(t.db, { type: 'person', id: inside.id });
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'person.read', reason: 'follow-up call' });
      expect(trail[0].actor).toBe(street.userId);

      const hidden = await get(street, outside.id);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual((await get(street, '00000000-0000-4000-8000-000000000000')).json());
      expect(await auditTrail(t.db, { type: 'person', id: outside.id })).toHaveLength(0);
      expect((await get(admin, outside.id)).statusCode).toBe(200);

      const bad = await get(street, 'not-an-id');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('params.id');

      // A role without access to people reads everything as not found.
      await createUser(t.db, { username: 'aud', password: PASSWORD, role: 'auditor', placePath: 'cq' });
      const auditor = await login(a, 'aud');
      expect((await get(auditor, inside.id)).statusCode).toBe(404);
      expect((await upload(a, auditor, CSV)).statusCode).toBe(404);
      expect((await a.inject({ method: 'GET', url: `/api/people/${inside.id}` })).statusCode).toBe(401);
    });

    it('never answers 5xx, whatever the body, type, id or query', async () => {
      const { a, street } = await setup();
      const types = ['text/csv', XLSX, 'application/octet-stream', 'application/json', 'text/plain'];
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
            fc.constant(CSV),
          ),
          fc.constantFrom(...types),
          fc.string({ maxLength: 40 }),
          async (body, type, id) => {
            const res = await upload(a, street, body, type);
            expect(res.statusCode).toBeLessThan(500);
            const got = await a.inject({
              method: 'GET',
              url: `/api/people/${encodeURIComponent(id)}?reason=${encodeURIComponent(id)}`,
              headers: { cookie: street.cookie },
            });
            expect(got.statusCode).toBeLessThan(500);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('lists both operations in the OpenAPI document', async () => {
      const { a } = await setup();
      const doc = (await a.inject({ method: 'GET', url: '/openapi.json' })).json();
      const ops = Object.values(
        doc.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((p) => Object.values(p).map((o) => o.operationId));
      expect(ops).toEqual(expect.arrayContaining(['importPeople', 'getPerson']));
    });
  },
  { migrate: true },
);
