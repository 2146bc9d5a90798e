/**
 * An incident: its plan, version, level and places, its timeline, the after-action review, closing
 * (showing what the review still lacks), and its corrective actions, each closed one beside the
 * diff of the revision that closed it.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActionList } from './ActionList.js';
import { closeIncident, getIncident, type IncidentView, listActions, type Missing } from './api.js';
import { useWords } from './dictionary.js';
import { useAction } from './fields.js';
import { planHref } from './index.js';
import { ReviewForm } from './ReviewForm.js';
import { HazardBadge, LevelBadge, PlaceNames, useMay, useObjectiveName } from './shared.js';
import { Timeline } from './Timeline.js';
import './plans.css';

function MissingList({ missing }: { missing: Missing }) {
  const { t, lang } = useWords();
  const name = useObjectiveName();
  const sep = lang === 'en' ? ', ' : '、';
  return (
    <ul className="plain-list missing" data-testid="missing">
      {missing.unrated.length > 0 ? (
        <li>{t('close.unrated', { list: missing.unrated.map(name).join(sep) })}</li>
      ) : null}
      {missing.withoutAction.length > 0 ? (
        <li>
          {t('close.withoutAction', {
            list: missing.withoutAction.map((o) => `${name(o)} (${o.rating})`).join(sep),
          })}
        </li>
      ) : null}
    </ul>
  );
}

function ClosePanel({ view, onClosed }: { view: IncidentView; onClosed: (v: IncidentView) => void }) {
  const { t } = useWords();
  const action = useAction();
  const complete = view.missing.unrated.length + view.missing.withoutAction.length === 0;
  return (
    <Card title={t('close.title')}>
      <div className="stack">
        {complete ? <p className="ok">{t('close.ready')}</p> : <p>{t('close.missing')}</p>}
        {complete ? null : <MissingList missing={view.missing} />}
        {action.error ? <ErrorNote error={action.error} /> : null}
        <div>
          <button
            type="button"
            className="primary"
            disabled={action.busy}
            onClick={() => void action.run(async () => onClosed(await closeIncident(view.incident.id)))}
          >
            {action.busy ? t('busy') : t('close.submit')}
          </button>
        </div>
      </div>
    </Card>
  );
}

export function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const objectiveName = useObjectiveName();
  const [fresh, setFresh] = useState<IncidentView | null>(null);
  const loaded = useApi((signal) => getIncident(id, signal), [id]);
  const actions = useApi((signal) => listActions({ incidentId: id }, signal), [id, fresh]);
  const view = fresh?.incident.id === id ? fresh : loaded.data;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!view) return <Loading />;
  const { incident } = view;
  const open = incident.state === 'open';
  return (
    <div className="page plans">
      <h1>
        {incident.plan.title} <HazardBadge hazard={incident.plan.hazard} />{' '}
        <LevelBadge level={incident.level} />
      </h1>
      <dl className="facts" data-testid="incident-facts" data-state={incident.state}>
        <dt>{t('incident.version')}</dt>
        <dd>
          <Link to={planHref(incident.plan.id)}>{t('version.n', { n: incident.version.number })}</Link>
        </dd>
        <dt>{t('incidents.places')}</dt>
        <dd>
          <PlaceNames places={incident.places} />
        </dd>
        <dt>{t('incidents.activatedAt')}</dt>
        <dd>{time(incident.activatedAt)}</dd>
        <dt>{t('incidents.state')}</dt>
        <dd>
          <span className={`badge state-${incident.state}`}>{t(`state.${incident.state}`)}</span>
          {incident.closedAt ? ` ${time(incident.closedAt)}` : null}
        </dd>
      </dl>
      <Card title={t('timeline.title')}>
        <Timeline events={view.events} places={incident.places} />
      </Card>
      {open && view.writable && may('submitAfterActionReview') ? (
        <ReviewForm key={view.events.length} view={view} onSaved={setFresh} />
      ) : (
        <Card title={t('review.title')}>
          <ul className="plain-list">
            {view.objectives.map((o) => (
              <li key={o.id}>
                {objectiveName(o)} — {o.rating ? t(`rating.${o.rating}`) : t('rating.none')}
                {o.note ? <span className="muted"> · {o.note}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {open && view.writable && may('closeIncident') ? <ClosePanel view={view} onClosed={setFresh} /> : null}
      <Card title={t('actions.ofIncident')}>
        {actions.error ? <ErrorNote error={actions.error} onRetry={actions.reload} /> : null}
        {actions.data ? (
          <ActionList actions={actions.data} now={Date.now()} testId="incident-actions" />
        ) : (
          <Loading />
        )}
      </Card>
    </div>
  );
}
