/**
 * The community inbox: the tasks under the user's place (and those assigned to them) — filter,
 * sort, page on the server; open one to record its outcome; select several to reassign at once.
 * Overdue tasks stand out (red edge, badge).
 */

import { InboxTabs } from '@renxing/modules/inbox/web';
import { TASK_STATES, type Task, type TaskSort, type TaskState } from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, Loading, Pager, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces, listTasks, reassignTasks, type TaskQuery } from '@renxing/ui/endpoints';
import { useI18n } from '@renxing/ui/i18n';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type AssigneeChoice, AssigneeSelect } from './staff.js';
import { TaskPanel } from './TaskPanel.js';

const PAGE = 20;
const SORTS: TaskSort[] = ['due', 'created', 'updated', 'place'];

interface Filters {
  state: TaskState | '';
  overdue: boolean;
  q: string;
  sort: TaskSort;
}

const DEFAULT: Filters = { state: '', overdue: false, q: '', sort: 'due' };

function Reassign({ ids, onDone }: { ids: string[]; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const [place, setPlace] = useState('');
  const [assignee, setAssignee] = useState<AssigneeChoice>('keep');
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await reassignTasks({
        ids,
        ...(place ? { place } : {}),
        ...(assignee === 'keep' ? {} : { assignedTo: assignee === 'none' ? null : assignee }),
      });
      onDone(t('inbox.moved', { moved: r.moved, skipped: r.skipped }));
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <form className="row reassign" onSubmit={submit} aria-label={t('inbox.reassign')}>
      <span className="muted">{t('inbox.selected', { n: ids.length })}</span>
      <Field label={t('inbox.reassignPlace')}>
        {(id) => (
          <select id={id} value={place} onChange={(e) => setPlace(e.target.value)}>
            <option value="">{t('inbox.keepPlace')}</option>
            <PlaceOptions places={places.data} />
          </select>
        )}
      </Field>
      <AssigneeSelect value={assignee} onChange={setAssignee} keep />
      <button
        type="submit"
        className="primary"
        disabled={ids.length === 0 || (!place && assignee === 'keep')}
      >
        {t('inbox.reassign')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

export function Inbox() {
  const { t } = useI18n();
  const time = useFormatTime();
  const [draft, setDraft] = useState<Filters>(DEFAULT);
  const [filters, setFilters] = useState<Filters>(DEFAULT);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Task | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: TaskQuery = {
    state: filters.state ? [filters.state] : undefined,
    overdue: filters.overdue || undefined,
    q: filters.q.trim() || undefined,
    sort: filters.sort,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  };
  const tasks = useApi((signal) => listTasks(query, signal), [filters, page]);
  const rows = tasks.data?.tasks ?? [];

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setPage(1);
    setSelected(new Set());
  }

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));

  return (
    <div className="page">
      <h1>{t('inbox.title')}</h1>
      <InboxTabs />
      <Card title={t('inbox.title')}>
        <form className="filters" onSubmit={apply} aria-label={t('inbox.filterLabel')}>
          <Field label={t('inbox.filter.state')}>
            {(id) => (
              <select
                id={id}
                value={draft.state}
                onChange={(e) => setDraft({ ...draft, state: e.target.value as TaskState | '' })}
              >
                <option value="">{t('common.all')}</option>
                {TASK_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`inbox.state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('inbox.search')}>
            {(id) => (
              <input id={id} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
            )}
          </Field>
          <Field label={t('inbox.sort.label')}>
            {(id) => (
              <select
                id={id}
                value={draft.sort}
                onChange={(e) => setDraft({ ...draft, sort: e.target.value as TaskSort })}
              >
                {SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`inbox.sort.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.overdue}
              onChange={(e) => setDraft({ ...draft, overdue: e.target.checked })}
            />{' '}
            {t('inbox.filter.overdue')}
          </label>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
        {notice ? (
          <p className="ok" role="status">
            {notice}
          </p>
        ) : null}
        {selected.size > 0 ? (
          <Reassign
            ids={[...selected]}
            onDone={(message) => {
              setNotice(message);
              setSelected(new Set());
              tasks.reload();
            }}
          />
        ) : null}
        {tasks.loading && !tasks.data ? <Loading /> : null}
        {tasks.error ? <ErrorNote error={tasks.error} onRetry={tasks.reload} /> : null}
        {tasks.data ? (
          <>
            <DataTable
              columns={[
                <input
                  key="all"
                  type="checkbox"
                  aria-label={t('inbox.selectAll')}
                  checked={allChecked}
                  onChange={() => setSelected(allChecked ? new Set() : new Set(rows.map((r) => r.id)))}
                />,
                t('inbox.person'),
                t('inbox.phone'),
                t('common.place'),
                t('inbox.case'),
                t('inbox.filter.state'),
                t('inbox.outcome'),
                t('inbox.assignee'),
                t('inbox.due'),
                <span key="open" className="sr-only">
                  {t('common.open')}
                </span>,
              ]}
              testId="tasks"
              empty={rows.length === 0 ? t('inbox.none') : null}
            >
              {rows.map((task) => {
                const name = task.personName ?? task.phoneMasked ?? task.id.slice(0, 8);
                const cls = [task.overdue ? 'overdue' : '', selected.has(task.id) ? 'selected' : '']
                  .join(' ')
                  .trim();
                return (
                  <tr key={task.id} className={cls || undefined} data-overdue={task.overdue ? 'yes' : 'no'}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('inbox.select', { name })}
                        checked={selected.has(task.id)}
                        onChange={() => toggle(task.id)}
                      />
                    </td>
                    <td>{task.personId ? <Link to={`/people/${task.personId}`}>{name}</Link> : name}</td>
                    <td className="mono">{task.phoneMasked ?? '—'}</td>
                    <td>{task.placeName}</td>
                    <td>
                      <Link to={`/cases/${task.caseId}`}>{task.caseLabel}</Link>
                    </td>
                    <td>
                      <span className={`badge state-${task.state}`}>{t(`inbox.state.${task.state}`)}</span>
                    </td>
                    <td>{task.outcome ? t(`inbox.outcome.${task.outcome}`) : '—'}</td>
                    <td>{task.assignedUsername ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
                    <td className="nowrap">
                      {time(task.dueAt)}{' '}
                      {task.overdue ? <span className="badge overdue">{t('inbox.overdue')}</span> : null}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-expanded={open?.id === task.id}
                        aria-label={`${t('common.open')}: ${name}`}
                        onClick={() => setOpen(open?.id === task.id ? null : task)}
                      >
                        {t('common.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            <Pager
              page={page}
              total={tasks.data.total}
              hasNext={page * PAGE < tasks.data.total}
              onPage={(n) => {
                setPage(n);
                setSelected(new Set());
              }}
            />
          </>
        ) : null}
      </Card>
      {open ? (
        <TaskPanel
          key={open.id}
          task={open}
          onSaved={(updated) => {
            setOpen(updated);
            setNotice(t('inbox.recorded'));
            tasks.reload();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
