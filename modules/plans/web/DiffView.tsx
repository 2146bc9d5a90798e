/** The diff between two versions, level by level: tasks, norms and shelters added, removed, changed. */
import { LEVELS, type LevelDiff, type PlanTask, type VersionDiff } from './api.js';
import { useWords } from './dictionary.js';
import { LevelBadge } from './shared.js';

function levelEmpty(d: LevelDiff): boolean {
  return (
    d.tasks.added.length +
      d.tasks.removed.length +
      d.tasks.changed.length +
      d.norms.added.length +
      d.norms.removed.length +
      d.norms.changed.length +
      d.shelters.added.length +
      d.shelters.removed.length ===
    0
  );
}

function TaskText({ task }: { task: PlanTask }) {
  const { t } = useWords();
  return (
    <>
      <span className="mono">{task.key}</span> {task.title}{' '}
      <span className="muted">
        {t('task.whoValue', {
          role: t(`role.${task.who.role}`),
          level: t(`placeLevel.${task.who.placeLevel}`),
        })}{' '}
        · {t('task.dueValue', { h: task.dueOffsetHours })}
        {task.group ? ` · ${t('task.groupValue', { group: task.group })}` : ''}
      </span>
    </>
  );
}

export function DiffView({ diff, testId }: { diff: VersionDiff; testId?: string }) {
  const { t } = useWords();
  const levels = LEVELS.filter((l) => !levelEmpty(diff[l]));
  if (levels.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {t('diff.none')}
      </p>
    );
  return (
    <div className="plan-diff stack" data-testid={testId}>
      {levels.map((level) => {
        const d = diff[level];
        return (
          <section key={level} className="diff-level" data-level={level}>
            <h3>
              <LevelBadge level={level} />
            </h3>
            <ul className="plain-list diff-lines">
              {d.tasks.added.map((task) => (
                <li key={`ta-${task.key}`} className="diff-added" data-task={task.key}>
                  <b>{t('diff.taskAdded')}</b> <TaskText task={task} />
                </li>
              ))}
              {d.tasks.removed.map((task) => (
                <li key={`tr-${task.key}`} className="diff-removed" data-task={task.key}>
                  <b>{t('diff.taskRemoved')}</b> <TaskText task={task} />
                </li>
              ))}
              {d.tasks.changed.map((c) => (
                <li key={`tc-${c.key}`} className="diff-changed" data-task={c.key}>
                  <b>{t('diff.taskChanged')}</b> <span className="mono">{c.key}</span>{' '}
                  {c.fields.map((f) => t(`diff.field.${f}`)).join(t('diff.sep'))}
                  {t('diff.colon')}
                  <span className="muted">
                    <TaskText task={c.before} />
                  </span>{' '}
                  → <TaskText task={c.after} />
                </li>
              ))}
              {d.norms.added.map((n) => (
                <li key={`na-${n.item}`} className="diff-added">
                  <b>{t('diff.normAdded')}</b> {t('norm.value', { item: n.item, n: n.perResident })}
                </li>
              ))}
              {d.norms.removed.map((n) => (
                <li key={`nr-${n.item}`} className="diff-removed">
                  <b>{t('diff.normRemoved')}</b> {t('norm.value', { item: n.item, n: n.perResident })}
                </li>
              ))}
              {d.norms.changed.map((n) => (
                <li key={`nc-${n.item}`} className="diff-changed">
                  <b>{t('diff.normChanged')}</b>{' '}
                  {t('diff.normChange', { item: n.item, before: n.before, after: n.after })}
                </li>
              ))}
              {d.shelters.added.map((s) => (
                <li key={`sa-${s}`} className="diff-added">
                  <b>{t('diff.shelterAdded')}</b> <span className="mono">{s}</span>
                </li>
              ))}
              {d.shelters.removed.map((s) => (
                <li key={`sr-${s}`} className="diff-removed">
                  <b>{t('diff.shelterRemoved')}</b> <span className="mono">{s}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
