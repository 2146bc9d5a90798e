/**
 * Volunteers (志愿者): the totals (verified, posted officials, hours served), the list filtered by
 * skill, verification, organisation and posted officials (下沉干部), each volunteer's skills,
 * windows, capacity and hours served, verified from here by those who may; registration and the
 * CSV/XLSX import below.
 */
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import {
  listOrganisations,
  listVolunteers,
  recordVolunteerHours,
  SKILLS,
  type Skill,
  VOLUNTEER_STATES,
  type Volunteer,
  type VolunteerQuery,
  type VolunteerState,
  verifyVolunteer,
} from './api.js';
import { useWords } from './dictionary.js';
import { ImportVolunteers } from './ImportVolunteers.js';
import { RegisterVolunteer } from './RegisterVolunteer.js';
import { Figures, Skills, useAction, useMay, useSkillName, VerificationBadge } from './shared.js';
import './volunteers.css';

const LIMIT = 200;

function VerifyButton({ volunteer, onVerified }: { volunteer: Volunteer; onVerified: () => void }) {
  const { t } = useWords();
  const action = useAction();
  return (
    <span className="state-action">
      <button
        type="button"
        className="primary"
        disabled={action.busy}
        aria-label={t('list.verifyNamed', { name: volunteer.name })}
        onClick={() =>
          action.run(async () => {
            await verifyVolunteer(volunteer.id);
            onVerified();
          })
        }
      >
        {t('list.verify')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </span>
  );
}

function RecordHours({ volunteer, onRecorded }: { volunteer: Volunteer; onRecorded: () => void }) {
  const { t } = useWords();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState('2');
  if (!open)
    return (
      <button
        type="button"
        className="link"
        aria-label={t('hours.recordNamed', { name: volunteer.name })}
        onClick={() => setOpen(true)}
      >
        {t('hours.record')}
      </button>
    );
  return (
    <form
      className="row tight"
      onSubmit={action.submit(async () => {
        await recordVolunteerHours(volunteer.id, { hours: Number(hours) });
        setOpen(false);
        onRecorded();
      })}
    >
      <input
        type="number"
        min={0.25}
        max={24}
        step={0.25}
        required
        className="hours-input"
        aria-label={t('hours.hoursNamed', { name: volunteer.name })}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
      />
      <button type="submit" disabled={action.busy}>
        {t('hours.save')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </form>
  );
}

export function VolunteersPage() {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const skillName = useSkillName();
  const [filter, setFilter] = useState<VolunteerQuery>({});
  const list = useApi(
    (signal) => listVolunteers({ ...filter, limit: LIMIT }, signal),
    [filter.q, filter.skill, filter.state, filter.organisationId, filter.posted],
  );
  // The totals: each a count of its own (limit 1 answers the total).
  const verifiedCount = useApi(
    (signal) => listVolunteers({ state: 'verified', limit: 1 }, signal),
    [list.data],
  );
  const postedCount = useApi((signal) => listVolunteers({ posted: true, limit: 1 }, signal), [list.data]);
  const orgs = useApi((signal) => listOrganisations(signal), []);
  const organisations = orgs.data?.organisations ?? [];
  const data = list.data;
  const verify = may('verifyVolunteer');
  const record = may('recordVolunteerHours');
  const filtered = Boolean(
    filter.q || filter.skill || filter.state || filter.organisationId || filter.posted !== undefined,
  );
  const shownHours = data
    ? Math.round(data.volunteers.reduce((sum, v) => sum + v.hours, 0) * 100) / 100
    : undefined;
  return (
    <div className="page volunteers">
      <h1>{t('list.title')}</h1>
      <p className="muted">{t('list.lead')}</p>
      <Card title={t('list.totals')}>
        <Figures
          testId="volunteer-totals"
          figures={[
            { key: 'volunteers', label: t('list.total'), value: filtered ? undefined : data?.total },
            { key: 'verified', label: t('list.verified'), value: verifiedCount.data?.total },
            { key: 'posted', label: t('list.postedCount'), value: postedCount.data?.total },
            { key: 'hours', label: t('list.hours'), value: shownHours },
          ]}
        />
      </Card>
      <Card title={t('list.table')}>
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
          <Field label={t('list.skill')}>
            {(id) => (
              <select
                id={id}
                value={filter.skill ?? ''}
                onChange={(e) =>
                  setFilter({ ...filter, skill: (e.target.value || undefined) as Skill | undefined })
                }
              >
                <option value="">{t('list.all')}</option>
                {SKILLS.map((s) => (
                  <option key={s} value={s}>
                    {skillName(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('list.verification')}>
            {(id) => (
              <select
                id={id}
                value={filter.state ?? ''}
                onChange={(e) =>
                  setFilter({ ...filter, state: (e.target.value || undefined) as VolunteerState | undefined })
                }
              >
                <option value="">{t('list.all')}</option>
                {VOLUNTEER_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`verification.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('list.organisation')}>
            {(id) => (
              <select
                id={id}
                value={filter.organisationId ?? ''}
                onChange={(e) => setFilter({ ...filter, organisationId: e.target.value || undefined })}
              >
                <option value="">{t('list.all')}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('list.postedFilter')}>
            {(id) => (
              <select
                id={id}
                value={filter.posted === undefined ? '' : String(filter.posted)}
                onChange={(e) =>
                  setFilter({
                    ...filter,
                    posted: e.target.value === '' ? undefined : e.target.value === 'true',
                  })
                }
              >
                <option value="">{t('list.all')}</option>
                <option value="true">{t('list.postedOnly')}</option>
                <option value="false">{t('list.notPosted')}</option>
              </select>
            )}
          </Field>
        </form>
        {list.loading && !data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {data ? (
          <>
            <DataTable
              testId="volunteers"
              columns={[
                t('list.name'),
                t('list.phone'),
                t('list.community'),
                t('list.organisation'),
                t('list.skills'),
                t('list.availability'),
                t('list.capacity'),
                t('list.state'),
                t('list.hoursCol'),
                ...(verify ? [t('list.actions')] : []),
              ]}
              empty={data.volunteers.length === 0 ? t(filtered ? 'list.noMatch' : 'list.none') : null}
            >
              {data.volunteers.map((v) => (
                <tr key={v.id} data-volunteer={v.id} data-state={v.state} data-posted={v.posted}>
                  <td>
                    {v.name} {v.posted ? <span className="badge posted">{t('posted')}</span> : null}
                  </td>
                  <td className="nowrap">{v.phoneMasked}</td>
                  <td>{v.communityName}</td>
                  <td>
                    {v.organisation ? (
                      <>
                        {v.organisation.name}
                        <div className="muted small">{t(`orgKind.${v.organisation.kind}`)}</div>
                      </>
                    ) : (
                      t('none')
                    )}
                  </td>
                  <td>
                    <Skills skills={v.skills} />
                  </td>
                  <td className="small">
                    {v.windows.length === 0
                      ? t('none')
                      : v.windows.map((w) => (
                          <div key={w.from} className="nowrap">
                            {time(w.from)} – {time(w.to)}
                          </div>
                        ))}
                  </td>
                  <td>{v.capacity}</td>
                  <td>
                    <VerificationBadge state={v.state} />
                    {v.verifiedAt ? (
                      <div className="muted small">{t('list.verifiedAt', { time: time(v.verifiedAt) })}</div>
                    ) : null}
                  </td>
                  <td className="nowrap" data-hours={v.hours}>
                    {t('list.hoursValue', { hours: v.hours })}
                    {record ? (
                      <div>
                        <RecordHours volunteer={v} onRecorded={list.reload} />
                      </div>
                    ) : null}
                  </td>
                  {verify ? (
                    <td>
                      {v.state === 'unverified' ? (
                        <VerifyButton volunteer={v} onVerified={list.reload} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </DataTable>
            {data.total > data.volunteers.length ? (
              <p className="muted small">
                {t('list.more', { shown: data.volunteers.length, total: data.total })}
              </p>
            ) : null}
          </>
        ) : null}
      </Card>
      {may('registerVolunteer') ? (
        <RegisterVolunteer organisations={organisations} onRegistered={list.reload} />
      ) : null}
      {may('importVolunteers') ? <ImportVolunteers onImported={list.reload} /> : null}
    </div>
  );
}
