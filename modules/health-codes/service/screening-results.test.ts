import type { Db } from '@renxing/db';
import { forEachDatabase } from '@renxing/db/testing';
import { peopleUnder, upsertPeople } from '@renxing/modules/people';
import { insertPlaces } from '@renxing/modules/places';
import { expect, it } from 'vitest';
import type { HealthCodeState } from '../rules/types.js';
import { healthCodeHistory, healthCodeOf } from '../store/health-codes.js';
import { SCREENING_INSERT_CHUNK, testResultsOf } from '../store/test-results.js';
import { applyHealthCodeEvent } from './apply.js';
import { recordScreeningResults, type ScreeningMemberResult } from './screening-results.js';
import { recordPcrResult } from './test-results.js';

const H = 3600;
const D = 24 * H;
const T0 = 1_780_000_000;
const OPTIONS = { preset: 'default' };

/** People 甲, 乙, 丙, 丁 in one community; their ids by name. */
async function seed(db: Db): Promise<Record<'甲' | '乙' | '丙' | '丁', string>> {
  await insertPlaces(db, [
    { level: 'city', code: 'cq', name: '重庆市' },
    { parentPath: 'cq', level: 'district', code: 'yz', name: '渝中区' },
    { parentPath: 'cq.yz', level: 'street', code: 'jd01', name: '解放碑街道' },
    { parentPath: 'cq.yz.jd01', level: 'community', code: 'sq01', name: '社区一' },
  ]);
  const names = ['甲', '乙', '丙', '丁'] as const;
  await upsertPeople(
    db,
    names.map((name, i) => ({ name, phone: `1380000000${i + 1}`, community: 'cq.yz.jd01.sq01' })),
    { secret: Buffer.from('p'.repeat(32)) },
  );
  const people = (await peopleUnder(db, 'cq')).people;
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  return { 甲: id('甲'), 乙: id('乙'), 丙: id('丙'), 丁: id('丁') };
}

/** Every member of a tube with one result, sampled at `sampledAt` and reported `late` seconds later. */
function tube(
  barcode: string,
  k: number,
  result: ScreeningMemberResult['result'],
  sampledAt: number,
  personIds: string[],
  late = 10 * H,
): ScreeningMemberResult[] {
  return personIds.map((personId) => ({
    personId,
    tube: barcode,
    k,
    sampledAt: new Date(sampledAt * 1000),
    reportedAt: new Date((sampledAt + late) * 1000),
    result,
    lab: 'lab-1',
  }));
}

const stateOf = async (db: Db, personId: string) =>
  (await healthCodeOf(db, personId))?.state as HealthCodeState | undefined;

async function counts(
  db: Db,
): Promise<{ tests: number; codes: number; transitions: number; versions: number }> {
  const { rows } = await db.query<{ tests: number; codes: number; transitions: number; versions: number }>(
    `SELECT (SELECT count(*)::int FROM test_results) AS tests, (SELECT count(*)::int FROM health_codes) AS codes,
            (SELECT count(*)::int FROM health_code_transitions) AS transitions,
            (SELECT coalesce(sum(version), 0)::int FROM health_codes) AS versions`,
  );
  return rows[0];
}

forEachDatabase(
  'screening results into health codes',
  (t) => {
    it('a positive pooled tube turns its green members yellow; a single-tube negative after it turns them green', async () => {
      const p = await seed(t.db);
      const first = [
        ...tube('P-1', 5, 'positive', T0, [p.甲, p.乙]),
        ...tube('P-2', 5, 'negative', T0, [p.丙]),
        ...tube('P-3', 5, 'invalid', T0, [p.丁]),
      ];
      const r1 = await recordScreeningResults(t.db, first, OPTIONS);
      expect(r1.transitions.map((x) => [x.personId, x.from, x.to, x.rule, x.at])).toEqual(
        [p.甲, p.乙].sort().map((id) => [id, 'green', 'yellow', 'pooled_positive', T0 + 10 * H]),
      );
      expect(await stateOf(t.db, p.甲)).toMatchObject({
        colour: 'yellow',
        reason: { kind: 'pooled_positive', tube: 'P-1', sampledAt: T0, at: T0 + 10 * H },
        pooledPending: { tube: 'P-1', sampledAt: T0 },
      });
      // A positive pool and an invalid tube are no individual results; a negative pool is.
      expect(await testResultsOf(t.db, p.甲)).toEqual([]);
      expect(await testResultsOf(t.db, p.丁)).toEqual([]);
      expect(await testResultsOf(t.db, p.丙)).toMatchObject([
        { result: 'negative', sampleId: 'P-2', poolId: 'P-2', lab: 'lab-1', recordedBy: null, kind: 'pcr' },
      ]);
      expect(await healthCodeOf(t.db, p.丙)).toBeNull();
      expect(await healthCodeOf(t.db, p.丁)).toBeNull();

      // 甲's single-tube re-test; 乙 is in another pool, negative: that does not end the wait.
      const second = [
        ...tube('S-1', 1, 'negative', T0 + D, [p.甲]),
        ...tube('P-4', 10, 'negative', T0 + D, [p.乙, p.丙]),
      ];
      const r2 = await recordScreeningResults(t.db, second, OPTIONS);
      const [stored] = await testResultsOf(t.db, p.甲);
      expect(stored).toMatchObject({ sampleId: 'S-1', poolId: null });
      expect(r2.transitions).toEqual([
        expect.objectContaining({
          personId: p.甲,
          from: 'yellow',
          to: 'green',
          rule: 'retest_negative_green',
          at: T0 + D + 10 * H,
          evidence: {
            rule: 'retest_negative_green',
            tube: 'P-1',
            sampledAt: T0,
            test: { testId: stored.id, takenAt: T0 + D, result: 'negative' },
          },
        }),
      ]);
      expect((await healthCodeHistory(t.db, p.甲)).map((h) => h.rule)).toEqual([
        'pooled_positive',
        'retest_negative_green',
      ]);
      // 乙 has a code: the pooled negative was applied to it (and kept as pooled), the wait goes on.
      expect(await stateOf(t.db, p.乙)).toMatchObject({
        colour: 'yellow',
        pooledPending: { tube: 'P-1' },
        tests: [{ takenAt: T0 + D, result: 'negative', pooled: true }],
      });
      // 丙 still has none: two negatives stored, no per-person work.
      expect(await healthCodeOf(t.db, p.丙)).toBeNull();
      expect(await testResultsOf(t.db, p.丙)).toHaveLength(2);

      // Re-running both batches changes nothing.
      const before = await counts(t.db);
      expect((await recordScreeningResults(t.db, first, OPTIONS)).transitions).toEqual([]);
      expect((await recordScreeningResults(t.db, second, OPTIONS)).transitions).toEqual([]);
      expect(await counts(t.db)).toEqual(before);
    });

    it('negatives stored without a code seed the first code: two negatives clear a later yellow', async () => {
      const p = await seed(t.db);
      // Detection found 丙 a companion at T0, but its event is applied only after the day's screening.
      await recordScreeningResults(
        t.db,
        [...tube('P-1', 10, 'negative', T0 + H, [p.丙]), ...tube('S-1', 1, 'negative', T0 + H + D, [p.丙])],
        OPTIONS,
      );
      expect(await healthCodeOf(t.db, p.丙)).toBeNull();
      const { rows } = await t.db.query<{ id: string }>(
        `INSERT INTO cases (label, subject_pseudonym, confirmed_at) VALUES ('病例7', 'abc', now()) RETURNING id`,
      );
      const companion = {
        kind: 'companion_found' as const,
        at: T0,
        caseId: rows[0].id,
        caseLabel: '病例7',
        cell: 'c-1',
        overlapStart: T0 - 2 * H,
        overlapEnd: T0 - H,
      };
      const yellow = await applyHealthCodeEvent(t.db, p.丙, companion, OPTIONS);
      expect(yellow.transition).toMatchObject({ to: 'yellow', rule: 'companion_yellow' });
      expect(yellow.state.tests.map((x) => [x.takenAt, x.pooled ?? false])).toEqual([
        [T0 + H, true],
        [T0 + H + D, false],
      ]);
      const green = await applyHealthCodeEvent(t.db, p.丙, { kind: 'tick', now: T0 + 2 * D }, OPTIONS);
      expect(green.transition).toMatchObject({
        from: 'yellow',
        to: 'green',
        rule: 'two_negatives_green',
        evidence: { tests: [{ pooled: true }, { takenAt: T0 + H + D }] },
      });
    });

    it('a single-tube positive turns red, its own row not seeded twice; a positive pool answered already changes nothing', async () => {
      const p = await seed(t.db);
      await recordScreeningResults(t.db, tube('P-1', 5, 'negative', T0, [p.甲]), OPTIONS);
      const red = await recordScreeningResults(t.db, tube('S-1', 1, 'positive', T0 + D, [p.甲]), OPTIONS);
      expect(red.transitions).toMatchObject([{ personId: p.甲, to: 'red', rule: 'positive_red' }]);
      expect((await stateOf(t.db, p.甲))?.tests).toHaveLength(2);

      // 乙: a single tube sampled after the pool is reported in the same batch as the pool's positive.
      const both = await recordScreeningResults(
        t.db,
        [...tube('P-2', 5, 'positive', T0, [p.乙], 30 * H), ...tube('S-2', 1, 'negative', T0 + H, [p.乙])],
        OPTIONS,
      );
      expect(both.transitions).toEqual([]);
    });

    it('a lab’s single-tube re-test through recordPcrResult also answers the pool, even sampled before its report', async () => {
      const p = await seed(t.db);
      await recordScreeningResults(t.db, tube('P-1', 5, 'positive', T0, [p.甲], 20 * H), OPTIONS);
      const retest = await recordPcrResult(
        t.db,
        {
          personId: p.甲,
          result: 'negative',
          sampledAt: new Date((T0 + 2 * H) * 1000),
          reportedAt: new Date((T0 + 22 * H) * 1000),
          lab: 'lab-2',
          sampleId: 'X-9',
          recordedBy: null,
        },
        OPTIONS,
      );
      expect(retest.transition).toMatchObject({ to: 'green', rule: 'retest_negative_green' });
    });

    it('stores a batch larger than one statement; negatives alone leave people without a code', async () => {
      const p = await seed(t.db);
      const rows = Array.from({ length: SCREENING_INSERT_CHUNK * 2 + 1 }, (_, i) =>
        tube(`P-${i}`, 10, 'negative', T0 + i, [i % 2 === 0 ? p.丙 : p.丁]),
      ).flat();
      expect((await recordScreeningResults(t.db, rows, OPTIONS)).transitions).toEqual([]);
      expect(await counts(t.db)).toEqual({ tests: rows.length, codes: 0, transitions: 0, versions: 0 });
    });

    it('refuses an unknown preset before writing anything', async () => {
      const p = await seed(t.db);
      await expect(
        recordScreeningResults(t.db, tube('P-1', 5, 'negative', T0, [p.甲]), { preset: 'nowhere' }),
      ).rejects.toMatchObject({ code: 'RX_UNKNOWN_PRESET' });
      expect(await testResultsOf(t.db, p.甲)).toEqual([]);
    });
  },
  { migrate: true },
);
