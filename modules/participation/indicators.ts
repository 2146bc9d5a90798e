/**
 * Participation's resilience indicator (shared/contracts/resilience-index.md):
 * `participation.sla_share`, the reports of the community (at or under it) submitted in the 90
 * days before the date's end and responded within their SLA, ÷ those of them decided by then (the
 * respond deadline passed, or responded). None decided: no value. A category's respond hours are
 * the city's (`report_slas`), else the default; the platform keeps no history of them, so a
 * changed SLA applies to the reports before the change too.
 */

import type { Advice, IndicatorDefinition, IndicatorValue, Text } from '@renxing/contracts';
import { cityDate, MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { CATEGORY_ZH } from './service/words.js';
import { type DecidedReport, slaCounts } from './store/indicators.js';
import { DEFAULT_RESPOND_HOURS } from './store/slas.js';

const KEY = 'participation.sla_share';
const DAYS = 90;
const HOUR_MS = 3_600_000;

/** 7,400; 0.75 (at most `digits` decimals). */
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

function noteOf(r: DecidedReport): Text {
  const sla = num(r.respondHours);
  if (r.respondedAt === null)
    return { en: `not responded within its ${sla}-hour SLA`, 'zh-CN': `未在 ${sla} 小时时限内答复` };
  const hours = num((r.respondedAt.getTime() - r.submittedAt.getTime()) / HOUR_MS);
  return r.met
    ? {
        en: `responded in ${hours} hours, within its ${sla}-hour SLA`,
        'zh-CN': `${hours} 小时答复，在 ${sla} 小时时限内`,
      }
    : {
        en: `responded in ${hours} hours, past its ${sla}-hour SLA`,
        'zh-CN': `${hours} 小时才答复，超过 ${sla} 小时时限`,
      };
}

export const PARTICIPATION_INDICATORS: IndicatorDefinition<Db>[] = [
  {
    key: KEY,
    mechanism: 'social',
    trait: 'self_organisation',
    direction: 'higher',
    unit: 'share',
    title: { en: 'Share of reports responded within their SLA', 'zh-CN': '居民反映按时答复率' },
    definition: {
      en: "Residents' reports of the community submitted in the last 90 days and responded within their category's SLA, divided by those of them whose deadline has passed or that were responded.",
      'zh-CN': '近 90 天本社区居民提交的反映中，在其类别答复时限内答复的件数 ÷ 已到答复期限或已答复的件数。',
    },
    async compute(db, ctx): Promise<IndicatorValue[]> {
      const found = await slaCounts(db, {
        communities: ctx.communities.map((c) => c.id),
        from: new Date(ctx.asOf.getTime() - DAYS * 86_400_000),
        to: ctx.asOf,
        defaultRespondHours: DEFAULT_RESPOND_HOURS,
        limit: MAX_EVIDENCE,
      });
      return found.map((f) => {
        const value = f.met / f.decided;
        return {
          community: f.community,
          value,
          numerator: f.met,
          denominator: f.decided,
          summary: {
            en: `${KEY} ${num(value, 2)}: ${num(f.met)} of ${num(f.decided)} report${f.decided === 1 ? '' : 's'} of the last ${DAYS} days responded within their SLA`,
            'zh-CN': `${KEY} ${num(value, 2)}：近 ${DAYS} 天 ${num(f.decided)} 件居民反映中 ${num(f.met)} 件在时限内答复`,
          },
          records: f.records.map((r) => ({
            kind: 'report',
            id: r.id,
            label: `${CATEGORY_ZH[r.category]} ${cityDate(r.submittedAt)}`,
            ...(r.respondedAt
              ? { value: (r.respondedAt.getTime() - r.submittedAt.getTime()) / HOUR_MS }
              : {}),
            note: noteOf(r),
          })),
          recordCount: f.decided,
        };
      });
    },
    advice({ current, target, targetOf }): Advice | null {
      const amount = Math.ceil(target * current.denominator - current.numerator - 1e-9);
      if (amount <= 0) return null;
      const to = TARGET_WORDS[targetOf];
      return {
        amount,
        text: {
          en: `respond to ${amount} more report${amount === 1 ? '' : 's'} within their SLA to reach ${to.en}`,
          'zh-CN': `再按时答复 ${amount} 件居民反映，达到${to['zh-CN']}`,
        },
      };
    },
  },
];
