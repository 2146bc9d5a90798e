/**
 * A community's radar: the three mechanisms and the three traits, each 0–1 (a score it has none
 * of is drawn at 0 and said "no score" in the table beneath, for screen readers and the exact
 * numbers).
 */
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { useMemo } from 'react';
import type { ScoreFields } from './api.js';
import { useWords } from './dictionary.js';
import { score, useScoreName } from './shared.js';

export const RADAR_AXES = [
  'engineering',
  'institutional',
  'social',
  'self_organisation',
  'redundancy',
  'adaptability',
] as const;

export function ScoreRadar({ scores, name }: { scores: ScoreFields; name: string }) {
  const { t, lang } = useWords();
  const scoreName = useScoreName();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      radar: {
        indicator: RADAR_AXES.map((a) => ({ name: scoreName(a), min: 0, max: 1 })),
        radius: '66%',
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          name,
          areaStyle: { opacity: 0.25 },
          data: [{ name, value: RADAR_AXES.map((a) => scores[a] ?? 0) }],
        },
      ],
    }),
    [scores, name, lang],
  );
  return (
    <div className="stack" data-testid="resilience-radar">
      <Chart option={option} label={t('radar.label', { name })} height={300} />
      <table className="compact">
        <tbody>
          {RADAR_AXES.map((a) => (
            <tr key={a} data-score={a} data-value={scores[a] ?? ''}>
              <th scope="row">{scoreName(a)}</th>
              <td className="num">{scores[a] === null ? t('radar.noScore') : score(scores[a])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
