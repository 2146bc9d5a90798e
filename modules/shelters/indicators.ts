/**
 * Shelters' resilience indicator (shared/contracts/resilience-index.md): night places of the
 * shelters at or under a community per 100 of its residents.
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
import { type PlacedShelter, sheltersByCommunity } from './store/indicators.js';

const KEY = 'shelter.places_per_100';

/** 3120 → "3,120" (by hand: Intl formatting 10,000 communities costs more than their query). */
const count = (n: number): string => {
  const whole = String(Math.round(n));
  return whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
};
/** A value as a sentence shows it: two decimals at most. */
const shown = (v: number): string => String(Number(v.toFixed(2)));
const residentsEn = (n: number): string => `${count(n)} resident${n === 1 ? '' : 's'}`;
const placesEn = (n: number): string => `${count(n)} night place${n === 1 ? '' : 's'}`;

const record = (s: PlacedShelter): EvidenceRecord => ({
  kind: 'shelter',
  id: s.id,
  label: s.name,
  value: s.capacityNight,
  note: { en: placesEn(s.capacityNight), 'zh-CN': `夜间 ${count(s.capacityNight)} 个位置` },
});

export const placesPer100: IndicatorDefinition<Db> = {
  key: KEY,
  mechanism: 'engineering',
  trait: 'redundancy',
  direction: 'higher',
  unit: 'per_100',
  title: { en: 'Shelter night places per 100 residents', 'zh-CN': '每百名居民避难场所夜间位置' },
  definition: {
    en: 'Night capacity of the shelters at or under the community (open or closed) per 100 residents. Communities with residents.',
    'zh-CN': '社区及其下辖范围内避难场所（无论开放与否）的夜间容量，按每百名居民计。仅计有居民的社区。',
  },
  async compute(db, ctx) {
    const byId = new Map(
      (await sheltersByCommunity(db, ctx.asOf, MAX_EVIDENCE)).map((c) => [c.community, c]),
    );
    const values: IndicatorValue[] = [];
    for (const community of ctx.communities) {
      const residents = community.residents;
      if (residents <= 0) continue;
      const mine = byId.get(community.id);
      const places = mine?.nightPlaces ?? 0;
      const n = mine?.count ?? 0;
      const value = (places / residents) * 100;
      values.push({
        community: community.id,
        value,
        numerator: places,
        denominator: residents,
        summary:
          n > 0
            ? {
                en: `${KEY} ${shown(value)}: ${placesEn(places)} in ${count(n)} shelter${n === 1 ? '' : 's'} for ${residentsEn(residents)}`,
                'zh-CN': `${KEY} ${shown(value)}：${count(residents)} 名居民共有 ${count(n)} 处避难场所的 ${count(places)} 个夜间位置`,
              }
            : {
                en: `${KEY} 0: no shelter at or under the community for its ${residentsEn(residents)}`,
                'zh-CN': `${KEY} 0：社区内没有避难场所，居民 ${count(residents)} 名`,
              },
        records: (mine?.shelters ?? []).map(record),
        recordCount: n,
      });
    }
    return values;
  },
  advice({ current, target, targetOf }: AdviceInput): Advice | null {
    const amount = Math.ceil((target * current.denominator) / 100 - current.numerator - 1e-9);
    if (!(amount > 0)) return null;
    const to = TARGET_WORDS[targetOf];
    return {
      amount,
      text: {
        en: `add ${count(amount)} night place${amount === 1 ? '' : 's'} in shelters, to reach ${to.en}`,
        'zh-CN': `增加 ${count(amount)} 个避难场所夜间位置，达到${to['zh-CN']}`,
      },
    };
  },
};

export const SHELTERS_INDICATORS: IndicatorDefinition<Db>[] = [placesPer100];
