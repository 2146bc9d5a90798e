/** What the resilience screens share: who may do what, names of mechanisms and traits, numbers. */
import { useMayIn } from '@renxing/ui/actions';
import { placeName } from '@renxing/ui/place-name';
import { ACCESS } from '../access.js';
import type { CommunityRef, Mechanism, ScoreField, Trait } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

/** The scores a map or a ranking can show: the index, then each mechanism, then each trait. */
export const SCORE_FIELDS = [
  'index',
  'engineering',
  'institutional',
  'social',
  'self_organisation',
  'redundancy',
  'adaptability',
] as const satisfies readonly ScoreField[];

/** The most a score can be: the index sums the three mechanisms, each 0–1. */
export const mostOf = (field: ScoreField) => (field === 'index' ? 3 : 1);

/** A score's name in the console's language. */
export function useScoreName(): (field: ScoreField | Mechanism | Trait) => string {
  const { t } = useWords();
  return (field) => t(`score.${field}`);
}

/** A score to 2 decimals (— without one). */
export const score = (v: number | null | undefined, digits = 2) =>
  v === null || v === undefined ? '—' : v.toFixed(digits);

/** A value in its unit: shares as percentages, hours and counts as numbers. */
export function useValueText(): (value: number | null | undefined, unit: string) => string {
  const { t, lang } = useWords();
  const number = (v: number, digits: number) =>
    v.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return (value, unit) => {
    if (value === null || value === undefined) return '—';
    switch (unit) {
      case 'share':
        return `${number(value * 100, 1)}%`;
      case 'per_100':
        return t('unit.per_100', { n: number(value, 2) });
      case 'per_1000':
        return t('unit.per_1000', { n: number(value, 2) });
      case 'hours':
        return t('unit.hours', { n: number(value, 1) });
      default:
        return unit ? `${number(value, 3)} ${unit}` : number(value, 3);
    }
  };
}

/** A unit's name. */
export function useUnitName(): (unit: string) => string {
  const { t } = useWords();
  return (unit) =>
    unit === 'share' || unit === 'per_100' || unit === 'per_1000' || unit === 'hours'
      ? t(`unitName.${unit}`)
      : unit;
}

/** A community's name in the console's language. */
export function useCommunityName(): (c: Pick<CommunityRef, 'name' | 'nameEn'>) => string {
  const { lang } = useWords();
  return (c) => placeName({ name: c.name, nameEn: c.nameEn }, lang);
}

/** The way to a community's page (on a date, or the latest). */
export const communityHref = (path: string, date?: string) =>
  `/resilience/communities/${encodeURIComponent(path)}${date ? `?date=${date}` : ''}`;

/** Figures: a label over a number. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: string; hint?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div key={f.key} className="figure" data-figure={f.key} data-value={f.value}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
          {f.hint ? <small className="muted">{f.hint}</small> : null}
        </div>
      ))}
    </dl>
  );
}
