/**
 * Supplies' resilience indicator (shared/contracts/resilience-index.md): the share of the items a
 * community requires that fall short, from supplies' own requirement and gap computation
 * (service/gaps.ts) at the horizon asOf.
 */

import type {
  Advice,
  AdviceInput,
  EvidenceRecord,
  IndicatorDefinition,
  IndicatorValue,
} from '@renxing/contracts';
import { MAX_EVIDENCE, TARGET_WORDS } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import { type SupplyGapRow, supplyGaps } from './service/gaps.js';

const KEY = 'supplies.gap_share';

/** 3120 → "3,120"; 0.5 → "0.5". */
const amountOf = (n: number): string => {
  if (Number.isInteger(n) && n < 1000 && n > -1000) return String(n);
  const [whole, part] = String(Number(n.toFixed(2))).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${part ? `.${part}` : ''}`;
};
/** A value as a sentence shows it: two decimals at most. */
const shown = (v: number): string => String(Number(v.toFixed(2)));

interface Item {
  name: string;
  unit: string;
}

function record(r: SupplyGapRow, item: Item): EvidenceRecord {
  return {
    kind: 'supply_item',
    id: r.item,
    label: item.name,
    value: r.gap,
    note: {
      en: `${amountOf(r.gap)} ${item.unit} short: ${amountOf(r.requirement)} required, ${amountOf(r.stock)} usable`,
      'zh-CN': `缺 ${amountOf(r.gap)} ${item.unit}：需 ${amountOf(r.requirement)} ${item.unit}，可用 ${amountOf(r.stock)} ${item.unit}`,
    },
  };
}

/** Most telling first: the largest part of the requirement missing, then the item code. */
const shortest = (a: SupplyGapRow, b: SupplyGapRow): number =>
  b.gap / b.requirement - a.gap / a.requirement || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0);

export const gapShare: IndicatorDefinition<Db> = {
  key: KEY,
  mechanism: 'engineering',
  trait: 'redundancy',
  direction: 'lower',
  unit: 'share',
  title: { en: 'Supply items short', 'zh-CN': '物资缺口占比' },
  definition: {
    en: 'Of the supply items the community requires (the norms of the active plans and incidents covering it × its residents), the share whose usable stock at or under it falls short on the date. Communities with a requirement.',
    'zh-CN':
      '社区所需物资（覆盖它的有效预案与事件的人均定额 × 居民人数）中，当日社区及其下辖仓库可用库存不足的品种所占比例。仅计有物资需求的社区。',
  },
  async compute(db, ctx) {
    const byPath = new Map(ctx.communities.map((c) => [c.path, c]));
    const roots = [...new Set(ctx.communities.map((c) => c.path.split('.')[0]))].sort();
    const values: IndicatorValue[] = [];
    for (const root of roots) {
      const gaps = await supplyGaps(db, { under: root, horizon: ctx.asOf });
      const items = new Map(gaps.items.map((i) => [i.code, i]));
      const rows = new Map<string, SupplyGapRow[]>();
      for (const r of gaps.rows) {
        if (r.level !== 'community' || !(r.requirement > 0) || !byPath.has(r.path)) continue;
        rows.set(r.path, [...(rows.get(r.path) ?? []), r]);
      }
      for (const [path, mine] of rows) {
        const short = mine.filter((r) => r.gap > 0).sort(shortest);
        const value = short.length / mine.length;
        const worst = short[0];
        const item = (code: string): Item => items.get(code) ?? { name: code, unit: '' };
        values.push({
          community: byPath.get(path)!.id,
          value,
          numerator: short.length,
          denominator: mine.length,
          summary: worst
            ? {
                en: `${KEY} ${shown(value)}: ${short.length} of ${mine.length} items required fall short (${item(worst.item).name}: ${amountOf(worst.gap)} ${item(worst.item).unit} short of ${amountOf(worst.requirement)})`,
                'zh-CN': `${KEY} ${shown(value)}：所需 ${mine.length} 种物资中有 ${short.length} 种不足（${item(worst.item).name}缺 ${amountOf(worst.gap)} ${item(worst.item).unit}，需 ${amountOf(worst.requirement)} ${item(worst.item).unit}）`,
              }
            : {
                en: `${KEY} 0: none of the ${mine.length} item${mine.length === 1 ? '' : 's'} required falls short`,
                'zh-CN': `${KEY} 0：所需 ${mine.length} 种物资均无缺口`,
              },
          records: short.slice(0, MAX_EVIDENCE).map((r) => record(r, item(r.item))),
          recordCount: short.length,
        });
      }
    }
    const order = new Map(ctx.communities.map((c, i) => [c.id, i]));
    return values.sort((a, b) => order.get(a.community)! - order.get(b.community)!);
  },
  advice({ current, target, targetOf }: AdviceInput): Advice | null {
    const amount = current.numerator - Math.floor(target * current.denominator + 1e-9);
    if (!(amount > 0)) return null;
    const names = current.records.slice(0, amount).map((r) => r.label);
    const to = TARGET_WORDS[targetOf];
    return {
      amount,
      text: {
        en: `close the gaps of ${amount} item${amount === 1 ? '' : 's'} (${names.join(', ')}), to reach ${to.en}`,
        'zh-CN': `补足 ${amount} 种物资的缺口（${names.join('、')}），达到${to['zh-CN']}`,
      },
    };
  },
};

export const SUPPLIES_INDICATORS: IndicatorDefinition<Db>[] = [gapShare];
