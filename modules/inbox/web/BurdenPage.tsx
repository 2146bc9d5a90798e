/**
 * The burden dashboard (减负看板): what departments asked of communities over a period — demands,
 * items after merging, fields requested, entered and pre-filled, and what merging and pre-filling
 * saved — in total, per department (who asks most, charted) and per community.
 */
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { useT } from '@renxing/ui/i18n';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useApi } from '@renxing/ui/use-api';
import { type FormEvent, useMemo, useState } from 'react';
import { type BurdenRow, getBurdenStats } from './api.js';
import { percent, useDepartments } from './shared.js';
import './inbox.css';

interface Query {
  under: string;
  from: string;
  to: string;
}

function Totals({ total }: { total: BurdenRow }) {
  const t = useT();
  const figures: [string, string | number, string][] = [
    [t('burden.demands'), total.demands, 'demands'],
    [t('burden.items'), total.items, 'items'],
    [t('burden.itemsSaved'), percent(total.itemsSaved), 'items_saved'],
    [t('burden.fieldsRequested'), total.fieldsRequested, 'fields_requested'],
    [t('burden.fieldsEntered'), total.fieldsEntered, 'fields_entered'],
    [t('burden.fieldsPrefilled'), total.fieldsPrefilled, 'fields_prefilled'],
    [t('burden.fieldsSaved'), percent(total.fieldsSaved), 'fields_saved'],
  ];
  return (
    <dl className="figures" data-testid="burden-totals">
      {figures.map(([label, value, key]) => (
        <div key={key} className={key.endsWith('saved') ? 'figure figure-green' : 'figure'} data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Rows({
  rows,
  first,
  testId,
  name,
}: {
  rows: BurdenRow[];
  first: string;
  testId: string;
  name: (r: BurdenRow) => string;
}) {
  const t = useT();
  return (
    <DataTable
      columns={[
        first,
        t('burden.demands'),
        t('burden.items'),
        t('burden.itemsSaved'),
        t('burden.fieldsRequested'),
        t('burden.fieldsEntered'),
        t('burden.fieldsPrefilled'),
        t('burden.fieldsSaved'),
      ]}
      testId={testId}
      empty={rows.length === 0 ? t('burden.none') : null}
    >
      {rows.map((r) => (
        <tr key={r.key} data-key={r.key}>
          <td>{name(r)}</td>
          <td>{r.demands}</td>
          <td>{r.items}</td>
          <td>{percent(r.itemsSaved)}</td>
          <td>{r.fieldsRequested}</td>
          <td>{r.fieldsEntered}</td>
          <td>{r.fieldsPrefilled}</td>
          <td>{percent(r.fieldsSaved)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function BurdenPage() {
  const t = useT();
  const { name } = useDepartments();
  const places = useApi((signal) => listPlaces({}, signal), []);
  const [draft, setDraft] = useState<Query>({ under: '', from: '', to: '' });
  const [query, setQuery] = useState<Query>(draft);
  const stats = useApi(
    (signal) =>
      getBurdenStats(
        { under: query.under || undefined, from: query.from || undefined, to: query.to || undefined },
        signal,
      ),
    [query],
  );
  // Who asks most: departments by demands, the fields they asked beside.
  const departments = useMemo(
    () =>
      [...(stats.data?.departments ?? [])].sort(
        (a, b) => b.demands - a.demands || b.fieldsRequested - a.fieldsRequested,
      ),
    [stats.data],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: {
        type: 'category',
        data: departments.map((d) => name(d.key)),
        axisLabel: { interval: 0, rotate: 15 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('burden.demands'),
          type: 'bar',
          itemStyle: { color: '#1f4e9c' },
          data: departments.map((d) => d.demands),
        },
        {
          name: t('burden.items'),
          type: 'bar',
          itemStyle: { color: '#7b3fa0' },
          data: departments.map((d) => d.items),
        },
        {
          name: t('burden.fieldsRequested'),
          type: 'bar',
          itemStyle: { color: '#e08a1e' },
          data: departments.map((d) => d.fieldsRequested),
        },
        {
          name: t('burden.fieldsEntered'),
          type: 'bar',
          itemStyle: { color: '#d13b3b' },
          data: departments.map((d) => d.fieldsEntered),
        },
      ],
    }),
    [departments, name, t],
  );

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setQuery(draft);
  };

  return (
    <div className="page">
      <h1>{t('burden.title')}</h1>
      <p className="muted">{t('burden.lead')}</p>
      <Card title={t('burden.period')}>
        <form className="filters" onSubmit={apply} aria-label={t('burden.period')}>
          <Field label={t('burden.under')}>
            {(id) => (
              <select
                id={id}
                value={draft.under}
                onChange={(e) => setDraft({ ...draft, under: e.target.value })}
              >
                <option value="">{t('burden.myPlace')}</option>
                <PlaceOptions places={places.data} />
              </select>
            )}
          </Field>
          <Field label={t('burden.from')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('burden.to')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              />
            )}
          </Field>
          <div className="filter-actions">
            <button type="submit" className="primary">
              {t('common.apply')}
            </button>
          </div>
        </form>
        {stats.loading && !stats.data ? <Loading /> : null}
        {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
        {stats.data ? (
          <>
            <p className="muted small">{t('burden.range', { from: stats.data.from, to: stats.data.to })}</p>
            <Totals total={stats.data.total} />
          </>
        ) : null}
      </Card>
      {stats.data ? (
        <>
          <Card title={t('burden.byDepartment')}>
            {departments.length > 0 ? <Chart option={option} label={t('burden.chartLabel')} /> : null}
            <Rows
              rows={departments}
              first={t('wi.department')}
              testId="burden-departments"
              name={(r) => name(r.key)}
            />
          </Card>
          <Card title={t('burden.byCommunity')}>
            <Rows
              rows={stats.data.communities}
              first={t('wi.community')}
              testId="burden-communities"
              name={(r) => r.name}
            />
          </Card>
        </>
      ) : null}
    </div>
  );
}
