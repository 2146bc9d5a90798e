/**
 * Department intake (部门派单): a department's task or form for communities. The duty code is
 * checked against the responsibility list as it is typed (its list, title and legal basis, and
 * whether it would be refused); on submit, the communities reached and which merged into an item
 * already open, or the refusal naming its rule.
 */
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { type MessageKey, useT } from '@renxing/ui/i18n';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  type DutyItem,
  FIELD_TYPES,
  type FieldSpec,
  type FieldType,
  listAdmissions,
  listDutyItems,
  listWorkRequests,
  PRIORITIES,
  type Priority,
  type Submitted,
  submitWorkRequest,
  WORK_KINDS,
  type WorkKind,
} from './api.js';
import { cityInstant, cityLocal, DepartmentOptions, ListBadge, useDepartments } from './shared.js';
import './inbox.css';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'found'; item: DutyItem; version: number }
  | { state: 'unlisted'; version: number };

/** Looks the code up in the list in force as it is typed (after a short pause). */
function useDutyCheck(code: string): Check {
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  useEffect(() => {
    const c = code.trim();
    if (!c || /\s/.test(c)) {
      setCheck({ state: 'idle' });
      return;
    }
    setCheck({ state: 'checking' });
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listDutyItems({ code: c }, controller.signal).then(
        (r) =>
          setCheck(
            r.items[0]
              ? { state: 'found', item: r.items[0], version: r.version }
              : { state: 'unlisted', version: r.version },
          ),
        () => {
          if (!controller.signal.aborted) setCheck({ state: 'idle' });
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [code]);
  return check;
}

function DutyCheck({ check, department }: { check: Check; department: (code: string) => string }) {
  const t = useT();
  if (check.state === 'idle') return null;
  if (check.state === 'checking')
    return (
      <div className="duty-check" role="status" data-testid="duty-check">
        <p className="muted">{t('intake.checking')}</p>
      </div>
    );
  if (check.state === 'unlisted')
    return (
      <div className="duty-check refuse" role="status" data-testid="duty-check" data-list="unlisted">
        <p>
          <strong>{t('intake.unlisted', { version: check.version })}</strong>
        </p>
        <p>{t('intake.warn.unlisted')}</p>
      </div>
    );
  const { item } = check;
  const tone =
    item.list === 'negative' || item.list === 'cert_abolished'
      ? 'refuse'
      : item.list === 'assist'
        ? 'caution'
        : '';
  const warn =
    item.list === 'negative'
      ? t('intake.warn.negative')
      : item.list === 'cert_abolished'
        ? t('intake.warn.abolished')
        : item.list === 'assist'
          ? t('intake.warn.assist')
          : t('intake.warn.ok');
  return (
    <div className={`duty-check ${tone}`} role="status" data-testid="duty-check" data-list={item.list}>
      <p>
        <ListBadge list={item.list} /> <strong>{item.title}</strong>{' '}
        <span className="muted">
          {t('intake.ofVersion', { version: check.version })} · {department(item.department)}
        </span>
      </p>
      <p>
        {t('duty.legalBasis')}：{item.legalBasis}
      </p>
      <p>{warn}</p>
    </div>
  );
}

interface FieldDraft extends FieldSpec {
  n: number;
}

function FieldsEditor({ fields, onChange }: { fields: FieldDraft[]; onChange: (f: FieldDraft[]) => void }) {
  const t = useT();
  const set = (i: number, patch: Partial<FieldDraft>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="plain stack" data-testid="fields-editor">
      <legend>{t('intake.fields')}</legend>
      {fields.length === 0 ? <p className="muted small">{t('intake.noFields')}</p> : null}
      {fields.map((f, i) => (
        <div className="field-row" key={f.n}>
          <Field label={t('intake.field.key', { n: i + 1 })}>
            {(id) => (
              <input
                id={id}
                className="mono"
                value={f.key}
                placeholder="residents.over_80"
                pattern="^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
                required
                onChange={(e) => set(i, { key: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('intake.field.label', { n: i + 1 })}>
            {(id) => (
              <input id={id} value={f.label} required onChange={(e) => set(i, { label: e.target.value })} />
            )}
          </Field>
          <Field label={t('intake.field.type', { n: i + 1 })}>
            {(id) => (
              <select id={id} value={f.type} onChange={(e) => set(i, { type: e.target.value as FieldType })}>
                {FIELD_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`wi.type.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            aria-label={t('intake.field.remove', { n: i + 1 })}
            onClick={() => onChange(fields.filter((_, j) => j !== i))}
          >
            {t('intake.remove')}
          </button>
        </div>
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() =>
            onChange([
              ...fields,
              { n: Math.max(0, ...fields.map((x) => x.n)) + 1, key: '', label: '', type: 'integer' },
            ])
          }
        >
          {t('intake.addField')}
        </button>
      </div>
    </fieldset>
  );
}

function Result({ result, department }: { result: Submitted; department: string }) {
  const t = useT();
  const joined = result.communities.filter((c) => c.joined).length;
  return (
    <div className="accepted stack" role="status" data-testid="intake-result">
      <p>
        <strong>{t('intake.accepted', { n: result.communities.length, version: result.dutyVersion })}</strong>{' '}
        {joined > 0 ? t('intake.joinedSome', { n: joined }) : null}
      </p>
      <DataTable columns={[t('wi.community'), t('intake.merge')]} testId="reached">
        {result.communities.map((c) => (
          <tr key={c.path} data-joined={c.joined ? 'yes' : 'no'}>
            <td>
              {c.name} <span className="muted mono">{c.path}</span>
            </td>
            <td>{c.joined ? t('intake.joined') : t('intake.newItem')}</td>
          </tr>
        ))}
      </DataTable>
      <p>
        <Link to={`/requests/${result.id}`}>{t('intake.openRequest')}</Link>{' '}
        <span className="muted">({department})</span>
      </p>
    </div>
  );
}

const RULES: Record<string, MessageKey> = {
  RX_DUTY_NEGATIVE: 'duty.list.negative',
  RX_DUTY_ABOLISHED: 'duty.list.cert_abolished',
  RX_DUTY_NO_RESOURCES: 'intake.rule.noResources',
  RX_DUTY_UNLISTED: 'intake.rule.unlisted',
};

export function IntakePage() {
  const t = useT();
  const { departments, name } = useDepartments();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const admissions = useApi((signal) => listAdmissions(signal), []);
  // A department officer's department: the one of their latest request, until they choose.
  const latest = useApi((signal) => listWorkRequests({ limit: 1 }, signal), []);
  const [department, setDepartment] = useState('');
  const [duty, setDuty] = useState('');
  const [kind, setKind] = useState<WorkKind>('form');
  const [title, setTitle] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [due, setDue] = useState(
    () => `${cityLocal(Math.floor(Date.now() / 1000) + 7 * 86400).slice(0, 11)}18:00`,
  );
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [resources, setResources] = useState('');
  const [admission, setAdmission] = useState('');
  const [fields, setFields] = useState<FieldDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Submitted | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const check = useDutyCheck(duty);
  const chosen = department || latest.data?.requests[0]?.department || '';
  const fitting = (admissions.data ?? []).filter(
    (a) => a.duty === duty.trim() && a.department === chosen && a.validUntil * 1000 > Date.now(),
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      setResult(
        await submitWorkRequest({
          department: chosen,
          duty: duty.trim(),
          kind,
          title: title.trim(),
          targets,
          due: cityInstant(due),
          window: from && to ? { from, to } : null,
          priority,
          resources: resources.trim() || null,
          admission: admission || null,
          fields: fields.map(({ key, label, type }) => ({ key: key.trim(), label: label.trim(), type })),
        }),
      );
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const refused = error && error.status === 422 && error.code in RULES;
  return (
    <div className="page">
      <h1>{t('intake.title')}</h1>
      <p className="muted">{t('intake.lead')}</p>
      <Card title={t('intake.form')}>
        <form onSubmit={submit} aria-label={t('intake.form')} className="stack">
          <div className="form-grid">
            <Field label={t('wi.department')}>
              {(id) => (
                <select id={id} value={chosen} required onChange={(e) => setDepartment(e.target.value)}>
                  <option value="">{t('intake.chooseDepartment')}</option>
                  <DepartmentOptions departments={departments} />
                </select>
              )}
            </Field>
            <Field label={t('intake.duty')} hint={t('intake.dutyHint')}>
              {(id) => (
                <input
                  id={id}
                  className="mono"
                  value={duty}
                  required
                  autoComplete="off"
                  onChange={(e) => setDuty(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('wi.kindLabel')}>
              {(id) => (
                <select id={id} value={kind} onChange={(e) => setKind(e.target.value as WorkKind)}>
                  {WORK_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`wi.kind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('wi.priority')}>
              {(id) => (
                <select id={id} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {t(`wi.priority.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div aria-live="polite">
            <DutyCheck check={check} department={name} />
          </div>
          <Field label={t('intake.requestTitle')}>
            {(id) => (
              <input
                id={id}
                value={title}
                required
                maxLength={200}
                onChange={(e) => setTitle(e.target.value)}
              />
            )}
          </Field>
          <div className="form-grid">
            <Field label={t('intake.targets')} hint={t('intake.targetsHint')}>
              {(id) => (
                <select
                  id={id}
                  multiple
                  size={6}
                  required
                  value={targets}
                  onChange={(e) => setTargets([...e.target.selectedOptions].map((o) => o.value))}
                >
                  <PlaceOptions places={places.data} />
                </select>
              )}
            </Field>
            <Field label={t('wi.due')}>
              {(id) => (
                <input
                  id={id}
                  type="datetime-local"
                  value={due}
                  required
                  onChange={(e) => setDue(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('intake.windowFrom')}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={from}
                  required={to !== ''}
                  onChange={(e) => setFrom(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('intake.windowTo')}>
              {(id) => (
                <input
                  id={id}
                  type="date"
                  value={to}
                  min={from || undefined}
                  required={from !== ''}
                  onChange={(e) => setTo(e.target.value)}
                />
              )}
            </Field>
          </div>
          <Field
            label={t('intake.resources')}
            hint={
              check.state === 'found' && check.item.list === 'assist'
                ? t('intake.warn.assist')
                : t('intake.resourcesHint')
            }
          >
            {(id) => (
              <textarea
                id={id}
                rows={2}
                value={resources}
                maxLength={2000}
                onChange={(e) => setResources(e.target.value)}
              />
            )}
          </Field>
          {fitting.length > 0 || check.state === 'unlisted' ? (
            <Field label={t('intake.admission')}>
              {(id) => (
                <select id={id} value={admission} onChange={(e) => setAdmission(e.target.value)}>
                  <option value="">{t('intake.noAdmission')}</option>
                  {fitting.map((a) => (
                    <option key={a.id} value={a.id}>
                      {`${a.reason} (${a.id.slice(0, 8)})`}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <FieldsEditor fields={fields} onChange={setFields} />
          <div className="row">
            <button type="submit" className="primary" disabled={busy}>
              {t('intake.submit')}
            </button>
          </div>
        </form>
        {result ? <Result result={result} department={name(chosen)} /> : null}
        {refused && error ? (
          <div className="refusal" role="alert" data-testid="intake-refusal" data-code={error.code}>
            <p>
              <strong>{t('intake.refused')}</strong>{' '}
              <span className="badge colour-red">{t(RULES[error.code])}</span>{' '}
              <span className="mono muted">{error.code}</span>
            </p>
            <p>{error.message}</p>
          </div>
        ) : error ? (
          <ErrorNote error={error} />
        ) : null}
      </Card>
    </div>
  );
}
