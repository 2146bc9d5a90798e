/** A sampling site as a form edits it (a new round's sites, a site added to a round) and as a table shows it. */
import type { Place } from '@renxing/ui/api-types';
import { Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import type { NewSite, Site } from './api.js';
import { useWords } from './dictionary.js';
import { ZoneBadge } from './shared.js';

export interface SiteDraft {
  name: string;
  place: string;
  opens: string;
  closes: string;
  capacityPerHour: string;
  lon: string;
  lat: string;
}

export const emptySite = (place = ''): SiteDraft => ({
  name: '',
  place,
  opens: '08:00',
  closes: '20:00',
  capacityPerHour: '300',
  lon: '',
  lat: '',
});

/** The body the API takes (lon and lat only when given; the server checks both or neither). */
export function siteBody(d: SiteDraft): NewSite {
  const coord = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    name: d.name.trim(),
    place: d.place,
    opens: d.opens,
    closes: d.closes,
    capacityPerHour: Number(d.capacityPerHour),
    lon: coord(d.lon),
    lat: coord(d.lat),
  };
}

/** The fields of site number `n`. */
export function SiteFields({
  n,
  site,
  places,
  onChange,
}: {
  n: number;
  site: SiteDraft;
  places: readonly Place[] | undefined;
  onChange: (site: SiteDraft) => void;
}) {
  const { t } = useWords();
  const set = (patch: Partial<SiteDraft>) => onChange({ ...site, ...patch });
  return (
    <>
      <Field label={t('site.name', { n })}>
        {(id) => (
          <input
            id={id}
            required
            maxLength={200}
            value={site.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('site.place', { n })}>
        {(id) => (
          <select id={id} required value={site.place} onChange={(e) => set({ place: e.target.value })}>
            <option value="" />
            <PlaceOptions places={places} />
          </select>
        )}
      </Field>
      <Field label={t('site.opens', { n })}>
        {(id) => (
          <input
            id={id}
            type="time"
            required
            value={site.opens}
            onChange={(e) => set({ opens: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('site.closes', { n })}>
        {(id) => (
          <input
            id={id}
            type="time"
            required
            value={site.closes}
            onChange={(e) => set({ closes: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('site.capacity', { n })}>
        {(id) => (
          <input
            id={id}
            type="number"
            required
            min={1}
            max={100000}
            step={1}
            value={site.capacityPerHour}
            onChange={(e) => set({ capacityPerHour: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('site.lon', { n })}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={-180}
            max={180}
            step="any"
            value={site.lon}
            onChange={(e) => set({ lon: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('site.lat', { n })}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={-90}
            max={90}
            step="any"
            value={site.lat}
            onChange={(e) => set({ lat: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

export function SitesTable({ sites }: { sites: readonly Site[] }) {
  const { t } = useWords();
  return (
    <DataTable
      columns={[
        t('sites.name'),
        t('sites.place'),
        t('sites.zone'),
        t('sites.hours'),
        t('sites.capacity'),
        t('sites.coords'),
      ]}
      testId="sites"
      empty={sites.length === 0 ? t('sites.none') : null}
    >
      {sites.map((s) => (
        <tr key={s.id}>
          <td>{s.name}</td>
          <td className="mono">{s.place}</td>
          <td>
            <ZoneBadge zone={s.zone} />
          </td>
          <td className="nowrap">
            {s.opens}–{s.closes}
          </td>
          <td>{s.capacityPerHour.toLocaleString()}</td>
          <td className="mono nowrap">{s.lon !== null && s.lat !== null ? `${s.lon}, ${s.lat}` : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
