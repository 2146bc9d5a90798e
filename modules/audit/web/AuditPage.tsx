/** Auditors browse and filter the audit log (keyset pages) and see the chain's verification. */

import type { AuditCheck, ChainCheck, AuditPage as Page } from '@renxing/ui/api-types';
import { localToIso } from '@renxing/ui/city-time';
import { api } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { type Translate, useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';

interface Filter {
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { actor: '', action: '', subject_type: '', subject_id: '', from: '', to: '' };

function chainText(t: Translate, check: ChainCheck | AuditCheck, page: boolean): string {
  if (check.ok) return t(page ? 'audit.pageOk' : 'audit.chainOk', { rows: check.rows });
  return t(page ? 'audit.pageBroken' : 'audit.chainBroken', {
    seq: check.seq ?? '?',
    problem: t(`audit.problem.${check.problem ?? 'hash'}`),
  });
}

function sealText(t: Translate, check: AuditCheck): string {
  return check.sealedThrough === null
    ? t('audit.unsealed')
    : t('audit.sealed', { seq: check.sealedThrough, seals: check.seals });
}

function ChainWidget() {
  const t = useT();
  const chain = useApi((signal) => api.get<AuditCheck>('/api/audit/verify', undefined, signal), []);
  return (
    <Card
      title={t('audit.chain')}
      actions={
        <button type="button" onClick={chain.reload} disabled={chain.loading}>
          {t('audit.verify')}
        </button>
      }
    >
      {chain.loading ? <Loading /> : null}
      {chain.error ? <ErrorNote error={chain.error} onRetry={chain.reload} /> : null}
      {chain.data && !chain.loading ? (
        <p className={chain.data.ok ? 'ok' : 'error'} role="status" data-testid="chain-result">
          {chainText(t, chain.data, false)} <span data-testid="chain-seals">{sealText(t, chain.data)}</span>
        </p>
      ) : null}
    </Card>
  );
}

export function AuditPage() {
  const t = useT();
  const time = useFormatTime();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  // Keyset paging: the `after` of each page seen so far.
  const [afters, setAfters] = useState<(number | undefined)[]>([undefined]);
  const after = afters[afters.length - 1];
  const page = useApi(
    (signal) =>
      api.get<Page>(
        '/api/audit',
        {
          actor: filter.actor.trim(),
          action: filter.action.trim(),
          subject_type: filter.subject_type.trim(),
          subject_id: filter.subject_id.trim(),
          from: localToIso(filter.from),
          to: localToIso(filter.to),
          after,
          limit: 50,
        },
        signal,
      ),
    [filter, after],
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter(draft);
    setAfters([undefined]);
  }

  const text = (key: keyof Filter, label: string, type = 'text') => (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type={type}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <div className="page">
      <h1>{t('audit.title')}</h1>
      <ChainWidget />
      <Card title={t('audit.title')}>
        <form className="filters" onSubmit={apply} aria-label={t('common.apply')}>
          {text('actor', t('audit.filter.actor'))}
          {text('action', t('audit.filter.action'))}
          {text('subject_type', t('audit.filter.subjectType'))}
          {text('subject_id', t('audit.filter.subjectId'))}
          {text('from', t('audit.filter.from'), 'datetime-local')}
          {text('to', t('audit.filter.to'), 'datetime-local')}
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(EMPTY);
                setFilter(EMPTY);
                setAfters([undefined]);
              }}
            >
              {t('common.clear')}
            </button>
          </div>
        </form>
        {page.loading ? <Loading /> : null}
        {page.error ? <ErrorNote error={page.error} onRetry={page.reload} /> : null}
        {page.data ? (
          <>
            <p className={page.data.verification.ok ? 'ok' : 'error'} data-testid="page-check">
              {chainText(t, page.data.verification, true)}
            </p>
            <DataTable
              columns={[
                t('audit.seq'),
                t('audit.at'),
                t('audit.actor'),
                t('audit.action'),
                t('audit.subject'),
                t('audit.reason'),
                t('audit.detail'),
              ]}
              empty={page.data.rows.length === 0 ? t('common.empty') : null}
            >
              {page.data.rows.map((r) => (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td className="nowrap">{time(r.at)}</td>
                  <td className="mono">{r.actor}</td>
                  <td className="mono">{r.action}</td>
                  <td className="mono">
                    {r.subject ? `${r.subject.type ?? ''} ${r.subject.id ?? ''}` : '—'}
                  </td>
                  <td>{r.reason ?? '—'}</td>
                  <td className="mono detail">{JSON.stringify(r.detail)}</td>
                </tr>
              ))}
            </DataTable>
            <Pager
              page={afters.length}
              hasNext={page.data.next !== null}
              onPage={(n) => {
                if (n > afters.length && page.data?.next != null) setAfters([...afters, page.data.next]);
                else if (n < afters.length) setAfters(afters.slice(0, n));
              }}
            />
          </>
        ) : null}
      </Card>
    </div>
  );
}
