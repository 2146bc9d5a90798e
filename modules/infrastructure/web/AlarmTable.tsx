/**
 * Alarms in a table, as the board and an asset's page show them: when each raised, on which asset
 * and sensor, what raised it (a rule and the reading, or the sensor going silent), its state, who
 * acknowledged it and when it cleared; an open one acknowledged from here by those who may.
 */
import { ErrorNote, useFormatTime } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { Link } from 'react-router';
import { type Alarm, acknowledgeAlarm, type Rule } from './api.js';
import { useWords } from './dictionary.js';
import { assetHref } from './index.js';
import { AlarmStateBadge, useAction, useMay } from './shared.js';

/** A rule as people read it: "高于 3.5 bar，回差 0.2，持续 60 秒". */
export function useRuleText(): (rule: Rule, unit?: string) => string {
  const { t, lang } = useWords();
  const sep = lang === 'zh-CN' ? '，' : ', ';
  return (rule, unit = '') =>
    [
      t(`rule.${rule.op}`, { threshold: rule.threshold.toLocaleString(), unit: unit ? ` ${unit}` : '' }),
      ...((rule.hysteresis ?? 0) > 0
        ? [t('rule.hysteresis', { h: (rule.hysteresis ?? 0).toLocaleString() })]
        : []),
      ...((rule.forS ?? 0) > 0 ? [t('rule.for', { s: (rule.forS ?? 0).toLocaleString() })] : []),
    ].join(sep);
}

function Acknowledge({ alarm, onDone }: { alarm: Alarm; onDone: () => void }) {
  const { t } = useWords();
  const action = useAction();
  return (
    <span className="stack tight">
      <button
        type="button"
        className="primary"
        disabled={action.busy}
        aria-label={t('alarms.ackNamed', { asset: alarm.assetName })}
        data-action="acknowledge"
        onClick={() =>
          action.run(async () => {
            await acknowledgeAlarm(alarm.id);
            onDone();
          })
        }
      >
        {t('alarms.ack')}
      </button>
      {action.error ? <ErrorNote error={action.error} /> : null}
    </span>
  );
}

export function AlarmTable({
  alarms,
  empty,
  onChanged,
  showAsset = true,
  testId = 'alarms',
}: {
  alarms: readonly Alarm[];
  empty: string;
  onChanged: () => void;
  showAsset?: boolean;
  testId?: string;
}) {
  const { t } = useWords();
  const may = useMay();
  const time = useFormatTime();
  const ruleText = useRuleText();
  const acknowledges = may('acknowledgeAlarm');
  return (
    <DataTable
      testId={testId}
      columns={[
        t('alarms.raisedAt'),
        ...(showAsset ? [t('alarms.asset')] : []),
        t('alarms.sensor'),
        t('alarms.what'),
        t('alarms.value'),
        t('alarms.state'),
        t('alarms.acknowledged'),
        t('alarms.clearedAt'),
        ...(acknowledges ? [t('alarms.actions')] : []),
      ]}
      empty={alarms.length === 0 ? empty : null}
    >
      {alarms.map((a) => (
        <tr key={a.id} data-alarm={a.id} data-state={a.state} data-asset={a.assetId} data-kind={a.kind}>
          <td className="nowrap">{time(a.raisedAt)}</td>
          {showAsset ? (
            <td>
              <Link to={assetHref(a.assetId)}>{a.assetName}</Link>
            </td>
          ) : null}
          <td className="mono">{a.sensorId ?? '—'}</td>
          <td>
            {a.kind === 'offline'
              ? t('alarms.offline')
              : a.kind === 'group' || !a.rule
                ? t(`alarms.group.${a.groupOp ?? 'any'}`)
                : ruleText(a.rule)}
          </td>
          <td className="num">{a.raisedValue === null ? '—' : a.raisedValue.toLocaleString()}</td>
          <td>
            <AlarmStateBadge state={a.state} />
          </td>
          <td className="nowrap">
            {a.acknowledgedAt
              ? t('alarms.ackBy', { who: a.acknowledgedByName ?? '—', time: time(a.acknowledgedAt) })
              : '—'}
          </td>
          <td className="nowrap">{time(a.clearedAt)}</td>
          {acknowledges ? (
            <td>{a.state === 'open' ? <Acknowledge alarm={a} onDone={onChanged} /> : null}</td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}
