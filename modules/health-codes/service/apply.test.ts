import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { auditTrail } from '@renxing/modules/audit';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import type { CompanionFound } from '../rules/types.js';
import { healthCodeHistory, healthCodeOf } from '../store/health-codes.js';
import { applyHealthCodeEvent, loadHealthCode, settleHealthCode } from './apply.js';
import { decideHealthCodeOverride, requestHealthCodeOverride } from './overrides.js';
import { generateSigningKey } from './signing.js';
import { recordPcrResult } from './test-results.js';
import { issuePersonToken, verifyPersonToken } from './tokens.js';

const H = 3600;
const T0 = 1_780_000_000;

async function seed(db: Db) {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
  ]);
  await upsertPeople(db, [{ name: '甲', phone: '13800000001', community: 'cq.yz.jd01.sq01' }], {
    secret: Buffer.from('p'.repeat(32)),
  });
  const person = (await peopleUnder(db, 'cq')).people[0].id;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('病例7', 'abc', now()) RETURNING id`,
  );
  const u1 = (
    await insertUser(db, { username: 'h1', passwordHash: 'x', role: 'health_officer', placePath: 'cq' })
  ).id;
  const u2 = (
    await insertUser(db, { username: 'h2', passwordHash: 'x', role: 'district_officer', placePath: 'cq' })
  ).id;
  return { person, caseId: rows[0].id, u1, u2 };
}

const companion = (caseId: string, at = T0): CompanionFound => ({
  kind: 'companion_found',
  at,
  caseId,
  caseLabel: '病例7',
  cell: 'c-120-45',
  overlapStart: at - 2 * H,
  overlapEnd: at - H,
});

forEachDatabase(
  'health-code service',
  (t) => {
    it('companion → yellow once per (person, case); two negatives ≥ 24 h apart → green', async () => {
      const { person, caseId } = await seed(t.db);
      const first = await applyHealthCodeEvent(t.db, person, companion(caseId), { preset: 'default' });
      expect(first.transition).toMatchObject({ from: 'green', to: 'yellow', rule: 'companion_yellow' });
      expect(first.state.colour).toBe('yellow');
      // Detection re-run: nothing changes, nothing is written.
      const before = await healthCodeOf(t.db, person);
      const again = await applyHealthCodeEvent(t.db, person, companion(caseId, T0 + 50), {
        preset: 'default',
      });
      expect(again.transition).toBeNull();
      expect(await healthCodeOf(t.db, person)).toEqual(before);
      const history = await healthCodeHistory(t.db, person);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ caseId, rule: 'companion_yellow', at: T0 });

      const test = (sampleId: string, at: number) =>
        recordPcrResult(
          t.db,
          {
            personId: person,
            result: 'negative',
            sampledAt: new Date(at * 1000),
            lab: 'lab-1',
            sampleId,
            recordedBy: null,
            reportedAt: new Date((at + H) * 1000),
          },
          { preset: 'default' },
        );
      expect((await test('S1', T0 + H)).transition).toBeNull();
      // 23 h later is not enough; re-sending S1 is idempotent.
      expect((await test('S2', T0 + 24 * H)).state.colour).toBe('yellow');
      expect((await test('S1', T0 + H)).inserted).toBe(false);
      const third = await test('S3', T0 + 25 * H);
      expect(third.transition).toMatchObject({ from: 'yellow', to: 'green', rule: 'two_negatives_green' });
      const loaded = await loadHealthCode(t.db, person, 'default');
      expect(loaded.state.colour).toBe('green');
      expect(loaded.state.tests).toHaveLength(3);
      expect(loaded.history.map((h) => h.rule)).toEqual(['companion_yellow', 'two_negatives_green']);
      expect((await auditTrail(t.db, { type: 'person', id: person })).map((a) => a.action)).toEqual([
        'test_result.record',
        'test_result.record',
        'test_result.record',
        'test_result.record',
      ]);
      // The same case never turns them yellow again.
      expect(
        (await applyHealthCodeEvent(t.db, person, companion(caseId), { preset: 'default' })).transition,
      ).toBe(null);
    });

    it('concurrent events for one person are all kept', async () => {
      const { person } = await seed(t.db);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          applyHealthCodeEvent(
            t.db,
            person,
            { kind: 'pcr_result', testId: `t${i}`, takenAt: T0 + i * 30 * H, result: 'negative' },
            { preset: 'default' },
          ),
        ),
      );
      expect(results.every((r) => r.transition === null)).toBe(true);
      const code = await healthCodeOf(t.db, person);
      expect((code!.state as { tests: unknown[] }).tests).toHaveLength(6);
      expect(code?.version).toBe(6);
    });

    it('refuses unknown people and presets; time rules fire on settle', async () => {
      const { person } = await seed(t.db);
      const unknown = '00000000-0000-4000-8000-000000000000';
      await expect(
        applyHealthCodeEvent(t.db, unknown, { kind: 'tick', now: T0 }, { preset: 'default' }),
      ).rejects.toMatchObject({ code: 'RX_NOT_FOUND' });
      await expect(
        applyHealthCodeEvent(t.db, person, { kind: 'tick', now: T0 }, { preset: 'nowhere' }),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PRESET' });
      await applyHealthCodeEvent(
        t.db,
        person,
        { kind: 'close_contact', at: T0, officerUnit: '渝中区疾控', officerId: 'u' },
        { preset: 'default' },
      );
      await applyHealthCodeEvent(t.db, person, { kind: 'isolation_started', at: T0 }, { preset: 'default' });
      await applyHealthCodeEvent(
        t.db,
        person,
        { kind: 'pcr_result', testId: 'final', takenAt: T0 + 13 * 24 * H + 12 * H, result: 'negative' },
        { preset: 'default' },
      );
      expect(
        await settleHealthCode(t.db, person, T0 + 13 * 24 * H + 13 * H, { preset: 'default' }),
      ).toBeNull();
      const version = (await healthCodeOf(t.db, person))?.version;
      expect(await settleHealthCode(t.db, person, T0 + 14 * 24 * H, { preset: 'default' })).toMatchObject({
        rule: 'isolation_complete_green',
        to: 'green',
      });
      expect((await healthCodeOf(t.db, person))?.version).toBe((version ?? 0) + 1);
    });

    it('overrides need a second, different user and a reason; the change names the request', async () => {
      const { person, u1, u2 } = await seed(t.db);
      await expect(
        requestHealthCodeOverride(t.db, { personId: person, to: 'green', requestedBy: u1, reason: 'x' }),
      ).rejects.toMatchObject({ code: 'RX_OVERRIDE_NO_CHANGE', field: 'body.to' });
      await expect(
        requestHealthCodeOverride(t.db, { personId: person, to: 'red', requestedBy: u1, reason: '  ' }),
      ).rejects.toMatchObject({ code: 'RX_VALIDATION', field: 'body.reason' });
      const request = await requestHealthCodeOverride(t.db, {
        personId: person,
        to: 'red',
        requestedBy: u1,
        reason: '流调确认',
      });
      const decide = (by: string, approve = true, reason = '复核同意') =>
        decideHealthCodeOverride(t.db, request.id, { approve, decidedBy: by, reason, preset: 'default' });
      await expect(decide(u1)).rejects.toMatchObject({ code: 'RX_OVERRIDE_SELF' });
      await expect(decide(u2, true, ' ')).rejects.toMatchObject({
        code: 'RX_VALIDATION',
        field: 'body.reason',
      });
      const done = await decide(u2);
      expect(done.request).toMatchObject({ state: 'approved', decidedBy: u2 });
      expect(done.transition).toMatchObject({ from: 'green', to: 'red', rule: 'override', actors: [u1, u2] });
      expect(done.state.redBasis).toBe('override');
      await expect(decide(u2)).rejects.toMatchObject({ code: 'RX_OVERRIDE_DECIDED' });
      const history = await healthCodeHistory(t.db, person);
      expect(history.at(-1)).toMatchObject({ rule: 'override', overrideRequestId: request.id });
      expect(
        (await auditTrail(t.db, { type: 'person', id: person })).map((a) => [a.action, a.actor]),
      ).toEqual([
        ['health_code.override.request', u1],
        ['health_code.override.approve', u2],
      ]);
      // An override never comes from a bare event.
      await expect(
        applyHealthCodeEvent(
          t.db,
          person,
          {
            kind: 'override_approved',
            to: 'green',
            requestedBy: u1,
            approvedBy: u2,
            reasons: { request: 'a', approval: 'b' },
            requestedAt: T0,
            at: T0,
          },
          { preset: 'default' },
        ),
      ).rejects.toThrow(/only for a stored, approved override request/);
      // A rejection changes nothing.
      const second = await requestHealthCodeOverride(t.db, {
        personId: person,
        to: 'green',
        requestedBy: u2,
        reason: '申诉',
      });
      const rejected = await decideHealthCodeOverride(t.db, second.id, {
        approve: false,
        decidedBy: u1,
        reason: '证据不足',
        preset: 'default',
      });
      expect(rejected.request.state).toBe('rejected');
      expect(rejected.state.colour).toBe('red');
    });

    it('online verification refuses a token whose colour is better than the person’s now (superseded)', async () => {
      const { person, caseId } = await seed(t.db);
      const ctx = { key: generateSigningKey(), citySecret: Buffer.from('s'.repeat(32)) };
      const { token } = await issuePersonToken(t.db, ctx, person, 'green');
      expect(await verifyPersonToken(t.db, ctx, token)).toMatchObject({
        valid: true,
        claims: { colour: 'green' },
      });
      expect((await verifyPersonToken(t.db, ctx, token)).currentColour).toBeUndefined();
      await applyHealthCodeEvent(t.db, person, companion(caseId), { preset: 'default' });
      expect(await verifyPersonToken(t.db, ctx, token)).toMatchObject({
        valid: false,
        reason: 'superseded',
        currentColour: 'yellow',
      });
      expect(await verifyPersonToken(t.db, ctx, `${token}x`)).toMatchObject({ valid: false });
    });
  },
  { migrate: true },
);
