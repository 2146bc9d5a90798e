/**
 * My requests (我的请求): a department's requests, newest first (a city admin: every
 * department's), accepted or refused with the rule; one request opens with each community it
 * reached, the state there and the answers, which export to XLSX or CSV (written by the server).
 */
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useT } from '@renxing/ui/i18n';
import { NotFound } from '@renxing/ui/NotFound';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getWorkRequest, listWorkRequests } from './api.js';
import { PriorityBadge, useDepartments, useShowValue } from './shared.js';
import './inbox.css';

const PAGE = 20;
type Status = '' | 'accepted' | 'refused';

export function RequestsPage() {
  const t = useT();
  const time = useFormatTime();
  const { name } = useDepartments();
  const [status, setStatus] = useState<Status>('');
  const [page, setPage] = useState(1);
  const requests = useApi(
    (signal) =>
      listWorkRequests({ status: status || undefined, offset: (page - 1) * PAGE, limit: PAGE }, signal),
    [status, page],
  );
  const rows = requests.data?.requests ?? [];
  return (
    <div className="page">
      <h1>{t('requests.title')}</h1>
      <Card title={t('requests.list')}>
        <div className="filters">
          <Field label={t('requests.status')}>
            {(id) => (
              <select
                id={id}
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as Status);
                  setPage(1);
                }}
              >
                <option value="">{t('common.all')}</option>
                <option value="accepted">{t('requests.status.accepted')}</option>
                <option value="refused">{t('requests.status.refused')}</option>
              </select>
            )}
          </Field>
        </div>
        {requests.loading && !requests.data ? <Loading /> : null}
        {requests.error ? <ErrorNote error={requests.error} onRetry={requests.reload} /> : null}
        {requests.data ? (
          <>
            <DataTable
              columns={[
                t('requests.submittedAt'),
                t('wi.department'),
                t('wi.duty'),
                t('requests.requestTitle'),
                t('requests.status'),
                t('requests.progress'),
              ]}
              testId="work-requests"
              empty={rows.length === 0 ? t('requests.none') : null}
            >
              {rows.map((r) => (
                <tr key={r.id} data-status={r.status}>
                  <td className="nowrap">{time(r.submittedAt)}</td>
                  <td>{name(r.department)}</td>
                  <td className="mono">{r.duty}</td>
                  <td>
                    <Link to={`/requests/${r.id}`}>{r.title}</Link>{' '}
                    {r.priority === 'urgent' ? <PriorityBadge priority="urgent" /> : null}
                  </td>
                  <td>
                    {r.status === 'refused' ? (
                      <>
                        <span className="badge colour-red">{t('requests.status.refused')}</span>{' '}
                        <span className="mono muted">{r.refusalCode}</span>
                      </>
                    ) : (
                      <span className="badge colour-green">{t('requests.status.accepted')}</span>
                    )}
                  </td>
                  <td>
                    {r.status === 'accepted'
                      ? t('requests.doneOf', { done: r.done ?? 0, n: r.communities ?? 0 })
                      : '—'}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={page}
              total={requests.data.total}
              hasNext={page * PAGE < requests.data.total}
              onPage={setPage}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}

export function RequestPage() {
  const { id = '' } = useParams();
  const t = useT();
  const time = useFormatTime();
  const show = useShowValue();
  const { name, names } = useDepartments();
  const loaded = useApi((signal) => getWorkRequest(id, signal), [id]);
  if (loaded.error?.status === 404) return <NotFound />;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { request: r, communities } = loaded.data;
  const fields = r.fields ?? [];

  // The server writes the file (formula-like cells neutralised), CSV or XLSX.
  const exportUrl = (format: 'csv' | 'xlsx') => `/api/work-requests/${r.id}/answers?format=${format}`;

  return (
    <div className="page">
      <p>
        <Link to="/requests">← {t('requests.back')}</Link>
      </p>
      <h1>{r.title}</h1>
      <Card title={t('requests.summary')}>
        <dl className="facts">
          <dt>{t('wi.department')}</dt>
          <dd>{name(r.department)}</dd>
          <dt>{t('wi.duty')}</dt>
          <dd className="mono">{r.duty}</dd>
          <dt>{t('wi.kindLabel')}</dt>
          <dd>{t(`wi.kind.${r.kind}`)}</dd>
          <dt>{t('requests.status')}</dt>
          <dd data-testid="request-status">
            {t(`requests.status.${r.status}`)}
            {r.dutyVersion ? ` · ${t('intake.ofVersion', { version: r.dutyVersion })}` : ''}
          </dd>
          <dt>{t('wi.due')}</dt>
          <dd>{time(r.due)}</dd>
          <dt>{t('wi.window')}</dt>
          <dd>{r.window ? `${r.window.from} — ${r.window.to}` : '—'}</dd>
          <dt>{t('intake.targets')}</dt>
          <dd className="mono">{r.targets.join(', ')}</dd>
          {r.resources ? (
            <>
              <dt>{t('intake.resources')}</dt>
              <dd>{r.resources}</dd>
            </>
          ) : null}
        </dl>
        {r.status === 'refused' ? (
          <div className="refusal" data-testid="request-refusal">
            <p>
              <strong>{t('intake.refused')}</strong> <span className="mono muted">{r.refusalCode}</span>
            </p>
            <p>{r.refusalReason}</p>
          </div>
        ) : null}
      </Card>
      {r.status === 'accepted' ? (
        <Card
          title={t('requests.communities')}
          actions={
            <span className="export-links">
              <a href={exportUrl('xlsx')} download aria-label={t('requests.exportXlsxLabel')}>
                {t('requests.exportXlsx')}
              </a>{' '}
              <a href={exportUrl('csv')} download aria-label={t('requests.exportLabel')}>
                {t('requests.export')}
              </a>
            </span>
          }
        >
          <DataTable
            columns={[
              t('wi.community'),
              t('requests.status'),
              t('requests.sharedWith'),
              ...fields.map((f) => f.label),
              t('requests.doneAt'),
            ]}
            testId="request-communities"
          >
            {communities.map((c) => (
              <tr key={c.placePath} data-state={c.state}>
                <td>{c.placeName}</td>
                <td>
                  <span className={`badge state-${c.state}`}>{t(`wi.state.${c.state}`)}</span>
                </td>
                <td>
                  {names(c.departments.filter((d) => d !== r.department)) || <span className="muted">—</span>}
                </td>
                {fields.map((f) => (
                  <td key={f.key} data-key={f.key}>
                    {show(c.answers[f.key])}
                  </td>
                ))}
                <td className="nowrap">{time(c.doneAt)}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ) : null}
    </div>
  );
}
