/**
 * The overview of one place: totals, health codes and work by the places directly under it
 * (ECharts), and a map. Each widget loads on its own and never waits for another.
 */

import type { Place, PlaceStats } from '@renxing/ui/api-types';
import { Chart, type ChartOption } from '@renxing/ui/Chart';
import { CityMap, type MapPoint } from '@renxing/ui/CityMap';
import { ApiError } from '@renxing/ui/client';
import { Card, ErrorNote, Loading } from '@renxing/ui/controls';
import { listPlaces, placeStats } from '@renxing/ui/endpoints';
import { useI18n } from '@renxing/ui/i18n';
import { NotFound } from '@renxing/ui/NotFound';
import { placeName } from '@renxing/ui/place-name';
import { useApi } from '@renxing/ui/use-api';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { CompanionCellsLayer } from './cells.js';

const COLOURS = { green: '#2e9d5b', yellow: '#e5b400', red: '#d13b3b' };

function useStats(path: string | undefined) {
  return useApi((signal) => placeStats(path, signal), [path]);
}

function Totals({ stats }: { stats: ReturnType<typeof useStats> }) {
  const { t } = useI18n();
  const own = stats.data?.[0];
  const figures: [string, number | undefined, string][] = [
    [t('dashboard.green'), own?.green, 'green'],
    [t('dashboard.yellow'), own?.yellow, 'yellow'],
    [t('dashboard.red'), own?.red, 'red'],
    [t('dashboard.cases'), own?.cases, 'cases'],
    [t('dashboard.companions'), own?.companions, 'companions'],
    [t('dashboard.openTasks'), own?.openTasks, 'open'],
    [t('dashboard.overdueTasks'), own?.overdueTasks, 'overdue'],
  ];
  return (
    <Card title={t('dashboard.totals')} className="widget-totals">
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      <dl className="figures" data-testid="totals">
        {figures.map(([label, value, key]) => (
          <div key={key} className={`figure figure-${key}`}>
            <dt>{label}</dt>
            <dd>{stats.loading ? '…' : value === undefined ? '—' : value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function CodesChart({
  stats,
  onOpen,
}: {
  stats: ReturnType<typeof useStats>;
  onOpen: (path: string) => void;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => stats.data?.slice(1) ?? [], [stats.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => placeName(r, lang)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value' },
      series: (['green', 'yellow', 'red'] as const).map((c) => ({
        name: t(`colour.${c}`),
        type: 'bar',
        stack: 'codes',
        itemStyle: { color: COLOURS[c] },
        data: rows.map((r) => r[c]),
      })),
    }),
    [rows, t, lang],
  );
  return (
    <Card title={t('dashboard.codes')}>
      {stats.loading ? <Loading /> : null}
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      {stats.data && rows.length === 0 ? <p className="muted">{t('place.none')}</p> : null}
      {rows.length > 0 ? (
        <Chart option={option} label={t('dashboard.codes')} onClickName={(i) => onOpen(rows[i].path)} />
      ) : null}
    </Card>
  );
}

function WorkChart({
  stats,
  onOpen,
}: {
  stats: ReturnType<typeof useStats>;
  onOpen: (path: string) => void;
}) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => stats.data?.slice(1) ?? [], [stats.data]);
  const option = useMemo<ChartOption>(() => {
    const series: [string, (r: PlaceStats) => number, string][] = [
      [t('dashboard.cases'), (r) => r.cases, '#7b3fa0'],
      [t('dashboard.companions'), (r) => r.companions, '#e08a1e'],
      [t('dashboard.openTasks'), (r) => r.openTasks, '#3f7fd4'],
      [t('dashboard.overdueTasks'), (r) => r.overdueTasks, '#d13b3b'],
    ];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => placeName(r, lang)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(([name, pick, color]) => ({
        name,
        type: 'bar',
        itemStyle: { color },
        data: rows.map(pick),
      })),
    };
  }, [rows, t, lang]);
  return (
    <Card title={t('dashboard.work')}>
      {stats.loading ? <Loading /> : null}
      {stats.error ? <ErrorNote error={stats.error} onRetry={stats.reload} /> : null}
      {rows.length > 0 ? (
        <Chart option={option} label={t('dashboard.work')} onClickName={(i) => onOpen(rows[i].path)} />
      ) : null}
    </Card>
  );
}

function MapWidget({ places }: { places: ReturnType<typeof usePlaces> }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const points = useMemo<MapPoint[]>(() => {
    const own = places.data?.[0];
    return (places.data ?? [])
      .filter((p) => p.lon !== null && p.lat !== null && p !== own)
      .map((p) => ({
        path: p.path,
        name: placeName(p, lang),
        level: p.level,
        lon: p.lon!,
        lat: p.lat!,
        labelled: p.parentId === own?.id,
      }));
  }, [places.data, lang]);
  return (
    <Card title={t('dashboard.map')} className="widget-map">
      <p className="muted small">{t('dashboard.mapHint')}</p>
      {places.error ? <ErrorNote error={places.error} onRetry={places.reload} /> : null}
      <CompanionCellsLayer>
        {(cells) => (
          <CityMap
            points={points}
            cells={cells}
            label={t('dashboard.map')}
            onPlace={(p) => navigate(`/places/${p}`)}
          />
        )}
      </CompanionCellsLayer>
    </Card>
  );
}

function usePlaces(path: string | undefined) {
  return useApi((signal) => listPlaces({ under: path }, signal), [path]);
}

function ChildrenList({ places }: { places: ReturnType<typeof usePlaces> }) {
  const { t, lang } = useI18n();
  const own = places.data?.[0];
  const children = (places.data ?? []).filter((p) => own && p.parentId === own.id);
  return (
    <Card title={t('place.children')}>
      {places.loading ? <Loading /> : null}
      {places.data && children.length === 0 ? <p className="muted">{t('place.none')}</p> : null}
      <ul className="place-list">
        {children.map((p: Place) => (
          <li key={p.id}>
            <Link to={`/places/${p.path}`}>{placeName(p, lang)}</Link>{' '}
            <span className="muted">
              {t(`level.${p.level}`)} · {p.path}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function Overview({ path, title }: { path?: string; title?: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const places = usePlaces(path);
  const stats = useStats(path);
  const open = (p: string) => navigate(`/places/${p}`);
  if (places.error instanceof ApiError && places.error.notFound) return <NotFound />;
  const own = places.data?.[0];
  return (
    <div className="page">
      <h1>{title ?? (own ? placeName(own, lang) : t('common.loading'))}</h1>
      {own ? (
        <p className="muted">
          {t('dashboard.scope', {
            place: `${placeName(own, lang)} · ${t(`level.${own.level}`)} · ${own.path}`,
          })}
        </p>
      ) : null}
      <Totals stats={stats} />
      <div className="grid-2">
        <CodesChart stats={stats} onOpen={open} />
        <WorkChart stats={stats} onOpen={open} />
      </div>
      <div className="grid-2 grid-map">
        <MapWidget places={places} />
        <ChildrenList places={places} />
      </div>
    </div>
  );
}
