/**
 * Activating a plan (启动预案): its newest version at a level over places within the plan's and
 * the user's (a community worker: their own community). Each task of the level reaches the inbox
 * of every community covered; the answer says how many.
 */
import { Card, ErrorNote } from '@renxing/ui/controls';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Activated, activatePlan, LEVELS, type Level, type Plan } from './api.js';
import { useWords } from './dictionary.js';
import { SelectField, useAction } from './fields.js';
import { incidentHref } from './index.js';

/** `plans`: the plans to choose from; `choose`: show the choice even of one (else one plan is that plan). */
export function ActivateForm({
  plans,
  choose = false,
  onActivated,
}: {
  plans: readonly Plan[];
  choose?: boolean;
  onActivated?: () => void;
}) {
  const { t } = useWords();
  const allPlaces = useApi((signal) => listPlaces({}, signal), []);
  const published = plans.filter((p) => p.latest !== null);
  const [planId, setPlanId] = useState(published.length === 1 && !choose ? published[0].id : '');
  const [level, setLevel] = useState<Level>('IV');
  const [places, setPlaces] = useState<string[]>(['']);
  const [done, setDone] = useState<Activated | null>(null);
  const action = useAction();
  const plan = published.find((p) => p.id === planId);
  // The places the plan covers, and those under them, that the user sees.
  const choices = allPlaces.data?.filter((p) =>
    plan?.places.some((q) => p.path === q.path || p.path.startsWith(`${q.path}.`)),
  );

  const submit = action.submit(async () => {
    setDone(null);
    const answer = await activatePlan(planId, { level, places: places.filter((p) => p !== '') });
    setDone(answer);
    setPlaces(['']);
    onActivated?.();
  });

  if (published.length === 0) return null;
  return (
    <Card title={t('activate.title')}>
      <form className="stack" onSubmit={submit} aria-label={t('activate.title')}>
        <p className="muted small">{t('activate.lead')}</p>
        <div className="form-grid">
          {published.length > 1 || choose ? (
            <SelectField label={t('activate.plan')} value={planId} none="" onValue={setPlanId}>
              {published.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label={t('activate.level')} value={level} onValue={(v) => setLevel(v as Level)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}`)}
              </option>
            ))}
          </SelectField>
          {places.map((path, i) => (
            <SelectField
              key={i}
              label={t('activate.place', { n: i + 1 })}
              value={path}
              none=""
              onValue={(v) => setPlaces(places.map((p, j) => (j === i ? v : p)))}
            >
              <PlaceOptions places={choices} />
            </SelectField>
          ))}
        </div>
        <div className="row">
          <button type="button" onClick={() => setPlaces([...places, ''])}>
            {t('activate.addPlace')}
          </button>
          <button type="submit" className="primary danger" disabled={action.busy || !planId}>
            {action.busy ? t('busy') : t('activate.submit')}
          </button>
        </div>
        {action.error ? <ErrorNote error={action.error} /> : null}
        {done ? (
          <p className="ok" role="status" data-testid="activated">
            {t('activate.done', { raised: done.items.raised, communities: done.items.communities })}{' '}
            <Link to={incidentHref(done.incident.incident.id)}>{t('activate.open')}</Link>
          </p>
        ) : null}
      </form>
    </Card>
  );
}
