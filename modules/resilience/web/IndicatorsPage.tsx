/**
 * The indicators of the index: each with its mechanism, trait, direction, unit, source (the
 * platform's or the city's) and coverage (communities with a value in the latest run), switched on
 * or off by the city's administrator; and the imports of the city's own indicators and values.
 */
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useApi } from '@renxing/ui/use-api';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type IndicatorRow, listResilienceIndicators, updateResilienceIndicator } from './api.js';
import { useWords } from './dictionary.js';
import { ImportTable } from './ImportTable.js';
import { useAction, useMay, useScoreName, useUnitName } from './shared.js';
import './resilience.css';

/** The switch shows the choice at once; the call follows, and a refusal puts it back. */
function EnabledSwitch({ indicator, onChanged }: { indicator: IndicatorRow; onChanged: () => void }) {
  const { t, lang } = useWords();
  const action = useAction();
  const [enabled, setEnabled] = useState(indicator.enabled);
  useEffect(() => setEnabled(indicator.enabled), [indicator.enabled]);
  return (
    <span className="state-action">
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          disabled={action.busy}
          aria-label={t('indicators.enableNamed', { name: indicator.title[lang] })}
          onChange={(e) => {
            const next = e.target.checked;
            setEnabled(next);
            void action.run(async () => {
              try {
                await updateResilienceIndicator(indicator.key, next);
              } catch (err) {
                setEnabled(!next);
                throw err;
              }
              onChanged();
            });
          }}
        />
        <span>{enabled ? t('indicators.on') : t('indicators.off')}</span>
      </label>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </span>
  );
}

export function IndicatorsPage() {
  const { t, lang } = useWords();
  const may = useMay();
  const scoreName = useScoreName();
  const unitName = useUnitName();
  const list = useApi((signal) => listResilienceIndicators(signal), []);
  const toggle = may('updateResilienceIndicator');
  const data = list.data;
  return (
    <div className="page resilience">
      <p className="muted small">
        <Link to="/resilience">{t('community.back')}</Link>
      </p>
      <h1>{t('indicators.title')}</h1>
      <p className="muted">{t('indicators.lead')}</p>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {!data ? (
        list.error ? null : (
          <Loading />
        )
      ) : (
        <Card title={t('indicators.table')}>
          <DataTable
            testId="resilience-indicators"
            columns={[
              t('indicators.key'),
              t('indicators.name'),
              t('indicators.mechanism'),
              t('indicators.trait'),
              t('indicators.direction'),
              t('indicators.unit'),
              t('indicators.source'),
              t('indicators.coverage'),
              t('indicators.enabled'),
            ]}
            empty={data.indicators.length === 0 ? t('indicators.empty') : null}
          >
            {data.indicators.map((i) => (
              <tr
                key={i.key}
                data-key={i.key}
                data-enabled={i.enabled}
                className={i.enabled ? undefined : 'muted'}
              >
                <td>
                  <code>{i.key}</code>
                </td>
                <td>
                  <span>{i.title[lang]}</span>
                  <br />
                  <small className="muted">{i.definition[lang]}</small>
                </td>
                <td>{scoreName(i.mechanism)}</td>
                <td>{scoreName(i.trait)}</td>
                <td>{t(`direction.${i.direction}`)}</td>
                <td>{unitName(i.unit)}</td>
                <td>{t(`source.${i.source}`)}</td>
                <td className="num">
                  {i.communities === 0 ? (
                    <span className="muted">{t('indicators.none')}</span>
                  ) : (
                    i.communities
                  )}
                </td>
                <td>
                  {toggle ? (
                    <EnabledSwitch indicator={i} onChanged={list.reload} />
                  ) : i.enabled ? (
                    t('indicators.on')
                  ) : (
                    t('indicators.off')
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <p className="muted small">
            {t('indicators.hazards', {
              hazards: data.hazards.length > 0 ? data.hazards.join(lang === 'en' ? ', ' : '、') : '—',
            })}
          </p>
        </Card>
      )}
      {may('importResilienceIndicators') ? <ImportTable what="indicators" onImported={list.reload} /> : null}
      {may('importResilienceValues') ? <ImportTable what="values" onImported={list.reload} /> : null}
    </div>
  );
}
