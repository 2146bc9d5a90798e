/** Cases: register one (health officers, city admins) and list those visible from the user's place. */

import { localToIso } from '@renxing/ui/city-time';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { createCase, listCases, type NewCase } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ACCESS } from '../access.js';
import { DetectionBadge } from './DetectionProgress.js';

const PAGE = 20;

function RegisterCase() {
  const t = useT();
  const navigate = useNavigate();
  const [by, setBy] = useState<'person' | 'phone'>('person');
  const [subject, setSubject] = useState('');
  const [label, setLabel] = useState('');
  const [confirmedAt, setConfirmedAt] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: NewCase = {
      ...(by === 'person' ? { personId: subject.trim() } : { phone: subject.trim() }),
      label: label.trim() || undefined,
      confirmedAt: localToIso(confirmedAt),
      from: localToIso(from),
      to: localToIso(to),
    };
    try {
      const c = await createCase(body);
      navigate(`/cases/${c.id}`, { state: { created: true } });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('cases.register')}>
      <form className="stack" onSubmit={submit} aria-label={t('cases.register')}>
        <fieldset className="row plain">
          <legend>{t('cases.subject')}</legend>
          <label>
            <input type="radio" name="by" checked={by === 'person'} onChange={() => setBy('person')} />{' '}
            {t('cases.subjectPerson')}
          </label>
          <label>
            <input type="radio" name="by" checked={by === 'phone'} onChange={() => setBy('phone')} />{' '}
            {t('cases.subjectPhone')}
          </label>
        </fieldset>
        <div className="form-grid">
          <Field label={by === 'person' ? t('cases.personId') : t('cases.phone')}>
            {(id) => (
              <input
                id={id}
                required
                value={subject}
                inputMode={by === 'phone' ? 'tel' : 'text'}
                onChange={(e) => setSubject(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('cases.label')}>
            {(id) => (
              <input id={id} value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
            )}
          </Field>
          <Field label={t('cases.confirmedAt')}>
            {(id) => (
              <input
                id={id}
                type="datetime-local"
                value={confirmedAt}
                onChange={(e) => setConfirmedAt(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('cases.windowFrom')}>
            {(id) => (
              <input id={id} type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label={t('cases.windowTo')}>
            {(id) => (
              <input id={id} type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
            )}
          </Field>
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {t('cases.submit')}
            </button>
          </div>
        </div>
        {error ? <ErrorNote error={error} /> : null}
      </form>
    </Card>
  );
}

export function CasesPage() {
  const t = useT();
  const user = useUser();
  const time = useFormatTime();
  const [page, setPage] = useState(1);
  const cases = useApi((signal) => listCases({ offset: (page - 1) * PAGE, limit: PAGE }, signal), [page]);
  return (
    <div className="page">
      <h1>{t('cases.title')}</h1>
      {(ACCESS.createCase as readonly string[]).includes(user.role) ? <RegisterCase /> : null}
      <Card title={t('cases.list')}>
        {cases.loading ? <Loading /> : null}
        {cases.error ? <ErrorNote error={cases.error} onRetry={cases.reload} /> : null}
        {cases.data ? (
          <>
            <DataTable
              columns={[
                t('cases.label'),
                t('cases.status'),
                t('cases.confirmedAt'),
                t('common.place'),
                t('cases.detection'),
                t('cases.companions'),
              ]}
              empty={cases.data.cases.length === 0 ? t('common.empty') : null}
            >
              {cases.data.cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`}>{c.label}</Link>
                  </td>
                  <td>{t(`cases.status.${c.status}`)}</td>
                  <td className="nowrap">{time(c.confirmedAt)}</td>
                  <td className="mono">{c.placePath ?? '—'}</td>
                  <td>
                    <DetectionBadge state={c.detection.state} />
                  </td>
                  <td>{c.companionCount}</td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              hasNext={page * PAGE < cases.data.total}
              total={cases.data.total}
              onPage={setPage}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
