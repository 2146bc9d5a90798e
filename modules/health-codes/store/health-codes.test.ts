import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { insertUser } from '@renxing/modules/access';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import {
  healthCodeHistory,
  healthCodeOf,
  healthCodesOf,
  insertHealthCodeTransition,
  lockHealthCode,
  personOfHealthCodePid,
  rememberHealthCodePid,
  saveHealthCode,
} from './health-codes.js';
import {
  decideOverrideRequest,
  insertOverrideRequest,
  overrideRequestById,
  pendingOverrides,
  pendingOverridesOf,
} from './override-requests.js';
import { insertTestResult, testResultsOf } from './test-results.js';

const SECRET = Buffer.from('h'.repeat(32));

async function seed(db: Db) {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
    { parentPath: 'cq', level: 'district', code: 'jb', name: '江北区' },
    { parentPath: 'cq.jb', level: 'street', code: 'jd03', name: '观音桥街道' },
    { parentPath: 'cq.jb.jd03', level: 'community', code: 'sq09', name: '社区九' },
  ]);
  await upsertPeople(
    db,
    [
      { name: '甲', phone: '13800000001', community: 'cq.yz.jd01.sq01' },
      { name: '乙', phone: '13800000002', community: 'cq.jb.jd03.sq09' },
    ],
    { secret: SECRET },
  );
  const { people } = await peopleUnder(db, 'cq');
  const a = people.find((p) => p.name === '甲')!.id;
  const b = people.find((p) => p.name === '乙')!.id;
  const u1 = await insertUser(db, {
    username: 'h1',
    passwordHash: 'x',
    role: 'health_officer',
    placePath: 'cq',
  });
  const u2 = await insertUser(db, {
    username: 'h2',
    passwordHash: 'x',
    role: 'health_officer',
    placePath: 'cq',
  });
  return { a, b, u1: u1.id, u2: u2.id };
}

const yellow = (personId: string, since: number) => ({
  personId,
  colour: 'yellow' as const,
  since,
  redBasis: null,
  reason: { kind: 'companion', at: since },
});

forEachDatabase(
  'health codes store',
  (t) => {
    it('a person without a row has none; save inserts, then updates by version', async () => {
      const { a } = await seed(t.db);
      expect(await healthCodeOf(t.db, a)).toBeNull();
      expect(await healthCodeOf(t.db, 'not-a-uuid')).toBeNull();
      const v1 = await t.db.transaction(async (tx) => {
        const locked = await lockHealthCode(tx, a);
        expect(locked).toEqual({ exists: true, code: null });
        return saveHealthCode(tx, yellow(a, 1_700_000_000), { n: 1 }, 'default', null);
      });
      expect(v1).toBe(1);
      const stored = await healthCodeOf(t.db, a);
      expect(stored).toMatchObject({
        personId: a,
        colour: 'yellow',
        since: 1_700_000_000,
        redBasis: null,
        reason: { kind: 'companion', at: 1_700_000_000 },
        state: { n: 1 },
        preset: 'default',
        version: 1,
      });
      const v2 = await saveHealthCode(
        t.db,
        { personId: a, colour: 'red', since: 1_700_000_100, redBasis: 'case', reason: { kind: 'x' } },
        { n: 2 },
        'chengdu-2021',
        1,
      );
      expect(v2).toBe(2);
      expect((await healthCodesOf(t.db, [a, 'junk'])).get(a)).toMatchObject({ colour: 'red', version: 2 });
      // A stale version, or a second insert, is a conflict, never a silent overwrite.
      await expect(saveHealthCode(t.db, yellow(a, 1), {}, 'default', 1)).rejects.toMatchObject({
        code: 'RX_HEALTH_CODE_CONFLICT',
      });
      await expect(saveHealthCode(t.db, yellow(a, 1), {}, 'default', null)).rejects.toMatchObject({
        code: 'RX_HEALTH_CODE_CONFLICT',
      });
      expect((await healthCodeOf(t.db, a))?.state).toEqual({ n: 2 });
      expect(
        await t.db.transaction((tx) => lockHealthCode(tx, '00000000-0000-4000-8000-000000000000')),
      ).toEqual({
        exists: false,
        code: null,
      });
    });

    it('concurrent writers that lock the person never lose a change', async () => {
      const { a } = await seed(t.db);
      const bump = () =>
        t.db.transaction(async (tx) => {
          const { code } = await lockHealthCode(tx, a);
          const n = ((code?.state as { n?: number } | null)?.n ?? 0) + 1;
          // Give the other writer time to arrive while we hold the lock.
          await new Promise((r) => setTimeout(r, 5));
          await saveHealthCode(tx, yellow(a, 1_700_000_000 + n), { n }, 'default', code?.version ?? null);
        });
      await Promise.all(Array.from({ length: 8 }, bump));
      const stored = await healthCodeOf(t.db, a);
      expect(stored?.state).toEqual({ n: 8 });
      expect(stored?.version).toBe(8);
    });

    it('stores transitions and returns a person’s history oldest first; one companion yellow per case', async () => {
      const { a, b } = await seed(t.db);
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('病例1', 'abc', now()) RETURNING id`,
      );
      const caseId = rows[0].id;
      const base = {
        personId: a,
        preset: 'default',
        actors: [] as string[],
        reason: { kind: 'companion' },
      };
      await insertHealthCodeTransition(t.db, {
        ...base,
        from: 'yellow',
        to: 'green',
        at: 1_700_100_000,
        rule: 'two_negatives_green',
        evidence: { rule: 'two_negatives_green', tests: [] },
      });
      const first = await insertHealthCodeTransition(t.db, {
        ...base,
        from: 'green',
        to: 'yellow',
        at: 1_700_000_000,
        rule: 'companion_yellow',
        evidence: { rule: 'companion_yellow', caseId },
        caseId,
      });
      expect(first).toMatchObject({
        personId: a,
        from: 'green',
        to: 'yellow',
        caseId,
        overrideRequestId: null,
      });
      await expect(
        insertHealthCodeTransition(t.db, {
          ...base,
          from: 'green',
          to: 'yellow',
          at: 1_700_200_000,
          rule: 'companion_yellow',
          evidence: {},
          caseId,
        }),
      ).rejects.toThrow();
      const history = await healthCodeHistory(t.db, a);
      expect(history.map((h) => [h.rule, h.at])).toEqual([
        ['companion_yellow', 1_700_000_000],
        ['two_negatives_green', 1_700_100_000],
      ]);
      expect(history[0].evidence).toEqual({ rule: 'companion_yellow', caseId });
      expect(await healthCodeHistory(t.db, b)).toEqual([]);
    });

    it('override requests: create, list pending in a subtree, decide once, never by the requester', async () => {
      const { a, b, u1, u2 } = await seed(t.db);
      const ra = await insertOverrideRequest(t.db, {
        personId: a,
        to: 'green',
        requestedBy: u1,
        reason: '误判',
      });
      const rb = await insertOverrideRequest(t.db, {
        personId: b,
        to: 'red',
        requestedBy: u1,
        reason: 'lab call',
      });
      expect(ra).toMatchObject({
        personId: a,
        to: 'green',
        state: 'pending',
        homePlacePath: 'cq.yz.jd01.sq01',
      });
      expect((await pendingOverrides(t.db, 'cq')).map((r) => r.id)).toEqual([ra.id, rb.id]);
      expect((await pendingOverrides(t.db, 'cq.yz')).map((r) => r.id)).toEqual([ra.id]);
      expect(await pendingOverrides(t.db, 'cq.y')).toEqual([]);
      expect((await pendingOverrides(t.db, 'cq', { personId: b })).map((r) => r.id)).toEqual([rb.id]);
      expect((await pendingOverridesOf(t.db, a)).map((r) => r.id)).toEqual([ra.id]);

      // The requester cannot decide their own request: the table refuses it.
      await expect(
        decideOverrideRequest(t.db, ra.id, { state: 'approved', decidedBy: u1, reason: 'me' }),
      ).rejects.toThrow();
      const decided = await decideOverrideRequest(t.db, ra.id, {
        state: 'approved',
        decidedBy: u2,
        reason: '核实无误',
      });
      expect(decided).toMatchObject({ state: 'approved', decidedBy: u2, decisionReason: '核实无误' });
      expect(decided?.decidedAt).toBeInstanceOf(Date);
      // Decided once.
      expect(
        await decideOverrideRequest(t.db, ra.id, { state: 'rejected', decidedBy: u2, reason: 'again' }),
      ).toBeUndefined();
      expect((await pendingOverrides(t.db, 'cq')).map((r) => r.id)).toEqual([rb.id]);
      const locked = await t.db.transaction((tx) => overrideRequestById(tx, rb.id, { lock: true }));
      expect(locked?.state).toBe('pending');
      expect(await overrideRequestById(t.db, 'nope')).toBeUndefined();
    });

    it('test results are stored once per (lab, sample, person) and listed by sampling time', async () => {
      const { a, b } = await seed(t.db);
      const sample = {
        personId: a,
        result: 'negative' as const,
        sampledAt: new Date('2026-03-02T08:00:00Z'),
        lab: 'lab-1',
        sampleId: 'S-2',
        poolId: 'P-1',
      };
      const first = await insertTestResult(t.db, sample);
      expect(first.inserted).toBe(true);
      const again = await insertTestResult(t.db, { ...sample, result: 'positive' });
      expect(again).toEqual({ test: first.test, inserted: false });
      // The same sample id at another lab, or for another person in the pool, is another result.
      await insertTestResult(t.db, { ...sample, lab: 'lab-2', sampledAt: new Date('2026-03-01T08:00:00Z') });
      await insertTestResult(t.db, { ...sample, personId: b });
      const tests = await testResultsOf(t.db, a);
      expect(tests.map((x) => [x.lab, x.result])).toEqual([
        ['lab-2', 'negative'],
        ['lab-1', 'negative'],
      ]);
      expect(tests[1]).toMatchObject({ sampleId: 'S-2', poolId: 'P-1', kind: 'pcr' });
      expect(await testResultsOf(t.db, 'x')).toEqual([]);
    });

    it('maps token pseudonyms back to people', async () => {
      const { a } = await seed(t.db);
      const pid = 'A'.repeat(43);
      await rememberHealthCodePid(t.db, pid, a);
      await rememberHealthCodePid(t.db, pid, a);
      expect(await personOfHealthCodePid(t.db, pid)).toBe(a);
      expect(await personOfHealthCodePid(t.db, 'B'.repeat(43))).toBeUndefined();
      await expect(rememberHealthCodePid(t.db, 'short', a)).rejects.toThrow();
    });
  },
  { migrate: true },
);
