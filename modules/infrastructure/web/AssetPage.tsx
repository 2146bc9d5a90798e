/**
 * An asset: its details and state, what is upstream and downstream of it, its sensors — each with
 * a live chart of its readings (asked again every 5 s) and its rules' thresholds drawn — its
 * alarms, and its N-1 impact: the communities and people that lose a service if it alone fails.
 */
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AlarmTable, useRuleText } from './AlarmTable.js';
import { type AssetView, getAsset, type LinkEnd, listReadings, type Sensor } from './api.js';
import { useWords } from './dictionary.js';
import { assetHref, networkHref } from './index.js';
import { peopleLost } from './losses.js';
import { SensorChart } from './SensorChart.js';
import { AssetState, Figures, KindBadge, useKindName, useLive } from './shared.js';
import './infrastructure.css';

/** The chart's windows (minutes), each asked again every so often (ms): the longer, the less often. */
const WINDOWS = { 15: 5_000, 60: 5_000, 360: 30_000, 1440: 60_000 } as const;
type Window = keyof typeof WINDOWS;
/** The most readings a chart asks for (the newest when there are more). */
const MAX_READINGS = 20_000;

function Ends({ ends, empty, testId }: { ends: readonly LinkEnd[]; empty: string; testId: string }) {
  const { t } = useWords();
  return (
    <DataTable
      testId={testId}
      columns={[
        t('network.name'),
        t('network.kind'),
        t('network.type'),
        t('asset.relation'),
        t('network.state'),
      ]}
      empty={ends.length === 0 ? empty : null}
    >
      {ends.map((e) => (
        <tr key={`${e.id}:${e.relation}`} data-asset={e.id} data-relation={e.relation}>
          <td>
            <Link to={assetHref(e.id)}>{e.name}</Link>
          </td>
          <td>
            <KindBadge kind={e.kind} />
          </td>
          <td>{t(`type.${e.type}`)}</td>
          <td>{t(`relation.${e.relation}`)}</td>
          <td>
            <span className={`badge ${e.working ? 'asset-working' : 'asset-down'}`}>
              {t(e.working ? 'asset.working' : 'asset.down')}
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function SensorCard({ sensor, assetName }: { sensor: Sensor; assetName: string }) {
  const { t, lang } = useWords();
  const ruleText = useRuleText();
  const [window, setWindow] = useState<Window>(60);
  const series = useLive(
    async (signal) => {
      const from = new Date(Date.now() - window * 60_000).toISOString();
      const r = await listReadings(sensor.id, from, MAX_READINGS, signal);
      return {
        from: Date.parse(r.from),
        to: Date.parse(r.to),
        truncated: r.truncated,
        points: r.readings.map((p) => ({ t: Date.parse(p.ts), v: p.value })),
      };
    },
    [sensor.id, window],
    WINDOWS[window],
  );
  const title = t('asset.sensor', { quantity: sensor.quantity, unit: sensor.unit, id: sensor.id });
  const rules = sensor.rules.map((r) => `${ruleText(r, sensor.unit)}${r.raised ? t('rule.raised') : ''}`);
  return (
    <section className="sensor" data-sensor={sensor.id} data-offline={sensor.offline ? 'true' : undefined}>
      <header className="sensor-head">
        <h3>
          {title} {sensor.offline ? <span className="badge asset-offline">{t('asset.offline')}</span> : null}
        </h3>
        <Field label={t('asset.window')}>
          {(id) => (
            <select id={id} value={window} onChange={(e) => setWindow(Number(e.target.value) as Window)}>
              {(Object.keys(WINDOWS) as `${Window}`[]).map((w) => (
                <option key={w} value={w}>
                  {t(`asset.window.${w}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </header>
      <p className="muted small">
        {rules.length > 0
          ? t('asset.rules', {
              combine: t(`asset.combine.${sensor.combine ?? 'none'}`),
              rules: rules.join(lang === 'zh-CN' ? '；' : '; '),
            })
          : t('asset.noRules')}
        {' · '}
        {t('asset.timeout', { s: sensor.timeoutS })}
      </p>
      {series.error ? <ErrorNote error={series.error} onRetry={series.reload} /> : null}
      {series.data ? (
        <>
          <SensorChart
            points={series.data.points}
            rules={sensor.rules}
            unit={sensor.unit}
            from={series.data.from}
            to={series.data.to}
            timeoutS={sensor.timeoutS}
            label={t('chart.label', { name: `${assetName} ${title}` })}
            testId="sensor-chart"
          />
          {series.data.truncated ? (
            <p className="muted small">{t('chart.truncated', { n: series.data.points.length })}</p>
          ) : null}
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}

function Impact({ view }: { view: AssetView }) {
  const { t } = useWords();
  const kindName = useKindName();
  const rows = view.impact;
  const people = peopleLost(rows);
  const communities = new Set(rows.map((r) => r.community)).size;
  return (
    <Card title={t('asset.impact')}>
      {rows.length === 0 ? (
        <p className="muted" data-testid="impact-none">
          {t('asset.impactNone')}
        </p>
      ) : (
        <>
          <p>{t('asset.impactLead')}</p>
          <DataTable testId="impact" columns={[t('n1.community'), t('n1.kind'), t('n1.lost')]}>
            {rows.map((r) => (
              <tr key={`${r.community}:${r.kind}`} data-community={r.community} data-kind={r.kind}>
                <td>{r.communityName}</td>
                <td>{kindName(r.kind)}</td>
                <td className="num">{r.populationLost.toLocaleString()}</td>
              </tr>
            ))}
          </DataTable>
          <p className="muted small" data-testid="impact-total" data-people={people}>
            {t('asset.impactTotal', { communities, people: people.toLocaleString() })}
          </p>
        </>
      )}
    </Card>
  );
}

export function AssetPage() {
  const { t } = useWords();
  const { id = '' } = useParams();
  const view = useLive((signal) => getAsset(id, signal), [id]);
  const a = view.data?.asset;
  return (
    <div className="page infrastructure">
      <p>
        <Link to={networkHref()}>{t('asset.back')}</Link>
      </p>
      {view.loading && !view.data ? <Loading /> : null}
      {view.error ? <ErrorNote error={view.error} onRetry={view.reload} /> : null}
      {a && view.data ? (
        <>
          <h1 data-testid="asset-name" data-asset={a.id}>
            {a.name} <KindBadge kind={a.kind} /> <AssetState asset={a} />
          </h1>
          <Card title={t('asset.facts')}>
            <Figures
              testId="asset-figures"
              figures={[
                { key: 'sensors', label: t('asset.sensors'), value: view.data.sensors.length },
                { key: 'alarms', label: t('network.openAlarms'), value: a.openAlarms, tone: 'overdue' },
                {
                  key: 'impact',
                  label: t('n1.lost'),
                  value: peopleLost(view.data.impact),
                },
              ]}
            />
            <dl className="facts">
              <dt>{t('asset.id')}</dt>
              <dd className="mono">{a.id}</dd>
              <dt>{t('network.type')}</dt>
              <dd>{t(`type.${a.type}`)}</dd>
              <dt>{t('asset.place')}</dt>
              <dd>{a.placeName}</dd>
              {a.type === 'sink' ? (
                <>
                  <dt>{t('asset.community')}</dt>
                  <dd>{a.communityName ?? '—'}</dd>
                  <dt>{t('asset.population')}</dt>
                  <dd>{a.population.toLocaleString()}</dd>
                </>
              ) : null}
              <dt>{t('asset.operator')}</dt>
              <dd>{a.operatorPlaceName}</dd>
              <dt>{t('asset.location')}</dt>
              <dd className="mono">
                {a.lon !== null && a.lat !== null ? `${a.lon.toFixed(5)}, ${a.lat.toFixed(5)}` : '—'}
              </dd>
            </dl>
          </Card>
          <Impact view={view.data} />
          <Card title={t('asset.sensors')}>
            {view.data.sensors.length === 0 ? <p className="muted">{t('asset.noSensors')}</p> : null}
            <div className="stack">
              {view.data.sensors.map((s) => (
                <SensorCard key={s.id} sensor={s} assetName={a.name} />
              ))}
            </div>
          </Card>
          <Card title={t('asset.alarmsTitle')}>
            <AlarmTable
              alarms={view.data.alarms}
              empty={t('asset.noAlarms')}
              onChanged={view.reload}
              showAsset={false}
              testId="asset-alarms"
            />
          </Card>
          <Card title={t('asset.links')}>
            <h3>{t('asset.upstream')}</h3>
            <Ends ends={view.data.upstream} empty={t('asset.noUpstream')} testId="upstream" />
            <h3>{t('asset.downstream')}</h3>
            <Ends ends={view.data.downstream} empty={t('asset.noDownstream')} testId="downstream" />
          </Card>
        </>
      ) : null}
    </div>
  );
}
