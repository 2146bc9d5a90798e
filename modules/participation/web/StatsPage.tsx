/**
 * Participation statistics (参与统计): per community over a period — counts by state, the share
 * handled within SLA, the median hours to respond, the breaches listed —; and the SLA settings.
 */
import { isoToLocal, localToIso } from '@renxing/ui/city-time';
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { getParticipationStats, REPORT_STATES } from './api.js';
import { useWords } from './dictionary.js';
import { SlaSettings } from './SlaSettings.js';
import { CategoryBadge, useMay } from './shared.js';
import './participation.css';

const DAY = 86_400_000;

export function StatsPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const [from, setFrom] = useState(isoToLocal(new Date(Date.now() - 30 * DAY).toISOString()));
  const [to, setTo] = useState(isoToLocal(new Date(Date.now() + 3_600_000).toISOString()));
  const fromIso = localToIso(from);
  const toIso = localToIso(to);
  const stats = useApi(
    (signal) =>
      fromIso && toIso
        ? getParticipationStats({ from: fromIso, to: toIso }, signal)
        : Promise.resolve(undefined),
    [fromIso, toIso],
  );
  const data = stats.data;
  const pct = (x: number | null | undefined) =>
    x === null || x === undefined ? t('none') : t('stats.share', { p: Math.round(x * 1000) / 10 });
  return (
    <div className="page participation">
      <h1>{t('stats.title')}</h1>
      <p className="muted">{t('stats.lead')}</p>
      <Card title={t('stats.title')}>
        <form className="row filter" onSubmit={(e) => e.preventDefault()}>
          <Field label={t('stats.from')}>
            {(id) => (
              <input id={id} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label={t('stats.to')}>
            {(id) => (
              <input id={id} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
            )}
          </Field>
        </form>
        {stats.loading && !data ? <Loading /> : null}
        {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
        {data ? (
          <DataTable
            testId="participation-stats"
            columns={[
              t('stats.placeCol'),
              t('stats.total'),
              ...REPORT_STATES.map((s) => t(`state.${s}`)),
              t('stats.withinSla'),
              t('stats.median'),
              t('stats.breaches'),
            ]}
            empty={data.byPlace.length === 0 ? t('stats.none') : null}
          >
            {data.byPlace.map((p) => (
              <tr key={p.placePath} data-place={p.placePath} data-breaches={p.breaches ?? 0}>
                <td>{p.placeName}</td>
                <td>{p.total}</td>
                {REPORT_STATES.map((s) => (
                  <td key={s}>{p.byState?.[s] ?? 0}</td>
                ))}
                <td>{pct(p.shareWithinSla)}</td>
                <td>
                  {p.medianHoursToRespond === null || p.medianHoursToRespond === undefined
                    ? t('none')
                    : t('hours', { h: p.medianHoursToRespond.toFixed(1) })}
                </td>
                <td className={(p.breaches ?? 0) > 0 ? 'breach-count' : undefined}>{p.breaches ?? 0}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {data && data.breachList.length > 0 ? (
        <Card title={t('stats.breachList')}>
          <DataTable
            testId="participation-breaches"
            columns={[t('board.category'), t('board.text'), t('board.place'), t('board.submitted')]}
          >
            {data.breachList.map(({ report: r, missed }) => (
              <tr key={r.id} data-report={r.id} data-missed={missed.join(' ')} className="row-breached">
                <td>
                  <CategoryBadge category={r.category} />
                </td>
                <td className="report-text">{r.text}</td>
                <td>{r.placeName}</td>
                <td className="nowrap">{time(r.submittedAt)}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ) : null}
      {may('listReportSlas') ? <SlaSettings /> : null}
    </div>
  );
}
