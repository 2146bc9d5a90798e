/**
 * A shelter: its facts, its room now (live), who is in — each stay checked out from here — and, for
 * those who manage it, opening, closing and its capacities.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { checkOut, getShelter, type Occupant, type Shelter, setShelterState, updateShelter } from './api.js';
import { useWords } from './dictionary.js';
import { checkInHref } from './index.js';
import { Available, Figures, Offers, StateBadge, useAction, useLive, useManages, useMay } from './shared.js';
import './shelters.css';

function CheckOut({ stay, onDone }: { stay: Occupant; onDone: (text: string) => void }) {
  const { t } = useWords();
  const action = useAction();
  return (
    <>
      <button
        type="button"
        disabled={action.busy}
        aria-label={t('shelter.checkOutNamed', { name: stay.name })}
        onClick={() =>
          action.run(async () => {
            const r = await checkOut(stay.id);
            onDone(t('shelter.checkedOut', { name: r.checkIn.name, people: r.checkIn.people }));
          })
        }
      >
        {t('shelter.checkOut')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </>
  );
}

function Manage({ shelter, onChanged }: { shelter: Shelter; onChanged: () => void }) {
  const { t } = useWords();
  const [day, setDay] = useState(String(shelter.capacityDay));
  const [night, setNight] = useState(String(shelter.capacityNight));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const next = shelter.state === 'open' ? 'closed' : 'open';
  return (
    <Card title={t('shelter.edit')}>
      <form
        className="row"
        onSubmit={action.submit(async () => {
          await updateShelter(shelter.id, { capacityDay: Number(day), capacityNight: Number(night) });
          setSaved(true);
          onChanged();
        })}
      >
        <Field label={t('create.day')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              step={1}
              required
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('create.night')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0}
              step={1}
              required
              value={night}
              onChange={(e) => setNight(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={action.busy}>
          {t('shelter.save')}
        </button>
        <button
          type="button"
          className={next === 'open' ? 'primary' : undefined}
          disabled={action.busy}
          data-action={next}
          onClick={() =>
            action.run(async () => {
              await setShelterState(shelter.id, next);
              onChanged();
            })
          }
        >
          {t(next === 'open' ? 'list.openNamed' : 'list.closeNamed', { name: shelter.name })}
        </button>
        {saved ? (
          <span className="ok" role="status">
            {t('shelter.saved')}
          </span>
        ) : null}
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </Card>
  );
}

export function ShelterPage() {
  const { t } = useWords();
  const { id = '' } = useParams();
  const may = useMay();
  const manages = useManages();
  const time = useFormatTime();
  const view = useLive((signal) => getShelter(id, signal), [id]);
  const [note, setNote] = useState<string | null>(null);
  const s = view.data?.shelter;
  return (
    <div className="page shelters">
      <p>
        <Link to="/shelters">{t('shelter.back')}</Link>
      </p>
      {view.loading && !view.data ? <Loading /> : null}
      {view.error ? <ErrorNote error={view.error} onRetry={view.reload} /> : null}
      {s && view.data ? (
        <>
          <h1 data-testid="shelter-name">
            {s.name} <StateBadge state={s.state} />
          </h1>
          <Card
            title={t('shelter.facts')}
            actions={
              may('checkInShelter') && s.state === 'open' ? (
                <Link to={checkInHref(s.id)}>{t('shelter.checkInHere')}</Link>
              ) : null
            }
          >
            <Figures
              testId="shelter-figures"
              figures={[
                { key: 'capacity', label: t(`period.${s.period}`), value: s.capacity },
                { key: 'occupancy', label: t('list.occupancy'), value: s.occupancy },
                { key: 'available', label: t('shelter.available'), value: s.available },
              ]}
            />
            <dl className="facts">
              <dt>{t('list.place')}</dt>
              <dd>{s.placeName}</dd>
              <dt>{t('list.type')}</dt>
              <dd>{t(`type.${s.type}`)}</dd>
              <dt>{t('list.offers')}</dt>
              <dd>
                <Offers offers={s.offers} />
              </dd>
              <dt>{t('list.capacityCol')}</dt>
              <dd>
                {s.capacityDay} / {s.capacityNight} · <Available shelter={s} />
              </dd>
              <dt>{t('shelter.location')}</dt>
              <dd className="mono">
                {s.lon.toFixed(5)}, {s.lat.toFixed(5)}
                {s.address ? ` · ${s.address}` : ''}
              </dd>
              {s.stateChangedAt ? (
                <>
                  <dt>{t('list.state')}</dt>
                  <dd>{t('shelter.stateSince', { time: time(s.stateChangedAt) })}</dd>
                </>
              ) : null}
            </dl>
          </Card>
          <Card title={t('shelter.occupants')}>
            {note ? (
              <p className="ok" role="status">
                {note}
              </p>
            ) : null}
            <DataTable
              testId="occupants"
              columns={[
                t('shelter.who'),
                t('shelter.people'),
                t('shelter.home'),
                t('shelter.since'),
                t('shelter.by'),
                ...(may('checkOutShelter') ? [t('list.actions')] : []),
              ]}
              empty={view.data.occupants.length === 0 ? t('shelter.none') : null}
            >
              {view.data.occupants.map((o) => (
                <tr key={o.id} data-stay={o.id}>
                  <td>
                    {o.name}
                    {!o.personId && !o.householdId ? (
                      <span className="muted small"> · {t('shelter.anonymous')}</span>
                    ) : null}
                    {o.note ? <span className="muted small"> · {o.note}</span> : null}
                  </td>
                  <td>{o.people}</td>
                  <td>{o.homeName ?? '—'}</td>
                  <td className="nowrap">{time(o.checkedInAt)}</td>
                  <td>{o.checkedInByName ?? '—'}</td>
                  {may('checkOutShelter') ? (
                    <td>
                      <CheckOut
                        stay={o}
                        onDone={(text) => {
                          setNote(text);
                          view.reload();
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </DataTable>
            {view.data.others > 0 ? (
              <p className="muted small">{t('shelter.others', { n: view.data.others })}</p>
            ) : null}
          </Card>
          {manages(s.place) ? (
            <Manage key={`${s.capacityDay}/${s.capacityNight}`} shelter={s} onChanged={view.reload} />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
