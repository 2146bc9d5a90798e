/**
 * A person: the record (each read audited), the health code as a live QR with its colour, the
 * reasons and the way back to green, the history, the tests, the tasks, and the two-person
 * override flow.
 */

import { HealthCodeCard, OVERRIDERS, OverridePanel } from '@renxing/modules/health-codes/web';
import type { Transition } from '@renxing/ui/api-types';
import { ApiError } from '@renxing/ui/client';
import { Card, ColourBadge, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { getHealthCode, getPerson, listTasks, listTestResults } from '@renxing/ui/endpoints';
import { type Translate, useT } from '@renxing/ui/i18n';
import { NotFound } from '@renxing/ui/NotFound';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useParams } from 'react-router';

export function ruleLabel(t: Translate, rule: string): string {
  const known = [
    'companion_yellow',
    'confirmed_red',
    'close_contact_red',
    'two_negatives_green',
    'isolation_complete_green',
    'discharge_monitoring_green',
    'positive_red',
    'override',
    'pooled_positive',
    'retest_negative_green',
  ] as const;
  return (known as readonly string[]).includes(rule) ? t(`rule.${rule as (typeof known)[number]}`) : rule;
}

function History({ history }: { history: Transition[] }) {
  const t = useT();
  const time = useFormatTime();
  if (history.length === 0) return <p className="muted">{t('person.noHistory')}</p>;
  return (
    <DataTable
      columns={[t('common.time'), t('person.from'), t('person.to'), t('person.rule'), t('person.actors')]}
      testId="history"
    >
      {[...history].reverse().map((h) => (
        <tr key={`${h.at}-${h.rule}-${h.to}`}>
          <td className="nowrap">{time(h.at)}</td>
          <td>
            <ColourBadge colour={h.from} />
          </td>
          <td>
            <ColourBadge colour={h.to} />
          </td>
          <td>{ruleLabel(t, h.rule)}</td>
          <td className="mono">{h.actors?.length ? h.actors.join(', ') : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Tests({ id }: { id: string }) {
  const t = useT();
  const time = useFormatTime();
  const tests = useApi((signal) => listTestResults(id, signal), [id]);
  return (
    <Card title={t('person.tests')}>
      {tests.loading ? <Loading /> : null}
      {tests.error ? <ErrorNote error={tests.error} onRetry={tests.reload} /> : null}
      {tests.data && tests.data.length === 0 ? <p className="muted">{t('person.noTests')}</p> : null}
      {tests.data && tests.data.length > 0 ? (
        <table data-testid="tests">
          <thead>
            <tr>
              <th scope="col">{t('person.sampled')}</th>
              <th scope="col">{t('tests.result')}</th>
              <th scope="col">{t('tests.lab')}</th>
              <th scope="col">{t('person.sample')}</th>
              <th scope="col">{t('person.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {tests.data.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{time(r.sampledAt)}</td>
                <td>{t(`tests.result.${r.result}`)}</td>
                <td>{r.lab}</td>
                <td className="mono">{r.sampleId}</td>
                <td className="nowrap">{time(r.reportedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}

function Tasks({ id, name }: { id: string; name: string }) {
  const t = useT();
  const time = useFormatTime();
  const user = useUser();
  const staff = user.role !== 'lab_user';
  const tasks = useApi(
    (signal) =>
      staff ? listTasks({ q: name, limit: 50 }, signal) : Promise.resolve({ total: 0, tasks: [] }),
    [name, staff],
  );
  const mine = tasks.data?.tasks.filter((task) => task.personId === id) ?? [];
  return (
    <Card title={t('person.tasks')}>
      {tasks.loading ? <Loading /> : null}
      {tasks.error ? <ErrorNote error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.data && mine.length === 0 ? <p className="muted">{t('person.noTasks')}</p> : null}
      {mine.length > 0 ? (
        <ul className="plain-list">
          {mine.map((task) => (
            <li key={task.id}>
              {task.caseLabel} · {task.placeName} · <strong>{t(`inbox.state.${task.state}`)}</strong>
              {task.outcome ? ` · ${t(`inbox.outcome.${task.outcome}`)}` : ''} · {t('inbox.due')}{' '}
              {time(task.dueAt)}
              {task.overdue ? <span className="badge overdue">{t('inbox.overdue')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

export function PersonPage() {
  const t = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const person = useApi((signal) => getPerson(id, signal), [id]);
  const code = useApi((signal) => getHealthCode(id, signal), [id]);
  if (person.error instanceof ApiError && (person.error.notFound || person.error.status === 400))
    return <NotFound />;
  const p = person.data;
  const c = code.data;
  return (
    <div className="page">
      <h1>{p ? p.name : t('person.title')}</h1>
      {person.loading ? <Loading /> : null}
      {person.error ? <ErrorNote error={person.error} onRetry={person.reload} /> : null}
      <div className="grid-2 grid-map">
        <Card title={t('person.code')}>
          {code.loading && !c ? <Loading /> : null}
          {code.error ? <ErrorNote error={code.error} onRetry={code.reload} /> : null}
          {c ? (
            <div className="code-layout">
              <HealthCodeCard code={c} personId={id} />
              <div className="stack">
                <h3>{t('person.reasons')}</h3>
                <ul className="plain-list" data-testid="why">
                  {c.explanation.why.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
                {c.colour !== 'green' ? (
                  <>
                    <h3>{t('person.toGreen')}</h3>
                    <ul className="plain-list" data-testid="to-green">
                      {c.explanation.toGreen.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            </div>
          ) : null}
        </Card>
        {p ? (
          <Card title={t('person.title')}>
            <dl className="facts">
              <dt>{t('person.phone')}</dt>
              <dd>{p.phone ?? '—'}</dd>
              <dt>{t('person.idNumber')}</dt>
              <dd>{p.idNumber ?? '—'}</dd>
              <dt>{t('person.address')}</dt>
              <dd>{p.address ?? '—'}</dd>
              <dt>{t('person.home')}</dt>
              <dd className="mono">{p.homePlacePath ?? '—'}</dd>
            </dl>
          </Card>
        ) : null}
      </div>
      {c && (OVERRIDERS as readonly string[]).includes(user.role) ? (
        <OverridePanel personId={id} code={c} onChanged={code.reload} />
      ) : null}
      <Card title={t('person.history')}>{c ? <History history={c.history} /> : <Loading />}</Card>
      <div className="grid-2">
        <Tests id={id} />
        {p ? <Tasks id={id} name={p.name} /> : null}
      </div>
    </div>
  );
}
