/**
 * Follow-up's resilience indicator (shared/contracts/resilience-index.md): `followup.median_hours`,
 * the median hours from a follow-up task's creation to done, over the tasks of the community (at
 * or under it) finished in the 90 days before the date's end. None finished: no value.
 */

import type { Advice, IndicatorDefinition, IndicatorValue } from '@renxing/contracts';
import { cityDate, MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { finishedTaskHours } from './store/indicators.js';

const KEY = 'followup.median_hours';
const DAYS = 90;

/** 7,400; 18.5 (at most one decimal). */
// One format, made once: `toLocaleString` with options builds a formatter per call (about 20 µs:
// seconds over a city's 10,000 communities).
const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const num = (x: number) => NUM.format(x);

/** Hours to work towards: whole hours (rounded down, so reaching them reaches the target); tenths below one. */
export function hoursTarget(target: number): number {
  return target >= 1 ? Math.floor(target) : Math.floor(target * 10) / 10;
}

export const FOLLOW_UP_INDICATORS: IndicatorDefinition<Db>[] = [
  {
    key: KEY,
    mechanism: 'institutional',
    trait: 'adaptability',
    direction: 'lower',
    unit: 'hours',
    title: { en: 'Median hours to finish a follow-up task', 'zh-CN': '随访任务完成用时中位数（小时）' },
    definition: {
      en: 'The median hours from creation to done of the follow-up tasks of the community (or a grid under it) finished in the last 90 days.',
      'zh-CN': '近 90 天内完成的本社区（含下属网格）随访任务，从创建到完成所用小时数的中位数。',
    },
    async compute(db, ctx): Promise<IndicatorValue[]> {
      const found = await finishedTaskHours(db, {
        communities: ctx.communities.map((c) => c.id),
        from: new Date(ctx.asOf.getTime() - DAYS * 86_400_000),
        to: ctx.asOf,
        limit: MAX_EVIDENCE,
      });
      return found.map((f) => ({
        community: f.community,
        value: f.median,
        numerator: f.median,
        denominator: f.count,
        summary: {
          en: `${KEY} ${num(f.median)}: the median of ${num(f.count)} follow-up task${f.count === 1 ? '' : 's'} finished in the last ${DAYS} days`,
          'zh-CN': `${KEY} ${num(f.median)}：近 ${DAYS} 天完成的 ${num(f.count)} 项随访任务用时中位数`,
        },
        records: f.records.map((r) => ({
          kind: 'follow_up_task',
          id: r.id,
          label: r.caseLabel,
          value: r.hours,
          note: {
            en: `done in ${num(r.hours)} hours on ${cityDate(r.finishedAt)}`,
            'zh-CN': `${cityDate(r.finishedAt)} 完成，用时 ${num(r.hours)} 小时`,
          },
        })),
        recordCount: f.count,
      }));
    },
    advice({ current, target, targetOf }): Advice | null {
      if (!(target < current.value)) return null;
      const amount = hoursTarget(target);
      const to = TARGET_WORDS[targetOf];
      return {
        amount,
        text: {
          en: `finish follow-up tasks within ${num(amount)} hours (now ${num(current.value)}) to reach ${to.en}`,
          'zh-CN': `在 ${num(amount)} 小时内完成随访任务（现为 ${num(current.value)} 小时），达到${to['zh-CN']}`,
        },
      };
    },
  },
];
