/** A sampling site as a form edits it (a new round's sites, a site added to a round) and as a table shows it. */
import type { Place } from '@renxing/ui/api-types';
import { DataTable } from '@renxing/ui/DataTable';
import type { NewSite, Site } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { InputField, type InputProps, PlaceField } from './fields.js';
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

/** A site's fields in order, each with its label and, but for the place (a picker), its input's bounds. */
const SITE_FIELDS: readonly { key: keyof SiteDraft; word: Word; input?: InputProps }[] = [
  { key: 'name', word: 'site.name', input: { required: true, maxLength: 200 } },
  { key: 'place', word: 'site.place' },
  { key: 'opens', word: 'site.opens', input: { type: 'time', required: true } },
  { key: 'closes', word: 'site.closes', input: { type: 'time', required: true } },
  {
    key: 'capacityPerHour',
    word: 'site.capacity',
    input: { type: 'number', required: true, min: 1, max: 100_000, step: 1 },
  },
  { key: 'lon', word: 'site.lon', input: { type: 'number', min: -180, max: 180, step: 'any' } },
  { key: 'lat', word: 'site.lat', input: { type: 'number', min: -90, max: 90, step: 'any' } },
];

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
  return (
    <>
      {SITE_FIELDS.map(({ key, word, input }) => {
        const props = {
          label: t(word, { n }),
          value: site[key],
          onValue: (v: string) => onChange({ ...site, [key]: v }),
        };
        return input ? (
          <InputField key={key} {...input} {...props} />
        ) : (
          <PlaceField key={key} places={places} {...props} />
        );
      })}
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
