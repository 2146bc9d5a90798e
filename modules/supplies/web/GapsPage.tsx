/**
 * Supply gaps (物资缺口): for a place within the user's and a date, each item's requirement,
 * usable stock and what is still uncovered; one item by place — each community's gap, each higher
 * level's own stock against the gaps below it — with a map of the communities; the workbook of
 * stock and gaps; the alerts standing; the norms in force.
 */
import { Card, ErrorNote, Field, Loading } from '@renxing/ui/controls';
import { DataTable } from '@renxing/ui/DataTable';
import { listPlaces } from '@renxing/ui/endpoints';
import { PlaceOptions } from '@renxing/ui/PlaceOptions';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alerts } from './Alerts.js';
import { exportUrl, type Gaps, getGaps, listNorms } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { GapsMap } from './GapsMap.js';
import { amount, cityToday, useMay } from './shared.js';
import './supplies.css';

function Summary({ gaps, onItem }: { gaps: Gaps; onItem: (code: string) => void }) {
  const { t, lang } = useWords();
  const figures = gaps.items.map((item) => {
    const rows = gaps.rows.filter((r) => r.item === item.code);
    const top = rows.find((r) => r.path === gaps.under);
    return {
      item,
      requirement: top?.requirement ?? 0,
      stock: rows.reduce((n, r) => n + r.stock, 0),
      uncovered: top?.gap ?? 0,
      short: rows.filter((r) => r.level === 'community' && r.gap > 0).length,
    };
  });
  return (
    <DataTable
      columns={[
        t('gaps.item'),
        t('gaps.requirement'),
        t('gaps.stock'),
        t('gaps.uncovered'),
        t('gaps.short'),
        '',
      ]}
      testId="gap-items"
      labelledBy="gap-items-title"
      empty={figures.length === 0 ? t('gaps.none') : null}
    >
      {figures.map((f) => (
        <tr key={f.item.code} data-item={f.item.code} className={f.uncovered > 0 ? 'short' : ''}>
          <td>
            {f.item.name} <span className="muted mono small">{f.item.code}</span>
          </td>
          <td className="num">
            {amount(f.requirement, lang)} {f.item.unit}
          </td>
          <td className="num">
            {amount(f.stock, lang)} {f.item.unit}
          </td>
          <td className="num" data-uncovered={f.uncovered}>
            {amount(f.uncovered, lang)} {f.item.unit}
          </td>
          <td className="num" data-short={f.short}>
            {f.short}
          </td>
          <td>
            <button type="button" className="link" onClick={() => onItem(f.item.code)}>
              {t('gaps.show')}
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function ByPlace({ gaps, code }: { gaps: Gaps; code: string }) {
  const { t, lang } = useWords();
  const item = gaps.items.find((i) => i.code === code);
  if (!item) return <p className="muted">{t('gaps.none')}</p>;
  const rows = new Map(gaps.rows.filter((r) => r.item === code).map((r) => [r.path, r]));
  const base = gaps.under.split('.').length;
  const unit = (x: number) => `${amount(x, lang)} ${item.unit}`;
  return (
    <div className="stack">
      <h3>{t('gaps.places', { item: item.name, unit: item.unit })}</h3>
      <DataTable
        columns={[
          t('gaps.place'),
          t('gaps.level'),
          t('gaps.residents'),
          t('gaps.requirement'),
          t('gaps.stock'),
          t('gaps.below'),
          t('gaps.gap'),
        ]}
        testId="gap-places"
      >
        {gaps.places
          .filter((p) => rows.has(p.path))
          .map((p) => {
            const r = rows.get(p.path)!;
            const indent = p.path.split('.').length - base;
            return (
              <tr key={p.path} data-place={p.path} data-gap={r.gap} className={r.gap > 0 ? 'short' : ''}>
                <td style={{ paddingLeft: `${0.6 + indent * 1.2}rem` }}>{p.name}</td>
                <td>{t(`level.${p.level}` as Word)}</td>
                <td className="num">{amount(p.residents, lang)}</td>
                <td className="num">{unit(r.requirement)}</td>
                <td className="num" data-stock={r.stock}>
                  {unit(r.stock)}
                </td>
                <td className="num">{p.level === 'community' ? t('none') : unit(r.gapsBelow)}</td>
                <td className="num gap">{unit(r.gap)}</td>
              </tr>
            );
          })}
      </DataTable>
      <GapsMap places={gaps.places} rows={[...rows.values()]} item={item} />
    </div>
  );
}

function Norms() {
  const { t, lang } = useWords();
  const norms = useApi((signal) => listNorms(signal), []);
  return (
    <Card title={t('norms.title')}>
      {norms.error ? <ErrorNote error={norms.error} onRetry={norms.reload} /> : null}
      {norms.data ? (
        <DataTable
          columns={[t('norms.source'), t('norms.item'), t('norms.perResident'), t('norms.places')]}
          testId="norms"
          empty={norms.data.length === 0 ? t('norms.none') : null}
        >
          {norms.data.map((n) => (
            <tr key={n.id}>
              <td className="mono small">{n.source}</td>
              <td>{n.itemName}</td>
              <td className="num">
                {amount(n.perResident, lang)} {n.unit}
              </td>
              <td>{n.places.map((p) => p.name).join('、')}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Loading />
      )}
    </Card>
  );
}

export function GapsPage() {
  const { t } = useWords();
  const may = useMay();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const under = params.get('under') || user.placePath || undefined;
  const item = params.get('item') ?? '';
  const [horizon, setHorizon] = useState(cityToday());
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const places = useApi(
    (signal) => listPlaces({ under: user.placePath ?? undefined }, signal),
    [user.placePath],
  );
  const all = useApi((signal) => getGaps({ under, horizon }, signal), [under, horizon]);
  const one = useApi(
    (signal) => (item ? getGaps({ under, horizon, item }, signal) : Promise.resolve(undefined)),
    [under, horizon, item],
  );
  const place = all.data?.places.find((p) => p.path === all.data?.under);
  return (
    <div className="page supplies">
      <h1>{t('gaps.title')}</h1>
      <p className="muted">{t('gaps.lead')}</p>
      <form className="filters" aria-label={t('gaps.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('gaps.under')}>
          {(id) => (
            <select id={id} value={under ?? ''} onChange={(e) => set('under', e.target.value)}>
              <PlaceOptions places={places.data} />
            </select>
          )}
        </Field>
        <Field label={t('gaps.horizon')}>
          {(id) => (
            <input
              id={id}
              type="date"
              required
              value={horizon}
              onChange={(e) => setHorizon(e.target.value || cityToday())}
            />
          )}
        </Field>
        <Field label={t('gaps.item')}>
          {(id) => (
            <select id={id} value={item} onChange={(e) => set('item', e.target.value)} data-testid="gap-item">
              <option value="">{t('gaps.allItems')}</option>
              {(all.data?.items ?? []).map((i) => (
                <option key={i.code} value={i.code}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {may('exportSupplies') ? (
          <div className="filter-actions">
            <a className="button" href={exportUrl(under, horizon)} download data-testid="export">
              {t('gaps.export')}
            </a>
          </div>
        ) : null}
      </form>
      <Card title={t('gaps.items', { place: place?.name ?? under ?? '' })} labelledBy="gap-items-title">
        {all.loading && !all.data ? <Loading /> : null}
        {all.error ? <ErrorNote error={all.error} onRetry={all.reload} /> : null}
        {all.data ? <Summary gaps={all.data} onItem={(code) => set('item', code)} /> : null}
        {item && one.error ? <ErrorNote error={one.error} onRetry={one.reload} /> : null}
        {item && one.data ? <ByPlace gaps={one.data} code={item} /> : item ? <Loading /> : null}
      </Card>
      {may('listSupplyAlerts') ? <Alerts under={under} /> : null}
      {may('listSupplyNorms') ? <Norms /> : null}
    </div>
  );
}
