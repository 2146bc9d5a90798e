/**
 * The responsibility list (社区工作事项清单) for city admins: the items of the version in force
 * (or an earlier one), searched by code or title; its versions; a new version imported from a CSV
 * or XLSX with rejects by line; one-off admissions (一事一议) approved and listed; departments.
 */
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import {
  approveAdmission,
  createDepartment,
  DUTY_LISTS,
  type DutyImported,
  type DutyList,
  importDutyList,
  listAdmissions,
  listDepartments,
  listDutyItems,
} from './api.js';
import { cityInstant, cityLocal, DepartmentOptions, ListBadge, useDepartments } from './shared.js';
import './inbox.css';

function Items({ reloadKey }: { reloadKey: number }) {
  const t = useT();
  const time = useFormatTime();
  const { name } = useDepartments();
  const [draft, setDraft] = useState({ q: '', list: '' as DutyList | '', version: '' });
  const [query, setQuery] = useState(draft);
  const list = useApi(
    (signal) =>
      listDutyItems(
        {
          q: query.q.trim() || undefined,
          list: query.list || undefined,
          version: query.version ? Number(query.version) : undefined,
        },
        signal,
      ),
    [query, reloadKey],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
  };
  return (
    <>
      <Card title={list.data ? t('duty.items', { version: list.data.version }) : t('duty.itemsTitle')}>
        <form className="filters" onSubmit={search} aria-label={t('duty.search')}>
          <Field label={t('duty.q')}>
            {(id) => (
              <input id={id} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
            )}
          </Field>
          <Field label={t('duty.list')}>
            {(id) => (
              <select
                id={id}
                value={draft.list}
                onChange={(e) => setDraft({ ...draft, list: e.target.value as DutyList | '' })}
              >
                <option value="">{t('common.all')}</option>
                {DUTY_LISTS.map((l) => (
                  <option key={l} value={l}>
                    {t(`duty.list.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('duty.version')}>
            {(id) => (
              <select
                id={id}
                value={draft.version}
                onChange={(e) => setDraft({ ...draft, version: e.target.value })}
              >
                <option value="">{t('duty.inForce')}</option>
                {(list.data?.versions ?? []).map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('duty.versionN', { version: v.version })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('duty.searchButton')}
            </button>
          </div>
        </form>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <DataTable
            columns={[
              t('duty.code'),
              t('duty.list'),
              t('duty.itemTitle'),
              t('wi.department'),
              t('duty.legalBasis'),
            ]}
            testId="duty-items"
            empty={list.data.items.length === 0 ? t('duty.none') : null}
          >
            {list.data.items.map((i) => (
              <tr key={i.code} data-list={i.list}>
                <td className="mono">{i.code}</td>
                <td>
                  <ListBadge list={i.list} />
                </td>
                <td>{i.title}</td>
                <td>{name(i.department)}</td>
                <td>{i.legalBasis}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </Card>
      <Card title={t('duty.versions')}>
        <DataTable
          columns={[
            t('duty.version'),
            t('duty.publishedAt'),
            t('duty.publishedBy'),
            t('duty.note'),
            t('duty.count'),
          ]}
          testId="duty-versions"
          empty={list.data && list.data.versions.length === 0 ? t('duty.noVersions') : null}
        >
          {(list.data?.versions ?? []).map((v) => (
            <tr key={v.version}>
              <td>{t('duty.versionN', { version: v.version })}</td>
              <td className="nowrap">{time(v.publishedAt)}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>{v.note ?? '—'}</td>
              <td>{v.items}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}

function Import({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DutyImported | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await importDutyList(file, note.trim() || null));
      onImported();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('duty.import')}>
      <p className="muted small">{t('duty.importLead')}</p>
      <form className="form-grid" onSubmit={submit} aria-label={t('duty.import')}>
        <Field label={t('duty.file')}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field label={t('duty.note')}>
          {(id) => <input id={id} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary" disabled={busy || !file}>
            {t('duty.publish')}
          </button>
        </div>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {result ? (
        <div className="stack" role="status" data-testid="duty-import-result">
          <p className={result.rejects.length ? '' : 'ok'}>
            {t('duty.imported', {
              version: result.version,
              items: result.items,
              rows: result.rows,
              rejects: result.rejects.length,
            })}
          </p>
          {result.rejects.length > 0 ? (
            <DataTable columns={[t('duty.line'), t('duty.field'), t('duty.reason')]} testId="duty-rejects">
              {result.rejects.map((r) => (
                <tr key={`${r.line}-${r.field}`}>
                  <td>{r.line}</td>
                  <td className="mono">{r.field}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function Admissions() {
  const t = useT();
  const time = useFormatTime();
  const { departments, name } = useDepartments();
  const admissions = useApi((signal) => listAdmissions(signal), []);
  const [form, setForm] = useState({
    department: '',
    duty: '',
    reason: '',
    validUntil: cityLocal(Math.floor(Date.now() / 1000) + 30 * 86400),
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const { id } = await approveAdmission({
        department: form.department,
        duty: form.duty.trim(),
        reason: form.reason.trim(),
        validUntil: cityInstant(form.validUntil),
      });
      setNotice(t('duty.admitted', { id: id.slice(0, 8) }));
      admissions.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  const rows = admissions.data ?? [];
  return (
    <Card title={t('duty.admissions')}>
      <p className="muted small">{t('duty.admissionsLead')}</p>
      <form className="form-grid" onSubmit={submit} aria-label={t('duty.approve')}>
        <Field label={t('wi.department')}>
          {(id) => (
            <select
              id={id}
              value={form.department}
              required
              onChange={(e) => setForm({ ...form, department: e.target.value })}
            >
              <option value="">{t('intake.chooseDepartment')}</option>
              <DepartmentOptions departments={departments} />
            </select>
          )}
        </Field>
        <Field label={t('duty.code')}>
          {(id) => (
            <input
              id={id}
              className="mono"
              value={form.duty}
              required
              onChange={(e) => setForm({ ...form, duty: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('duty.reason')}>
          {(id) => (
            <input
              id={id}
              value={form.reason}
              required
              maxLength={500}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('duty.validUntil')}>
          {(id) => (
            <input
              id={id}
              type="datetime-local"
              value={form.validUntil}
              required
              onChange={(e) => setForm({ ...form, validUntil: e.target.value })}
            />
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('duty.approve')}
          </button>
        </div>
      </form>
      {notice ? (
        <p className="ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {admissions.error ? <ErrorNote error={admissions.error} onRetry={admissions.reload} /> : null}
      <DataTable
        columns={[
          t('wi.department'),
          t('duty.code'),
          t('duty.reason'),
          t('duty.approvedBy'),
          t('duty.approvedAt'),
          t('duty.validUntil'),
        ]}
        testId="admissions"
        empty={admissions.data && rows.length === 0 ? t('duty.noAdmissions') : null}
      >
        {rows.map((a) => (
          <tr key={a.id}>
            <td>{name(a.department)}</td>
            <td className="mono">{a.duty}</td>
            <td>{a.reason}</td>
            <td>{a.approvedBy ?? '—'}</td>
            <td className="nowrap">{time(new Date(a.approvedAt * 1000).toISOString())}</td>
            <td className="nowrap">{time(new Date(a.validUntil * 1000).toISOString())}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

function Departments() {
  const t = useT();
  const loaded = useApi((signal) => listDepartments(signal), []);
  const departments = loaded.data;
  const [form, setForm] = useState({ code: '', name: '', nameEn: '' });
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await createDepartment({
        code: form.code.trim(),
        name: form.name.trim(),
        nameEn: form.nameEn.trim() || null,
      });
      setForm({ code: '', name: '', nameEn: '' });
      loaded.reload();
    } catch (err) {
      setError(asApiError(err));
    }
  }
  return (
    <Card title={t('duty.departments')}>
      <DataTable
        columns={[t('duty.departmentCode'), t('duty.departmentName'), t('duty.departmentNameEn')]}
        testId="departments"
      >
        {(departments ?? []).map((d) => (
          <tr key={d.code}>
            <td className="mono">{d.code}</td>
            <td>{d.name}</td>
            <td>{d.nameEn ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      <form className="form-grid" onSubmit={submit} aria-label={t('duty.addDepartment')}>
        <Field label={t('duty.departmentCode')}>
          {(id) => (
            <input
              id={id}
              className="mono"
              value={form.code}
              required
              pattern="^[a-z][a-z0-9_\-]{0,31}$"
              onChange={(e) => setForm({ ...form, code: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('duty.departmentName')}>
          {(id) => (
            <input
              id={id}
              value={form.name}
              required
              onChange={(e) => setForm({ ...form, name: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('duty.departmentNameEn')}>
          {(id) => (
            <input
              id={id}
              value={form.nameEn}
              onChange={(e) => setForm({ ...form, nameEn: e.target.value })}
            />
          )}
        </Field>
        <div className="filter-actions">
          <button type="submit">{t('duty.addDepartment')}</button>
        </div>
      </form>
      {error ? <ErrorNote error={error} /> : null}
    </Card>
  );
}

export function DutyListPage() {
  const t = useT();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <div className="page">
      <h1>{t('duty.title')}</h1>
      <p className="muted">{t('duty.lead')}</p>
      <Items reloadKey={reloadKey} />
      <Import onImported={() => setReloadKey((n) => n + 1)} />
      <Admissions />
      <Departments />
    </div>
  );
}
