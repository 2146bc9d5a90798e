/**
 * The shared input rule on every operation in /openapi.json: a NUL, a lone UTF-16 surrogate or a
 * number that is not finite, in any declared query parameter or body property, answers a 4xx
 * catalogue error and never 5xx; where the value would otherwise pass the schema (a text field, an
 * integer given as `Infinity` or `1e999`), the answer is 400 RX_VALIDATION naming that field.
 * Operations are taken from the document, so a new one is covered without editing this file.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mayCall, ROLES, type Role } from '@renxing/contracts';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { insertCase } from '@renxing/modules/cases';
import { upsertPeople } from '@renxing/modules/people';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it, vi } from 'vitest';
import { MODULES } from './modules.js';
import { authHeaders, login, PASSWORD, type Session, seedCity, testApp } from './test-support.js';

const SECRET = Buffer.from('hostile-city-secret-hostile-city-secret-01');

beforeAll(() => {
  vi.stubEnv('RENXING_CITY_SECRET', SECRET.toString());
  vi.stubEnv(
    'RENXING_SIGNING_KEY',
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
});

const TEXTS = ['a\u0000b', '\u0000', 'x\uD800', '\uDC00'];
/** A URL's UTF-8 cannot carry a lone surrogate (it decodes to U+FFFD): NULs only. */
const QUERY_TEXTS = TEXTS.filter((v) => v.includes('\u0000'));
const NUMBERS = ['Infinity', '-Infinity', '1e999'];

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  format?: string;
  enum?: unknown[];
  required?: string[];
}
interface Operation {
  operationId: string;
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const types = (s: Schema) => (Array.isArray(s.type) ? s.type : [s.type]);
/** A text the schema itself would accept, so only the shared rule can refuse it. */
const freeText = (s: Schema) => types(s).includes('string') && !s.format && !s.enum;
const isNumber = (s: Schema) => types(s).includes('integer') || types(s).includes('number');

forEachDatabase(
  'hostile input',
  (t) => {
    it('every operation refuses NUL, lone surrogates and non-finite numbers with 400 naming the field', async () => {
      await seedCity(t.db);
      await upsertPeople(t.db, [{ name: '张三', phone: '13800000001', community: 'cq.yz.jd01.sq01' }], {
        secret: SECRET,
      });
      const person = (
        await t.db.query<{ id: string; phone_pseudonym: string }>('SELECT id, phone_pseudonym FROM people')
      ).rows[0];
      const kase = await insertCase(t.db, {
        personId: person.id,
        subjectPseudonym: person.phone_pseudonym,
        confirmedAt: new Date('2026-11-20T12:00:00Z'),
        preset: 'default',
      });
      for (const role of ROLES) {
        await createUser(t.db, {
          username: `h_${role}`,
          password: PASSWORD,
          role,
          placePath: role === 'resident' ? null : 'cq',
          personId: role === 'resident' ? person.id : null,
        });
      }
      const app: FastifyInstance = await testApp(t.db, 100_000, { verifyLimit: 100_000 });
      try {
        const access = Object.assign({}, ...MODULES.map((m) => m.access));
        const sessions = new Map<Role, Session>();
        const as = async (role: Role) => {
          const s = sessions.get(role) ?? (await login(app, `h_${role}`));
          sessions.set(role, s);
          return s;
        };
        await app.ready();
        const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
        let checked = 0;
        const refusals: string[] = [];
        for (const [path, methods] of Object.entries(doc.paths)) {
          for (const [method, op] of Object.entries(methods)) {
            const role = ROLES.find((r) => mayCall(access, op.operationId, r));
            const url = path
              .replace('{id}', path.startsWith('/api/cases') ? kase.id : person.id)
              .replace('{path}', 'cq')
              .replace('{key}', 'volunteers.per_1000');
            const request = async (query: string, payload?: string) => {
              const headers: Record<string, string> =
                payload === undefined ? {} : { 'content-type': 'application/json' };
              if (role && access[op.operationId] !== 'public')
                Object.assign(headers, authHeaders(await as(role)));
              const res = await app.inject({
                method: method.toUpperCase() as 'GET',
                url: `${url}${query}`,
                headers,
                ...(payload !== undefined ? { payload } : {}),
              });
              // Signing out ends the session: the next request signs in again.
              if (op.operationId === 'logout' && role) sessions.delete(role);
              checked++;
              return res;
            };
            /** `field`: the field the 400 must name (undefined: another may be at fault first). */
            const expectRefused = (
              res: { statusCode: number; json: () => unknown },
              field: string | undefined,
              what: string,
            ) => {
              const where = `${method.toUpperCase()} ${path} ${what}`;
              expect(res.statusCode, where).toBeLessThan(500);
              expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
              refusals.push(where);
              if (res.statusCode === 400 && field)
                expect(res.json(), where).toMatchObject({ code: 'RX_VALIDATION', field });
              else expect(res.json(), where).toMatchObject({ code: expect.stringMatching(/^RX_/) });
            };
            for (const p of op.parameters ?? []) {
              if (p.in !== 'query') continue;
              const values = [
                ...(freeText(p.schema) ? QUERY_TEXTS : []),
                ...(isNumber(p.schema) ? NUMBERS : []),
              ];
              for (const v of values) {
                const res = await request(`?${new URLSearchParams({ [p.name]: v })}`);
                expectRefused(res, `query.${p.name}`, `query ${p.name}=${JSON.stringify(v)}`);
                expect(res.statusCode).toBe(400);
              }
            }
            const body = op.requestBody?.content['application/json']?.schema;
            for (const [name, schema] of Object.entries(body?.properties ?? {})) {
              const payloads = [
                ...(freeText(schema) ? TEXTS.map((v) => JSON.stringify({ [name]: v })) : []),
                ...(isNumber(schema) ? [`{"${name}":1e999}`, `{"${name}":-1e999}`] : []),
              ];
              for (const payload of payloads) {
                const res = await request('', payload);
                // With other required properties missing, the schema names one of those first.
                const alone = (body?.required ?? []).every((r) => r === name);
                expectRefused(res, alone ? `body.${name}` : undefined, `body ${payload}`);
              }
            }
          }
        }
        // The login form, unauthenticated, with a NUL name: the original 500.
        const login0 = await app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { username: '\u0000', password: 'x' },
        });
        expect(login0.statusCode).toBe(400);
        expect(login0.json()).toMatchObject({ code: 'RX_VALIDATION', field: 'body.username' });
        expect(refusals.length).toBeGreaterThan(40);
        expect(checked).toBe(refusals.length);
      } finally {
        await app.close();
      }
    });
  },
  { migrate: true },
);
