/**
 * A plan's next version: starts from its draft, else its newest version; per level its tasks (key,
 * title, group, performer's role and place level, hours after activation), supply norms (catalogue
 * item, per resident) and shelters (ids, one a line). Saved as a draft, or published with a change
 * note naming the corrective actions it closes — then frozen, and used by the next activation.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useApi } from '@renxing/ui/use-api';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  emptyLevels,
  getPlan,
  LEVELS,
  type Level,
  type Levels,
  listActions,
  type PlanTask,
  type Published,
  publishVersion,
  saveDraft,
  TASK_PLACE_LEVELS,
  TASK_ROLES,
  type TaskPlaceLevel,
  type TaskRole,
} from './api.js';
import { DiffView } from './DiffView.js';
import { useWords } from './dictionary.js';
import { InputField, SelectField, TextField, useAction } from './fields.js';
import { planHref } from './index.js';
import { LevelBadge, useObjectiveName } from './shared.js';
import './plans.css';

/** A level as the form holds it: numbers and shelter lines as typed. */
interface LevelForm {
  tasks: {
    key: string;
    title: string;
    group: string;
    role: TaskRole;
    placeLevel: TaskPlaceLevel;
    due: string;
  }[];
  norms: { item: string; perResident: string }[];
  shelters: string;
}
type Form = Record<Level, LevelForm>;

const toForm = (levels: Levels): Form =>
  Object.fromEntries(
    LEVELS.map((l) => [
      l,
      {
        tasks: levels[l].tasks.map((t) => ({
          key: t.key,
          title: t.title,
          group: t.group ?? '',
          role: t.who.role,
          placeLevel: t.who.placeLevel,
          due: String(t.dueOffsetHours),
        })),
        norms: levels[l].norms.map((n) => ({ item: n.item, perResident: String(n.perResident) })),
        shelters: levels[l].shelters.join('\n'),
      },
    ]),
  ) as Form;

const toLevels = (form: Form): Levels =>
  Object.fromEntries(
    LEVELS.map((l) => [
      l,
      {
        tasks: form[l].tasks.map(
          (t): PlanTask => ({
            key: t.key.trim(),
            title: t.title.trim(),
            ...(t.group.trim() ? { group: t.group.trim() } : {}),
            who: { role: t.role, placeLevel: t.placeLevel },
            dueOffsetHours: Number(t.due),
          }),
        ),
        norms: form[l].norms.map((n) => ({ item: n.item.trim(), perResident: Number(n.perResident) })),
        shelters: form[l].shelters
          .split(/[\s,，]+/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      },
    ]),
  ) as Levels;

function LevelEditor({
  level,
  value,
  onChange,
}: {
  level: Level;
  value: LevelForm;
  onChange: (v: LevelForm) => void;
}) {
  const { t } = useWords();
  const setTask = (i: number, patch: Partial<LevelForm['tasks'][number]>) =>
    onChange({ ...value, tasks: value.tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setNorm = (i: number, patch: Partial<LevelForm['norms'][number]>) =>
    onChange({ ...value, norms: value.norms.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const n = (i: number) => ({ n: i + 1, level });
  return (
    <div className="stack" data-level={level}>
      <fieldset className="group">
        <legend>{t('editor.tasks')}</legend>
        {value.tasks.map((task, i) => (
          <div key={i} className="task-row form-grid" data-task-row={i}>
            <InputField
              label={t('editor.taskKey', n(i))}
              required
              pattern="[a-z0-9][a-z0-9_.\-]{0,63}"
              value={task.key}
              onValue={(key) => setTask(i, { key })}
            />
            <InputField
              label={t('editor.taskTitle', n(i))}
              required
              maxLength={200}
              value={task.title}
              onValue={(title) => setTask(i, { title })}
            />
            <SelectField
              label={t('editor.taskRole', n(i))}
              value={task.role}
              onValue={(v) => setTask(i, { role: v as TaskRole })}
            >
              {TASK_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('editor.taskPlaceLevel', n(i))}
              value={task.placeLevel}
              onValue={(v) => setTask(i, { placeLevel: v as TaskPlaceLevel })}
            >
              {TASK_PLACE_LEVELS.map((p) => (
                <option key={p} value={p}>
                  {t(`placeLevel.${p}`)}
                </option>
              ))}
            </SelectField>
            <InputField
              label={t('editor.taskDue', n(i))}
              type="number"
              required
              min={0}
              max={8760}
              step={1}
              value={task.due}
              onValue={(due) => setTask(i, { due })}
            />
            <InputField
              label={t('editor.taskGroup', n(i))}
              hint={t('editor.taskGroupHint')}
              maxLength={100}
              value={task.group}
              onValue={(group) => setTask(i, { group })}
            />
            <div>
              <button
                type="button"
                onClick={() => onChange({ ...value, tasks: value.tasks.filter((_, j) => j !== i) })}
              >
                {t('editor.removeTask', n(i))}
              </button>
            </div>
          </div>
        ))}
        <div>
          <button
            type="button"
            onClick={() =>
              onChange({
                ...value,
                tasks: [
                  ...value.tasks,
                  {
                    key: '',
                    title: '',
                    group: '',
                    role: 'community_worker',
                    placeLevel: 'community',
                    due: '2',
                  },
                ],
              })
            }
          >
            {t('editor.addTask', { level })}
          </button>
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>{t('editor.norms')}</legend>
        {value.norms.map((norm, i) => (
          <div key={i} className="row">
            <InputField
              label={t('editor.normItem', n(i))}
              required
              value={norm.item}
              onValue={(item) => setNorm(i, { item })}
            />
            <InputField
              label={t('editor.normPerResident', n(i))}
              type="number"
              required
              min={0}
              step="any"
              value={norm.perResident}
              onValue={(perResident) => setNorm(i, { perResident })}
            />
            <button
              type="button"
              onClick={() => onChange({ ...value, norms: value.norms.filter((_, j) => j !== i) })}
            >
              {t('editor.removeNorm', n(i))}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            onClick={() => onChange({ ...value, norms: [...value.norms, { item: '', perResident: '' }] })}
          >
            {t('editor.addNorm', { level })}
          </button>
        </div>
      </fieldset>
      <TextField
        label={t('editor.shelters', { level })}
        hint={t('editor.sheltersHint')}
        value={value.shelters}
        onValue={(shelters) => onChange({ ...value, shelters })}
      />
    </div>
  );
}

export function VersionEditor() {
  const { id = '' } = useParams();
  const { t } = useWords();
  const time = useFormatTime();
  const objectiveName = useObjectiveName();
  const view = useApi((signal) => getPlan(id, undefined, signal), [id]);
  const open = useApi((signal) => listActions({ planId: id, state: 'open' }, signal), [id]);
  const [form, setForm] = useState<Form | null>(null);
  const [level, setLevel] = useState<Level>('IV');
  const [note, setNote] = useState('');
  const [closes, setCloses] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [published, setPublished] = useState<Published | null>(null);
  const action = useAction();

  useEffect(() => {
    if (view.data && form === null)
      setForm(toForm(view.data.draft?.levels ?? view.data.version?.levels ?? emptyLevels()));
  }, [view.data, form]);

  if (view.error) return <ErrorNote error={view.error} onRetry={view.reload} />;
  if (!view.data || !form) return <Loading />;
  const v = view.data;
  const source = v.draft
    ? t('editor.fromDraft', { at: time(v.draft.savedAt) })
    : v.version
      ? t('editor.fromVersion', { n: v.version.number })
      : t('editor.fromEmpty');

  const save = () =>
    action.run(async () => {
      const draft = await saveDraft(v.plan.id, toLevels(form));
      setSaved(time(draft.savedAt));
    });
  const publish = action.submit(async () => {
    const done = await publishVersion(v.plan.id, { levels: toLevels(form), changeNote: note.trim(), closes });
    setPublished(done);
    setNote('');
    setCloses([]);
    view.reload();
    open.reload();
  });

  return (
    <div className="page plans">
      <h1>{t('editor.title', { plan: v.plan.title })}</h1>
      <p className="muted">
        {t('editor.lead')} {source}
      </p>
      <p>
        <Link to={planHref(v.plan.id)}>{t('editor.back')}</Link>
      </p>
      <form className="stack" onSubmit={publish} aria-label={t('editor.form')}>
        <div className="level-tabs" role="tablist" aria-label={t('editor.levels')}>
          {LEVELS.map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={l === level}
              className={l === level ? 'tab active' : 'tab'}
              onClick={() => setLevel(l)}
            >
              <LevelBadge level={l} /> {t('editor.levelCount', { tasks: form[l].tasks.length })}
            </button>
          ))}
        </div>
        <Card title={t(`level.${level}`)}>
          <LevelEditor level={level} value={form[level]} onChange={(x) => setForm({ ...form, [level]: x })} />
        </Card>
        <div className="row">
          <button type="button" disabled={action.busy} onClick={() => void save()}>
            {t('editor.save')}
          </button>
          {saved ? (
            <span className="ok" role="status">
              {t('editor.saved', { at: saved })}
            </span>
          ) : null}
        </div>
        <Card title={t('publish.title')}>
          <div className="stack">
            <TextField
              label={t('publish.note')}
              hint={v.versions.length > 0 ? t('publish.noteRequired') : undefined}
              maxLength={2000}
              value={note}
              onValue={setNote}
            />
            <fieldset className="group" data-testid="closes">
              <legend>{t('publish.closes')}</legend>
              {open.data && open.data.length === 0 ? (
                <p className="muted small">{t('publish.noOpen')}</p>
              ) : null}
              {open.data?.map((a) => (
                <label key={a.id} className="check">
                  <input
                    type="checkbox"
                    checked={closes.includes(a.id)}
                    onChange={(e) => {
                      const on = e.target.checked;
                      setCloses(on ? [...closes, a.id] : closes.filter((x) => x !== a.id));
                      // The change note names the action it closes.
                      if (on && !note.includes(a.id))
                        setNote(
                          (n) => `${n}${n ? '\n' : ''}${t('publish.names', { title: a.title, id: a.id })}`,
                        );
                    }}
                  />
                  {a.title}{' '}
                  <span className="muted">
                    （{objectiveName(a.objective)} · {a.objective.rating ?? '—'}）
                  </span>
                </label>
              ))}
            </fieldset>
            {action.error ? <ErrorNote error={action.error} /> : null}
            <div>
              <button type="submit" className="primary" disabled={action.busy}>
                {action.busy ? t('busy') : t('publish.submit')}
              </button>
            </div>
            {published ? (
              <div className="stack" role="status" data-testid="published">
                <p className="ok">
                  {t('publish.done', { n: published.version.number, closed: published.closed.length })}{' '}
                  <Link to={planHref(v.plan.id)}>{t('publish.open')}</Link>
                </p>
                {published.diff ? <DiffView diff={published.diff} /> : null}
              </div>
            ) : null}
          </div>
        </Card>
      </form>
    </div>
  );
}
