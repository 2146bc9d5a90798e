/**
 * Registering one volunteer: name, phone, community, skills, one availability window, capacity,
 * organisation; an official posted down (下沉干部) names their unit. The new volunteer is
 * unverified until verified from the list.
 */
import { isoToLocal, localToIso } from '@renxing/ui/city-time';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { type Organisation, registerVolunteer, SKILLS, type Skill } from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useSkillName } from './shared.js';

const HOUR = 3_600_000;

export function RegisterVolunteer({
  organisations,
  onRegistered,
}: {
  organisations: readonly Organisation[];
  onRegistered: () => void;
}) {
  const { t } = useWords();
  const user = useUser();
  const skillName = useSkillName();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const now = Math.ceil(Date.now() / HOUR) * HOUR;
  const [form, setForm] = useState({
    name: '',
    phone: '',
    place: user.placePath ?? '',
    from: isoToLocal(new Date(now).toISOString()),
    to: isoToLocal(new Date(now + 8 * HOUR).toISOString()),
    capacity: '2',
    organisationId: '',
    posted: false,
    lon: '',
    lat: '',
    account: false,
    username: '',
    password: '',
  });
  const [skills, setSkills] = useState<Skill[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const units = organisations.filter((o) => o.kind === 'unit');
  const choices = form.posted ? units : organisations;

  const submit = action.submit(async () => {
    setDone(null);
    const from = localToIso(form.from);
    const to = localToIso(form.to);
    const v = await registerVolunteer({
      name: form.name.trim(),
      phone: form.phone.trim(),
      community: form.place,
      skills,
      windows: from && to ? [{ from, to }] : [],
      capacity: Number(form.capacity),
      ...(form.organisationId ? { organisationId: form.organisationId } : {}),
      posted: form.posted,
      ...(form.lon && form.lat ? { lon: Number(form.lon), lat: Number(form.lat) } : {}),
      ...(form.account ? { account: { username: form.username.trim(), password: form.password } } : {}),
    });
    setDone(t('register.done', { name: v.name }));
    setForm({ ...form, name: '', phone: '', username: '', password: '', account: false });
    setSkills([]);
    onRegistered();
  });

  return (
    <Card title={t('register.title')}>
      <p className="muted small">{t('register.lead')}</p>
      <form className="stack" onSubmit={submit} aria-label={t('register.title')}>
        <div className="form-grid">
          <Field label={t('register.name')}>
            {(id) => (
              <input
                id={id}
                required
                maxLength={100}
                value={form.name}
                onChange={(e) => set({ name: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.phone')}>
            {(id) => (
              <input
                id={id}
                required
                inputMode="tel"
                pattern="\+?[0-9]{5,20}"
                value={form.phone}
                onChange={(e) => set({ phone: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.community')}>
            {(id) => (
              <select id={id} required value={form.place} onChange={(e) => set({ place: e.target.value })}>
                <PlaceOptions places={places.data} />
              </select>
            )}
          </Field>
          <Field label={t('register.from')}>
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                required
                value={form.from}
                onChange={(e) => set({ from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.to')}>
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                required
                value={form.to}
                onChange={(e) => set({ to: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.capacity')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={20}
                required
                value={form.capacity}
                onChange={(e) => set({ capacity: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.lon')}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                min={-180}
                max={180}
                value={form.lon}
                onChange={(e) => set({ lon: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('register.lat')}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                min={-90}
                max={90}
                value={form.lat}
                onChange={(e) => set({ lat: e.target.value })}
              />
            )}
          </Field>
        </div>
        <fieldset className="group">
          <legend>{t('register.skills')}</legend>
          <div className="checks">
            {SKILLS.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={skills.includes(s)}
                  onChange={(e) =>
                    setSkills(
                      e.target.checked
                        ? SKILLS.filter((k) => k === s || skills.includes(k))
                        : skills.filter((k) => k !== s),
                    )
                  }
                />
                {skillName(s)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={form.posted}
            onChange={(e) => set({ posted: e.target.checked, organisationId: '' })}
          />
          {t('register.posted')}
        </label>
        <Field label={form.posted ? t('register.unit') : t('register.organisation')}>
          {(id) => (
            <select
              id={id}
              required={form.posted}
              value={form.organisationId}
              onChange={(e) => set({ organisationId: e.target.value })}
            >
              <option value="">{form.posted ? '' : t('register.noOrganisation')}</option>
              {choices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} · {t(`orgKind.${o.kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check">
          <input
            type="checkbox"
            checked={form.account}
            onChange={(e) => set({ account: e.target.checked })}
          />
          {t('register.account')}
        </label>
        {form.account ? (
          <div className="form-grid">
            <Field label={t('register.username')}>
              {(id) => (
                <input
                  id={id}
                  required
                  autoComplete="off"
                  pattern="[a-z0-9][a-z0-9._@+\-]{1,63}"
                  value={form.username}
                  onChange={(e) => set({ username: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('register.password')}>
              {(id) => (
                <input
                  id={id}
                  type="password"
                  required
                  autoComplete="new-password"
                  minLength={8}
                  maxLength={200}
                  value={form.password}
                  onChange={(e) => set({ password: e.target.value })}
                />
              )}
            </Field>
          </div>
        ) : null}
        <div className="row">
          <button type="submit" className="primary" disabled={action.busy || skills.length === 0}>
            {action.busy ? t('busy') : t('register.submit')}
          </button>
          {skills.length === 0 ? <span className="muted small">{t('register.pickSkill')}</span> : null}
          {done ? (
            <span role="status" className="ok" data-testid="volunteer-registered">
              {done}
            </span>
          ) : null}
        </div>
        {action.error ? <ErrorNote error={action.error} /> : null}
      </form>
    </Card>
  );
}
