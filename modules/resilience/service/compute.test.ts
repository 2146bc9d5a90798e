import { forEachDatabase } from '@renxing/db/testing';
import { expect, it } from 'vitest';
import { computeResilienceIndex } from './compute.js';
import { explainResilienceScore } from './explain.js';
import {
  actor,
  initialValues,
  resilienceCity,
  SQ1,
  SQ2,
  SQ3,
  SQ9,
  TEST_SPECS,
  TODAY,
  testIndicators,
} from './index-test-support.js';
import { getResilienceIndex } from './index-view.js';
import { listResilienceIndicators, updateResilienceIndicator } from './settings.js';

forEachDatabase(
  'resilience compute',
  (t) => {
    it('computes, scores and ranks every community, and stores the run with one audit row', async () => {
      const city = await resilienceCity(t.db);
      const platform = testIndicators(initialValues());
      const phases: string[] = [];
      const run = await computeResilienceIndex(t.db, {
        actor: actor(city.users.admin, null),
        platform,
        onProgress: (p) => phases.push(`${p.phase} ${p.done}/${p.total}`),
      });
      expect(run).toMatchObject({
        date: TODAY,
        communities: 4,
        indicators: ['t.eng', 't.inst', 't.soc', 't.empty'],
        disabled: [],
        absent: ['t.empty'],
      });
      expect(phases).toContain('indicators 4/5');
      expect(phases.at(-1)).toBe('saving 1/1');

      const view = await getResilienceIndex(t.db, {}, actor(city.users.admin, 'cq'));
      expect(view.dates).toEqual([TODAY]);
      const byPath = Object.fromEntries(view.rows.map((r) => [r.community.path, r]));
      // By hand: t.eng (higher) 10,20,30 → 0, .5, 1; t.inst (lower) 5,5,15,25 → 1,1,.5,0; t.soc 1,3,2,3 → 0,1,.5,1.
      expect(byPath[SQ1]).toMatchObject({
        engineering: 0,
        institutional: 1,
        social: 0,
        index: 1,
        rank: 3,
        indicators: 3,
      });
      expect(byPath[SQ2]).toMatchObject({
        engineering: 0.5,
        institutional: 1,
        social: 1,
        index: 2.5,
        rank: 1,
      });
      expect(byPath[SQ3]).toMatchObject({
        engineering: 1,
        institutional: 0.5,
        social: 0.5,
        index: 2,
        rank: 2,
      });
      expect(byPath[SQ9]).toMatchObject({
        engineering: null,
        institutional: 0,
        social: 1,
        index: 1,
        rank: 3,
        redundancy: null,
        adaptability: 0,
        self_organisation: 1,
        indicators: 2,
      });
      expect(byPath[SQ1].community).toMatchObject({
        name: '较场口社区',
        street: 'cq.yz.jd01',
        streetName: '解放碑街道',
        district: 'cq.yz',
        districtName: '渝中区',
        residents: 2,
      });
      // Rows by rank.
      expect(view.rows.map((r) => r.rank)).toEqual([1, 2, 3, 3]);
      const audit = await t.db.query<{ action: string; subject_id: string }>(
        "SELECT action, subject_id FROM audit_log WHERE action = 'resilience.compute'",
      );
      expect(audit.rows).toEqual([{ action: 'resilience.compute', subject_id: TODAY }]);
    });

    it('replaces a date on recomputation, and keeps other dates as history', async () => {
      const city = await resilienceCity(t.db);
      const values = initialValues();
      const platform = testIndicators(values);
      const admin = actor(city.users.admin, null);
      await computeResilienceIndex(t.db, { date: '2026-12-05', actor: admin, platform });
      await computeResilienceIndex(t.db, { actor: admin, platform });
      values['t.eng'][SQ1] = 40; // sq01 becomes the best engineering
      await computeResilienceIndex(t.db, { actor: admin, platform });
      const count = async (table: string, date: string) =>
        Number(
          (
            await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE date = $1::date`, [
              date,
            ])
          ).rows[0].n,
        );
      expect(await count('resilience_runs', TODAY)).toBe(1);
      expect(await count('resilience_values', TODAY)).toBe(11);
      expect(await count('resilience_scores', TODAY)).toBe(4);
      expect(await count('resilience_values', '2026-12-05')).toBe(11);
      const today = await getResilienceIndex(t.db, {}, actor(null, null));
      expect(today.rows.find((r) => r.community.path === SQ1)?.engineering).toBe(1);
      const before = await getResilienceIndex(t.db, { date: '2026-12-05' }, actor(null, null));
      expect(before.rows.find((r) => r.community.path === SQ1)?.engineering).toBe(0);
      expect(today.dates).toEqual([TODAY, '2026-12-05']);
      const none = await getResilienceIndex(t.db, { date: '2026-01-01' }, actor(null, null));
      expect(none).toEqual({ run: null, dates: [TODAY, '2026-12-05'], rows: [] });
    });

    it('leaves a switched-off indicator out of the computation and says so', async () => {
      const city = await resilienceCity(t.db);
      const platform = testIndicators(initialValues());
      const admin = actor(city.users.admin, 'cq');
      const off = await updateResilienceIndicator(t.db, 't.eng', { enabled: false }, admin, { platform });
      expect(off).toMatchObject({ key: 't.eng', enabled: false, source: 'platform' });
      const run = await computeResilienceIndex(t.db, { actor: admin, platform });
      expect(run.indicators).toEqual(['t.inst', 't.soc', 't.empty']);
      expect(run.disabled).toEqual(['t.eng']);
      const stored = await t.db.query("SELECT 1 FROM resilience_values WHERE key = 't.eng'");
      expect(stored.rows).toHaveLength(0);
      const view = await getResilienceIndex(t.db, {}, admin);
      expect(view.rows.every((r) => r.engineering === null)).toBe(true);
      const list = await listResilienceIndicators(t.db, admin, { platform });
      expect(list.hazards).toEqual(['epidemic', 'flood', 'blackout', 'earthquake', 'fire']);
      expect(list.indicators.map((i) => [i.key, i.enabled, i.communities])).toEqual([
        ['t.eng', false, 0],
        ['t.inst', true, 4],
        ['t.soc', true, 4],
        ['t.empty', true, 0],
      ]);
      // Switching it on again is audited once; the same switch again changes nothing.
      await updateResilienceIndicator(t.db, 't.eng', { enabled: true }, admin, { platform });
      await updateResilienceIndicator(t.db, 't.eng', { enabled: true }, admin, { platform });
      const audit = await t.db.query(
        "SELECT action FROM audit_log WHERE subject_type = 'resilience_indicator'",
      );
      expect(audit.rows).toHaveLength(2);
      await expect(
        updateResilienceIndicator(t.db, 'x.nope', { enabled: false }, admin, { platform }),
      ).rejects.toMatchObject({ code: 'RX_RESILIENCE_UNKNOWN_INDICATOR' });
    });

    it('explains each score down to its indicators, consistent with the stored scores', async () => {
      const city = await resilienceCity(t.db);
      const platform = testIndicators(initialValues());
      await computeResilienceIndex(t.db, { actor: actor(null, null), platform });
      const specs = new Map(TEST_SPECS.map((s) => [s.key, s]));
      const view = await getResilienceIndex(t.db, {}, actor(null, null));
      for (const row of view.rows) {
        const tree = await explainResilienceScore(t.db, row.community.path, {}, actor(null, 'cq'), {
          platform,
        });
        expect(tree.index).toBe(row.index);
        let sum = 0;
        for (const m of tree.mechanisms) {
          const present = m.indicators.filter((i) => !i.missing);
          const mean = present.length
            ? present.reduce((a, i) => a + (i.normalised as number), 0) / present.length
            : null;
          expect(m.score).toBe(row[m.mechanism]);
          if (mean === null) expect(m.score).toBeNull();
          else expect(m.score).toBeCloseTo(mean, 12);
          sum += m.score ?? 0;
          for (const i of m.indicators) expect(specs.get(i.key)?.mechanism).toBe(m.mechanism);
        }
        expect(row.index).toBeCloseTo(sum, 12);
        for (const tr of tree.traits) expect(tr.score).toBe(row[tr.trait]);
      }
      const one = await explainResilienceScore(t.db, SQ9, { key: 't.inst' }, actor(null, null), { platform });
      const eng = one.mechanisms.find((m) => m.mechanism === 'engineering')!;
      expect(eng).toMatchObject({
        score: null,
        indicators: [{ key: 't.eng', missing: true, value: null, min: 10, max: 30, count: 3 }],
      });
      expect(one.indicator).toMatchObject({
        key: 't.inst',
        value: 25,
        normalised: 0,
        min: 5,
        max: 25,
        count: 4,
        recordCount: 1,
        records: [{ kind: 'test', id: `${SQ9}:1`, label: `record of ${SQ9}`, value: 25 }],
        summary: { en: 't.inst 25' },
      });
      await expect(
        explainResilienceScore(t.db, SQ9, { key: 't.nope' }, actor(null, null), { platform }),
      ).rejects.toMatchObject({ code: 'RX_RESILIENCE_UNKNOWN_INDICATOR' });
      await expect(
        explainResilienceScore(t.db, SQ9, { date: '2020-01-01' }, actor(null, null), { platform }),
      ).rejects.toMatchObject({ code: 'RX_RESILIENCE_NOT_COMPUTED' });
      void city;
    });

    it('shows staff only the communities at or under their place', async () => {
      const city = await resilienceCity(t.db);
      await computeResilienceIndex(t.db, {
        actor: actor(null, null),
        platform: testIndicators(initialValues()),
      });
      const street = actor(city.users.street1, 'cq.yz.jd01');
      const mine = await getResilienceIndex(t.db, {}, street);
      expect(mine.rows.map((r) => r.community.path).sort()).toEqual([SQ1, SQ2, SQ3]);
      // Ranks stay the city's.
      expect(mine.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
      const under = await getResilienceIndex(t.db, { under: SQ2 }, street);
      expect(under.rows.map((r) => r.community.path)).toEqual([SQ2]);
      await expect(getResilienceIndex(t.db, { under: 'cq.jb' }, street)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(explainResilienceScore(t.db, SQ9, {}, street)).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });
      await expect(explainResilienceScore(t.db, 'cq.yz.jd01', {}, street)).rejects.toMatchObject({
        code: 'RX_RESILIENCE_NOT_COMMUNITY',
      });
    });
  },
  { migrate: true },
);
