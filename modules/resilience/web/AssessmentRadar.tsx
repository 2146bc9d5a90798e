/**
 * The radar of the three mechanisms and three traits (0–1): the self-assessment's summary overlaid
 * with the computed index's scores, so the two can be compared; the same figures as a table below
 * for those who do not read the chart.
 */
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { useMemo } from 'react';
import { useAssessmentWords } from './AssessmentShared.js';
import { DIMENSIONS, type Scores } from './assessment-api.js';

const ASSESSED = '#d9822b';
const COMPUTED = '#1f4e9c';

/** A score as the table shows it: two decimals (none: null). */
const fixed = (v: number | null | undefined) => (v === null || v === undefined ? null : v.toFixed(2));

export function AssessmentRadar({
  assessed,
  computed,
  height = 300,
}: {
  /** The self-assessment's summary (null: none yet). */
  assessed: Scores | null;
  /** The computed index's mechanism and trait scores (null: not computed; left out: not compared). */
  computed?: Scores | null;
  height?: number;
}) {
  const { t } = useAssessmentWords();
  const option = useMemo<ChartOption>(() => {
    const series = [
      assessed ? { name: t('radar.assessed'), scores: assessed, colour: ASSESSED } : null,
      computed ? { name: t('radar.computed'), scores: computed, colour: COMPUTED } : null,
    ].filter((s) => s !== null);
    return {
      color: series.map((s) => s.colour),
      legend: { bottom: 0, data: series.map((s) => s.name) },
      tooltip: { trigger: 'item' },
      radar: {
        radius: '62%',
        center: ['50%', '46%'],
        indicator: DIMENSIONS.map((d) => ({ name: t(`dimension.${d}`), min: 0, max: 1 })),
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: series.map((s) => ({
            name: s.name,
            // An axis without a score sits at the centre (the table says it has none).
            value: DIMENSIONS.map((d) => s.scores[d] ?? 0),
            areaStyle: { opacity: 0.15 },
            lineStyle: { color: s.colour, width: 2 },
            itemStyle: { color: s.colour },
          })),
        },
      ],
    };
  }, [assessed, computed, t]);
  return (
    <figure className="assessment-radar" data-testid="assessment-radar">
      <Chart option={option} label={t('radar.label')} height={height} />
      <table className="radar-table small">
        <caption className="sr-only">{t('radar.label')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('radar.dimension')}</th>
            <th scope="col">{t('radar.assessed')}</th>
            {computed === undefined ? null : <th scope="col">{t('radar.computed')}</th>}
          </tr>
        </thead>
        <tbody>
          {DIMENSIONS.map((d) => {
            const a = fixed(assessed?.[d]);
            const c = fixed(computed?.[d]);
            return (
              <tr key={d} data-dimension={d}>
                <th scope="row">{t(`dimension.${d}`)}</th>
                <td data-value={a ?? ''}>{a === null ? t('none') : a}</td>
                {computed === undefined ? null : <td data-value={c ?? ''}>{c === null ? t('none') : c}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
