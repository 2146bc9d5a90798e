/**
 * Infrastructure's resilience indicator (shared/contracts/resilience-index.md): how many of a
 * community's residents one asset's failure leaves without a service, from the latest N-1 analysis.
 */
import {
  type Advice,
  type AdviceInput,
  type EvidenceRecord,
  type IndicatorDefinition,
  type IndicatorValue,
  MAX_EVIDENCE,
  TARGET_WORDS,
  type Text,
} from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type AssetLoss, worstLosses } from './store/indicators.js';

const KEY = 'infra.n1_worst_loss_share';

/** The services lost, as the sentences name them. */
const KIND_WORDS: Record<string, Text> = {
  power: { en: 'power', 'zh-CN': '电力' },
  water: { en: 'water', 'zh-CN': '供水' },
  gas: { en: 'gas', 'zh-CN': '燃气' },
  telecom: { en: 'telecom', 'zh-CN': '通信' },
  heat: { en: 'heat', 'zh-CN': '供热' },
};
const kindWord = (kind: string): Text => KIND_WORDS[kind] ?? { en: kind, 'zh-CN': kind };

/** 3120 → "3,120" (by hand: Intl formatting 10,000 communities costs more than their query). */
const count = (n: number): string => {
  const whole = String(Math.round(n));
  return whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
};
/** A value as a sentence shows it: two decimals at most. */
const shown = (v: number): string => String(Number(v.toFixed(2)));

function joinEn(parts: string[]): string {
  return parts.length <= 1
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
function joinZh(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
}

/** "leaves 1,200 of 7,400 residents without power and water" (one number when every service loses the same people). */
function leaves(a: AssetLoss, residents: number): Text {
  const same = a.kinds.every((k) => k.lost === a.kinds[0].lost);
  if (same) {
    const n = count(a.kinds[0]?.lost ?? 0);
    return {
      en: `leaves ${n} of ${count(residents)} residents without ${joinEn(a.kinds.map((k) => kindWord(k.kind).en))}`,
      'zh-CN': `将使 ${count(residents)} 名居民中的 ${n} 人失去${joinZh(a.kinds.map((k) => kindWord(k.kind)['zh-CN']))}`,
    };
  }
  const [first, ...rest] = a.kinds;
  return {
    en: `leaves ${count(first.lost)} of ${count(residents)} residents without ${kindWord(first.kind).en}, ${joinEn(
      rest.map((k) => `${count(k.lost)} without ${kindWord(k.kind).en}`),
    )}`,
    'zh-CN': `将使 ${count(residents)} 名居民中的 ${count(first.lost)} 人失去${kindWord(first.kind)['zh-CN']}、${rest
      .map((k) => `${count(k.lost)} 人失去${kindWord(k.kind)['zh-CN']}`)
      .join('、')}`,
  };
}

const assetName = (a: AssetLoss): Text => ({
  en: `${a.name} (${a.asset})`,
  'zh-CN': `${a.name}（${a.asset}）`,
});

function record(a: AssetLoss, residents: number): EvidenceRecord {
  const l = leaves(a, residents);
  return {
    kind: 'infra_asset',
    id: a.asset,
    label: a.name,
    value: a.lost,
    note: { en: `failing ${l.en}`, 'zh-CN': `故障${l['zh-CN']}` },
  };
}

export const n1WorstLossShare: IndicatorDefinition<Db> = {
  key: KEY,
  mechanism: 'engineering',
  trait: 'redundancy',
  direction: 'lower',
  unit: 'share',
  title: { en: 'Worst single failure', 'zh-CN': '单点故障最大影响' },
  definition: {
    en: 'The most residents one asset’s failure leaves without a service (the latest N-1 analysis: people lost summed over the services per failing asset, the largest), divided by the residents, at most 1. Communities with residents and at least one service sink.',
    'zh-CN':
      '单一设施故障最多使多少居民失去服务（最新 N-1 分析：每处故障设施按服务类别累计失去服务的人数，取最大者）除以居民人数，最大为 1。仅计有居民且至少有一个服务末端的社区。',
  },
  async compute(db, ctx) {
    const byId = new Map((await worstLosses(db, ctx.asOf, MAX_EVIDENCE)).map((c) => [c.community, c]));
    const values: IndicatorValue[] = [];
    for (const community of ctx.communities) {
      const losses = byId.get(community.id);
      if (!losses || community.residents <= 0) continue;
      const residents = community.residents;
      const worst = losses.assets[0];
      const lost = worst?.lost ?? 0;
      const value = Math.min(1, lost / residents);
      let summary: Text;
      if (worst) {
        const l = leaves(worst, residents);
        const name = assetName(worst);
        summary = {
          en: `${KEY} ${shown(value)}: ${name.en} failing ${l.en}`,
          'zh-CN': `${KEY} ${shown(value)}：${name['zh-CN']}故障${l['zh-CN']}`,
        };
      } else
        summary = {
          en: `${KEY} 0: no single asset's failure leaves any of the ${count(residents)} residents without a service`,
          'zh-CN': `${KEY} 0：没有哪一处设施单独故障会使 ${count(residents)} 名居民中的任何人失去服务`,
        };
      values.push({
        community: community.id,
        value,
        numerator: lost,
        denominator: residents,
        summary,
        records: losses.assets.map((a) => record(a, residents)),
        recordCount: losses.assetCount,
      });
    }
    return values;
  },
  advice({ current, target, targetOf }: AdviceInput): Advice | null {
    const allowed = target * current.denominator;
    const over = current.records.filter((r) => r.kind === 'infra_asset' && (r.value ?? 0) > allowed + 1e-9);
    const worst = over[0];
    if (!worst?.note || current.numerator <= allowed + 1e-9) return null;
    const others = over.length - 1;
    const to = TARGET_WORDS[targetOf];
    return {
      amount: Math.ceil(worst.value ?? 0),
      text: {
        en: `add a second feed to ${worst.label} (${worst.id}) (it ${worst.note.en.replace(/^failing /, '')})${
          others > 0
            ? `, and to ${others} more asset${others > 1 ? 's' : ''} that leave more than ${count(Math.floor(allowed))} people without a service`
            : ''
        }, to reach ${to.en}`,
        'zh-CN': `为${worst.label}（${worst.id}）增加第二路供给（其故障${worst.note['zh-CN'].replace(/^故障/, '')}）${
          others > 0
            ? `，另有 ${others} 处设施故障会使超过 ${count(Math.floor(allowed))} 人失去服务，也需增加供给`
            : ''
        }，达到${to['zh-CN']}`,
      },
    };
  },
};

export const INFRASTRUCTURE_INDICATORS: IndicatorDefinition<Db>[] = [n1WorstLossShare];
