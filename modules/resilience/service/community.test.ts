import { forEachDatabase } from '@renxing/db/testing';
import { listItems } from '@renxing/modules/inbox';
import { expect, it } from 'vitest';
import { getCommunityResilience } from './community.js';
import { computeResilienceIndex } from './compute.js';
import { importResilienceIndicators } from './import-indicators.js';
import { importResilienceValues } from './import-values.js';
import {
  actor,
  initialValues,
  resilienceCity,
  SQ1,
  SQ2,
  SQ3,
  SQ9,
  TODAY,
  testIndicators,
} from './index-test-support.js';
import { listResilienceIndicators } from './settings.js';
import { sendResilienceTask } from './tasks.js';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

forEachDatabase(
  'resilience community',
  (t) => {
    it("uses the city's own indicators with the newest uploaded value on or before the date", async () => {
      const city = await resilienceCity(t.db);
      const platform = testIndicators(initialValues());
      const admin = actor(city.users.admin, 'cq');
      const indicators = await importResilienceIndicators(
        t.db,
        csv([
          'key,mechanism,trait,direction,unit,title,title_en,definition',
          'city.drills,social,adaptability,higher,per_year,每年演练次数,drills a year,社区每年组织的应急演练次数',
          't.eng,engineering,redundancy,higher,share,重复,duplicate,平台指标',
          'city.bad,economic,redundancy,higher,share,坏,bad,',
          'Bad Key,social,redundancy,higher,share,坏,bad,',
          'city.drills,social,adaptability,higher,per_year,再来,again,',
        ]),
        { actor: admin, platform, source: { file: 'indicators.csv' } },
      );
      expect(indicators.saved).toBe(1);
      expect(indicators.rejects.map((r) => [r.line, r.reason])).toEqual([
        [3, 'platform_key'],
        [4, 'bad_mechanism'],
        [5, 'bad_key'],
        [6, 'duplicate'],
      ]);
      expect(indicators.rejects[0].message['zh-CN']).toContain('平台');

      const values = await importResilienceValues(
        t.db,
        csv([
          'community,key,value,date',
          `${SQ1},city.drills,2,2026-11-01`,
          `${SQ1},city.drills,4,2026-12-01`,
          `${SQ1},city.drills,9,2026-12-20`,
          `${SQ2},city.drills,6,`,
          `${SQ3},t.eng,1,`,
          'cq.yz.jd01,city.drills,1,',
          'cq.nowhere,city.drills,1,',
          `${SQ3},city.drills,many,`,
          `${SQ3},city.drills,1,2026-02-30`,
        ]),
        { actor: admin },
      );
      expect(values.saved).toBe(4);
      expect(values.rejects.map((r) => [r.line, r.reason])).toEqual([
        [6, 'unknown_key'],
        [7, 'not_community'],
        [8, 'unknown_place'],
        [9, 'bad_value'],
        [10, 'bad_date'],
      ]);
      // A street officer uploads only within their street.
      const jb = await importResilienceValues(t.db, csv(['community,key,value', `${SQ1},city.drills,3`]), {
        actor: actor(city.users.jb1, 'cq.jb'),
      });
      expect(jb).toMatchObject({ saved: 0, rejects: [{ line: 2, reason: 'unknown_place' }] });

      const run = await computeResilienceIndex(t.db, { actor: admin, platform });
      expect(run.indicators).toContain('city.drills');
      const stored = await t.db.query<{ path: string; value: number }>(
        `SELECT p.path, v.value FROM resilience_values v JOIN places p ON p.id = v.community_id
          WHERE v.key = 'city.drills' ORDER BY p.path`,
      );
      expect(stored.rows.map((r) => [r.path, Number(r.value)])).toEqual([
        [SQ1, 4],
        [SQ2, 6],
      ]);
      const list = await listResilienceIndicators(t.db, admin, { platform });
      expect(list.indicators.find((i) => i.key === 'city.drills')).toMatchObject({
        source: 'city',
        enabled: true,
        communities: 2,
        unit: 'per_year',
        title: { 'zh-CN': '每年演练次数', en: 'drills a year' },
      });
      const audit = await t.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE 'resilience.%s.import' ORDER BY seq",
      );
      expect(audit.rows.map((r) => r.action)).toEqual([
        'resilience.indicators.import',
        'resilience.values.import',
        'resilience.values.import',
      ]);
    });

    it("shows a community's scores, values, history and next steps, and sends one as a task once", async () => {
      const city = await resilienceCity(t.db);
      const platform = testIndicators(initialValues());
      const admin = actor(city.users.admin, null);
      await computeResilienceIndex(t.db, { date: '2026-12-05', actor: admin, platform });
      await computeResilienceIndex(t.db, { actor: admin, platform });
      const worker = actor(city.users.worker1, SQ1);
      const page = await getCommunityResilience(t.db, SQ1, {}, worker, { platform });
      expect(page.community).toMatchObject({ path: SQ1, residents: 2 });
      expect(page.run?.date).toBe(TODAY);
      expect(page.scores).toMatchObject({ index: 1, rank: 3, indicators: 3 });
      expect(page.values.map((v) => [v.key, v.value, v.normalised])).toEqual([
        ['t.eng', 10, 0],
        ['t.inst', 5, 1],
        ['t.soc', 1, 0],
      ]);
      expect(page.missing).toEqual(['t.empty']);
      expect(page.history.map((h) => [h.date, h.index])).toEqual([
        ['2026-12-05', 1],
        [TODAY, 1],
      ]);
      expect(page.assessment).toBeNull();
      // t.eng: street median 20 → +0.5; t.soc: street median 2 → +0.5; t.inst is already the best.
      expect(page.next).toEqual([
        {
          key: 't.eng',
          current: 10,
          target: 20,
          targetOf: 'street_median',
          gain: 0.5,
          advice: { amount: 10, text: { en: 'move t.eng by 10', 'zh-CN': '将 t.eng 改变 10' } },
        },
        {
          key: 't.soc',
          current: 1,
          target: 2,
          targetOf: 'street_median',
          gain: 0.5,
          advice: { amount: 1, text: { en: 'move t.soc by 1', 'zh-CN': '将 t.soc 改变 1' } },
        },
      ]);
      await expect(getCommunityResilience(t.db, SQ2, {}, worker, { platform })).rejects.toMatchObject({
        code: 'RX_NOT_FOUND',
      });

      const sent = await sendResilienceTask(t.db, SQ1, { key: 't.eng' }, worker, { platform });
      expect(sent).toMatchObject({
        raised: true,
        item: {
          placePath: SQ1,
          title: '将 t.eng 改变 10',
          origin: 'resilience.next',
          originRef: `t.eng:${TODAY}`,
          detail: { key: 't.eng', current: 10, target: 20, targetOf: 'street_median' },
        },
      });
      const again = await sendResilienceTask(t.db, SQ1, { key: 't.eng' }, worker, { platform });
      expect(again).toMatchObject({ raised: false, item: { id: sent.item.id } });
      const inbox = await listItems(t.db, { scope: SQ1, now: worker.now, origin: 'resilience.next' });
      expect(inbox.items).toHaveLength(1);
      const audit = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'resilience.task.send'");
      expect(audit.rows).toHaveLength(1);

      await expect(
        sendResilienceTask(t.db, SQ1, { key: 't.inst' }, worker, { platform }),
      ).rejects.toMatchObject({
        code: 'RX_RESILIENCE_NO_STEP',
      });
      await expect(
        sendResilienceTask(t.db, SQ9, { key: 't.eng' }, admin, { platform }),
      ).rejects.toMatchObject({
        code: 'RX_RESILIENCE_NO_VALUE',
      });
      await expect(
        sendResilienceTask(t.db, SQ1, { key: 't.nope' }, worker, { platform }),
      ).rejects.toMatchObject({
        code: 'RX_RESILIENCE_UNKNOWN_INDICATOR',
      });
    });
  },
  { migrate: true },
);
