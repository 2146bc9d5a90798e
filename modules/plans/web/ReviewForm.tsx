/**
 * The after-action review (事后评估) of an open incident: each objective — one per task group of
 * the level, and those the reviewers add — rated P, S, M or U with a note; each S, M or U needs a
 * corrective action (what, who owns it, by when, which capability element). It may be sent in parts.
 */
import { isoToLocal, localToIso } from '@renxing/ui/city-time';
import { Card, ErrorNote } from '@renxing/ui/controls';
import { listStaff } from '@renxing/ui/endpoints';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import {
  ELEMENTS,
  type Element,
  type IncidentView,
  type ObjectiveReview,
  RATINGS,
  type Rating,
  submitReview,
} from './api.js';
import { useWords } from './dictionary.js';
import { InputField, SelectField, useAction } from './fields.js';
import { RatingBadge } from './shared.js';

interface ActionDraft {
  title: string;
  owner: string;
  due: string;
  element: Element;
}

interface ObjectiveDraft {
  /** An objective of the incident; undefined: one the reviewers add. */
  id?: string;
  title: string;
  rating: '' | Rating;
  note: string;
  actions: ActionDraft[];
}

const DAY = 86_400_000;

export function ReviewForm({ view, onSaved }: { view: IncidentView; onSaved: (v: IncidentView) => void }) {
  const { t } = useWords();
  const user = useUser();
  const staff = useApi((signal) => listStaff({}, signal), []);
  const initial = (): ObjectiveDraft[] =>
    view.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      rating: o.rating ?? '',
      note: o.note ?? '',
      actions: [],
    }));
  const [drafts, setDrafts] = useState<ObjectiveDraft[]>(initial);
  const action = useAction();
  const set = (i: number, patch: Partial<ObjectiveDraft>) =>
    setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const newAction = (): ActionDraft => ({
    title: '',
    owner: user.id,
    due: isoToLocal(new Date(Date.now() + 30 * DAY).toISOString()),
    element: 'planning',
  });
  const name = (o: ObjectiveDraft) => {
    const objective = view.objectives.find((x) => x.id === o.id);
    return objective?.role ? t(`role.${objective.role}`) : o.title || t('review.newObjective');
  };

  const submit = action.submit(async () => {
    const objectives: ObjectiveReview[] = drafts.flatMap((d) => {
      const before = view.objectives.find((o) => o.id === d.id);
      const rated = d.rating !== '' && (d.rating !== before?.rating || d.note !== (before?.note ?? ''));
      if (d.id && !rated && d.actions.length === 0) return [];
      return [
        {
          ...(d.id ? { id: d.id } : { title: d.title.trim() }),
          ...(rated && d.rating !== '' ? { rating: d.rating, note: d.note } : {}),
          ...(d.actions.length > 0
            ? {
                actions: d.actions.map((a) => ({
                  title: a.title.trim(),
                  owner: a.owner,
                  due: localToIso(a.due) ?? a.due,
                  element: a.element,
                })),
              }
            : {}),
        },
      ];
    });
    if (objectives.length === 0) return;
    const saved = await submitReview(view.incident.id, { objectives });
    onSaved(saved);
    setDrafts(
      saved.objectives.map((o) => ({
        id: o.id,
        title: o.title,
        rating: o.rating ?? '',
        note: o.note ?? '',
        actions: [],
      })),
    );
  });

  return (
    <Card title={t('review.title')}>
      <form className="stack" onSubmit={submit} aria-label={t('review.title')}>
        <p className="muted small">{t('review.lead')}</p>
        {drafts.map((d, i) => {
          const objective = view.objectives.find((o) => o.id === d.id);
          const label = name(d);
          return (
            <fieldset key={d.id ?? `new-${i}`} className="group objective" data-objective={label}>
              <legend>
                {label} {objective ? <RatingBadge rating={objective.rating} /> : null}
                {objective && objective.actions > 0 ? (
                  <span className="muted"> · {t('review.hasActions', { n: objective.actions })}</span>
                ) : null}
              </legend>
              {objective && objective.tasks.length > 0 ? (
                <p className="muted small">{t('review.tasks', { tasks: objective.tasks.join('、') })}</p>
              ) : null}
              <div className="form-grid">
                {d.id ? null : (
                  <InputField
                    label={t('review.objectiveTitle', { n: i + 1 })}
                    required
                    maxLength={200}
                    value={d.title}
                    onValue={(title) => set(i, { title })}
                  />
                )}
                <SelectField
                  label={t('review.rating', { objective: label })}
                  value={d.rating}
                  none={t('rating.none')}
                  required={false}
                  onValue={(v) => set(i, { rating: v as ObjectiveDraft['rating'] })}
                >
                  {RATINGS.map((r) => (
                    <option key={r} value={r}>
                      {t(`rating.${r}`)}
                    </option>
                  ))}
                </SelectField>
                <InputField
                  label={t('review.note', { objective: label })}
                  maxLength={2000}
                  value={d.note}
                  onValue={(note) => set(i, { note })}
                />
              </div>
              {d.actions.map((a, k) => {
                const setAction = (patch: Partial<ActionDraft>) =>
                  set(i, { actions: d.actions.map((x, j) => (j === k ? { ...x, ...patch } : x)) });
                const n = { n: k + 1, objective: label };
                return (
                  <div key={k} className="form-grid action-row">
                    <InputField
                      label={t('review.actionTitle', n)}
                      required
                      maxLength={200}
                      value={a.title}
                      onValue={(title) => setAction({ title })}
                    />
                    <SelectField
                      label={t('review.actionOwner', n)}
                      value={a.owner}
                      onValue={(owner) => setAction({ owner })}
                    >
                      {staff.data?.users.some((u) => u.id === user.id) ? null : (
                        <option value={user.id}>{user.displayName ?? user.username}</option>
                      )}
                      {staff.data?.users.map((u) => (
                        <option key={u.id} value={u.id}>
                          {u.displayName ?? u.username}
                        </option>
                      ))}
                    </SelectField>
                    <InputField
                      label={t('review.actionDue', n)}
                      type="datetime-local"
                      required
                      value={a.due}
                      onValue={(due) => setAction({ due })}
                    />
                    <SelectField
                      label={t('review.actionElement', n)}
                      value={a.element}
                      onValue={(v) => setAction({ element: v as Element })}
                    >
                      {ELEMENTS.map((e) => (
                        <option key={e} value={e}>
                          {t(`element.${e}`)}
                        </option>
                      ))}
                    </SelectField>
                    <div>
                      <button
                        type="button"
                        onClick={() => set(i, { actions: d.actions.filter((_, j) => j !== k) })}
                      >
                        {t('review.removeAction', n)}
                      </button>
                    </div>
                  </div>
                );
              })}
              <div>
                <button type="button" onClick={() => set(i, { actions: [...d.actions, newAction()] })}>
                  {t('review.addAction', { objective: label })}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div className="row">
          <button
            type="button"
            onClick={() => setDrafts([...drafts, { title: '', rating: '', note: '', actions: [] }])}
          >
            {t('review.addObjective')}
          </button>
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t('busy') : t('review.submit')}
          </button>
        </div>
        {action.error ? <ErrorNote error={action.error} /> : null}
      </form>
    </Card>
  );
}
