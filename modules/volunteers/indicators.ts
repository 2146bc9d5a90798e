/**
 * Volunteers' resilience indicator (shared/contracts/resilience-index.md): `volunteers.per_1000`,
 * verified volunteers of the community (at or under it, verified before the date's end) per 1,000
 * residents. A community without residents has no value; one without volunteers has 0.
 */

import type { Advice, IndicatorDefinition, IndicatorValue } from '@renxing/contracts';
import { cityDate, MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { verifiedVolunteerCounts } from './store/indicators.js';

const KEY = 'volunteers.per_1000';

/** 7,400; 1.6 (at most `digits` decimals, no trailing zeros). */
// Formats by digits, made once: `toLocaleString` with options builds a formatter per call (about
// 20 µs: seconds over a city's 10,000 communities).
const FORMATS = new Map<number, Intl.NumberFormat>();
const num = (x: number, digits = 1) => {
  let f = FORMATS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    FORMATS.set(digits, f);
  }
  return f.format(x);
};

export const VOLUNTEERS_INDICATORS: IndicatorDefinition<Db>[] = [
  {
    key: KEY,
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'higher',
    unit: 'per_1000',
    title: { en: 'Verified volunteers per 1,000 residents', 'zh-CN': '每千名居民经核实的志愿者数' },
    definition: {
      en: 'Volunteers of the community (or a grid under it) verified before the end of the date, divided by its residents, × 1,000.',
      'zh-CN': '截至当日结束已核实的本社区（含下属网格）志愿者人数 ÷ 居民人数 × 1,000。',
    },
    async compute(db, ctx): Promise<IndicatorValue[]> {
      const withResidents = ctx.communities.filter((c) => c.residents > 0);
      const counts = new Map(
        (
          await verifiedVolunteerCounts(db, {
            communities: withResidents.map((c) => c.id),
            asOf: ctx.asOf,
            limit: MAX_EVIDENCE,
          })
        ).map((c) => [c.community, c]),
      );
      return withResidents.map((c) => {
        const found = counts.get(c.id);
        const n = found?.count ?? 0;
        const value = (n / c.residents) * 1000;
        return {
          community: c.id,
          value,
          numerator: n,
          denominator: c.residents,
          summary: {
            en: `${KEY} ${num(value)}: ${num(n)} verified volunteer${n === 1 ? '' : 's'} for ${num(c.residents)} residents`,
            'zh-CN': `${KEY} ${num(value)}：${num(c.residents)} 名居民有 ${num(n)} 名经核实的志愿者`,
          },
          records: (found?.records ?? []).map((v) => ({
            kind: 'volunteer',
            id: v.id,
            label: v.name,
            note: {
              en: `verified on ${cityDate(v.verifiedAt)}`,
              'zh-CN': `${cityDate(v.verifiedAt)} 核实`,
            },
          })),
          recordCount: n,
        };
      });
    },
    advice({ current, target, targetOf, residents }): Advice | null {
      if (residents <= 0) return null;
      const amount = Math.ceil((target * residents) / 1000 - 1e-9) - current.numerator;
      if (amount <= 0) return null;
      const to = TARGET_WORDS[targetOf];
      return {
        amount,
        text: {
          en: `register ${amount} verified volunteer${amount === 1 ? '' : 's'} to reach ${to.en}`,
          'zh-CN': `再登记 ${amount} 名经核实的志愿者，达到${to['zh-CN']}`,
        },
      };
    },
  },
];
