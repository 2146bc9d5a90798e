/**
 * A new round (organisers): name, window (city time), places each with its zone, swabs per tube
 * per zone (1 / 10 / 20 unless changed) and the sampling sites. The server checks it all; its
 * refusal names the field.
 */
import { isoToLocal, localToIso } from '@renxing/ui/city-time';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { listPlaces } from '@renxing/ui/endpoints';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CreatedRound, createRound, DEFAULT_POOLING, MAX_TUBE_SIZE, ZONES, type Zone } from './api.js';
import { useWords } from './dictionary.js';
import { InputField, PlaceField, useAction } from './fields.js';
import { roundHref } from './index.js';
import { emptySite, type SiteDraft, SiteFields, siteBody } from './sites.js';

const HOUR = 3_600_000;

/** A value for each zone. */
const byZone = <T,>(of: (zone: Zone) => T) =>
  Object.fromEntries(ZONES.map((z) => [z, of(z)])) as Record<Zone, T>;

interface Draft {
  name: string;
  from: string;
  to: string;
  places: { path: string; zone: Zone }[];
  pooling: Record<Zone, string>;
  sites: SiteDraft[];
}

function initialDraft(): Draft {
  const start = Math.ceil(Date.now() / HOUR) * HOUR;
  return {
    name: '',
    from: isoToLocal(new Date(start).toISOString()),
    to: isoToLocal(new Date(start + 24 * HOUR).toISOString()),
    places: [{ path: '', zone: 'prevention' }],
    pooling: byZone((z) => String(DEFAULT_POOLING[z])),
    sites: [],
  };
}

export function CreateRound({ onCreated }: { onCreated: () => void }) {
  const { t } = useWords();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const [draft, setDraft] = useState<Draft>(initialDraft);
  const action = useAction();
  const [created, setCreated] = useState<CreatedRound | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPlace = (i: number, patch: Partial<Draft['places'][number]>) =>
    set({ places: draft.places.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  const submit = action.submit(async () => {
    setCreated(null);
    const done = await createRound({
      name: draft.name.trim(),
      from: localToIso(draft.from) ?? draft.from,
      to: localToIso(draft.to) ?? draft.to,
      pooling: byZone((z) => Number(draft.pooling[z])),
      places: draft.places,
      sites: draft.sites.map(siteBody),
    });
    setCreated(done);
    setDraft(initialDraft());
    onCreated();
  });

  return (
    <Card title={t('create.title')}>
      <form className="stack" onSubmit={submit} aria-label={t('create.title')}>
        <div className="form-grid">
          <InputField
            label={t('create.name')}
            required
            maxLength={200}
            value={draft.name}
            onValue={(name) => set({ name })}
          />
          {(['from', 'to'] as const).map((key) => (
            <InputField
              key={key}
              label={t(`create.${key}`)}
              type="datetime-local"
              required
              value={draft[key]}
              onValue={(v) => set({ [key]: v })}
            />
          ))}
        </div>

        <fieldset className="group">
          <legend>{t('create.places')}</legend>
          {draft.places.map((p, i) => (
            <div key={i} className="place-row">
              <PlaceField
                label={t('create.place', { n: i + 1 })}
                value={p.path}
                places={places.data}
                onValue={(path) => setPlace(i, { path })}
              />
              <Field label={t('create.zone', { n: i + 1 })}>
                {(id) => (
                  <select
                    id={id}
                    value={p.zone}
                    onChange={(e) => setPlace(i, { zone: e.target.value as Zone })}
                  >
                    {ZONES.map((z) => (
                      <option key={z} value={z}>
                        {t(`zone.${z}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                disabled={draft.places.length === 1}
                onClick={() => set({ places: draft.places.filter((_, j) => j !== i) })}
              >
                {t('create.removePlace', { n: i + 1 })}
              </button>
            </div>
          ))}
          <div>
            <button
              type="button"
              onClick={() => set({ places: [...draft.places, { path: '', zone: 'prevention' }] })}
            >
              {t('create.addPlace')}
            </button>
          </div>
        </fieldset>

        <fieldset className="group">
          <legend>{t('create.pooling')}</legend>
          <div className="form-grid">
            {ZONES.map((z) => (
              <InputField
                key={z}
                label={t('create.poolingOf', { zone: t(`zone.${z}`) })}
                type="number"
                required
                min={1}
                max={MAX_TUBE_SIZE}
                step={1}
                value={draft.pooling[z]}
                onValue={(v) => set({ pooling: { ...draft.pooling, [z]: v } })}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="group">
          <legend>{t('create.sites')}</legend>
          {draft.sites.length === 0 ? <p className="muted small">{t('create.noSites')}</p> : null}
          {draft.sites.map((s, i) => (
            <div key={i} className="form-grid site-row">
              <SiteFields
                n={i + 1}
                site={s}
                places={places.data}
                onChange={(next) => set({ sites: draft.sites.map((x, j) => (j === i ? next : x)) })}
              />
              <div className="filter-actions">
                <button type="button" onClick={() => set({ sites: draft.sites.filter((_, j) => j !== i) })}>
                  {t('create.removeSite', { n: i + 1 })}
                </button>
              </div>
            </div>
          ))}
          <div>
            <button
              type="button"
              onClick={() => set({ sites: [...draft.sites, emptySite(draft.places[0]?.path ?? '')] })}
            >
              {t('create.addSite')}
            </button>
          </div>
        </fieldset>

        <div className="filter-actions">
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('create.submit')}
          </button>
        </div>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {created ? (
        <p className="accepted" role="status" data-testid="round-created">
          {t('create.created', { name: created.round.name, expected: created.expected })}{' '}
          <Link to={roundHref(created.round.id)}>{t('create.open')}</Link>
        </p>
      ) : null}
    </Card>
  );
}
