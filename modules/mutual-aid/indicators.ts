/**
 * Mutual aid's resilience indicator (shared/contracts/resilience-index.md): `aid.median_hours`, the
 * median hours from a mutual-aid request's creation to its `done` event, over the requests of the
 * community (the requester's, at or under it) done in the 90 days before the date's end. None
 * done: no value.
 */

import type { Advice, IndicatorDefinition, IndicatorValue, Text } from '@renxing/contracts';
import { cityDate, MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { isSkill, SKILL_WORDS } from '@renxing/modules/volunteers';
import { doneRequestHours } from './store/indicators.js';

const KEY = 'aid.median_hours';
const DAYS = 90;

/** 7,400; 3.5 (at most one decimal). */
// One format, made once: `toLocaleString` with options builds a formatter per call (about 20 µs:
// seconds over a city's 10,000 communities).
const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const num = (x: number) => NUM.format(x);

const needWords = (need: string): Text => (isSkill(need) ? SKILL_WORDS[need] : { en: need, 'zh-CN': need });

export const MUTUAL_AID_INDICATORS: IndicatorDefinition<Db>[] = [
  {
    key: KEY,
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'lower',
    unit: 'hours',
    title: { en: 'Median hours to complete a mutual-aid request', 'zh-CN': '互助请求办结用时中位数（小时）' },
    definition: {
      en: "The median hours from a mutual-aid request's creation to done, over the requests of the community's residents done in the last 90 days.",
      'zh-CN': '近 90 天内办结的本社区居民互助请求，从提出到完成所用小时数的中位数。',
    },
    async compute(db, ctx): Promise<IndicatorValue[]> {
      const found = await doneRequestHours(db, {
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
          en: `${KEY} ${num(f.median)}: the median of ${num(f.count)} mutual-aid request${f.count === 1 ? '' : 's'} done in the last ${DAYS} days`,
          'zh-CN': `${KEY} ${num(f.median)}：近 ${DAYS} 天办结的 ${num(f.count)} 项互助请求用时中位数`,
        },
        records: f.records.map((r) => {
          const need = needWords(r.need);
          return {
            kind: 'aid_request',
            id: r.id,
            label: `${r.need} ${cityDate(r.createdAt)}`,
            value: r.hours,
            note: {
              en: `${need.en} asked on ${cityDate(r.createdAt)}, done in ${num(r.hours)} hours`,
              'zh-CN': `${cityDate(r.createdAt)} 提出的${need['zh-CN']}请求，用时 ${num(r.hours)} 小时办结`,
            },
          };
        }),
        recordCount: f.count,
      }));
    },
    advice({ current, target, targetOf }): Advice | null {
      if (!(target < current.value)) return null;
      // Whole hours rounded down (reaching them reaches the target); tenths below one hour.
      const amount = target >= 1 ? Math.floor(target) : Math.floor(target * 10) / 10;
      const to = TARGET_WORDS[targetOf];
      return {
        amount,
        text: {
          en: `answer mutual-aid requests within ${num(amount)} hours (now ${num(current.value)}) to reach ${to.en}`,
          'zh-CN': `在 ${num(amount)} 小时内办结互助请求（现为 ${num(current.value)} 小时），达到${to['zh-CN']}`,
        },
      };
    },
  },
];
