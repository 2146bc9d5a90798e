/**
 * Early warnings from residents (居民预警): each community's warning with its hour, n (distinct
 * residents with a symptom report in 24 h), the baseline's mean and standard deviation, the
 * threshold max(3, m + 3s), and the reports behind it on demand.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { Fragment, useState } from 'react';
import { listEarlyWarnings } from './api.js';
import { useWords } from './dictionary.js';
import { useLive } from './shared.js';
import './participation.css';

const fixed = (x: number) => (Math.round(x * 100) / 100).toString();

export function WarningsPage() {
  const { t } = useWords();
  const time = useFormatTime();
  const warnings = useLive((signal) => listEarlyWarnings(signal), [], 30_000);
  const [open, setOpen] = useState<string | null>(null);
  const list = warnings.data?.warnings ?? [];
  return (
    <div className="page participation">
      <h1>{t('warnings.title')}</h1>
      <p className="muted">{t('warnings.lead')}</p>
      <Card title={t('warnings.title')}>
        {warnings.loading && !warnings.data ? <Loading /> : null}
        {warnings.error ? <ErrorNote error={warnings.error} onRetry={warnings.reload} /> : null}
        {warnings.data ? (
          <DataTable
            testId="early-warnings"
            columns={[
              t('warnings.community'),
              t('warnings.at'),
              t('warnings.n'),
              t('warnings.mean'),
              t('warnings.std'),
              t('warnings.threshold'),
              t('warnings.reports'),
            ]}
            empty={list.length === 0 ? t('warnings.none') : null}
          >
            {list.map((w) => (
              <Fragment key={w.id}>
                <tr data-warning={w.id} data-n={w.n} data-place={w.placePath}>
                  <td>{w.placeName}</td>
                  <td className="nowrap">{time(w.hour)}</td>
                  <td className="warning-n">{w.n}</td>
                  <td>{fixed(w.m)}</td>
                  <td>{fixed(w.s)}</td>
                  <td>{fixed(w.threshold)}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === w.id}
                      onClick={() => setOpen(open === w.id ? null : w.id)}
                    >
                      {open === w.id ? t('warnings.hide') : t('warnings.show', { n: w.reportIds.length })}
                    </button>
                  </td>
                </tr>
                {open === w.id ? (
                  <tr className="respond-row">
                    <td colSpan={7}>
                      <ul className="plain warning-reports">
                        {(w.reports ?? []).map((r) => (
                          <li key={r.id} data-report={r.id}>
                            <span className="muted small nowrap">{time(r.submittedAt)}</span> {r.reporterName}
                            ：<span className="report-text">{r.text}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </DataTable>
        ) : null}
      </Card>
    </div>
  );
}
