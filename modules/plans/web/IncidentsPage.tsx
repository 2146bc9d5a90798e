/**
 * Incidents (应急事件): those over places at, under or above the user's — a community's own
 * activation shows at the street and the district at once — open ones first to hand, and
 * activating a plan.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link } from 'react-router';
import { ActivateForm } from './ActivateForm.js';
import { type Incident, listIncidents, listPlans } from './api.js';
import { useWords } from './dictionary.js';
import { SelectField } from './fields.js';
import { ACTIONS_HREF, incidentHref, METRICS_HREF, planHref } from './index.js';
import { HazardBadge, LevelBadge, PlaceNames, useMay } from './shared.js';
import './plans.css';

export function IncidentsPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const [state, setState] = useState<'' | Incident['state']>('');
  const incidents = useApi((signal) => listIncidents(state ? { state } : {}, signal), [state]);
  const plans = useApi((signal) => listPlans(signal), []);
  return (
    <div className="page plans">
      <h1>{t('incidents.title')}</h1>
      <p className="muted">{t('incidents.lead')}</p>
      <nav className="row plans-links" aria-label={t('plans.links')}>
        <Link to="/plans">{t('incidents.plans')}</Link>
        <Link to={ACTIONS_HREF}>{t('plans.actions')}</Link>
        <Link to={METRICS_HREF}>{t('plans.metrics')}</Link>
      </nav>
      <Card
        title={t('incidents.list')}
        actions={
          <SelectField
            label={t('incidents.state')}
            value={state}
            required={false}
            none={t('incidents.all')}
            onValue={(v) => setState(v as typeof state)}
          >
            <option value="open">{t('state.open')}</option>
            <option value="closed">{t('state.closed')}</option>
          </SelectField>
        }
      >
        {incidents.loading && !incidents.data ? <Loading /> : null}
        {incidents.error ? <ErrorNote error={incidents.error} onRetry={incidents.reload} /> : null}
        {incidents.data ? (
          <DataTable
            columns={[
              t('incidents.activatedAt'),
              t('incidents.plan'),
              t('incidents.level'),
              t('incidents.places'),
              t('incidents.state'),
            ]}
            testId="incidents"
            empty={incidents.data.length === 0 ? t('incidents.none') : null}
          >
            {incidents.data.map((i) => (
              <tr key={i.id} data-incident={i.id} data-state={i.state}>
                <td className="nowrap">
                  <Link to={incidentHref(i.id)}>{time(i.activatedAt)}</Link>
                </td>
                <td>
                  <Link to={planHref(i.plan.id)}>{i.plan.title}</Link> <HazardBadge hazard={i.plan.hazard} />{' '}
                  <span className="muted">{t('version.n', { n: i.version.number })}</span>
                </td>
                <td>
                  <LevelBadge level={i.level} />
                </td>
                <td>
                  <PlaceNames places={i.places} />
                </td>
                <td>
                  <span className={`badge state-${i.state}`}>{t(`state.${i.state}`)}</span>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {may('activatePlan') && plans.data ? (
        <ActivateForm plans={plans.data} choose onActivated={incidents.reload} />
      ) : null}
    </div>
  );
}
