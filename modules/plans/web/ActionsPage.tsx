/**
 * Corrective actions (纠正措施) of the incidents the user sees: open, overdue or closed — each closed
 * one only by a revision of its plan, shown beside that revision's diff.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link } from 'react-router';
import { ActionList } from './ActionList.js';
import { ACTION_STATES, type ActionState, listActions } from './api.js';
import { useWords } from './dictionary.js';
import { SelectField } from './fields.js';
import { METRICS_HREF } from './index.js';
import './plans.css';

export function ActionsPage() {
  const { t } = useWords();
  const [state, setState] = useState<'' | ActionState>('');
  const actions = useApi((signal) => listActions(state ? { state } : {}, signal), [state]);
  return (
    <div className="page plans">
      <h1>{t('actions.pageTitle')}</h1>
      <p className="muted">{t('actions.lead')}</p>
      <nav className="row plans-links" aria-label={t('plans.links')}>
        <Link to="/plans">{t('incidents.plans')}</Link>
        <Link to="/incidents">{t('plans.incidents')}</Link>
        <Link to={METRICS_HREF}>{t('plans.metrics')}</Link>
      </nav>
      <Card
        title={t('actions.list')}
        actions={
          <SelectField
            label={t('actions.state')}
            value={state}
            required={false}
            none={t('actions.all')}
            onValue={(v) => setState(v as typeof state)}
          >
            {ACTION_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`actions.${s}`)}
              </option>
            ))}
          </SelectField>
        }
      >
        {actions.error ? <ErrorNote error={actions.error} onRetry={actions.reload} /> : null}
        {actions.data ? (
          <ActionList actions={actions.data} now={Date.now()} showIncident testId="actions" />
        ) : (
          <Loading />
        )}
      </Card>
    </div>
  );
}
