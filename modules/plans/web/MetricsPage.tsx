/**
 * The learning loop's figures (闭环指标) over the incidents the user sees: corrective actions open
 * and overdue, the share closed by a revision, the median days from review to revision — in all,
 * per plan and per place.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { getLoopMetrics, type LoopMetrics } from './api.js';
import { useWords } from './dictionary.js';
import { ACTIONS_HREF, planHref } from './index.js';
import { Figures, percent } from './shared.js';
import './plans.css';

function useCells(): (m: LoopMetrics) => string[] {
  const { t } = useWords();
  return (m) => [
    String(m.actions),
    String(m.open),
    String(m.overdue),
    percent(m.closedShare),
    m.medianDaysToRevision === null ? '—' : t('metrics.days', { n: m.medianDaysToRevision }),
  ];
}

export function MetricsPage() {
  const { t } = useWords();
  const cells = useCells();
  const figures = useApi((signal) => getLoopMetrics({}, signal), []);
  const columns = [
    t('metrics.actions'),
    t('metrics.open'),
    t('metrics.overdue'),
    t('metrics.closedShare'),
    t('metrics.median'),
  ];
  const m = figures.data;
  return (
    <div className="page plans">
      <h1>{t('metrics.title')}</h1>
      <p className="muted">{t('metrics.lead')}</p>
      <nav className="row plans-links" aria-label={t('plans.links')}>
        <Link to="/plans">{t('incidents.plans')}</Link>
        <Link to="/incidents">{t('plans.incidents')}</Link>
        <Link to={ACTIONS_HREF}>{t('plans.actions')}</Link>
      </nav>
      {figures.error ? <ErrorNote error={figures.error} onRetry={figures.reload} /> : null}
      {!m ? (
        <Loading />
      ) : (
        <>
          <Figures
            testId="loop-figures"
            figures={[
              { key: 'actions', label: t('metrics.actions'), value: m.total.actions },
              { key: 'open', label: t('metrics.open'), value: m.total.open },
              {
                key: 'overdue',
                label: t('metrics.overdue'),
                value: m.total.overdue,
                tone: m.total.overdue > 0 ? 'overdue' : undefined,
              },
              { key: 'closedShare', label: t('metrics.closedShare'), value: percent(m.total.closedShare) },
              {
                key: 'median',
                label: t('metrics.median'),
                value:
                  m.total.medianDaysToRevision === null
                    ? '—'
                    : t('metrics.days', { n: m.total.medianDaysToRevision }),
              },
            ]}
          />
          <Card title={t('metrics.byPlan')}>
            <DataTable
              columns={[t('incidents.plan'), ...columns]}
              empty={m.byPlan.length === 0 ? t('metrics.none') : null}
            >
              {m.byPlan.map((p) => (
                <tr key={p.plan.id}>
                  <td>
                    <Link to={planHref(p.plan.id)}>{p.plan.title}</Link>
                  </td>
                  {cells(p).map((c, i) => (
                    <td key={columns[i]}>{c}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </Card>
          <Card title={t('metrics.byPlace')}>
            <DataTable
              columns={[t('incidents.places'), ...columns]}
              empty={m.byPlace.length === 0 ? t('metrics.none') : null}
            >
              {m.byPlace.map((p) => (
                <tr key={p.place.path}>
                  <td title={p.place.path}>{p.place.name}</td>
                  {cells(p).map((c, i) => (
                    <td key={columns[i]}>{c}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          </Card>
        </>
      )}
    </div>
  );
}
