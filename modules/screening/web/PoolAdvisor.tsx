/**
 * The pool-size advisor: at a prevalence given (in %) or observed in the latest rounds, the pool
 * size with the fewest lab tests per person (Dorfman), the tests for pools of 5, 10 and 20, and
 * the rule that members of a positive pool are never pooled again.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useState } from 'react';
import { getPoolSizeAdvice } from './api.js';
import { useWords } from './dictionary.js';
import { InputField } from './fields.js';

/** What was asked: a prevalence (a fraction), or the observed one. */
type Ask = { prevalence: number } | { observed: true };

const fixed = (x: number, digits: number) => x.toFixed(digits);

/** A prevalence with three significant digits: 1%, 0.1%, 0.0523%. */
const prevalenceText = (p: number) => `${Number((p * 100).toPrecision(3))}%`;

export function PoolAdvisor() {
  const { t, lang } = useWords();
  const [input, setInput] = useState('1');
  const [ask, setAsk] = useState<Ask>({ prevalence: 0.01 });
  const advice = useApi(
    (signal) => getPoolSizeAdvice('prevalence' in ask ? ask.prevalence : undefined, signal),
    [ask],
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = Number(input) / 100;
    if (p > 0 && p < 1) setAsk({ prevalence: p });
  }
  const a = advice.data;
  return (
    <Card title={t('advisor.title')}>
      <p className="muted small">{t('advisor.lead')}</p>
      <form className="filters" onSubmit={submit} aria-label={t('advisor.title')}>
        <InputField
          label={t('advisor.prevalence')}
          type="number"
          required
          min={0.0001}
          max={99.9999}
          step="any"
          value={input}
          onValue={setInput}
        />
        <div className="filter-actions">
          <button type="submit" className="primary">
            {t('advisor.ask')}
          </button>
          <button type="button" onClick={() => setAsk({ observed: true })}>
            {t('advisor.observed')}
          </button>
        </div>
      </form>
      {advice.loading ? <Loading /> : null}
      {advice.error ? <ErrorNote error={advice.error} /> : null}
      {a && !advice.loading ? (
        <div className="stack" data-testid="pool-advice" data-k={a.k}>
          <p className="muted small">
            {t(`advisor.source.${a.source}`, { p: prevalenceText(a.prevalence) })}
          </p>
          <p className="advice">
            <strong>{a.pooling ? t('advisor.advice', { k: a.k }) : t('advisor.noPooling')}</strong>
            <br />
            {t('advisor.expected', { e: fixed(a.expectedTests, 4), n: Math.round(a.testsPer10000) })}
          </p>
          <DataTable columns={[t('advisor.k'), t('advisor.e'), t('advisor.per10000')]} testId="pool-compare">
            {a.compare.map((c) => (
              <tr key={c.k} className={c.k === a.k ? 'selected' : undefined}>
                <td>{t('pool.k', { k: c.k })}</td>
                <td>{fixed(c.expectedTests, 4)}</td>
                <td>{Math.round(c.testsPer10000).toLocaleString()}</td>
              </tr>
            ))}
          </DataTable>
          {a.observed.length > 0 ? (
            <>
              <h3>{t('advisor.rounds')}</h3>
              <DataTable
                columns={[t('advisor.round'), t('advisor.roundPrevalence'), t('advisor.roundTubes')]}
              >
                {a.observed.map((o) => (
                  <tr key={o.roundId}>
                    <td>{o.name}</td>
                    <td>{o.prevalence === null ? '—' : prevalenceText(o.prevalence)}</td>
                    <td>{o.tubes.toLocaleString()}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : null}
        </div>
      ) : null}
      {/* The API's own words when it has answered; the same rule in screening's words until then. */}
      <p className="warning" role="note" data-testid="repool-warning">
        {a ? a.warning[lang] : t('advisor.warning')}
      </p>
    </Card>
  );
}
