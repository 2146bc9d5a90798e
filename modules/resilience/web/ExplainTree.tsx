/**
 * Why a community scores what it does: the index, each mechanism's score as the mean of its
 * indicators, and each indicator's value (its summary, its place between the city's lowest and
 * highest, normalised), or "no value: left out of the mean". Opening an indicator loads the
 * records its value was computed from, each a link to its page in its own area.
 */
import { ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ExplainedIndicator, type Explanation, explainIndicator } from './api.js';
import { useWords } from './dictionary.js';
import { recordHref } from './records.js';
import { score, useScoreName, useValueText } from './shared.js';

function Records({ path, date, indicator }: { path: string; date: string; indicator: ExplainedIndicator }) {
  const { t, lang } = useWords();
  const valueText = useValueText();
  const loaded = useApi(
    (signal) => explainIndicator(path, indicator.key, date, signal),
    [path, indicator.key, date],
  );
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading />;
  const { records, recordCount } = loaded.data.indicator;
  return (
    <div className="stack records">
      <DataTable
        testId="explain-records"
        columns={[t('records.record'), t('records.kind'), t('records.value'), t('records.note')]}
        empty={records.length === 0 ? t('records.none') : null}
      >
        {records.map((r) => {
          const href = recordHref(r.kind, r.id, path);
          return (
            <tr key={`${r.kind}:${r.id}`} data-kind={r.kind} data-record={r.id}>
              <td>{href ? <Link to={href}>{r.label}</Link> : r.label}</td>
              <td className="muted small">{kindName(t, r.kind)}</td>
              <td className="num">{r.value === undefined ? '—' : r.value.toLocaleString(lang)}</td>
              <td>{r.note ? r.note[lang] : ''}</td>
            </tr>
          );
        })}
      </DataTable>
      {recordCount > records.length ? (
        <p className="muted small">{t('records.more', { shown: records.length, n: recordCount })}</p>
      ) : null}
      {records.length > 0 && indicator.value !== null ? (
        <p className="muted small">
          {t('records.of', { value: valueText(indicator.value, indicator.unit) })}
        </p>
      ) : null}
    </div>
  );
}

type T = ReturnType<typeof useWords>['t'];
const KINDS = [
  'infra_asset',
  'shelter',
  'supply_item',
  'plan',
  'incident',
  'corrective_action',
  'inbox_item',
  'work_request',
  'follow_up_task',
  'volunteer',
  'aid_request',
  'report',
] as const;
const kindName = (t: T, kind: string) =>
  (KINDS as readonly string[]).includes(kind) ? t(`kind.${kind as (typeof KINDS)[number]}`) : kind;

function IndicatorNode({
  path,
  date,
  indicator,
}: {
  path: string;
  date: string;
  indicator: ExplainedIndicator;
}) {
  const { t, lang } = useWords();
  const scoreName = useScoreName();
  const valueText = useValueText();
  const [open, setOpen] = useState(false);
  const i = indicator;
  return (
    <li className={`indicator ${i.missing ? 'missing' : ''}`} data-key={i.key} data-missing={i.missing}>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <span className="title">{i.title[lang]}</span> <code className="muted small">{i.key}</code>{' '}
          {i.missing ? (
            <span className="badge muted">{t('explain.missing')}</span>
          ) : (
            <>
              <strong>{valueText(i.value, i.unit)}</strong>
              <span className="muted small">
                {' '}
                → {t('explain.normalised', { value: score(i.normalised) })}
              </span>
            </>
          )}
        </summary>
        <div className="stack detail">
          <p className="small">
            {t(`direction.${i.direction}`)} · {scoreName(i.trait)}
          </p>
          {i.summary ? <p>{i.summary[lang]}</p> : null}
          <p className="muted small">
            {i.min === null || i.max === null
              ? t('explain.noRange')
              : t('explain.range', {
                  min: valueText(i.min, i.unit),
                  max: valueText(i.max, i.unit),
                  n: i.count,
                })}
          </p>
          {i.missing ? <p className="muted small">{t('explain.missingLead')}</p> : null}
          {open && !i.missing ? <Records path={path} date={date} indicator={i} /> : null}
        </div>
      </details>
    </li>
  );
}

export function ExplainTree({ path, explanation }: { path: string; explanation: Explanation }) {
  const { t } = useWords();
  const scoreName = useScoreName();
  const e = explanation;
  const withValue = new Set(
    e.mechanisms.flatMap((m) => m.indicators.filter((i) => !i.missing).map((i) => i.key)),
  );
  return (
    <div className="explain" data-testid="explain-tree">
      <p>
        <strong>{scoreName('index')}</strong> {score(e.index)}{' '}
        <span className="muted small">{t('explain.indexIs')}</span>
      </p>
      <ul className="tree">
        {e.mechanisms.map((m) => {
          const counted = m.indicators.filter((i) => !i.missing).length;
          return (
            <li key={m.mechanism} data-mechanism={m.mechanism}>
              <details open>
                <summary>
                  <strong>{scoreName(m.mechanism)}</strong> {score(m.score)}{' '}
                  <span className="muted small">
                    {m.score === null
                      ? t('explain.mechanismNone')
                      : t('explain.mechanismMean', { n: counted, of: m.indicators.length })}
                  </span>
                </summary>
                <ul>
                  {m.indicators.map((i) => (
                    <IndicatorNode key={i.key} path={path} date={e.date} indicator={i} />
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
      <h3>{t('explain.traits')}</h3>
      <ul className="traits" data-testid="explain-traits">
        {e.traits.map((tr) => {
          const counted = tr.indicators.filter((k) => withValue.has(k));
          return (
            <li key={tr.trait} data-trait={tr.trait}>
              <strong>{scoreName(tr.trait)}</strong> {score(tr.score)}{' '}
              <span className="muted small">
                {counted.length > 0
                  ? t('explain.traitOf', { keys: counted.join(', ') })
                  : t('explain.traitNone')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
