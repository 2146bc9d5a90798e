/**
 * The inbox's resilience indicator (shared/contracts/resilience-index.md): `inbox.fields_saved`,
 * the inbox contract's `fields_saved = 1 − fields_entered / fields_requested` for the community
 * over the 90 days before the date's end (demands that arrived then; values given before its
 * end). No field requested: no value. The arithmetic is the burden rule's own (`burden`).
 */

import type { Advice, IndicatorDefinition, IndicatorValue } from '@renxing/contracts';
import { MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { burden } from './rules/burden.js';
import { localDate } from './service/intake.js';
import { fieldCounts } from './store/indicators.js';

const KEY = 'inbox.fields_saved';
const DAYS = 90;

/** 7,400; 0.43 (at most `digits` decimals). */
// Formats by digits, made once: `toLocaleString` with options builds a formatter per call (about
// 20 µs: seconds over a city's 10,000 communities).
const FORMATS = new Map<number, Intl.NumberFormat>();
const num = (x: number, digits = 0) => {
  let f = FORMATS.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    FORMATS.set(digits, f);
  }
  return f.format(x);
};

export const INBOX_INDICATORS: IndicatorDefinition<Db>[] = [
  {
    key: KEY,
    mechanism: 'institutional',
    trait: 'adaptability',
    direction: 'higher',
    unit: 'share',
    title: { en: 'Share of requested fields not typed again', 'zh-CN': '免于重复填报的字段比例' },
    definition: {
      en: "1 − fields the community typed ÷ fields departments requested of it, over the demands that arrived in the last 90 days (the inbox's fields_saved).",
      'zh-CN':
        '1 − 社区手工录入的字段数 ÷ 部门要求填报的字段数，按近 90 天到达的填报需求计（即工作台的 fields_saved）。',
    },
    async compute(db, ctx): Promise<IndicatorValue[]> {
      const found = await fieldCounts(db, {
        communities: ctx.communities.map((c) => c.id),
        from: localDate(new Date(ctx.asOf.getTime() - DAYS * 86_400_000)),
        to: localDate(new Date(ctx.asOf.getTime() - 1)),
        before: ctx.asOf,
        limit: MAX_EVIDENCE,
      });
      return found
        .filter((f) => f.fieldsRequested > 0)
        .map((f) => {
          const b = burden(f);
          return {
            community: f.community,
            value: b.fieldsSaved,
            numerator: f.fieldsRequested - f.fieldsEntered,
            denominator: f.fieldsRequested,
            summary: {
              en: `${KEY} ${num(b.fieldsSaved, 2)}: ${num(f.fieldsEntered)} of ${num(f.fieldsRequested)} fields requested in the last ${DAYS} days were typed`,
              'zh-CN': `${KEY} ${num(b.fieldsSaved, 2)}：近 ${DAYS} 天要求填报的 ${num(f.fieldsRequested)} 个字段中手工录入 ${num(f.fieldsEntered)} 个`,
            },
            records: f.records.map((r) => ({
              kind: 'work_item',
              id: r.id,
              label: r.title,
              value: r.entered,
              note: {
                en: `${num(r.entered)} of ${num(r.requested)} fields typed, ${num(r.prefilled)} confirmed from a pre-fill`,
                'zh-CN': `${num(r.requested)} 个字段中手工录入 ${num(r.entered)} 个，确认预填 ${num(r.prefilled)} 个`,
              },
            })),
            recordCount: f.items,
          };
        });
    },
    advice({ current, target, targetOf }): Advice | null {
      const entered = current.denominator - current.numerator;
      const amount = Math.ceil(entered - (1 - target) * current.denominator - 1e-9);
      if (amount <= 0) return null;
      const to = TARGET_WORDS[targetOf];
      return {
        amount,
        text: {
          en: `confirm pre-filled fields instead of typing them: ${amount} fewer field${amount === 1 ? '' : 's'} to reach ${to.en}`,
          'zh-CN': `确认预填字段而非手工录入：少录入 ${amount} 个字段，达到${to['zh-CN']}`,
        },
      };
    },
  },
];
