/** A new plan: its title, hazard, owner place (within the user's) and the places it covers (within the owner). */
import { Card, ErrorNote } from '@renxing/ui/controls';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createPlan, HAZARDS, type Hazard } from './api.js';
import { useWords } from './dictionary.js';
import { InputField, SelectField, useAction } from './fields.js';
import { planEditHref } from './index.js';

export function CreatePlan({ onCreated }: { onCreated: () => void }) {
  const { t } = useWords();
  const user = useUser();
  const navigate = useNavigate();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const [title, setTitle] = useState('');
  const [hazard, setHazard] = useState<Hazard>('flood');
  const [owner, setOwner] = useState(user.placePath ?? '');
  const [covered, setCovered] = useState<string[]>([]);
  const action = useAction();

  const submit = action.submit(async () => {
    const plan = await createPlan({
      title: title.trim(),
      hazard,
      owner: owner || undefined,
      places: covered.filter((p) => p !== ''),
    });
    onCreated();
    navigate(planEditHref(plan.id));
  });

  return (
    <Card title={t('create.title')}>
      <form className="stack" onSubmit={submit} aria-label={t('create.title')}>
        <div className="form-grid">
          <InputField label={t('create.name')} required maxLength={200} value={title} onValue={setTitle} />
          <SelectField label={t('create.hazard')} value={hazard} onValue={(v) => setHazard(v as Hazard)}>
            {HAZARDS.map((h) => (
              <option key={h} value={h}>
                {t(`hazard.${h}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('create.owner')} value={owner} onValue={setOwner}>
            <PlaceOptions places={places.data} />
          </SelectField>
        </div>
        <fieldset className="group">
          <legend>{t('create.places')}</legend>
          <p className="muted small">{t('create.placesHint')}</p>
          {covered.map((path, i) => (
            <div key={i} className="row">
              <SelectField
                label={t('create.place', { n: i + 1 })}
                value={path}
                none=""
                onValue={(v) => setCovered(covered.map((p, j) => (j === i ? v : p)))}
              >
                <PlaceOptions
                  places={places.data?.filter((p) => p.path === owner || p.path.startsWith(`${owner}.`))}
                />
              </SelectField>
              <button type="button" onClick={() => setCovered(covered.filter((_, j) => j !== i))}>
                {t('create.removePlace', { n: i + 1 })}
              </button>
            </div>
          ))}
          <div>
            <button type="button" onClick={() => setCovered([...covered, ''])}>
              {t('create.addPlace')}
            </button>
          </div>
        </fieldset>
        {action.error ? <ErrorNote error={action.error} /> : null}
        <div>
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('create.submit')}
          </button>
        </div>
      </form>
    </Card>
  );
}
