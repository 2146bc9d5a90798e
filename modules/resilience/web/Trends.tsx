/**
 * A community's trends: the index (0–3, right axis) and the three mechanisms (0–1, left axis) over
 * the dates computed, one line each; a date without a score is a gap.
 */
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { useMemo } from 'react';
import type { HistoryPoint } from './api.js';
import { useWords } from './dictionary.js';
import { useScoreName } from './shared.js';

const LINES = ['engineering', 'institutional', 'social'] as const;

export function Trends({ history }: { history: readonly HistoryPoint[] }) {
  const { t, lang } = useWords();
  const scoreName = useScoreName();
  const points = useMemo(() => [...history].sort((a, b) => (a.date < b.date ? -1 : 1)), [history]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: points.map((p) => p.date) },
      yAxis: [
        { type: 'value', min: 0, max: 1, name: t('trends.mechanisms') },
        { type: 'value', min: 0, max: 3, name: scoreName('index') },
      ],
      series: [
        ...LINES.map((m) => ({
          type: 'line',
          name: scoreName(m),
          data: points.map((p) => p[m]),
          connectNulls: false,
          showSymbol: points.length < 30,
        })),
        {
          type: 'line',
          name: scoreName('index'),
          yAxisIndex: 1,
          data: points.map((p) => p.index),
          lineStyle: { width: 3 },
          showSymbol: points.length < 30,
        },
      ],
    }),
    [points, lang],
  );
  if (points.length === 0) return <p className="muted">{t('trends.none')}</p>;
  return (
    <div data-testid="resilience-trends" data-points={points.length}>
      <Chart option={option} label={t('trends.label', { n: points.length })} height={260} />
    </div>
  );
}
