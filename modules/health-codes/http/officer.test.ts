/**
 * The health officers' actions through the API: close contact → red; isolation of 14 days and a
 * negative in its last 24 h → green; discharge → 14 days of monitoring → green; everything
 * outside the officer's scope or role reads as 404; bad input names the field.
 */
import { generateKeyPairSync } from 'node:crypto';
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

const H = 3600;
const DAY = 24 * H;
const T0 = 1_790_000_000;
const CITY_SECRET = 'test-city-secret-test-city-secret-0003';

beforeAll(() => {
  vi.stubEnv('RENXING_CITY_SECRET', CITY_SECRET);
  vi.stubEnv(
    'RENXING_SIGNING_KEY',
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
});

const iso = (s: number) => new Date(s * 1000).toISOString();

forEachDatabase(
  'health officers’ actions api',
  (t) => {
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    async function setup() {
      const db: Db = t.db;
      await seedCity(db);
      const people = await seedThreePeople(db, Buffer.from(CITY_SECRET));
      const users: [string, Parameters<typeof createUser>[1]['role'], string | null, string | null][] = [
        ['health1', 'health_officer', 'cq.yz', '渝中区疾控中心'],
        ['health.jb', 'health_officer', 'cq.jb', '江北区疾控中心'],
        ['district1', 'district_officer', 'cq.yz', null],
        ['worker1', 'community_worker', 'cq.yz.jd01.sq01', null],
        ['lab1', 'lab_user', 'cq.yz', null],
      ];
      const ids: Record<string, string> = {};
      for (const [username, role, placePath, unit] of users) {
        ids[username] = (await createUser(db, { username, password: PASSWORD, role, placePath, unit })).id;
      }
      ids['res.a'] = (
        await createUser(db, { username: 'res.a', password: PASSWORD, role: 'resident', personId: people.a })
      ).id;
      const clock = { now: T0 };
      app = await testApp(db, 100, { now: () => clock.now });
      const s: Record<string, Session> = {};
      for (const u of ['street1', 'admin', 'res.a', ...users.map((u) => u[0])]) s[u] = await login(app, u);
      ids.admin = s.admin.userId;
      return { a: app, db, people, ids, s, clock };
    }

    it('close contact → red (the officer’s unit shown); 14 days of isolation and a negative in its last 24 h → green', async () => {
      const { a, people, ids, s, clock } = await setup();
      const code = async () =>
        (await send(a, s.health1, 'GET', `/api/people/${people.a}/health-code`)).json();
      const negative = (sampleId: string, at: number) =>
        send(a, s.lab1, 'POST', '/api/test-results', {
          personId: people.a,
          result: 'negative',
          sampledAt: iso(at),
          lab: '重庆市检测中心',
          sampleId,
        });

      const designated = await send(a, s.health1, 'POST', `/api/people/${people.a}/close-contact`, {
        reason: '流调确认与病例12同餐',
      });
      expect(designated.statusCode).toBe(200);
      expect(designated.json()).toEqual({
        personId: people.a,
        colour: 'red',
        since: iso(T0),
        redBasis: 'close_contact',
        isolationStart: null,
        isolationEnd: null,
        dischargedAt: null,
        monitoringEnd: null,
        changed: true,
        transitions: [{ at: iso(T0), from: 'green', to: 'red', rule: 'close_contact_red' }],
      });
      const red = await code();
      expect(red.colour).toBe('red');
      expect(red.history.at(-1)).toMatchObject({
        rule: 'close_contact_red',
        actors: [ids.health1],
        evidence: { designatedAt: T0, officerUnit: '渝中区疾控中心', officerId: ids.health1 },
      });
      // The person sees the officer's unit, never the officer.
      const mine = (await send(a, s['res.a'], 'GET', '/api/me/health-code', undefined, 'zh-CN')).json();
      expect(mine.reason).toEqual({ kind: 'close_contact', at: T0, officerUnit: '渝中区疾控中心' });
      expect(JSON.stringify(mine)).not.toContain(ids.health1);

      // Designated again: nothing changes (and the repeat is audited as such).
      clock.now = T0 + H;
      const again = await send(a, s.health1, 'POST', `/api/people/${people.a}/close-contact`, {
        reason: '再次确认',
      });
      expect(again.json()).toMatchObject({ colour: 'red', since: iso(T0), changed: false, transitions: [] });

      const S = T0 + 2 * H;
      clock.now = S + 60;
      const isolation = await send(a, s.health1, 'POST', `/api/people/${people.a}/isolation`, {
        startedAt: iso(S),
        reason: '集中隔离点入住',
      });
      expect(isolation.statusCode).toBe(200);
      expect(isolation.json()).toMatchObject({
        colour: 'red',
        isolationStart: iso(S),
        isolationEnd: iso(S + 14 * DAY),
        changed: true,
        transitions: [],
      });
      // The same start again changes nothing; another start is refused.
      expect(
        (
          await send(a, s.health1, 'POST', `/api/people/${people.a}/isolation`, {
            startedAt: iso(S),
            reason: '重复提交',
          })
        ).json().changed,
      ).toBe(false);
      const other = await send(a, s.health1, 'POST', `/api/people/${people.a}/isolation`, {
        startedAt: iso(S + 60),
        reason: '改期',
      });
      expect([other.statusCode, other.json().code]).toEqual([409, 'RX_ISOLATION_STARTED']);

      // A negative on day 12 is not in the isolation's last 24 h.
      clock.now = S + 12 * DAY + H;
      expect((await negative('N-12', S + 12 * DAY)).json()).toMatchObject({
        colour: 'red',
        transition: null,
      });
      clock.now = S + 14 * DAY;
      expect((await code()).colour).toBe('red');
      // A negative taken 13 h before the end, reported after it: green at once.
      clock.now = S + 14 * DAY + H;
      const clearing = await negative('N-14', S + 14 * DAY - 13 * H);
      expect(clearing.json()).toMatchObject({
        colour: 'green',
        transition: { from: 'red', to: 'green', rule: 'isolation_complete_green' },
      });
      const green = await code();
      expect(green.history.at(-1)).toMatchObject({
        rule: 'isolation_complete_green',
        evidence: {
          isolationStart: S,
          isolationEnd: S + 14 * DAY,
          test: { takenAt: S + 14 * DAY - 13 * H, result: 'negative' },
        },
      });

      const audit = (await auditTrail(t.db, { type: 'person', id: people.a }))
        .filter((r) => r.action.startsWith('health_code.') && r.action !== 'health_code.read')
        .map((r) => [r.action, r.actor, r.reason, r.detail?.changed]);
      expect(audit).toEqual([
        ['health_code.close_contact', ids.health1, '流调确认与病例12同餐', true],
        ['health_code.close_contact', ids.health1, '再次确认', false],
        ['health_code.isolation_start', ids.health1, '集中隔离点入住', true],
        ['health_code.isolation_start', ids.health1, '重复提交', false],
      ]);
    });

    it('isolation read by the clock alone; designation with isolationStart; yellow → red; a red case is not designated', async () => {
      const { a, db, people, s, clock, ids } = await setup();
      // Person b: designated with an isolation that began at once; the negative comes in time, then the
      // clock alone (a read) turns the code green at the end of the 14 days.
      const S = T0;
      const designated = await send(a, s.admin, 'POST', `/api/people/${people.b}/close-contact`, {
        reason: '密接判定',
        isolationStart: iso(S),
      });
      expect(designated.json()).toMatchObject({
        colour: 'red',
        redBasis: 'close_contact',
        isolationStart: iso(S),
        isolationEnd: iso(S + 14 * DAY),
      });
      // A city admin without a unit of their own acts for their place.
      const history = (await send(a, s.admin, 'GET', `/api/people/${people.b}/health-code`)).json().history;
      expect(history.at(-1).evidence).toMatchObject({ officerUnit: '重庆市', officerId: ids.admin });
      clock.now = S + 14 * DAY - 2 * H;
      await send(a, s.lab1, 'POST', '/api/test-results', {
        personId: people.b,
        result: 'negative',
        sampledAt: iso(S + 14 * DAY - 3 * H),
        lab: 'L',
        sampleId: 'B-1',
      });
      clock.now = S + 14 * DAY - 1;
      expect((await send(a, s.health1, 'GET', `/api/people/${people.b}/health-code`)).json().colour).toBe(
        'red',
      );
      clock.now = S + 14 * DAY;
      const green = (await send(a, s.health1, 'GET', `/api/people/${people.b}/health-code`)).json();
      expect([green.colour, green.history.at(-1).rule]).toEqual(['green', 'isolation_complete_green']);

      // Yellow (companion of a case) → red by designation.
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('病例7', 'x', now()) RETURNING id`,
      );
      await applyHealthCodeEvent(
        db,
        people.c,
        {
          kind: 'companion_found',
          at: clock.now - H,
          caseId: rows[0].id,
          caseLabel: '病例7',
          cell: 'g-1-2',
          overlapStart: clock.now - 3 * H,
          overlapEnd: clock.now - 2 * H,
        },
        { preset: 'default' },
      );
      const fromYellow = await send(a, s.health1, 'POST', `/api/people/${people.c}/close-contact`, {
        reason: '升级为密接',
      });
      expect(fromYellow.json().transitions).toEqual([
        { at: iso(clock.now), from: 'yellow', to: 'red', rule: 'close_contact_red' },
      ]);

      // A confirmed case is red already: a designation is refused, and isolation does not apply.
      await applyHealthCodeEvent(
        db,
        people.a,
        { kind: 'confirmed_case', at: clock.now },
        { preset: 'default' },
      );
      const refused = await send(
        a,
        s.health1,
        'POST',
        `/api/people/${people.a}/close-contact`,
        { reason: 'x' },
        'zh-CN',
      );
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        code: 'RX_ALREADY_RED',
        message: '健康码已是红码（case）：判定为密接不改变健康码',
      });
      const noIsolation = await send(a, s.health1, 'POST', `/api/people/${people.a}/isolation`, {
        startedAt: iso(clock.now),
        reason: 'x',
      });
      expect([noIsolation.statusCode, noIsolation.json().code]).toEqual([409, 'RX_NOT_CLOSE_CONTACT']);
    });

    it('discharge starts 14 days of monitoring, then green by rule', async () => {
      const { a, db, people, ids, s, clock } = await setup();
      const confirmed = T0 - 20 * DAY;
      await applyHealthCodeEvent(
        db,
        people.a,
        { kind: 'confirmed_case', at: confirmed },
        { preset: 'default' },
      );
      const discharge = (at: number, reason = '治愈出院', session = s.health1) =>
        send(a, session, 'POST', `/api/people/${people.a}/discharge`, { dischargedAt: iso(at), reason });

      const early = await discharge(confirmed - DAY);
      expect([early.statusCode, early.json().field]).toEqual([400, 'body.dischargedAt']);
      const D = T0;
      const done = await discharge(D);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({
        colour: 'red',
        redBasis: 'case',
        dischargedAt: iso(D),
        monitoringEnd: iso(D + 14 * DAY),
        changed: true,
        transitions: [],
      });
      expect((await discharge(D, '重复')).json()).toMatchObject({ changed: false });
      const other = await discharge(D - H);
      expect([other.statusCode, other.json().code]).toEqual([409, 'RX_ALREADY_DISCHARGED']);

      clock.now = D + 14 * DAY - 1;
      const read = () => send(a, s['res.a'], 'GET', '/api/me/health-code');
      expect((await read()).json()).toMatchObject({ colour: 'red', reason: { kind: 'confirmed_case' } });
      clock.now = D + 14 * DAY;
      const green = (await read()).json();
      expect(green).toMatchObject({
        colour: 'green',
        since: iso(D + 14 * DAY),
        reason: { kind: 'discharge_monitoring', dischargedAt: D, monitoringEnd: D + 14 * DAY },
      });
      const staff = (await send(a, s.health1, 'GET', `/api/people/${people.a}/health-code`)).json();
      expect(staff.history.at(-1)).toMatchObject({
        rule: 'discharge_monitoring_green',
        evidence: { dischargedAt: D, monitoringEnd: D + 14 * DAY, officerId: ids.health1 },
      });

      // Green now: discharge no longer applies.
      const notCase = await discharge(clock.now);
      expect([notCase.statusCode, notCase.json().code]).toEqual([409, 'RX_NOT_A_CASE']);
      const audit = (await auditTrail(t.db, { type: 'person', id: people.a }))
        .filter((r) => r.action === 'health_code.discharge')
        .map((r) => [r.actor, r.reason, r.detail?.changed]);
      expect(audit).toEqual([
        [ids.health1, '治愈出院', true],
        [ids.health1, '重复', false],
      ]);
    });

    it('one officer cannot turn a code green with back-dated dates (#9, item 2)', async () => {
      const { a, people, s, clock } = await setup();
      const post = (person: string, path: string, payload: object, lang = 'en') =>
        send(a, s.health1, 'POST', `/api/people/${person}/${path}`, payload, lang);
      const negative = (person: string, sampleId: string, at: number) =>
        send(a, s.lab1, 'POST', '/api/test-results', {
          personId: person,
          result: 'negative',
          sampledAt: iso(at),
          lab: '重庆市检测中心',
          sampleId,
        });
      const colour = async (person: string) =>
        (await send(a, s.health1, 'GET', `/api/people/${person}/health-code`)).json().colour;
      const refused = (res: { statusCode: number; json: () => { code: string; field: string } }) => [
        res.statusCode,
        res.json().code,
        res.json().field,
      ];

      // Attack 1: designated with an isolation begun 1970-01-02, then a negative sampled 1970-01-15.
      const in1970 = await post(
        people.a,
        'close-contact',
        { reason: '密接', isolationStart: '1970-01-02T00:00:00Z' },
        'zh-CN',
      );
      expect(refused(in1970)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.isolationStart']);
      expect(in1970.json().message).toContain('早于密接判定的时间');
      // Nothing was stored: the designation is refused with its isolation.
      expect(await colour(people.a)).toBe('green');
      expect((await post(people.a, 'close-contact', { reason: '密接' })).json().colour).toBe('red');
      const start1970 = await post(people.a, 'isolation', { startedAt: '1970-01-02T00:00:00Z', reason: 'x' });
      expect(refused(start1970)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.startedAt']);
      const sample1970 = await negative(people.a, 'N-1970', Date.parse('1970-01-15T00:00:00Z') / 1000);
      expect(refused(sample1970)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.sampledAt']);
      expect(sample1970.json().message).toContain('body.sampledAt');
      const tests = await send(a, s.health1, 'GET', `/api/people/${people.a}/test-results`);
      expect(tests.json().testResults).toEqual([]);
      expect(await colour(people.a)).toBe('red');

      // Attack 2: an isolation started 15 days ago and a negative 1.5 days ago.
      const fifteen = await post(people.b, 'close-contact', {
        reason: '密接',
        isolationStart: iso(clock.now - 15 * DAY),
      });
      expect(refused(fifteen)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.isolationStart']);
      // Even when the designation itself is 15 days old, its isolation is not recorded 15 days late.
      expect((await post(people.b, 'close-contact', { reason: '密接' })).json().colour).toBe('red');
      clock.now = T0 + 15 * DAY;
      const late = await post(people.b, 'isolation', { startedAt: iso(T0), reason: '补录隔离' });
      expect(refused(late)).toEqual([400, 'RX_EVENT_TOO_OLD', 'body.startedAt']);
      expect((await negative(people.b, 'N-B', clock.now - 36 * H)).json()).toMatchObject({
        colour: 'red',
        transition: null,
      });
      // At most 72 h late: the isolation ends 14 days after that, not at once.
      const recorded = await post(people.b, 'isolation', {
        startedAt: iso(clock.now - 72 * H),
        reason: '补录',
      });
      expect(recorded.json()).toMatchObject({
        colour: 'red',
        isolationEnd: iso(clock.now - 72 * H + 14 * DAY),
        transitions: [],
      });
      expect(await colour(people.b)).toBe('red');
      // A negative taken before that isolation began cannot end it.
      const beforeIsolation = await negative(people.b, 'N-B2', clock.now - 80 * H);
      expect(refused(beforeIsolation)).toEqual([400, 'RX_EVENT_BEFORE_STATE', 'body.sampledAt']);
    });

    it('out of scope, a role that may not act, or no session: 404 (401) and nothing changes', async () => {
      const { a, people, s, ids } = await setup();
      const actions = [
        { url: `/api/people/${people.a}/close-contact`, payload: { reason: '密接' } },
        { url: `/api/people/${people.a}/isolation`, payload: { startedAt: iso(T0), reason: '隔离' } },
        { url: `/api/people/${people.a}/discharge`, payload: { dischargedAt: iso(T0), reason: '出院' } },
      ];
      const notFound = (
        await send(a, s.health1, 'POST', '/api/people/00000000-0000-4000-8000-000000000000/close-contact', {
          reason: 'x',
        })
      ).json();
      for (const { url, payload } of actions) {
        for (const who of ['health.jb', 'district1', 'worker1', 'street1', 'lab1', 'res.a']) {
          const res = await send(a, s[who], 'POST', url, payload);
          expect([who, url, res.statusCode, res.json()]).toEqual([who, url, 404, notFound]);
        }
        expect((await send(a, null, 'POST', url, payload)).statusCode).toBe(401);
      }
      const code = (await send(a, s.health1, 'GET', `/api/people/${people.a}/health-code`)).json();
      expect([code.colour, code.history]).toEqual(['green', []]);
      const trail = await auditTrail(t.db, { type: 'person', id: people.a });
      expect(trail.map((r) => [r.action, r.actor])).toEqual([['health_code.read', ids.health1]]);
    });

    it('bad input is 400 naming the field', async () => {
      const { a, people, s, clock } = await setup();
      const post = (path: string, payload: unknown) =>
        send(a, s.health1, 'POST', `/api/people/${people.a}/${path}`, payload);
      const cases: [string, unknown, string][] = [
        ['close-contact', {}, 'body.reason'],
        ['close-contact', { reason: '   ' }, 'body.reason'],
        ['close-contact', { reason: 'x'.repeat(1001) }, 'body.reason'],
        ['close-contact', { reason: 'x', isolationStart: 'tomorrow' }, 'body.isolationStart'],
        ['close-contact', { reason: 'x', isolationStart: iso(clock.now + DAY) }, 'body.isolationStart'],
        ['close-contact', { reason: 'x', officerUnit: '假单位' }, 'body.officerUnit'],
        ['isolation', { reason: 'x' }, 'body.startedAt'],
        ['isolation', { reason: 'x', startedAt: 12 }, 'body.startedAt'],
        ['isolation', { reason: 'x', startedAt: iso(clock.now + DAY) }, 'body.startedAt'],
        ['isolation', { startedAt: iso(clock.now) }, 'body.reason'],
        ['discharge', { reason: 'x' }, 'body.dischargedAt'],
        ['discharge', { reason: 'x', dischargedAt: '2026-13-45T00:00:00Z' }, 'body.dischargedAt'],
        ['discharge', { reason: 'x', dischargedAt: iso(clock.now + DAY) }, 'body.dischargedAt'],
        ['discharge', { reason: { text: 'x' }, dischargedAt: iso(clock.now) }, 'body.reason'],
      ];
      for (const [path, payload, field] of cases) {
        const res = await post(path, payload);
        expect([path, payload, res.statusCode, res.json().code, res.json().field]).toEqual([
          path,
          payload,
          400,
          'RX_VALIDATION',
          field,
        ]);
      }
      const badId = await send(a, s.health1, 'POST', '/api/people/nope/close-contact', { reason: 'x' });
      expect([badId.statusCode, badId.json().field]).toEqual([400, 'params.id']);
      const code = (await send(a, s.health1, 'GET', `/api/people/${people.a}/health-code`)).json();
      expect(code.colour).toBe('green');
    });
  },
  { migrate: true },
);
