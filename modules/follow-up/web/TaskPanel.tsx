/** One task opened: record its state, outcome and note (updateTask). */

import { Timeline } from '@renxing/modules/cases/web';
import {
  TASK_OUTCOMES,
  TASK_STATES,
  type Task,
  type TaskOutcome,
  type TaskState,
} from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Field, useFormatTime } from '@renxing/ui/controls';
import { updateTask } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type AssigneeChoice, AssigneeSelect } from './staff.js';

export function TaskPanel({
  task,
  onSaved,
  onClose,
}: {
  task: Task;
  onSaved: (task: Task) => void;
  onClose: () => void;
}) {
  const t = useT();
  const time = useFormatTime();
  const [state, setState] = useState<TaskState>(task.state);
  const [outcome, setOutcome] = useState<TaskOutcome | ''>(task.outcome ?? '');
  const [note, setNote] = useState(task.note ?? '');
  const [assignee, setAssignee] = useState<AssigneeChoice>(task.assignedTo ?? 'none');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLDivElement>(null);
  const finished = task.state === 'done' || task.state === 'not_executable';
  const name = task.personName ?? task.phoneMasked ?? '';

  useEffect(() => {
    heading.current?.querySelector('select, textarea, button')?.scrollIntoView({ block: 'nearest' });
    (heading.current?.querySelector('select') as HTMLSelectElement | null)?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await updateTask(task.id, {
        ...(state !== task.state ? { state } : {}),
        outcome: outcome || null,
        note: note.trim() || null,
        ...(assignee !== (task.assignedTo ?? 'none')
          ? { assignedTo: assignee === 'none' ? null : assignee }
          : {}),
      });
      onSaved(updated);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={heading}>
      <Card
        title={t('inbox.taskOf', { name, label: task.caseLabel })}
        actions={
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        }
      >
        <dl className="facts">
          <dt>{t('common.place')}</dt>
          <dd>{task.placeName}</dd>
          <dt>{t('inbox.due')}</dt>
          <dd>
            {time(task.dueAt)}{' '}
            {task.overdue ? <span className="badge overdue">{t('inbox.overdue')}</span> : null}
          </dd>
          {task.cell ? (
            <>
              <dt>{t('inbox.cell')}</dt>
              <dd className="mono">{task.cell}</dd>
            </>
          ) : null}
        </dl>
        {task.overlapStart && task.overlapEnd ? (
          <Timeline start={task.overlapStart} end={task.overlapEnd} />
        ) : null}
        <form className="form-grid" onSubmit={submit} aria-label={t('inbox.record')}>
          <Field label={t('inbox.filter.state')}>
            {(id) => (
              <select
                id={id}
                value={state}
                disabled={finished}
                onChange={(e) => setState(e.target.value as TaskState)}
              >
                {TASK_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`inbox.state.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('inbox.outcome')}>
            {(id) => (
              <select
                id={id}
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as TaskOutcome | '')}
              >
                <option value="">{t('inbox.noOutcome')}</option>
                {TASK_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`inbox.outcome.${o}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {finished ? null : (
            <AssigneeSelect
              value={assignee}
              onChange={setAssignee}
              current={
                task.assignedTo ? { id: task.assignedTo, username: task.assignedUsername ?? null } : null
              }
            />
          )}
          <Field label={t('inbox.note')}>
            {(id) => <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div>
            <button type="submit" className="primary" disabled={busy}>
              {t('inbox.record')}
            </button>
          </div>
        </form>
        {error ? <ErrorNote error={error} /> : null}
      </Card>
    </div>
  );
}
