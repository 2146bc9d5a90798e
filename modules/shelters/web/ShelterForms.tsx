/** The managers' forms: a new shelter (its place's centre as the first guess of its location) and an import file. */
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { type InputHTMLAttributes, type ReactNode, useState } from 'react';
import {
  createShelter,
  importShelters,
  type NewShelter,
  OFFERS,
  type Offer,
  SHELTER_TYPES,
  type ShelterImport,
  type ShelterType,
} from './api.js';
import { useWords } from './dictionary.js';
import { useAction } from './shared.js';

function Input({
  label,
  value,
  onValue,
  ...input
}: { label: string; value: string; onValue: (v: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange'
>) {
  return (
    <Field label={label}>
      {(id) => <input id={id} {...input} value={value} onChange={(e) => onValue(e.target.value)} />}
    </Field>
  );
}

const EMPTY = {
  name: '',
  place: '',
  address: '',
  lon: '',
  lat: '',
  day: '',
  night: '',
  type: 'indoor' as ShelterType,
  offers: [] as Offer[],
};

export function CreateShelter({ onCreated }: { onCreated: () => void }) {
  const { t } = useWords();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const set = (patch: Partial<typeof EMPTY>) => setForm({ ...form, ...patch });

  function choosePlace(path: string) {
    const p = places.data?.find((x) => x.path === path);
    // The place's centre as a first guess of the location, unless one is typed already.
    set({
      place: path,
      ...(p?.lon != null && p.lat != null && !form.lon && !form.lat
        ? { lon: String(p.lon), lat: String(p.lat) }
        : {}),
    });
  }

  const submit = action.submit(async () => {
    const body: NewShelter = {
      place: form.place,
      name: form.name.trim(),
      address: form.address.trim() || null,
      lon: Number(form.lon),
      lat: Number(form.lat),
      capacityDay: Number(form.day),
      capacityNight: Number(form.night),
      type: form.type,
      offers: form.offers,
    };
    const created = await createShelter(body);
    setDone(t('create.created', { name: created.name }));
    setForm(EMPTY);
    onCreated();
  });

  const offer = (o: Offer): ReactNode => (
    <label key={o} className="check">
      <input
        type="checkbox"
        checked={form.offers.includes(o)}
        onChange={(e) =>
          set({ offers: e.target.checked ? [...form.offers, o] : form.offers.filter((x) => x !== o) })
        }
      />
      {t(`offer.${o}`)}
    </label>
  );

  return (
    <Card title={t('create.title')}>
      <form className="stack shelter-form" onSubmit={submit} data-testid="create-shelter">
        <div className="form-grid">
          <Input
            label={t('create.name')}
            value={form.name}
            onValue={(name) => set({ name })}
            required
            maxLength={200}
          />
          <Field label={t('create.place')}>
            {(id) => (
              <select id={id} required value={form.place} onChange={(e) => choosePlace(e.target.value)}>
                <option value="" />
                <PlaceOptions places={places.data} />
              </select>
            )}
          </Field>
          <Input
            label={t('create.address')}
            value={form.address}
            onValue={(address) => set({ address })}
            maxLength={500}
          />
          <Input
            label={t('create.lon')}
            value={form.lon}
            onValue={(lon) => set({ lon })}
            required
            inputMode="decimal"
            type="number"
            step="any"
            min={-180}
            max={180}
          />
          <Input
            label={t('create.lat')}
            value={form.lat}
            onValue={(lat) => set({ lat })}
            required
            inputMode="decimal"
            type="number"
            step="any"
            min={-90}
            max={90}
          />
          <Input
            label={t('create.day')}
            value={form.day}
            onValue={(day) => set({ day })}
            required
            type="number"
            min={0}
            step={1}
          />
          <Input
            label={t('create.night')}
            value={form.night}
            onValue={(night) => set({ night })}
            required
            type="number"
            min={0}
            step={1}
          />
          <Field label={t('create.type')}>
            {(id) => (
              <select
                id={id}
                value={form.type}
                onChange={(e) => set({ type: e.target.value as ShelterType })}
              >
                {SHELTER_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`type.${x}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="group">
          <legend>{t('create.offers')}</legend>
          <div className="row">{OFFERS.map(offer)}</div>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('create.submit')}
          </button>
          {done ? (
            <span className="ok" role="status">
              {done}
            </span>
          ) : null}
        </div>
        {action.error ? <ErrorNote error={action.error} /> : null}
      </form>
    </Card>
  );
}

export function ImportShelters({ onImported }: { onImported: () => void }) {
  const { t, lang } = useWords();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ShelterImport | null>(null);
  const action = useAction();
  const submit = action.submit(async () => {
    if (!file) return;
    setResult(await importShelters(file));
    onImported();
  });
  return (
    <Card title={t('import.title')}>
      <p className="muted small">{t('import.lead')}</p>
      <form className="row" onSubmit={submit}>
        <Field label={t('import.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              required
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" disabled={!file || action.busy}>
          {action.busy ? t('busy') : t('import.submit')}
        </button>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {result ? (
        <div className="stack" data-testid="shelter-import">
          <p role="status">
            {t('import.done', {
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged: result.unchanged,
              rejects: result.rejects.length,
            })}
          </p>
          {result.rejects.length > 0 ? (
            <DataTable columns={[t('import.line'), t('import.reason')]} testId="shelter-import-rejects">
              {result.rejects.map((r) => (
                <tr key={`${r.line}-${r.reason}`}>
                  <td>{r.line}</td>
                  <td>{r.message[lang]}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
