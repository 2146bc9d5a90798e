import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  login,
  PASSWORD,
  type Session,
  seedCity,
  seedThreePeople,
  send,
  testApp,
} from '@renxing/api/testing';
import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { createUser } from '@renxing/modules/access';
import { auditTrail } from '@renxing/modules/audit';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { applyHealthCodeEvent } from '../service/apply.js';
import { issueHealthToken, personPseudonym, signingKeyFromPem } from '../service/signing.js';

const H = 3600;
const T0 = 1_790_000_000;
const CITY_SECRET = 'test-city-secret-test-city-secret-0002';
const PEM = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

beforeAll(() => {
  vi.stubEnv('RENXING_CITY_SECRET', CITY_SECRET);
  vi.stubEnv('RENXING_SIGNING_KEY', PEM);
});

const iso = (s: number) => new Date(s * 1000).toISOString();

forEachDatabase(
  'health-code api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup() {
      const db: Db = t.db;
      await seedCity(db);
      const { a, b, c } = await seedThreePeople(db, Buffer.from(CITY_SECRET));
      const users: [string, Parameters<typeof createUser>[1]['role'], string | null, string | null][] = [
        ['health1', 'health_officer', 'cq.yz', null],
        ['district1', 'district_officer', 'cq.yz', null],
        ['health.jb', 'health_officer', 'cq.jb', null],
        ['lab1', 'lab_user', 'cq.yz', null],
        ['worker1', 'community_worker', 'cq.yz.jd01.sq01', null],
        ['res.a', 'resident', null, a],
        ['res.b', 'resident', null, b],
      ];
      const ids: Record<string, string> = {};
      for (const [username, role, placePath, personId] of users) {
        ids[username] = (
          await createUser(db, { username, password: PASSWORD, role, placePath, personId })
        ).id;
      }
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('病例12', 'abc', now()) RETURNING id`,
      );
      const clock = { now: T0 + 3 * 24 * H };
      app = await testApp(db, 100, { now: () => clock.now });
      const s: Record<string, Session> = {};
      for (const u of ['street1', 'admin', ...users.map((u) => u[0])]) s[u] = await login(app, u);
      ids.admin = s.admin.userId;
      const companion = (personId: string, at: number) =>
        applyHealthCodeEvent(
          db,
          personId,
          {
            kind: 'companion_found',
            at,
            caseId: rows[0].id,
            caseLabel: '病例12',
            cell: 'g-1024-2048',
            overlapStart: at - 2 * H,
            overlapEnd: at - H,
          },
          { preset: 'default', caseId: rows[0].id },
        );
      return { a: app, db, people: { a, b, c }, ids, s, clock, companion };
    }

    it('yellow → two negatives ≥ 24 h apart → green, through the API, explained in the request’s locale', async () => {
      const { a, people, s, companion, ids } = await setup();
      await companion(people.a, T0);
      const read = await send(
        a,
        s.health1,
        'GET',
        `/api/people/${people.a}/health-code?reason=流调`,
        undefined,
        'zh-CN',
      );
      expect(read.statusCode).toBe(200);
      const code = read.json();
      expect(code).toMatchObject({ personId: people.a, colour: 'yellow', since: iso(T0), locale: 'zh-CN' });
      expect(code.reason).toMatchObject({ kind: 'companion', caseLabel: '病例12', cell: 'g-1024-2048' });
      expect(code.explanation.headline).toContain('黄');
      expect(code.explanation.toGreen.join('')).toMatch(/阴性/);
      expect(code.history).toHaveLength(1);
      expect(code.history[0]).toMatchObject({ rule: 'companion_yellow', from: 'green', to: 'yellow' });
      expect(code.history[0].evidence).toMatchObject({ caseLabel: '病例12' });
      expect(code.pendingOverrides).toEqual([]);
      const trail = await auditTrail(t.db, { type: 'person', id: people.a });
      expect(trail.map((r) => [r.action, r.actor, r.reason])).toEqual([
        ['health_code.read', ids.health1, '流调'],
      ]);

      const result = (sampleId: string, at: number, outcome = 'negative', session = s.lab1) =>
        send(a, session, 'POST', '/api/test-results', {
          personId: people.a,
          result: outcome,
          sampledAt: iso(at),
          lab: '重庆市检测中心',
          sampleId,
          poolId: 'P-7',
        });
      const first = await result('S-1', T0 + H);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ inserted: true, colour: 'yellow', transition: null });
      const again = await result('S-1', T0 + H);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ inserted: false, colour: 'yellow' });
      expect(again.json().testResult.id).toBe(first.json().testResult.id);
      // 23 hours later is too soon.
      expect((await result('S-2', T0 + 24 * H)).json().colour).toBe('yellow');
      const clearing = await result('S-3', T0 + 25 * H, 'negative', s.health1);
      expect(clearing.statusCode).toBe(201);
      expect(clearing.json()).toMatchObject({
        colour: 'green',
        transition: { from: 'yellow', to: 'green', rule: 'two_negatives_green' },
      });
      // A different result for a stored sample is a conflict, never an overwrite.
      const conflict = await result('S-1', T0 + H, 'positive');
      expect(conflict.statusCode).toBe(409);
      expect(conflict.json()).toMatchObject({ code: 'RX_TEST_RESULT_CONFLICT', field: 'body.result' });
      const future = await result('S-9', T0 + 30 * 24 * H);
      expect(future.statusCode).toBe(400);
      expect(future.json().field).toBe('body.sampledAt');

      // The person sees it in their own view, in English, without the staff-only evidence.
      const mine = await send(a, s['res.a'], 'GET', '/api/me/health-code');
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toMatchObject({
        colour: 'green',
        locale: 'en',
        reason: { kind: 'negative_tests' },
      });
      expect(mine.json().explanation.headline).toMatch(/green/i);
      expect(mine.json().explanation.toGreen).toEqual([]);
      expect(mine.json().history.map((h: { rule: string }) => h.rule)).toEqual([
        'companion_yellow',
        'two_negatives_green',
      ]);
      expect(mine.json().history[0].evidence).toBeUndefined();
      expect(mine.json().pendingOverrides).toBeUndefined();

      const tests = await send(a, s.lab1, 'GET', `/api/people/${people.a}/test-results`);
      expect(tests.json().testResults.map((x: { sampleId: string }) => x.sampleId)).toEqual([
        'S-1',
        'S-2',
        'S-3',
      ]);
      const actions = (await auditTrail(t.db, { type: 'person', id: people.a })).map((r) => r.action);
      expect(actions.filter((x) => x === 'test_result.record')).toHaveLength(4);
      expect(actions.at(-1)).toBe('test_result.read');
    });

    it('QR: a PNG zbarimg decodes to a token that verifies; tampered and expired tokens are refused', async () => {
      const { a, people, s, clock, companion } = await setup();
      const png = await send(a, s.health1, 'GET', `/api/people/${people.b}/health-code/qr`);
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.headers['cache-control']).toBe('no-store');
      const token = png.headers['x-health-code-token'] as string;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-api-qr-'));
      try {
        fs.writeFileSync(path.join(dir, 'qr.png'), png.rawPayload);
        const decoded = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', path.join(dir, 'qr.png')], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        expect(decoded.toString().replace(/\n$/, '')).toBe(token);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(token).not.toContain(people.b);

      // Offline: the JWKS at the root verifies the signature.
      const jwks = await a.inject({ method: 'GET', url: '/.well-known/jwks.json' });
      expect(jwks.statusCode).toBe(200);
      const [jwk] = jwks.json().keys;
      expect(jwk).toMatchObject({
        kty: 'OKP',
        crv: 'Ed25519',
        alg: 'EdDSA',
        kid: signingKeyFromPem(PEM).kid,
      });
      const [h, p, sig] = token.split('.');
      const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
      expect(verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(sig, 'base64url'))).toBe(true);
      expect((await a.inject({ method: 'GET', url: '/api/.well-known/jwks.json' })).statusCode).toBe(404);

      // Online, without signing in.
      const verifyToken = (tok: unknown) => send(a, null, 'POST', '/api/health-codes/verify', { token: tok });
      const ok = await verifyToken(token);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({
        valid: true,
        colour: 'green',
        pid: personPseudonym(Buffer.from(CITY_SECRET), people.b),
        iat: clock.now,
        exp: clock.now + 300,
      });
      const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), colour: 'red' })).toString('base64url')}.${sig}`;
      expect((await verifyToken(forged)).json()).toEqual({ valid: false, reason: 'bad_signature' });
      expect((await verifyToken('garbage')).json()).toEqual({ valid: false, reason: 'malformed' });
      const old = issueHealthToken(
        signingKeyFromPem(PEM),
        { pid: personPseudonym(Buffer.from(CITY_SECRET), people.b), colour: 'green' },
        { now: clock.now - 600 },
      ).token;
      expect((await verifyToken(old)).json()).toMatchObject({
        valid: false,
        reason: 'expired',
        exp: clock.now - 300,
      });
      const objectToken = await verifyToken({ x: 1 });
      expect([objectToken.statusCode, objectToken.json().field]).toEqual([400, 'body.token']);
      expect((await send(a, null, 'POST', '/api/health-codes/verify', {})).json().field).toBe('body.token');

      // The colour worsened since the green token was issued: online, it stops passing at once.
      await companion(people.b, clock.now - H);
      expect((await verifyToken(token)).json()).toMatchObject({
        valid: false,
        reason: 'superseded',
        colour: 'green',
        currentColour: 'yellow',
      });

      const json = await send(a, s['res.b'], 'GET', '/api/me/health-code/qr?format=json');
      expect(json.json()).toMatchObject({ colour: 'yellow', exp: clock.now + 300 });
      expect((await verifyToken(json.json().token)).json()).toMatchObject({ valid: true, colour: 'yellow' });
      expect((await send(a, s['res.b'], 'GET', '/api/me/health-code/qr')).headers['content-type']).toBe(
        'image/png',
      );
      const audit = (await auditTrail(t.db, { type: 'person', id: people.b })).map((r) => r.action);
      expect(audit).toEqual(['health_code.qr']);
    });

    it('overrides: requested by one user, approved by another; the same user cannot approve their own', async () => {
      const { a, people, s, ids } = await setup();
      const request = await send(a, s.health1, 'POST', `/api/people/${people.a}/overrides`, {
        to: 'red',
        reason: '流调确认为密接',
      });
      expect(request.statusCode).toBe(201);
      const id = request.json().id;
      expect(request.json()).toMatchObject({
        personId: people.a,
        to: 'red',
        state: 'pending',
        requestedBy: ids.health1,
      });

      const own = await send(
        a,
        s.health1,
        'POST',
        `/api/overrides/${id}/approve`,
        { reason: '同意' },
        'zh-CN',
      );
      expect(own.statusCode).toBe(403);
      expect(own.json()).toEqual({
        code: 'RX_OVERRIDE_SELF',
        message: '此变更申请由您提出：须由另一位用户审批或驳回',
      });
      expect(
        (await send(a, s.health1, 'POST', `/api/overrides/${id}/reject`, { reason: 'x' })).statusCode,
      ).toBe(403);

      expect(
        (await send(a, s.district1, 'GET', '/api/overrides'))
          .json()
          .overrides.map((o: { id: string }) => o.id),
      ).toEqual([id]);
      expect((await send(a, s['health.jb'], 'GET', '/api/overrides')).json().overrides).toEqual([]);
      expect(
        (await send(a, s['health.jb'], 'POST', `/api/overrides/${id}/approve`, { reason: 'ok' })).statusCode,
      ).toBe(404);
      expect((await send(a, s.worker1, 'GET', '/api/overrides')).statusCode).toBe(404);
      const blank = await send(a, s.district1, 'POST', `/api/overrides/${id}/approve`, { reason: '   ' });
      expect([blank.statusCode, blank.json().field]).toEqual([400, 'body.reason']);

      const approved = await send(a, s.district1, 'POST', `/api/overrides/${id}/approve`, {
        reason: '复核同意',
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        colour: 'red',
        changed: true,
        override: { state: 'approved', decidedBy: ids.district1, decisionReason: '复核同意' },
      });
      const twice = await send(a, s.admin, 'POST', `/api/overrides/${id}/approve`, { reason: '再次' });
      expect([twice.statusCode, twice.json().code]).toEqual([409, 'RX_OVERRIDE_DECIDED']);

      const code = (await send(a, s.admin, 'GET', `/api/people/${people.a}/health-code`)).json();
      expect(code.colour).toBe('red');
      expect(code.history.at(-1)).toMatchObject({
        rule: 'override',
        overrideRequestId: id,
        actors: [ids.health1, ids.district1],
        evidence: { reasons: { request: '流调确认为密接', approval: '复核同意' } },
      });

      // A request to the colour it already has, a bad colour, a role that may not ask.
      const same = await send(a, s.health1, 'POST', `/api/people/${people.a}/overrides`, {
        to: 'red',
        reason: 'x',
      });
      expect([same.statusCode, same.json().code, same.json().field]).toEqual([
        409,
        'RX_OVERRIDE_NO_CHANGE',
        'body.to',
      ]);
      const purple = await send(a, s.health1, 'POST', `/api/people/${people.a}/overrides`, {
        to: 'purple',
        reason: 'x',
      });
      expect([purple.statusCode, purple.json().field]).toEqual([400, 'body.to']);
      expect(
        (await send(a, s.worker1, 'POST', `/api/people/${people.a}/overrides`, { to: 'green', reason: 'x' }))
          .statusCode,
      ).toBe(404);

      // Rejection by a second user leaves the code as it is.
      const back = (
        await send(a, s.district1, 'POST', `/api/people/${people.a}/overrides`, {
          to: 'green',
          reason: '申诉',
        })
      ).json().id;
      const pending = (await send(a, s.admin, 'GET', `/api/people/${people.a}/health-code`)).json()
        .pendingOverrides;
      expect(pending.map((o: { id: string }) => o.id)).toEqual([back]);
      const rejected = await send(a, s.health1, 'POST', `/api/overrides/${back}/reject`, {
        reason: '证据不足',
      });
      expect(rejected.json()).toMatchObject({
        colour: 'red',
        changed: false,
        override: { state: 'rejected' },
      });

      const actions = (await auditTrail(t.db, { type: 'person', id: people.a })).map((r) => [
        r.action,
        r.actor,
      ]);
      expect(actions).toEqual([
        ['health_code.override.request', ids.health1],
        ['health_code.override.approve', ids.district1],
        ['health_code.read', ids.admin],
        ['health_code.override.request', ids.district1],
        ['health_code.read', ids.admin],
        ['health_code.override.reject', ids.health1],
      ]);
    });

    it('residents read only their own code; staff only in scope; everything else is 404', async () => {
      const { a, people, s } = await setup();
      const get = (session: Session | null, url: string) => send(a, session, 'GET', url);
      const notFound = (
        await get(s.street1, '/api/people/00000000-0000-4000-8000-000000000000/health-code')
      ).json();
      for (const url of [
        `/api/people/${people.b}/health-code`,
        `/api/people/${people.a}/health-code`,
        `/api/people/${people.b}/health-code/qr`,
        `/api/people/${people.a}/test-results`,
      ]) {
        const res = await get(s['res.a'], url);
        expect([url, res.statusCode, res.json()]).toEqual([url, 404, notFound]);
      }
      expect((await get(s['res.a'], '/api/me/health-code')).json().personId).toBe(people.a);
      expect((await get(s['res.b'], '/api/me/health-code')).json().personId).toBe(people.b);
      // Staff without a person record of their own have no "me".
      expect((await get(s.health1, '/api/me/health-code')).statusCode).toBe(404);
      // Out of scope reads like a person who does not exist.
      expect((await get(s['health.jb'], `/api/people/${people.a}/health-code`)).statusCode).toBe(404);
      expect((await get(s.street1, `/api/people/${people.c}/health-code`)).statusCode).toBe(404);
      expect((await get(s.worker1, `/api/people/${people.b}/health-code`)).statusCode).toBe(404);
      expect((await get(s.lab1, `/api/people/${people.a}/health-code`)).statusCode).toBe(404);
      expect((await get(s.street1, `/api/people/${people.a}/health-code`)).statusCode).toBe(200);
      expect((await get(s.worker1, `/api/people/${people.a}/health-code`)).statusCode).toBe(200);
      const outside = await send(a, s['health.jb'], 'POST', '/api/test-results', {
        personId: people.a,
        result: 'positive',
        sampledAt: iso(T0),
        lab: 'L',
        sampleId: 'X',
      });
      expect(outside.statusCode).toBe(404);
      expect((await t.db.query('SELECT 1 FROM test_results')).rows).toEqual([]);
      expect(await auditTrail(t.db, { type: 'person', id: people.c })).toEqual([]);
      expect((await get(null, `/api/people/${people.a}/health-code`)).statusCode).toBe(401);
      const bad = await get(s.street1, '/api/people/nope/health-code');
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'params.id']);
      const badFormat = await get(s.street1, `/api/people/${people.a}/health-code/qr?format=gif`);
      expect([badFormat.statusCode, badFormat.json().field]).toEqual([400, 'query.format']);
    });

    it('lists every operation in the OpenAPI document', async () => {
      const { a } = await setup();
      const doc = (await a.inject({ method: 'GET', url: '/openapi.json' })).json();
      const ops = Object.values(
        doc.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((p) => Object.values(p).map((o) => o.operationId));
      for (const op of [
        'getHealthCode',
        'getHealthCodeQr',
        'getMyHealthCode',
        'getMyHealthCodeQr',
        'verifyHealthCode',
        'requestOverride',
        'approveOverride',
        'rejectOverride',
        'listOverrides',
        'recordTestResult',
        'listTestResults',
        'getJwks',
      ]) {
        expect(ops).toContain(op);
      }
    });
  },
  { migrate: true },
);
