/**
 * Matching run now: the maximum distance, the button, and the run's result — each match with its
 * distance, each unmatched request with its reason (无此技能 / 时间不符 / 距离过远 / 容量已满).
 */
import { Card, ErrorNote, Field, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useState } from 'react';
import { type RunResult, runAidMatching } from './api.js';
import { useWords } from './dictionary.js';
import { Figures, useAction, useDistance, useNeedName } from './shared.js';

export function MatchingPanel({
  result,
  onRun,
}: {
  result: RunResult | null;
  onRun: (result: RunResult) => void;
}) {
  const { t } = useWords();
  const time = useFormatTime();
  const distance = useDistance();
  const needName = useNeedName();
  const [maxKm, setMaxKm] = useState('3');
  const action = useAction();
  const submit = action.submit(async () => {
    const km = Number(maxKm);
    onRun(await runAidMatching(Number.isFinite(km) && km > 0 ? km : undefined));
  });
  const run = result?.run ?? null;
  const matches = result?.rows.filter((r) => r.volunteer !== null) ?? [];
  const unmatched = result?.rows.filter((r) => r.volunteer === null) ?? [];
  return (
    <Card
      title={t('match.title')}
      actions={run ? <span className="muted small">{t('match.at', { time: time(run.at) })}</span> : null}
    >
      <form className="row" onSubmit={submit} aria-label={t('match.title')}>
        <Field label={t('match.maxKm')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={0.1}
              max={50}
              step={0.1}
              value={maxKm}
              onChange={(e) => setMaxKm(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t('busy') : t('match.run')}
        </button>
      </form>
      {action.error ? <ErrorNote error={action.error} /> : null}
      {run ? (
        <div className="stack" data-testid="aid-run" data-run={run.id} data-weight={run.weight}>
          <Figures
            testId="aid-run-figures"
            figures={[
              { key: 'matched', label: t('match.matches'), value: matches.length },
              { key: 'unmatched', label: t('match.unmatched'), value: unmatched.length, tone: 'overdue' },
            ]}
          />
          <p className="small">
            {t('match.result', {
              matched: matches.length,
              unmatched: unmatched.length,
              weight: run.weight,
              distance: distance(run.distanceM),
            })}
          </p>
          <h3>{t('match.matches')}</h3>
          <DataTable
            testId="aid-matches"
            columns={[t('match.request'), t('match.volunteer'), t('match.distance')]}
            empty={matches.length === 0 ? t('match.noMatches') : null}
          >
            {matches.map((m) => (
              <tr
                key={m.request}
                data-request={m.request}
                data-volunteer={m.volunteer ?? ''}
                data-distance={Math.round(m.distanceM ?? 0)}
                data-state={m.state}
              >
                <td>
                  {m.requesterName} · {needName(m.need)}
                  <div className="muted small">{m.placeName}</div>
                </td>
                <td>{m.volunteerName}</td>
                <td className="nowrap">{distance(m.distanceM ?? 0)}</td>
              </tr>
            ))}
          </DataTable>
          <h3>{t('match.unmatched')}</h3>
          <DataTable
            testId="aid-unmatched"
            columns={[t('match.request'), t('match.reason')]}
            empty={unmatched.length === 0 ? t('match.allMatched') : null}
          >
            {unmatched.map((u) => (
              <tr key={u.request} data-request={u.request} data-reason={u.reason ?? ''} data-state={u.state}>
                <td>
                  {u.requesterName} · {needName(u.need)}
                  <div className="muted small">{u.placeName}</div>
                </td>
                <td>
                  {u.reason ? <span className="badge reason">{t(`reason.${u.reason}`)}</span> : t('none')}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : null}
    </Card>
  );
}
