/**
 * The alarms board (告警): the alarms open (not yet acknowledged), acknowledged (someone is on it,
 * not cleared yet) and cleared, a tab each, live (asked again every 5 s); an open one acknowledged
 * from here, each linking to its asset.
 */
import { Card, ErrorNote, Loading, useFormatTime } from '@renxing/ui/controls';
import { useSearchParams } from 'react-router';
import { AlarmTable } from './AlarmTable.js';
import { ALARM_STATES, type AlarmState, listAlarms } from './api.js';
import { useWords } from './dictionary.js';
import { ALARMS_MS, useLive } from './shared.js';
import './infrastructure.css';

const isState = (s: string | null): s is AlarmState =>
  (ALARM_STATES as readonly (string | null)[]).includes(s);

export function AlarmsPage() {
  const { t } = useWords();
  const time = useFormatTime();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state: AlarmState = isState(raw) ? raw : 'open';
  const list = useLive(
    async (signal) => ({ at: new Date().toISOString(), ...(await listAlarms({ state }, signal)) }),
    [state],
    ALARMS_MS,
  );
  // The table follows the tab whose list it has (the new tab's once loaded).
  const alarms = list.data?.alarms.filter((a) => a.state === state) ?? [];
  return (
    <div className="page infrastructure">
      <h1>{t('alarms.title')}</h1>
      <p className="muted">{t('alarms.lead')}</p>
      <Card
        title={t('alarms.list')}
        actions={
          list.data ? <span className="muted small">{t('updated', { time: time(list.data.at) })}</span> : null
        }
      >
        <div className="infra-tabs" role="tablist" aria-label={t('alarms.tabs')}>
          {ALARM_STATES.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={state === s}
              data-state={s}
              onClick={() => setParams(s === 'open' ? {} : { state: s }, { replace: true })}
            >
              {t(`alarms.tab.${s}`)}
            </button>
          ))}
        </div>
        {list.loading && !list.data ? <Loading /> : null}
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <div role="tabpanel" data-state={state}>
            <AlarmTable alarms={alarms} empty={t(`alarms.none.${state}`)} onChanged={list.reload} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
