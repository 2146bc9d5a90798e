/**
 * The stored trajectory days: how many, their pings and stored size, a bar of pings per day, and
 * each day's pings, chunks and bytes.
 */
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import type { Loaded } from '@renxing/ui/use-api';
import { useMemo } from 'react';
import type { TrajectoryDay } from './api.js';
import { useWords } from './dictionary.js';
import { formatBytes } from './format.js';
import { Figures } from './shared.js';

export function StoredDays({ days }: { days: Loaded<{ days: TrajectoryDay[] }> }) {
  const { t } = useWords();
  const rows = days.data?.days;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: (rows ?? []).map((d) => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('days.pings'),
          type: 'bar',
          itemStyle: { color: '#1f4e9c' },
          data: (rows ?? []).map((d) => d.pings),
        },
      ],
    }),
    [rows, t],
  );
  const pings = rows?.reduce((n, d) => n + d.pings, 0);
  const bytes = rows?.reduce((n, d) => n + d.bytes, 0);
  return (
    <Card title={t('days.title')}>
      <Figures
        testId="trajectory-totals"
        figures={[
          { key: 'days', label: t('days.count'), value: rows?.length },
          { key: 'pings', label: t('days.pings'), value: pings },
          {
            key: 'bytes',
            label: t('days.bytes'),
            value: bytes,
            text: bytes === undefined ? undefined : formatBytes(bytes),
          },
        ]}
      />
      {days.error ? <ErrorNote error={days.error} onRetry={days.reload} /> : null}
      {!rows && !days.error ? <Loading /> : null}
      {rows && rows.length > 0 ? <Chart option={option} label={t('days.chart')} height={200} /> : null}
      {rows ? (
        <DataTable
          columns={[t('days.day'), t('days.pings'), t('days.chunks'), t('days.bytes')]}
          empty={rows.length === 0 ? t('days.none') : null}
          testId="trajectory-days"
        >
          {rows.map((d) => (
            <tr key={d.day} data-day={d.day} data-pings={d.pings}>
              <td className="nowrap">{d.day}</td>
              <td>{d.pings.toLocaleString()}</td>
              <td>{d.chunks.toLocaleString()}</td>
              <td className="nowrap">{formatBytes(d.bytes)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </Card>
  );
}
