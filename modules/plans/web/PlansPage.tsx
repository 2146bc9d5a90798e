/**
 * Emergency plans (应急预案): those covering a place at, under or above the user's — hazard, owner,
 * places, the newest version, a draft being edited — a new plan (places' staff), and the ways to
 * the corrective actions and the loop's figures.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { Link } from 'react-router';
import { listPlans } from './api.js';
import { CreatePlan } from './CreatePlan.js';
import { useWords } from './dictionary.js';
import { ACTIONS_HREF, METRICS_HREF, planHref } from './index.js';
import { HazardBadge, PlaceNames, useMay } from './shared.js';
import './plans.css';

export function PlansPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const plans = useApi((signal) => listPlans(signal), []);
  return (
    <div className="page plans">
      <h1>{t('plans.title')}</h1>
      <p className="muted">{t('plans.lead')}</p>
      <nav className="row plans-links" aria-label={t('plans.links')}>
        <Link to="/incidents">{t('plans.incidents')}</Link>
        <Link to={ACTIONS_HREF}>{t('plans.actions')}</Link>
        <Link to={METRICS_HREF}>{t('plans.metrics')}</Link>
      </nav>
      <Card title={t('plans.list')}>
        {plans.loading && !plans.data ? <Loading /> : null}
        {plans.error ? <ErrorNote error={plans.error} onRetry={plans.reload} /> : null}
        {plans.data ? (
          <DataTable
            columns={[
              t('plans.name'),
              t('plans.hazard'),
              t('plans.owner'),
              t('plans.places'),
              t('plans.latest'),
            ]}
            testId="plans"
            empty={plans.data.length === 0 ? t('plans.none') : null}
          >
            {plans.data.map((p) => (
              <tr key={p.id} data-plan={p.id}>
                <td>
                  <Link to={planHref(p.id)}>{p.title}</Link>
                </td>
                <td>
                  <HazardBadge hazard={p.hazard} />
                </td>
                <td>{p.owner.name}</td>
                <td>
                  <PlaceNames places={p.places} />
                </td>
                <td className="nowrap">
                  {p.latest
                    ? t('plans.latestValue', { n: p.latest.number, at: time(p.latest.publishedAt) })
                    : t('plans.unpublished')}
                  {p.draftSavedAt ? <span className="muted"> · {t('plans.draft')}</span> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {may('createPlan') ? <CreatePlan onCreated={plans.reload} /> : null}
    </div>
  );
}
