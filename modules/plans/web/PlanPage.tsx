/**
 * A plan: its facts, its published versions (each frozen, with its change note and the corrective
 * actions it closed), one version's content level by level, the diff between any two versions,
 * its incidents, and activating it.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ActivateForm } from './ActivateForm.js';
import { diffVersions, getPlan, LEVELS, type Levels, listIncidents, type PlanView } from './api.js';
import { DiffView } from './DiffView.js';
import { useWords } from './dictionary.js';
import { SelectField } from './fields.js';
import { incidentHref, planEditHref } from './index.js';
import { HazardBadge, LevelBadge, PlaceNames, useMay } from './shared.js';
import './plans.css';

/** A version's content: per level, its tasks, norms and shelters. */
export function VersionContent({ levels }: { levels: Levels }) {
  const { t } = useWords();
  return (
    <div className="stack">
      {LEVELS.map((level) => {
        const l = levels[level];
        const empty = l.tasks.length + l.norms.length + l.shelters.length === 0;
        return (
          <section key={level} className="plan-level" data-level={level}>
            <h3>
              <LevelBadge level={level} />
            </h3>
            {empty ? <p className="muted small">{t('content.empty')}</p> : null}
            {l.tasks.length > 0 ? (
              <DataTable
                columns={[t('task.key'), t('task.title'), t('task.who'), t('task.due'), t('task.group')]}
              >
                {l.tasks.map((task) => (
                  <tr key={task.key} data-task={task.key}>
                    <td className="mono">{task.key}</td>
                    <td>{task.title}</td>
                    <td>
                      {t('task.whoValue', {
                        role: t(`role.${task.who.role}`),
                        level: t(`placeLevel.${task.who.placeLevel}`),
                      })}
                    </td>
                    <td className="nowrap">{t('task.dueValue', { h: task.dueOffsetHours })}</td>
                    <td>{task.group ?? <span className="muted">{t('task.groupByRole')}</span>}</td>
                  </tr>
                ))}
              </DataTable>
            ) : null}
            {l.norms.length > 0 ? (
              <p className="small">
                {t('content.norms')}：
                {l.norms.map((n) => t('norm.value', { item: n.item, n: n.perResident })).join('；')}
              </p>
            ) : null}
            {l.shelters.length > 0 ? (
              <p className="small">{t('content.shelters', { n: l.shelters.length })}</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function DiffPanel({ view }: { view: PlanView }) {
  const { t } = useWords();
  const numbers = view.versions.map((v) => v.number);
  const last = numbers[numbers.length - 1];
  const [from, setFrom] = useState(String(Math.max(1, last - 1)));
  const [to, setTo] = useState(String(last));
  const diff = useApi(
    (signal) => diffVersions(view.plan.id, Number(from), Number(to), signal),
    [view.plan.id, from, to],
  );
  return (
    <Card title={t('diff.title')}>
      <div className="form-grid">
        {(
          [
            ['diff.from', from, setFrom],
            ['diff.to', to, setTo],
          ] as const
        ).map(([label, value, set]) => (
          <SelectField key={label} label={t(label)} value={value} onValue={set}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {t('version.n', { n })}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      {diff.error ? <ErrorNote error={diff.error} onRetry={diff.reload} /> : null}
      {diff.data ? <DiffView diff={diff.data.diff} testId="plan-diff" /> : <Loading />}
    </Card>
  );
}

function PlanIncidents({ planId }: { planId: string }) {
  const { t } = useWords();
  const time = useFormatTime();
  const incidents = useApi((signal) => listIncidents({ planId }, signal), [planId]);
  if (!incidents.data || incidents.data.length === 0) return null;
  return (
    <Card title={t('plan.incidents')}>
      <DataTable
        columns={[
          t('incidents.activatedAt'),
          t('incidents.level'),
          t('incidents.places'),
          t('incidents.state'),
        ]}
      >
        {incidents.data.map((i) => (
          <tr key={i.id}>
            <td>
              <Link to={incidentHref(i.id)}>{time(i.activatedAt)}</Link>
            </td>
            <td>
              <LevelBadge level={i.level} />
            </td>
            <td>
              <PlaceNames places={i.places} />
            </td>
            <td>{t(`state.${i.state}`)}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const [number, setNumber] = useState<number | undefined>(undefined);
  const view = useApi((signal) => getPlan(id, number, signal), [id, number]);
  const v = view.data;
  return (
    <div className="page plans">
      {view.error ? <ErrorNote error={view.error} onRetry={view.reload} /> : null}
      {!v ? (
        <Loading />
      ) : (
        <>
          <h1>
            {v.plan.title} <HazardBadge hazard={v.plan.hazard} />
          </h1>
          <dl className="facts">
            <dt>{t('plans.owner')}</dt>
            <dd>{v.plan.owner.name}</dd>
            <dt>{t('plans.places')}</dt>
            <dd>
              <PlaceNames places={v.plan.places} />
            </dd>
          </dl>
          {v.editable && may('publishPlanVersion') ? (
            <p>
              <Link className="button" to={planEditHref(v.plan.id)}>
                {v.plan.draftSavedAt ? t('plan.editDraft') : t('plan.edit')}
              </Link>
            </p>
          ) : null}
          <Card title={t('plan.versions')}>
            <DataTable
              columns={[
                t('version.number'),
                t('version.published'),
                t('version.note'),
                t('version.closes'),
                '',
              ]}
              testId="versions"
              empty={v.versions.length === 0 ? t('plan.noVersion') : null}
            >
              {[...v.versions].reverse().map((s) => (
                <tr key={s.id} data-version={s.number}>
                  <td>{t('version.n', { n: s.number })}</td>
                  <td className="nowrap">{time(s.publishedAt)}</td>
                  <td>{s.changeNote || <span className="muted">—</span>}</td>
                  <td>{s.closes.length}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-pressed={v.version?.number === s.number}
                      onClick={() => setNumber(s.number)}
                    >
                      {t('version.view', { n: s.number })}
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          </Card>
          {v.version ? (
            <Card title={t('content.title', { n: v.version.number })}>
              <VersionContent levels={v.version.levels} />
            </Card>
          ) : null}
          {v.versions.length > 0 ? <DiffPanel view={v} /> : null}
          {may('activatePlan') && v.plan.latest ? <ActivateForm plans={[v.plan]} /> : null}
          <PlanIncidents planId={v.plan.id} />
        </>
      )}
    </div>
  );
}
