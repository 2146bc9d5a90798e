/**
 * One item of the community inbox: the departments and requests behind it, its fields with their
 * pre-fills (value, source, date) to confirm or correct, conflicts, and one answer for every
 * department (answerWorkItem); a task is started and finished (updateWorkItem). An item another
 * area raised shows its origin, its subject and its detail instead of requests.
 */
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useT } from '@renxing/ui/i18n';
import { NotFound } from '@renxing/ui/NotFound';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  answerWorkItem,
  type FieldValue,
  getWorkItem,
  type ItemField,
  type ItemState,
  updateWorkItem,
  type WorkItemView,
} from './api.js';
import { DetailList, PlatformFacts } from './platform.js';
import { usePlatformWords } from './platform-dictionary.js';
import { PriorityBadge, useDepartments, useShowValue } from './shared.js';
import './inbox.css';

/** The text an input holds for a value. */
const asText = (v: FieldValue | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** What the input's text sends, by the field's type; undefined: nothing (left empty). */
function parse(field: ItemField, text: string): FieldValue | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (field.type === 'integer' || field.type === 'number') return Number(s);
  if (field.type === 'boolean') return s === 'true';
  return s;
}

function Source({ field }: { field: ItemField }) {
  const t = useT();
  const show = useShowValue();
  const p = field.prefill;
  if (!p) return null;
  const [kind, what] = [p.source.split(':')[0], p.source.slice(p.source.indexOf(':') + 1)];
  const source =
    kind === 'item' ? (
      <Link to={`/inbox/items/${what}`}>{t('wi.source.item')}</Link>
    ) : (
      t('wi.source.platform', { what })
    );
  const confirmed = field.answer?.prefilled === true;
  return (
    <small className={confirmed ? 'prefill confirmed' : 'prefill'} data-testid={`prefill-${field.answerKey}`}>
      {confirmed ? t('wi.prefill.confirmed') : t('wi.prefill')} {show(p.value)} · {t('wi.prefill.from')}{' '}
      {source} · {p.date}
    </small>
  );
}

function FieldInput({
  field,
  value,
  onChange,
  disabled,
  department,
}: {
  field: ItemField;
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
  department: (codes: readonly string[]) => string;
}) {
  const t = useT();
  const id = `f-${field.answerKey}`;
  const label = (
    <label htmlFor={id}>
      {field.label} <span className="muted mono">{field.answerKey}</span>
    </label>
  );
  let input: ReactNode;
  if (field.type === 'boolean')
    input = (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value="">—</option>
        <option value="true">{t('wi.yes')}</option>
        <option value="false">{t('wi.no')}</option>
      </select>
    );
  else
    input = (
      <input
        id={id}
        type={
          field.type === 'integer' || field.type === 'number'
            ? 'number'
            : field.type === 'date'
              ? 'date'
              : 'text'
        }
        step={field.type === 'integer' ? 1 : field.type === 'number' ? 'any' : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
      />
    );
  return (
    <div className="field" data-field={field.answerKey}>
      {label}
      {input}
      <Source field={field} />
      <small className="muted">
        {t('wi.askedBy')} {department(field.departments)}
      </small>
    </div>
  );
}

function AnswerForm({
  item,
  onSaved,
  department,
}: {
  item: WorkItemView;
  onSaved: (item: WorkItemView) => void;
  department: (codes: readonly string[]) => string;
}) {
  const t = useT();
  const initial = () =>
    Object.fromEntries(item.fields.map((f) => [f.answerKey, asText(f.answer?.value ?? f.prefill?.value)]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(
    () =>
      setValues(
        Object.fromEntries(
          item.fields.map((f) => [f.answerKey, asText(f.answer?.value ?? f.prefill?.value)]),
        ),
      ),
    [item],
  );
  const done = item.state === 'done';
  const prefilled = item.fields.filter((f) => f.prefill && !f.answer).length;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const out: Record<string, FieldValue> = {};
    for (const f of item.fields) {
      const v = parse(f, values[f.answerKey] ?? '');
      if (v !== undefined) out[f.answerKey] = v;
    }
    setBusy(true);
    try {
      onSaved(await answerWorkItem(item.id, out));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('wi.answerForm')} className="stack">
      <p className="muted small">
        {t('wi.answerLead', { n: item.departments.length })}
        {prefilled > 0 ? ` ${t('wi.prefillLead', { n: prefilled })}` : ''}
      </p>
      <div className="answer-grid">
        {item.fields.map((f) => (
          <FieldInput
            key={f.answerKey}
            field={f}
            value={values[f.answerKey] ?? ''}
            onChange={(v) => setValues({ ...values, [f.answerKey]: v })}
            disabled={done || busy}
            department={department}
          />
        ))}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {done ? null : (
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('wi.answer')}
          </button>
        </div>
      )}
    </form>
  );
}

export function ItemPage() {
  const { id = '' } = useParams();
  const t = useT();
  const time = useFormatTime();
  const { name, names } = useDepartments();
  const words = usePlatformWords();
  const loaded = useApi((signal) => getWorkItem(id, signal), [id]);
  const [item, setItem] = useState<WorkItemView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => setItem(loaded.data ?? null), [loaded.data]);

  if (loaded.error?.status === 404) return <NotFound />;
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!item) return <Loading />;

  async function move(state: ItemState) {
    setError(null);
    try {
      const next = await updateWorkItem(id, state);
      setItem(next);
      // An item another area raised has no departments to tell.
      if (state === 'done' && next.origin) setNotice(words.t('finished'));
      else setNotice(t(state === 'done' ? 'wi.finished' : 'wi.started'));
    } catch (err) {
      setError(asApiError(err));
    }
  }

  const span = item.window ? `${item.window.from} — ${item.window.to}` : '—';
  const origin = item.origin;
  return (
    <div className="page">
      <p>
        <Link to="/inbox">← {t('wi.back')}</Link>
      </p>
      <h1>{item.title}</h1>
      {origin ? (
        <p className="muted" data-testid="platform-lead">
          {words.t('lead', { origin: words.origin(origin) })}
        </p>
      ) : null}
      <Card title={t('wi.summary')}>
        <dl className="facts" data-testid="item-facts">
          <dt>{t('wi.state')}</dt>
          <dd>
            <span className={`badge state-${item.state}`} data-testid="item-state">
              {t(`wi.state.${item.state}`)}
            </span>
            {item.overdue ? <span className="badge overdue">{t('wi.overdue')}</span> : null}
          </dd>
          <dt>{t('common.place')}</dt>
          <dd>{item.placeName}</dd>
          <dt>{t('wi.duty')}</dt>
          <dd className="mono">{item.duty}</dd>
          <dt>{t('wi.kindLabel')}</dt>
          <dd>{t(`wi.kind.${item.kind}`)}</dd>
          <dt>{t('wi.window')}</dt>
          <dd>{span}</dd>
          <dt>{t('wi.due')}</dt>
          <dd>{time(item.due)}</dd>
          <dt>{t('wi.priority')}</dt>
          <dd>
            <PriorityBadge priority={item.priority} />
          </dd>
          {origin ? (
            <PlatformFacts item={{ ...item, origin }} />
          ) : (
            <>
              <dt>{t('wi.departments')}</dt>
              <dd data-testid="item-departments">{names(item.departments)}</dd>
            </>
          )}
        </dl>
        {notice ? (
          <p className="ok" role="status">
            {notice}
          </p>
        ) : null}
        {error ? <ErrorNote error={error} /> : null}
        {item.state !== 'done' ? (
          <div className="row">
            {item.state === 'open' ? (
              <button type="button" onClick={() => move('in_progress')}>
                {t('wi.start')}
              </button>
            ) : null}
            {item.kind === 'task' || item.fields.length === 0 ? (
              <button type="button" className="primary" onClick={() => move('done')}>
                {t('wi.finish')}
              </button>
            ) : null}
          </div>
        ) : null}
      </Card>
      {origin ? (
        <Card title={words.t('detail')}>
          <DetailList detail={item.detail} />
        </Card>
      ) : (
        <Card title={t('wi.behind')}>
          <DataTable
            columns={[
              t('wi.department'),
              t('wi.request'),
              t('wi.window'),
              t('wi.due'),
              t('wi.priority'),
              t('wi.state'),
            ]}
            testId="item-demands"
          >
            {item.demandList.map((d) => (
              <tr key={d.id}>
                <td>{name(d.department)}</td>
                <td>{d.title}</td>
                <td>{d.window ? `${d.window.from} — ${d.window.to}` : '—'}</td>
                <td className="nowrap">{time(new Date(d.due * 1000).toISOString())}</td>
                <td>
                  <PriorityBadge priority={d.priority} />
                </td>
                <td>{t(d.state === 'done' ? 'wi.state.done' : 'wi.state.open')}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}
      {item.conflictList.length > 0 ? (
        <Card title={t('wi.conflicts')}>
          <ul className="plain-list stack" data-testid="conflicts">
            {item.conflictList.map((c) => (
              <li key={c.key} className="conflict">
                {t('wi.conflictOf', {
                  key: c.key,
                  types: c.types
                    .map((x) => `${t(`wi.type.${x.type}`)} (${names(x.departments)})`)
                    .join(' / '),
                })}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {item.fields.length > 0 ? (
        <Card title={t('wi.fields')}>
          <AnswerForm
            item={item}
            department={names}
            onSaved={(next) => {
              setItem(next);
              setNotice(t(next.state === 'done' ? 'wi.answeredDone' : 'wi.answered'));
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
