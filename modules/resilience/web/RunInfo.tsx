/**
 * The run shown: its date (chosen among the dates computed), when it was computed, the indicators
 * it used, those the city switched off and those with no value anywhere (their areas have no data
 * yet); and, for who may, computing it again.
 */
import { Card, ErrorNote, Field, useFormatTime } from '@renxing/ui/controls';
import { useState } from 'react';
import { computeResilienceIndex, type IndicatorRow, type ResilienceIndex } from './api.js';
import { useWords } from './dictionary.js';
import { useAction, useMay } from './shared.js';

function Keys({
  keys,
  titles,
  testId,
}: {
  keys: readonly string[];
  titles: Map<string, string>;
  testId: string;
}) {
  const { t } = useWords();
  if (keys.length === 0) return <p className="muted small">{t('run.none')}</p>;
  return (
    <ul className="keys" data-testid={testId}>
      {keys.map((k) => (
        <li key={k} data-key={k}>
          {titles.get(k) ?? k} <code className="muted small">{k}</code>
        </li>
      ))}
    </ul>
  );
}

export function RunInfo({
  index,
  indicators,
  date,
  onDate,
  onComputed,
}: {
  index: ResilienceIndex;
  indicators: readonly IndicatorRow[] | undefined;
  date: string | undefined;
  onDate: (date: string | undefined) => void;
  onComputed: (date: string) => void;
}) {
  const { t, lang } = useWords();
  const time = useFormatTime();
  const may = useMay();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const { run, dates } = index;
  const titles = new Map((indicators ?? []).map((i) => [i.key, i.title[lang]]));
  const shown = date ?? run?.date ?? '';
  const recompute = () =>
    action.run(async () => {
      setDone(null);
      const computed = await computeResilienceIndex(run?.date ?? date);
      setDone(computed.date);
      onComputed(computed.date);
    });
  return (
    <Card
      title={t('run.title')}
      actions={
        may('computeResilienceIndex') ? (
          <button type="button" className="primary" disabled={action.busy} onClick={recompute}>
            {action.busy ? t('busy') : run ? t('run.recompute') : t('run.compute')}
          </button>
        ) : null
      }
    >
      <div className="stack" data-testid="resilience-run" data-date={run?.date ?? ''}>
        {dates.length > 0 ? (
          <Field label={t('run.date')}>
            {(id) => (
              <select id={id} value={shown} onChange={(e) => onDate(e.target.value || undefined)}>
                {dates.includes(shown) ? null : <option value={shown}>{shown}</option>}
                {dates.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {run ? (
          <>
            <p className="small">
              {t('run.computedAt', { time: time(run.computedAt), n: run.communities, ms: run.ms })}
            </p>
            <h3>{t('run.used', { n: run.indicators.length })}</h3>
            <Keys keys={run.indicators} titles={titles} testId="run-used" />
            <h3>{t('run.disabled', { n: run.disabled.length })}</h3>
            <Keys keys={run.disabled} titles={titles} testId="run-disabled" />
            <h3>{t('run.absent', { n: run.absent.length })}</h3>
            <p className="muted small">{t('run.absentLead')}</p>
            <Keys keys={run.absent} titles={titles} testId="run-absent" />
          </>
        ) : (
          <p className="muted">{t('run.never')}</p>
        )}
        {done ? (
          <p className="ok" role="status">
            {t('run.done', { date: done })}
          </p>
        ) : null}
        {action.error ? <ErrorNote error={action.error} /> : null}
      </div>
    </Card>
  );
}
