/**
 * Plans' resilience indicators (shared/contracts/resilience-index.md): the hazards a community's
 * plans in force cover, and the corrective actions of its incidents closed by a revision.
 */

import type {
  Advice,
  AdviceInput,
  EvidenceRecord,
  IndicatorDefinition,
  IndicatorValue,
  Text,
} from '@renxing/contracts';
import { MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type CoveringPlan, type IncidentAction, incidentActions, plansInForce } from './store/indicators.js';

const HAZARD_WORDS: Record<string, Text> = {
  epidemic: { en: 'epidemic', 'zh-CN': '传染病疫情' },
  flood: { en: 'flood', 'zh-CN': '洪涝' },
  blackout: { en: 'blackout', 'zh-CN': '大面积停电' },
  earthquake: { en: 'earthquake', 'zh-CN': '地震' },
  fire: { en: 'fire', 'zh-CN': '火灾' },
  other: { en: 'other', 'zh-CN': '其他' },
};
const hazardWord = (h: string): Text => HAZARD_WORDS[h] ?? { en: h, 'zh-CN': h };

/** A value as a sentence shows it: two decimals at most. */
const shown = (v: number): string => String(Number(v.toFixed(2)));
const s = (n: number): string => (n === 1 ? '' : 's');

// ---------------------------------------------------------------------------------------------
// plan.coverage

const COVERAGE = 'plan.coverage';

const missingRecord = (h: string): EvidenceRecord => ({
  kind: 'hazard',
  id: h,
  label: hazardWord(h)['zh-CN'],
  note: {
    en: `no plan in force covers ${hazardWord(h).en}`,
    'zh-CN': `尚无覆盖本社区的${hazardWord(h)['zh-CN']}预案`,
  },
});

const planRecord = (p: CoveringPlan): EvidenceRecord => ({
  kind: 'plan',
  id: p.id,
  label: p.title,
  note: {
    en: `${hazardWord(p.hazard).en} plan, version ${p.version}`,
    'zh-CN': `${hazardWord(p.hazard)['zh-CN']}预案，第 ${p.version} 版`,
  },
});

function coverageSummary(value: number, covered: string[], missing: string[], total: number): Text {
  const en = (hs: string[]) => hs.map((h) => hazardWord(h).en).join(', ');
  const zh = (hs: string[]) => hs.map((h) => hazardWord(h)['zh-CN']).join('、');
  if (covered.length === 0)
    return {
      en: `${COVERAGE} 0: no plan in force covers any of the ${total} hazard${s(total)} (${en(missing)})`,
      'zh-CN': `${COVERAGE} 0：${total} 类灾种（${zh(missing)}）均无覆盖本社区的有效预案`,
    };
  if (missing.length === 0)
    return {
      en: `${COVERAGE} 1: plans in force cover all ${total} hazard${s(total)} (${en(covered)})`,
      'zh-CN': `${COVERAGE} 1：有效预案覆盖全部 ${total} 类灾种（${zh(covered)}）`,
    };
  return {
    en: `${COVERAGE} ${shown(value)}: plans in force cover ${covered.length} of ${total} hazards (${en(covered)}); none for ${en(missing)}`,
    'zh-CN': `${COVERAGE} ${shown(value)}：有效预案覆盖 ${total} 类灾种中的 ${covered.length} 类（${zh(covered)}），${zh(missing)}尚无预案`,
  };
}

export const planCoverage: IndicatorDefinition<Db> = {
  key: COVERAGE,
  mechanism: 'institutional',
  trait: 'redundancy',
  direction: 'higher',
  unit: 'share',
  title: { en: 'Hazards with a plan', 'zh-CN': '预案覆盖灾种比例' },
  definition: {
    en: 'Of the hazards the city lists, the share with a plan in force (a published version) covering the community: a plan over the community, its street, district or the city.',
    'zh-CN':
      '全市所列灾种中，有覆盖本社区的有效预案（已发布版本；预案覆盖本社区或其所在街道、区县、全市）的灾种所占比例。',
  },
  async compute(db, ctx) {
    const hazards = [...new Set(ctx.hazards)];
    if (hazards.length === 0) return [];
    const byId = new Map(
      (await plansInForce(db, { asOf: ctx.asOf, hazards, limit: MAX_EVIDENCE })).map((c) => [c.community, c]),
    );
    return ctx.communities.map((community): IndicatorValue => {
      const mine = byId.get(community.id);
      const have = new Set(mine?.hazards ?? []);
      const covered = hazards.filter((h) => have.has(h));
      const missing = hazards.filter((h) => !have.has(h));
      const value = covered.length / hazards.length;
      return {
        community: community.id,
        value,
        numerator: covered.length,
        denominator: hazards.length,
        summary: coverageSummary(value, covered, missing, hazards.length),
        records: [...missing.map(missingRecord), ...(mine?.plans ?? []).map(planRecord)].slice(
          0,
          MAX_EVIDENCE,
        ),
        recordCount: missing.length + (mine?.count ?? 0),
      };
    });
  },
  advice({ current, target, targetOf }: AdviceInput): Advice | null {
    const amount = Math.ceil(target * current.denominator - current.numerator - 1e-9);
    if (!(amount > 0)) return null;
    const missing = current.records.filter((r) => r.kind === 'hazard').slice(0, amount);
    const to = TARGET_WORDS[targetOf];
    const en = missing.map((r) => hazardWord(r.id).en).join(', ');
    const zh = missing.map((r) => hazardWord(r.id)['zh-CN']).join('、');
    return {
      amount,
      text: {
        en: `write and publish plans for ${amount} more hazard${s(amount)}${en ? `: ${en}` : ''}, to reach ${to.en}`,
        'zh-CN': `为另外 ${amount} 类灾种编制并发布预案${zh ? `（${zh}）` : ''}，达到${to['zh-CN']}`,
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------
// plan.actions_closed_share

const CLOSED = 'plan.actions_closed_share';

const actionRecord = (a: IncidentAction): EvidenceRecord => ({
  kind: 'corrective_action',
  id: a.id,
  label: a.title,
  note:
    a.closedBy !== null
      ? {
          en: `closed by version ${a.closedBy} of ${a.planTitle}`,
          'zh-CN': `已由${a.planTitle}第 ${a.closedBy} 版关闭`,
        }
      : a.overdue
        ? { en: `open and overdue (${a.planTitle})`, 'zh-CN': `未关闭，已逾期（${a.planTitle}）` }
        : { en: `open (${a.planTitle})`, 'zh-CN': `未关闭（${a.planTitle}）` },
});

export const actionsClosedShare: IndicatorDefinition<Db> = {
  key: CLOSED,
  mechanism: 'institutional',
  trait: 'adaptability',
  direction: 'higher',
  unit: 'share',
  title: { en: 'Corrective actions closed by a revision', 'zh-CN': '纠正措施经修订关闭比例' },
  definition: {
    en: 'Of the corrective actions recorded by the after-action reviews of incidents over the community (or its street, district, city), the share closed by a published revision of their plan. Communities with such actions.',
    'zh-CN':
      '覆盖本社区（或其所在街道、区县、全市）的事件在事后评估中记录的纠正措施里，已由预案的已发布修订版关闭的比例。仅计有纠正措施的社区。',
  },
  async compute(db, ctx) {
    const byId = new Map(
      (await incidentActions(db, { asOf: ctx.asOf, limit: MAX_EVIDENCE })).map((c) => [c.community, c]),
    );
    const values: IndicatorValue[] = [];
    for (const community of ctx.communities) {
      const mine = byId.get(community.id);
      if (!mine || mine.count === 0) continue;
      const value = mine.closed / mine.count;
      values.push({
        community: community.id,
        value,
        numerator: mine.closed,
        denominator: mine.count,
        summary: {
          en: `${CLOSED} ${shown(value)}: revisions closed ${mine.closed} of the ${mine.count} corrective action${s(mine.count)} of its incidents`,
          'zh-CN': `${CLOSED} ${shown(value)}：其事件的 ${mine.count} 项纠正措施中已有 ${mine.closed} 项由预案修订关闭`,
        },
        records: mine.actions.map(actionRecord),
        recordCount: mine.count,
      });
    }
    return values;
  },
  advice({ current, target, targetOf }: AdviceInput): Advice | null {
    const amount = Math.min(
      current.denominator - current.numerator,
      Math.ceil(target * current.denominator - current.numerator - 1e-9),
    );
    if (!(amount > 0)) return null;
    const to = TARGET_WORDS[targetOf];
    return {
      amount,
      text: {
        en: `close ${amount} corrective action${s(amount)} by revising their plans, to reach ${to.en}`,
        'zh-CN': `修订预案，关闭 ${amount} 项纠正措施，达到${to['zh-CN']}`,
      },
    };
  },
};

export const PLANS_INDICATORS: IndicatorDefinition<Db>[] = [planCoverage, actionsClosedShare];
