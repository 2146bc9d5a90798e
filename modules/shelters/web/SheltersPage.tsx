/**
 * Emergency shelters (应急避难场所): totals and a map of room left now, live (asked again every
 * 10 s); the list with each shelter's capacities, people in and places left, opened and closed
 * from here by those who manage them; the status exported as GeoJSON or EDXL-HAVE; a new shelter
 * and an import file for the managers.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  exportUrl,
  type ListQuery,
  listShelters,
  SHELTER_STATES,
  type Shelter,
  setShelterState,
} from './api.js';
import { useWords } from './dictionary.js';
import { shelterHref } from './index.js';
import { CreateShelter, ImportShelters } from './ShelterForms.js';
import { ShelterMap } from './ShelterMap.js';
import { Available, Figures, Offers, StateBadge, useAction, useLive, useManages, useMay } from './shared.js';
import './shelters.css';

function StateButton({ shelter, onChanged }: { shelter: Shelter; onChanged: () => void }) {
  const { t } = useWords();
  const action = useAction();
  const next = shelter.state === 'open' ? 'closed' : 'open';
  return (
    <span className="state-action">
      <button
        type="button"
        className={next === 'open' ? 'primary' : undefined}
        disabled={action.busy}
        aria-label={t(next === 'open' ? 'list.openNamed' : 'list.closeNamed', { name: shelter.name })}
        data-action={next}
        onClick={() =>
          action.run(async () => {
            await setShelterState(shelter.id, next);
            onChanged();
          })
        }
      >
        {t(next === 'open' ? 'list.openIt' : 'list.closeIt')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </span>
  );
}

export function SheltersPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const [filter, setFilter] = useState<ListQuery>({});
  const list = useLive((signal) => listShelters(filter, signal), [filter.q, filter.state]);
  const data = list.data;
  const manages = useManages();
  const manage = may('setShelterState');
  const totals = data?.totals;
  return (
    <div className="page shelters">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.lead')}</p>
      <Card
        title={t('list.totals')}
        actions={
          data ? (
            <span className="muted small" data-testid="shelters-period" data-period={data.period}>
              {t('period.until', { period: t(`period.${data.period}`), time: time(data.periodEndsAt) })} ·{' '}
              {t('list.updated', { time: time(data.at) })}
            </span>
          ) : null
        }
      >
        <Figures
          testId="shelter-totals"
          figures={[
            { key: 'shelters', label: t('list.shelters'), value: totals?.shelters },
            { key: 'open', label: t('list.open'), value: totals?.open },
            { key: 'capacity', label: t('list.capacity'), value: totals?.capacity },
            { key: 'occupancy', label: t('list.occupancy'), value: totals?.occupancy },
            { key: 'available', label: t('list.available'), value: totals?.available },
          ]}
        />
      </Card>
      {data && data.shelters.length > 0 ? (
        <Card title={t('map.title')}>
          <ShelterMap shelters={data.shelters} />
        </Card>
      ) : null}
      <Card
        title={t('list.table')}
        actions={
          <span className="export-links">
            <span className="muted small">{t('list.export')}</span>
            <a href={exportUrl('geojson')} download>
              {t('list.geojson')}
            </a>
            <a href={exportUrl('edxl')} download>
              {t('list.edxl')}
            </a>
          </span>
        }
      >
        <form className="row filter" onSubmit={(e) => e.preventDefault()}>
          <Field label={t('list.q')}>
            {(id) => (
              <input
                id={id}
                type="search"
                maxLength={100}
                value={filter.q ?? ''}
                onChange={(e) => setFilter({ ...filter, q: e.target.value || undefined })}
              />
            )}
          </Field>
          <Field label={t('list.stateFilter')}>
            {(id) => (
              <select
                id={id}
                value={filter.state ?? ''}
                onChange={(e) =>
                  setFilter({ ...filter, state: (e.target.value || undefined) as ListQuery['state'] })
                }
              >
                <option value="">{t('list.all')}</option>
                {SHELTER_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </form>
        {list.loading && !data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {data ? (
          <DataTable
            testId="shelters"
            columns={[
              t('list.name'),
              t('list.place'),
              t('list.type'),
              t('list.offers'),
              t('list.state'),
              t('list.capacityCol'),
              t('list.availableCol'),
              ...(manage ? [t('list.actions')] : []),
            ]}
            empty={data.shelters.length === 0 ? t('list.none') : null}
          >
            {data.shelters.map((s) => (
              <tr key={s.id} data-shelter={s.id} data-available={s.available} data-state={s.state}>
                <td>
                  <Link to={shelterHref(s.id)}>{s.name}</Link>
                </td>
                <td>{s.placeName}</td>
                <td>{t(`type.${s.type}`)}</td>
                <td>
                  <Offers offers={s.offers} />
                </td>
                <td>
                  <StateBadge state={s.state} />
                </td>
                <td className="nowrap">
                  {s.capacityDay.toLocaleString()} / {s.capacityNight.toLocaleString()}
                </td>
                <td className="nowrap">
                  {s.occupancy.toLocaleString()} · <Available shelter={s} />
                </td>
                {manage ? (
                  <td>{manages(s.place) ? <StateButton shelter={s} onChanged={list.reload} /> : null}</td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      {may('createShelter') ? <CreateShelter onCreated={list.reload} /> : null}
      {may('importShelters') ? <ImportShelters onImported={list.reload} /> : null}
    </div>
  );
}
